import fs from 'node:fs';
import { CAPABILITIES } from '../../src/capabilities.js';
import { closeContext, openContext } from '../../src/kernel/app.js';
import { loadConfig } from '../../src/kernel/config.js';
import { runDemo } from '../../src/kernel/demo/run-demo.js';
import { PG_ADMIN_URL, pgliteDumpPath, pgTemplateName, pgUrlFor, sourceStamp, TEMPLATE_DIR, type Template, withAdmin } from './databases.js';

/**
 * Builds, once per state of src/, two template databases on each engine: 'empty' (migrated) and 'demo'
 * (migrated with the small demo data). Tests clone them: PostgreSQL by CREATE DATABASE ... TEMPLATE, PGlite
 * from a dump. PostgreSQL must be reachable: the suite fails rather than skipping half its checks.
 */
export default async function setup(project: { provide: (key: 'templateStamp', value: string) => void }): Promise<void> {
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const stamp = sourceStamp();
  process.env.FUSION_TEMPLATE_STAMP = stamp;
  project.provide('templateStamp', stamp);
  try {
    await withAdmin((c) => c.query('SELECT 1'));
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}: ${(e as Error).message}. Start it (see README) - tests do not skip.`);
  }
  const config = loadConfig({ FUSION_MODE: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
  // One builder at a time across concurrent test runs; the others wait and reuse.
  await withAdmin(async (lock) => {
    await lock.query('SELECT pg_advisory_lock(7261003)');
    try {
      for (const t of ['empty', 'demo'] as Template[]) {
        const name = pgTemplateName(t, stamp);
        const exists = (await lock.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
        if (!exists) {
          const building = `${name}_building`;
          await lock.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
          await lock.query(`CREATE DATABASE ${building}`);
          const pgCtx = await openContext({ ...config, databaseUrl: pgUrlFor(building) });
          if (t === 'demo') await runDemo(pgCtx, CAPABILITIES, { size: 'small' });
          await closeContext(pgCtx);
          await lock.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        }
        const dump = pgliteDumpPath(t, stamp);
        if (!fs.existsSync(dump)) {
          const liteCtx = await openContext({ ...config, databaseUrl: undefined, dataDir: 'memory://' });
          if (t === 'demo') await runDemo(liteCtx, CAPABILITIES, { size: 'small' });
          const blob = await liteCtx.database.pglite!.dumpDataDir('gzip');
          fs.writeFileSync(`${dump}.tmp`, Buffer.from(await blob.arrayBuffer()));
          fs.renameSync(`${dump}.tmp`, dump);
          await closeContext(liteCtx);
        }
      }
      await dropStaleTemplates(lock, stamp);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(7261003)');
    }
  });
}

/** Templates of other source states older than a day are dropped; recent ones may belong to a concurrent run. */
async function dropStaleTemplates(c: import('pg').Client, stamp: string) {
  const old = await c.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'fusion_tpl_%' AND datname NOT LIKE $1
       AND (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification < now() - interval '1 day'`,
    [`fusion_tpl_${stamp}_%`],
  ).catch(() => ({ rows: [] as { datname: string }[] }));
  for (const r of old.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const f of fs.readdirSync(TEMPLATE_DIR)) {
    const p = `${TEMPLATE_DIR}/${f}`;
    if (!f.includes(stamp) && fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { force: true });
  }
}
