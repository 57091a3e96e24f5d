/** The performance API: /api/v1/stats/..., /api/v1/peer-reviews, /api/v1/recommendations, /api/v1/training. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { badRequest, forbidden, notFound } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { ErrorResponse, IsoDate } from '../kernel/http/schemas.js';
import { computeAll, type FigureCache, measureDef, measureEnv, MEASURES, SOURCE_LABELS } from './measures.js';
import { todayInUk } from './model/dates.js';
import { SignalsInput } from './model/governance.js';
import { ItemInput, ReviewPatch, UpdateInput } from './model/peer-review.js';
import { isOverdue, RECOMMENDATION_STATUSES } from './model/recommendations.js';
import {
  decideAgency,
  decideScope,
  defaultScope,
  parseScope,
  type Scope,
  scopeForces,
  scopeKey,
  scopeLabel,
} from './model/scope.js';
import { figureSuppressed } from './present.js';
import * as service from './service.js';
import * as store from './store.js';

const TAGS = {
  stats: ['performance'],
  reviews: ['peer reviews'],
  recs: ['recommendations'],
  training: ['training'],
};

const ScopeQuery = z.object({
  scope: z
    .string()
    .max(80)
    .optional()
    .describe('national, region:<name> or force:<code>; defaults to your own'),
  publication: z
    .enum(['yes', 'no'])
    .optional()
    .describe('yes: apply the small-number rule to measures marked for publication'),
});

/** The scope asked for (or the user's default), refused when the user may not see it. */
export function resolveScope(req: FastifyRequest, raw: string | undefined): Scope {
  const p = req.principal!;
  const scope = raw ? parseScope(raw) : defaultScope(p);
  if (!scope) {
    if (raw)
      throw badRequest('The area is not known.', [
        { field: 'scope', message: 'Choose national, region:<region name> or force:<force code>' },
      ]);
    throw forbidden('Your agency has no force or region to show figures for.', 'own-agency');
  }
  const d = decideScope(p, scope);
  if (!d.allow) throw forbidden(d.reason, 'own-agency');
  return scope;
}

const onError = (ctx: AppContext) => (e: unknown) =>
  ctx.log.warn({ err: e }, 'performance measure source failed');

const FigureOut = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  suppressed: z.boolean(),
  missing: z.string().optional(),
});
const MeasureOut = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.string(),
  unit: z.string(),
  source: z.string(),
  publish: z.boolean(),
  available: z.boolean(),
  reason: z.string().optional(),
  figures: z.array(FigureOut),
  tables: z.array(z.unknown()),
  trend: z.unknown().nullable(),
  notes: z.array(z.string()),
});

export function performanceRoutes(app: FusionApp, ctx: AppContext, figures: FigureCache) {
  // ---- stats ----------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/stats/measures',
    {
      config: { access: 'performance.dashboard' },
      schema: {
        tags: TAGS.stats,
        summary: 'The measures: id, title, definition, unit, source and publication flag',
        response: {
          200: z.object({
            measures: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                definition: z.string(),
                unit: z.string(),
                source: z.string(),
                publish: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      measures: MEASURES.map((m) => ({
        id: m.id,
        title: m.title,
        definition: m.definition,
        unit: m.unit,
        source: SOURCE_LABELS[m.source],
        publish: m.publish,
      })),
    }),
  );

  const measureOut = (
    m: (typeof MEASURES)[number],
    r: Awaited<ReturnType<(typeof MEASURES)[number]['compute']>>,
    publication: boolean,
  ) => ({
    id: m.id,
    title: m.title,
    definition: m.definition,
    unit: m.unit,
    source: SOURCE_LABELS[m.source],
    publish: m.publish,
    available: r.available,
    reason: r.reason,
    figures: r.figures.map((f) => {
      const suppressed = figureSuppressed(f, publication && m.publish);
      return {
        key: f.key,
        label: f.label,
        value: suppressed ? null : f.value,
        unit: f.unit,
        suppressed,
        ...(f.missing ? { missing: f.missing } : {}),
      };
    }),
    tables: r.tables,
    trend: r.trend,
    notes: r.notes,
  });

  app.get(
    '/api/v1/stats/dashboard',
    {
      config: { access: 'performance.dashboard' },
      schema: {
        tags: TAGS.stats,
        summary: 'Every measure for the nation, a region or a force (last 12 months)',
        querystring: ScopeQuery,
        response: {
          200: z.object({
            scope: z.string(),
            label: z.string(),
            today: z.string(),
            period: z.object({ from: z.string(), to: z.string() }),
            measures: z.array(MeasureOut),
          }),
          400: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (req) => {
      const scope = resolveScope(req, req.query.scope);
      const publication = req.query.publication === 'yes';
      const { computed } = await figures.get(scopeKey(scope), async () =>
        computeAll(ctx.db, scope, await measureEnv(ctx.db, { onError: onError(ctx) })),
      );
      const { env, results } = computed;
      // Published tables are suppressed in the API too: the API is one more way to publish.
      return {
        scope: scopeKey(scope),
        label: scopeLabel(scope),
        today: env.today,
        period: env.period,
        measures: results.map(({ def, result }) => {
          const out = measureOut(def, result, publication);
          if (publication && def.publish) out.tables = [];
          return out;
        }),
      };
    },
  );

  app.get(
    '/api/v1/stats/measures/:id',
    {
      config: { access: 'performance.dashboard' },
      schema: {
        tags: TAGS.stats,
        summary: 'One measure for a scope',
        params: z.object({ id: z.string().max(60) }),
        querystring: ScopeQuery,
        response: { 200: MeasureOut, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => {
      const m = measureDef(req.params.id);
      if (!m) throw notFound('measure');
      const scope = resolveScope(req, req.query.scope);
      const r = await m.compute(ctx.db, scope, await measureEnv(ctx.db, { onError: onError(ctx) }));
      const out = measureOut(m, r, req.query.publication === 'yes');
      if (req.query.publication === 'yes' && m.publish) out.tables = [];
      return out;
    },
  );

  const SignalsOut = z.object({ force_code: z.string(), force_name: z.string() }).passthrough();
  app.get(
    '/api/v1/stats/governance',
    {
      config: { access: 'performance.dashboard' },
      schema: {
        tags: TAGS.stats,
        summary: 'Governance signals of the forces you may see',
        response: { 200: z.object({ forces: z.array(SignalsOut) }) },
      },
    },
    async (req) => {
      const rows = (await store.listSignals(ctx.db, null)).filter((r) =>
        decideAgency(req.principal!, r.force_code),
      );
      return { forces: rows.map((r) => ({ ...r, force_name: service.agencyName(r.force_code) })) };
    },
  );

  app.put(
    '/api/v1/stats/governance/:force',
    {
      config: { access: 'performance.governance.update' },
      schema: {
        tags: TAGS.stats,
        summary: "Record a force's governance signals (its MS lead or the MSOICU)",
        params: z.object({ force: z.string().max(60) }),
        body: SignalsInput,
        response: {
          200: z.object({ force: z.string(), version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => ({
      force: req.params.force,
      version: await service.saveSignals(ctx, req, req.params.force, req.body),
    }),
  );

  // ---- peer reviews ----------------------------------------------------------------------------------------
  app.get(
    '/api/v1/peer-reviews',
    {
      config: { access: 'performance.peer-reviews.read' },
      schema: {
        tags: TAGS.reviews,
        summary: 'Peer reviews of the forces and ROCUs you may see',
        response: {
          200: z.object({
            reviews: z.array(
              z.object({ id: z.string(), reference: z.string(), agency_code: z.string() }).passthrough(),
            ),
          }),
        },
      },
    },
    async (req) => ({
      reviews: (await store.listReviews(ctx.db, null)).filter((r) =>
        decideAgency(req.principal!, r.agency_code),
      ),
    }),
  );

  app.post(
    '/api/v1/peer-reviews',
    {
      config: { access: 'performance.peer-reviews.write' },
      schema: {
        tags: TAGS.reviews,
        summary: 'Record a peer review (MSOICU)',
        body: z.record(z.string(), z.unknown()),
        response: {
          201: z.object({ id: z.string(), reference: z.string() }),
          403: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createReview(ctx, req, req.body)),
  );

  app.get(
    '/api/v1/peer-reviews/:id',
    {
      config: { access: 'performance.peer-reviews.read' },
      schema: {
        tags: TAGS.reviews,
        summary: 'A peer review, its five areas, enhancement plan and progress',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            review: z.unknown(),
            areas: z.array(z.unknown()),
            items: z.array(z.unknown()),
            updates: z.array(z.unknown()),
          }),
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (req) => {
      await service.visibleReview(ctx, req.principal!, req.params.id);
      return (await store.reviewDetail(ctx.db, req.params.id))!;
    },
  );

  app.patch(
    '/api/v1/peer-reviews/:id',
    {
      config: { access: 'performance.peer-reviews.write' },
      schema: {
        tags: TAGS.reviews,
        summary: 'Change a peer review: status, dates (revisit), areas',
        params: z.object({ id: z.uuid() }),
        body: ReviewPatch,
        response: {
          200: z.object({ version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => ({ version: await service.updateReview(ctx, req, req.params.id, req.body) }),
  );

  app.post(
    '/api/v1/peer-reviews/:id/items',
    {
      config: { access: 'performance.peer-reviews.write' },
      schema: {
        tags: TAGS.reviews,
        summary: 'Add a recommendation to the enhancement plan',
        params: z.object({ id: z.uuid() }),
        body: ItemInput,
        response: {
          201: z.object({ id: z.string(), number: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addItem(ctx, req, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/peer-reviews/:id/items/:itemId/updates',
    {
      config: { access: 'performance.peer-reviews.progress' },
      schema: {
        tags: TAGS.reviews,
        summary: 'Record progress on a plan recommendation, with evidence',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: UpdateInput,
        response: {
          201: z.object({ version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ version: await service.addUpdate(ctx, req, req.params.id, req.params.itemId, req.body) }),
  );

  // ---- recommendations -------------------------------------------------------------------------------------
  const RecOut = z
    .object({
      id: z.string(),
      code: z.string(),
      deadline: z.string().nullable(),
      status: z.string(),
      overdue: z.boolean(),
    })
    .passthrough();
  app.get(
    '/api/v1/recommendations',
    {
      config: { access: 'performance.recommendations.read' },
      schema: {
        tags: TAGS.recs,
        summary:
          'The recommendations tracker (seeds 004, 002, 001, 003) with owner, deadline, status and evidence',
        querystring: z.object({
          source: z.enum(['004', '002', '001', '003']).optional(),
          status: z.enum(RECOMMENDATION_STATUSES).optional(),
          overdue: z.enum(['yes']).optional(),
        }),
        response: { 200: z.object({ today: z.string(), recommendations: z.array(RecOut) }) },
      },
    },
    async (req) => {
      const today = todayInUk();
      const rows = await store.listRecommendations(ctx.db, {
        source: req.query.source,
        status: req.query.status,
        overdueOn: req.query.overdue ? today : undefined,
      });
      return { today, recommendations: rows.map((r) => ({ ...r, overdue: isOverdue(r, today) })) };
    },
  );

  app.get(
    '/api/v1/recommendations/:id',
    {
      config: { access: 'performance.recommendations.read' },
      schema: {
        tags: TAGS.recs,
        summary: 'One recommendation (by id or code, e.g. 004-R2) and its history',
        params: z.object({ id: z.string().max(60) }),
        response: {
          200: z.object({ recommendation: RecOut, updates: z.array(z.unknown()) }),
          404: ErrorResponse,
        },
      },
    },
    async (req) => {
      const r = await store.getRecommendation(ctx.db, req.params.id);
      if (!r) throw notFound('recommendation');
      return {
        recommendation: { ...r, overdue: isOverdue(r, todayInUk()) },
        updates: await store.recommendationUpdates(ctx.db, r.id),
      };
    },
  );

  app.patch(
    '/api/v1/recommendations/:id',
    {
      config: { access: 'performance.recommendations.update' },
      schema: {
        tags: TAGS.recs,
        summary: 'Record the status of a recommendation, with evidence (its owners or the MSOICU)',
        params: z.object({ id: z.string().max(60) }),
        body: z.object({
          status: z.enum(RECOMMENDATION_STATUSES),
          evidence: z.string().trim().max(5000).default(''),
          recorded_on: IsoDate.optional(),
          version: z.number().int().positive().optional(),
        }),
        response: {
          200: z.object({ id: z.string(), code: z.string(), version: z.number() }),
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) => service.setRecommendationStatus(ctx, req, req.params.id, req.body),
  );

  // ---- training --------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/training/courses',
    {
      config: { access: 'performance.training.read' },
      schema: {
        tags: TAGS.training,
        summary: 'Courses whose completion is tracked (codes for the CSV import)',
        response: {
          200: z.object({ courses: z.array(z.object({ code: z.string(), name: z.string() }).passthrough()) }),
        },
      },
    },
    async () => ({ courses: (await store.listCourses(ctx.db)) as { code: string; name: string }[] }),
  );

  app.get(
    '/api/v1/training',
    {
      config: { access: 'performance.training.read' },
      schema: {
        tags: TAGS.training,
        summary: 'Latest completion per force and course, against the relevant headcount',
        querystring: z.object({
          course: z.string().max(60).optional(),
          scope: z.string().max(80).optional(),
        }),
        response: {
          200: z.object({
            rows: z.array(
              z.object({
                force_code: z.string(),
                course_code: z.string(),
                as_of: z.string(),
                completed: z.number(),
                relevant_headcount: z.number().nullable(),
                share: z.number().nullable(),
              }),
            ),
          }),
          400: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (req) => {
      const scope = resolveScope(req, req.query.scope);
      const rows = await store.latestCompletion(ctx.db, scopeForces(scope), req.query.course);
      return {
        rows: rows.map((r) => ({
          ...r,
          share: r.relevant_headcount ? r.completed / r.relevant_headcount : null,
        })),
      };
    },
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/training/imports',
      {
        config: { access: 'performance.training.import' },
        schema: {
          tags: TAGS.training,
          summary:
            'Import completion figures: a text/csv body with columns force, course, as_of, completed, relevant_headcount. Any problem rejects the whole file, with a per-row report',
          response: {
            201: z.object({
              id: z.string(),
              total: z.number(),
              imported: z.number(),
              errors: z.array(
                z.object({ row: z.number(), field: z.string(), value: z.string(), message: z.string() }),
              ),
            }),
            422: z.object({
              id: z.string(),
              total: z.number(),
              imported: z.number(),
              errors: z.array(
                z.object({ row: z.number(), field: z.string(), value: z.string(), message: z.string() }),
              ),
            }),
            400: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        if (typeof req.body !== 'string')
          throw badRequest('Send the CSV as the request body with Content-Type: text/csv.', [
            { field: 'body', message: 'Send a text/csv body' },
          ]);
        const name = String(req.headers['x-file-name'] ?? 'api-upload.csv');
        const r = await service.importTraining(
          ctx,
          { principal: req.principal, audit: actorFrom(req) },
          name,
          req.body,
        );
        return reply.status(r.errors.length ? 422 : 201).send(r);
      },
    );
  });
}
