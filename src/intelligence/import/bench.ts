/**
 * `npx fusion bench import [--rows N] [--embedded]`: imports N intelligence reports (default 1,000,000) through
 * the full import path - staging COPY, set-based validation, idempotency keys, subjects, per-batch audit entries -
 * and compares it, in the same run on the same server, with a raw PostgreSQL COPY of the same rows into the same
 * tables (copies of intel_reports and intel_report_subjects with the same indexes and constraints,
 * loaded from files already in the tables' formats: the rows exactly as the import stores them, with no
 * validation and no audit). The raw COPY is timed before and after the import; the faster is the baseline.
 * ratio = import rows/s / raw COPY rows/s (target >= 0.5). A second line compares with a COPY of the import file
 * into a table of plain text columns, for information.
 *
 * Runs against a scratch database created on the PostgreSQL server of DATABASE_URL (or FUSION_TEST_PG_URL, or
 * postgres://postgres@127.0.0.1:5432/test) and dropped afterwards; with --embedded, an in-memory PGlite.
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { closeContext, openContext } from '../../kernel/app.js';
import type { BenchFn } from '../../kernel/capability.js';
import { loadConfig } from '../../kernel/config.js';
import type { AppContext } from '../../kernel/context.js';
import { agencies } from '../agencies.js';
import { copyInto } from './copy.js';
import { importReports } from './importer.js';
import { systemActor } from './run.js';
import {
  SAMPLE_HEADER,
  TARGET_REPORT_COLUMNS,
  TARGET_SUBJECT_COLUMNS,
  writeSampleCsv,
  writeTargetCsv,
} from './sample.js';

const log = (s: string) => process.stderr.write(`${s}\n`);

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Raw COPY of the rows, already in the target format, into copies of the target tables. */
async function rawCopyIntoTargets(
  ctx: AppContext,
  reportsFile: string,
  subjectsFile: string,
): Promise<number> {
  await sql
    .raw(`DROP TABLE IF EXISTS bench_copy_subjects; DROP TABLE IF EXISTS bench_copy_reports;
    CREATE TABLE bench_copy_reports (LIKE intel_reports INCLUDING ALL);
    CREATE TABLE bench_copy_subjects (LIKE intel_report_subjects INCLUDING ALL);`)
    .execute(ctx.db);
  const s = await seconds(async () => {
    await copyInto(ctx, `bench_copy_reports (${TARGET_REPORT_COLUMNS})`, 'FORMAT csv', { file: reportsFile });
    await copyInto(ctx, `bench_copy_subjects (${TARGET_SUBJECT_COLUMNS})`, 'FORMAT csv', {
      file: subjectsFile,
    });
  });
  await sql.raw('DROP TABLE bench_copy_subjects; DROP TABLE bench_copy_reports;').execute(ctx.db);
  return s;
}

async function rawCopyPlain(ctx: AppContext, file: string): Promise<number> {
  await sql
    .raw(
      `DROP TABLE IF EXISTS bench_copy_plain; CREATE TABLE bench_copy_plain (${SAMPLE_HEADER.map((h) => `${h} text`).join(', ')})`,
    )
    .execute(ctx.db);
  const s = await seconds(() => copyInto(ctx, 'bench_copy_plain', 'FORMAT csv, HEADER true', { file }));
  await sql.raw('DROP TABLE bench_copy_plain').execute(ctx.db);
  return s;
}

export const importBench: BenchFn = async ({ print, args }) => {
  const rows = Number(args.rows ?? 1_000_000);
  if (!Number.isInteger(rows) || rows < 1000)
    throw new Error('--rows must be a whole number of at least 1,000');
  const embedded = args.embedded === true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-bench-import-'));
  const file = path.join(dir, 'reports.csv');
  log(`writing ${rows.toLocaleString('en-GB')} sample rows to ${file}`);
  await writeSampleCsv(file, { rows, seed: 4 });
  const base = {
    ...loadConfig({ FUSION_MODE: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv),
    dataDir: 'memory://',
  };
  const adminUrl =
    process.env.DATABASE_URL || process.env.FUSION_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = `fusion_bench_import_${process.pid}`;
  const u = new URL(adminUrl);
  u.pathname = `/${scratch}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  if (!embedded) await admin(`CREATE DATABASE ${scratch}`);
  let ctx: AppContext | null = null;
  try {
    log(`migrating a scratch ${embedded ? 'embedded' : 'PostgreSQL'} database`);
    ctx = await openContext({ ...base, databaseUrl: embedded ? undefined : u.toString() });
    const ag = await agencies(ctx);
    const targetReports = path.join(dir, 'target-reports.csv');
    const targetSubjects = path.join(dir, 'target-subjects.csv');
    const idPrefix = '000000000001' + '7' + '000' + '8';
    await writeTargetCsv(file, targetReports, targetSubjects, {
      idPrefix,
      keyPrefix: 'f'.repeat(16),
      importId: randomUUID(),
      agency: 'met',
      regionOf: (a) => ag.get(a)?.region ?? null,
    });

    const before = await rawCopyIntoTargets(ctx, targetReports, targetSubjects);
    log(`raw COPY into the target tables: ${before.toFixed(2)} s`);
    const plain = await rawCopyPlain(ctx, file);
    log(`raw COPY of the file into text columns: ${plain.toFixed(2)} s`);
    let lastPct = -1;
    let result: Awaited<ReturnType<typeof importReports>> | null = null;
    const ours = await seconds(async () => {
      result = await importReports(ctx!, {
        file,
        defaultAgency: 'met',
        actor: systemActor('met'),
        batchSize: Number(args['batch-size'] ?? 50_000),
        onProgress: (d, t) => {
          const pct = t ? Math.floor((d / t) * 10) : -1;
          if (pct > lastPct) {
            lastPct = pct;
            log(`import: ${pct * 10}%`);
          }
        },
      });
    });
    const r = result!;
    log(`import: ${ours.toFixed(2)} s (${r.imported} imported, ${r.errors} refused)`);
    const after = await rawCopyIntoTargets(ctx, targetReports, targetSubjects);
    log(`raw COPY into the target tables again: ${after.toFixed(2)} s`);
    const baseline = Math.min(before, after);
    const audits = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'intelligence.reports.import'`.execute(ctx.db);
    const subjects = await sql<{ n: number }>`SELECT count(*)::int AS n FROM intel_report_subjects`.execute(
      ctx.db,
    );
    print({
      bench: 'import',
      value: Math.round(rows / ours),
      baseline: Math.round(rows / baseline),
      ratio: Number((baseline / ours).toFixed(3)),
      unit: 'rows/s',
      rows,
      imported: r.imported,
      subjects: subjects.rows[0]!.n,
      refused: r.errors,
      importSeconds: Number(ours.toFixed(2)),
      rawCopySeconds: Number(baseline.toFixed(2)),
      rawCopySecondsRuns: [Number(before.toFixed(2)), Number(after.toFixed(2))],
      auditEntries: audits.rows[0]!.n,
      database: ctx.database.kind,
      target: 0.5,
    });
    print({
      bench: 'import-vs-plain-copy',
      value: Math.round(rows / ours),
      baseline: Math.round(rows / plain),
      ratio: Number((plain / ours).toFixed(3)),
      unit: 'rows/s',
      note: 'raw COPY of the import file into a table of text columns (no indexes, no typing): information only',
    });
  } finally {
    if (ctx) await closeContext(ctx);
    if (!embedded) await admin(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
