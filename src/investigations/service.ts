/**
 * Operations behind the investigations API and pages: record access, validation with field errors, one audited
 * transaction per write.
 */
import type { FastifyRequest } from 'fastify';
import { hitNoHit } from '../kernel/access/policy.js';
import { requirePurpose } from '../kernel/access/purpose.js';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { type FieldError, forbidden, notFound, validationFailed } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { THREAT_SUBTYPES } from '../ocg/model.js';
import { currentEntities, feedPeople, resolveNow } from '../ocg/entity-feed.js';
import { agencyName, forceName, groupSummaries } from '../ocg/store.js';
import { canSee, visibleWhere } from '../ocg/ui/visibility.js';
import { type Candidate, decisionErrors, recommendLead } from './allocation.js';
import { CLOSED_STATUSES } from './model.js';
import { NO_FACTS, type OicFacts, suggestOwner } from './ownership.js';
import type { InvestigationCreate } from './schemas.js';
import * as store from './store.js';

const today = () => new Date().toISOString().slice(0, 10);
const actor = (p: Principal): store.Actor => ({ userId: p.userId, name: p.name, agencyCode: p.agencyCode, agencyType: p.agencyType });

export function visibility(ctx: AppContext, p: Principal) {
  return visibleWhere(p, 'investigation', ctx.agreements.all(), { code: 'i.lead_agency_code', type: 'i.lead_agency_type', conditions: 'i.handling_conditions' });
}

const owned = (i: { id: string; lead_agency_code: string; lead_agency_type: string; handling_code: string; handling_conditions: unknown }) => ({
  id: i.id,
  owning_agency_code: i.lead_agency_code,
  owning_agency_type: i.lead_agency_type,
  handling_code: i.handling_code,
  handling_conditions: i.handling_conditions,
});

export function mayView(ctx: AppContext, p: Principal, i: Parameters<typeof owned>[0]) {
  return canSee(p, 'investigation', owned(i), ctx.agreements.all());
}

export async function visibleInvestigation(ctx: AppContext, p: Principal, id: string) {
  const inv = await store.getInvestigation(ctx.db, id);
  if (!inv) throw notFound('investigation');
  const decision = mayView(ctx, p, inv);
  if (!decision.allow) throw forbidden(`${decision.reason} ${hitNoHit({ kind: 'investigation', owningAgencyCode: inv.lead_agency_code }, agencyName(inv.lead_agency_code)).message}`);
  return { inv, decision };
}

/** The lead agency runs the investigation; supporting forces may add what they find (victims, subjects...). */
async function mayContribute(ctx: AppContext, p: Principal, inv: store.Investigation) {
  if (inv.lead_agency_code === p.agencyCode) return;
  const supporting = await store.tables(ctx.db).selectFrom('inv_supporting_forces').select('force_code').where('investigation_id', '=', inv.id).execute();
  if (supporting.some((s) => s.force_code === p.agencyCode)) return;
  throw forbidden(`Only ${agencyName(inv.lead_agency_code)}, which leads this investigation, or a supporting force may change it.`);
}
function mustLead(p: Principal, inv: store.Investigation) {
  if (inv.lead_agency_code !== p.agencyCode) throw forbidden(`Only ${agencyName(inv.lead_agency_code)}, which leads this investigation, may change its details.`);
}

export function ownershipFor(inv: { primary_threat: string; threats: { threat: string }[]; oic_facts: unknown }) {
  const oic = inv.primary_threat === 'oic' || inv.threats.some((t) => t.threat === 'oic');
  if (!oic) return null;
  return suggestOwner({ ...NO_FACTS, ...((inv.oic_facts as Partial<OicFacts> | null) ?? {}) });
}

function threatErrors(primary: string, threats: { threat: string; subtype: string }[]): FieldError[] {
  const errors: FieldError[] = [];
  threats.forEach((t, i) => {
    const allowed = THREAT_SUBTYPES[t.threat as 'msht' | 'oic'].map((s) => s.code);
    if (!allowed.includes(t.subtype)) errors.push({ field: `threats.${i}.subtype`, message: `"${t.subtype}" is not a ${t.threat.toUpperCase()} sub-type: use one of ${allowed.join(', ')}` });
  });
  if (!threats.some((t) => t.threat === primary)) errors.push({ field: 'threats', message: `List at least one ${primary.toUpperCase()} sub-type: it is the primary threat` });
  return errors;
}

export async function createInvestigation(ctx: AppContext, req: FastifyRequest, input: InvestigationCreate) {
  const p = req.principal!;
  const errors = threatErrors(input.primaryThreat, input.threats);
  if (input.openedOn > today()) errors.push({ field: 'openedOn', message: 'The date the investigation opened cannot be in the future' });
  if (p.agencyType !== 'police_force' && !input.leadForceCode && p.agencyType === 'rocu') {
    errors.push({ field: 'leadForceCode', message: 'Choose the force whose area leads the investigation' });
  }
  if (input.handlingCode === 'C' && !input.handlingConditions?.text?.trim() && !input.handlingConditions?.namedAgencies?.length) {
    errors.push({ field: 'handlingConditions', message: 'Handling code C needs the conditions' });
  }
  const groups = await groupSummaries(ctx.db, input.ocgIds);
  input.ocgIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id)) errors.push({ field: `ocgIds.${i}`, message: 'There is no group with this id' });
  });
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await store.createInvestigation(
      trx,
      {
        ...input,
        leadForceCode: input.leadForceCode ?? null,
        assetsIdentifiedGbp: input.assetsIdentifiedGbp ?? null,
        confiscationOrderedGbp: input.confiscationOrderedGbp ?? null,
        oicFacts: input.oicFacts ?? null,
        handlingConditions: input.handlingConditions ?? null,
      },
      actor(p),
    );
    for (const g of input.ocgIds) await store.linkGroup(trx, created.id, g);
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'investigation.create', entityKind: 'investigation', entityId: created.id, detail: { reference: created.reference } }]);
    return created;
  });
}

export async function updateInvestigation(ctx: AppContext, req: FastifyRequest, id: string, patch: store.InvestigationPatch, version: number) {
  const { inv } = await visibleInvestigation(ctx, req.principal!, id);
  mustLead(req.principal!, inv);
  const errors: FieldError[] = [];
  const status = patch.status ?? inv.status;
  const closing = CLOSED_STATUSES.includes(status as never);
  let closedOn = patch.closedOn !== undefined ? patch.closedOn : inv.closed_on;
  if (closing && !closedOn) closedOn = today();
  if (!closing) closedOn = null;
  if (closedOn && closedOn < inv.opened_on) errors.push({ field: 'closedOn', message: 'The investigation cannot close before it opened' });
  if (closedOn && closedOn > today()) errors.push({ field: 'closedOn', message: 'The close date cannot be in the future' });
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await store.updateInvestigation(trx, id, { ...patch, closedOn }, version);
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'investigation.update', entityKind: 'investigation', entityId: id, detail: { fields: Object.keys(patch), status } }]);
    return v;
  });
}

/** An investigation with its subjects and victims: personal data, so the reader states a purpose first. */
export async function readInvestigation(ctx: AppContext, req: FastifyRequest, id: string) {
  const { inv, decision } = await visibleInvestigation(ctx, req.principal!, id);
  const purpose = await requirePurpose(req, null, 'investigation', id);
  const details = await store.investigationDetails(ctx.db, id);
  const groups = await groupSummaries(ctx.db, details.groups.map((g) => g.ocg_id));
  const entities = await currentEntities(ctx.db, 'investigation', id);
  for (const s of details.subjects) s.person_entity_id ??= (s.person_record_id && entities.get(s.person_record_id)) || null;
  // Subjects' names and victims' referral ids are personal data: every read is audited.
  await ctx.audit.record(actorFrom(req), { action: 'investigation.read', entityKind: 'investigation', entityId: id, purpose, detail: { rule: decision.rule } });
  return { inv, decision, ...details, groupSummaries: groups, ownership: ownershipFor(inv) };
}

async function part<T>(ctx: AppContext, req: FastifyRequest, id: string, action: string, detail: Record<string, unknown>, write: (trx: store.Db, inv: store.Investigation) => Promise<T>, leadOnly = false) {
  const { inv } = await visibleInvestigation(ctx, req.principal!, id);
  if (leadOnly) mustLead(req.principal!, inv);
  else await mayContribute(ctx, req.principal!, inv);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await write(trx, inv);
    await ctx.audit.append(trx, actorFrom(req), [{ action, entityKind: 'investigation', entityId: id, detail }]);
    return r;
  });
}

export async function addSubject(ctx: AppContext, req: FastifyRequest, id: string, s: store.SubjectInput) {
  let recordId: string | undefined;
  const subjectId = await part(ctx, req, id, 'investigation.subject.add', { role: s.role }, async (trx, inv) => {
    // The subject also becomes a person record in the shared entity model, with the investigation's provenance.
    [recordId] = await feedPeople(
      trx,
      { agencyCode: req.principal!.agencyCode, kind: 'investigation', id, handlingCode: inv.handling_code, conditions: inv.handling_conditions, threats: inv.threats.map((t) => t.threat) },
      [{ role: 'suspect', fullName: s.name }],
    );
    return store.addSubject(trx, id, { ...s, personRecordId: s.personRecordId ?? recordId ?? null });
  });
  if (recordId) await resolveNow(ctx, [recordId]);
  return subjectId;
}

export const addVictim = (ctx: AppContext, req: FastifyRequest, id: string, v: store.VictimInput) =>
  part(ctx, req, id, 'investigation.victim.add', { engagement: v.engagement }, (trx) => store.addVictim(trx, id, v));

export const updateVictim = (ctx: AppContext, req: FastifyRequest, id: string, victimId: string, v: { engagement?: string; navigator?: boolean }) =>
  part(ctx, req, id, 'investigation.victim.update', { victimId, ...v }, (trx) => store.updateVictim(trx, id, victimId, v));

export async function linkGroup(ctx: AppContext, req: FastifyRequest, id: string, ocgId: string) {
  const [g] = await groupSummaries(ctx.db, [ocgId]);
  if (!g) throw validationFailed([{ field: 'ocgId', message: 'There is no group with this id' }]);
  return part(ctx, req, id, 'investigation.group.link', { ocgId }, (trx) => store.linkGroup(trx, id, ocgId));
}

export const unlinkGroup = (ctx: AppContext, req: FastifyRequest, id: string, ocgId: string) =>
  part(ctx, req, id, 'investigation.group.unlink', { ocgId }, async (trx) => {
    if (!(await store.unlinkGroup(trx, id, ocgId))) throw notFound('group link');
  });

export async function addAdvice(ctx: AppContext, req: FastifyRequest, id: string, a: store.AdviceInput) {
  const errors: FieldError[] = [];
  if (a.requestedOn > today()) errors.push({ field: 'requestedOn', message: 'The request date cannot be in the future' });
  if (a.receivedOn && a.receivedOn < a.requestedOn) errors.push({ field: 'receivedOn', message: 'Advice cannot be received before it was requested' });
  if (a.receivedOn && a.receivedOn > today()) errors.push({ field: 'receivedOn', message: 'The date advice was received cannot be in the future' });
  if (!a.receivedOn && (a.accessible !== null || a.effective !== null)) {
    if (a.effective !== null) errors.push({ field: 'effective', message: 'Say whether the advice was effective once it has been received' });
  }
  if (errors.length) throw validationFailed(errors);
  return part(ctx, req, id, 'investigation.cps-advice.add', {}, (trx) => store.addAdvice(trx, id, a));
}

function chargeErrors(c: { outcome: string; outcomeOn: string | null; sentenceMonths: number | null; chargedOn?: string }, openedOn: string): FieldError[] {
  const errors: FieldError[] = [];
  if (c.chargedOn !== undefined) {
    if (c.chargedOn > today()) errors.push({ field: 'chargedOn', message: 'The charge date cannot be in the future' });
    if (c.chargedOn < openedOn) errors.push({ field: 'chargedOn', message: 'The charge date cannot be before the investigation opened' });
  }
  if (c.outcome !== 'pending') {
    if (!c.outcomeOn) errors.push({ field: 'outcomeOn', message: 'Enter the date of the outcome' });
    else if (c.chargedOn && c.outcomeOn < c.chargedOn) errors.push({ field: 'outcomeOn', message: 'The outcome cannot be before the charge' });
    else if (c.outcomeOn > today()) errors.push({ field: 'outcomeOn', message: 'The outcome date cannot be in the future' });
  }
  if (c.sentenceMonths !== null && c.outcome !== 'convicted') errors.push({ field: 'sentenceMonths', message: 'A sentence can only be recorded for a conviction' });
  return errors;
}

export async function addCharge(ctx: AppContext, req: FastifyRequest, id: string, c: store.ChargeInput) {
  const { inv } = await visibleInvestigation(ctx, req.principal!, id);
  const errors = chargeErrors(c, inv.opened_on);
  if (!c.offence.trim()) errors.push({ field: 'offence', message: 'Enter the offence charged' });
  if (c.subjectId) {
    const s = await store.tables(ctx.db).selectFrom('inv_subjects').select('id').where('id', '=', c.subjectId).where('investigation_id', '=', id).executeTakeFirst();
    if (!s) errors.push({ field: 'subjectId', message: 'The subject must be one of this investigation’s subjects' });
  }
  if (errors.length) throw validationFailed(errors);
  return part(ctx, req, id, 'investigation.charge.add', { group: c.group, outcome: c.outcome }, (trx) => store.addCharge(trx, id, c), true);
}

export async function setChargeOutcome(ctx: AppContext, req: FastifyRequest, id: string, chargeId: string, c: { outcome: string; outcomeOn: string | null; sentenceMonths: number | null; s45Raised?: boolean }) {
  const charge = await store.tables(ctx.db).selectFrom('inv_charges').select(['charged_on']).where('id', '=', chargeId).where('investigation_id', '=', id).executeTakeFirst();
  if (!charge) throw notFound('charge');
  const { inv } = await visibleInvestigation(ctx, req.principal!, id);
  const errors = chargeErrors({ ...c, chargedOn: charge.charged_on }, inv.opened_on).filter((e) => e.field !== 'chargedOn');
  if (errors.length) throw validationFailed(errors);
  return part(ctx, req, id, 'investigation.charge.outcome', { chargeId, outcome: c.outcome }, (trx) => store.setChargeOutcome(trx, id, chargeId, c), true);
}

export async function addOrder(ctx: AppContext, req: FastifyRequest, id: string, o: { subjectId: string | null; kind: string; status: string; datedOn: string }) {
  if (o.datedOn > today()) throw validationFailed([{ field: 'datedOn', message: 'The date cannot be in the future' }]);
  if (o.subjectId) {
    const s = await store.tables(ctx.db).selectFrom('inv_subjects').select('id').where('id', '=', o.subjectId).where('investigation_id', '=', id).executeTakeFirst();
    if (!s) throw validationFailed([{ field: 'subjectId', message: 'The subject must be one of this investigation’s subjects' }]);
  }
  return part(ctx, req, id, 'investigation.order.add', { kind: o.kind, status: o.status }, (trx) => store.addOrder(trx, id, o), true);
}

export function recommendation(candidates: Candidate[]) {
  return recommendLead(candidates, forceName);
}

/**
 * Records a cross-regional allocation. Refused (422 naming the field, nothing written) without a rationale, a
 * lead among the candidates, or duties for every supporting force.
 */
export async function allocate(ctx: AppContext, req: FastifyRequest, id: string, d: { candidates: Candidate[]; decidedForceCode: string | null; rationale: string | null; duties: Record<string, string> }) {
  const { inv } = await visibleInvestigation(ctx, req.principal!, id);
  const errors = decisionErrors({ candidates: d.candidates, decidedForceCode: d.decidedForceCode ?? undefined, rationale: d.rationale ?? undefined, duties: d.duties });
  if (errors.length) throw validationFailed(errors);
  const rec = recommendation(d.candidates);
  return ctx.db.transaction().execute(async (trx) => {
    const allocationId = await store.recordAllocation(trx, inv, { candidates: d.candidates, decidedForceCode: d.decidedForceCode!, rationale: d.rationale!, duties: d.duties }, rec, actor(req.principal!));
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'investigation.allocate',
        entityKind: 'investigation',
        entityId: id,
        detail: { allocationId, recommended: rec.forceCode, decided: d.decidedForceCode, followsRecommendation: rec.forceCode === d.decidedForceCode },
      },
    ]);
    return { allocationId, recommendation: rec };
  });
}
