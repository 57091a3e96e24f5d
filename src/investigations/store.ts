/**
 * SQL over the investigations capability's tables. `investigationActivityByGroup` and `investigationsForGroup`
 * are for other capabilities (the OCG register shows linked investigations and counts them as activity).
 */
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { notFound, preconditionFailed } from '../kernel/errors.js';
import { FORCES } from '../kernel/reference/forces.js';
import type { Candidate, Recommendation } from './allocation.js';
import { CLOSED_STATUSES, type Characteristic } from './model.js';
import type { OicFacts } from './ownership.js';
import type { OcgTables } from '../ocg/tables.js';
import type { InvestigationTables } from './tables.js';
import type { CaseFacts, ChargeFact, InvestigationSpan } from './outcomes.js';

export type Db = Kysely<any> | Transaction<any>;
export const tables = (db: Db) => db.withTables<InvestigationTables>() as unknown as Kysely<InvestigationTables>;

export interface Actor {
  userId: string | null;
  name: string;
  agencyCode: string;
  agencyType: string;
}

const FORCE = new Map(FORCES.map((f) => [f.code, f]));
const today = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------------
// For other capabilities

/** Last investigation activity per group: today while a linked investigation is open, else its close date. */
export async function investigationActivityByGroup(db: Db, ocgIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ocgIds.length) return out;
  const rows = await tables(db)
    .selectFrom('inv_groups as l')
    .innerJoin('inv_investigations as i', 'i.id', 'l.investigation_id')
    .select(['l.ocg_id', 'l.linked_at', 'i.status', 'i.closed_on', 'i.opened_on'])
    .where('l.ocg_id', 'in', ocgIds)
    .execute();
  for (const r of rows) {
    const linked = r.linked_at.toISOString().slice(0, 10);
    const d = CLOSED_STATUSES.includes(r.status as never) ? [r.closed_on ?? r.opened_on, linked].sort().at(-1)! : today();
    const prev = out.get(r.ocg_id);
    if (!prev || d > prev) out.set(r.ocg_id, d);
  }
  return out;
}

/** Investigations linked to a group, with what the caller needs to decide whether the user may see each. */
export async function investigationsForGroup(db: Db, ocgId: string) {
  return tables(db)
    .selectFrom('inv_groups as l')
    .innerJoin('inv_investigations as i', 'i.id', 'l.investigation_id')
    .select(['i.id', 'i.reference', 'i.operation_name', 'i.status', 'i.lead_agency_code', 'i.lead_agency_type', 'i.handling_code', 'i.handling_conditions', 'i.opened_on', 'i.closed_on'])
    .where('l.ocg_id', '=', ocgId)
    .orderBy('i.opened_on', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Investigations

export interface InvestigationInput {
  operationName: string;
  summary: string;
  primaryThreat: 'msht' | 'oic';
  threats: { threat: 'msht' | 'oic'; subtype: string }[];
  offences: string[];
  leadForceCode: string | null;
  supportingForces: { forceCode: string; duties: string }[];
  openedOn: string;
  crossRegional: boolean;
  dedicatedTeam: boolean;
  victimNavigator: boolean;
  evidenceLed: boolean;
  financialInvestigation: boolean;
  assetsIdentifiedGbp: number | null;
  confiscationOrderedGbp: number | null;
  oicFacts: OicFacts | null;
  handlingCode: 'P' | 'C';
  handlingConditions: Record<string, unknown> | null;
  /** Demo data writes history directly. */
  status?: string;
  closedOn?: string | null;
  lessonsLearnt?: string | null;
  createdAt?: Date;
}

export async function createInvestigation(trx: Db, input: InvestigationInput, actor: Actor): Promise<{ id: string; reference: string }> {
  const r = await sql<{ n: number }>`SELECT nextval('inv_reference_seq') AS n`.execute(trx);
  const reference = `INV-${input.openedOn.slice(0, 4)}-${String(r.rows[0]!.n).padStart(5, '0')}`;
  const leadForce = input.leadForceCode ?? (actor.agencyType === 'police_force' ? actor.agencyCode : null);
  const rocu = actor.agencyType === 'rocu' ? actor.agencyCode : leadForce ? (FORCE.get(leadForce)?.rocuCode ?? null) : null;
  const createdAt = input.createdAt ?? new Date();
  const row = await tables(trx)
    .insertInto('inv_investigations')
    .values({
      reference,
      operation_name: input.operationName,
      summary: input.summary,
      primary_threat: input.primaryThreat,
      offences: input.offences,
      lead_agency_code: actor.agencyCode,
      lead_agency_type: actor.agencyType,
      lead_force_code: leadForce,
      rocu_code: rocu,
      handling_code: input.handlingCode,
      handling_conditions: input.handlingConditions ? JSON.stringify(input.handlingConditions) : null,
      status: input.status ?? 'live',
      opened_on: input.openedOn,
      closed_on: input.closedOn ?? null,
      cross_regional: input.crossRegional,
      dedicated_team: input.dedicatedTeam,
      victim_navigator: input.victimNavigator,
      evidence_led: input.evidenceLed,
      financial_investigation: input.financialInvestigation,
      assets_identified_gbp: input.assetsIdentifiedGbp,
      confiscation_ordered_gbp: input.confiscationOrderedGbp,
      oic_facts: input.oicFacts ? JSON.stringify(input.oicFacts) : null,
      lessons_learnt: input.lessonsLearnt ?? null,
      created_by: actor.userId,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t = tables(trx);
  const threats = [...new Map(input.threats.map((x) => [`${x.threat}:${x.subtype}`, x])).values()];
  if (threats.length) await t.insertInto('inv_threats').values(threats.map((x) => ({ investigation_id: row.id, threat: x.threat, subtype: x.subtype }))).execute();
  const supporting = input.supportingForces.filter((s) => s.forceCode !== leadForce);
  if (supporting.length) {
    await t
      .insertInto('inv_supporting_forces')
      .values([...new Map(supporting.map((s) => [s.forceCode, s])).values()].map((s) => ({ investigation_id: row.id, force_code: s.forceCode, duties: s.duties })))
      .execute();
  }
  return { id: row.id, reference };
}

export interface InvestigationPatch {
  operationName?: string;
  summary?: string;
  offences?: string[];
  status?: string;
  closedOn?: string | null;
  dedicatedTeam?: boolean;
  victimNavigator?: boolean;
  evidenceLed?: boolean;
  financialInvestigation?: boolean;
  assetsIdentifiedGbp?: number | null;
  confiscationOrderedGbp?: number | null;
  oicFacts?: OicFacts | null;
  lessonsLearnt?: string | null;
  crossRegional?: boolean;
}

export async function updateInvestigation(trx: Db, id: string, p: InvestigationPatch, expectedVersion: number): Promise<number> {
  const set: Record<string, unknown> = { updated_at: new Date(), version: sql`version + 1` };
  const map: [keyof InvestigationPatch, string][] = [
    ['operationName', 'operation_name'],
    ['summary', 'summary'],
    ['offences', 'offences'],
    ['status', 'status'],
    ['closedOn', 'closed_on'],
    ['dedicatedTeam', 'dedicated_team'],
    ['victimNavigator', 'victim_navigator'],
    ['evidenceLed', 'evidence_led'],
    ['financialInvestigation', 'financial_investigation'],
    ['assetsIdentifiedGbp', 'assets_identified_gbp'],
    ['confiscationOrderedGbp', 'confiscation_ordered_gbp'],
    ['lessonsLearnt', 'lessons_learnt'],
    ['crossRegional', 'cross_regional'],
  ];
  for (const [k, col] of map) if (p[k] !== undefined) set[col] = p[k];
  if (p.oicFacts !== undefined) set.oic_facts = p.oicFacts ? JSON.stringify(p.oicFacts) : null;
  const res = await tables(trx).updateTable('inv_investigations').set(set as any).where('id', '=', id).where('version', '=', expectedVersion).returning('version').executeTakeFirst();
  if (!res) {
    const now = await tables(trx).selectFrom('inv_investigations').select(['version', 'updated_at']).where('id', '=', id).executeTakeFirst();
    if (!now) throw notFound('investigation');
    throw preconditionFailed(`Someone else changed this investigation (now version ${now.version}, at ${now.updated_at.toISOString()}). Reload it and make your change again.`);
  }
  return res.version;
}

export interface InvestigationFilter {
  threat?: 'msht' | 'oic';
  status?: string;
  open?: boolean;
  lead?: string;
  force?: string;
  q?: string;
  ocgId?: string;
  limit?: number;
  offset?: number;
}

const columns = [
  'i.id',
  'i.reference',
  'i.operation_name',
  'i.summary',
  'i.primary_threat',
  'i.offences',
  'i.lead_agency_code',
  'i.lead_agency_type',
  'i.lead_force_code',
  'i.rocu_code',
  'i.handling_code',
  'i.handling_conditions',
  'i.status',
  'i.opened_on',
  'i.closed_on',
  'i.cross_regional',
  'i.dedicated_team',
  'i.victim_navigator',
  'i.evidence_led',
  'i.financial_investigation',
  'i.assets_identified_gbp',
  'i.confiscation_ordered_gbp',
  'i.oic_facts',
  'i.lessons_learnt',
  'i.created_at',
  'i.updated_at',
  'i.version',
] as const;

export async function listInvestigations(db: Db, f: InvestigationFilter, visible: (eb: ExpressionBuilder<any, any>) => any) {
  let q = tables(db).selectFrom('inv_investigations as i').where(visible as any);
  if (f.threat) q = q.where('i.primary_threat', '=', f.threat);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.open === true) q = q.where('i.closed_on', 'is', null);
  if (f.lead) q = q.where('i.lead_agency_code', '=', f.lead);
  if (f.force) {
    const force = f.force;
    q = q.where((eb) =>
      eb.or([
        eb('i.lead_force_code', '=', force),
        eb.exists(eb.selectFrom('inv_supporting_forces as s').select('s.force_code').whereRef('s.investigation_id', '=', 'i.id').where('s.force_code', '=', force)),
      ]),
    );
  }
  if (f.ocgId) {
    const ocg = f.ocgId;
    q = q.where((eb) => eb.exists(eb.selectFrom('inv_groups as g').select('g.ocg_id').whereRef('g.investigation_id', '=', 'i.id').where('g.ocg_id', '=', ocg)));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('i.operation_name', 'ilike', like), eb('i.reference', 'ilike', like), eb('i.summary', 'ilike', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...columns])
    .select((eb) => [
      eb.selectFrom('inv_victims as v').select(eb.fn.countAll<number>().as('n')).whereRef('v.investigation_id', '=', 'i.id').as('victim_count'),
      eb.selectFrom('inv_charges as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.investigation_id', '=', 'i.id').as('charge_count'),
    ])
    .orderBy('i.opened_on', 'desc')
    .orderBy('i.reference', 'desc')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  const threats = await threatsFor(db, rows.map((r) => r.id));
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({ ...r, victim_count: Number(r.victim_count ?? 0), charge_count: Number(r.charge_count ?? 0), threats: threats.get(r.id) ?? [] })),
  };
}
export type InvestigationRow = Awaited<ReturnType<typeof listInvestigations>>['rows'][number];

async function threatsFor(db: Db, ids: string[]) {
  const out = new Map<string, { threat: string; subtype: string }[]>();
  if (!ids.length) return out;
  const rows = await tables(db).selectFrom('inv_threats').selectAll().where('investigation_id', 'in', ids).orderBy('threat').orderBy('subtype').execute();
  for (const r of rows) out.set(r.investigation_id, [...(out.get(r.investigation_id) ?? []), { threat: r.threat, subtype: r.subtype }]);
  return out;
}

export async function getInvestigation(db: Db, id: string) {
  const row = await tables(db).selectFrom('inv_investigations as i').select([...columns]).where('i.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const threats = await threatsFor(db, [id]);
  return { ...row, threats: threats.get(id) ?? [] };
}
export type Investigation = NonNullable<Awaited<ReturnType<typeof getInvestigation>>>;

/**
 * Countries recorded for the current overseas members of the given groups (for partner recommendations): only the
 * countries, never who the members are.
 */
export async function overseasMemberCountries(db: Db, ocgIds: readonly string[]): Promise<string[]> {
  if (!ocgIds.length) return [];
  const rows = await (db.withTables<OcgTables>() as unknown as Kysely<OcgTables>)
    .selectFrom('ocg_members')
    .select('country')
    .distinct()
    .where('ocg_id', 'in', [...ocgIds])
    .where('removed_at', 'is', null)
    .where('location', '=', 'overseas')
    .where('country', 'is not', null)
    .orderBy('country')
    .execute();
  return rows.map((r) => r.country!).filter(Boolean);
}

export async function investigationDetails(db: Db, id: string) {
  const t = tables(db);
  const [supporting, groups, subjects, victims, allocations, duties, advice, charges, orders] = await Promise.all([
    t.selectFrom('inv_supporting_forces').selectAll().where('investigation_id', '=', id).orderBy('force_code').execute(),
    t.selectFrom('inv_groups').selectAll().where('investigation_id', '=', id).orderBy('linked_at').execute(),
    t.selectFrom('inv_subjects').selectAll().where('investigation_id', '=', id).orderBy('added_at').execute(),
    t.selectFrom('inv_victims').selectAll().where('investigation_id', '=', id).orderBy('label').execute(),
    t.selectFrom('inv_allocations').selectAll().where('investigation_id', '=', id).orderBy('decided_at', 'desc').execute(),
    t
      .selectFrom('inv_allocation_duties as d')
      .innerJoin('inv_allocations as a', 'a.id', 'd.allocation_id')
      .select(['d.allocation_id', 'd.force_code', 'd.duties'])
      .where('a.investigation_id', '=', id)
      .orderBy('d.force_code')
      .execute(),
    t.selectFrom('inv_cps_advice').selectAll().where('investigation_id', '=', id).orderBy('requested_on').execute(),
    t.selectFrom('inv_charges').selectAll().where('investigation_id', '=', id).orderBy('charged_on').execute(),
    t.selectFrom('inv_orders').selectAll().where('investigation_id', '=', id).orderBy('dated_on').execute(),
  ]);
  return {
    supporting,
    groups,
    subjects,
    victims,
    allocations: allocations.map((a) => ({ ...a, duties: duties.filter((d) => d.allocation_id === a.id) })),
    advice,
    charges,
    orders,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of an investigation

async function touch(trx: Db, id: string) {
  await tables(trx).updateTable('inv_investigations').set({ updated_at: new Date(), version: sql`version + 1` as any }).where('id', '=', id).execute();
}

export async function linkGroup(trx: Db, id: string, ocgId: string, at = new Date()) {
  const r = await tables(trx).insertInto('inv_groups').values({ investigation_id: id, ocg_id: ocgId, linked_at: at }).onConflict((oc) => oc.columns(['investigation_id', 'ocg_id']).doNothing()).returning('ocg_id').execute();
  if (r.length) await touch(trx, id);
  return r.length > 0;
}

export async function unlinkGroup(trx: Db, id: string, ocgId: string) {
  const r = await tables(trx).deleteFrom('inv_groups').where('investigation_id', '=', id).where('ocg_id', '=', ocgId).executeTakeFirst();
  if (Number(r.numDeletedRows)) await touch(trx, id);
  return Number(r.numDeletedRows) > 0;
}

export interface SubjectInput {
  name: string;
  role: string;
  residesForceCode: string | null;
  personEntityId: string | null;
  personRecordId: string | null;
}
export async function addSubject(trx: Db, id: string, s: SubjectInput) {
  const r = await tables(trx)
    .insertInto('inv_subjects')
    .values({ investigation_id: id, name: s.name, role: s.role, resides_force_code: s.residesForceCode, person_entity_id: s.personEntityId, person_record_id: s.personRecordId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, id);
  return r.id;
}

export interface VictimInput {
  referralId: string | null;
  label: string | null;
  isChild: boolean;
  engagement: string;
  navigator: boolean;
}
export async function addVictim(trx: Db, id: string, v: VictimInput) {
  let label = v.label;
  if (!label) {
    const n = await tables(trx).selectFrom('inv_victims').select((eb) => eb.fn.countAll<number>().as('n')).where('investigation_id', '=', id).executeTakeFirstOrThrow();
    label = `Victim ${Number(n.n) + 1}`;
  }
  const r = await tables(trx)
    .insertInto('inv_victims')
    .values({ investigation_id: id, referral_id: v.referralId, label, is_child: v.isChild, engagement: v.engagement, navigator: v.navigator })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, id);
  return r.id;
}

export async function updateVictim(trx: Db, id: string, victimId: string, p: { engagement?: string; navigator?: boolean }) {
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (p.engagement !== undefined) set.engagement = p.engagement;
  if (p.navigator !== undefined) set.navigator = p.navigator;
  const r = await tables(trx).updateTable('inv_victims').set(set as any).where('id', '=', victimId).where('investigation_id', '=', id).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound('victim');
  await touch(trx, id);
}

export interface AdviceInput {
  requestedOn: string;
  receivedOn: string | null;
  accessible: boolean | null;
  effective: boolean | null;
  note: string;
}
export async function addAdvice(trx: Db, id: string, a: AdviceInput) {
  const r = await tables(trx)
    .insertInto('inv_cps_advice')
    .values({ investigation_id: id, requested_on: a.requestedOn, received_on: a.receivedOn, accessible: a.accessible, effective: a.effective, note: a.note })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, id);
  return r.id;
}

export interface ChargeInput {
  subjectId: string | null;
  group: string;
  offence: string;
  chargedOn: string;
  s45Raised: boolean;
  outcome: string;
  outcomeOn: string | null;
  sentenceMonths: number | null;
}
export async function addCharge(trx: Db, id: string, c: ChargeInput) {
  const r = await tables(trx)
    .insertInto('inv_charges')
    .values({
      investigation_id: id,
      subject_id: c.subjectId,
      offence_group: c.group,
      offence: c.offence,
      charged_on: c.chargedOn,
      s45_raised: c.s45Raised,
      outcome: c.outcome,
      outcome_on: c.outcome === 'pending' ? null : c.outcomeOn,
      sentence_months: c.outcome === 'convicted' ? c.sentenceMonths : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, id);
  return r.id;
}

export async function setChargeOutcome(trx: Db, id: string, chargeId: string, p: { outcome: string; outcomeOn: string | null; sentenceMonths: number | null; s45Raised?: boolean }) {
  const set: Record<string, unknown> = {
    outcome: p.outcome,
    outcome_on: p.outcome === 'pending' ? null : p.outcomeOn,
    sentence_months: p.outcome === 'convicted' ? p.sentenceMonths : null,
  };
  if (p.s45Raised !== undefined) set.s45_raised = p.s45Raised;
  const r = await tables(trx).updateTable('inv_charges').set(set as any).where('id', '=', chargeId).where('investigation_id', '=', id).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound('charge');
  await touch(trx, id);
}

export async function addOrder(trx: Db, id: string, o: { subjectId: string | null; kind: string; status: string; datedOn: string }) {
  const r = await tables(trx)
    .insertInto('inv_orders')
    .values({ investigation_id: id, subject_id: o.subjectId, kind: o.kind, status: o.status, dated_on: o.datedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, id);
  return r.id;
}

/**
 * Writes an allocation decision: the criteria, the recommendation computed from them, the decision with its
 * rationale and the supporting forces' duties. The lead force changes to the decided one; when a police force
 * leads, ownership of the record moves with it.
 */
export async function recordAllocation(
  trx: Db,
  inv: Investigation,
  d: { candidates: Candidate[]; decidedForceCode: string; rationale: string; duties: Record<string, string> },
  rec: Recommendation,
  actor: Actor,
  at = new Date(),
) {
  const t = tables(trx);
  const row = await t
    .insertInto('inv_allocations')
    .values({
      investigation_id: inv.id,
      criteria: JSON.stringify({ candidates: d.candidates, scored: rec.candidates, firstCriterionUses: rec.firstCriterionUses }),
      recommended_force_code: rec.forceCode!,
      recommendation_reason: rec.reason,
      decided_force_code: d.decidedForceCode,
      rationale: d.rationale.trim(),
      decided_by: actor.userId,
      decided_by_name: actor.name,
      decided_by_agency: actor.agencyCode,
      decided_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const supporting = d.candidates.map((c) => c.forceCode).filter((c) => c !== d.decidedForceCode);
  if (supporting.length) {
    await t.insertInto('inv_allocation_duties').values(supporting.map((f) => ({ allocation_id: row.id, force_code: f, duties: d.duties[f]!.trim() }))).execute();
  }
  await t.deleteFrom('inv_supporting_forces').where('investigation_id', '=', inv.id).execute();
  if (supporting.length) {
    await t.insertInto('inv_supporting_forces').values(supporting.map((f) => ({ investigation_id: inv.id, force_code: f, duties: d.duties[f]!.trim() }))).execute();
  }
  const police = inv.lead_agency_type === 'police_force';
  await t
    .updateTable('inv_investigations')
    .set({
      lead_force_code: d.decidedForceCode,
      rocu_code: FORCE.get(d.decidedForceCode)?.rocuCode ?? inv.rocu_code,
      ...(police ? { lead_agency_code: d.decidedForceCode, lead_agency_type: 'police_force' } : {}),
      cross_regional: true,
      updated_at: new Date(),
      version: sql`version + 1` as any,
    })
    .where('id', '=', inv.id)
    .execute();
  return row.id;
}

// ---------------------------------------------------------------------------------------------------------------
// What works and the case library (national, no personal data)

export async function outcomeFacts(db: Db) {
  const t = tables(db);
  const [invs, threats, charges, advice] = await Promise.all([
    t
      .selectFrom('inv_investigations')
      .select(['id', 'primary_threat', 'opened_on', 'closed_on', 'status', 'dedicated_team', 'financial_investigation', 'victim_navigator', 'evidence_led'])
      .execute(),
    t.selectFrom('inv_threats').select(['investigation_id', 'subtype']).where('threat', '=', 'msht').execute(),
    t.selectFrom('inv_charges').select(['investigation_id', 'subject_id', 'offence_group', 'outcome', 'sentence_months']).execute(),
    t.selectFrom('inv_cps_advice').select(['investigation_id', 'accessible', 'effective']).execute(),
  ]);
  const types = new Map<string, string[]>();
  for (const r of threats) types.set(r.investigation_id, [...(types.get(r.investigation_id) ?? []), r.subtype]);
  const threatOf = new Map(invs.map((i) => [i.id, i.primary_threat]));
  const spans: InvestigationSpan[] = invs.map((i) => ({ threat: i.primary_threat as 'msht' | 'oic', openedOn: i.opened_on, closedOn: i.closed_on }));
  const chargeFacts: (ChargeFact & { threat: string })[] = charges.map((c) => ({
    investigationId: c.investigation_id,
    subjectId: c.subject_id,
    group: c.offence_group,
    outcome: c.outcome,
    sentenceMonths: c.sentence_months,
    exploitation: types.get(c.investigation_id) ?? [],
    threat: threatOf.get(c.investigation_id) ?? 'msht',
  }));
  const adviceBy = new Set(advice.map((a) => a.investigation_id));
  const chargesBy = new Map<string, typeof charges>();
  for (const c of charges) chargesBy.set(c.investigation_id, [...(chargesBy.get(c.investigation_id) ?? []), c]);
  const cases: (CaseFacts & { threat: string })[] = invs.map((i) => {
    const cs = chargesBy.get(i.id) ?? [];
    const characteristics: Record<Characteristic, boolean> = {
      dedicated_team: i.dedicated_team,
      financial_investigation: i.financial_investigation,
      victim_navigator: i.victim_navigator,
      evidence_led: i.evidence_led,
      early_advice: adviceBy.has(i.id),
    };
    return {
      id: i.id,
      threat: i.primary_threat,
      closed: CLOSED_STATUSES.includes(i.status as never),
      characteristics,
      charged: cs.length > 0,
      convicted: cs.some((c) => c.outcome === 'convicted'),
      msaCharged: cs.some((c) => c.offence_group === 'msa_s1' || c.offence_group === 'msa_s2'),
    };
  });
  const adviceSummary = {
    requests: advice.length,
    answered: advice.filter((a) => a.accessible !== null).length,
    accessible: advice.filter((a) => a.accessible === true).length,
    effectiveAnswered: advice.filter((a) => a.effective !== null).length,
    effective: advice.filter((a) => a.effective === true).length,
  };
  return { spans, charges: chargeFacts, cases, advice: adviceSummary };
}

export interface LibraryFilter {
  q?: string;
  threat?: 'msht' | 'oic';
  type?: string;
  evidenceLed?: boolean;
  outcome?: 'convicted' | 'charged' | 'not_charged';
  limit?: number;
  offset?: number;
}

/** Finished cases with lessons learnt, searchable by words in the operation name, summary and lessons. */
export async function library(db: Db, f: LibraryFilter) {
  let q = tables(db)
    .selectFrom('inv_investigations as i')
    .where('i.status', 'in', ['finished', 'no_further_action'])
    .where('i.lessons_learnt', 'is not', null)
    .where(sql<boolean>`length(trim(i.lessons_learnt)) > 0`);
  if (f.threat) q = q.where('i.primary_threat', '=', f.threat);
  if (f.evidenceLed !== undefined) q = q.where('i.evidence_led', '=', f.evidenceLed);
  if (f.type) {
    const type = f.type;
    q = q.where((eb) => eb.exists(eb.selectFrom('inv_threats as t').select('t.subtype').whereRef('t.investigation_id', '=', 'i.id').where('t.subtype', '=', type)));
  }
  if (f.outcome === 'convicted') {
    q = q.where((eb) => eb.exists(eb.selectFrom('inv_charges as c').select('c.id').whereRef('c.investigation_id', '=', 'i.id').where('c.outcome', '=', 'convicted')));
  } else if (f.outcome === 'charged') {
    q = q.where((eb) => eb.exists(eb.selectFrom('inv_charges as c').select('c.id').whereRef('c.investigation_id', '=', 'i.id')));
  } else if (f.outcome === 'not_charged') {
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('inv_charges as c').select('c.id').whereRef('c.investigation_id', '=', 'i.id'))));
  }
  if (f.q) {
    for (const word of f.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('i.operation_name', 'ilike', like), eb('i.summary', 'ilike', like), eb('i.lessons_learnt', 'ilike', like)]));
    }
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'i.id',
      'i.reference',
      'i.operation_name',
      'i.summary',
      'i.primary_threat',
      'i.lead_agency_code',
      'i.lead_force_code',
      'i.opened_on',
      'i.closed_on',
      'i.status',
      'i.evidence_led',
      'i.dedicated_team',
      'i.financial_investigation',
      'i.victim_navigator',
      'i.lessons_learnt',
    ])
    .select((eb) => [
      eb.selectFrom('inv_charges as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.investigation_id', '=', 'i.id').as('charges'),
      eb.selectFrom('inv_charges as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.investigation_id', '=', 'i.id').where('c.outcome', '=', 'convicted').as('convictions'),
      eb
        .selectFrom('inv_charges as c')
        .select(sql<string>`string_agg(DISTINCT c.offence_group, ',')`.as('g'))
        .whereRef('c.investigation_id', '=', 'i.id')
        .as('charge_groups'),
    ])
    .orderBy('i.closed_on', 'desc')
    .orderBy('i.reference')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  const threats = await threatsFor(db, rows.map((r) => r.id));
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      ...r,
      charges: Number(r.charges ?? 0),
      convictions: Number(r.convictions ?? 0),
      charge_groups: r.charge_groups ? String(r.charge_groups).split(',') : [],
      threats: threats.get(r.id) ?? [],
    })),
  };
}
