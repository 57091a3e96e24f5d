/**
 * `npx fusion bench dashboard [--size large|small|xl] [--n 200] [--embedded] [--keep] [--database-url URL]`:
 * loads the demo data (every capability's) into a scratch database, then renders the national dashboard page
 * N times through the app (the whole request path: token, policy, every measure, the page) and the health
 * endpoint N times in the same run, and prints the p95 of each and their ratio. PostgreSQL scratch database on the
 * local server by default (dropped afterwards unless --keep, and reused by a later --keep run of the same size);
 * --embedded uses PGlite in a temporary folder. Progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CAPABILITIES } from '../capabilities.js';
import { closeContext, createApp, openContext } from '../kernel/app.js';
import { issueToken } from '../kernel/auth/tokens.js';
import type { BenchFn } from '../kernel/capability.js';
import { loadConfig } from '../kernel/config.js';
import type { DemoSize } from '../kernel/demo/demo.js';
import { hasDemoData, runDemo } from '../kernel/demo/run-demo.js';
import { computeAll, measureEnv } from './measures.js';

export function p95(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;
}

const log = (m: string) => process.stderr.write(`[bench dashboard] ${m}\n`);

export const dashboardBench: BenchFn = async ({ print, args }) => {
  const size = String(args.size ?? 'large') as DemoSize;
  if (!['small', 'large', 'xl'].includes(size)) throw new Error('--size must be small, large or xl');
  const n = Number(args.n ?? 200);
  const embedded = !!args.embedded;
  const keep = !!args.keep;
  const base = new URL(
    String(
      args['database-url'] ?? process.env.FUSION_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    ),
  );
  const scratch = keep
    ? `fusion_bench_dashboard_${size}`
    : `fusion_bench_dashboard_${process.pid}_${Date.now().toString(36)}`;
  let dataDir: string | null = null;
  let admin: pg.Client | null = null;
  const config = { ...loadConfig({ FUSION_MODE: 'demo', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv) };
  if (embedded) {
    dataDir = keep
      ? path.join(os.tmpdir(), scratch)
      : fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-bench-dashboard-'));
    Object.assign(config, { databaseUrl: undefined, dataDir });
  } else {
    admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [scratch]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(base);
    url.pathname = `/${scratch}`;
    Object.assign(config, { databaseUrl: url.toString() });
  }
  log(`database: ${embedded ? `PGlite in ${dataDir}` : `PostgreSQL ${scratch}`}`);
  const ctx = await openContext(config);
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    if (!(await hasDemoData(ctx))) {
      log(`loading the ${size} demo data of every capability (this can take minutes)`);
      const t0 = Date.now();
      let last = 0;
      await runDemo(ctx, CAPABILITIES, {
        size,
        progress: {
          start: (name) => log(`demo: ${name}`),
          update: (d, t, l) => {
            if (Date.now() - last > 5000) {
              last = Date.now();
              log(`  ${d}/${t}${l ? ` ${l}` : ''}`);
            }
          },
          stop: () => {},
        },
      });
      log(`demo data loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } else {
      log('reusing the demo data already in the scratch database');
    }
    app = await createApp(ctx, CAPABILITIES);
    const user = await (ctx.db as any)
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'msoicu@npcc.demo')
      .executeTakeFirstOrThrow();
    const t = await issueToken(ctx.db, user.id, { name: 'bench', scopes: ['*'] });
    const headers = { authorization: `Bearer ${t.token}`, accept: 'text/html' };
    const dashboard = async () => {
      const t0 = performance.now();
      const res = await app!.inject({ method: 'GET', url: '/performance?scope=national', headers });
      if (res.statusCode !== 200)
        throw new Error(`dashboard answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (!res.body.includes('Disruptions'))
        throw new Error('the dashboard page did not render its measures');
      return performance.now() - t0;
    };
    const health = async () => {
      const t0 = performance.now();
      const res = await app!.inject({ method: 'GET', url: '/healthz' });
      if (res.statusCode !== 200) throw new Error(`health answered ${res.statusCode}`);
      return performance.now() - t0;
    };
    // The first render computes every measure (nothing materialised yet); later ones read the materialised figures.
    const first = await dashboard();
    log(`first render (computing every measure): ${first.toFixed(0)} ms`);
    const compute: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await computeAll(ctx.db, { level: 'national' }, await measureEnv(ctx.db));
      compute.push(performance.now() - t0);
    }
    log('warming up');
    for (let i = 0; i < 10; i++) {
      await dashboard();
      await health();
    }
    const d: number[] = [];
    const h: number[] = [];
    log(`measuring ${n} dashboard renders and ${n} health checks, interleaved`);
    for (let i = 0; i < n; i++) {
      d.push(await dashboard());
      h.push(await health());
      if ((i + 1) % 50 === 0) log(`  ${i + 1}/${n}`);
    }
    const value = Math.round(p95(d) * 10) / 10;
    const baseline = Math.round(p95(h) * 100) / 100;
    const median = [...d].sort((a, b) => a - b)[Math.floor(d.length / 2)]!;
    print({
      bench: 'dashboard',
      value,
      baseline,
      ratio: Math.round((value / baseline) * 10) / 10,
      unit: 'ms p95',
      size,
      n,
      database: ctx.database.kind,
      median: Math.round(median * 10) / 10,
      first_render_ms: Math.round(first),
      compute_all_median_ms: Math.round([...compute].sort((a, b) => a - b)[2]!),
    });
  } finally {
    await app?.close();
    await closeContext(ctx);
    if (admin) {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
    if (dataDir && !keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
