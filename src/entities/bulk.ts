/**
 * Bulk writes with COPY on both databases, on one connection held for the whole session:
 * PostgreSQL through `pg-copy-streams` on a pool client; PGlite through `COPY ... FROM '/dev/blob'`, in chunks.
 *
 * On PGlite the Kysely pool has a single connection over the one backend. Holding that connection for the session
 * makes every other query of the process wait, so nothing else runs inside the session's transaction (PGlite's
 * own `query` does not queue behind the pg shim's statements).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';
import type { Database } from '../kernel/db/database.js';

export interface BulkSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY rows (CSV lines, each ending in "\n") into a table; chunks of many lines at a time. */
  copyIn(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
}

export async function withBulkSession<T>(database: Database, fn: (s: BulkSession) => Promise<T>, opts: { transaction?: boolean } = {}): Promise<T> {
  const client = await database.pool.connect();
  const tx = opts.transaction ?? true;
  const session: BulkSession = {
    async query<R>(text: string, params: unknown[] = []) {
      const res = await client.query(text, params);
      return res.rows as R[];
    },
    async copyIn(table, columns, chunks) {
      const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
      let bytes = 0;
      if (database.kind === 'embedded') {
        const pglite = database.pglite!;
        const blobStatement = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
        for await (const chunk of chunks) {
          if (!chunk) continue;
          bytes += chunk.length;
          await pglite.query(blobStatement, [], { blob: new Blob([chunk]) });
        }
        return bytes;
      }
      const stream = client.query(copyStreams.from(statement));
      const source = Readable.from(
        (async function* () {
          for await (const chunk of chunks) {
            if (!chunk) continue;
            bytes += chunk.length;
            yield chunk;
          }
        })(),
      );
      await pipeline(source, stream);
      return bytes;
    },
  };
  try {
    if (tx) await client.query('BEGIN');
    const result = await fn(session);
    if (tx) await client.query('COMMIT');
    return result;
  } catch (e) {
    if (tx) await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** One CSV field for COPY: NULL as an unquoted empty field, text quoted, arrays as PostgreSQL array literals. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return quote(`{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(String(v));
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    out += csvField(values[i]);
  }
  return `${out}\n`;
}
