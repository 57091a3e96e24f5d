import { z } from 'zod';
import { redact } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { badRequest } from '../kernel/errors.js';
import { ErrorResponse } from '../kernel/http/schemas.js';
import { agencyName } from '../ocg/store.js';
import { metaOf } from '../ocg/ui/visibility.js';
import type { Recommendation } from './allocation.js';
import { CHARGE_GROUPS } from './model.js';
import { NO_FACTS, suggestOwner } from './ownership.js';
import {
  AdviceCreate,
  AllocationCreate,
  ChargeCreate,
  ChargeOutcome,
  GroupLink,
  InvestigationCreate,
  InvestigationPatch,
  OicFactsSchema,
  OrderCreate,
  RecommendationRequest,
  SubjectCreate,
  VictimCreate,
  VictimPatch,
} from './schemas.js';
import * as service from './service.js';
import * as store from './store.js';
import { whatWorks } from './what-works.js';

const iso = (d: Date | string | null | undefined) => (d ? (d instanceof Date ? d.toISOString() : String(d)) : null);
const Id = z.object({ id: z.uuid() });
const Created = z.object({ id: z.string() });
const ifMatch = (header: unknown): number | null => {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(String(header ?? '').trim());
  return m ? Number(m[1]) : null;
};

const SummaryJson = z.object({
  id: z.string(),
  reference: z.string(),
  operationName: z.string(),
  primaryThreat: z.string(),
  threats: z.array(z.object({ threat: z.string(), subtype: z.string() })),
  offences: z.array(z.string()),
  leadAgency: z.object({ code: z.string(), name: z.string(), type: z.string() }),
  leadForceCode: z.string().nullable(),
  rocuCode: z.string().nullable(),
  status: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  crossRegional: z.boolean(),
  characteristics: z.object({ dedicatedTeam: z.boolean(), victimNavigator: z.boolean(), evidenceLed: z.boolean(), financialInvestigation: z.boolean() }),
  version: z.number(),
});
const SuggestionJson = z.object({
  owner: z.string().nullable(),
  ownerLabel: z.string(),
  agencyCode: z.string().nullable(),
  ruleId: z.string().nullable(),
  reason: z.string(),
  source: z.string(),
  matched: z.array(z.object({ id: z.string(), owner: z.string(), reason: z.string() })),
  policeDuties: z.array(z.string()),
});
const RecommendationJson = z.object({
  forceCode: z.string().nullable(),
  reason: z.string(),
  firstCriterionUses: z.string(),
  candidates: z.array(z.object({ forceCode: z.string(), total: z.number(), points: z.record(z.string(), z.number()) }).loose()),
});

const recJson = (r: Recommendation) => ({ ...r, candidates: r.candidates.map((c) => ({ ...c, points: { ...c.points } })) });

export function summaryJson(i: store.Investigation | store.InvestigationRow) {
  return {
    id: i.id,
    reference: i.reference,
    operationName: i.operation_name,
    primaryThreat: i.primary_threat,
    threats: i.threats,
    offences: i.offences,
    leadAgency: { code: i.lead_agency_code, name: agencyName(i.lead_agency_code), type: i.lead_agency_type },
    leadForceCode: i.lead_force_code,
    rocuCode: i.rocu_code,
    status: i.status,
    openedOn: i.opened_on,
    closedOn: i.closed_on,
    crossRegional: i.cross_regional,
    characteristics: { dedicatedTeam: i.dedicated_team, victimNavigator: i.victim_navigator, evidenceLed: i.evidence_led, financialInvestigation: i.financial_investigation },
    version: i.version,
  };
}

export function investigationRoutes(app: FusionApp, ctx: AppContext) {
  const tags = ['investigations'];

  app.get(
    '/api/v1/investigations',
    {
      config: { access: 'investigations.read' },
      schema: {
        tags,
        summary: 'Investigations you may see',
        querystring: z.object({
          threat: z.enum(['msht', 'oic']).optional(),
          status: z.enum(['live', 'suspended', 'charged', 'finished', 'no_further_action']).optional(),
          open: z.enum(['true', 'false']).optional(),
          lead: z.string().max(60).optional(),
          force: z.string().max(60).optional(),
          ocgId: z.uuid().optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(SummaryJson) }) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.listInvestigations(ctx.db, { ...q, open: q.open === 'true' ? true : undefined }, service.visibility(ctx, req.principal!));
      return { total: r.total, items: r.rows.filter((i) => service.mayView(ctx, req.principal!, i).allow).map(summaryJson) };
    },
  );

  app.post(
    '/api/v1/investigations',
    {
      config: { access: 'investigations.write' },
      schema: { tags, summary: 'Record an investigation led by your agency', body: InvestigationCreate, response: { 201: z.object({ id: z.string(), reference: z.string() }), 422: ErrorResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createInvestigation(ctx, req, req.body)),
  );

  app.post(
    '/api/v1/investigations/ownership-suggestion',
    {
      config: { access: 'investigations.read' },
      schema: { tags, summary: 'Who should own an OIC investigation, from its facts, with the rule and reason (nothing is saved)', body: OicFactsSchema, response: { 200: SuggestionJson } },
    },
    async (req) => suggestOwner({ ...NO_FACTS, ...req.body }),
  );

  app.post(
    '/api/v1/investigations/allocation-recommendation',
    {
      config: { access: 'investigations.read' },
      schema: { tags, summary: 'The lead force a cross-regional case would get from the criteria (nothing is saved)', body: RecommendationRequest, response: { 200: RecommendationJson } },
    },
    async (req) => recJson(service.recommendation(req.body.candidates)),
  );

  app.get(
    '/api/v1/investigations/library',
    {
      config: { access: 'investigations.library' },
      schema: {
        tags,
        summary: 'Case library: finished cases with lessons learnt',
        querystring: z.object({
          q: z.string().max(200).optional(),
          threat: z.enum(['msht', 'oic']).optional(),
          type: z.string().max(40).optional(),
          evidenceLed: z.enum(['true', 'false']).optional(),
          outcome: z.enum(['convicted', 'charged', 'not_charged']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.unknown()) }) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.library(ctx.db, { ...q, evidenceLed: q.evidenceLed === undefined ? undefined : q.evidenceLed === 'true' });
      return {
        total: r.total,
        items: r.rows.map((c) => ({
          id: c.id,
          reference: c.reference,
          operationName: c.operation_name,
          primaryThreat: c.primary_threat,
          threats: c.threats,
          leadAgency: agencyName(c.lead_agency_code),
          openedOn: c.opened_on,
          closedOn: c.closed_on,
          evidenceLed: c.evidence_led,
          charges: c.charges,
          convictions: c.convictions,
          chargeGroups: c.charge_groups,
          summary: c.summary,
          lessonsLearnt: c.lessons_learnt,
        })),
      };
    },
  );

  app.get(
    '/api/v1/investigations/what-works',
    {
      config: { access: 'investigations.statistics' },
      schema: { tags, summary: 'Live investigations over time, charging mix, conviction rate, outcomes by characteristic (national, MSHT and OIC separately)', response: { 200: z.unknown() } },
    },
    async () => whatWorks(ctx),
  );

  app.get(
    '/api/v1/investigations/:id',
    {
      config: { access: 'investigations.read' },
      schema: {
        tags,
        summary: 'One investigation with its subjects, victims, groups, allocation records and criminal justice outcomes (send X-Fusion-Purpose)',
        params: Id,
        headers: z.object({ 'x-fusion-purpose': z.string().max(600).optional() }).loose(),
        response: { 200: z.unknown(), 403: ErrorResponse, 404: ErrorResponse, 428: ErrorResponse },
      },
    },
    async (req, reply) => {
      const r = await service.readInvestigation(ctx, req, req.params.id);
      const p = req.principal!;
      const owned = { id: r.inv.id, owning_agency_code: r.inv.lead_agency_code, owning_agency_type: r.inv.lead_agency_type, handling_code: r.inv.handling_code, handling_conditions: r.inv.handling_conditions };
      reply.header('etag', `"${r.inv.version}"`);
      return {
        ...summaryJson(r.inv),
        summary: r.inv.summary,
        access: { rule: r.decision.rule, reason: r.decision.reason },
        ownershipSuggestion: r.ownership,
        oicFacts: r.inv.oic_facts,
        financial: { used: r.inv.financial_investigation, assetsIdentifiedGbp: r.inv.assets_identified_gbp, confiscationOrderedGbp: r.inv.confiscation_ordered_gbp },
        lessonsLearnt: r.inv.lessons_learnt,
        supportingForces: r.supporting.map((s) => ({ forceCode: s.force_code, duties: s.duties })),
        groups: r.groupSummaries.map((g) => ({ id: g.id, reference: g.reference, name: g.name, grade: g.grade })),
        subjects: r.subjects.map((s) => {
          const red = redact(p, metaOf('investigation_subject', owned), { name: s.name, person_entity_id: s.person_entity_id, person_record_id: s.person_record_id });
          return { id: s.id, name: red.name, role: s.role, residesForceCode: s.resides_force_code, personEntityId: red.person_entity_id, personRecordId: red.person_record_id };
        }),
        victims: r.victims.map((v) => {
          const red = redact(p, metaOf('investigation_victim', owned), { referral_id: v.referral_id });
          return { id: v.id, label: v.label, referralId: red.referral_id, isChild: v.is_child, engagement: v.engagement, navigator: v.navigator };
        }),
        allocations: r.allocations.map((a) => ({
          id: a.id,
          criteria: a.criteria,
          recommendedForceCode: a.recommended_force_code,
          recommendationReason: a.recommendation_reason,
          decidedForceCode: a.decided_force_code,
          rationale: a.rationale,
          decidedBy: a.decided_by_name,
          decidedByAgency: a.decided_by_agency,
          decidedAt: iso(a.decided_at),
          duties: a.duties.map((d) => ({ forceCode: d.force_code, duties: d.duties })),
        })),
        cpsAdvice: r.advice.map((a) => ({ id: a.id, requestedOn: a.requested_on, receivedOn: a.received_on, accessible: a.accessible, effective: a.effective, note: a.note })),
        charges: r.charges.map((c) => ({ id: c.id, subjectId: c.subject_id, group: c.offence_group, offence: c.offence, chargedOn: c.charged_on, s45Raised: c.s45_raised, outcome: c.outcome, outcomeOn: c.outcome_on, sentenceMonths: c.sentence_months })),
        orders: r.orders.map((o) => ({ id: o.id, subjectId: o.subject_id, kind: o.kind, status: o.status, datedOn: o.dated_on })),
      };
    },
  );

  app.patch(
    '/api/v1/investigations/:id',
    {
      config: { access: 'investigations.write' },
      schema: {
        tags,
        summary: 'Change an investigation: status, characteristics, financial investigation, lessons (send If-Match)',
        params: Id,
        headers: z.object({ 'if-match': z.string().max(40).optional() }).loose(),
        body: InvestigationPatch,
        response: { 200: z.object({ version: z.number() }), 403: ErrorResponse, 412: ErrorResponse, 422: ErrorResponse, 428: ErrorResponse },
      },
    },
    async (req, reply) => {
      const version = ifMatch(req.headers['if-match']);
      if (version === null) return reply.status(428).send(badRequest('Send If-Match with the version you read.', [{ field: 'if-match', message: 'Send the version you read, e.g. If-Match: "3"' }]).toJSON());
      const b = req.body;
      const v = await service.updateInvestigation(ctx, req, req.params.id, { ...b, closedOn: b.closedOn === undefined ? undefined : b.closedOn, oicFacts: b.oicFacts === undefined ? undefined : b.oicFacts ? { ...NO_FACTS, ...b.oicFacts } : null }, version);
      reply.header('etag', `"${v}"`);
      return { version: v };
    },
  );

  app.post(
    '/api/v1/investigations/:id/subjects',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Add a subject (suspect)', params: Id, body: SubjectCreate, response: { 201: Created, 403: ErrorResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addSubject(ctx, req, req.params.id, { name: b.name, role: b.role, residesForceCode: b.residesForceCode ?? null, personEntityId: b.personEntityId ?? null, personRecordId: b.personRecordId ?? null });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/v1/investigations/:id/victims',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Add a victim by NRM referral id, with engagement', params: Id, body: VictimCreate, response: { 201: Created, 403: ErrorResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addVictim(ctx, req, req.params.id, { referralId: b.referralId ?? null, label: b.label ?? null, isChild: b.isChild, engagement: b.engagement, navigator: b.navigator });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/v1/investigations/:id/victims/:victimId',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Update a victim’s engagement or navigator support', params: z.object({ id: z.uuid(), victimId: z.uuid() }), body: VictimPatch, response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      await service.updateVictim(ctx, req, req.params.id, req.params.victimId, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/investigations/:id/groups',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Link an organised crime group', params: Id, body: GroupLink, response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => {
      await service.linkGroup(ctx, req, req.params.id, req.body.ocgId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/investigations/:id/groups/:ocgId',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Unlink an organised crime group', params: z.object({ id: z.uuid(), ocgId: z.uuid() }), response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      await service.unlinkGroup(ctx, req, req.params.id, req.params.ocgId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/investigations/:id/cps-advice',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Record a request for CPS early advice and whether it was accessible and effective', params: Id, body: AdviceCreate, response: { 201: Created, 403: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addAdvice(ctx, req, req.params.id, { requestedOn: b.requestedOn, receivedOn: b.receivedOn ?? null, accessible: b.accessible ?? null, effective: b.effective ?? null, note: b.note });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/v1/investigations/:id/charges',
    {
      config: { access: 'investigations.write' },
      schema: { tags, summary: `Record a charge (groups: ${CHARGE_GROUPS.map((g) => g.code).join(', ')})`, params: Id, body: ChargeCreate, response: { 201: Created, 403: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addCharge(ctx, req, req.params.id, { subjectId: b.subjectId ?? null, group: b.group, offence: b.offence, chargedOn: b.chargedOn, s45Raised: b.s45Raised, outcome: b.outcome, outcomeOn: b.outcomeOn ?? null, sentenceMonths: b.sentenceMonths ?? null });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/v1/investigations/:id/charges/:chargeId',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Record the outcome and sentence of a charge', params: z.object({ id: z.uuid(), chargeId: z.uuid() }), body: ChargeOutcome, response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => {
      const b = req.body;
      await service.setChargeOutcome(ctx, req, req.params.id, req.params.chargeId, { outcome: b.outcome, outcomeOn: b.outcomeOn ?? null, sentenceMonths: b.sentenceMonths ?? null, s45Raised: b.s45Raised });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/investigations/:id/orders',
    { config: { access: 'investigations.write' }, schema: { tags, summary: 'Record a Slavery and Trafficking Prevention or Risk Order', params: Id, body: OrderCreate, response: { 201: Created, 403: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addOrder(ctx, req, req.params.id, { subjectId: b.subjectId ?? null, kind: b.kind, status: b.status, datedOn: b.datedOn });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/v1/investigations/:id/allocations',
    {
      config: { access: 'investigations.allocate' },
      schema: {
        tags,
        summary: 'Decide the lead force of a cross-regional case: criteria, recommendation, decision, rationale (required) and supporting forces’ duties',
        params: Id,
        body: AllocationCreate,
        response: { 201: z.object({ id: z.string(), recommendation: RecommendationJson }), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await service.allocate(ctx, req, req.params.id, { candidates: b.candidates, decidedForceCode: b.decidedForceCode ?? null, rationale: b.rationale ?? null, duties: b.duties });
      return reply.status(201).send({ id: r.allocationId, recommendation: recJson(r.recommendation) });
    },
  );
}
