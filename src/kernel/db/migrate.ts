import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';

/**
 * Forward-only migrations. Each capability keeps its own in `src/<capability>/migrations/` as
 * `YYYYMMDDHHMM_<capability>_<what>.sql` (or `.ts` exporting `up(db)` when data comes from code).
 * They are applied in file-name order across capabilities, each in its own transaction.
 */
export const SRC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Migration {
  name: string;
  file: string;
}

export function listMigrations(srcDir = SRC_DIR): Migration[] {
  const out: Migration[] = [];
  for (const cap of fs.readdirSync(srcDir)) {
    const dir = path.join(srcDir, cap, 'migrations');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir)) {
      if (!/^\d{12}_[a-z0-9_-]+\.(sql|ts)$/.test(file)) continue;
      out.push({ name: file.replace(/\.(sql|ts)$/, ''), file: path.join(dir, file) });
    }
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.name)) throw new Error(`Two migrations share the name ${m.name}.`);
    seen.add(m.name);
  }
  return out;
}

export async function migrate(
  db: Kysely<any>,
  onApplied: (name: string) => void = () => {},
): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const done = new Set(
    (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.name)) continue;
    await db.transaction().execute(async (trx) => {
      // Serialises concurrent starters against one server.
      await sql`SELECT pg_advisory_xact_lock(7261001)`.execute(trx);
      const again = await sql`SELECT 1 FROM schema_migrations WHERE name = ${m.name}`.execute(trx);
      if (again.rows.length) return;
      if (m.file.endsWith('.sql')) {
        await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(trx);
      } else {
        const mod = (await import(pathToFileURL(m.file).href)) as { up: (db: Kysely<any>) => Promise<void> };
        await mod.up(trx);
      }
      await sql`INSERT INTO schema_migrations (name) VALUES (${m.name})`.execute(trx);
      applied.push(m.name);
      onApplied(m.name);
    });
  }
  return applied;
}
