import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testEnv } from '../../../test/support/context.js';
import { DATABASE_KINDS, pgTemplateName, pgUrlFor, withAdmin } from '../../../test/support/databases.js';
import { importReports } from './importer.js';
import { systemActor } from './run.js';
import { writeSampleCsv } from './sample.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-intel-resume-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(DATABASE_KINDS)('an import interrupted part-way and run again on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind, 'empty');
  });
  afterAll(async () => env?.close());

  it('ends with exactly the rows of the file, each once', async () => {
    const file = path.join(dir, `crash-${kind}.csv`);
    await writeSampleCsv(file, { rows: 3000, seed: 11 });
    let batches = 0;
    await expect(
      importReports(env.ctx, {
        file,
        defaultAgency: 'met',
        actor: systemActor('met'),
        batchSize: 500,
        parallel: 1,
        onProgress: (done) => {
          // The process "dies" after two committed batches.
          if (done > 0 && ++batches === 2) throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    const partial = await sql<{ n: number }>`SELECT count(*)::int AS n FROM intel_reports`.execute(
      env.ctx.db,
    );
    expect(partial.rows[0]!.n).toBe(1000);
    const again = await importReports(env.ctx, {
      file,
      defaultAgency: 'met',
      actor: systemActor('met'),
      batchSize: 500,
    });
    expect(again).toMatchObject({ resumed: true, imported: 2000, duplicates: 1000, errors: 0 });
    const rows = await sql<{ n: number; rows: number; lo: number; hi: number }>`
      SELECT count(*)::int AS n, count(DISTINCT import_row)::int AS rows, min(import_row) AS lo, max(import_row) AS hi FROM intel_reports`.execute(
      env.ctx.db,
    );
    expect(rows.rows[0]).toEqual({ n: 3000, rows: 3000, lo: 1, hi: 3000 });
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM intel_report_subjects`.execute(env.ctx.db))
        .rows[0]!.n,
    ).toBe(6000);
  });
});

describe('the import command killed with SIGKILL and restarted (PostgreSQL)', () => {
  const db = `fusion_t_${process.pid}_killed_import`;
  const url = pgUrlFor(db);
  beforeAll(async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`));
    await withAdmin((c) => c.query(`CREATE DATABASE ${db} TEMPLATE ${pgTemplateName('empty')}`));
  });
  afterAll(async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`));
  });

  const count = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return Number((await c.query('SELECT count(*)::int AS n FROM intel_reports')).rows[0].n);
    } finally {
      await c.end();
    }
  };
  const cli = (file: string) =>
    spawn(
      process.execPath,
      [
        path.join(ROOT, 'bin/fusion.mjs'),
        'import',
        'intelligence',
        file,
        '--agency',
        'met',
        '--batch-size',
        '500',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url, FUSION_MODE: 'test', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

  it('ends with exactly the rows of the file, each once', async () => {
    const rows = 40_000;
    const file = path.join(dir, 'killed.csv');
    await writeSampleCsv(file, { rows, seed: 12, externalIds: true });
    const first = cli(file);
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    // Wait until some batches have committed, then kill the process outright.
    let seen = 0;
    for (let i = 0; i < 1200 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await count().catch(() => 0);
    }
    first.kill('SIGKILL');
    await exited;
    const atKill = await count();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(rows);

    const second = cli(file);
    let out = '';
    second.stdout.on('data', (d) => (out += d));
    second.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code, out).toBe(0);
    expect(out).toContain('resumed an unfinished import');

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ext, count(DISTINCT import_row)::int AS rows, min(import_row) AS lo, max(import_row) AS hi FROM intel_reports`,
      );
      expect(r.rows[0]).toEqual({ n: rows, ext: rows, rows, lo: 1, hi: rows });
      const subjects = await c.query(
        'SELECT count(*)::int AS n, count(DISTINCT report_id)::int AS reports FROM intel_report_subjects',
      );
      expect(subjects.rows[0]).toEqual({ n: rows * 2, reports: rows });
    } finally {
      await c.end();
    }
  }, 600_000);
});
