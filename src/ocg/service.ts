/**
 * The operations behind both the API and the pages: access checks on the record, validation with field errors,
 * one transaction per write with its audit entries. Routes and pages only translate HTTP to these calls.
 */
import type { FastifyRequest } from 'fastify';
import { hitNoHit } from '../kernel/access/policy.js';
import { requirePurpose } from '../kernel/access/purpose.js';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { type FieldError, forbidden, notFound, validationFailed } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { type Alert, alertPriority, alertsFor } from './alerts.js';
import { currentEntities, feedPeople, resolveNow } from './entity-feed.js';
import type { ThreatCode } from './model.js';
import { type GroupCreate, threatErrors } from './schemas.js';
import { type FactorRatings, type Grade, GRADES, assess, configErrors, isoDate, nextAssessmentDue, nextDateErrors, type ScoringConfig } from './scoring.js';
import * as store from './store.js';
import { canSee, visibleWhere } from './ui/visibility.js';

const actor = (req: FastifyRequest) => store.actorOfPrincipal(req.principal!);

export function groupVisibility(ctx: AppContext, p: Principal) {
  return visibleWhere(p, 'ocg', ctx.agreements.all(), { code: 'g.owning_agency_code', type: 'g.owning_agency_type', conditions: 'g.handling_conditions' });
}

export function disruptionVisibility(ctx: AppContext, p: Principal) {
  return visibleWhere(p, 'disruption', ctx.agreements.all(), { code: 'd.recording_agency_code', type: 'd.recording_agency_type' });
}

/** A group the principal may see, or 404 (no such group) / 403 with whom to contact (hit / no hit). */
export async function visibleGroup(ctx: AppContext, p: Principal, id: string) {
  const g = await store.getGroup(ctx.db, id);
  if (!g) throw notFound('organised crime group');
  const decision = canSee(p, 'ocg', g, ctx.agreements.all());
  if (!decision.allow) {
    const hit = hitNoHit({ kind: 'ocg', owningAgencyCode: g.owning_agency_code }, store.agencyName(g.owning_agency_code));
    throw forbidden(`${decision.reason} ${hit.message}`);
  }
  return { group: g, decision };
}

function mustOwn(p: Principal, owner: string, what: string) {
  if (p.agencyCode !== owner) throw forbidden(`Only ${store.agencyName(owner)}, which owns this group, may ${what}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Groups

export async function createGroup(ctx: AppContext, req: FastifyRequest, input: GroupCreate) {
  const errors = threatErrors(input.primaryThreat, input.threats);
  if (input.handlingCode === 'C' && !input.handlingConditions?.text?.trim() && !input.handlingConditions?.namedAgencies?.length) {
    errors.push({ field: 'handlingConditions', message: 'Handling code C needs the conditions: name the agencies or describe the conditions' });
  }
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await store.createGroup(
      trx,
      {
        name: input.name,
        aliases: input.aliases,
        summary: input.summary,
        primaryThreat: input.primaryThreat,
        threats: input.threats,
        otherCriminality: input.otherCriminality,
        areas: input.areas,
        handlingCode: input.handlingCode,
        handlingConditions: input.handlingConditions ?? null,
      },
      actor(req),
    );
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.create', entityKind: 'ocg', entityId: created.id, detail: { reference: created.reference } }]);
    return created;
  });
}

export async function updateGroup(ctx: AppContext, req: FastifyRequest, id: string, patch: store.GroupPatch, version: number) {
  const { group } = await visibleGroup(ctx, req.principal!, id);
  mustOwn(req.principal!, group.owning_agency_code, 'change its details');
  const errors = threatErrors(patch.primaryThreat ?? (patch.threats ? (group.primary_threat as ThreatCode) : undefined), patch.threats);
  if (patch.primaryThreat && !patch.threats && !group.threats.some((t) => t.threat === patch.primaryThreat)) {
    errors.push({ field: 'threats', message: `List at least one ${patch.primaryThreat.toUpperCase()} sub-type: it is the group's primary threat` });
  }
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await store.updateGroup(trx, id, patch, version);
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.update', entityKind: 'ocg', entityId: id, detail: { fields: Object.keys(patch) } }]);
    return v;
  });
}

/** A group with its members: personal data, so the reader states a purpose first (kernel reason for access). */
export async function readGroup(ctx: AppContext, req: FastifyRequest, id: string) {
  const { group, decision } = await visibleGroup(ctx, req.principal!, id);
  const purpose = await requirePurpose(req, null, 'ocg', id);
  const details = await store.groupDetails(ctx.db, id);
  const entities = await currentEntities(ctx.db, 'ocg', id);
  for (const m of details.members) m.person_entity_id ??= (m.person_record_id && entities.get(m.person_record_id)) || null;
  // Member names are personal data: every read of them is audited.
  await ctx.audit.record(actorFrom(req), { action: 'ocg.read', entityKind: 'ocg', entityId: id, purpose, detail: { rule: decision.rule } });
  return { group, decision, ...details };
}

export async function addMember(ctx: AppContext, req: FastifyRequest, id: string, m: store.MemberInput) {
  const { group } = await visibleGroup(ctx, req.principal!, id);
  mustOwn(req.principal!, group.owning_agency_code, 'add members');
  const added = await ctx.db.transaction().execute(async (trx) => {
    // The member also becomes a person record in the shared entity model, with the group's provenance.
    const [recordId] = await feedPeople(
      trx,
      { agencyCode: req.principal!.agencyCode, kind: 'ocg', id, handlingCode: group.handling_code, conditions: group.handling_conditions, threats: group.threats.map((t) => t.threat) },
      [{ role: 'member', fullName: m.name }],
    );
    const memberId = await store.addMember(trx, id, { ...m, personRecordId: m.personRecordId ?? recordId ?? null }, actor(req));
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.member.add', entityKind: 'ocg', entityId: id, detail: { memberId, role: m.role, personRecordId: recordId } }]);
    return { memberId, recordId };
  });
  if (added.recordId) await resolveNow(ctx, [added.recordId]);
  return added.memberId;
}

export async function removeMember(ctx: AppContext, req: FastifyRequest, id: string, memberId: string) {
  const { group } = await visibleGroup(ctx, req.principal!, id);
  mustOwn(req.principal!, group.owning_agency_code, 'remove members');
  return ctx.db.transaction().execute(async (trx) => {
    const ok = await store.removeMember(trx, id, memberId);
    if (!ok) throw notFound('member');
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.member.remove', entityKind: 'ocg', entityId: id, detail: { memberId } }]);
  });
}

export async function linkIntelligence(ctx: AppContext, req: FastifyRequest, id: string, reportId: string, linkedAt?: Date) {
  await visibleGroup(ctx, req.principal!, id);
  if (linkedAt && linkedAt.getTime() > Date.now() + 60_000) throw validationFailed([{ field: 'linkedAt', message: 'The link time cannot be in the future' }]);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.linkIntelligenceReport(trx, { ocgId: id, reportId, linkedAt, userId: req.principal!.userId, agencyCode: req.principal!.agencyCode });
    if (r.created) await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.intelligence.link', entityKind: 'ocg', entityId: id, detail: { reportId } }]);
    return r;
  });
}

export async function unlinkIntelligence(ctx: AppContext, req: FastifyRequest, id: string, reportId: string) {
  const { group } = await visibleGroup(ctx, req.principal!, id);
  return ctx.db.transaction().execute(async (trx) => {
    const links = await store.tables(trx).selectFrom('ocg_intelligence_links').select('linked_by_agency').where('ocg_id', '=', id).where('report_id', '=', reportId).executeTakeFirst();
    if (!links) throw notFound('intelligence link');
    if (links.linked_by_agency !== req.principal!.agencyCode && group.owning_agency_code !== req.principal!.agencyCode) {
      throw forbidden('Only the agency that made the link, or the group’s owner, may remove it.');
    }
    await store.unlinkIntelligenceReport(trx, id, reportId);
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.intelligence.unlink', entityKind: 'ocg', entityId: id, detail: { reportId } }]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Assessments

export interface AssessmentRequest {
  ratings: Partial<FactorRatings>;
  decision: string;
  rationale: string;
  gradeOverride?: Grade | null;
  overrideReason?: string | null;
  nextDue?: string | null;
}

export function assessmentErrors(input: AssessmentRequest, cfg: ScoringConfig, today: string): { errors: FieldError[]; nextDue: string | null } {
  const errors: FieldError[] = [];
  const ratings = input.ratings as FactorRatings;
  const complete = ['harm', 'likelihood', 'confidence', 'capacity'].every((f) => Number.isInteger(ratings[f as keyof FactorRatings]));
  if (!input.decision) errors.push({ field: 'decision', message: 'Select the decision' });
  if (!input.rationale?.trim()) errors.push({ field: 'rationale', message: 'Enter the reasons for the decision' });
  if (input.gradeOverride && !GRADES.includes(input.gradeOverride)) errors.push({ field: 'gradeOverride', message: 'Choose a grade from P1 to P4' });
  let nextDue: string | null = null;
  if (complete) {
    const result = assess(ratings, cfg, input.gradeOverride ?? null);
    const computed = assess(ratings, cfg).grade;
    if (input.gradeOverride && input.gradeOverride !== computed && !input.overrideReason?.trim()) {
      errors.push({ field: 'overrideReason', message: `Explain why the grade should be ${input.gradeOverride} rather than the computed ${computed}` });
    }
    if (input.decision !== 'archive') {
      nextDue = input.nextDue || nextAssessmentDue(today, result.grade, cfg);
      errors.push(...nextDateErrors(today, nextDue, result.grade, cfg));
    }
  }
  return { errors, nextDue };
}

export async function recordAssessment(ctx: AppContext, req: FastifyRequest, id: string, input: AssessmentRequest) {
  const { group } = await visibleGroup(ctx, req.principal!, id);
  const cfg = await store.currentConfig(ctx.db);
  const today = isoDate(new Date());
  const { errors, nextDue } = assessmentErrors(input, cfg.config, today);
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.recordAssessment(
      trx,
      id,
      {
        ratings: input.ratings as FactorRatings,
        gradeOverride: input.gradeOverride ?? null,
        overrideReason: input.overrideReason ?? null,
        decision: input.decision,
        rationale: input.rationale.trim(),
        nextDue: nextDue ?? today,
      },
      actor(req),
      cfg,
    );
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'ocg.assess',
        entityKind: 'ocg',
        entityId: id,
        detail: { assessmentId: r.id, score: r.score, grade: r.grade, previousGrade: group.grade, tier: r.tier, decision: input.decision, configVersion: cfg.version },
      },
    ]);
    return { ...r, nextDue: input.decision === 'archive' ? null : nextDue, configVersion: cfg.version };
  });
}

export async function saveConfig(ctx: AppContext, req: FastifyRequest, config: ScoringConfig, reason: string, version?: number) {
  const errors = configErrors(config);
  if (!reason.trim()) errors.push({ field: 'reason', message: 'Enter why the scoring is changing' });
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await store.saveConfig(trx, config, reason.trim(), actor(req), version);
    await ctx.audit.append(trx, actorFrom(req), [{ action: 'ocg.config.change', entityKind: 'ocg_scoring_config', entityId: String(v), detail: { reason } }]);
    return v;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The assessment list

export interface QueueFilter {
  kind?: Alert['kind'];
  threat?: ThreatCode;
  /** A ROCU's own region: groups owned by the ROCU or its forces, or operating in its forces' areas. */
  region?: string;
}

export async function assessmentQueue(ctx: AppContext, p: Principal, filter: QueueFilter = {}) {
  const cfg = await store.currentConfig(ctx.db);
  const { rows } = await store.listGroups(ctx.db, { status: 'active', threat: filter.threat, limit: 100_000 }, groupVisibility(ctx, p));
  const visible = rows.filter((r) => canSee(p, 'ocg', r, ctx.agreements.all()).allow);
  const regionForces = filter.region ? new Set([...store.FORCE_BY_CODE.values()].filter((f) => f.rocuCode === filter.region).map((f) => f.code)) : null;
  const scoped = regionForces
    ? visible.filter((r) => r.owning_agency_code === filter.region || regionForces.has(r.owning_agency_code) || r.areas.some((a) => regionForces.has(a)))
    : visible;
  const activity = await store.activityFor(ctx.db, scoped);
  const today = isoDate(new Date());
  const items = scoped
    .map((g) => ({ group: g, activity: activity.get(g.id)!, alerts: alertsFor(activity.get(g.id)!, today, cfg.config) }))
    .filter((i) => i.alerts.length && (!filter.kind || i.alerts.some((a) => a.kind === filter.kind)))
    .sort((a, b) => alertPriority(a.alerts) - alertPriority(b.alerts) || Math.max(...b.alerts.map((x) => x.days)) - Math.max(...a.alerts.map((x) => x.days)) || a.group.reference.localeCompare(b.group.reference));
  const counts = { not_assessed: 0, overdue: 0, new_intelligence: 0, inactive: 0 };
  for (const i of items) for (const a of i.alerts) counts[a.kind]++;
  return { items, counts, config: cfg, considered: scoped.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Disruptions

export async function createDisruption(ctx: AppContext, req: FastifyRequest, input: store.DisruptionInput) {
  const errors: FieldError[] = [];
  const today = isoDate(new Date());
  if (!input.evidence.trim()) errors.push({ field: 'evidence', message: 'Enter the evidence for the magnitude you chose' });
  if (input.disruptedOn > today) errors.push({ field: 'disruptedOn', message: 'The date of the disruption cannot be in the future' });
  if (input.disruptedOn < '2000-01-01') errors.push({ field: 'disruptedOn', message: 'The date of the disruption must be after 2000' });
  if (input.ocgId) {
    const g = await store.getGroup(ctx.db, input.ocgId);
    if (!g || !canSee(req.principal!, 'ocg', g, ctx.agreements.all()).allow) {
      errors.push({ field: 'ocgId', message: 'There is no group with this id that you can see' });
    } else if (!g.threats.some((t) => t.threat === input.threat) && g.primary_threat !== input.threat) {
      errors.push({ field: 'threat', message: `The group is not recorded as involved in ${input.threat.toUpperCase()}: add the threat to the group first` });
    }
  }
  if (errors.length) throw validationFailed(errors);
  const p = req.principal!;
  const forceCode = input.forceCode ?? (p.agencyType === 'police_force' ? p.agencyCode : null);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await store.createDisruption(trx, { ...input, evidence: input.evidence.trim(), forceCode }, actor(req));
    await ctx.audit.append(trx, actorFrom(req), [
      { action: 'disruption.create', entityKind: 'disruption', entityId: created.id, detail: { reference: created.reference, ocgId: input.ocgId, threat: input.threat } },
    ]);
    return created;
  });
}

export async function visibleDisruption(ctx: AppContext, p: Principal, id: string) {
  const d = await store.getDisruption(ctx.db, id);
  if (!d) throw notFound('disruption');
  const decision = canSee(p, 'disruption', { id: d.id, owning_agency_code: d.recording_agency_code, owning_agency_type: d.recording_agency_type, handling_code: 'P', handling_conditions: null }, ctx.agreements.all());
  if (!decision.allow) throw forbidden(`${decision.reason} ${hitNoHit({ kind: 'disruption', owningAgencyCode: d.recording_agency_code }, store.agencyName(d.recording_agency_code)).message}`);
  return { disruption: d, decision };
}

/** Four eyes: a supervisor of the recording agency, not the person who recorded it. */
export function validationRefusal(p: Principal, d: { recording_agency_code: string; recorded_by: string | null; status: string }): string | null {
  if (d.status !== 'recorded') return 'This disruption has already been validated or rejected.';
  if (p.agencyCode !== d.recording_agency_code) return `Only a supervisor at ${store.agencyName(d.recording_agency_code)}, which recorded it, may validate this disruption.`;
  if (d.recorded_by && d.recorded_by === p.userId) return 'You recorded this disruption: another supervisor must validate it.';
  return null;
}

export async function validateDisruption(ctx: AppContext, req: FastifyRequest, id: string, decision: 'validated' | 'rejected', note: string | null, version?: number) {
  const { disruption } = await visibleDisruption(ctx, req.principal!, id);
  const refusal = validationRefusal(req.principal!, disruption);
  if (refusal) throw forbidden(refusal);
  if (decision === 'rejected' && !note?.trim()) throw validationFailed([{ field: 'note', message: 'Explain why the disruption is rejected' }]);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await store.validateDisruption(trx, id, decision, note?.trim() || null, actor(req), version);
    await ctx.audit.append(trx, actorFrom(req), [{ action: `disruption.${decision === 'validated' ? 'validate' : 'reject'}`, entityKind: 'disruption', entityId: id }]);
    return v;
  });
}
