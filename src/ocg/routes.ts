import { z } from 'zod';
import { redact } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { badRequest, validationFailed } from '../kernel/errors.js';
import { ErrorResponse } from '../kernel/http/schemas.js';
import { ALERT_LABELS } from './alerts.js';
import { assess, GRADES, type ScoringConfig } from './scoring.js';
import {
  AssessmentCreate,
  ConfigUpdate,
  DisruptionCreate,
  DisruptionValidation,
  GroupCreate,
  GroupPatch,
  IntelligenceLink,
  MemberCreate,
  Ratings,
} from './schemas.js';
import * as service from './service.js';
import * as store from './store.js';
import { canSee, metaOf } from './ui/visibility.js';

const iso = (d: Date | string | null | undefined) => (d ? (d instanceof Date ? d.toISOString() : String(d)) : null);

const ThreatJson = z.object({ threat: z.string(), subtype: z.string() });
const GroupSummaryJson = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  primaryThreat: z.string(),
  threats: z.array(ThreatJson),
  areas: z.array(z.string()),
  owningAgency: z.object({ code: z.string(), name: z.string() }),
  handlingCode: z.string(),
  status: z.string(),
  grade: z.string().nullable(),
  tier: z.number().nullable(),
  score: z.number().nullable(),
  lastAssessedAt: z.string().nullable(),
  nextAssessmentDue: z.string().nullable(),
  version: z.number(),
});
const MemberJson = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  location: z.string(),
  country: z.string().nullable(),
  personEntityId: z.string().nullable(),
  personRecordId: z.string().nullable(),
});
const AssessmentJson = z.object({
  id: z.string(),
  assessedAt: z.string(),
  assessor: z.string(),
  assessorAgency: z.string(),
  ratings: z.object({ harm: z.number(), likelihood: z.number(), confidence: z.number(), capacity: z.number() }),
  configVersion: z.number(),
  breakdown: z.array(z.object({ factor: z.string(), rating: z.number(), weight: z.number(), points: z.number() })),
  score: z.number(),
  computedGrade: z.string(),
  grade: z.string(),
  overrideReason: z.string().nullable(),
  tier: z.number(),
  decision: z.string(),
  rationale: z.string(),
  newIntelligence: z.number(),
  nextDue: z.string().nullable(),
});
const GroupJson = GroupSummaryJson.extend({
  summary: z.string(),
  otherCriminality: z.array(z.string()),
  access: z.object({ rule: z.string(), reason: z.string() }),
  members: z.array(MemberJson),
  intelligence: z.array(z.object({ reportId: z.string(), linkedAt: z.string(), linkedByAgency: z.string().nullable() })),
  assessments: z.array(AssessmentJson),
  disruptions: z.array(z.object({ id: z.string(), reference: z.string(), threat: z.string(), category: z.string(), magnitude: z.string(), disruptedOn: z.string(), status: z.string() })),
  investigations: z.array(z.object({ id: z.string(), reference: z.string(), operationName: z.string(), status: z.string(), leadAgency: z.string() })),
});
const DisruptionJson = z.object({
  id: z.string(),
  reference: z.string(),
  ocg: z.object({ id: z.string(), reference: z.string().nullable(), name: z.string().nullable() }).nullable(),
  threat: z.string(),
  category: z.string(),
  magnitude: z.string(),
  tactic: z.string(),
  evidence: z.string(),
  disruptedOn: z.string(),
  recordingAgency: z.object({ code: z.string(), name: z.string(), type: z.string() }),
  forceCode: z.string().nullable(),
  status: z.string(),
  recordedBy: z.string(),
  validatedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  validationNote: z.string().nullable(),
  version: z.number(),
});

export function groupSummaryJson(g: store.Group | store.GroupRow) {
  return {
    id: g.id,
    reference: g.reference,
    name: g.name,
    aliases: g.aliases,
    primaryThreat: g.primary_threat,
    threats: g.threats,
    areas: g.areas,
    owningAgency: { code: g.owning_agency_code, name: store.agencyName(g.owning_agency_code) },
    handlingCode: g.handling_code,
    status: g.status,
    grade: g.grade,
    tier: g.tier,
    score: g.score === null ? null : Number(g.score),
    lastAssessedAt: iso(g.last_assessed_at),
    nextAssessmentDue: g.next_assessment_due,
    version: g.version,
  };
}

export function assessmentJson(a: Awaited<ReturnType<typeof store.assessments>>[number]) {
  const cfg = a.config as Parameters<typeof assess>[1];
  const ratings = { harm: a.harm, likelihood: a.likelihood, confidence: a.confidence, capacity: a.capacity };
  return {
    id: a.id,
    assessedAt: iso(a.assessed_at)!,
    assessor: a.assessor_name,
    assessorAgency: a.assessor_agency_code,
    ratings,
    configVersion: a.config_version,
    breakdown: assess(ratings, cfg).breakdown.map((b) => ({ factor: b.factor, rating: b.rating, weight: b.weight, points: b.points })),
    score: Number(a.score),
    computedGrade: a.computed_grade,
    grade: a.grade,
    overrideReason: a.override_reason,
    tier: a.tier,
    decision: a.decision,
    rationale: a.rationale,
    newIntelligence: a.new_intelligence_count,
    nextDue: a.next_due,
  };
}

export function disruptionJson(d: store.DisruptionRow) {
  return {
    id: d.id,
    reference: d.reference,
    ocg: d.ocg_id ? { id: d.ocg_id, reference: d.ocg_reference, name: d.ocg_name } : null,
    threat: d.threat,
    category: d.category,
    magnitude: d.magnitude,
    tactic: d.tactic,
    evidence: d.evidence,
    disruptedOn: d.disrupted_on,
    recordingAgency: { code: d.recording_agency_code, name: store.agencyName(d.recording_agency_code), type: d.recording_agency_type },
    forceCode: d.force_code,
    status: d.status,
    recordedBy: d.recorded_by_name,
    validatedBy: d.validated_by_name,
    validatedAt: iso(d.validated_at),
    validationNote: d.validation_note,
    version: d.version,
  };
}

const Id = z.object({ id: z.uuid() });
const ifMatch = (header: unknown): number | null => {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(String(header ?? '').trim());
  return m ? Number(m[1]) : null;
};

export function ocgRoutes(app: FusionApp, ctx: AppContext) {
  const tags = ['organised crime groups'];

  app.get(
    '/api/v1/ocgs',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'The OCG register (groups you may see)',
        querystring: z.object({
          threat: z.enum(['msht', 'oic']).optional(),
          grade: z.enum([...GRADES, 'none']).optional(),
          status: z.enum(['active', 'archived', 'all']).optional(),
          owner: z.string().max(60).optional(),
          force: z.string().max(60).optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(GroupSummaryJson) }) },
      },
    },
    async (req) => {
      const { rows, total } = await store.listGroups(ctx.db, req.query, service.groupVisibility(ctx, req.principal!));
      const items = rows.filter((r) => canSee(req.principal!, 'ocg', r, ctx.agreements.all()).allow).map(groupSummaryJson);
      return { total, items };
    },
  );

  app.post(
    '/api/v1/ocgs',
    {
      config: { access: 'ocg.write' },
      schema: { tags, summary: 'Record a group on the register', body: GroupCreate, response: { 201: z.object({ id: z.string(), reference: z.string() }), 422: ErrorResponse } },
    },
    async (req, reply) => reply.status(201).send(await service.createGroup(ctx, req, req.body)),
  );

  app.get(
    '/api/v1/ocgs/assessment-list',
    {
      config: { access: 'ocg.assess' },
      schema: {
        tags,
        summary: 'Groups needing assessment: never assessed, overdue, new intelligence on a low grade, no activity',
        querystring: z.object({
          kind: z.enum(['not_assessed', 'overdue', 'new_intelligence', 'inactive']).optional(),
          threat: z.enum(['msht', 'oic']).optional(),
          region: z.string().max(60).optional(),
        }),
        response: {
          200: z.object({
            counts: z.record(z.string(), z.number()),
            configVersion: z.number(),
            items: z.array(z.object({ group: GroupSummaryJson, alerts: z.array(z.object({ kind: z.string(), label: z.string(), detail: z.string() })) })),
          }),
        },
      },
    },
    async (req) => {
      const q = await service.assessmentQueue(ctx, req.principal!, req.query);
      return {
        counts: q.counts,
        configVersion: q.config.version,
        items: q.items.map((i) => ({ group: groupSummaryJson(i.group), alerts: i.alerts.map((a) => ({ kind: a.kind, label: ALERT_LABELS[a.kind], detail: a.detail })) })),
      };
    },
  );

  app.get(
    '/api/v1/ocgs/grade-mix',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'National count of active groups by priority grade and tier, for each primary threat separately',
        response: { 200: z.record(z.string(), z.object({ total: z.number(), byGrade: z.record(z.string(), z.number()), byTier: z.record(z.string(), z.number()) })) },
      },
    },
    async () => {
      const m = await store.gradeMix(ctx.db);
      return { oic: m.oic, msht: m.msht };
    },
  );

  app.get(
    '/api/v1/ocgs/scoring-config',
    {
      config: { access: 'ocg.read' },
      schema: { tags, summary: 'The scoring configuration in force and its history', response: { 200: z.object({ version: z.number(), config: z.unknown(), history: z.array(z.unknown()) }) } },
    },
    async () => {
      const [cur, history] = await Promise.all([store.currentConfig(ctx.db), store.configHistory(ctx.db)]);
      return {
        version: cur.version,
        config: cur.config,
        history: history.map((h) => ({ version: h.version, reason: h.reason, changedBy: h.changedByName, agency: h.changedByAgency, changedAt: iso(h.changedAt), config: h.config })),
      };
    },
  );

  app.put(
    '/api/v1/ocgs/scoring-config',
    {
      config: { access: 'ocg.configure' },
      schema: { tags, summary: 'Change the scoring weights, grade bands, tier matrix or review intervals', body: ConfigUpdate, response: { 200: z.object({ version: z.number() }), 409: ErrorResponse, 422: ErrorResponse } },
    },
    async (req) => ({ version: await service.saveConfig(ctx, req, req.body.config as ScoringConfig, req.body.reason, req.body.version) }),
  );

  app.post(
    '/api/v1/ocgs/score',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'Work out a score, grade and tier from ratings under the configuration in force (nothing is saved)',
        body: z.object({ ratings: Ratings, gradeOverride: z.enum(GRADES).nullish() }),
        response: { 200: z.object({ score: z.number(), grade: z.string(), tier: z.number(), confidenceBand: z.string(), breakdown: z.array(z.unknown()), explanation: z.array(z.string()), configVersion: z.number() }) },
      },
    },
    async (req) => {
      const cfg = await store.currentConfig(ctx.db);
      return { ...assess(req.body.ratings, cfg.config, req.body.gradeOverride ?? null), configVersion: cfg.version };
    },
  );

  app.get(
    '/api/v1/ocgs/by-report/:reportId',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'Groups an intelligence report is linked to',
        params: z.object({ reportId: z.string().min(1).max(100) }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), reference: z.string(), name: z.string(), grade: z.string().nullable(), linkedAt: z.string() })) }) },
      },
    },
    async (req) => {
      const rows = await store.groupsLinkedToReport(ctx.db, req.params.reportId);
      const groups = await store.listGroups(ctx.db, { ids: rows.map((r) => r.id), status: 'all' }, service.groupVisibility(ctx, req.principal!));
      const allowed = new Set(groups.rows.filter((g) => canSee(req.principal!, 'ocg', g, ctx.agreements.all()).allow).map((g) => g.id));
      return { items: rows.filter((r) => allowed.has(r.id)).map((r) => ({ id: r.id, reference: r.reference, name: r.name, grade: r.grade, linkedAt: iso(r.linked_at)! })) };
    },
  );

  app.get(
    '/api/v1/ocgs/:id',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'One group: threats, areas, members, intelligence, assessments with their breakdown, disruptions, investigations (send X-Fusion-Purpose)',
        params: Id,
        headers: z.object({ 'x-fusion-purpose': z.string().max(600).optional() }).loose(),
        response: { 200: GroupJson, 403: ErrorResponse, 404: ErrorResponse, 428: ErrorResponse },
      },
    },
    async (req, reply) => {
      const r = await service.readGroup(ctx, req, req.params.id);
      const memberMeta = { ...metaOf('ocg_member', r.group) };
      reply.header('etag', `"${r.group.version}"`);
      return {
        ...groupSummaryJson(r.group),
        summary: r.group.summary,
        otherCriminality: r.group.other_criminality,
        access: { rule: r.decision.rule, reason: r.decision.reason },
        members: r.members.map((m) => {
          const red = redact(req.principal!, memberMeta, { name: m.name, person_entity_id: m.person_entity_id, person_record_id: m.person_record_id });
          return { id: m.id, name: red.name, role: m.role, location: m.location, country: m.country, personEntityId: red.person_entity_id, personRecordId: red.person_record_id };
        }),
        intelligence: r.intelligence.map((l) => ({ reportId: l.report_id, linkedAt: iso(l.linked_at)!, linkedByAgency: l.linked_by_agency })),
        assessments: r.assessments.map(assessmentJson),
        disruptions: r.disruptions.map((d) => ({ id: d.id, reference: d.reference, threat: d.threat, category: d.category, magnitude: d.magnitude, disruptedOn: d.disrupted_on, status: d.status })),
        investigations: r.investigations.map((i) => ({ id: i.id, reference: i.reference, operationName: i.operation_name, status: i.status, leadAgency: i.lead_agency_code })),
      };
    },
  );

  app.patch(
    '/api/v1/ocgs/:id',
    {
      config: { access: 'ocg.write' },
      schema: {
        tags,
        summary: 'Change a group (send If-Match with the version you read)',
        params: Id,
        headers: z.object({ 'if-match': z.string().max(40).optional() }).loose(),
        body: GroupPatch,
        response: { 200: z.object({ version: z.number() }), 403: ErrorResponse, 412: ErrorResponse, 422: ErrorResponse, 428: ErrorResponse },
      },
    },
    async (req, reply) => {
      const version = ifMatch(req.headers['if-match']);
      if (version === null) return reply.status(428).send(badRequest('Send If-Match with the version you read.', [{ field: 'if-match', message: 'Send the version you read, e.g. If-Match: "3"' }]).toJSON());
      const v = await service.updateGroup(ctx, req, req.params.id, req.body, version);
      reply.header('etag', `"${v}"`);
      return { version: v };
    },
  );

  app.post(
    '/api/v1/ocgs/:id/members',
    {
      config: { access: 'ocg.write' },
      schema: { tags, summary: 'Add a member (with the resolved person, when known)', params: Id, body: MemberCreate, response: { 201: z.object({ id: z.string() }), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      const b = req.body;
      const id = await service.addMember(ctx, req, req.params.id, {
        name: b.name,
        role: b.role,
        location: b.location,
        country: b.country ?? null,
        personEntityId: b.personEntityId ?? null,
        personRecordId: b.personRecordId ?? null,
      });
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/v1/ocgs/:id/members/:memberId',
    {
      config: { access: 'ocg.write' },
      schema: { tags, summary: 'Remove a member', params: z.object({ id: z.uuid(), memberId: z.uuid() }), response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      await service.removeMember(ctx, req, req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/ocgs/:id/intelligence',
    {
      config: { access: 'ocg.read' },
      schema: {
        tags,
        summary: 'Intelligence reports linked to a group',
        params: Id,
        response: { 200: z.object({ items: z.array(z.object({ reportId: z.string(), linkedAt: z.string(), linkedByAgency: z.string().nullable() })) }) },
      },
    },
    async (req) => {
      await service.visibleGroup(ctx, req.principal!, req.params.id);
      const rows = await store.tables(ctx.db).selectFrom('ocg_intelligence_links').selectAll().where('ocg_id', '=', req.params.id).orderBy('linked_at', 'desc').execute();
      return { items: rows.map((l) => ({ reportId: l.report_id, linkedAt: iso(l.linked_at)!, linkedByAgency: l.linked_by_agency })) };
    },
  );

  app.post(
    '/api/v1/ocgs/:id/intelligence',
    {
      config: { access: 'ocg.write' },
      schema: {
        tags,
        summary: 'Link an intelligence report to a group (idempotent; new links on a low-graded group raise an assessment alert)',
        params: Id,
        body: IntelligenceLink,
        response: { 200: z.object({ created: z.boolean(), linkedAt: z.string() }), 201: z.object({ created: z.boolean(), linkedAt: z.string() }), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const r = await service.linkIntelligence(ctx, req, req.params.id, req.body.reportId, req.body.linkedAt ? new Date(req.body.linkedAt) : undefined);
      return reply.status(r.created ? 201 : 200).send({ created: r.created, linkedAt: iso(r.linkedAt)! });
    },
  );

  app.delete(
    '/api/v1/ocgs/:id/intelligence/:reportId',
    {
      config: { access: 'ocg.write' },
      schema: { tags, summary: 'Remove a link to an intelligence report', params: z.object({ id: z.uuid(), reportId: z.string().min(1).max(100) }), response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      await service.unlinkIntelligence(ctx, req, req.params.id, req.params.reportId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/ocgs/:id/assessments',
    {
      config: { access: 'ocg.read' },
      schema: { tags, summary: 'Assessment history of a group with each score breakdown', params: Id, response: { 200: z.object({ items: z.array(AssessmentJson) }), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req) => {
      await service.visibleGroup(ctx, req.principal!, req.params.id);
      return { items: (await store.assessments(ctx.db, req.params.id)).map(assessmentJson) };
    },
  );

  app.post(
    '/api/v1/ocgs/:id/assessments',
    {
      config: { access: 'ocg.assess' },
      schema: {
        tags,
        summary: 'Record an assessment: ratings give the score, grade and tier; the decision and its reasons; the next date',
        params: Id,
        body: AssessmentCreate,
        response: {
          201: z.object({ id: z.string(), score: z.number(), grade: z.string(), computedGrade: z.string(), tier: z.number(), nextDue: z.string().nullable(), explanation: z.array(z.string()), configVersion: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const r = await service.recordAssessment(ctx, req, req.params.id, req.body);
      return reply.status(201).send({ id: r.id, score: r.score, grade: r.grade, computedGrade: r.computedGrade, tier: r.tier, nextDue: r.nextDue, explanation: r.explanation, configVersion: r.configVersion });
    },
  );

  // ---------------------------------------------------------------------------------------------------------------
  // Disruptions
  const dtags = ['disruptions'];

  app.get(
    '/api/v1/disruptions',
    {
      config: { access: 'disruptions.read' },
      schema: {
        tags: dtags,
        summary: 'Disruptions you may see',
        querystring: z.object({
          threat: z.enum(['msht', 'oic']).optional(),
          status: z.enum(['recorded', 'validated', 'rejected']).optional(),
          category: z.enum(['pursue', 'prevent', 'protect', 'prepare']).optional(),
          agency: z.string().max(60).optional(),
          force: z.string().max(60).optional(),
          ocgId: z.uuid().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(DisruptionJson) }) },
      },
    },
    async (req) => {
      const r = await store.listDisruptions(ctx.db, req.query, service.disruptionVisibility(ctx, req.principal!));
      return { total: r.total, items: r.rows.map(disruptionJson) };
    },
  );

  app.post(
    '/api/v1/disruptions',
    {
      config: { access: 'disruptions.record' },
      schema: { tags: dtags, summary: 'Record a disruption against a group or a threat', body: DisruptionCreate, response: { 201: z.object({ id: z.string(), reference: z.string() }), 422: ErrorResponse } },
    },
    async (req, reply) => {
      const b = req.body;
      const created = await service.createDisruption(ctx, req, {
        ocgId: b.ocgId ?? null,
        threat: b.threat,
        category: b.category,
        magnitude: b.magnitude,
        tactic: b.tactic,
        evidence: b.evidence,
        disruptedOn: b.disruptedOn,
        forceCode: b.forceCode ?? null,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/disruptions/statistics',
    {
      config: { access: 'disruptions.statistics' },
      schema: {
        tags: dtags,
        summary: 'National disruption counts for one threat: by year, force, agency, 4P, magnitude; share recorded by the top four forces',
        querystring: z.object({
          threat: z.enum(['msht', 'oic']).default('oic'),
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          validatedOnly: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.unknown() },
      },
    },
    async (req) => {
      if (req.query.from && req.query.to && req.query.from > req.query.to) throw validationFailed([{ field: 'from', message: 'The start date must be before the end date' }]);
      return store.disruptionStats(ctx.db, { threat: req.query.threat, from: req.query.from, to: req.query.to, validatedOnly: req.query.validatedOnly === 'true' });
    },
  );

  app.get(
    '/api/v1/disruptions/:id',
    {
      config: { access: 'disruptions.read' },
      schema: { tags: dtags, summary: 'One disruption', params: Id, response: { 200: DisruptionJson, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      const { disruption } = await service.visibleDisruption(ctx, req.principal!, req.params.id);
      reply.header('etag', `"${disruption.version}"`);
      return disruptionJson(disruption);
    },
  );

  app.post(
    '/api/v1/disruptions/:id/validation',
    {
      config: { access: 'disruptions.validate' },
      schema: {
        tags: dtags,
        summary: 'Validate or reject a disruption (a supervisor of the recording agency, not the recorder)',
        params: Id,
        body: DisruptionValidation,
        response: { 200: z.object({ version: z.number() }), 403: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req) => ({ version: await service.validateDisruption(ctx, req, req.params.id, req.body.decision, req.body.note ?? null, req.body.version) }),
  );

}
