/**
 * SQL over the partners capability's tables. Other capabilities may call `recordEngagement` (mark a partner as
 * engaged on one of their cases) and `engagementsForCase`; they never query these tables themselves.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Agreement, agreementCovers, decideRecord } from '../kernel/access/policy.js';
import type { Principal } from '../kernel/access/principal.js';
import { type Actor as AuditActor, actorOf } from '../kernel/audit/audit-log.js';
import type { AppContext } from '../kernel/context.js';
import { conflict, notFound, preconditionFailed, validationFailed } from '../kernel/errors.js';
import type { PublicContact, SeedRef } from './data/types.js';
import { incidentReference } from './model/incidents.js';
import type { Measures, ProgressRating } from './model/reviews.js';
import type { CaseKind, DirectoryEntryView } from './recommendations.js';
import type { PartnersTables } from './tables.js';

export type Db = Kysely<any> | Transaction<any>;
export const tables = (db: Db) => db.withTables<PartnersTables>() as unknown as Kysely<PartnersTables>;

/** Who acts, as the store records it. */
export interface Actor {
  userId: string | null;
  name: string;
  agencyCode: string;
  agencyType: string;
}
export const actorFromPrincipal = (p: Principal): Actor => ({
  userId: p.userId,
  name: p.name,
  agencyCode: p.agencyCode,
  agencyType: p.agencyType,
});

const iso = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);
const json = <T>(v: unknown, fallback: T): T => {
  if (v === null || v === undefined) return fallback;
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as T;
    } catch {
      return fallback;
    }
  }
  return v as T;
};

// ---------------------------------------------------------------------------------------------------------------
// Record visibility: owning agency, or an agreement in force sharing that kind of record with the reader's agency.

/** Agency codes and types whose records of this kind the principal's agency may see (then re-checked per row). */
export function visibleSources(
  principal: Principal,
  kind: string,
  agreements: readonly Agreement[],
  today = new Date().toISOString().slice(0, 10),
) {
  const codes = new Set<string>([principal.agencyCode]);
  const types = new Set<string>();
  for (const a of agreements) {
    const probe = {
      kind,
      owningAgencyCode: a.fromAgencyCode ?? '',
      owningAgencyType: (a.fromAgencyType ?? undefined) as never,
    };
    if (!agreementCovers(a, probe, principal, today)) continue;
    if (a.fromAgencyCode) codes.add(a.fromAgencyCode);
    else if (a.fromAgencyType) types.add(a.fromAgencyType);
  }
  return { codes: [...codes], types: [...types] };
}

// ---------------------------------------------------------------------------------------------------------------
// Directory

export interface DirectoryEntry {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentCode: string | null;
  agencyCode: string | null;
  source: string;
  listing: string;
  capabilities: string[];
  whenToEngage: string;
  howToReach: string | null;
  available24x7: boolean | null;
  publicContact: PublicContact | null;
  restrictions: string[];
  seedRefs: SeedRef[];
  version: number;
  updatedAt: string;
}

type DirRow = PartnersTables['partner_directory'] & { version: number; updated_at: Date; created_at: Date };

export function toEntry(r: DirRow): DirectoryEntry {
  const contact: PublicContact = {
    ...(r.public_phone ? { phone: r.public_phone } : {}),
    ...(r.public_email ? { email: r.public_email } : {}),
    ...(r.public_website ? { website: r.public_website } : {}),
  };
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    parentCode: r.parent_code,
    agencyCode: r.agency_code,
    source: r.source,
    listing: r.listing,
    capabilities: r.capabilities,
    whenToEngage: r.when_to_engage,
    howToReach: r.how_to_reach,
    available24x7: r.available_24x7,
    publicContact: Object.keys(contact).length ? contact : null,
    restrictions: r.restrictions,
    seedRefs: json<SeedRef[]>(r.seed_refs, []),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface DirectoryFilter {
  q?: string;
  kind?: string;
  source?: string;
  only24x7?: boolean;
}

export async function searchDirectory(db: Db, f: DirectoryFilter = {}): Promise<DirectoryEntry[]> {
  let q = tables(db).selectFrom('partner_directory').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.only24x7) q = q.where('available_24x7', '=', true);
  const words = (f.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`lower(name || ' ' || coalesce(short_name, '') || ' ' || code || ' ' || array_to_string(capabilities, ' ') || ' ' || when_to_engage || ' ' || coalesce(how_to_reach, '')) LIKE ${like}`,
    );
  }
  // Seed 000's own entries first (they say what each can do), then reference agencies.
  const rows = await q
    .orderBy(sql`CASE source WHEN 'seed-000' THEN 0 WHEN 'added' THEN 1 ELSE 2 END`)
    .orderBy('name')
    .execute();
  return rows.map((r) => toEntry(r as DirRow));
}

export async function getPartner(db: Db, code: string) {
  const r = await tables(db)
    .selectFrom('partner_directory')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toEntry(r as DirRow) : undefined;
}

/** The live directory as the recommendations partial shows it. */
export async function directoryViews(db: Db): Promise<Map<string, DirectoryEntryView>> {
  const rows = await tables(db)
    .selectFrom('partner_directory')
    .select([
      'code',
      'name',
      'short_name',
      'how_to_reach',
      'available_24x7',
      'public_phone',
      'public_email',
      'public_website',
      'restrictions',
    ])
    .execute();
  return new Map(
    rows.map((r) => {
      const contact: PublicContact = {
        ...(r.public_phone ? { phone: r.public_phone } : {}),
        ...(r.public_email ? { email: r.public_email } : {}),
        ...(r.public_website ? { website: r.public_website } : {}),
      };
      return [
        r.code,
        {
          code: r.code,
          name: r.name,
          shortName: r.short_name,
          howToReach: r.how_to_reach,
          available24x7: r.available_24x7,
          publicContact: Object.keys(contact).length ? contact : null,
          restrictions: r.restrictions,
        },
      ];
    }),
  );
}

export interface DirectoryInput {
  name: string;
  shortName: string | null;
  kind: string;
  capabilities: string[];
  whenToEngage: string;
  howToReach: string | null;
  available24x7: boolean | null;
  publicPhone: string | null;
  publicEmail: string | null;
  publicWebsite: string | null;
  restrictions: string[];
}

const directoryColumns = (i: DirectoryInput) => ({
  name: i.name,
  short_name: i.shortName,
  kind: i.kind,
  capabilities: i.capabilities,
  when_to_engage: i.whenToEngage,
  how_to_reach: i.howToReach,
  available_24x7: i.available24x7,
  public_phone: i.publicPhone,
  public_email: i.publicEmail,
  public_website: i.publicWebsite,
  restrictions: i.restrictions,
});

/** Changes an entry if nobody else changed it since `expectedVersion`; returns the fields that changed. */
export async function updatePartner(
  trx: Db,
  code: string,
  input: DirectoryInput,
  expectedVersion: number,
  userId: string | null,
) {
  const before = await tables(trx)
    .selectFrom('partner_directory')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('partner');
  if (before.version !== expectedVersion) {
    throw conflict(
      `Someone else changed this entry (now version ${before.version}, you edited version ${expectedVersion}). Reload it and make your change again.`,
      [{ field: 'version', message: 'This entry was changed by someone else since you opened it' }],
    );
  }
  const cols = directoryColumns(input);
  const changed = Object.entries(cols)
    .filter(
      ([k, v]) =>
        JSON.stringify((before as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null),
    )
    .map(([k]) => k);
  await tables(trx)
    .updateTable('partner_directory')
    .set({ ...cols, version: before.version + 1, updated_at: new Date(), updated_by: userId })
    .where('code', '=', code)
    .execute();
  return { version: before.version + 1, changed };
}

export async function createPartner(trx: Db, code: string, input: DirectoryInput, userId: string | null) {
  const exists = await tables(trx)
    .selectFrom('partner_directory')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (exists)
    throw conflict('An entry with this code already exists.', [
      { field: 'code', message: 'Choose a code no other entry uses' },
    ]);
  await tables(trx)
    .insertInto('partner_directory')
    .values({
      code,
      source: 'added',
      listing: 'section',
      parent_code: null,
      agency_code: null,
      seed_refs: '[]',
      updated_by: userId,
      ...directoryColumns(input),
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Engagements

export interface EngagementInput {
  partnerCode: string;
  caseKind: CaseKind;
  caseId: string;
  ruleId: string | null;
  engagedOn: string;
  note: string | null;
}

export interface Engagement {
  id: string;
  partnerCode: string;
  partnerName: string;
  caseKind: string;
  caseId: string;
  ruleId: string | null;
  engagedOn: string;
  note: string | null;
  agencyCode: string;
  recordedByName: string;
  recordedAt: string;
}

export async function insertEngagement(trx: Db, input: EngagementInput, actor: Actor): Promise<string> {
  const partner = await tables(trx)
    .selectFrom('partner_directory')
    .select('code')
    .where('code', '=', input.partnerCode)
    .executeTakeFirst();
  if (!partner)
    throw validationFailed([{ field: 'partnerCode', message: 'Choose a partner from the directory' }]);
  const row = await tables(trx)
    .insertInto('partner_engagements')
    .values({
      partner_code: input.partnerCode,
      case_kind: input.caseKind,
      case_id: input.caseId,
      rule_id: input.ruleId,
      engaged_on: input.engagedOn,
      note: input.note,
      agency_code: actor.agencyCode,
      agency_type: actor.agencyType,
      recorded_by: actor.userId,
      recorded_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * For other capabilities: records that a partner was engaged on one of their cases, with its audit entry, in one
 * transaction. `principal` is the user doing it (its agency owns the engagement record).
 */
export async function recordEngagement(
  ctx: Pick<AppContext, 'db' | 'audit'>,
  principal: Principal,
  input: EngagementInput,
  opts: { ip?: string | null; auditActor?: AuditActor } = {},
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertEngagement(trx, input, actorFromPrincipal(principal));
    await ctx.audit.append(trx, opts.auditActor ?? actorOf(principal, opts.ip ?? null), [
      {
        action: 'partners.engagement.recorded',
        entityKind: 'partner_engagement',
        entityId: id,
        detail: {
          partner: input.partnerCode,
          caseKind: input.caseKind,
          caseId: input.caseId,
          rule: input.ruleId,
        },
      },
    ]);
    return id;
  });
}

const engagementMeta = (r: { id: string; agency_code: string; agency_type: string }) => ({
  kind: 'partner_engagement',
  id: r.id,
  owningAgencyCode: r.agency_code,
  owningAgencyType: r.agency_type as never,
});

/** Engagements the principal may see, newest first; for one case when given. */
export async function listEngagements(
  db: Db,
  principal: Principal,
  agreements: readonly Agreement[],
  f: { caseKind?: string; caseId?: string; limit?: number } = {},
): Promise<Engagement[]> {
  const { codes, types } = visibleSources(principal, 'partner_engagement', agreements);
  let q = tables(db)
    .selectFrom('partner_engagements as e')
    .innerJoin('partner_directory as d', 'd.code', 'e.partner_code')
    .select([
      'e.id',
      'e.partner_code',
      'd.name as partner_name',
      'e.case_kind',
      'e.case_id',
      'e.rule_id',
      'e.engaged_on',
      'e.note',
      'e.agency_code',
      'e.agency_type',
      'e.recorded_by_name',
      'e.recorded_at',
    ])
    .where((eb) =>
      types.length
        ? eb.or([eb('e.agency_code', 'in', codes), eb('e.agency_type', 'in', types)])
        : eb('e.agency_code', 'in', codes),
    );
  if (f.caseKind) q = q.where('e.case_kind', '=', f.caseKind);
  if (f.caseId) q = q.where('e.case_id', '=', f.caseId);
  const rows = await q
    .orderBy('e.recorded_at', 'desc')
    .limit(f.limit ?? 500)
    .execute();
  return rows
    .filter((r) => decideRecord(principal, engagementMeta(r), { agreements }).allow)
    .map((r) => ({
      id: r.id,
      partnerCode: r.partner_code,
      partnerName: r.partner_name,
      caseKind: r.case_kind,
      caseId: r.case_id,
      ruleId: r.rule_id,
      engagedOn: iso(r.engaged_on)!,
      note: r.note,
      agencyCode: r.agency_code,
      recordedByName: r.recorded_by_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
}

/** For other capabilities: the partners engaged on one of their cases that the principal may see. */
export const engagementsForCase = (
  db: Db,
  principal: Principal,
  agreements: readonly Agreement[],
  caseKind: CaseKind,
  caseId: string,
) => listEngagements(db, principal, agreements, { caseKind, caseId });

// ---------------------------------------------------------------------------------------------------------------
// Partnerships

type PRow = PartnersTables['partnerships'] & { version: number; updated_at: Date; created_at: Date };

export interface Partnership {
  id: string;
  name: string;
  components: string[];
  level: string;
  area: string;
  nation: string;
  forceAreaCodes: string[];
  chairType: string | null;
  coordinatorType: string | null;
  memberTypes: string[];
  memberNames: string[];
  activities: string[];
  otherActivities: string | null;
  governanceDocuments: boolean | null;
  governanceNotes: string | null;
  actionPlan: boolean | null;
  actionPlanNotes: string | null;
  progressMeasures: string[];
  progressNotes: string | null;
  fundingSources: string[];
  fundingNotes: string | null;
  gaps: string[];
  challenges: string[];
  gapsNotes: string | null;
  meetingFrequency: string | null;
  coordinatingAgencyCode: string | null;
  source: string;
  appendixGroup: string | null;
  appendixNumber: number | null;
  appendixNotes: string[];
  seedNotes: { text: string; seedRef: SeedRef }[];
  seedRefs: SeedRef[];
  version: number;
  updatedAt: string;
}

export const toPartnership = (r: PRow): Partnership => ({
  id: r.id,
  name: r.name,
  components: r.components,
  level: r.level,
  area: r.area,
  nation: r.nation,
  forceAreaCodes: r.force_area_codes,
  chairType: r.chair_type,
  coordinatorType: r.coordinator_type,
  memberTypes: r.member_types,
  memberNames: r.member_names,
  activities: r.activities,
  otherActivities: r.other_activities,
  governanceDocuments: r.governance_documents,
  governanceNotes: r.governance_notes,
  actionPlan: r.action_plan,
  actionPlanNotes: r.action_plan_notes,
  progressMeasures: r.progress_measures,
  progressNotes: r.progress_notes,
  fundingSources: r.funding_sources,
  fundingNotes: r.funding_notes,
  gaps: r.gaps,
  challenges: r.challenges,
  gapsNotes: r.gaps_notes,
  meetingFrequency: r.meeting_frequency,
  coordinatingAgencyCode: r.coordinating_agency_code,
  source: r.source,
  appendixGroup: r.appendix_group,
  appendixNumber: r.appendix_number,
  appendixNotes: r.appendix_notes,
  seedNotes: json(r.seed_notes, []),
  seedRefs: json(r.seed_refs, []),
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export interface PartnershipFilter {
  level?: string;
  activity?: string;
  forceAreaCode?: string;
  q?: string;
}

export async function listPartnerships(db: Db, f: PartnershipFilter = {}): Promise<Partnership[]> {
  let q = tables(db).selectFrom('partnerships').selectAll();
  if (f.level) q = q.where('level', '=', f.level);
  if (f.activity) q = q.where(sql<boolean>`${f.activity} = ANY(activities)`);
  if (f.forceAreaCode) q = q.where(sql<boolean>`${f.forceAreaCode} = ANY(force_area_codes)`);
  if (f.q?.trim())
    q = q.where(
      sql<boolean>`lower(name || ' ' || area) LIKE ${`%${f.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  const rows = await q
    .orderBy(
      sql`CASE level WHEN 'national' THEN 0 WHEN 'regional' THEN 1 WHEN 'sub-regional' THEN 2 WHEN 'local' THEN 3 ELSE 4 END`,
    )
    .orderBy('name')
    .execute();
  return rows.map((r) => toPartnership(r as PRow));
}

export async function getPartnership(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<Partnership | undefined> {
  let q = tables(db).selectFrom('partnerships').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toPartnership(r as PRow) : undefined;
}

export interface Coordinator {
  userId: string;
  name: string;
  email: string;
  agencyCode: string;
  agencyName: string;
}

export async function coordinatorsOf(db: Db, partnershipId: string): Promise<Coordinator[]> {
  const rows = await sql<{
    user_id: string;
    name: string;
    email: string;
    agency_code: string;
    agency_name: string;
  }>`
    SELECT c.user_id, u.name, u.email, a.code AS agency_code, a.name AS agency_name
    FROM partnership_coordinators c JOIN users u ON u.id = c.user_id JOIN agencies a ON a.id = u.agency_id
    WHERE c.partnership_id = ${partnershipId} ORDER BY u.name`.execute(db);
  return rows.rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
  }));
}

/** Partnerships a user coordinates: linked to them, or coordinated by their agency. */
export async function partnershipIdsCoordinatedBy(
  db: Db,
  userId: string,
  agencyCode: string,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT p.id FROM partnerships p
    WHERE p.coordinating_agency_code = ${agencyCode}
       OR EXISTS (SELECT 1 FROM partnership_coordinators c WHERE c.partnership_id = p.id AND c.user_id = ${userId})
    ORDER BY p.name`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function findUserByEmail(db: Db, email: string) {
  const r = await sql<{ id: string; name: string; roles: string[]; agency_code: string }>`
    SELECT u.id, u.name, u.roles, a.code AS agency_code FROM users u JOIN agencies a ON a.id = u.agency_id
    WHERE u.email = ${email.trim().toLowerCase()} AND NOT u.disabled`.execute(db);
  return r.rows[0];
}

export async function addCoordinator(
  trx: Db,
  partnershipId: string,
  userId: string,
  addedBy: string | null,
): Promise<boolean> {
  const r = await tables(trx)
    .insertInto('partnership_coordinators')
    .values({ partnership_id: partnershipId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.columns(['partnership_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeCoordinator(trx: Db, partnershipId: string, userId: string): Promise<boolean> {
  const r = await tables(trx)
    .deleteFrom('partnership_coordinators')
    .where('partnership_id', '=', partnershipId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface PartnershipPatch {
  chairType: string | null;
  coordinatorType: string | null;
  memberTypes: string[];
  memberNames: string[];
  activities: string[];
  otherActivities: string | null;
  governanceDocuments: boolean | null;
  governanceNotes: string | null;
  actionPlan: boolean | null;
  actionPlanNotes: string | null;
  progressMeasures: string[];
  progressNotes: string | null;
  fundingSources: string[];
  fundingNotes: string | null;
  gaps: string[];
  challenges: string[];
  gapsNotes: string | null;
  meetingFrequency: string | null;
}

const patchColumns = (p: PartnershipPatch) => ({
  chair_type: p.chairType,
  coordinator_type: p.coordinatorType,
  member_types: p.memberTypes,
  member_names: p.memberNames,
  activities: p.activities,
  other_activities: p.otherActivities,
  governance_documents: p.governanceDocuments,
  governance_notes: p.governanceNotes,
  action_plan: p.actionPlan,
  action_plan_notes: p.actionPlanNotes,
  progress_measures: p.progressMeasures,
  progress_notes: p.progressNotes,
  funding_sources: p.fundingSources,
  funding_notes: p.fundingNotes,
  gaps: p.gaps,
  challenges: p.challenges,
  gaps_notes: p.gapsNotes,
  meeting_frequency: p.meetingFrequency,
});

export async function updatePartnership(
  trx: Db,
  id: string,
  patch: PartnershipPatch,
  expectedVersion: number,
  userId: string | null,
) {
  const before = await tables(trx)
    .selectFrom('partnerships')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('partnership');
  if (before.version !== expectedVersion) {
    throw conflict(
      `Someone else changed this partnership (now version ${before.version}, you edited version ${expectedVersion}). Reload it and make your change again.`,
      [{ field: 'version', message: 'This partnership was changed by someone else since you opened it' }],
    );
  }
  const cols = patchColumns(patch);
  const changed = Object.entries(cols)
    .filter(
      ([k, v]) =>
        JSON.stringify((before as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null),
    )
    .map(([k]) => k);
  await tables(trx)
    .updateTable('partnerships')
    .set({ ...cols, version: before.version + 1, updated_at: new Date(), updated_by: userId })
    .where('id', '=', id)
    .execute();
  return { version: before.version + 1, changed };
}

// ---- Information-sharing agreements --------------------------------------------------------------------------

export interface Isa {
  title: string;
  signedOn: string | null;
  reviewOn: string | null;
  parties: string | null;
  notes: string | null;
  sharingAgreementIds: number[];
  version: number;
  recordedAt: string;
}

export async function getIsa(db: Db, partnershipId: string): Promise<Isa | null> {
  const r = await tables(db)
    .selectFrom('partnership_isas')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  if (!r) return null;
  const links = await tables(db)
    .selectFrom('partnership_isa_agreements')
    .select('sharing_agreement_id')
    .where('partnership_id', '=', partnershipId)
    .orderBy('sharing_agreement_id')
    .execute();
  return {
    title: r.title,
    signedOn: iso(r.signed_on),
    reviewOn: iso(r.review_on),
    parties: r.parties,
    notes: r.notes,
    sharingAgreementIds: links.map((l) => l.sharing_agreement_id),
    version: r.version,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

/** All partnerships' linked kernel agreement ids (for the map). */
export async function isaLinks(db: Db): Promise<Map<string, number[]>> {
  const rows = await tables(db)
    .selectFrom('partnership_isa_agreements')
    .select(['partnership_id', 'sharing_agreement_id'])
    .execute();
  const out = new Map<string, number[]>();
  for (const r of rows)
    out.set(r.partnership_id, [...(out.get(r.partnership_id) ?? []), r.sharing_agreement_id]);
  return out;
}

export interface IsaInput {
  title: string;
  signedOn: string | null;
  reviewOn: string | null;
  parties: string | null;
  notes: string | null;
  sharingAgreementIds: number[];
}

export async function saveIsa(
  trx: Db,
  partnershipId: string,
  input: IsaInput,
  userId: string | null,
  expectedVersion?: number,
) {
  const known = input.sharingAgreementIds.length
    ? await sql<{
        id: number;
      }>`SELECT id FROM sharing_agreements WHERE id = ANY(${input.sharingAgreementIds}::int[])`.execute(trx)
    : { rows: [] };
  const missing = input.sharingAgreementIds.filter((id) => !known.rows.some((r) => r.id === id));
  if (missing.length)
    throw validationFailed([
      { field: 'sharingAgreementIds', message: `No data-sharing agreement has the id ${missing.join(', ')}` },
    ]);
  const before = await tables(trx)
    .selectFrom('partnership_isas')
    .select('version')
    .where('partnership_id', '=', partnershipId)
    .forUpdate()
    .executeTakeFirst();
  if (before && expectedVersion !== undefined && before.version !== expectedVersion) {
    throw preconditionFailed(
      `Someone else changed this agreement (now version ${before.version}). Reload it and make your change again.`,
    );
  }
  const cols = {
    title: input.title,
    signed_on: input.signedOn,
    review_on: input.reviewOn,
    parties: input.parties,
    notes: input.notes,
    recorded_by: userId,
    recorded_at: new Date(),
  };
  if (before) {
    await tables(trx)
      .updateTable('partnership_isas')
      .set({ ...cols, version: before.version + 1 })
      .where('partnership_id', '=', partnershipId)
      .execute();
  } else {
    await tables(trx)
      .insertInto('partnership_isas')
      .values({ partnership_id: partnershipId, ...cols })
      .execute();
  }
  await tables(trx)
    .deleteFrom('partnership_isa_agreements')
    .where('partnership_id', '=', partnershipId)
    .execute();
  if (input.sharingAgreementIds.length) {
    await tables(trx)
      .insertInto('partnership_isa_agreements')
      .values(
        [...new Set(input.sharingAgreementIds)].map((id) => ({
          partnership_id: partnershipId,
          sharing_agreement_id: id,
        })),
      )
      .execute();
  }
  return { version: (before?.version ?? 0) + 1 };
}

// ---- Reviews -------------------------------------------------------------------------------------------------

export interface Review {
  id: string;
  partnershipId: string;
  periodStart: string;
  periodEnd: string;
  reviewedOn: string;
  outputs: Measures;
  outcomes: Measures;
  progressRating: ProgressRating;
  progressSummary: string;
  goodPractice: string | null;
  shareGoodPractice: boolean;
  gapsChallenges: string | null;
  nextActions: string | null;
  reviewedByName: string;
  createdAt: string;
}

type RRow = PartnersTables['partnership_reviews'] & { id: string; created_at: Date };
const toReview = (r: RRow): Review => ({
  id: r.id,
  partnershipId: r.partnership_id,
  periodStart: iso(r.period_start)!,
  periodEnd: iso(r.period_end)!,
  reviewedOn: iso(r.reviewed_on)!,
  outputs: json(r.outputs, {}),
  outcomes: json(r.outcomes, {}),
  progressRating: r.progress_rating as ProgressRating,
  progressSummary: r.progress_summary,
  goodPractice: r.good_practice,
  shareGoodPractice: r.share_good_practice,
  gapsChallenges: r.gaps_challenges,
  nextActions: r.next_actions,
  reviewedByName: r.reviewed_by_name,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listReviews(db: Db, partnershipId?: string, limit = 500): Promise<Review[]> {
  let q = tables(db).selectFrom('partnership_reviews').selectAll();
  if (partnershipId) q = q.where('partnership_id', '=', partnershipId);
  const rows = await q.orderBy('reviewed_on', 'desc').orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => toReview(r as unknown as RRow));
}

export async function getReview(db: Db, id: string): Promise<Review | undefined> {
  const r = await tables(db)
    .selectFrom('partnership_reviews')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toReview(r as unknown as RRow) : undefined;
}

export async function latestReviewDates(db: Db): Promise<Map<string, string>> {
  const rows = await tables(db)
    .selectFrom('partnership_reviews')
    .select(['partnership_id', (eb) => eb.fn.max('reviewed_on').as('last')])
    .groupBy('partnership_id')
    .execute();
  return new Map(rows.map((r) => [r.partnership_id, iso(r.last)!]));
}

export interface ReviewInput {
  periodStart: string;
  periodEnd: string;
  reviewedOn: string;
  outputs: Measures;
  outcomes: Measures;
  progressRating: ProgressRating;
  progressSummary: string;
  goodPractice: string | null;
  shareGoodPractice: boolean;
  gapsChallenges: string | null;
  nextActions: string | null;
}

export async function insertReview(
  trx: Db,
  partnershipId: string,
  r: ReviewInput,
  actor: Actor,
): Promise<string> {
  const row = await tables(trx)
    .insertInto('partnership_reviews')
    .values({
      partnership_id: partnershipId,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      reviewed_on: r.reviewedOn,
      outputs: JSON.stringify(r.outputs),
      outcomes: JSON.stringify(r.outcomes),
      progress_rating: r.progressRating,
      progress_summary: r.progressSummary,
      good_practice: r.goodPractice,
      share_good_practice: r.shareGoodPractice,
      gaps_challenges: r.gapsChallenges,
      next_actions: r.nextActions,
      reviewed_by: actor.userId,
      reviewed_by_name: actor.name,
      agency_code: actor.agencyCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------------------------
// Incidents and the National Response Plan checklist

export interface Incident {
  id: string;
  reference: string;
  type: string;
  threat: string;
  occurredAt: string;
  location: string;
  forceAreaCode: string | null;
  summary: string;
  peopleFound: number | null;
  childrenFound: number | null;
  status: string;
  agencyCode: string;
  agencyType: string;
  createdByName: string;
  createdAt: string;
  version: number;
}

type IRow = PartnersTables['incidents'] & {
  id: string;
  threat: string;
  status: string;
  version: number;
  created_at: Date;
  occurred_at: Date;
};
const toIncident = (r: IRow): Incident => ({
  id: r.id,
  reference: r.reference,
  type: r.type,
  threat: r.threat,
  occurredAt: new Date(r.occurred_at).toISOString(),
  location: r.location,
  forceAreaCode: r.force_area_code,
  summary: r.summary,
  peopleFound: r.people_found,
  childrenFound: r.children_found,
  status: r.status,
  agencyCode: r.agency_code,
  agencyType: r.agency_type,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at).toISOString(),
  version: r.version,
});

export const incidentMeta = (i: { id: string; agencyCode: string; agencyType: string }) => ({
  kind: 'incident',
  id: i.id,
  owningAgencyCode: i.agencyCode,
  owningAgencyType: i.agencyType as never,
});

export interface IncidentInput {
  type: string;
  occurredAt: string;
  location: string;
  forceAreaCode: string | null;
  summary: string;
  peopleFound: number | null;
  childrenFound: number | null;
}

export async function createIncident(
  trx: Db,
  input: IncidentInput,
  actor: Actor,
): Promise<{ id: string; reference: string }> {
  const n = await sql<{ n: number }>`SELECT nextval('incident_reference_seq')::int AS n`.execute(trx);
  const reference = incidentReference(new Date(input.occurredAt).getUTCFullYear(), n.rows[0]!.n);
  const row = await tables(trx)
    .insertInto('incidents')
    .values({
      reference,
      type: input.type,
      occurred_at: input.occurredAt,
      location: input.location,
      force_area_code: input.forceAreaCode,
      summary: input.summary,
      people_found: input.peopleFound,
      children_found: input.childrenFound,
      agency_code: actor.agencyCode,
      agency_type: actor.agencyType,
      created_by: actor.userId,
      created_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, reference };
}

export async function listIncidents(
  db: Db,
  principal: Principal,
  agreements: readonly Agreement[],
  limit = 200,
): Promise<(Incident & { done: number })[]> {
  const { codes, types } = visibleSources(principal, 'incident', agreements);
  const rows = await tables(db)
    .selectFrom('incidents as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .selectFrom('incident_checklist as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.incident_id', '=', 'i.id')
        .as('done'),
    )
    .where((eb) =>
      types.length
        ? eb.or([eb('i.agency_code', 'in', codes), eb('i.agency_type', 'in', types)])
        : eb('i.agency_code', 'in', codes),
    )
    .orderBy('i.occurred_at', 'desc')
    .limit(limit)
    .execute();
  return rows
    .map((r) => ({ ...toIncident(r as unknown as IRow), done: Number(r.done ?? 0) }))
    .filter((i) => decideRecord(principal, incidentMeta(i), { agreements }).allow);
}

export async function getIncident(db: Db, id: string, forUpdate = false): Promise<Incident | undefined> {
  let q = tables(db).selectFrom('incidents').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toIncident(r as unknown as IRow) : undefined;
}

export interface TickRow {
  itemId: string;
  doneAt: string;
  doneByName: string;
  note: string | null;
}

export async function incidentTicks(db: Db, incidentId: string): Promise<TickRow[]> {
  const rows = await tables(db)
    .selectFrom('incident_checklist')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('done_at')
    .execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    doneAt: new Date(r.done_at).toISOString(),
    doneByName: r.done_by_name,
    note: r.note,
  }));
}

/** Ticks and unticks items; returns what actually changed (a tick already there keeps its first time and user). */
export async function applyTicks(
  trx: Db,
  incidentId: string,
  tick: { itemId: string; note: string | null }[],
  untick: string[],
  actor: Actor,
  at = new Date(),
) {
  const added: string[] = [];
  for (const t of tick) {
    const r = await tables(trx)
      .insertInto('incident_checklist')
      .values({
        incident_id: incidentId,
        item_id: t.itemId,
        done_at: at,
        done_by: actor.userId,
        done_by_name: actor.name,
        note: t.note,
      })
      .onConflict((oc) => oc.columns(['incident_id', 'item_id']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) added.push(t.itemId);
  }
  let removed: string[] = [];
  if (untick.length) {
    const r = await tables(trx)
      .deleteFrom('incident_checklist')
      .where('incident_id', '=', incidentId)
      .where('item_id', 'in', untick)
      .returning('item_id')
      .execute();
    removed = r.map((x) => x.item_id);
  }
  if (added.length || removed.length) {
    await sql`UPDATE incidents SET updated_at = now(), version = version + 1 WHERE id = ${incidentId}`.execute(
      trx,
    );
  }
  return { added, removed };
}

export async function setIncidentStatus(trx: Db, incidentId: string, status: 'open' | 'closed') {
  await sql`UPDATE incidents SET status = ${status}, updated_at = now(), version = version + 1 WHERE id = ${incidentId}`.execute(
    trx,
  );
}
