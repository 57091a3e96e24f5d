/**
 * Bulk import of intelligence reports (CSV or NDJSON) built for speed and for crashes:
 *
 * 1. the file is COPYed into an unlogged staging table (a well-formed CSV is streamed to PostgreSQL's own parser
 *    untouched; NDJSON and malformed CSV are parsed here, row by row, with per-row errors);
 * 2. validation and insertion are set-based: one INSERT ... SELECT per batch of rows checks every rule in SQL
 *    (codes, grading, handling conditions, threats agreeing with codes, dates, agencies, areas, subjects) and
 *    writes the rejected rows' reasons to intel_import_errors in the same statement;
 * 3. each batch is one transaction with ONE audit entry listing the ids it created (documented: one entry per
 *    batch, not per row);
 * 4. every row carries an idempotency key - "file:<sha256>:<row>" or, when the row has one, its external id per
 *    owning agency - under a unique index, so a restarted import (after a crash or a kill) skips what was
 *    committed and the file ends up imported exactly once.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { idb } from '../db.js';
import { CRIME_CODES, SECURITY_MARKINGS, SOURCE_TYPES, SUBJECT_KINDS } from '../reference.js';
import { copyInto, csvField } from './copy.js';

/** The columns an import file may have (CSV header names or NDJSON keys; case and spaces do not matter). */
export const IMPORT_FIELDS = [
  'external_id',
  'owning_agency',
  'title',
  'narrative',
  'source_type',
  'source_evaluation',
  'assessment',
  'handling_code',
  'named_agencies',
  'no_onward_sharing',
  'originator_consent',
  'consented_agencies',
  'conditions_text',
  'security_marking',
  'threats',
  'crime_codes',
  'area',
  'occurred_on',
  'reported_on',
  'subjects',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<string, ImportField> = {
  id: 'external_id',
  externalid: 'external_id',
  agency: 'owning_agency',
  owner: 'owning_agency',
  body: 'narrative',
  text: 'narrative',
  sourceevaluation: 'source_evaluation',
  evaluation: 'source_evaluation',
  intelligenceassessment: 'assessment',
  handling: 'handling_code',
  handlingcode: 'handling_code',
  codes: 'crime_codes',
  crimecodes: 'crime_codes',
  crimeidentifiercodes: 'crime_codes',
  force: 'area',
  areacode: 'area',
  date: 'reported_on',
  reportedon: 'reported_on',
  occurredon: 'occurred_on',
  marking: 'security_marking',
  securitymarking: 'security_marking',
  namedagencies: 'named_agencies',
  noonwardsharing: 'no_onward_sharing',
  originatorconsent: 'originator_consent',
  consentedagencies: 'consented_agencies',
  conditions: 'conditions_text',
  conditionstext: 'conditions_text',
  sourcetype: 'source_type',
};

export function fieldOf(header: string): ImportField | null {
  const h = header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((IMPORT_FIELDS as readonly string[]).includes(h)) return h as ImportField;
  return ALIASES[h.replace(/_/g, '')] ?? null;
}

export interface ImportOptions {
  file: string;
  format?: 'csv' | 'ndjson';
  /** Owning agency for rows without one. */
  defaultAgency?: string | null;
  /** Legacy mode: rows without crime identifier codes are kept as "needs codes" instead of refused. */
  allowMissingCodes?: boolean;
  batchSize?: number;
  /** Batches run at once on PostgreSQL (default 2). */
  parallel?: number;
  actor: Actor;
  userId?: string | null;
  jobId?: string | null;
  onProgress?: (done: number, total: number, message?: string) => void;
}

export interface ImportResult {
  importId: string;
  resumed: boolean;
  total: number;
  imported: number;
  duplicates: number;
  errors: number;
  warnings: string[];
  path: 'copy' | 'parsed';
}

export class ImportFileError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function firstLine(file: string): Promise<string> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const nl = text.search(/\r?\n/);
    return nl < 0 ? text : text.slice(0, nl);
  } finally {
    await fd.close();
  }
}

const stageName = (importId: string) => `intel_stage_${importId.replace(/-/g, '')}`;

function toCell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    return v
      .map((x) =>
        x && typeof x === 'object'
          ? `${(x as { kind?: string }).kind ?? ''}:${(x as { value?: string }).value ?? ''}`
          : String(x),
      )
      .join(v.some((x) => x && typeof x === 'object') ? '|' : ';');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Rows of NDJSON (or a malformed CSV) turned into staging CSV with explicit row numbers; structural errors collected. */
async function* parsedRows(
  file: string,
  format: 'csv' | 'ndjson',
  columns: readonly (ImportField | null)[],
  errors: { row: number; field: string; message: string }[],
): AsyncGenerator<string> {
  let out: string[] = [];
  const emit = (row: number, values: (string | null)[]) =>
    out.push(`${row},${values.map(csvField).join(',')}\n`);
  if (format === 'ndjson') {
    const rl = readline.createInterface({
      input: fs.createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let row = 0;
    for await (const line of rl) {
      row++;
      if (!line.trim()) continue;
      let obj: Record<string, unknown>;
      try {
        const parsed = JSON.parse(line) as unknown;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        obj = parsed as Record<string, unknown>;
      } catch {
        errors.push({ row, field: 'line', message: `Line ${row} is not a JSON object` });
        continue;
      }
      const byField = new Map<ImportField, unknown>();
      for (const [k, v] of Object.entries(obj)) {
        const structured = k === 'conditions' && v !== null && typeof v === 'object';
        const f = structured ? null : fieldOf(k);
        if (f) byField.set(f, v);
        if (structured) {
          const c = v as Record<string, unknown>;
          if (c.namedAgencies) byField.set('named_agencies', c.namedAgencies);
          if (c.noOnwardSharing !== undefined) byField.set('no_onward_sharing', c.noOnwardSharing);
          if (c.originatorConsent !== undefined) byField.set('originator_consent', c.originatorConsent);
          if (c.consentedAgencies) byField.set('consented_agencies', c.consentedAgencies);
          if (c.text) byField.set('conditions_text', c.text);
        }
      }
      emit(
        row,
        columns.map((f) => (f ? toCell(byField.get(f)) : null)),
      );
      if (out.length >= 2000) {
        yield out.join('');
        out = [];
      }
    }
  } else {
    const parser = fs.createReadStream(file).pipe(
      parseCsv({
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        from_line: 2,
      }),
    );
    let row = 0;
    try {
      for await (const rec of parser as AsyncIterable<string[]>) {
        row++;
        if (rec.length !== columns.length) {
          errors.push({
            row,
            field: 'row',
            message: `Row ${row} has ${rec.length} fields; the header has ${columns.length}`,
          });
          continue;
        }
        emit(row, rec);
        if (out.length >= 2000) {
          yield out.join('');
          out = [];
        }
      }
    } catch (e) {
      // A fatal CSV fault (a quote never closed): report it against the row where reading stopped.
      errors.push({
        row: row + 1,
        field: 'row',
        message: `Row ${row + 1} could not be read (${(e as Error).message}); the rows after it were not read`,
      });
    }
  }
  if (out.length) yield out.join('');
}

/** Imports a file of intelligence reports; safe to run again on the same file (resumes, never duplicates). */
export async function importReports(ctx: AppContext, opts: ImportOptions): Promise<ImportResult> {
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file)) throw new ImportFileError(`There is no file at ${file}.`);
  const format = opts.format ?? (/\.(nd)?jsonl?$/i.test(file) || /\.ndjson$/i.test(file) ? 'ndjson' : 'csv');
  const batchSize = Math.max(100, Math.min(opts.batchSize ?? 20_000, 200_000));
  const progress = opts.onProgress ?? (() => {});
  const warnings: string[] = [];
  progress(0, 0, 'reading the file');
  const sha = await sha256File(file);
  const db = idb(ctx.db);
  if (
    opts.defaultAgency &&
    !(await db
      .selectFrom('agencies')
      .select('code')
      .where('code', '=', opts.defaultAgency)
      .executeTakeFirst())
  ) {
    throw new ImportFileError(`There is no agency with the code "${opts.defaultAgency}".`);
  }

  // Columns: CSV header (mapped to known fields), or every known field for NDJSON.
  let columns: (ImportField | null)[];
  if (format === 'csv') {
    const header =
      (parseCsvSync(await firstLine(file), { bom: true, relax_quotes: true }) as string[][])[0] ?? [];
    columns = header.map(fieldOf);
    const unknown = header.filter((_, i) => !columns[i]);
    if (unknown.length) warnings.push(`Columns ignored (not known): ${unknown.join(', ')}.`);
    for (const need of ['title', 'narrative'] as const)
      if (!columns.includes(need)) throw new ImportFileError(`The file has no "${need}" column.`);
    if (!columns.includes('owning_agency') && !opts.defaultAgency)
      throw new ImportFileError(
        'The file has no "owning_agency" column: give the owning agency with --agency.',
      );
  } else {
    columns = [...IMPORT_FIELDS];
  }

  // Resume an unfinished import of the same file with the same settings, or start one.
  const previous = await db
    .selectFrom('intel_imports')
    .select(['id'])
    .where('file_sha256', '=', sha)
    .where('status', '=', 'running')
    .where(sql<boolean>`default_agency_code IS NOT DISTINCT FROM ${opts.defaultAgency ?? null}`)
    .where('allow_missing_codes', '=', !!opts.allowMissingCodes)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  const importId =
    previous?.id ??
    (
      await db
        .insertInto('intel_imports')
        .values({
          file_sha256: sha,
          file_name: path.basename(file),
          format,
          default_agency_code: opts.defaultAgency ?? null,
          allow_missing_codes: !!opts.allowMissingCodes,
          job_id: opts.jobId ?? null,
          created_by: opts.userId ?? null,
          agency_code: opts.actor.agencyCode,
          total_rows: null,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (previous && opts.jobId)
    await db.updateTable('intel_imports').set({ job_id: opts.jobId }).where('id', '=', importId).execute();

  // 1. Stage.
  const stage = stageName(importId);
  const cols = columns.map((_, i) => `c${i}`);
  const createStage = async () => {
    await sql.raw(`DROP TABLE IF EXISTS ${stage}`).execute(ctx.db);
    await sql
      .raw(
        `CREATE UNLOGGED TABLE ${stage} (row_no bigint GENERATED BY DEFAULT AS IDENTITY, ${cols.map((c) => `${c} text`).join(', ')})`,
      )
      .execute(ctx.db);
  };
  await createStage();
  progress(0, 0, 'staging');
  const trace = process.env.INTEL_IMPORT_TRACE
    ? (m: string) => process.stderr.write(`[import ${((performance.now() - t0) / 1000).toFixed(2)}s] ${m}\n`)
    : () => {};
  const t0 = performance.now();
  const structural: { row: number; field: string; message: string }[] = [];
  let copyPath: 'copy' | 'parsed' = 'copy';
  if (format === 'csv') {
    try {
      await copyInto(ctx, `${stage} (${cols.join(', ')})`, 'FORMAT csv, HEADER true', { file });
    } catch (e) {
      // A malformed row makes COPY refuse the whole file: parse it here instead, row by row.
      warnings.push(
        `The file is not well-formed CSV for a direct copy (${(e as Error).message.split('\n')[0]}); it was read row by row.`,
      );
      copyPath = 'parsed';
      await createStage();
      await copyInto(ctx, `${stage} (row_no, ${cols.join(', ')})`, 'FORMAT csv', {
        chunks: parsedRows(file, 'csv', columns, structural),
      });
    }
  } else {
    copyPath = 'parsed';
    await copyInto(ctx, `${stage} (row_no, ${cols.join(', ')})`, 'FORMAT csv', {
      chunks: parsedRows(file, 'ndjson', columns, structural),
    });
  }

  trace('staged');
  try {
    const stats = await sql<{
      n: number;
      max: number;
    }>`SELECT count(*)::int AS n, COALESCE(max(row_no), 0)::int AS max FROM ${sql.table(stage)}`.execute(
      ctx.db,
    );
    const maxRow = Math.max(Number(stats.rows[0]!.max), ...structural.map((s) => s.row), 0);
    const total = Number(stats.rows[0]!.n) + structural.length;
    await db.updateTable('intel_imports').set({ total_rows: total }).where('id', '=', importId).execute();
    if (structural.length) {
      for (let i = 0; i < structural.length; i += 1000) {
        await db
          .insertInto('intel_import_errors')
          .values(
            structural
              .slice(i, i + 1000)
              .map((s) => ({ import_id: importId, row_no: s.row, field: s.field, message: s.message })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }

    // 2. Set-based validation and insertion, batch by batch.
    const col = (f: ImportField) => {
      const i = columns.indexOf(f);
      return i < 0 ? sql`NULL::text` : sql`NULLIF(btrim(s.${sql.raw(`c${i}`)}), '')`;
    };
    let hasExternal = columns.includes('external_id');
    if (hasExternal) {
      // The same external id twice in one file: the later rows are errors (and never inserted).
      const dupes = await sql`INSERT INTO intel_import_errors (import_id, row_no, field, message)
        SELECT ${importId}::uuid, row_no, 'external_id', 'External id ' || ext || ' is also on row ' || first_row
        FROM (SELECT s.row_no, ${col('external_id')} AS ext, COALESCE(${col('owning_agency')}, ${opts.defaultAgency ?? null}) AS owner,
                min(s.row_no) OVER (PARTITION BY ${col('external_id')}, COALESCE(${col('owning_agency')}, ${opts.defaultAgency ?? null})) AS first_row
              FROM ${sql.table(stage)} s WHERE ${col('external_id')} IS NOT NULL) d
        WHERE row_no > first_row ON CONFLICT DO NOTHING`.execute(ctx.db);
      const already = await db
        .selectFrom('intel_import_errors')
        .select('row_no')
        .where('import_id', '=', importId)
        .where('field', '=', 'external_id')
        .limit(1)
        .execute();
      hasExternal = Number(dupes.numAffectedRows ?? 0) > 0 || already.length > 0;
    }
    const listOf = (v: ReturnType<typeof col>, fold: 'lower' | 'upper') =>
      sql`CASE WHEN ${v} IS NULL THEN '{}'::text[] ELSE array_remove(string_to_array(${sql.raw(fold)}(replace(replace(${v}, ' ', ''), ',', ';')), ';'), '') END`;
    // Reference data as parameters: a lookup per row, where a join was measured slower.
    const agencyRows = await db.selectFrom('agencies').select(['code', 'type', 'region']).execute();
    const knownAgencies = agencyRows.map((a) => a.code);
    const agencyTypes = JSON.stringify(Object.fromEntries(agencyRows.map((a) => [a.code, a.type])));
    const forceRegions = JSON.stringify(
      Object.fromEntries(agencyRows.filter((a) => a.type === 'police_force').map((a) => [a.code, a.region])),
    );
    const validCodes = CRIME_CODES.map((c) => c.code);
    const mshtCodes = CRIME_CODES.filter((c) => c.threat === 'msht').map((c) => c.code);
    const oicCodes = CRIME_CODES.filter((c) => c.threat === 'oic').map((c) => c.code);
    const idPrefix =
      Date.now().toString(16).padStart(12, '0').slice(-12) +
      '7' +
      randomBytes(2).toString('hex').slice(0, 3) +
      '8';
    const keyPrefix = sha.slice(0, 16);
    const allowMissing = !!opts.allowMissingCodes;
    const createdBy = opts.userId ?? null;
    let imported = 0;
    let duplicates = 0;
    let errors = structural.length;
    let done = 0;
    const runBatch = async (from: number) => {
      const to = from + batchSize;
      const result = await ctx.db.transaction().execute(async (trx) => {
        // Sorts and hashes of a batch fit in memory rather than spilling to disk.
        await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
        const r = await sql<{ rows: number; bad: number; ids: string[] }>`
          WITH checked AS MATERIALIZED (
            SELECT x.*, ${agencyTypes}::jsonb ->> x.owner AS owner_type, ${forceRegions}::jsonb ->> x.area AS region,
              intel_try_date(x.occurred_raw) AS occurred_on,
              intel_try_date(x.reported_raw) AS reported_on,
              array_remove(ARRAY[
                CASE WHEN x.codes && ${mshtCodes}::text[] THEN 'msht' END,
                CASE WHEN x.codes && ${oicCodes}::text[] THEN 'oic' END], NULL) AS derived,
              array_remove(ARRAY[
                CASE WHEN x.title IS NULL THEN 'title|Enter a title' WHEN length(x.title) > 200 THEN 'title|The title must be 200 characters or fewer' END,
                CASE WHEN x.narrative IS NULL THEN 'narrative|Enter the intelligence' WHEN length(x.narrative) > 20000 THEN 'narrative|The narrative must be 20,000 characters or fewer' END,
                CASE WHEN x.owner IS NULL THEN 'owning_agency|Enter the owning agency' WHEN NOT ${agencyTypes}::jsonb ? x.owner THEN 'owning_agency|Agency ' || x.owner || ' is not known' END,
                CASE WHEN NOT x.codes <@ ${validCodes}::text[] THEN 'crime_codes|Crime identifier code not recognised: ' || array_to_string(x.codes, ' ')
                     WHEN cardinality(x.codes) = 0 AND NOT ${allowMissing} THEN 'crime_codes|Enter at least one crime identifier code (HMICFRS 2025, recommendation 6)' END,
                CASE WHEN x.se IS NULL AND cardinality(x.codes) > 0 THEN 'source_evaluation|Enter the source evaluation (1, 2 or 3)'
                     WHEN x.se IS NOT NULL AND x.se NOT IN ('1', '2', '3') THEN 'source_evaluation|The source evaluation must be 1, 2 or 3' END,
                CASE WHEN x.assessment IS NULL AND cardinality(x.codes) > 0 THEN 'assessment|Enter the intelligence assessment (A to E)'
                     WHEN x.assessment IS NOT NULL AND x.assessment NOT IN ('A', 'B', 'C', 'D', 'E') THEN 'assessment|The intelligence assessment must be A, B, C, D or E' END,
                CASE WHEN x.handling NOT IN ('P', 'C') THEN 'handling_code|The handling code must be P or C'
                     WHEN x.handling = 'C' AND cardinality(x.named) = 0 AND NOT x.no_onward AND NOT x.consent AND x.conditions_text IS NULL
                       THEN 'handling_code|Handling code C needs its conditions (named agencies, no onward sharing, originator consent or a description)' END,
                CASE WHEN cardinality(x.named) + cardinality(x.consented) > 0 AND NOT (x.named || x.consented) <@ ${knownAgencies}::text[]
                       THEN 'named_agencies|An agency named in the conditions is not known' END,
                CASE WHEN x.marking NOT IN (${sql.join(SECURITY_MARKINGS.map((m) => sql`${m}`))}) THEN 'security_marking|The security marking must be ' || ${SECURITY_MARKINGS.join(', ')} END,
                CASE WHEN x.source_type NOT IN (${sql.join(SOURCE_TYPES.map((t) => sql`${t.value}`))}) THEN 'source_type|The source type is not known' END,
                CASE WHEN x.threats_given IS NOT NULL AND NOT (x.threats_given <@ ARRAY['msht', 'oic']) THEN 'threats|Threats must be msht and/or oic' END,
                CASE WHEN x.area IS NOT NULL AND NOT ${forceRegions}::jsonb ? x.area THEN 'area|Area ' || x.area || ' is not a police force' END,
                CASE WHEN x.reported_raw IS NULL THEN 'reported_on|Enter the date of the report (YYYY-MM-DD)'
                     WHEN intel_try_date(x.reported_raw) IS NULL THEN 'reported_on|The report date must be a real date as YYYY-MM-DD' END,
                CASE WHEN x.occurred_raw IS NOT NULL AND intel_try_date(x.occurred_raw) IS NULL THEN 'occurred_on|The date it happened must be a real date as YYYY-MM-DD' END
              ], NULL) AS errs
            FROM (
              SELECT s.row_no,
                ${col('external_id')} AS external_id,
                COALESCE(lower(${col('owning_agency')}), ${opts.defaultAgency ?? null}) AS owner,
                ${col('title')} AS title,
                ${col('narrative')} AS narrative,
                COALESCE(lower(${col('source_type')}), 'legacy_import') AS source_type,
                ${col('source_evaluation')} AS se,
                upper(${col('assessment')}) AS assessment,
                COALESCE(upper(${col('handling_code')}), 'P') AS handling,
                ${listOf(col('named_agencies'), 'lower')} AS named,
                lower(COALESCE(${col('no_onward_sharing')}, '')) IN ('true', 'yes', 'y', '1') AS no_onward,
                lower(COALESCE(${col('originator_consent')}, '')) IN ('true', 'yes', 'y', '1') AS consent,
                ${listOf(col('consented_agencies'), 'lower')} AS consented,
                ${col('conditions_text')} AS conditions_text,
                COALESCE(upper(${col('security_marking')}), 'OFFICIAL-SENSITIVE') AS marking,
                CASE WHEN ${col('threats')} IS NULL THEN NULL ELSE ${listOf(col('threats'), 'lower')} END AS threats_given,
                ${listOf(col('crime_codes'), 'upper')} AS codes,
                lower(${col('area')}) AS area,
                ${col('occurred_on')} AS occurred_raw,
                ${col('reported_on')} AS reported_raw,
                ${col('subjects')} AS subjects
              FROM ${sql.table(stage)} s
              WHERE s.row_no > ${from} AND s.row_no <= ${to}
                ${hasExternal ? sql`AND NOT EXISTS (SELECT 1 FROM intel_import_errors e WHERE e.import_id = ${importId}::uuid AND e.row_no = s.row_no)` : sql``}
              -- OFFSET 0 keeps this subquery from being flattened: its columns stay plain values, so the SQL
              -- functions applied to them below (intel_try_date...) are inlined rather than called row by row.
              OFFSET 0
            ) x
          ),
          sx AS MATERIALIZED (
            SELECT i.row_no, i.kind, i.value, i.has_colon FROM (
              SELECT c.row_no, lower(btrim(split_part(item, ':', 1))) AS kind, btrim(substr(item, strpos(item, ':') + 1)) AS value, strpos(item, ':') > 0 AS has_colon
              FROM checked c CROSS JOIN LATERAL unnest(string_to_array(c.subjects, '|')) AS item
              WHERE c.subjects IS NOT NULL AND cardinality(c.errs) = 0) i
          ),
          badsubj AS MATERIALIZED (
            SELECT DISTINCT row_no FROM sx WHERE NOT has_colon OR value = '' OR length(value) > 500 OR kind NOT IN (${sql.join(SUBJECT_KINDS.map((k) => sql`${k}`))})
          ),
          ins AS (
            INSERT INTO intel_reports (id, owning_agency_code, owning_agency_type, area_code, region, title, narrative, source_type, source_evaluation,
              assessment, handling_code, conditions, security_marking, threats, crime_codes, status, occurred_on, reported_on, external_id,
              import_key, import_id, import_row, created_by, updated_by)
            SELECT (${idPrefix} || lpad(to_hex(v.row_no), 15, '0'))::uuid, v.owner, v.owner_type, v.area, v.region, v.title, v.narrative, v.source_type, v.se::smallint,
              v.assessment, v.handling,
              CASE WHEN v.handling = 'C' THEN jsonb_strip_nulls(jsonb_build_object(
                'namedAgencies', CASE WHEN cardinality(v.named) > 0 THEN to_jsonb(v.named) END,
                'noOnwardSharing', CASE WHEN v.no_onward THEN true END,
                'originatorConsent', CASE WHEN v.consent THEN true END,
                'consentedAgencies', CASE WHEN v.consent THEN to_jsonb(v.consented) END,
                'text', v.conditions_text)) END,
              v.marking, COALESCE(CASE WHEN cardinality(v.codes) > 0 THEN v.derived END, v.threats_given, '{}'), v.codes,
              CASE WHEN cardinality(v.codes) = 0 THEN 'needs_codes' ELSE 'approved' END,
              v.occurred_on, v.reported_on, v.external_id,
              CASE WHEN v.external_id IS NOT NULL THEN md5('ext:' || v.owner || ':' || v.external_id)::uuid
                   ELSE (${keyPrefix} || lpad(to_hex(v.row_no), 16, '0'))::uuid END,
              ${importId}::uuid, v.row_no, ${createdBy}::uuid, ${createdBy}::uuid
            FROM checked v
            WHERE cardinality(v.errs) = 0
              AND (v.threats_given IS NULL OR cardinality(v.codes) = 0 OR (v.threats_given <@ v.derived AND v.derived <@ v.threats_given))
              AND NOT EXISTS (SELECT 1 FROM badsubj b WHERE b.row_no = v.row_no)
            ON CONFLICT (import_key) DO NOTHING
            RETURNING id, import_row
          ),
          subj AS (
            INSERT INTO intel_report_subjects (report_id, kind, value, normalised)
            SELECT ins.id, sx.kind, sx.value, COALESCE(intel_subject_norm(sx.kind, sx.value), '')
            FROM ins JOIN sx ON sx.row_no = ins.import_row
          ),
          bad AS (
            INSERT INTO intel_import_errors (import_id, row_no, field, message)
            SELECT ${importId}::uuid, c.row_no, split_part(e, '|', 1), substr(e, strpos(e, '|') + 1)
            FROM checked c CROSS JOIN LATERAL unnest(c.errs) AS e
            UNION ALL
            SELECT ${importId}::uuid, c.row_no, 'threats', 'The threats (' || array_to_string(c.threats_given, ', ') || ') do not match the crime identifier codes, which concern ' || array_to_string(c.derived, ' and ') || ': MSHT and OIC are recorded separately'
            FROM checked c WHERE cardinality(c.errs) = 0 AND c.threats_given IS NOT NULL AND cardinality(c.codes) > 0
              AND NOT (c.threats_given <@ c.derived AND c.derived <@ c.threats_given)
            UNION ALL
            SELECT ${importId}::uuid, b.row_no, 'subjects', ${`Subjects must be kind:value separated by | (kinds: ${SUBJECT_KINDS.join(', ')}; values up to 500 characters)`}
            FROM badsubj b
            ON CONFLICT DO NOTHING
          )
          SELECT (SELECT count(*)::int FROM checked) AS rows,
                 (SELECT count(*)::int FROM checked c WHERE cardinality(c.errs) > 0
                    OR (c.threats_given IS NOT NULL AND cardinality(c.codes) > 0 AND NOT (c.threats_given <@ c.derived AND c.derived <@ c.threats_given))
                    OR EXISTS (SELECT 1 FROM badsubj b WHERE b.row_no = c.row_no)) AS bad,
                 (SELECT COALESCE(array_agg(id::text ORDER BY import_row), '{}') FROM ins) AS ids`.execute(
          trx,
        );
        const out = r.rows[0]!;
        const ids = out.ids ?? [];
        const rows = Number(out.rows);
        const bad = Number(out.bad);
        const dup = rows - bad - ids.length;
        await idb(trx)
          .updateTable('intel_imports')
          .set({
            imported_rows: sql`imported_rows + ${ids.length}`,
            duplicate_rows: sql`duplicate_rows + ${dup}`,
            error_rows: sql`error_rows + ${bad}`,
          })
          .where('id', '=', importId)
          .execute();
        if (ids.length) {
          // One audit entry per batch, listing every id it created.
          await ctx.audit.append(trx, opts.actor, [
            {
              action: 'intelligence.reports.import',
              entityKind: 'intelligence_import',
              entityId: importId,
              detail: {
                file: path.basename(file),
                sha256: sha,
                rows: [from + 1, Math.min(to, maxRow)],
                created: ids.length,
                ids,
              },
            },
          ]);
        }
        return { inserted: ids.length, dup, bad };
      });
      trace(`batch to row ${to}`);
      imported += result.inserted;
      duplicates += result.dup;
      errors += result.bad;
      done += Math.min(to, maxRow) - from;
      progress(
        done,
        maxRow,
        `${imported.toLocaleString('en-GB')} imported, ${errors.toLocaleString('en-GB')} refused`,
      );
    };
    // Batches are independent (each idempotent, each its own transaction): on PostgreSQL two run at once, one per
    // core; the embedded database has one connection.
    const starts: number[] = [];
    for (let from = 0; from < maxRow; from += batchSize) starts.push(from);
    const workers = ctx.database.kind === 'postgres' ? Math.max(1, Math.min(opts.parallel ?? 2, 4)) : 1;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let next = starts.shift(); next !== undefined; next = starts.shift()) await runBatch(next);
      }),
    );
    const totals = await db
      .selectFrom('intel_imports')
      .select(['imported_rows', 'duplicate_rows'])
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    const errorCount = await db
      .selectFrom('intel_import_errors')
      .select(sql<number>`count(DISTINCT row_no)::int`.as('n'))
      .where('import_id', '=', importId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('intel_imports')
      .set({ status: 'finished', finished_at: new Date(), error_rows: Number(errorCount.n) })
      .where('id', '=', importId)
      .execute();
    return {
      importId,
      resumed: !!previous,
      total,
      imported,
      duplicates,
      errors: Number(errorCount.n),
      warnings,
      path: copyPath,
      ...{ importedTotal: totals.imported_rows },
    };
  } finally {
    await sql
      .raw(`DROP TABLE IF EXISTS ${stage}`)
      .execute(ctx.db)
      .catch(() => {});
  }
}

/** The per-row error report of an import, as rows. */
export async function importErrors(ctx: AppContext, importId: string, limit = 100_000) {
  return idb(ctx.db)
    .selectFrom('intel_import_errors')
    .select(['row_no', 'field', 'message'])
    .where('import_id', '=', importId)
    .orderBy('row_no')
    .orderBy('field')
    .limit(limit)
    .execute();
}
