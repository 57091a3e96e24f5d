/**
 * COPY ... FROM STDIN on both databases: PostgreSQL through pg-copy-streams on a pooled client; the embedded
 * database (PGlite) through its `/dev/blob` COPY source, holding the pool's only connection meanwhile so no other
 * query interleaves with it.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppContext } from '../../kernel/context.js';

export type CopySource = { file: string } | { chunks: Iterable<string> | AsyncIterable<string> };

/** Runs `COPY <target> FROM STDIN WITH (<options>)` from a file or from generated CSV text. */
export async function copyInto(
  ctx: AppContext,
  target: string,
  options: string,
  source: CopySource,
): Promise<void> {
  const db = ctx.database;
  if (db.kind === 'postgres') {
    const client = await db.pool.connect();
    try {
      const stream = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (${options})`));
      const input =
        'file' in source
          ? fs.createReadStream(source.file, { highWaterMark: 1 << 20 })
          : Readable.from(source.chunks as AsyncIterable<string>);
      await pipeline(input, stream);
    } finally {
      client.release();
    }
    return;
  }
  const pglite = db.pglite!;
  let blob: Blob;
  if ('file' in source) {
    blob = await fs.openAsBlob(source.file);
  } else {
    const parts: string[] = [];
    for await (const c of source.chunks as AsyncIterable<string>) parts.push(c);
    blob = new Blob(parts);
  }
  const client = await db.pool.connect();
  try {
    await pglite.query(`COPY ${target} FROM '/dev/blob' WITH (${options})`, [], { blob });
  } finally {
    client.release();
  }
}

/** One CSV field (RFC 4180 quoting; empty string for null so COPY reads NULL). */
export function csvField(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (v === '') return '""';
  return /[",\n\r]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
