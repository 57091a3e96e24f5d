/**
 * SQL over the ocg capability's tables. Other capabilities call the exported functions marked "for other
 * capabilities" (intelligence links, group summaries); they never query these tables themselves.
 */
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { conflict, notFound, preconditionFailed } from '../kernel/errors.js';
import { AGENCIES } from '../kernel/reference/agencies.js';
import { FORCES } from '../kernel/reference/forces.js';
import { investigationActivityByGroup, investigationsForGroup } from '../investigations/store.js';
import type { GroupActivity } from './alerts.js';
import { type CountBy, concentration } from './concentration.js';
import { DEFAULT_SCORING_CONFIG, type FactorRatings, type Grade, type ScoringConfig, assess, isoDate } from './scoring.js';
import type { OcgTables } from './tables.js';

export type Db = Kysely<any> | Transaction<any>;
export const tables = (db: Db) => db.withTables<OcgTables>() as unknown as Kysely<OcgTables>;

export interface Actor {
  userId: string | null;
  name: string;
  agencyCode: string;
  agencyType: string;
}

const AGENCY_BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));
export const agencyName = (code: string | null | undefined) => (code ? (AGENCY_BY_CODE.get(code)?.name ?? code) : '');
export const agencyType = (code: string) => AGENCY_BY_CODE.get(code)?.type ?? null;
export const FORCE_BY_CODE = new Map(FORCES.map((f) => [f.code, f]));
export const forceName = (code: string | null | undefined) => (code ? (FORCE_BY_CODE.get(code)?.name ?? code) : '');

// ---------------------------------------------------------------------------------------------------------------
// Scoring configuration

export interface ConfigVersion {
  version: number;
  config: ScoringConfig;
  reason: string;
  changedByName: string;
  changedByAgency: string;
  changedAt: Date | null;
}

const BUILT_IN: ConfigVersion = {
  version: 0,
  config: DEFAULT_SCORING_CONFIG,
  reason: 'Built-in default',
  changedByName: 'Fusion',
  changedByAgency: '',
  changedAt: null,
};

export async function currentConfig(db: Db): Promise<ConfigVersion> {
  const row = await tables(db).selectFrom('ocg_scoring_configs').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return BUILT_IN;
  return {
    version: row.version,
    config: { ...DEFAULT_SCORING_CONFIG, ...(row.config as ScoringConfig) },
    reason: row.reason,
    changedByName: row.changed_by_name,
    changedByAgency: row.changed_by_agency,
    changedAt: row.changed_at,
  };
}

export async function configHistory(db: Db): Promise<ConfigVersion[]> {
  const rows = await tables(db).selectFrom('ocg_scoring_configs').selectAll().orderBy('version', 'desc').execute();
  return [
    ...rows.map((row) => ({
      version: row.version,
      config: row.config as ScoringConfig,
      reason: row.reason,
      changedByName: row.changed_by_name,
      changedByAgency: row.changed_by_agency,
      changedAt: row.changed_at,
    })),
    BUILT_IN,
  ];
}

export async function saveConfig(trx: Db, config: ScoringConfig, reason: string, actor: Actor, expectedVersion?: number): Promise<number> {
  await sql`LOCK TABLE ocg_scoring_configs IN EXCLUSIVE MODE`.execute(trx);
  const current = await currentConfig(trx);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw conflict(`The scoring configuration was changed by ${current.changedByName} (version ${current.version}) while you were editing. Review it and try again.`, [
      { field: 'version', message: `Current version is ${current.version}` },
    ]);
  }
  const row = await tables(trx)
    .insertInto('ocg_scoring_configs')
    .values({ config: JSON.stringify(config), reason, changed_by: actor.userId, changed_by_name: actor.name, changed_by_agency: actor.agencyCode })
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

// ---------------------------------------------------------------------------------------------------------------
// Groups

async function nextReference(trx: Db, sequence: 'ocg_reference_seq' | 'ocg_disruption_reference_seq', prefix: string, year: number) {
  const r = await sql<{ n: number }>`SELECT nextval(${sequence}) AS n`.execute(trx);
  return `${prefix}-${year}-${String(r.rows[0]!.n).padStart(5, '0')}`;
}

export interface ThreatRow {
  threat: 'msht' | 'oic';
  subtype: string;
}

export interface GroupInput {
  name: string;
  aliases: string[];
  summary: string;
  primaryThreat: 'msht' | 'oic';
  threats: ThreatRow[];
  otherCriminality: string[];
  areas: string[];
  handlingCode: 'P' | 'C';
  handlingConditions: Record<string, unknown> | null;
  /** Demo data back-dates groups; live writes use now(). */
  createdAt?: Date;
}

export async function createGroup(trx: Db, input: GroupInput, actor: Actor): Promise<{ id: string; reference: string }> {
  const createdAt = input.createdAt ?? new Date();
  const reference = await nextReference(trx, 'ocg_reference_seq', 'OCG', createdAt.getUTCFullYear());
  const row = await tables(trx)
    .insertInto('ocg_groups')
    .values({
      reference,
      name: input.name,
      aliases: input.aliases,
      summary: input.summary,
      primary_threat: input.primaryThreat,
      other_criminality: input.otherCriminality,
      owning_agency_code: actor.agencyCode,
      owning_agency_type: actor.agencyType,
      handling_code: input.handlingCode,
      handling_conditions: input.handlingConditions ? JSON.stringify(input.handlingConditions) : null,
      grade: null,
      tier: null,
      score: null,
      last_assessed_at: null,
      next_assessment_due: null,
      created_by: actor.userId,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceThreatsAndAreas(trx, row.id, input.threats, input.areas);
  return { id: row.id, reference };
}

async function replaceThreatsAndAreas(trx: Db, id: string, threats: ThreatRow[] | undefined, areas: string[] | undefined) {
  const db = tables(trx);
  if (threats) {
    await db.deleteFrom('ocg_threats').where('ocg_id', '=', id).execute();
    const unique = [...new Map(threats.map((t) => [`${t.threat}:${t.subtype}`, t])).values()];
    if (unique.length) await db.insertInto('ocg_threats').values(unique.map((t) => ({ ocg_id: id, threat: t.threat, subtype: t.subtype }))).execute();
  }
  if (areas) {
    await db.deleteFrom('ocg_areas').where('ocg_id', '=', id).execute();
    const unique = [...new Set(areas)];
    if (unique.length) {
      await db
        .insertInto('ocg_areas')
        .values(unique.map((f) => ({ ocg_id: id, force_code: f, force_area_code: FORCE_BY_CODE.get(f)?.forceAreaCode ?? null })))
        .execute();
    }
  }
}

export type GroupPatch = Partial<Omit<GroupInput, 'createdAt'>> & { status?: 'active' | 'archived' };

/** Optimistic concurrency: the caller names the version it read; someone else's change in between is a 412. */
export async function updateGroup(trx: Db, id: string, patch: GroupPatch, expectedVersion: number): Promise<number> {
  const db = tables(trx);
  const set: Record<string, unknown> = { updated_at: new Date(), version: sql`version + 1` };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.aliases !== undefined) set.aliases = patch.aliases;
  if (patch.summary !== undefined) set.summary = patch.summary;
  if (patch.primaryThreat !== undefined) set.primary_threat = patch.primaryThreat;
  if (patch.otherCriminality !== undefined) set.other_criminality = patch.otherCriminality;
  if (patch.handlingCode !== undefined) set.handling_code = patch.handlingCode;
  if (patch.handlingConditions !== undefined) set.handling_conditions = patch.handlingConditions ? JSON.stringify(patch.handlingConditions) : null;
  if (patch.status !== undefined) set.status = patch.status;
  const res = await db.updateTable('ocg_groups').set(set as any).where('id', '=', id).where('version', '=', expectedVersion).returning('version').executeTakeFirst();
  if (!res) {
    const now = await db.selectFrom('ocg_groups').select(['version', 'updated_at']).where('id', '=', id).executeTakeFirst();
    if (!now) throw notFound('organised crime group');
    throw preconditionFailed(`Someone else changed this group (now version ${now.version}, at ${now.updated_at.toISOString()}). Reload it and make your change again.`);
  }
  await replaceThreatsAndAreas(trx, id, patch.threats, patch.areas);
  return res.version;
}

export interface GroupFilter {
  threat?: 'msht' | 'oic';
  grade?: Grade | 'none';
  status?: 'active' | 'archived' | 'all';
  owner?: string;
  force?: string;
  q?: string;
  ids?: string[];
  limit?: number;
  offset?: number;
}

const groupColumns = [
  'g.id',
  'g.reference',
  'g.name',
  'g.aliases',
  'g.summary',
  'g.primary_threat',
  'g.other_criminality',
  'g.owning_agency_code',
  'g.owning_agency_type',
  'g.handling_code',
  'g.handling_conditions',
  'g.status',
  'g.grade',
  'g.tier',
  'g.score',
  'g.last_assessed_at',
  'g.next_assessment_due',
  'g.created_at',
  'g.updated_at',
  'g.version',
] as const;

export type GroupRow = Awaited<ReturnType<typeof listGroups>>['rows'][number];

export async function listGroups(db: Db, filter: GroupFilter, visible: (eb: ExpressionBuilder<any, any>) => any) {
  let q = tables(db).selectFrom('ocg_groups as g').where(visible as any);
  if (filter.threat) q = q.where('g.primary_threat', '=', filter.threat);
  if (filter.grade === 'none') q = q.where('g.grade', 'is', null);
  else if (filter.grade) q = q.where('g.grade', '=', filter.grade);
  if (filter.status !== 'all') q = q.where('g.status', '=', filter.status ?? 'active');
  if (filter.owner) q = q.where('g.owning_agency_code', '=', filter.owner);
  if (filter.ids) q = q.where('g.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.force) {
    const force = filter.force;
    q = q.where((eb) => eb.exists(eb.selectFrom('ocg_areas as a').select('a.ocg_id').whereRef('a.ocg_id', '=', 'g.id').where('a.force_code', '=', force)));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('g.name', 'ilike', like), eb('g.reference', 'ilike', like), eb(sql`array_to_string(g.aliases, ' ')`, 'ilike', like)]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...groupColumns])
    .select((eb) => [
      eb.selectFrom('ocg_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.ocg_id', '=', 'g.id').where('m.removed_at', 'is', null).as('member_count'),
      eb.selectFrom('ocg_intelligence_links as l').select(eb.fn.countAll<number>().as('n')).whereRef('l.ocg_id', '=', 'g.id').as('intelligence_count'),
      eb.selectFrom('ocg_disruptions as d').select(eb.fn.countAll<number>().as('n')).whereRef('d.ocg_id', '=', 'g.id').where('d.status', '<>', 'rejected').as('disruption_count'),
    ])
    .orderBy(sql`CASE g.grade WHEN 'P1' THEN 1 WHEN 'P2' THEN 2 WHEN 'P3' THEN 3 WHEN 'P4' THEN 4 ELSE 5 END`)
    .orderBy('g.score', 'desc')
    .orderBy('g.reference')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  const threats = await threatsFor(db, rows.map((r) => r.id));
  const areas = await areasFor(db, rows.map((r) => r.id));
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      ...r,
      member_count: Number(r.member_count ?? 0),
      intelligence_count: Number(r.intelligence_count ?? 0),
      disruption_count: Number(r.disruption_count ?? 0),
      threats: threats.get(r.id) ?? [],
      areas: areas.get(r.id) ?? [],
    })),
  };
}

async function threatsFor(db: Db, ids: string[]) {
  const out = new Map<string, ThreatRow[]>();
  if (!ids.length) return out;
  const rows = await tables(db).selectFrom('ocg_threats').selectAll().where('ocg_id', 'in', ids).orderBy('threat').orderBy('subtype').execute();
  for (const r of rows) {
    const list = out.get(r.ocg_id) ?? [];
    list.push({ threat: r.threat as ThreatRow['threat'], subtype: r.subtype });
    out.set(r.ocg_id, list);
  }
  return out;
}

async function areasFor(db: Db, ids: string[]) {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await tables(db).selectFrom('ocg_areas').select(['ocg_id', 'force_code']).where('ocg_id', 'in', ids).orderBy('force_code').execute();
  for (const r of rows) out.set(r.ocg_id, [...(out.get(r.ocg_id) ?? []), r.force_code]);
  return out;
}

export async function getGroup(db: Db, id: string) {
  const g = await tables(db).selectFrom('ocg_groups as g').select([...groupColumns]).where('g.id', '=', id).executeTakeFirst();
  if (!g) return null;
  const [threats, areas] = await Promise.all([threatsFor(db, [id]), areasFor(db, [id])]);
  return { ...g, threats: threats.get(id) ?? [], areas: areas.get(id) ?? [] };
}
export type Group = NonNullable<Awaited<ReturnType<typeof getGroup>>>;

export async function groupDetails(db: Db, id: string) {
  const d = tables(db);
  const [members, intelligence, assessmentRows, disruptions, investigations] = await Promise.all([
    d.selectFrom('ocg_members').selectAll().where('ocg_id', '=', id).where('removed_at', 'is', null).orderBy('added_at').execute(),
    d.selectFrom('ocg_intelligence_links').selectAll().where('ocg_id', '=', id).orderBy('linked_at', 'desc').execute(),
    assessments(db, id),
    d
      .selectFrom('ocg_disruptions')
      .select(['id', 'reference', 'threat', 'category', 'magnitude', 'tactic', 'disrupted_on', 'recording_agency_code', 'status'])
      .where('ocg_id', '=', id)
      .orderBy('disrupted_on', 'desc')
      .execute(),
    investigationsForGroup(db, id),
  ]);
  return { members, intelligence, assessments: assessmentRows, disruptions, investigations };
}

// ---------------------------------------------------------------------------------------------------------------
// Members

export interface MemberInput {
  name: string;
  role: string;
  location: 'uk' | 'overseas' | 'unknown';
  country: string | null;
  personEntityId: string | null;
  personRecordId: string | null;
}

export async function addMember(trx: Db, ocgId: string, m: MemberInput, actor: Actor, addedAt = new Date()): Promise<string> {
  const row = await tables(trx)
    .insertInto('ocg_members')
    .values({
      ocg_id: ocgId,
      name: m.name,
      role: m.role,
      location: m.location,
      country: m.country,
      person_entity_id: m.personEntityId,
      person_record_id: m.personRecordId,
      added_by: actor.userId,
      added_at: addedAt,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, ocgId);
  return row.id;
}

export async function removeMember(trx: Db, ocgId: string, memberId: string): Promise<boolean> {
  const res = await tables(trx)
    .updateTable('ocg_members')
    .set({ removed_at: new Date() })
    .where('id', '=', memberId)
    .where('ocg_id', '=', ocgId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows)) await touch(trx, ocgId);
  return Number(res.numUpdatedRows) > 0;
}

async function touch(trx: Db, id: string) {
  await tables(trx).updateTable('ocg_groups').set({ updated_at: new Date(), version: sql`version + 1` as any }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Intelligence links (for other capabilities: src/intelligence links its reports to groups here)

/**
 * Links an intelligence report to a group. Idempotent: linking the same report again keeps the first link time,
 * so re-saving a report does not count as new intelligence. Returns whether a link was created.
 */
export async function linkIntelligenceReport(
  trx: Db,
  link: { ocgId: string; reportId: string; linkedAt?: Date; userId?: string | null; agencyCode?: string | null },
): Promise<{ created: boolean; linkedAt: Date }> {
  const rows = await tables(trx)
    .insertInto('ocg_intelligence_links')
    .values({
      ocg_id: link.ocgId,
      report_id: link.reportId,
      linked_at: link.linkedAt ?? new Date(),
      linked_by: link.userId ?? null,
      linked_by_agency: link.agencyCode ?? null,
    })
    .onConflict((oc) => oc.columns(['ocg_id', 'report_id']).doNothing())
    .returning('linked_at')
    .execute();
  if (rows.length) return { created: true, linkedAt: rows[0]!.linked_at };
  const existing = await tables(trx)
    .selectFrom('ocg_intelligence_links')
    .select('linked_at')
    .where('ocg_id', '=', link.ocgId)
    .where('report_id', '=', link.reportId)
    .executeTakeFirstOrThrow();
  return { created: false, linkedAt: existing.linked_at };
}

export async function unlinkIntelligenceReport(trx: Db, ocgId: string, reportId: string): Promise<boolean> {
  const res = await tables(trx).deleteFrom('ocg_intelligence_links').where('ocg_id', '=', ocgId).where('report_id', '=', reportId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** For other capabilities: the groups an intelligence report is linked to. */
export async function groupsLinkedToReport(db: Db, reportId: string) {
  return tables(db)
    .selectFrom('ocg_intelligence_links as l')
    .innerJoin('ocg_groups as g', 'g.id', 'l.ocg_id')
    .select(['g.id', 'g.reference', 'g.name', 'g.grade', 'g.primary_threat', 'l.linked_at'])
    .where('l.report_id', '=', reportId)
    .orderBy('l.linked_at')
    .execute();
}

/** For other capabilities: reference, name, threat and grade of groups by id (no personal data). */
export async function groupSummaries(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return tables(db)
    .selectFrom('ocg_groups')
    .select(['id', 'reference', 'name', 'primary_threat', 'grade', 'tier', 'status', 'owning_agency_code'])
    .where('id', 'in', ids)
    .execute();
}

/** For other capabilities (demo generators): active groups with their primary threat, oldest first. */
export async function groupIndex(db: Db) {
  const rows = await tables(db)
    .selectFrom('ocg_groups')
    .select(['id', 'reference', 'name', 'primary_threat', 'grade', 'owning_agency_code', 'created_at'])
    .orderBy('created_at')
    .orderBy('reference')
    .execute();
  const areas = await areasFor(db, rows.map((r) => r.id));
  const threats = await threatsFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, areas: areas.get(r.id) ?? [], threats: threats.get(r.id) ?? [] }));
}

// ---------------------------------------------------------------------------------------------------------------
// Assessments

export interface AssessmentInput {
  ratings: FactorRatings;
  gradeOverride: Grade | null;
  overrideReason: string | null;
  decision: string;
  rationale: string;
  nextDue: string;
  /** Demo data back-dates assessments; live writes use now(). */
  assessedAt?: Date;
}

export async function recordAssessment(trx: Db, ocgId: string, input: AssessmentInput, actor: Actor, cfg: ConfigVersion) {
  const db = tables(trx);
  const assessedAt = input.assessedAt ?? new Date();
  const result = assess(input.ratings, cfg.config, input.gradeOverride);
  const previous = await db.selectFrom('ocg_groups').select('last_assessed_at').where('id', '=', ocgId).forUpdate().executeTakeFirstOrThrow();
  const counts = await db
    .selectFrom('ocg_intelligence_links')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn
        .count<number>('report_id')
        .filterWhere('linked_at', '>', previous.last_assessed_at ?? new Date(0))
        .as('new'),
    ])
    .where('ocg_id', '=', ocgId)
    .where('linked_at', '<=', assessedAt)
    .executeTakeFirstOrThrow();
  const computed = assess(input.ratings, cfg.config).grade;
  const row = await db
    .insertInto('ocg_assessments')
    .values({
      ocg_id: ocgId,
      assessed_at: assessedAt,
      assessed_by: actor.userId,
      assessor_name: actor.name,
      assessor_agency_code: actor.agencyCode,
      harm: input.ratings.harm,
      likelihood: input.ratings.likelihood,
      confidence: input.ratings.confidence,
      capacity: input.ratings.capacity,
      config_version: cfg.version,
      config: JSON.stringify(cfg.config),
      score: result.score,
      computed_grade: computed,
      grade: result.grade,
      override_reason: result.grade !== computed ? input.overrideReason : null,
      tier: result.tier,
      decision: input.decision,
      rationale: input.rationale,
      intelligence_count: Number(counts.all),
      new_intelligence_count: Number(counts.new),
      next_due: input.decision === 'archive' ? null : input.nextDue,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('ocg_groups')
    .set({
      grade: result.grade,
      tier: result.tier,
      score: result.score,
      last_assessed_at: assessedAt,
      next_assessment_due: input.decision === 'archive' ? null : input.nextDue,
      status: input.decision === 'archive' ? 'archived' : 'active',
      updated_at: new Date(),
      version: sql`version + 1` as any,
    })
    .where('id', '=', ocgId)
    .execute();
  return { id: row.id, ...result, computedGrade: computed };
}

export async function assessments(db: Db, ocgId: string) {
  return tables(db).selectFrom('ocg_assessments').selectAll().where('ocg_id', '=', ocgId).orderBy('assessed_at', 'desc').execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Activity for the assessment list

const dateOf = (d: Date | string | null | undefined) => (d ? (d instanceof Date ? isoDate(d) : String(d).slice(0, 10)) : null);

/** What the alert rules need for each group: new intelligence since the last assessment and the last activity. */
export async function activityFor(db: Db, groups: { id: string; status: string; grade: string | null; created_at: Date; last_assessed_at: Date | null; next_assessment_due: string | null }[]) {
  const ids = groups.map((g) => g.id);
  const out = new Map<string, GroupActivity>();
  if (!ids.length) return out;
  const d = tables(db);
  const [intel, disr, inv] = await Promise.all([
    d
      .selectFrom('ocg_intelligence_links as l')
      .innerJoin('ocg_groups as g', 'g.id', 'l.ocg_id')
      .select((eb) => [
        'l.ocg_id',
        eb.fn.max('l.linked_at').as('last'),
        eb.fn
          .count<number>('l.report_id')
          .filterWhere((w) => w.or([w('g.last_assessed_at', 'is', null), w('l.linked_at', '>', w.ref('g.last_assessed_at'))]))
          .as('new'),
      ])
      .where('l.ocg_id', 'in', ids)
      .groupBy('l.ocg_id')
      .execute(),
    d
      .selectFrom('ocg_disruptions')
      .select((eb) => ['ocg_id', eb.fn.max('disrupted_on').as('last')])
      .where('ocg_id', 'in', ids)
      .where('status', '<>', 'rejected')
      .groupBy('ocg_id')
      .execute(),
    investigationActivityByGroup(db, ids),
  ]);
  const intelBy = new Map(intel.map((r) => [r.ocg_id, r]));
  const disrBy = new Map(disr.map((r) => [r.ocg_id as string, r.last as unknown as string]));
  for (const g of groups) {
    const i = intelBy.get(g.id);
    out.set(g.id, {
      status: g.status as GroupActivity['status'],
      grade: g.grade as Grade | null,
      createdOn: dateOf(g.created_at)!,
      lastAssessedOn: dateOf(g.last_assessed_at),
      nextDue: g.next_assessment_due,
      newIntelligence: Number(i?.new ?? 0),
      lastIntelligenceOn: dateOf(i?.last as Date | undefined),
      lastDisruptionOn: dateOf(disrBy.get(g.id)),
      lastInvestigationOn: inv.get(g.id) ?? null,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Grade mix (national counts: no personal data)

export async function gradeMix(db: Db) {
  const rows = await tables(db)
    .selectFrom('ocg_groups')
    .select((eb) => ['primary_threat', 'grade', 'tier', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .groupBy(['primary_threat', 'grade', 'tier'])
    .execute();
  const mix = (threat: string) => {
    const byGrade: Record<string, number> = { P1: 0, P2: 0, P3: 0, P4: 0, none: 0 };
    const byTier: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, none: 0 };
    for (const r of rows.filter((x) => x.primary_threat === threat)) {
      byGrade[r.grade ?? 'none']! += Number(r.n);
      byTier[r.tier === null ? 'none' : String(r.tier)]! += Number(r.n);
    }
    const total = Object.values(byGrade).reduce((s, v) => s + v, 0);
    return { threat, total, byGrade, byTier };
  };
  return { oic: mix('oic'), msht: mix('msht') };
}

// ---------------------------------------------------------------------------------------------------------------
// Disruptions

export interface DisruptionInput {
  ocgId: string | null;
  threat: 'msht' | 'oic';
  category: string;
  magnitude: string;
  tactic: string;
  evidence: string;
  disruptedOn: string;
  forceCode: string | null;
}

export async function createDisruption(
  trx: Db,
  input: DisruptionInput,
  actor: Actor,
  demo?: { status: 'recorded' | 'validated' | 'rejected'; validatedByName?: string; validatedAt?: Date; createdAt?: Date },
): Promise<{ id: string; reference: string }> {
  const reference = await nextReference(trx, 'ocg_disruption_reference_seq', 'DSR', Number(input.disruptedOn.slice(0, 4)));
  const row = await tables(trx)
    .insertInto('ocg_disruptions')
    .values({
      reference,
      ocg_id: input.ocgId,
      threat: input.threat,
      category: input.category,
      magnitude: input.magnitude,
      tactic: input.tactic,
      evidence: input.evidence,
      disrupted_on: input.disruptedOn,
      recording_agency_code: actor.agencyCode,
      recording_agency_type: actor.agencyType,
      force_code: input.forceCode,
      status: demo?.status ?? 'recorded',
      recorded_by: actor.userId,
      recorded_by_name: actor.name,
      validated_by: null,
      validated_by_name: demo && demo.status !== 'recorded' ? (demo.validatedByName ?? 'Supervisor') : null,
      validated_at: demo && demo.status !== 'recorded' ? (demo.validatedAt ?? new Date()) : null,
      validation_note: null,
      created_at: demo?.createdAt ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, reference };
}

export interface DisruptionFilter {
  threat?: 'msht' | 'oic';
  status?: string;
  category?: string;
  agency?: string;
  force?: string;
  ocgId?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

export async function listDisruptions(db: Db, filter: DisruptionFilter, visible: (eb: ExpressionBuilder<any, any>) => any) {
  let q = tables(db).selectFrom('ocg_disruptions as d').leftJoin('ocg_groups as g', 'g.id', 'd.ocg_id').where(visible as any);
  if (filter.threat) q = q.where('d.threat', '=', filter.threat);
  if (filter.status) q = q.where('d.status', '=', filter.status);
  if (filter.category) q = q.where('d.category', '=', filter.category);
  if (filter.agency) q = q.where('d.recording_agency_code', '=', filter.agency);
  if (filter.force) q = q.where('d.force_code', '=', filter.force);
  if (filter.ocgId) q = q.where('d.ocg_id', '=', filter.ocgId);
  if (filter.year) q = q.where('d.disrupted_on', '>=', `${filter.year}-01-01`).where('d.disrupted_on', '<=', `${filter.year}-12-31`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'd.id',
      'd.reference',
      'd.ocg_id',
      'g.reference as ocg_reference',
      'g.name as ocg_name',
      'd.threat',
      'd.category',
      'd.magnitude',
      'd.tactic',
      'd.evidence',
      'd.disrupted_on',
      'd.recording_agency_code',
      'd.recording_agency_type',
      'd.force_code',
      'd.status',
      'd.recorded_by',
      'd.recorded_by_name',
      'd.validated_by_name',
      'd.validated_at',
      'd.validation_note',
      'd.created_at',
      'd.version',
    ])
    .orderBy('d.disrupted_on', 'desc')
    .orderBy('d.reference', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return { total: Number(total.n), rows };
}

export async function getDisruption(db: Db, id: string) {
  const r = await listDisruptions(db, { limit: 1 }, (eb) => eb('d.id', '=', id));
  return r.rows[0] ?? null;
}
export type DisruptionRow = NonNullable<Awaited<ReturnType<typeof getDisruption>>>;

export async function validateDisruption(trx: Db, id: string, decision: 'validated' | 'rejected', note: string | null, actor: Actor, expectedVersion?: number) {
  let q = tables(trx)
    .updateTable('ocg_disruptions')
    .set({
      status: decision,
      validated_by: actor.userId,
      validated_by_name: actor.name,
      validated_at: new Date(),
      validation_note: note,
      version: sql`version + 1` as any,
    })
    .where('id', '=', id)
    .where('status', '=', 'recorded');
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const res = await q.returning('version').executeTakeFirst();
  if (!res) throw conflict('This disruption has already been validated or rejected, or changed since you opened it.', [{ field: 'decision', message: 'Already decided' }]);
  return res.version;
}

export interface StatsFilter {
  threat: 'msht' | 'oic';
  from?: string;
  to?: string;
  /** Count only validated disruptions (by default every disruption not rejected counts). */
  validatedOnly?: boolean;
}

/**
 * National counts of disruptions for one threat (never both together): by year, recording force (police only, as
 * in seed 004's figure), recording agency, 4P category and magnitude, and the top-four-force concentration.
 * Rejected disruptions are never counted.
 */
export async function disruptionStats(db: Db, f: StatsFilter) {
  const base = () => {
    let q = tables(db).selectFrom('ocg_disruptions').where('threat', '=', f.threat);
    q = f.validatedOnly ? q.where('status', '=', 'validated') : q.where('status', '<>', 'rejected');
    if (f.from) q = q.where('disrupted_on', '>=', f.from);
    if (f.to) q = q.where('disrupted_on', '<=', f.to);
    return q;
  };
  const year = sql<number>`extract(year from disrupted_on)::int`;
  const isPolice = sql<boolean>`(recording_agency_type = 'police_force')`;
  const [byYearRows, byAgencyRows, byCategoryRows, byMagnitudeRows] = await Promise.all([
    base()
      .select((eb) => [year.as('year'), isPolice.as('police'), eb.fn.countAll<number>().as('n')])
      .groupBy([year, isPolice])
      .execute(),
    base()
      .select((eb) => ['recording_agency_code', 'recording_agency_type', eb.fn.countAll<number>().as('n')])
      .groupBy(['recording_agency_code', 'recording_agency_type'])
      .execute(),
    base()
      .select((eb) => ['category', isPolice.as('police'), eb.fn.countAll<number>().as('n')])
      .groupBy(['category', isPolice])
      .execute(),
    base()
      .select((eb) => ['magnitude', eb.fn.countAll<number>().as('n')])
      .groupBy('magnitude')
      .execute(),
  ]);
  const years = [...new Set(byYearRows.map((r) => Number(r.year)))].sort();
  const byYear = years.map((y) => {
    const police = byYearRows.filter((r) => Number(r.year) === y && r.police).reduce((s, r) => s + Number(r.n), 0);
    const other = byYearRows.filter((r) => Number(r.year) === y && !r.police).reduce((s, r) => s + Number(r.n), 0);
    return { year: y, police, other, total: police + other };
  });
  const byForce: CountBy[] = byAgencyRows
    .filter((r) => r.recording_agency_type === 'police_force')
    .map((r) => ({ key: r.recording_agency_code, label: agencyName(r.recording_agency_code), count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const byAgency: (CountBy & { type: string })[] = byAgencyRows
    .map((r) => ({ key: r.recording_agency_code, label: agencyName(r.recording_agency_code), type: r.recording_agency_type, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const categories = ['pursue', 'prevent', 'protect', 'prepare'];
  const byCategory = categories.map((c) => {
    const police = byCategoryRows.filter((r) => r.category === c && r.police).reduce((s, r) => s + Number(r.n), 0);
    const other = byCategoryRows.filter((r) => r.category === c && !r.police).reduce((s, r) => s + Number(r.n), 0);
    return { category: c, police, other, total: police + other };
  });
  const byMagnitude = ['major', 'moderate', 'minor'].map((m) => ({ magnitude: m, count: Number(byMagnitudeRows.find((r) => r.magnitude === m)?.n ?? 0) }));
  const policeTotal = byForce.reduce((s, r) => s + r.count, 0);
  const total = byAgency.reduce((s, r) => s + r.count, 0);
  return {
    threat: f.threat,
    from: f.from ?? null,
    to: f.to ?? null,
    validatedOnly: !!f.validatedOnly,
    total,
    policeTotal,
    otherTotal: total - policeTotal,
    byYear,
    byForce,
    byAgency,
    byCategory,
    byMagnitude,
    concentration: concentration(byForce, 4),
  };
}
export type DisruptionStats = Awaited<ReturnType<typeof disruptionStats>>;

export const actorOfPrincipal = (p: { userId: string; name: string; agencyCode: string; agencyType: string }): Actor => ({
  userId: p.userId,
  name: p.name,
  agencyCode: p.agencyCode,
  agencyType: p.agencyType,
});
