import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** Both databases every integration test runs on. */
export const DATABASE_KINDS = ['embedded', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];
export type Template = 'empty' | 'demo';

export const PG_ADMIN_URL = process.env.FUSION_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEMPLATE_DIR = path.join(os.tmpdir(), 'fusion-test-templates');
const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');

/**
 * Templates are keyed by the state of src/ (paths, sizes, modification times), so concurrent test runs of the
 * same tree share them and a changed tree builds its own without disturbing runs of another.
 */
export function sourceStamp(): string {
  if (process.env.FUSION_TEMPLATE_STAMP) return process.env.FUSION_TEMPLATE_STAMP;
  // Inside a test worker: the stamp the global setup built for (src/ may have changed since).
  try {
    const provided = inject('templateStamp' as never) as string | undefined;
    if (provided) return provided;
  } catch {
    // not in a test worker (the global setup itself)
  }
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts')) {
        const s = fs.statSync(p);
        h.update(`${p}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  walk(SRC);
  return h.digest('hex').slice(0, 12);
}

export const pgTemplateName = (t: Template, stamp = sourceStamp()) => `fusion_tpl_${stamp}_${t}`;
export const pgliteDumpPath = (t: Template, stamp = sourceStamp()) => path.join(TEMPLATE_DIR, `pglite-${stamp}-${t}.tar.gz`);

export function pgUrlFor(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function readDump(t: Template): Blob {
  const buf = fs.readFileSync(pgliteDumpPath(t));
  return new Blob([buf]);
}
