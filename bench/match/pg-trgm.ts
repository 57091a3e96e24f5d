/**
 * Baseline: a PostgreSQL pg_trgm similarity join, the matching a team could build in SQL alone.
 * Records go into a temporary table with one text per record (given name, surname, date of birth
 * and, optionally, address), a GIN trigram index, and a self-join (or two-table join) on
 * `similarity >= t`. The best threshold is chosen afterwards with the truth, which flatters the
 * baseline; its time covers loading, indexing and the join.
 */
import pg from 'pg';
import type { PersonRecord } from '../../src/entities/matching/types.js';
import { normaliseText } from '../../src/entities/matching/normalise.js';
import { countTruePairs, type Quality, quality } from './metrics.js';

export interface BaselineResult extends Quality {
  seconds: number;
  threshold: number;
  candidatePairs: number;
}

export type BaselineText = (r: PersonRecord) => string;

/** Name and date of birth: the usual "fuzzy name + DOB" search. */
export const nameDob: BaselineText = (r) =>
  normaliseText([r.given_name, r.surname, r.full_name, r.date_of_birth].filter(Boolean).join(' '));

/** Name, date of birth and address. */
export const nameDobAddress: BaselineText = (r) =>
  normaliseText([r.given_name, r.surname, r.full_name, r.date_of_birth, r.address, r.postcode].filter(Boolean).join(' '));

export function pgConfig(): pg.ClientConfig {
  return {
    connectionString: process.env.FUSION_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}

async function load(client: pg.Client, table: string, records: readonly PersonRecord[], text: BaselineText): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${table} (id text PRIMARY KEY, s text NOT NULL)`);
  const chunk = 20_000;
  for (let k = 0; k < records.length; k += chunk) {
    const part = records.slice(k, k + chunk);
    await client.query(`INSERT INTO ${table} (id, s) SELECT * FROM unnest($1::text[], $2::text[])`, [
      part.map((r) => r.id),
      part.map(text),
    ]);
  }
  await client.query(`CREATE INDEX ON ${table} USING gin (s gin_trgm_ops)`);
  await client.query(`ANALYZE ${table}`);
}

/**
 * Runs the join at `floor` (the lowest similarity considered) and reports the F1 at the best
 * threshold at or above it. `right` given: two-file linkage; otherwise deduplication of `left`.
 */
export async function pgTrgmBaseline(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[] | null,
  entityOf: ReadonlyMap<string, string>,
  opts: { text?: BaselineText; floor?: number } = {},
): Promise<BaselineResult> {
  const text = opts.text ?? nameDob;
  const floor = opts.floor ?? 0.5;
  const client = new pg.Client(pgConfig());
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const t0 = performance.now();
    await client.query('BEGIN');
    await load(client, 'bl_left', left, text);
    if (right) await load(client, 'bl_right', right, text);
    await client.query(`SET LOCAL pg_trgm.similarity_threshold = ${floor}`);
    const sql = right
      ? 'SELECT a.id AS l, b.id AS r, similarity(a.s, b.s) AS sim FROM bl_left a JOIN bl_right b ON a.s % b.s'
      : 'SELECT a.id AS l, b.id AS r, similarity(a.s, b.s) AS sim FROM bl_left a JOIN bl_left b ON a.s % b.s AND a.id < b.id';
    const rows = (await client.query<{ l: string; r: string; sim: number }>(sql)).rows;
    await client.query('ROLLBACK');
    const seconds = (performance.now() - t0) / 1000;

    let sideOf: Map<string, 0 | 1> | undefined;
    if (right) {
      sideOf = new Map<string, 0 | 1>();
      for (const r of left) sideOf.set(r.id, 0);
      for (const r of right) sideOf.set(r.id, 1);
    }
    const relevant = new Map<string, string>();
    for (const r of left) relevant.set(r.id, entityOf.get(r.id)!);
    for (const r of right ?? []) relevant.set(r.id, entityOf.get(r.id)!);
    const truePairs = countTruePairs(relevant, sideOf);
    // Sweep thresholds over the similarity values seen: best F1 with hindsight.
    rows.sort((x, y) => y.sim - x.sim);
    let tp = 0;
    let best: BaselineResult = { ...quality([], relevant, truePairs), seconds, threshold: 1, candidatePairs: rows.length };
    for (let k = 0; k < rows.length; k++) {
      if (relevant.get(rows[k].l) === relevant.get(rows[k].r)) tp++;
      if (k + 1 < rows.length && rows[k + 1].sim === rows[k].sim) continue;
      const fp = k + 1 - tp;
      const precision = tp / (k + 1);
      const recall = tp / truePairs;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      if (f1 > best.f1) {
        best = { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: truePairs - tp, seconds, threshold: rows[k].sim, candidatePairs: rows.length };
      }
    }
    return best;
  } finally {
    await client.end();
  }
}
