/**
 * SQL over the referrals capability's tables. Other capabilities call only the functions marked "for other
 * capabilities" (referral facts for intelligence and matching; measures for performance).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Answers } from './model/journey.js';
import type { FactItem } from './model/facts.js';
import type { ReferralTables } from './tables.js';

export type Db = Kysely<any> | Transaction<any>;
export const tables = (db: Db) => db.withTables<ReferralTables>() as unknown as Kysely<ReferralTables>;

type Selectable<N extends keyof ReferralTables> = import('kysely').Selectable<ReferralTables[N]>;
export type DecisionRow = Selectable<'referral_decisions'>;

// ---------------------------------------------------------------------------------------------------------------
// Drafts

export interface Draft {
  id: string;
  answers: Answers;
  lastStep: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const toDraft = (r: Selectable<'referral_drafts'>): Draft => ({
  id: r.id,
  answers: (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) as Answers,
  lastStep: r.last_step,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Drafts not touched for this long are removed (they may hold a name that was never submitted). */
export const DRAFT_RETENTION_DAYS = 30;

export async function createDraft(db: Db, userId: string, agencyCode: string, answers: Answers = {}): Promise<Draft> {
  const row = await tables(db)
    .insertInto('referral_drafts')
    .values({ user_id: userId, agency_code: agencyCode, answers: JSON.stringify(answers), last_step: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDraft(row);
}

export async function listDrafts(db: Db, userId: string): Promise<Draft[]> {
  const rows = await tables(db).selectFrom('referral_drafts').selectAll().where('user_id', '=', userId).orderBy('updated_at', 'desc').execute();
  return rows.map(toDraft);
}

export async function getDraft(db: Db, id: string, userId: string): Promise<Draft | undefined> {
  const row = await tables(db).selectFrom('referral_drafts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

export async function saveDraft(db: Db, id: string, userId: string, answers: Answers, lastStep: string | null): Promise<boolean> {
  const res = await tables(db)
    .updateTable('referral_drafts')
    .set({ answers: JSON.stringify(answers), last_step: lastStep, updated_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteDraft(db: Db, id: string, userId: string): Promise<boolean> {
  const res = await tables(db).deleteFrom('referral_drafts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function purgeStaleDrafts(db: Db, days = DRAFT_RETENTION_DAYS): Promise<number> {
  const res = await tables(db)
    .deleteFrom('referral_drafts')
    .where('updated_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

// ---------------------------------------------------------------------------------------------------------------
// Referrals

export async function nextReference(db: Db, kind: 'nrm' | 'dtn', on: string): Promise<string> {
  const r = await sql<{ n: number }>`SELECT nextval('referral_reference_seq')::int AS n`.execute(db);
  return `${kind === 'nrm' ? 'NRM' : 'DTN'}-${on.slice(0, 4)}-${String(r.rows[0]!.n).padStart(6, '0')}`;
}

export interface NewReferral {
  reference: string;
  kind: 'nrm' | 'dtn';
  status: string;
  answers: Answers;
  agencyCode: string;
  agencyType: string;
  responderType: string;
  responderUserId: string | null;
  competentAuthority: string;
  sharedWith: string[];
  submittedAt: Date;
  submittedOn: string;
  rgDueOn: string | null;
  items: FactItem[];
  /** Children's path, for a child. */
  child: { localAuthority: string; laNotifiedOn: string; ictgArea: boolean; ictgReferred: boolean | null; missingFromCare: boolean } | null;
}

/** Inserts a referral or DtN with its facts (and, for an NRM referral, the victim's identity). */
export async function insertReferral(db: Db, r: NewReferral): Promise<string> {
  const a = r.answers;
  const row = await tables(db)
    .insertInto('referrals')
    .values({
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      age_group: a.ageGroup!,
      gender: a.gender!,
      nationality: a.nationality!,
      exploitation_types: a.exploitationTypes ?? [],
      force_area: a.forceAreas?.[0] ?? null,
      consent: a.ageGroup === 'child' ? null : (a.consent ?? null),
      agency_code: r.agencyCode,
      agency_type: r.agencyType,
      responder_type: r.responderType,
      responder_user_id: r.responderUserId,
      competent_authority: r.competentAuthority,
      shared_with: r.sharedWith,
      submitted_at: r.submittedAt,
      submitted_on: r.submittedOn,
      rg_due_on: r.rgDueOn,
      rg_outcome: null,
      cg_outcome: null,
      updated_at: r.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  if (r.kind === 'nrm') {
    await tables(db)
      .insertInto('referral_victims')
      .values({
        referral_id: id,
        given_name: a.givenName ?? null,
        family_name: a.familyName ?? null,
        other_names: a.otherNames ?? null,
        date_of_birth: a.dateOfBirth ?? null,
        account: a.account ?? null,
      })
      .execute();
  }
  if (r.child) {
    await tables(db)
      .insertInto('referral_children')
      .values({
        referral_id: id,
        local_authority: r.child.localAuthority,
        la_notified_on: r.child.laNotifiedOn,
        ictg_area: r.child.ictgArea,
        ictg_referred: r.child.ictgReferred,
        missing_from_care: r.child.missingFromCare,
      })
      .execute();
  }
  await tables(db)
    .insertInto('referral_facts')
    .values({
      referral_id: id,
      reference: r.reference,
      kind: r.kind,
      owning_agency: r.competentAuthority,
      referring_agency: r.agencyCode,
      referring_agency_type: r.agencyType,
      submitted_on: r.submittedOn,
      age_group: a.ageGroup!,
      gender: a.gender!,
      nationality: a.nationality!,
      exploitation_types: a.exploitationTypes ?? [],
      sectors: a.sectors ?? [],
      force_areas: a.forceAreas ?? [],
      country_of_origin: a.countryOfOrigin ?? null,
      transit_countries: a.transitCountries ?? [],
      overseas_countries: a.overseasCountries ?? [],
      exploitation_from: a.exploitationFrom ?? null,
      exploitation_to: a.exploitationTo ?? null,
      exploitation_ongoing: a.exploitationOngoing ?? null,
      indicators: a.indicators ?? [],
    })
    .execute();
  if (r.items.length) {
    const position = new Map<string, number>();
    await tables(db)
      .insertInto('referral_fact_items')
      .values(
        r.items.map((it) => {
          const p = (position.get(it.kind) ?? 0) + 1;
          position.set(it.kind, p);
          return { referral_id: id, kind: it.kind, position: p, value: it.value, normalised: it.normalised, detail: it.detail ? JSON.stringify(it.detail) : null };
        }),
      )
      .execute();
  }
  return id;
}

export async function getReferral(db: Db, id: string, forUpdate = false) {
  let q = tables(db).selectFrom('referrals').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type Referral = NonNullable<Awaited<ReturnType<typeof getReferral>>>;

export async function getReferralByReference(db: Db, reference: string) {
  return tables(db).selectFrom('referrals').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function getVictim(db: Db, id: string) {
  return tables(db).selectFrom('referral_victims').selectAll().where('referral_id', '=', id).executeTakeFirst();
}

export async function getChild(db: Db, id: string) {
  return tables(db).selectFrom('referral_children').selectAll().where('referral_id', '=', id).executeTakeFirst();
}

export async function listDecisions(db: Db, referralId: string) {
  return tables(db).selectFrom('referral_decisions').selectAll().where('referral_id', '=', referralId).orderBy('created_at').execute();
}

export async function getDecision(db: Db, id: string) {
  return tables(db).selectFrom('referral_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listReconsiderations(db: Db, referralId: string) {
  return tables(db).selectFrom('referral_reconsiderations').selectAll().where('referral_id', '=', referralId).orderBy('created_at').execute();
}

export interface ReferralFilter {
  /** Only referrals this agency owns or is named on (the policy's handling-code C rule, applied in SQL). */
  visibleTo: string;
  status?: string[];
  kind?: 'nrm' | 'dtn';
  ageGroup?: 'adult' | 'child';
  reference?: string;
  limit?: number;
  offset?: number;
}

export async function listReferrals(db: Db, f: ReferralFilter) {
  let q = tables(db)
    .selectFrom('referrals')
    .selectAll()
    .where((eb) => eb.or([eb('agency_code', '=', f.visibleTo), sql<boolean>`shared_with @> ARRAY[${f.visibleTo}]::text[]`]));
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.ageGroup) q = q.where('age_group', '=', f.ageGroup);
  if (f.reference) q = q.where('reference', 'ilike', `%${f.reference.replace(/[%_\\]/g, '')}%`);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.orderBy('submitted_at', 'desc').orderBy('reference', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Victims' names for a page of referrals (the caller redacts per the policy). */
export async function victimsFor(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, Selectable<'referral_victims'>>();
  const rows = await tables(db).selectFrom('referral_victims').selectAll().where('referral_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.referral_id, r]));
}

/** The competent authority's work: cases awaiting a decision or a second review, oldest first. */
export async function decisionQueue(db: Db, competentAuthority: string, limit = 200) {
  const rows = await tables(db)
    .selectFrom('referrals')
    .select(['id', 'reference', 'status', 'age_group', 'exploitation_types', 'submitted_on', 'rg_due_on', 'recovery_ends_on', 'agency_code', 'nationality'])
    .where('competent_authority', '=', competentAuthority)
    .where('status', 'in', ['awaiting_rg', 'rg_review', 'rg_reconsideration', 'awaiting_cg', 'cg_review', 'cg_reconsideration'])
    .orderBy('submitted_on')
    .limit(limit)
    .execute();
  const counts = await tables(db)
    .selectFrom('referrals')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('competent_authority', '=', competentAuthority)
    .groupBy('status')
    .execute();
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Record<string, number> };
}

export async function pendingDecisionFor(db: Db, referralId: string) {
  return tables(db)
    .selectFrom('referral_decisions')
    .selectAll()
    .where('referral_id', '=', referralId)
    .where('review_status', '=', 'awaiting')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------
// Referral facts (for other capabilities)

export interface ReferralFacts {
  referralId: string;
  reference: string;
  kind: 'nrm' | 'dtn';
  /** Record kind for the access policy: 'referral_facts'. */
  recordKind: 'referral_facts';
  owningAgency: string;
  referringAgency: string;
  referringAgencyType: string;
  threat: 'msht';
  submittedOn: string;
  ageGroup: string;
  gender: string;
  nationality: string;
  exploitationTypes: string[];
  sectors: string[];
  forceAreas: string[];
  countryOfOrigin: string | null;
  transitCountries: string[];
  overseasCountries: string[];
  /** Origin, then transit countries, then the UK: the route as the first responder recorded it. */
  route: string[];
  exploitationFrom: string | null;
  exploitationTo: string | null;
  exploitationOngoing: boolean | null;
  indicators: string[];
  suspects: { value: string; normalised: string }[];
  phones: { value: string; normalised: string }[];
  vehicles: { value: string; normalised: string }[];
  addresses: { value: string; normalised: string; postcode: string | null }[];
}

export interface ReferralFactsFilter {
  from?: string;
  to?: string;
  forceArea?: string;
  /** ISO code appearing as origin, transit or overseas country, or nationality. */
  country?: string;
  exploitationType?: string;
  referralIds?: string[];
  /** Only facts with this item (e.g. a phone's E.164 or a vehicle's registration without spaces). */
  item?: { kind: 'suspect' | 'phone' | 'vehicle' | 'address'; normalised: string };
  limit?: number;
  offset?: number;
}

/**
 * For other capabilities (intelligence, entities): the non-identifying facts of referrals and Duty to Notify
 * records, newest first. Rows carry `owningAgency` and `recordKind`; callers decide visibility with
 * `decideRecord(principal, factsMeta(row.owningAgency), ...)` (or use `visibleReferralFacts` in service.ts).
 */
export async function listReferralFacts(db: Db, filter: ReferralFactsFilter = {}): Promise<ReferralFacts[]> {
  let q = tables(db).selectFrom('referral_facts').selectAll();
  if (filter.from) q = q.where('submitted_on', '>=', filter.from);
  if (filter.to) q = q.where('submitted_on', '<=', filter.to);
  if (filter.forceArea) q = q.where(sql<boolean>`${filter.forceArea} = ANY(force_areas)`);
  if (filter.exploitationType) q = q.where(sql<boolean>`${filter.exploitationType} = ANY(exploitation_types)`);
  if (filter.country) {
    const c = filter.country;
    q = q.where((eb) =>
      eb.or([
        eb('country_of_origin', '=', c),
        eb('nationality', '=', c),
        sql<boolean>`${c} = ANY(transit_countries)`,
        sql<boolean>`${c} = ANY(overseas_countries)`,
      ]),
    );
  }
  if (filter.referralIds) {
    if (!filter.referralIds.length) return [];
    q = q.where('referral_id', 'in', filter.referralIds);
  }
  if (filter.item) {
    const it = filter.item;
    q = q.where('referral_id', 'in', (eb) =>
      eb.selectFrom('referral_fact_items').select('referral_id').where('kind', '=', it.kind).where('normalised', '=', it.normalised),
    );
  }
  const rows = await q.orderBy('submitted_on', 'desc').orderBy('reference', 'desc').limit(filter.limit ?? 500).offset(filter.offset ?? 0).execute();
  if (!rows.length) return [];
  const items = await tables(db)
    .selectFrom('referral_fact_items')
    .selectAll()
    .where(
      'referral_id',
      'in',
      rows.map((r) => r.referral_id),
    )
    .orderBy('referral_id')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const byReferral = new Map<string, typeof items>();
  for (const it of items) {
    const list = byReferral.get(it.referral_id) ?? [];
    list.push(it);
    byReferral.set(it.referral_id, list);
  }
  return rows.map((r) => {
    const its = byReferral.get(r.referral_id) ?? [];
    const of = (kind: string) => its.filter((i) => i.kind === kind);
    const detail = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, string> | null;
    return {
      referralId: r.referral_id,
      reference: r.reference,
      kind: r.kind as 'nrm' | 'dtn',
      recordKind: 'referral_facts',
      owningAgency: r.owning_agency,
      referringAgency: r.referring_agency,
      referringAgencyType: r.referring_agency_type,
      threat: 'msht',
      submittedOn: r.submitted_on,
      ageGroup: r.age_group,
      gender: r.gender,
      nationality: r.nationality,
      exploitationTypes: r.exploitation_types,
      sectors: r.sectors,
      forceAreas: r.force_areas,
      countryOfOrigin: r.country_of_origin,
      transitCountries: r.transit_countries,
      overseasCountries: r.overseas_countries,
      route: [...(r.country_of_origin ? [r.country_of_origin] : []), ...r.transit_countries.filter((c) => c !== r.country_of_origin), ...(r.country_of_origin && r.country_of_origin !== 'GB' ? ['GB'] : [])],
      exploitationFrom: r.exploitation_from,
      exploitationTo: r.exploitation_to,
      exploitationOngoing: r.exploitation_ongoing,
      indicators: r.indicators,
      suspects: of('suspect').map((i) => ({ value: i.value, normalised: i.normalised })),
      phones: of('phone').map((i) => ({ value: i.value, normalised: i.normalised })),
      vehicles: of('vehicle').map((i) => ({ value: i.value, normalised: i.normalised })),
      addresses: of('address').map((i) => ({ value: i.value, normalised: i.normalised, postcode: detail(i.detail)?.postcode ?? null })),
    } satisfies ReferralFacts;
  });
}

export async function countReferralFacts(db: Db, filter: Pick<ReferralFactsFilter, 'from' | 'to'> = {}): Promise<number> {
  let q = tables(db).selectFrom('referral_facts').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.from) q = q.where('submitted_on', '>=', filter.from);
  if (filter.to) q = q.where('submitted_on', '<=', filter.to);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Threshold notices

export async function currentNotices(db: Db, today: string) {
  return tables(db)
    .selectFrom('threshold_notices')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where('effective_from', '<=', today)
    .orderBy('effective_from', 'desc')
    .orderBy('published_at', 'desc')
    .execute();
}

export async function allNotices(db: Db) {
  return tables(db).selectFrom('threshold_notices').selectAll().orderBy('published_at', 'desc').limit(200).execute();
}

export async function unacknowledgedNotices(db: Db, userId: string, today: string) {
  return tables(db)
    .selectFrom('threshold_notices as n')
    .selectAll('n')
    .where('n.withdrawn_at', 'is', null)
    .where('n.effective_from', '<=', today)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('threshold_notice_acks as a').select('a.notice_id').whereRef('a.notice_id', '=', 'n.id').where('a.user_id', '=', userId))),
    )
    .orderBy('n.effective_from', 'desc')
    .execute();
}

export async function acknowledgedCounts(db: Db) {
  const rows = await tables(db)
    .selectFrom('threshold_notice_acks')
    .select(['notice_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('notice_id')
    .execute();
  return new Map(rows.map((r) => [r.notice_id, Number(r.n)]));
}

// ---------------------------------------------------------------------------------------------------------------
// Children

export async function listMissingEpisodes(db: Db, referralId: string) {
  return tables(db).selectFrom('missing_episodes').selectAll().where('referral_id', '=', referralId).orderBy('went_missing_at', 'desc').execute();
}

/** Children's missing episodes the agency may see (owner or named on the referral), open ones first. */
export async function missingEpisodesForReview(db: Db, agencyCode: string, sinceIso: string) {
  return tables(db)
    .selectFrom('missing_episodes as e')
    .innerJoin('referrals as r', 'r.id', 'e.referral_id')
    .leftJoin('referral_children as c', 'c.referral_id', 'r.id')
    .select([
      'e.id',
      'e.referral_id',
      'e.went_missing_at',
      'e.returned_at',
      'e.reported_to_police',
      'e.notes',
      'r.reference',
      'r.agency_code',
      'r.agency_type',
      'r.handling_code',
      'r.shared_with',
      'r.force_area',
      'r.exploitation_types',
      'c.local_authority',
    ])
    .where('r.age_group', '=', 'child')
    .where((eb) => eb.or([eb('r.agency_code', '=', agencyCode), sql<boolean>`r.shared_with @> ARRAY[${agencyCode}]::text[]`]))
    .where((eb) => eb.or([eb('e.returned_at', 'is', null), eb('e.returned_at', '>=', new Date(sinceIso))]))
    .orderBy(sql`e.returned_at IS NULL`, 'desc')
    .orderBy('e.went_missing_at', 'desc')
    .limit(500)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Case reviews

export async function listSamples(db: Db, competentAuthority: string) {
  const samples = await tables(db)
    .selectFrom('case_review_samples')
    .selectAll()
    .where('competent_authority', '=', competentAuthority)
    .orderBy('month', 'desc')
    .limit(36)
    .execute();
  const progress = await tables(db)
    .selectFrom('case_review_items')
    .select(['sample_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('finding').as('done')])
    .groupBy('sample_id')
    .execute();
  const byId = new Map(progress.map((p) => [p.sample_id, { n: Number(p.n), done: Number(p.done) }]));
  return samples.map((s) => ({ ...s, items: byId.get(s.id)?.n ?? 0, reviewed: byId.get(s.id)?.done ?? 0 }));
}

export async function getSample(db: Db, id: string) {
  const sample = await tables(db).selectFrom('case_review_samples').selectAll().where('id', '=', id).executeTakeFirst();
  if (!sample) return undefined;
  const items = await tables(db)
    .selectFrom('case_review_items as i')
    .innerJoin('referral_decisions as d', 'd.id', 'i.decision_id')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select([
      'i.decision_id',
      'i.position',
      'i.finding',
      'i.notes',
      'i.reviewed_by',
      'i.reviewed_at',
      'd.stage',
      'd.outcome',
      'd.reasons',
      'd.decided_on',
      'd.issued_on',
      'd.reconsideration',
      'r.id as referral_id',
      'r.reference',
      'r.age_group',
      'r.exploitation_types',
    ])
    .where('i.sample_id', '=', id)
    .orderBy('i.position')
    .execute();
  return { sample, items };
}

/** Decisions issued in a month by a competent authority (the population a case-review sample is drawn from). */
export async function decisionsIssuedIn(db: Db, competentAuthority: string, from: string, to: string) {
  const rows = await tables(db)
    .selectFrom('referral_decisions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select('d.id')
    .where('r.competent_authority', '=', competentAuthority)
    .where('d.review_status', '=', 'upheld')
    .where('d.issued_on', '>=', from)
    .where('d.issued_on', '<=', to)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function userNames(db: Db, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await (db as Kysely<any>).selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r: { id: string; name: string }) => [r.id, r.name]));
}

/** Whether an agency is a designated first-responder organisation (kernel agencies table). */
export async function isFirstResponderAgency(db: Db, agencyCode: string): Promise<boolean> {
  const row = await (db as Kysely<any>).selectFrom('agencies').select('first_responder').where('code', '=', agencyCode).executeTakeFirst();
  return !!row?.first_responder;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await tables(db).selectFrom('referral_settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as T;
}

export async function putSetting(db: Db, key: string, value: unknown, userId: string | null) {
  await tables(db)
    .insertInto('referral_settings')
    .values({ key, value: JSON.stringify(value), updated_by: userId, updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: new Date() }))
    .execute();
}
