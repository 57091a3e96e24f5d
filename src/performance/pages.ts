/** The performance pages: dashboards (with print view and CSV), governance signals, peer reviews, the recommendations tracker and training. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../kernel/access/principal.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, errorSummary, type FieldError, notFound } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { AGENCIES } from '../kernel/reference/agencies.js';
import { FORCES } from '../kernel/reference/forces.js';
import { lineChart } from './charts.js';
import { computeAll, type FigureCache, measureEnv, SOURCE_LABELS } from './measures.js';
import { addMonths, todayInUk } from './model/dates.js';
import {
  ANSWER_LABELS,
  ANSWERS,
  MEETING_FREQUENCIES,
  SIGNALS,
  signalCounts,
  SignalsInput,
  TEAM_LOCATIONS,
  teamLocationLabel,
} from './model/governance.js';
import {
  AREAS,
  areaLabel,
  isItemOverdue,
  isRevisitOverdue,
  ITEM_STATUSES,
  itemStatusLabel,
  ItemInput,
  RATINGS,
  ratingLabel,
  REVIEW_STATUSES,
  reviewStatusLabel,
  ReviewPatch,
  UpdateInput,
} from './model/peer-review.js';
import {
  isOverdue,
  mayUpdateRecommendation,
  RECOMMENDATION_STATUS_LABELS,
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
  SOURCE_TITLES,
} from './model/recommendations.js';
import {
  decideAgency,
  forceName,
  type Scope,
  scopeKey,
  scopeLabel,
  selectableScopes,
} from './model/scope.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { figuresCsvRows, present, tableCsvRows } from './present.js';
import { resolveScope } from './routes.js';
import * as service from './service.js';
import * as store from './store.js';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const CSS = fs.readFileSync(path.join(PUBLIC_DIR, 'performance.css'), 'utf8');

const str = (v: unknown) =>
  (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v)).trim();
const opt = (v: unknown) => str(v) || null;
const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const ver = (v: unknown) => (/^\d+$/.test(str(v)) ? Number(str(v)) : undefined);

function sendCsv(reply: FastifyReply, filename: string, rows: unknown[][]) {
  const safe = rows.map((r) =>
    r.map((c) => (typeof c === 'string' && /^[=+\-@\t\r]/.test(c) ? `'${c}` : (c ?? ''))),
  );
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, '-')}"`)
    .header('cache-control', 'no-store')
    .send(stringify(safe));
}

const zodFields = (e: z.ZodError): FieldError[] =>
  e.issues.map((i) => ({
    field: i.path.join('.') || 'body',
    message: i.message.startsWith('Invalid')
      ? `Check ${String(i.path[0] ?? 'the answer').replace(/_/g, ' ')}`
      : i.message,
  }));

/** Re-renders a form with its error summary when a write is refused for bad input (4xx stays a 4xx). */
async function withForm<T>(
  reply: FastifyReply,
  render: (errors: FieldError[]) => FastifyReply,
  fn: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && (e.status === 422 || e.status === 409)) {
      reply.status(e.status);
      return render(e.fields.length ? e.fields : [{ field: 'body', message: e.message }]);
    }
    throw e;
  }
}

const STATUS_COLOURS: Record<string, string> = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  superseded: 'purple',
  not_accepted: 'orange',
};

export function performancePages(app: FusionApp, ctx: AppContext, figures: FigureCache) {
  const onError = (e: unknown) => ctx.log.warn({ err: e }, 'performance measure source failed');

  app.get(
    '/performance/assets/performance.css',
    { config: { access: 'kernel.public' }, schema: { hide: true } },
    async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );

  // ---- dashboards --------------------------------------------------------------------------------------------
  const DashQuery = z.object({
    scope: z.string().max(80).optional(),
    publication: z.union([z.string(), z.array(z.string())]).optional(),
    table: z.string().max(120).optional(),
  });

  async function dashboard(req: FastifyRequest, q: z.infer<typeof DashQuery>) {
    const scope = resolveScope(req, q.scope);
    const publication = [q.publication].flat().includes('yes');
    const { computed, at } = await figures.get(scopeKey(scope), async () =>
      computeAll(ctx.db, scope, await measureEnv(ctx.db, { onError })),
    );
    const { env, results } = computed;
    const views = results.map(({ def, result }) =>
      present(def, result, { publication, sourceLabel: SOURCE_LABELS[def.source] }),
    );
    const query = new URLSearchParams({
      scope: scopeKey(scope),
      ...(publication ? { publication: 'yes' } : {}),
    }).toString();
    return { scope, publication, env, views, query, at };
  }

  function scopeGroups(p: Principal) {
    const all = selectableScopes(p);
    const group = (label: string, level: Scope['level']) => ({
      label,
      options: all.filter((s) => s.level === level).map((s) => ({ value: scopeKey(s), text: scopeLabel(s) })),
    });
    return [group('The nation', 'national'), group('Regions', 'region'), group('Forces', 'force')].filter(
      (g) => g.options.length,
    );
  }

  const renderDashboard = async (req: FastifyRequest, reply: FastifyReply, printView: boolean) => {
    const d = await dashboard(req, req.query as z.infer<typeof DashQuery>);
    return reply.page('performance/views/dashboard.njk', {
      title: `Performance: ${scopeLabel(d.scope)}`,
      section: 'dashboard',
      printView,
      scopeLabel: scopeLabel(d.scope),
      scopeValue: scopeKey(d.scope),
      scopeGroups: scopeGroups(req.principal!),
      publication: d.publication,
      period: d.env.period,
      today: d.env.today,
      measures: d.views,
      query: d.query,
      computedAt: d.at,
    });
  };

  app.get(
    '/performance',
    {
      config: { access: 'performance.dashboard', page: true },
      schema: { hide: true, querystring: DashQuery },
    },
    (req, reply) => renderDashboard(req, reply, false),
  );
  app.get(
    '/performance/print',
    {
      config: { access: 'performance.dashboard', page: true },
      schema: { hide: true, querystring: DashQuery },
    },
    (req, reply) => renderDashboard(req, reply, true),
  );

  app.get(
    '/performance/dashboard.csv',
    { config: { access: 'performance.dashboard' }, schema: { hide: true, querystring: DashQuery } },
    async (req, reply) => {
      const d = await dashboard(req, req.query);
      const slug = scopeKey(d.scope)
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase();
      if (!req.query.table)
        return sendCsv(
          reply,
          `performance-${slug}.csv`,
          figuresCsvRows(d.views, scopeLabel(d.scope), d.env.period),
        );
      const [measureId, tableId] = req.query.table.split(':');
      const view = d.views.find((v) => v.id === measureId);
      const table =
        view && [...view.tables, ...(view.trend ? [view.trend.table] : [])].find((t) => t.id === tableId);
      if (!view || !table) throw notFound('table');
      return sendCsv(
        reply,
        `performance-${slug}-${table.id}.csv`,
        tableCsvRows(`${view.title} (${scopeLabel(d.scope)})`, table),
      );
    },
  );

  // ---- governance signals ------------------------------------------------------------------------------------
  app.get(
    '/performance/governance',
    {
      config: { access: 'performance.dashboard', page: true },
      schema: {
        hide: true,
        querystring: z.object({ format: z.enum(['csv']).optional(), table: z.enum(['counts']).optional() }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const rows = (await store.listSignals(ctx.db, null)).filter((r) => decideAgency(p, r.force_code));
      const order = new Map(FORCES.map((f, i) => [f.code, i]));
      rows.sort((a, b) => (order.get(a.force_code) ?? 99) - (order.get(b.force_code) ?? 99));
      const counts = signalCounts(rows);
      if (req.query.format === 'csv' && req.query.table === 'counts') {
        return sendCsv(reply, 'governance-signal-counts.csv', [
          ['Signal', 'Forces', 'Yes', 'No', 'Unsure', 'Yes (%)', 'Seed 002 yes (%)'],
          ...counts.map((c) => [
            c.label,
            c.forces,
            c.yes,
            c.no,
            c.unsure,
            c.yesPercent ?? '',
            c.seedPercent ?? '',
          ]),
        ]);
      }
      if (req.query.format === 'csv') {
        return sendCsv(reply, 'governance-signals.csv', [
          [
            'Force',
            'MSHT in control strategy',
            'OIC in control strategy',
            'Governance meetings',
            'Meeting frequency',
            'Performance measures',
            'Dedicated team',
            'Where the team sits',
            'As of',
          ],
          ...rows.map((r) => [
            forceName(r.force_code),
            r.msht_in_control_strategy,
            r.oic_in_control_strategy,
            r.governance_meetings,
            r.meeting_frequency ?? '',
            r.performance_measures,
            r.dedicated_team,
            teamLocationLabel(r.team_location),
            r.as_of,
          ]),
        ]);
      }
      const have = new Set(rows.map((r) => r.force_code));
      return reply.page('performance/views/governance.njk', {
        title: 'Governance signals',
        section: 'governance',
        counts,
        answerLabels: ANSWER_LABELS,
        rows: rows.map((r) => ({
          ...r,
          force_name: forceName(r.force_code),
          team_location_label: teamLocationLabel(r.team_location),
          canEdit: service.mayEditSignals(p, r.force_code),
        })),
        missing: FORCES.filter((f) => !have.has(f.code) && decideAgency(p, f.code)).map((f) => ({
          code: f.code,
          name: f.name,
          canEdit: service.mayEditSignals(p, f.code),
        })),
      });
    },
  );

  const signalForm = (
    reply: FastifyReply,
    force: string,
    values: Record<string, unknown>,
    errors: FieldError[] = [],
  ) =>
    reply.page('performance/views/governance-edit.njk', {
      title: `Governance signals: ${forceName(force)}`,
      section: 'governance',
      forceLabel: forceName(force),
      signals: SIGNALS,
      answerItems: ANSWERS.map((a) => ({ value: a, text: ANSWER_LABELS[a] })),
      frequencyItems: [{ value: '', text: 'Not applicable' }, ...MEETING_FREQUENCIES],
      locationItems: [{ value: '', text: 'Not applicable' }, ...TEAM_LOCATIONS],
      values,
      errors: errorSummary(errors),
      fieldErrors: errorMap(errors),
    });

  app.get(
    '/performance/governance/:force/edit',
    {
      config: { access: 'performance.governance.update', page: true },
      schema: { hide: true, params: z.object({ force: z.string().max(60) }) },
    },
    async (req, reply) => {
      const force = req.params.force;
      if (!FORCES.some((f) => f.code === force)) throw notFound('force');
      if (!service.mayEditSignals(req.principal!, force))
        throw new AppError(
          403,
          'forbidden',
          "Only the force's own MS lead, or the MSOICU, records its governance signals.",
          [],
          'own-agency',
        );
      const cur = await store.getSignals(ctx.db, force);
      return signalForm(reply, force, cur ?? { as_of: todayInUk() });
    },
  );

  app.post(
    '/performance/governance/:force/edit',
    {
      config: { access: 'performance.governance.update', page: true },
      schema: { hide: true, params: z.object({ force: z.string().max(60) }) },
    },
    async (req, reply) => {
      const force = req.params.force;
      const b = body(req);
      const raw = {
        ...Object.fromEntries(Object.entries(b).map(([k, v]) => [k, str(v)])),
        meeting_frequency: opt(b.meeting_frequency),
        team_location: opt(b.team_location),
        version: ver(b.version),
      };
      const parsed = SignalsInput.safeParse(raw);
      if (!parsed.success) {
        reply.status(422);
        return signalForm(reply, force, raw, zodFields(parsed.error));
      }
      return withForm(
        reply,
        (errors) => signalForm(reply, force, raw, errors),
        async () => {
          await service.saveSignals(ctx, req, force, parsed.data);
          return reply.redirect('/performance/governance', 303);
        },
      );
    },
  );

  // ---- peer reviews ------------------------------------------------------------------------------------------
  app.get(
    '/performance/peer-reviews',
    {
      config: { access: 'performance.peer-reviews.read', page: true },
      schema: { hide: true, querystring: z.object({ format: z.enum(['csv']).optional() }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const today = todayInUk();
      const reviews = (await store.listReviews(ctx.db, null))
        .filter((r) => decideAgency(p, r.agency_code))
        .map((r) => ({
          ...r,
          statusLabel: reviewStatusLabel(r.status),
          revisitOverdue: isRevisitOverdue(r, today),
        }));
      if (req.query.format === 'csv') {
        return sendCsv(reply, 'peer-reviews.csv', [
          [
            'Reference',
            'Force or ROCU',
            'Fieldwork',
            'Reported',
            'Status',
            'Plan items',
            'Done',
            'Overdue',
            'Revisit due',
            'Revisited',
          ],
          ...reviews.map((r) => [
            r.reference,
            r.agency_name,
            r.fieldwork_on,
            r.reported_on ?? '',
            r.statusLabel,
            r.items,
            r.items_done,
            r.items_overdue,
            r.revisit_due_on ?? '',
            r.revisited_on ?? '',
          ]),
        ]);
      }
      return reply.page('performance/views/peer-reviews.njk', {
        title: 'Peer reviews',
        section: 'peer-reviews',
        reviews,
        canCreate: service.mayEditReview(p),
      });
    },
  );

  const agencyItems = [
    { value: '', text: 'Select a force or ROCU' },
    ...AGENCIES.filter((a) => a.type === 'police_force' || a.type === 'rocu').map((a) => ({
      value: a.code,
      text: a.name,
    })),
  ];
  const areaFields = (values: Record<string, unknown>) =>
    AREAS.map((a) => ({
      ...a,
      ratingItems: [{ value: '', text: 'Not rated' }, ...RATINGS].map((r) => ({
        ...r,
        selected: (values[`rating_${a.value}`] ?? '') === r.value,
      })),
    }));
  const reviewForm = (
    reply: FastifyReply,
    opts: { isNew: boolean; values: Record<string, unknown>; errors?: FieldError[]; title: string },
  ) =>
    reply.page('performance/views/peer-review-form.njk', {
      title: opts.title,
      section: 'peer-reviews',
      isNew: opts.isNew,
      agencyItems,
      statusItems: REVIEW_STATUSES.map((s) => ({ value: s.value, text: s.text })),
      areas: areaFields(opts.values),
      values: opts.values,
      errors: errorSummary(opts.errors ?? []),
      fieldErrors: errorMap(opts.errors ?? []),
    });
  const areasFrom = (b: Record<string, unknown>) =>
    AREAS.map((a) => ({
      area: a.value,
      rating: opt(b[`rating_${a.value}`]),
      findings: str(b[`findings_${a.value}`]),
      good_practice: str(b[`good_practice_${a.value}`]),
    }));
  const guard = (p: Principal) => {
    if (!service.mayEditReview(p))
      throw new AppError(
        403,
        'forbidden',
        'Only MS leads of the MSOICU record and edit peer reviews.',
        [],
        'own-agency',
      );
  };

  app.get(
    '/performance/peer-reviews/new',
    { config: { access: 'performance.peer-reviews.write', page: true }, schema: { hide: true } },
    async (req, reply) => {
      guard(req.principal!);
      return reviewForm(reply, {
        isNew: true,
        title: 'Record a peer review',
        values: { lead_reviewer: req.principal!.name },
      });
    },
  );

  app.post(
    '/performance/peer-reviews/new',
    { config: { access: 'performance.peer-reviews.write', page: true }, schema: { hide: true } },
    async (req, reply) => {
      guard(req.principal!);
      const b = body(req);
      const values = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, str(v)]));
      const input = {
        agency_code: str(b.agency_code),
        fieldwork_on: str(b.fieldwork_on),
        reported_on: opt(b.reported_on),
        revisit_due_on: opt(b.revisit_due_on),
        lead_reviewer: str(b.lead_reviewer),
        summary: str(b.summary),
        areas: areasFrom(b),
      };
      return withForm(
        reply,
        (errors) =>
          reviewForm(reply, {
            isNew: true,
            title: 'Record a peer review',
            values,
            errors: errors.map((e) =>
              e.field === 'fieldwork_on' && /Invalid|date/i.test(e.message)
                ? { field: 'fieldwork_on', message: 'Enter the date of the fieldwork' }
                : e,
            ),
          }),
        async () => {
          const r = await service.createReview(ctx, req, input);
          return reply.redirect(`/performance/peer-reviews/${r.id}`, 303);
        },
      );
    },
  );

  app.get(
    '/performance/peer-reviews/:id',
    {
      config: { access: 'performance.peer-reviews.read', page: true },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ format: z.enum(['csv']).optional() }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      await service.visibleReview(ctx, p, req.params.id);
      const d = (await store.reviewDetail(ctx.db, req.params.id))!;
      const today = todayInUk();
      const items = d.items.map((i: any) => ({
        ...i,
        areaLabel: areaLabel(i.area),
        statusLabel: itemStatusLabel(i.status),
        colour: STATUS_COLOURS[i.status] ?? 'grey',
        overdue: isItemOverdue(i, today),
      }));
      if (req.query.format === 'csv') {
        return sendCsv(reply, `${d.review.reference}-enhancement-plan.csv`, [
          ['Number', 'Area', 'Recommendation', 'Owner', 'Due', 'Status', 'Overdue', 'Completed'],
          ...items.map((i) => [
            i.number,
            i.areaLabel,
            i.text,
            i.owner,
            i.due_on,
            i.statusLabel,
            i.overdue ? 'yes' : 'no',
            i.completed_on ?? '',
          ]),
        ]);
      }
      const byArea = new Map(d.areas.map((a: any) => [a.area, a]));
      const numberOf = new Map(items.map((i) => [i.id, i.number]));
      return reply.page('performance/views/peer-review.njk', {
        title: `Peer review ${d.review.reference}`,
        section: 'peer-reviews',
        review: d.review,
        statusLabel: reviewStatusLabel(d.review.status),
        revisitOverdue: isRevisitOverdue(d.review, today),
        areas: AREAS.map((a) => {
          const x = byArea.get(a.value) as any;
          return {
            label: a.text,
            ratingLabel: ratingLabel(x?.rating ?? null),
            findings: x?.findings ?? '',
            good_practice: x?.good_practice ?? '',
          };
        }),
        items,
        doneCount: items.filter((i) => i.status === 'done').length,
        updates: d.updates.map((u: any) => ({
          ...u,
          statusLabel: itemStatusLabel(u.status),
          itemNumber: numberOf.get(u.item_id),
          agencyName: service.agencyName(u.recorded_by_agency),
        })),
        canEdit: service.mayEditReview(p),
      });
    },
  );

  app.get(
    '/performance/peer-reviews/:id/edit',
    {
      config: { access: 'performance.peer-reviews.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      guard(req.principal!);
      await service.visibleReview(ctx, req.principal!, req.params.id);
      const d = (await store.reviewDetail(ctx.db, req.params.id))!;
      const values: Record<string, unknown> = { ...d.review };
      for (const a of d.areas as any[]) {
        values[`rating_${a.area}`] = a.rating ?? '';
        values[`findings_${a.area}`] = a.findings;
        values[`good_practice_${a.area}`] = a.good_practice;
      }
      return reviewForm(reply, { isNew: false, title: `Change peer review ${d.review.reference}`, values });
    },
  );

  app.post(
    '/performance/peer-reviews/:id/edit',
    {
      config: { access: 'performance.peer-reviews.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      guard(req.principal!);
      const b = body(req);
      const values = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, str(v)]));
      const title = 'Change the peer review';
      const patch = ReviewPatch.safeParse({
        status: str(b.status) || undefined,
        reported_on: opt(b.reported_on),
        revisit_due_on: opt(b.revisit_due_on),
        revisited_on: opt(b.revisited_on),
        lead_reviewer: str(b.lead_reviewer) || undefined,
        summary: str(b.summary),
        areas: areasFrom(b),
        version: ver(b.version),
      });
      if (!patch.success) {
        reply.status(422);
        return reviewForm(reply, { isNew: false, title, values, errors: zodFields(patch.error) });
      }
      return withForm(
        reply,
        (errors) => reviewForm(reply, { isNew: false, title, values, errors }),
        async () => {
          await service.updateReview(ctx, req, req.params.id, patch.data);
          return reply.redirect(`/performance/peer-reviews/${req.params.id}`, 303);
        },
      );
    },
  );

  const itemForm = (
    reply: FastifyReply,
    review: unknown,
    values: Record<string, unknown>,
    errors: FieldError[] = [],
  ) =>
    reply.page('performance/views/item-form.njk', {
      title: 'Add a recommendation',
      section: 'peer-reviews',
      review,
      areaItems: [{ value: '', text: 'Select the area' }, ...AREAS],
      values,
      errors: errorSummary(errors),
      fieldErrors: errorMap(errors),
    });

  app.get(
    '/performance/peer-reviews/:id/items/new',
    {
      config: { access: 'performance.peer-reviews.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      guard(req.principal!);
      const review = await service.visibleReview(ctx, req.principal!, req.params.id);
      return itemForm(reply, review, { due_on: addMonths(todayInUk(), 6) });
    },
  );

  app.post(
    '/performance/peer-reviews/:id/items/new',
    {
      config: { access: 'performance.peer-reviews.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      guard(req.principal!);
      const review = await service.visibleReview(ctx, req.principal!, req.params.id);
      const b = body(req);
      const values = { area: str(b.area), text: str(b.text), owner: str(b.owner), due_on: str(b.due_on) };
      const parsed = ItemInput.safeParse(values);
      if (!parsed.success) {
        reply.status(422);
        return itemForm(
          reply,
          review,
          values,
          zodFields(parsed.error).map((e) =>
            e.field === 'area'
              ? { ...e, message: 'Select the area' }
              : e.field === 'due_on'
                ? { ...e, message: 'Enter the due date' }
                : e,
          ),
        );
      }
      await service.addItem(ctx, req, req.params.id, parsed.data);
      return reply.redirect(`/performance/peer-reviews/${req.params.id}#plan`, 303);
    },
  );

  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors: FieldError[] = [],
    status = 200,
  ): Promise<FastifyReply> => {
    const p = req.principal!;
    const params = req.params as { id: string; itemId: string };
    const review = await service.visibleReview(ctx, p, params.id);
    const item = await store.getItem(ctx.db, params.id, params.itemId);
    if (!item) throw notFound('recommendation');
    const d = (await store.reviewDetail(ctx.db, params.id))!;
    const today = todayInUk();
    return reply.status(status).page('performance/views/item.njk', {
      title: `Recommendation ${item.number}: ${review.reference}`,
      section: 'peer-reviews',
      review,
      item,
      areaLabel: areaLabel(item.area),
      statusLabel: itemStatusLabel(item.status),
      overdue: isItemOverdue(item, today),
      updates: d.updates
        .filter((u: any) => u.item_id === item.id)
        .map((u: any) => ({ ...u, statusLabel: itemStatusLabel(u.status) })),
      canProgress: service.mayRecordProgress(p, review),
      statusItems: ITEM_STATUSES.map((s) => ({ value: s.value, text: s.text })),
      today,
      values,
      errors: errorSummary(errors),
      fieldErrors: errorMap(errors),
    });
  };

  app.get(
    '/performance/peer-reviews/:id/items/:itemId',
    {
      config: { access: 'performance.peer-reviews.read', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid(), itemId: z.uuid() }) },
    },
    (req, reply) => itemPage(req, reply),
  );

  app.post(
    '/performance/peer-reviews/:id/items/:itemId',
    {
      config: { access: 'performance.peer-reviews.progress', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid(), itemId: z.uuid() }) },
    },
    async (req, reply) => {
      const b = body(req);
      const values = {
        status: str(b.status),
        note: str(b.note),
        evidence: str(b.evidence),
        recorded_on: str(b.recorded_on),
        version: ver(b.version),
      };
      const parsed = UpdateInput.safeParse(values);
      if (!parsed.success)
        return itemPage(
          req,
          reply,
          values,
          zodFields(parsed.error).map((e) =>
            e.field === 'status'
              ? { ...e, message: 'Select the status now' }
              : e.field === 'recorded_on'
                ? { ...e, message: 'Enter the date of the update' }
                : e,
          ),
          422,
        );
      try {
        await service.addUpdate(ctx, req, req.params.id, req.params.itemId, parsed.data);
      } catch (e) {
        if (e instanceof AppError && (e.status === 422 || e.status === 409))
          return itemPage(
            req,
            reply,
            values,
            e.fields.length ? e.fields : [{ field: 'note', message: e.message }],
            e.status,
          );
        throw e;
      }
      return reply.redirect(`/performance/peer-reviews/${req.params.id}/items/${req.params.itemId}`, 303);
    },
  );

  // ---- recommendations ---------------------------------------------------------------------------------------
  const RecQuery = z.object({
    source: z.string().max(10).optional(),
    status: z.string().max(20).optional(),
    overdue: z.string().max(5).optional(),
    format: z.enum(['csv']).optional(),
  });
  app.get(
    '/performance/recommendations',
    {
      config: { access: 'performance.recommendations.read', page: true },
      schema: { hide: true, querystring: RecQuery },
    },
    async (req, reply) => {
      const today = todayInUk();
      const source = req.query.source && SOURCE_TITLES[req.query.source] ? req.query.source : undefined;
      const status = (RECOMMENDATION_STATUSES as readonly string[]).includes(req.query.status ?? '')
        ? (req.query.status as RecommendationStatus)
        : undefined;
      const overdue = req.query.overdue === 'yes';
      const rows = (
        await store.listRecommendations(ctx.db, { source, status, overdueOn: overdue ? today : undefined })
      ).map((r) => ({
        ...r,
        overdue: isOverdue(r, today),
        statusLabel: RECOMMENDATION_STATUS_LABELS[r.status as RecommendationStatus],
        colour: STATUS_COLOURS[r.status] ?? 'grey',
        short: r.text.length > 220 ? `${r.text.slice(0, 217)}...` : r.text,
      }));
      if (req.query.format === 'csv') {
        return sendCsv(reply, 'recommendations.csv', [
          [
            'Code',
            'Source',
            'Theme',
            'Recommendation',
            'Owner',
            'Deadline',
            'Status',
            'Overdue',
            'Evidence',
            'Status date',
          ],
          ...rows.map((r) => [
            r.code,
            r.source_title,
            r.theme,
            r.text,
            r.owner ?? '',
            r.deadline ?? '',
            r.statusLabel,
            r.overdue ? 'yes' : 'no',
            r.evidence,
            r.status_on ?? '',
          ]),
        ]);
      }
      const query = new URLSearchParams({
        ...(source ? { source } : {}),
        ...(status ? { status } : {}),
        ...(overdue ? { overdue: 'yes' } : {}),
      }).toString();
      return reply.page('performance/views/recommendations.njk', {
        title: 'Recommendations tracker',
        section: 'recommendations',
        today,
        rows,
        overdueCount: rows.filter((r) => r.overdue).length,
        filter: { source, status, overdue },
        query,
        sourceItems: [
          { value: '', text: 'All sources' },
          ...Object.entries(SOURCE_TITLES).map(([value, text]) => ({ value, text: `${value}: ${text}` })),
        ],
        statusItems: [
          { value: '', text: 'Any status' },
          ...RECOMMENDATION_STATUSES.map((s) => ({ value: s, text: RECOMMENDATION_STATUS_LABELS[s] })),
        ],
      });
    },
  );

  const recPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors: FieldError[] = [],
    status = 200,
  ): Promise<FastifyReply> => {
    const rec = await store.getRecommendation(ctx.db, (req.params as { id: string }).id);
    if (!rec) throw notFound('recommendation');
    const updates = await store.recommendationUpdates(ctx.db, rec.id);
    return reply.status(status).page('performance/views/recommendation.njk', {
      title: `Recommendation ${rec.code}`,
      section: 'recommendations',
      rec,
      overdue: isOverdue(rec, todayInUk()),
      statusLabel: RECOMMENDATION_STATUS_LABELS[rec.status as RecommendationStatus],
      updates: updates.map((u: any) => ({
        ...u,
        statusLabel: RECOMMENDATION_STATUS_LABELS[u.status as RecommendationStatus] ?? u.status,
      })),
      canUpdate: mayUpdateRecommendation(req.principal!, rec).allow,
      statusItems: RECOMMENDATION_STATUSES.map((s) => ({ value: s, text: RECOMMENDATION_STATUS_LABELS[s] })),
      values,
      errors: errorSummary(errors),
      fieldErrors: errorMap(errors),
    });
  };

  app.get(
    '/performance/recommendations/:id',
    {
      config: { access: 'performance.recommendations.read', page: true },
      schema: { hide: true, params: z.object({ id: z.string().max(60) }) },
    },
    (req, reply) => recPage(req, reply),
  );

  app.post(
    '/performance/recommendations/:id',
    {
      config: { access: 'performance.recommendations.update', page: true },
      schema: { hide: true, params: z.object({ id: z.string().max(60) }) },
    },
    async (req, reply) => {
      const b = body(req);
      const values = { status: str(b.status), evidence: str(b.evidence) };
      if (!(RECOMMENDATION_STATUSES as readonly string[]).includes(values.status))
        return recPage(req, reply, values, [{ field: 'status', message: 'Select the status' }], 422);
      try {
        const r = await service.setRecommendationStatus(ctx, req, req.params.id, {
          status: values.status as RecommendationStatus,
          evidence: values.evidence,
          version: ver(b.version),
        });
        return reply.redirect(`/performance/recommendations/${r.code}`, 303);
      } catch (e) {
        if (e instanceof AppError && (e.status === 422 || e.status === 409))
          return recPage(
            req,
            reply,
            values,
            e.fields.length ? e.fields : [{ field: 'status', message: e.message }],
            e.status,
          );
        throw e;
      }
    },
  );

  // ---- training ----------------------------------------------------------------------------------------------
  app.get(
    '/performance/training',
    {
      config: { access: 'performance.training.read', page: true },
      schema: {
        hide: true,
        querystring: z.object({ course: z.string().max(60).optional(), format: z.enum(['csv']).optional() }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const courses = await store.listCourses(ctx.db);
      const course =
        courses.find((c) => c.code === req.query.course) ??
        courses.find((c) => c.code === 'oic-elearning') ??
        courses[0];
      if (!course) throw notFound('course');
      // Figures for the forces the user may see: all for national agencies, else own force and region.
      const visible = FORCES.map((f) => f.code).filter((f) => decideAgency(p, f));
      const rows = (await store.latestCompletion(ctx.db, visible, course.code)).map((r) => ({
        ...r,
        force_name: forceName(r.force_code),
        shareText: r.relevant_headcount
          ? `${((r.completed / r.relevant_headcount) * 100).toFixed(1)}%`
          : 'Not known',
      }));
      if (req.query.format === 'csv') {
        return sendCsv(reply, `training-${course.code}.csv`, [
          ['Force', 'Course', 'Completed', 'Relevant headcount', 'Completed (%)', 'As of'],
          ...rows.map((r) => [
            r.force_name,
            course.code,
            r.completed,
            r.relevant_headcount ?? '',
            r.shareText,
            r.as_of,
          ]),
        ]);
      }
      const completed = rows.reduce((s, r) => s + r.completed, 0);
      const headcount = rows.reduce((s, r) => s + (r.relevant_headcount ?? 0), 0);
      const series = await store.completionSeries(ctx.db, visible, course.code);
      const chart = series.length
        ? lineChart({
            id: 'training-trend',
            title: `${course.name}: completions over time`,
            description: 'Total completed on each reporting date across the forces shown.',
            categories: series.map((s) => s.as_of),
            series: [
              { name: 'Completed', values: series.map((s) => s.completed) },
              { name: 'Relevant headcount', values: series.map((s) => s.headcount) },
            ],
          })
        : null;
      return reply.page('performance/views/training.njk', {
        title: 'Training completion',
        section: 'training',
        course,
        courses,
        courseItems: courses.map((c) => ({ value: c.code, text: c.name })),
        rows,
        totals: {
          completed,
          headcount,
          share: headcount ? `${((completed / headcount) * 100).toFixed(1)}%` : 'not known',
        },
        chart,
        canImport: service.importableForces(p) === null || (service.importableForces(p)?.size ?? 0) > 0,
      });
    },
  );

  const importPage = (reply: FastifyReply, p: Principal, result: unknown = null, errors: FieldError[] = []) =>
    reply.page('performance/views/training-import.njk', {
      title: 'Import training completion',
      section: 'training',
      result,
      ownForceOnly: service.importableForces(p) !== null,
      errors: errorSummary(errors),
      fieldErrors: errorMap(errors),
    });

  app.get(
    '/performance/training/import',
    { config: { access: 'performance.training.import', page: true }, schema: { hide: true } },
    async (req, reply) => importPage(reply, req.principal!),
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (req, raw, done) => {
        const boundary = boundaryOf(req.headers['content-type']);
        if (!boundary)
          return done(new AppError(400, 'invalid_input', 'The upload is not a valid form.'), undefined);
        const parsed = parseMultipart(raw as Buffer, boundary);
        done(null, { ...parsed.fields, __files: parsed.files });
      },
    );
    scope.post(
      '/performance/training/import',
      { config: { access: 'performance.training.import', page: true }, schema: { hide: true } },
      async (req, reply) => {
        const b = body(req);
        const file = ((b.__files ?? []) as { field: string; filename: string; content: string }[]).find(
          (f) => f.field === 'file',
        );
        if (!file || !file.filename || !file.content.trim()) {
          reply.status(400);
          return importPage(reply, req.principal!, null, [{ field: 'file', message: 'Select a CSV file' }]);
        }
        const result = await service.importTraining(
          ctx,
          { principal: req.principal, audit: actorFrom(req) },
          file.filename,
          file.content,
        );
        reply.status(result.errors.length ? 422 : 200);
        return importPage(reply, req.principal!, result);
      },
    );
  });

  app.get(
    '/performance/training/imports/:id',
    {
      config: { access: 'performance.training.import', page: true },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ format: z.enum(['csv']).optional() }),
      },
    },
    async (req, reply) => {
      const imp = await store.getImport(ctx.db, req.params.id);
      if (
        !imp ||
        (imp.agency_code !== req.principal!.agencyCode && service.importableForces(req.principal!) !== null)
      )
        throw notFound('import');
      const errors = (await store.importErrors(ctx.db, imp.id)).map((e: any) => ({
        row: e.row_no,
        field: e.field,
        value: e.value,
        message: e.message,
      }));
      if (req.query.format === 'csv')
        return sendCsv(reply, `training-import-${imp.id.slice(0, 8)}-problems.csv`, [
          ['row', 'column', 'value', 'problem'],
          ...errors.map((e) => [e.row, e.field, e.value, e.message]),
        ]);
      return importPage(reply, req.principal!, {
        id: imp.id,
        total: imp.rows_total,
        imported: imp.rows_imported,
        errors,
      });
    },
  );
}
