import { type Kysely, sql } from 'kysely';

/**
 * Test helpers: a search of every text and JSON column of every table for a value (the Duty to Notify check),
 * and row counts used to prove that a refused request wrote nothing.
 */
export async function tablesContaining(db: Kysely<any>, needle: string): Promise<string[]> {
  const columns = await sql<{ table_schema: string; table_name: string; column_name: string }>`
    SELECT c.table_schema, c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND t.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea'))
     ORDER BY 1, 2, 3`.execute(db);
  const found: string[] = [];
  for (const c of columns.rows) {
    const col = sql.ref(`${c.table_schema}.${c.table_name}.${c.column_name}`);
    const table = sql.table(`${c.table_schema}.${c.table_name}`);
    const hit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${table} WHERE ${col}::text ILIKE ${`%${needle}%`}`.execute(db);
    if (hit.rows[0]!.n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return found;
}

/** How many text-like columns the search above covers (so a test can show it searched something). */
export async function searchableColumnCount(db: Kysely<any>): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea')`.execute(db);
  return r.rows[0]!.n;
}

export async function counts(db: Kysely<any>, names: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of names) out[t] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n;
  return out;
}

export const WRITE_TABLES = [
  'referrals',
  'referral_victims',
  'referral_facts',
  'referral_fact_items',
  'referral_decisions',
  'referral_children',
  'support_cases',
  'audit_log',
];

/** A complete, valid adult referral with consent for the API. */
export const adultReferral = (over: Record<string, unknown> = {}) => ({
  givenName: 'Elira',
  familyName: 'Berisha',
  dateOfBirth: '1996-04-12',
  gender: 'female',
  nationality: 'AL',
  ageGroup: 'adult',
  consent: true,
  exploitationTypes: ['labour'],
  sectors: ['nail-bar'],
  forceAreas: ['met'],
  countryOfOrigin: 'AL',
  transitCountries: ['IT', 'FR'],
  indicators: ['control.no-id', 'work.long-hours'],
  suspects: ['Arben Kola'],
  phones: ['07700 900456'],
  vehicles: ['LK28 XRV'],
  addresses: ['14 Mill Road, London E1 6AN'],
  acknowledgeNotices: true,
  ...over,
});
