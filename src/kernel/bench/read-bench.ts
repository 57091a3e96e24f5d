import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { CAPABILITIES } from '../../capabilities.js';
import { closeContext, createApp, openContext } from '../app.js';
import { issueToken } from '../auth/tokens.js';
import type { BenchFn } from '../capability.js';
import { loadConfig } from '../config.js';
import { createProbeTable, insertProbePeople, PROBE_KIND, personProbe, type ProbePerson } from './person-probe.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Load {
  rps: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
}

/** Runs autocannon in a child process against a URL (or a rotating list of paths). */
export function runLoad(opts: { url: string; paths?: string[]; headers?: Record<string, string>; connections: number; duration: number }): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, 'load.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited with ${code}`))));
    child.stdin.end(JSON.stringify(opts));
  });
}

const adminUrl = (args: Record<string, string | boolean>) =>
  String(args['database-url'] ?? process.env.DATABASE_URL ?? process.env.FUSION_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

/**
 * `fusion bench read`: throughput of an access-checked, audited person read (token -> principal, route
 * permission, load, decideRecord, redact, audit.record) against a bare Fastify route, in the same run, over
 * loopback with keep-alive connections. Runs on PostgreSQL in a scratch database it creates and drops.
 * Options: --duration <s> (10), --connections <n> (32), --people <n> (10000), --breakdown (also measures the same
 * request path without the database, `/api/v1/probe/decisions/:id`, and prints it as a second line, `read-stack`, so
 * the gap to the bare route can be split between the HTTP and access stack and the record read with its audit).
 */
export const readBench: BenchFn = async ({ print, args }) => {
  const duration = Number(args.duration ?? 10);
  const connections = Number(args.connections ?? 32);
  const peopleCount = Number(args.people ?? 10_000);
  const base = new URL(adminUrl(args));
  const scratch = `fusion_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(base);
  url.pathname = `/${scratch}`;
  const config = { ...loadConfig({ FUSION_MODE: 'demo', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), databaseUrl: url.toString() };
  const ctx = await openContext(config);
  const bare = Fastify({ logger: false });
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    // A reader at one police force, records owned by another, shared under a police-to-police agreement.
    await createProbeTable(ctx.db);
    const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
    const reader = await ctx.db
      .insertInto('users')
      .values({ email: 'bench.reader@west-yorkshire.test', name: 'Bench Reader', agency_id: agencies.get('west-yorkshire')!, roles: ['intelligence_officer'], password_hash: null, oidc_subject: null, locked_until: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('sharing_agreements')
      .values({ name: 'Bench: police to police', from_agency_code: null, from_agency_type: 'police_force', to_agency_code: null, to_agency_type: 'police_force', record_kinds: [PROBE_KIND], purposes: ['law-enforcement'], valid_until: null })
      .execute();
    await ctx.agreements.refresh();
    const people: ProbePerson[] = Array.from({ length: peopleCount }, (_, i) => ({
      reference: `P${String(i).padStart(6, '0')}`,
      given_name: `Given${i}`,
      family_name: `Family${i}`,
      date_of_birth: `19${String(50 + (i % 50)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      nationality: ['GBR', 'ALB', 'VNM', 'ERI'][i % 4]!,
      owning_agency_code: 'met',
      owning_agency_type: 'police_force',
      handling_code: 'P',
      conditions: null,
      review_date: null,
    }));
    const ids = await insertProbePeople(ctx.db, people);
    await sql`ANALYZE`.execute(ctx.db);
    const token = (await issueToken(ctx.db, reader.id, { name: 'bench', scopes: ['probe'] })).token;

    app = await createApp(ctx, [...CAPABILITIES, personProbe]);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appPort = (app.server.address() as { port: number }).port;
    bare.get('/bare', async () => ({ ok: true }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;

    const headers = { authorization: `Bearer ${token}`, 'x-fusion-purpose': 'law-enforcement' };
    const paths = ids.map((id) => `/api/v1/probe/people/${id}`);
    const auditBefore = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(ctx.db)).rows[0]!.n);
    // Warm both (JIT, connection pool, caches), then measure each in turn.
    await runLoad({ url: `http://127.0.0.1:${barePort}/bare`, connections, duration: 2 });
    await runLoad({ url: `http://127.0.0.1:${appPort}`, paths, headers, connections, duration: 2 });
    const bareRun = await runLoad({ url: `http://127.0.0.1:${barePort}/bare`, connections, duration });
    const readRun = await runLoad({ url: `http://127.0.0.1:${appPort}`, paths, headers, connections, duration });
    const stackRun = args.breakdown
      ? await runLoad({ url: `http://127.0.0.1:${appPort}`, paths: ids.map((id) => `/api/v1/probe/decisions/${id}`), headers, connections, duration })
      : null;
    await ctx.audit.flush();
    const audited = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'probe.person.read'`.execute(ctx.db)).rows[0]!.n);
    const auditAfter = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(ctx.db)).rows[0]!.n);
    const verify = await ctx.audit.verify();
    print({
      bench: 'read',
      value: Math.round(readRun.rps),
      baseline: Math.round(bareRun.rps),
      ratio: Number((readRun.rps / bareRun.rps).toFixed(3)),
      unit: 'req/s',
      connections,
      duration,
      read_p50_ms: readRun.p50,
      read_p99_ms: readRun.p99,
      bare_p50_ms: bareRun.p50,
      read_non2xx: readRun.non2xx,
      read_errors: readRun.errors,
      audit_entries_written: auditAfter - auditBefore,
      reads_audited: audited,
      audit_chain_ok: verify.ok,
    });
    if (stackRun) {
      print({
        bench: 'read-stack',
        value: Math.round(stackRun.rps),
        baseline: Math.round(bareRun.rps),
        ratio: Number((stackRun.rps / bareRun.rps).toFixed(3)),
        unit: 'req/s',
        note: 'token, route permission, validation and record decision without the database (no record read, nothing to audit): information only',
        connections,
        duration,
        stack_p50_ms: stackRun.p50,
        stack_non2xx: stackRun.non2xx,
      });
    }
  } finally {
    await bare.close();
    if (app) await app.close();
    await closeContext(ctx);
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
};
