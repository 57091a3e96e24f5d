import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { notFound, validationFailed } from '../kernel/errors.js';
import { ErrorResponse } from '../kernel/http/schemas.js';
import { actorFrom } from '../kernel/http/server.js';
import { deriveFacts } from './data/recommend.js';
import { INCIDENT_TYPES } from './data/response-plan.js';
import type { IncidentType } from './data/types.js';
import { forceAreaNames } from './map.js';
import { CaseFactsSchema } from './model/facts.js';
import { checklistProgress } from './model/incidents.js';
import { OUTCOME_MEASURES, OUTPUT_MEASURES } from './model/reviews.js';
import { recommendationsFor } from './recommendations.js';
import {
  ChecklistInput,
  ChecklistItemOut,
  EngagementInput,
  EngagementOut,
  IncidentInput,
  IncidentOut,
  IncidentStatusInput,
  IsaInput,
  LevelQuery,
  PartnerCreate,
  PartnerOut,
  PartnershipOut,
  PartnershipPatchInput,
  PartnershipSummaryOut,
  PartnerUpdate,
  RecommendationsOut,
  ReviewInput,
  ReviewOut,
} from './schemas.js';
import * as svc from './service.js';
import * as store from './store.js';

const Code = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(60),
});
const PId = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
});
const IncId = z.object({ id: z.uuid() });
const Created = z.object({ id: z.string() });

export const directoryInputOf = (
  b: z.infer<typeof PartnerCreate> | z.infer<typeof PartnerUpdate>,
): store.DirectoryInput => ({
  name: b.name,
  shortName: b.shortName || null,
  kind: b.kind,
  capabilities: b.capabilities,
  whenToEngage: b.whenToEngage,
  howToReach: b.howToReach || null,
  available24x7: b.available24x7,
  publicPhone: b.publicPhone || null,
  publicEmail: b.publicEmail || null,
  publicWebsite: b.publicWebsite || null,
  restrictions: b.restrictions,
});

export const patchOf = (b: z.infer<typeof PartnershipPatchInput>): store.PartnershipPatch => ({
  chairType: b.chairType,
  coordinatorType: b.coordinatorType,
  memberTypes: [...new Set(b.memberTypes)],
  memberNames: b.memberNames,
  activities: [...new Set(b.activities)],
  otherActivities: b.otherActivities || null,
  governanceDocuments: b.governanceDocuments,
  governanceNotes: b.governanceNotes || null,
  actionPlan: b.actionPlan,
  actionPlanNotes: b.actionPlanNotes || null,
  progressMeasures: [...new Set(b.progressMeasures)],
  progressNotes: b.progressNotes || null,
  fundingSources: [...new Set(b.fundingSources)],
  fundingNotes: b.fundingNotes || null,
  gaps: [...new Set(b.gaps)],
  challenges: [...new Set(b.challenges)],
  gapsNotes: b.gapsNotes || null,
  meetingFrequency: b.meetingFrequency || null,
});

export const reviewInputOf = (b: z.infer<typeof ReviewInput>): store.ReviewInput => ({
  periodStart: b.periodStart,
  periodEnd: b.periodEnd,
  reviewedOn: b.reviewedOn ?? svc.todayIso(),
  outputs: svc.fullMeasures(b.outputs, OUTPUT_MEASURES),
  outcomes: svc.fullMeasures(b.outcomes, OUTCOME_MEASURES),
  progressRating: b.progressRating,
  progressSummary: b.progressSummary,
  goodPractice: b.goodPractice || null,
  shareGoodPractice: b.shareGoodPractice ?? false,
  gapsChallenges: b.gapsChallenges || null,
  nextActions: b.nextActions || null,
});

const summaryOut = (s: Awaited<ReturnType<typeof svc.partnershipSummaries>>[number]) => ({
  id: s.p.id,
  name: s.p.name,
  level: s.p.level,
  area: s.p.area,
  nation: s.p.nation,
  forceAreaCodes: s.p.forceAreaCodes,
  activities: s.p.activities,
  chairType: s.p.chairType,
  coordinatorType: s.p.coordinatorType,
  source: s.p.source,
  lastReviewedOn: s.lastReviewedOn,
  reviewOverdue: s.status.overdue,
  hasSharingAgreement: s.hasSharingAgreement,
});

const incidentOut = (i: store.Incident) => ({
  id: i.id,
  reference: i.reference,
  type: i.type,
  threat: i.threat,
  occurredAt: i.occurredAt,
  location: i.location,
  forceAreaCode: i.forceAreaCode,
  summary: i.summary,
  peopleFound: i.peopleFound,
  childrenFound: i.childrenFound,
  status: i.status,
  agencyCode: i.agencyCode,
  createdByName: i.createdByName,
  createdAt: i.createdAt,
  version: i.version,
});

async function checklistOf(ctx: AppContext, i: store.Incident) {
  const ticks = await store.incidentTicks(ctx.db, i.id);
  const byItem = new Map(ticks.map((t) => [t.itemId, t]));
  const progress = checklistProgress(i.type as IncidentType, ticks);
  return {
    done: progress.done,
    total: progress.total,
    welfareOutstanding: progress.welfareOutstanding,
    items: svc.checklistItems(i.type as IncidentType).map((it) => {
      const t = byItem.get(it.id);
      return {
        id: it.id,
        phase: it.phase,
        text: it.text,
        partners: [...it.partners],
        derivedFrom: it.derivedFrom,
        seedRef: it.seedRef,
        done: !!t,
        doneAt: t?.doneAt ?? null,
        doneByName: t?.doneByName ?? null,
        note: t?.note ?? null,
      };
    }),
  };
}

/** API under /api/v1/partners, /api/v1/partnerships and /api/v1/incidents. */
export function partnersRoutes(app: FusionApp, ctx: AppContext) {
  // ---- Directory ------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/partners',
    {
      config: { access: 'partners.read' },
      schema: {
        tags: ['partners'],
        summary: 'Search the partner directory (seed 000 and the reference agencies)',
        querystring: z.object({
          q: z.string().max(200).optional(),
          kind: z.string().max(40).optional(),
          source: z.enum(['seed-000', 'reference-data', 'added']).optional(),
        }),
        response: { 200: z.object({ partners: z.array(PartnerOut) }) },
      },
    },
    async (req) => ({ partners: await store.searchDirectory(ctx.db, req.query) }),
  );

  app.post(
    '/api/v1/partners',
    {
      config: { access: 'partners.edit' },
      schema: {
        tags: ['partners'],
        summary: 'Add an organisation to the directory (administrators)',
        body: PartnerCreate,
        response: { 201: PartnerOut, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      await svc.addPartner(ctx, req, req.body.code, directoryInputOf(req.body));
      return reply.status(201).send((await store.getPartner(ctx.db, req.body.code))!);
    },
  );

  app.get(
    '/api/v1/partners/:code',
    {
      config: { access: 'partners.read' },
      schema: {
        tags: ['partners'],
        summary: 'One directory entry',
        params: Code,
        response: { 200: PartnerOut, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const p = await store.getPartner(ctx.db, req.params.code);
      if (!p) throw notFound('partner');
      return reply.header('etag', `"${p.version}"`).send(p);
    },
  );

  app.put(
    '/api/v1/partners/:code',
    {
      config: { access: 'partners.edit' },
      schema: {
        tags: ['partners'],
        summary: 'Change a directory entry (administrators; send the version you edited)',
        params: Code,
        body: PartnerUpdate,
        response: { 200: PartnerOut, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => {
      await svc.editPartner(ctx, req, req.params.code, directoryInputOf(req.body), req.body.version);
      const p = (await store.getPartner(ctx.db, req.params.code))!;
      return reply.header('etag', `"${p.version}"`).send(p);
    },
  );

  // ---- Recommendations and engagements ----------------------------------------------------------------------
  app.post(
    '/api/v1/partners/recommendations',
    {
      config: { access: 'partners.recommend' },
      schema: {
        tags: ['partners'],
        summary: 'Which partners to engage for these case facts, with the rule and seed passage behind each',
        body: CaseFactsSchema,
        response: { 200: RecommendationsOut },
      },
    },
    async (req) => {
      const view = recommendationsFor(req.body, { directory: await store.directoryViews(ctx.db) });
      return {
        facts: deriveFacts(req.body) as Record<string, unknown>,
        derived: view.derived,
        recommendations: view.partners.map((p) => ({
          partner: { ...p.partner, restrictions: [...p.partner.restrictions] },
          urgency: p.urgency,
          rules: p.rules,
        })),
        countries: view.countries,
      };
    },
  );

  app.get(
    '/api/v1/partners/engagements',
    {
      config: { access: 'partners.engagements.read' },
      schema: {
        tags: ['partners'],
        summary: 'Partners engaged on cases, as your agency may see them (filter by case)',
        querystring: z.object({
          caseKind: EngagementInput.shape.caseKind.optional(),
          caseId: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ engagements: z.array(EngagementOut) }) },
      },
    },
    async (req) => ({
      engagements: await store.listEngagements(ctx.db, req.principal!, ctx.agreements.all(), req.query),
    }),
  );

  app.post(
    '/api/v1/partners/engagements',
    {
      config: { access: 'partners.engagements.record' },
      schema: {
        tags: ['partners'],
        summary: 'Record that a partner was engaged on a case',
        body: EngagementInput,
        response: { 201: Created, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (b.engagedOn && b.engagedOn > svc.todayIso())
        throw validationFailed([{ field: 'engagedOn', message: 'The date engaged cannot be in the future' }]);
      const id = await store.recordEngagement(
        ctx,
        req.principal!,
        {
          partnerCode: b.partnerCode,
          caseKind: b.caseKind,
          caseId: b.caseId,
          ruleId: b.ruleId || null,
          engagedOn: b.engagedOn ?? svc.todayIso(),
          note: b.note || null,
        },
        { auditActor: actorFrom(req) },
      );
      return reply.status(201).send({ id });
    },
  );

  // ---- Partnerships -----------------------------------------------------------------------------------------
  app.get(
    '/api/v1/partnerships',
    {
      config: { access: 'partnerships.read' },
      schema: {
        tags: ['partnerships'],
        summary: 'The register of anti-slavery partnerships (42 from the 2017 survey, seed 003 Appendix 1)',
        querystring: LevelQuery.extend({ forceAreaCode: z.string().max(12).optional() }),
        response: { 200: z.object({ partnerships: z.array(PartnershipSummaryOut) }) },
      },
    },
    async (req) => ({ partnerships: (await svc.partnershipSummaries(ctx, req.query)).map(summaryOut) }),
  );

  app.get(
    '/api/v1/partnerships/map',
    {
      config: { access: 'partnerships.read' },
      schema: {
        tags: ['partnerships'],
        summary:
          'Partnerships per police force area, and those whose sharing agreement is in force (the map’s figures)',
        querystring: LevelQuery,
        response: {
          200: z.object({
            matching: z.number(),
            areas: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                partnerships: z.number(),
                canShare: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const f = await svc.mapFigures(ctx, req.query);
      const names = forceAreaNames();
      return {
        matching: f.matching,
        areas: [...names.entries()]
          .map(([code, name]) => ({
            code,
            name,
            partnerships: f.counts.get(code) ?? 0,
            canShare: f.sharing.get(code) ?? 0,
          }))
          .sort((a, b) => b.partnerships - a.partnerships || a.name.localeCompare(b.name)),
      };
    },
  );

  app.get(
    '/api/v1/partnerships/reviews',
    {
      config: { access: 'partnerships.read' },
      schema: {
        tags: ['partnerships'],
        summary: 'Recent annual reviews and the partnerships with no review in the last 12 months',
        response: { 200: z.object({ reviews: z.array(ReviewOut), overdue: z.array(PartnershipSummaryOut) }) },
      },
    },
    async () => ({
      reviews: await store.listReviews(ctx.db, undefined, 200),
      overdue: (await svc.overduePartnerships(ctx)).map(summaryOut),
    }),
  );

  app.get(
    '/api/v1/partnerships/:id',
    {
      config: { access: 'partnerships.read' },
      schema: {
        tags: ['partnerships'],
        summary: 'One partnership',
        params: PId,
        response: { 200: PartnershipOut, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const d = await svc.partnershipDetail(ctx, req.params.id);
      const p = d.p;
      return reply.header('etag', `"${p.version}"`).send({
        ...summaryOut({
          p,
          lastReviewedOn: d.status.lastReviewedOn,
          status: d.status,
          hasSharingAgreement: !!d.isa,
        }),
        components: p.components,
        memberTypes: p.memberTypes,
        memberNames: p.memberNames,
        otherActivities: p.otherActivities,
        governanceDocuments: p.governanceDocuments,
        governanceNotes: p.governanceNotes,
        actionPlan: p.actionPlan,
        actionPlanNotes: p.actionPlanNotes,
        progressMeasures: p.progressMeasures,
        progressNotes: p.progressNotes,
        fundingSources: p.fundingSources,
        fundingNotes: p.fundingNotes,
        gaps: p.gaps,
        challenges: p.challenges,
        gapsNotes: p.gapsNotes,
        meetingFrequency: p.meetingFrequency,
        coordinatingAgencyCode: p.coordinatingAgencyCode,
        coordinators: d.coordinators.map((c) => ({
          userId: c.userId,
          name: c.name,
          agencyName: c.agencyName,
        })),
        appendixGroup: p.appendixGroup,
        appendixNumber: p.appendixNumber,
        appendixNotes: p.appendixNotes,
        seedNotes: p.seedNotes,
        seedRefs: p.seedRefs,
        sharingAgreement: d.isa,
        reviewDueOn: d.status.dueOn,
        version: p.version,
      });
    },
  );

  app.put(
    '/api/v1/partnerships/:id',
    {
      config: { access: 'partnerships.edit' },
      schema: {
        tags: ['partnerships'],
        summary: 'Change a partnership (its own coordinators only; send the version you edited)',
        params: PId,
        body: PartnershipPatchInput,
        response: {
          200: z.object({ id: z.string(), version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (req) => {
      const r = await svc.editPartnership(ctx, req, req.params.id, patchOf(req.body), req.body.version);
      return { id: req.params.id, version: r.version };
    },
  );

  app.put(
    '/api/v1/partnerships/:id/sharing-agreement',
    {
      config: { access: 'partnerships.edit' },
      schema: {
        tags: ['partnerships'],
        summary:
          'Record the partnership’s information-sharing agreement and link the data-sharing agreements that give it effect',
        params: PId,
        body: IsaInput,
        response: {
          200: z.object({ version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          412: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => {
      const b = req.body;
      return svc.saveSharingAgreement(
        ctx,
        req,
        req.params.id,
        {
          title: b.title,
          signedOn: b.signedOn ?? null,
          reviewOn: b.reviewOn ?? null,
          parties: b.parties || null,
          notes: b.notes || null,
          sharingAgreementIds: b.sharingAgreementIds,
        },
        b.version,
      );
    },
  );

  app.get(
    '/api/v1/partnerships/:id/reviews',
    {
      config: { access: 'partnerships.read' },
      schema: {
        tags: ['partnerships'],
        summary: 'Annual reviews of one partnership, newest first',
        params: PId,
        response: { 200: z.object({ reviews: z.array(ReviewOut) }), 404: ErrorResponse },
      },
    },
    async (req) => {
      await svc.loadPartnership(ctx, req.params.id);
      return { reviews: await store.listReviews(ctx.db, req.params.id) };
    },
  );

  app.post(
    '/api/v1/partnerships/:id/reviews',
    {
      config: { access: 'partnerships.review' },
      schema: {
        tags: ['partnerships'],
        summary:
          'Record an annual review with the standard output and outcome measures (its coordinators only)',
        params: PId,
        body: ReviewInput,
        response: { 201: Created, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await svc.recordReview(ctx, req, req.params.id, reviewInputOf(req.body)) }),
  );

  // ---- Incidents and the National Response Plan -------------------------------------------------------------
  app.get(
    '/api/v1/incidents/response-plan/:type',
    {
      config: { access: 'incidents.plan' },
      schema: {
        tags: ['incidents'],
        summary: 'The National Response Plan checklist for an immigration crime incident type, in order',
        params: z.object({ type: z.enum(['inland', 'maritime', 'aviation']) }),
        response: {
          200: z.object({
            type: z.string(),
            label: z.string(),
            items: z.array(ChecklistItemOut.omit({ done: true, doneAt: true, doneByName: true, note: true })),
          }),
        },
      },
    },
    async (req) => ({
      type: req.params.type,
      label: INCIDENT_TYPES.find((t) => t.type === req.params.type)!.label,
      items: svc.checklistItems(req.params.type).map((i) => ({
        id: i.id,
        phase: i.phase,
        text: i.text,
        partners: [...i.partners],
        derivedFrom: i.derivedFrom,
        seedRef: i.seedRef,
      })),
    }),
  );

  app.get(
    '/api/v1/incidents',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Immigration crime incidents your agency may see',
        response: { 200: z.object({ incidents: z.array(IncidentOut.extend({ done: z.number() })) }) },
      },
    },
    async (req) => ({
      incidents: (await store.listIncidents(ctx.db, req.principal!, ctx.agreements.all())).map((i) => ({
        ...incidentOut(i),
        done: i.done,
      })),
    }),
  );

  app.post(
    '/api/v1/incidents',
    {
      config: { access: 'incidents.record' },
      schema: {
        tags: ['incidents'],
        summary: 'Record an immigration crime incident (inland, maritime or aviation)',
        body: IncidentInput,
        response: { 201: z.object({ id: z.string(), reference: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await svc.createIncidentFor(ctx, req, {
        type: b.type,
        occurredAt: b.occurredAt,
        location: b.location,
        forceAreaCode: b.forceAreaCode ?? null,
        summary: b.summary ?? '',
        peopleFound: b.peopleFound ?? null,
        childrenFound: b.childrenFound ?? null,
      });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'],
        summary: 'One incident with its National Response Plan checklist',
        params: IncId,
        response: {
          200: IncidentOut.extend({
            checklist: z.object({
              done: z.number(),
              total: z.number(),
              welfareOutstanding: z.boolean(),
              items: z.array(ChecklistItemOut),
            }),
          }),
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (req) => {
      const i = await svc.incidentFor(ctx, req, req.params.id);
      return { ...incidentOut(i), checklist: await checklistOf(ctx, i) };
    },
  );

  app.post(
    '/api/v1/incidents/:id/checklist',
    {
      config: { access: 'incidents.record' },
      schema: {
        tags: ['incidents'],
        summary: 'Tick or untick checklist items (each tick keeps its time and user)',
        params: IncId,
        body: ChecklistInput,
        response: {
          200: z.object({
            added: z.array(z.string()),
            removed: z.array(z.string()),
            done: z.number(),
            total: z.number(),
          }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => {
      const r = await svc.updateChecklist(
        ctx,
        req,
        req.params.id,
        req.body.tick.map((t) => ({ itemId: t.itemId, note: t.note || null })),
        req.body.untick,
      );
      const i = (await store.getIncident(ctx.db, req.params.id))!;
      const c = await checklistOf(ctx, i);
      return { ...r, done: c.done, total: c.total };
    },
  );

  app.post(
    '/api/v1/incidents/:id/status',
    {
      config: { access: 'incidents.record' },
      schema: {
        tags: ['incidents'],
        summary:
          'Close or reopen an incident (the recording agency only; send the version you saw; closing with checklist items not done needs confirmRemaining)',
        params: IncId,
        body: IncidentStatusInput,
        response: {
          200: IncidentOut,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => {
      const b = req.body;
      const i = await svc.setIncidentStatusFor(ctx, req, req.params.id, {
        status: b.status,
        version: b.version,
        confirmRemaining: b.confirmRemaining,
      });
      return incidentOut(i);
    },
  );
}
