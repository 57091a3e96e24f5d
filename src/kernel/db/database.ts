import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { KernelTables } from './tables.js';

// bigint (count(*), bigserial) arrives as a number on both drivers so stores need not care which database runs.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays a string in pg; parse it: Fusion's numerics are scores and money, not beyond double precision.
pg.types.setTypeParser(1700, (v) => Number(v));
// dates (not timestamps) stay as 'YYYY-MM-DD' strings: a date of birth has no time zone.
pg.types.setTypeParser(1082, (v) => v);

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<KernelTables>;
  pool: pg.Pool;
  /** Present on the embedded database only (used for COPY and data-dir dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch, pgcrypto, unaccent };

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; 'memory://' for an in-memory one. */
  dataDir?: string;
  /** Embedded only: start from a dump made by `dumpDataDir` (fast test databases). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    pool.on('error', () => {});
    const client = await pool.connect().catch((e: Error) => {
      pool.end().catch(() => {});
      throw new DatabaseUnreachable(opts.databaseUrl!, e);
    });
    client.release();
    const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, pool, close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: opts.loadDataDir });
  // PGlite is one backend: a pool of one keeps each transaction on its own connection, in turn.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'embedded',
    db,
    pool,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export class DatabaseUnreachable extends Error {
  constructor(url: string, cause: Error) {
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    super(`DATABASE_URL ${safe} cannot be reached: ${cause.message}.`);
  }
}
