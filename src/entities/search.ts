/**
 * Fuzzy person search: a name in any spelling (canonical, romanisation-independent tokens through a GIN index,
 * then trigram similarity for typos), a partial date of birth, a phone number, a postcode. Candidates come from
 * all records and are scored with the matching engine's comparators and the current model's weights; the user
 * sees the people whose records the policy lets them see, and for strong matches held only by other agencies,
 * "a match exists: contact X".
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../kernel/context.js';
import { NAME_CLOSE } from './matching/comparators.js';
import { nameFeatures, postcodeFeatures } from './matching/features.js';
import { COMPARISONS, compareRecords, defaultModel, type MatchModel, NUM_COMPARISONS } from './matching/model.js';
import { normalisePhone, normalisePostcode, parseDate, splitFullName } from './matching/normalise.js';
import { encodeDate } from './matching/record.js';
import { type FeatureMakers, RecordStore } from './matching/store.js';
import type { NormalisedRecord } from './matching/types.js';
import { displayName, nameKeys, VICTIM_ROLES } from './mentions.js';
import type { NeedToKnow } from './need-to-know.js';
import { latestModel } from './resolution/index-cache.js';

export const SearchQuery = z.object({
  name: z.string().trim().max(200).optional(),
  dob: z.string().trim().max(40).optional(),
  phone: z.string().trim().max(60).optional(),
  postcode: z.string().trim().max(20).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export interface SearchResult {
  entityId: number;
  score: number;
  names: string[];
  datesOfBirth: string[];
  roles: string[];
  victim: boolean;
  agencies: string[];
  records: number;
  /** Records of this person the user may not see, by agency. */
  hidden: { agencyName: string; records: number; message: string }[];
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Strong matches held only by agencies this user may not read. */
  hits: { agencyCode: string; agencyName: string; records: number; message: string }[];
  candidates: number;
}

const CANDIDATES = 400;
const at = (name: string) => COMPARISONS.findIndex((c) => c.name === name);
const GIVEN = at('given_name');
const SURNAME = at('surname');
const DOB = at('date_of_birth');
const PHONE = at('phone');
const PHONE_EXACT = PHONE >= 0 ? COMPARISONS[PHONE]!.levels.length - 1 : -1;
/** "same year" and better: a birth year agreeing corroborates a name for hit / no-hit. */
const DOB_SAME_YEAR = Math.max(2, COMPARISONS[DOB]?.levels.indexOf('same year') ?? 2);

/** Field errors for a search with nothing to search by, or a date that cannot be read. */
export function checkQuery(q: SearchQuery): { field: string; message: string }[] {
  const fields: { field: string; message: string }[] = [];
  if (!q.name && !q.dob && !q.phone && !q.postcode) fields.push({ field: 'name', message: 'Enter a name, a date of birth, a phone number or a postcode' });
  if (q.dob && !parseDate(q.dob)) fields.push({ field: 'dob', message: 'Enter a date of birth like 9/4/1990, April 1990 or 1990' });
  if (q.phone && !normalisePhone(q.phone)) fields.push({ field: 'phone', message: 'Enter a phone number with at least 6 digits' });
  if (q.name && q.name.replace(/[^\p{L}]/gu, '').length < 2) fields.push({ field: 'name', message: 'Enter at least 2 letters of the name' });
  return fields;
}

let cachedModel: { at: number; model: MatchModel; ctx: AppContext } | null = null;
async function model(ctx: AppContext): Promise<MatchModel> {
  if (cachedModel && cachedModel.ctx === ctx && Date.now() - cachedModel.at < 60_000) return cachedModel.model;
  const m = (await latestModel(ctx.db)).model ?? defaultModel();
  cachedModel = { at: Date.now(), model: m, ctx };
  return m;
}

/**
 * Features of the names and postcodes searches meet, kept between searches: candidates for common names recur, and
 * computing features (phonetic codes, canonical tokens) for a few hundred candidates per search was a fifth of its
 * time. Features depend only on the value; the memo is emptied when it grows past `limit` values.
 */
function memo<F>(make: (value: string) => F, limit = 50_000): (value: string) => F {
  const known = new Map<string, F>();
  return (value) => {
    let f = known.get(value);
    if (f === undefined) {
      if (known.size >= limit) known.clear();
      f = make(value);
      known.set(value, f);
    }
    return f;
  };
}
const FEATURES: FeatureMakers = { given: memo((v) => nameFeatures(v)), surname: memo((v) => nameFeatures(v, true)), postcode: memo(postcodeFeatures) };

interface CandidateRow {
  id: string;
  entity_id: number | null;
  agency_code: string;
  handling_code: string;
  conditions: unknown;
  role_in_source: string;
  given_name: string | null;
  family_name: string | null;
  full_name: string | null;
  date_of_birth_text: string | null;
  norm_given: string | null;
  norm_surname: string | null;
  dob_key: string | null;
  phone_e164: string | null;
  postcode: string | null;
}

export async function searchPeople(ctx: AppContext, ntk: NeedToKnow, q: SearchQuery): Promise<SearchOutcome> {
  const split = q.name ? splitFullName(q.name) : { given: null, surname: null };
  const dob = q.dob ? parseDate(q.dob) : null;
  const phone = q.phone ? normalisePhone(q.phone) : null;
  const postcode = q.postcode ? normalisePostcode(q.postcode) : null;
  const partialPostcode = postcode && !postcode.includes(' ') && postcode.length <= 4 ? postcode : null;
  const query: NormalisedRecord = {
    given: split.given,
    surname: split.surname,
    dob: dob ? encodeDate(dob) : null,
    address: null,
    postcode: partialPostcode ? null : postcode,
    town: null,
    phone,
    email: null,
    identifiers: null,
    sex: null,
    nationality: null,
  };
  const rows = await candidates(ctx, { keys: nameKeys(split.given, split.surname), text: [split.given, split.surname].filter(Boolean).join(' '), dob, phone, postcode: partialPostcode ? null : postcode, partialPostcode });
  if (!rows.length) return { results: [], hits: [], candidates: 0 };

  // Score every candidate against the query with the engine's comparators and the model's weights.
  const m = await model(ctx);
  const weights = m.comparisons.map((c) => c.levels.map((l, i) => (i === 0 ? 0 : Math.log2(l.m / l.u))));
  const store = new RecordStore(FEATURES);
  store.add('query', query);
  rows.forEach((r) =>
    store.add(r.id, {
      given: r.norm_given,
      surname: r.norm_surname,
      dob: r.dob_key,
      address: null,
      // Without a postcode in the query residence compares as missing whatever the candidate's: skip its features.
      postcode: query.postcode ? r.postcode : null,
      town: null,
      phone: r.phone_e164,
      email: null,
      identifiers: null,
      sex: null,
      nationality: null,
    }),
  );
  const levels = new Uint8Array(NUM_COMPARISONS);
  interface Scored {
    row: CandidateRow;
    score: number;
    strong: boolean;
  }
  const scored: Scored[] = rows.map((row, k) => {
    compareRecords(store, 0, k + 1, levels);
    let score = 0;
    for (let c = 0; c < NUM_COMPARISONS; c++) score += weights[c]![levels[c]!] ?? 0;
    const names = levels[GIVEN]! >= NAME_CLOSE && levels[SURNAME]! >= NAME_CLOSE;
    const phoneAgrees = PHONE >= 0 && levels[PHONE] === PHONE_EXACT;
    const corroborated = levels[DOB]! >= DOB_SAME_YEAR || phoneAgrees;
    return { row, score, strong: (names && corroborated) || (phoneAgrees && levels[SURNAME]! >= NAME_CLOSE) };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!.score;
  // Keep candidates within reach of the best one, and positive evidence only.
  const kept = scored.filter((s) => s.score > 0 && s.score >= best - 25);

  const byEntity = new Map<string, { score: number; visible: CandidateRow[]; hidden: CandidateRow[]; strong: boolean }>();
  for (const s of kept) {
    const key = s.row.entity_id === null ? `r${s.row.id}` : `e${s.row.entity_id}`;
    const g = byEntity.get(key) ?? { score: s.score, visible: [], hidden: [], strong: false };
    g.score = Math.max(g.score, s.score);
    g.strong ||= s.strong;
    if (ntk.sees(s.row)) g.visible.push(s.row);
    else g.hidden.push(s.row);
    byEntity.set(key, g);
  }
  const results: SearchResult[] = [];
  const hiddenOnly: CandidateRow[] = [];
  for (const g of [...byEntity.values()].sort((a, b) => b.score - a.score)) {
    if (!g.visible.length) {
      if (g.strong) hiddenOnly.push(...g.hidden);
      continue;
    }
    if (results.length >= 25) continue;
    const shown = g.visible.map((r) => ntk.redactPerson({ ...r, name: displayName(r) }));
    results.push({
      entityId: Number(g.visible[0]!.entity_id ?? 0),
      score: Math.round(g.score * 10) / 10,
      names: [...new Set(shown.map((r) => String(r.name)))].slice(0, 4),
      datesOfBirth: [...new Set(shown.map((r) => r.date_of_birth_text).filter((d): d is string => !!d))].slice(0, 3),
      roles: [...new Set(g.visible.map((r) => r.role_in_source))],
      victim: g.visible.some((r) => VICTIM_ROLES.has(r.role_in_source)),
      agencies: [...new Set(g.visible.map((r) => ntk.agencies.get(r.agency_code)?.name ?? r.agency_code))],
      records: g.visible.length,
      hidden: ntk.hits(g.hidden),
    });
  }
  return { results: results.filter((r) => r.entityId > 0), hits: ntk.hits(hiddenOnly), candidates: rows.length };
}

async function candidates(
  ctx: AppContext,
  c: { keys: string[]; text: string; dob: ReturnType<typeof parseDate>; phone: string | null; postcode: string | null; partialPostcode: string | null },
): Promise<CandidateRow[]> {
  const cols = sql.raw(
    'id, entity_id, agency_code, handling_code, conditions, role_in_source, given_name, family_name, full_name, date_of_birth_text, norm_given, norm_surname, dob_key, phone_e164, postcode',
  );
  // A record without a date of birth stays a candidate. Written so that the planner cannot answer it from the date
  // index: a bitmap of every undated record (9% at 1M) and five years of births costs more than checking
  // the dates of the rows the name already picked.
  const dobFilter = c.dob ? sql`AND coalesce(date_of_birth BETWEEN ${`${c.dob.year - 2}-01-01`}::date AND ${`${c.dob.year + 2}-12-31`}::date, true)` : sql``;
  const seen = new Map<string, CandidateRow>();
  const add = (rows: CandidateRow[]) => {
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
  };
  // On PostgreSQL the queries that do not depend on one another run side by side on the pool (PGlite has one
  // connection, so there they run in turn and only when needed). Rows are still added in the same order.
  const parallel = ctx.database.kind === 'postgres';
  const phoneRows = c.phone && parallel ? phoneQuery(ctx, cols, c.phone) : null;
  phoneRows?.catch(() => {});
  if (c.keys.length) {
    // Any one canonical token, then the rest left to scoring: catches a dropped or changed name part. Needed when
    // all the tokens together find few records (most queries), so on PostgreSQL it starts with the first query.
    const anyToken = () => sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE name_keys && ${c.keys} ${dobFilter} LIMIT ${CANDIDATES}`.execute(ctx.db);
    const anyRows = parallel && c.keys.length > 1 ? anyToken() : null;
    anyRows?.catch(() => {}); // awaited below when used; not left unhandled when not
    add((await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE name_keys @> ${c.keys} ${dobFilter} LIMIT ${CANDIDATES}`.execute(ctx.db)).rows);
    if (seen.size < 50 && c.keys.length > 1) add((await (anyRows ?? anyToken())).rows);
    if (seen.size < 20 && c.text.length >= 3) {
      // Typos: trigram similarity on the folded name.
      add(
        (
          await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE search_name % ${c.text} ${dobFilter}
                                  ORDER BY similarity(search_name, ${c.text}) DESC LIMIT 100`.execute(ctx.db)
        ).rows,
      );
    }
  }
  if (c.phone) add((await (phoneRows ?? phoneQuery(ctx, cols, c.phone))).rows);
  if (!c.keys.length) {
    if (c.postcode) add((await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE postcode = ${c.postcode} LIMIT ${CANDIDATES}`.execute(ctx.db)).rows);
    if (c.partialPostcode) add((await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE postcode LIKE ${`${c.partialPostcode} %`} LIMIT ${CANDIDATES}`.execute(ctx.db)).rows);
    if (c.dob && !c.phone && !c.postcode && !c.partialPostcode) {
      const exact = !c.dob.yearOnly && !c.dob.placeholder;
      const rows = exact
        ? await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE date_of_birth = ${`${c.dob.text.slice(0, 4)}-${c.dob.text.slice(4, 6)}-${c.dob.text.slice(6, 8)}`}::date LIMIT ${CANDIDATES}`.execute(ctx.db).catch(() => ({ rows: [] as CandidateRow[] }))
        : await sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE date_of_birth BETWEEN ${`${c.dob.year}-01-01`}::date AND ${`${c.dob.year}-12-31`}::date LIMIT ${CANDIDATES}`.execute(ctx.db);
      add(rows.rows);
    }
  } else if (c.postcode || c.partialPostcode) {
    // With a name, the postcode narrows rather than widens.
    const pc = c.postcode;
    const pp = c.partialPostcode;
    for (const [k, r] of seen) if (r.postcode && ((pc && r.postcode !== pc) || (pp && !r.postcode.startsWith(`${pp} `)))) seen.delete(k);
  }
  return [...seen.values()];
}

function phoneQuery(ctx: AppContext, cols: ReturnType<typeof sql.raw>, phone: string) {
  return sql<CandidateRow>`SELECT ${cols} FROM person_records WHERE phone_e164 = ${phone} LIMIT ${CANDIDATES}`.execute(ctx.db);
}
