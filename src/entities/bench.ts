/**
 * Benchmarks (`npx fusion bench <name>`), each printing JSON lines {bench,value,baseline,ratio,unit}:
 *   match   - the matching engine on FEBRL and the transliteration set beside a pg_trgm baseline (bench/match);
 *             `--scale N [--threads 2] [--incremental 1000]`: dedup of N synthetic people (time, peak RSS, F1)
 *   search  - fuzzy person search latency over the configured database (p50/p95), beside a bare pg_trgm query
 *   resolve - incremental resolution of one new record against everything resolved (p95)
 * search and resolve run on the database Fusion is configured for (load it first: `npx fusion demo --size xl`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { Principal } from '../kernel/access/principal.js';
import { closeContext, openContext } from '../kernel/app.js';
import type { BenchFn, BenchLine } from '../kernel/capability.js';
import { loadConfig } from '../kernel/config.js';
import type { AppContext } from '../kernel/context.js';
import { SRC_DIR } from '../kernel/db/migrate.js';
import { createRng } from './demo/rng.js';
import { typo } from './demo/variants.js';
import { NeedToKnow } from './need-to-know.js';
import { resolveIncrementally } from './resolution/incremental.js';
import { warmIndex } from './resolution/index-cache.js';
import { searchPeople } from './search.js';
import { agencyDirectory, forgetMentions, recordMentions } from './store.js';

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** A national analyst: sees what the demo agreements share with the NCA. */
export function benchPrincipal(): Principal {
  return { userId: '00000000-0000-4000-8000-000000000001', name: 'Bench analyst', email: 'bench@fusion.invalid', agencyCode: 'nca', agencyName: 'National Crime Agency', agencyType: 'nca', region: null, forceAreaCode: null, roles: ['analyst', 'intelligence_officer'], via: 'token' };
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const ctx = await openContext(config);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

const benchMatch: BenchFn = async ({ print, args }) => {
  const file = path.resolve(SRC_DIR, '..', 'bench', 'match', 'index.ts');
  if (!fs.existsSync(file)) throw new Error('bench/match/index.ts is not there yet: the matching benchmark belongs to the matching engine.');
  type Mod = typeof import('../../bench/match/index.js');
  const mod = (await import(pathToFileURL(file).href)) as Mod;
  if (args.usage) {
    process.stdout.write(
      'npx fusion bench match [--quick]                  FEBRL 1-3 (dedup and linkage), FEBRL4 if present, transliteration; each beside pg_trgm\n' +
        'npx fusion bench match --scale 1000000 [--threads 2] [--incremental 1000]   dedup of synthetic people with known truth: time, peak RSS, F1, incremental p95\n',
    );
    return;
  }
  if (args.scale !== undefined) {
    await mod.benchMatchScale(print, {
      records: args.scale === true ? 100_000 : Number(args.scale),
      threads: args.threads === undefined ? undefined : Number(args.threads),
      incremental: args.incremental === undefined ? undefined : Number(args.incremental),
    });
    return;
  }
  await mod.benchMatch(print, { quick: args.quick === true });
};

const benchSearch: BenchFn = async ({ print, args }) => {
  const n = Number(args.n ?? 200);
  await withContext(async (ctx) => {
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_records`.execute(ctx.db)).rows[0]!.n);
    if (total < 100) throw new Error('load people first: npx fusion demo --size large (or xl)');
    const rng = createRng(Number(args.seed ?? 7));
    // Queries: another spelling of real people (a typo in the name, only the year of birth, sometimes a phone).
    const sample = await sql<{ given_name: string | null; family_name: string | null; full_name: string | null; date_of_birth_text: string | null; phone: string | null; postcode: string | null }>`
      SELECT given_name, family_name, full_name, date_of_birth_text, phone, postcode FROM person_records TABLESAMPLE SYSTEM (${Math.min(100, Math.max(0.01, (n * 400) / total))}) LIMIT ${n}`.execute(ctx.db);
    const ntk = new NeedToKnow(benchPrincipal(), ctx, await agencyDirectory(ctx.db));
    const queries = sample.rows.map((r) => {
      let name = [r.given_name, r.family_name].filter(Boolean).join(' ') || r.full_name || '';
      if (rng.chance(0.5)) name = typo(name, rng).text;
      const year = /\d{4}/.exec(r.date_of_birth_text ?? '')?.[0];
      return { name, dob: rng.chance(0.6) && year ? year : undefined, phone: rng.chance(0.2) ? (r.phone ?? undefined) : undefined, postcode: rng.chance(0.2) ? (r.postcode ?? undefined) : undefined };
    });
    for (const q of queries.slice(0, 10)) await searchPeople(ctx, ntk, q); // warm caches
    const times: number[] = [];
    const baseline: number[] = [];
    let found = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const out = await searchPeople(ctx, ntk, q);
      times.push(performance.now() - t0);
      if (out.results.length || out.hits.length) found++;
      const t1 = performance.now();
      await sql`SELECT id FROM person_records WHERE search_name % ${q.name.toLowerCase()} ORDER BY similarity(search_name, ${q.name.toLowerCase()}) DESC LIMIT 25`.execute(ctx.db);
      baseline.push(performance.now() - t1);
    }
    const p95 = percentile(times, 0.95);
    const b95 = percentile(baseline, 0.95);
    const line = (bench: string, value: number, base: number | null, unit: string, extra: Record<string, unknown> = {}): BenchLine => ({ bench, value: round(value), baseline: base === null ? null : round(base), ratio: base ? round(base / value) : null, unit, ...extra });
    print(line('search.p95', p95, b95, 'ms', { records: total, queries: queries.length, database: ctx.database.kind, baselineIs: 'bare pg_trgm similarity query, same process' }));
    print(line('search.p50', percentile(times, 0.5), percentile(baseline, 0.5), 'ms', { records: total }));
    print(line('search.found', found / Math.max(1, queries.length), null, 'share of queries with a result or a hit', { records: total }));
  });
};

const benchResolve: BenchFn = async ({ print, args }) => {
  const n = Number(args.n ?? 200);
  await withContext(async (ctx) => {
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_records WHERE entity_id IS NOT NULL`.execute(ctx.db)).rows[0]!.n);
    if (total < 100) throw new Error('load and resolve people first: npx fusion demo --size large (or xl)');
    const t0 = performance.now();
    await warmIndex(ctx);
    const warm = performance.now() - t0;
    const rng = createRng(Number(args.seed ?? 11));
    const sample = await sql<{ agency_code: string; given_name: string | null; family_name: string | null; full_name: string | null; date_of_birth_text: string | null; phone: string | null; address: string | null; postcode: string | null; nationality: string | null }>`
      SELECT agency_code, given_name, family_name, full_name, date_of_birth_text, phone, address, postcode, nationality FROM person_records
        TABLESAMPLE SYSTEM (${Math.min(100, Math.max(0.01, (n * 400) / total))}) WHERE entity_id IS NOT NULL LIMIT ${n}`.execute(ctx.db);
    const times: number[] = [];
    let joined = 0;
    const sourceIds: string[] = [];
    try {
      for (const [i, r] of sample.rows.entries()) {
        const sourceId = `bench-${process.pid}-${i}`;
        sourceIds.push(sourceId);
        const given = r.given_name && rng.chance(0.5) ? typo(r.given_name, rng).text : r.given_name;
        const ids = await ctx.db.transaction().execute((trx) =>
          recordMentions(trx, {
            agencyCode: r.agency_code,
            sourceKind: 'bench',
            sourceId,
            people: [{ role: 'subject', givenName: given, familyName: r.family_name, fullName: given || r.family_name ? null : r.full_name, dateOfBirth: r.date_of_birth_text, phone: r.phone, address: r.address, postcode: r.postcode, nationality: r.nationality }],
          }),
        );
        const s = performance.now();
        const out = await resolveIncrementally(ctx, [ids.people[0]!.id]);
        times.push(performance.now() - s);
        if (out.created === 0) joined++;
      }
    } finally {
      await ctx.db.transaction().execute(async (trx) => {
        for (const id of sourceIds) await forgetMentions(trx, 'bench', id);
      });
    }
    print({ bench: 'resolve.incremental.p95', value: round(percentile(times, 0.95)), baseline: null, ratio: null, unit: 'ms', records: total, samples: times.length, database: ctx.database.kind });
    print({ bench: 'resolve.incremental.p50', value: round(percentile(times, 0.5)), baseline: null, ratio: null, unit: 'ms', records: total });
    print({ bench: 'resolve.index.load', value: round(warm / 1000), baseline: null, ratio: null, unit: 's', records: total, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) });
    print({ bench: 'resolve.joined', value: round(joined / Math.max(1, times.length)), baseline: null, ratio: null, unit: 'share of re-spelled records that joined an existing person' });
  });
};

export const ENTITY_BENCHES: Record<string, BenchFn> = { match: benchMatch, search: benchSearch, resolve: benchResolve };
