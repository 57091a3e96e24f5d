import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { notFound, validationFailed } from '../kernel/errors.js';
import { ErrorResponse, IsoDate } from '../kernel/http/schemas.js';
import { actorFrom } from '../kernel/http/server.js';
import { redact } from '../kernel/access/policy.js';
import * as S from './api-schemas.js';
import { COMPETENT_AUTHORITY, referralMeta } from './access.js';
import { exploitationTypes, goldenHourSteps, indicatorGroups } from './catalogue.js';
import { detailJson, iso, loadReferralDetail, summaryJson } from './detail.js';
import { backlog, defaultPeriod, operationalTables, type Period, referralMeasures, rgTimeliness, statisticsTables } from './measures.js';
import { isIsoDate, todayInUk } from './model/dates.js';
import { type Answers, isDtn, mergePage, outcomeOf, scrubIdentity } from './model/journey.js';
import { csvRows, forDisplay } from './model/statistics.js';
import * as svc from './service.js';
import {
  createDraft,
  currentNotices,
  decisionQueue,
  deleteDraft,
  getDraft,
  getSample,
  listDrafts,
  listReferrals,
  listSamples,
  missingEpisodesForReview,
  saveDraft,
  unacknowledgedNotices,
  victimsFor,
} from './store.js';
import { listCasesWithFlags, loadSupportCase, supportReport } from './support-detail.js';

const TAG = ['referrals'];
const caller = (req: FastifyRequest): svc.Caller => ({ principal: req.principal!, actor: actorFrom(req) });
const Id = z.object({ id: z.uuid() });
const Loose = z.record(z.string(), z.unknown());
const draftUrl = (id: string) => `/referrals/drafts/${id}/person`;

export function draftJson(d: { id: string; answers: Answers; lastStep: string | null; updatedAt: Date }) {
  return { id: d.id, answers: d.answers as Record<string, unknown>, lastStep: d.lastStep, outcome: outcomeOf(d.answers), updatedAt: d.updatedAt.toISOString(), url: draftUrl(d.id) };
}

export function csv(reply: FastifyReply, name: string, rows: unknown[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(stringify(rows as string[][]));
}

/** Period from query parameters, defaulting to the last 12 months; bad dates are a 400 with the field. */
export function periodFrom(q: { from?: string; to?: string; forceArea?: string }): Period {
  const today = todayInUk();
  const d = defaultPeriod(today);
  const from = q.from ?? d.from;
  const to = q.to ?? d.to;
  if (!isIsoDate(from)) throw validationFailed([{ field: 'from', message: 'The start date must be a real date' }]);
  if (!isIsoDate(to)) throw validationFailed([{ field: 'to', message: 'The end date must be a real date' }]);
  if (from > to) throw validationFailed([{ field: 'from', message: 'The start date must be on or before the end date' }]);
  return { from, to, forceArea: q.forceArea || undefined };
}

export async function allStatistics(ctx: AppContext, p: Period, suppress: boolean) {
  const today = todayInUk();
  const [tablesOut, b, tl] = await Promise.all([statisticsTables(ctx.db, p), backlog(ctx.db, today, p.forceArea), rgTimeliness(ctx.db, p, today)]);
  return { tables: [...tablesOut, ...operationalTables(b, tl)].map((t) => forDisplay(t, { suppress })), backlog: b, timeliness: tl };
}

export async function referralRoutes(app: FusionApp, ctx: AppContext) {
  // --- referrals ----------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals',
    {
      config: { access: 'referrals.read' },
      schema: {
        tags: TAG,
        summary: 'Referrals and Duty to Notify records made by or shared with your organisation',
        querystring: z.object({
          status: z.string().max(200).optional().describe('Comma-separated statuses'),
          kind: z.enum(['nrm', 'dtn']).optional(),
          ageGroup: z.enum(['adult', 'child']).optional(),
          reference: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
          format: z.enum(['json', 'csv']).optional(),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(S.ReferralSummary) }) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const { rows, total } = await listReferrals(ctx.db, {
        visibleTo: req.principal!.agencyCode,
        status: q.status ? q.status.split(',') : undefined,
        kind: q.kind,
        ageGroup: q.ageGroup,
        reference: q.reference,
        limit: q.format === 'csv' ? 5000 : q.limit,
        offset: q.offset,
      });
      const victims = await victimsFor(
        ctx.db,
        rows.map((r) => r.id),
      );
      if (victims.size) await ctx.audit.record(actorFrom(req), { action: 'referrals.list', entityKind: 'referral', purpose: 'referral-list', detail: { count: victims.size } });
      const items = rows.map((r) => {
        const v = victims.get(r.id);
        return summaryJson(r, v ? redact(req.principal!, referralMeta(r), v) : null);
      });
      if (q.format === 'csv') {
        return csv(reply, 'referrals', [
          ['reference', 'kind', 'status', 'age_group', 'gender', 'nationality', 'exploitation_types', 'force_area', 'referring_agency', 'submitted_on', 'rg_due_on'],
          ...items.map((i) => [i.reference, i.kind, i.status, i.ageGroup, i.gender, i.nationality, i.exploitationTypes.join(' '), i.forceArea ?? '', i.referringAgency, i.submittedOn, i.rgDueOn ?? '']),
        ]);
      }
      return { total, items };
    },
  );

  app.post(
    '/api/v1/referrals',
    {
      config: { access: 'referrals.refer' },
      schema: {
        tags: TAG,
        summary: 'Submit a complete NRM referral or Duty to Notify (nothing is written if any rule fails)',
        body: S.SubmitReferral,
        response: { 201: S.Submitted, 403: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const { kind, acknowledgeNotices, ...answers } = req.body;
      const out = await svc.submitReferral(ctx, caller(req), answers as Answers, { kind, acknowledgeNotices });
      return reply.status(201).send({ ...out, url: `/referrals/${out.id}` });
    },
  );

  app.get(
    '/api/v1/referrals/:id',
    {
      config: { access: 'referrals.read' },
      schema: {
        tags: TAG,
        summary: 'One referral: facts, decisions, the child’s path and (where the policy allows) the person’s identity',
        params: Id,
        querystring: z.object({ purpose: z.string().max(100).optional() }),
        response: { 200: S.ReferralDetail, 404: ErrorResponse },
      },
    },
    async (req) => detailJson(await loadReferralDetail(ctx, caller(req), req.params.id, req.query.purpose ?? 'referral')),
  );

  // --- drafts -------------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/drafts',
    { config: { access: 'referrals.refer' }, schema: { tags: TAG, summary: 'Your saved referral drafts', response: { 200: z.object({ items: z.array(S.Draft) }) } } },
    async (req) => ({ items: (await listDrafts(ctx.db, req.principal!.userId)).map(draftJson) }),
  );

  app.post(
    '/api/v1/referrals/drafts',
    {
      config: { access: 'referrals.refer' },
      schema: { tags: TAG, summary: 'Start a referral draft (saved server-side; survives a session time-out)', body: S.DraftAnswers.optional(), response: { 201: S.Draft, 403: ErrorResponse } },
    },
    async (req, reply) => {
      await svc.assertMayRefer(ctx.db, req.principal!);
      const answers = (req.body ?? {}) as Answers;
      const d = await ctx.db.transaction().execute(async (trx) => {
        const created = await createDraft(trx, req.principal!.userId, req.principal!.agencyCode, isDtn(answers) ? scrubIdentity(answers) : answers);
        await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.created', entityKind: 'referral_draft', entityId: created.id }]);
        return created;
      });
      return reply.status(201).send(draftJson(d));
    },
  );

  app.get(
    '/api/v1/referrals/drafts/:id',
    { config: { access: 'referrals.refer' }, schema: { tags: TAG, summary: 'One of your drafts', params: Id, response: { 200: S.Draft, 404: ErrorResponse } } },
    async (req) => {
      const d = await getDraft(ctx.db, req.params.id, req.principal!.userId);
      if (!d) throw notFound('draft');
      await ctx.audit.record(actorFrom(req), { action: 'referrals.draft.read', entityKind: 'referral_draft', entityId: d.id, purpose: 'referral' });
      return draftJson(d);
    },
  );

  app.patch(
    '/api/v1/referrals/drafts/:id',
    {
      config: { access: 'referrals.refer' },
      schema: { tags: TAG, summary: 'Save answers into a draft (an adult who declines consent loses every identifying answer at once)', params: Id, body: S.DraftAnswers, response: { 200: S.Draft, 404: ErrorResponse } },
    },
    async (req) => {
      const d = await ctx.db.transaction().execute(async (trx) => {
        const current = await getDraft(trx, req.params.id, req.principal!.userId);
        if (!current) throw notFound('draft');
        const answers = mergePage(current.answers, { answers: req.body as Answers, owns: Object.keys(req.body) as (keyof Answers)[], errors: [] });
        await saveDraft(trx, current.id, req.principal!.userId, answers, current.lastStep);
        await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.saved', entityKind: 'referral_draft', entityId: current.id }]);
        return { ...current, answers, updatedAt: new Date() };
      });
      return draftJson(d);
    },
  );

  app.delete(
    '/api/v1/referrals/drafts/:id',
    { config: { access: 'referrals.refer' }, schema: { tags: TAG, summary: 'Discard a draft', params: Id, response: { 204: z.null(), 404: ErrorResponse } } },
    async (req, reply) => {
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await deleteDraft(trx, req.params.id, req.principal!.userId))) throw notFound('draft');
        await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.discarded', entityKind: 'referral_draft', entityId: req.params.id }]);
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/referrals/drafts/:id/submit',
    {
      config: { access: 'referrals.refer' },
      schema: { tags: TAG, summary: 'Submit a draft as a referral or Duty to Notify; the draft is deleted', params: Id, body: S.SubmitDraft.optional(), response: { 201: S.Submitted, 404: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => {
      const d = await getDraft(ctx.db, req.params.id, req.principal!.userId);
      if (!d) throw notFound('draft');
      const out = await svc.submitReferral(ctx, caller(req), d.answers, { draftId: d.id, kind: req.body?.kind, acknowledgeNotices: req.body?.acknowledgeNotices });
      return reply.status(201).send({ ...out, url: `/referrals/${out.id}` });
    },
  );

  // --- competent authority ------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/decisions/queue',
    { config: { access: 'referrals.queue' }, schema: { tags: TAG, summary: 'Cases awaiting a decision or a second review, oldest first', response: { 200: Loose } } },
    async (req) => {
      const q = await decisionQueue(ctx.db, req.principal!.agencyCode);
      return { counts: q.counts, items: q.rows.map((r) => ({ ...r, submitted_on: r.submitted_on })) };
    },
  );

  app.post(
    '/api/v1/referrals/:id/decisions',
    {
      config: { access: 'referrals.decide' },
      schema: {
        tags: TAG,
        summary: 'Propose a reasonable or conclusive grounds decision with reasons (it takes effect when a second decision-maker upholds it)',
        params: Id,
        body: S.ProposeDecision,
        response: { 201: z.object({ decisionId: z.string(), status: z.string() }), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.proposeDecision(ctx, caller(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/referrals/:id/decisions/:decisionId/review',
    {
      config: { access: 'referrals.review' },
      schema: {
        tags: TAG,
        summary: 'Second review of a decision by a different decision-maker with no involvement in immigration decisions on the person',
        params: z.object({ id: z.uuid(), decisionId: z.uuid() }),
        body: S.ReviewDecision,
        response: { 200: z.object({ status: z.string(), issuedOn: z.string().nullable(), recoveryEndsOn: z.string().nullable(), supportCaseId: z.string().nullable() }), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req) => svc.reviewDecision(ctx, caller(req), req.params.id, req.params.decisionId, req.body),
  );

  app.post(
    '/api/v1/referrals/:id/reconsiderations',
    {
      config: { access: 'referrals.reconsider' },
      schema: { tags: TAG, summary: 'Record a request to reconsider a negative decision', params: Id, body: S.Reconsideration, response: { 201: z.object({ id: z.string(), status: z.string() }), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => reply.status(201).send(await svc.requestReconsideration(ctx, caller(req), req.params.id, req.body)),
  );

  // --- case reviews -------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/case-reviews',
    { config: { access: 'referrals.case-review' }, schema: { tags: TAG, summary: 'Monthly case-review samples and progress', response: { 200: Loose } } },
    async (req) => ({ items: (await listSamples(ctx.db, req.principal!.agencyCode)).map((s) => ({ ...s, drawn_at: iso(s.drawn_at) })) }),
  );

  app.post(
    '/api/v1/referrals/case-reviews',
    {
      config: { access: 'referrals.case-review' },
      schema: { tags: TAG, summary: 'Draw the random sample of decisions issued in a month', body: S.DrawSample, response: { 201: z.object({ id: z.string(), size: z.number(), population: z.number() }), 409: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => reply.status(201).send(await svc.drawCaseReviewSample(ctx, caller(req), req.body.month, req.body.size ?? 10)),
  );

  app.get(
    '/api/v1/referrals/case-reviews/:id',
    { config: { access: 'referrals.case-review' }, schema: { tags: TAG, summary: 'One case-review sample with its decisions and findings', params: Id, response: { 200: Loose, 404: ErrorResponse } } },
    async (req) => {
      const s = await getSample(ctx.db, req.params.id);
      if (!s || s.sample.competent_authority !== req.principal!.agencyCode) throw notFound('case-review sample');
      return { ...s.sample, drawn_at: iso(s.sample.drawn_at), items: s.items.map((i) => ({ ...i, reviewed_at: iso(i.reviewed_at) })) };
    },
  );

  app.put(
    '/api/v1/referrals/case-reviews/:id/items/:decisionId',
    {
      config: { access: 'referrals.case-review' },
      schema: { tags: TAG, summary: "Record the reviewer's finding on a sampled decision", params: z.object({ id: z.uuid(), decisionId: z.uuid() }), body: S.Finding, response: { 204: z.null(), 404: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => {
      await svc.recordFinding(ctx, caller(req), req.params.id, req.params.decisionId, req.body);
      return reply.status(204).send(null);
    },
  );

  // --- threshold notices --------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/notices',
    { config: { access: 'referrals.notices.read' }, schema: { tags: TAG, summary: 'Current threshold notices and which you have not yet acknowledged', response: { 200: Loose } } },
    async (req) => {
      const today = todayInUk();
      const [current, unread] = await Promise.all([currentNotices(ctx.db, today), unacknowledgedNotices(ctx.db, req.principal!.userId, today)]);
      const unreadIds = new Set(unread.map((n) => n.id));
      return { items: current.map((n) => ({ id: n.id, title: n.title, body: n.body, effectiveFrom: n.effective_from, publishedAt: iso(n.published_at), acknowledged: !unreadIds.has(n.id) })) };
    },
  );

  app.post(
    '/api/v1/referrals/notices',
    {
      config: { access: 'referrals.notices.publish' },
      schema: { tags: TAG, summary: 'Publish a change of thresholds or guidance to first responders', body: S.PublishNotice, response: { 201: z.object({ id: z.string() }), 422: ErrorResponse } },
    },
    async (req, reply) => reply.status(201).send(await svc.publishNotice(ctx, caller(req), req.body)),
  );

  app.post(
    '/api/v1/referrals/notices/:id/withdrawal',
    { config: { access: 'referrals.notices.publish' }, schema: { tags: TAG, summary: 'Withdraw a threshold notice', params: Id, response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse } } },
    async (req, reply) => {
      await svc.withdrawNotice(ctx, caller(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/referrals/notices/:id/acknowledgements',
    { config: { access: 'referrals.notices.read' }, schema: { tags: TAG, summary: 'Acknowledge that you have read a threshold notice', params: Id, response: { 204: z.null(), 404: ErrorResponse } } },
    async (req, reply) => {
      await svc.acknowledgeNotice(ctx, caller(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // --- children -----------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/children/missing',
    { config: { access: 'referrals.children' }, schema: { tags: TAG, summary: 'Children missing from care, or back within 28 days, for the multi-agency review', response: { 200: Loose } } },
    async (req) => {
      const rows = await missingEpisodesForReview(ctx.db, req.principal!.agencyCode, new Date(Date.now() - 28 * 86_400_000).toISOString());
      return { items: rows.map((r) => ({ id: r.id, referralId: r.referral_id, reference: r.reference, wentMissingAt: iso(r.went_missing_at), returnedAt: iso(r.returned_at), reportedToPolice: r.reported_to_police, forceArea: r.force_area, localAuthority: r.local_authority })) };
    },
  );

  app.post(
    '/api/v1/referrals/:id/missing-episodes',
    { config: { access: 'referrals.children' }, schema: { tags: TAG, summary: 'Record a child going missing from care', params: Id, body: S.MissingEpisode, response: { 201: z.object({ id: z.string() }), 404: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => reply.status(201).send(await svc.recordMissingEpisode(ctx, caller(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/referrals/:id/missing-episodes/:episodeId',
    {
      config: { access: 'referrals.children' },
      schema: { tags: TAG, summary: 'Record that a missing child has returned', params: z.object({ id: z.uuid(), episodeId: z.uuid() }), body: S.Returned, response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => {
      await svc.markReturned(ctx, caller(req), req.params.id, req.params.episodeId, req.body.returnedAt);
      return reply.status(204).send(null);
    },
  );

  // --- support ------------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/support-cases',
    {
      config: { access: 'referrals.support.read' },
      schema: {
        tags: TAG,
        summary: 'Support cases your organisation holds or works on, with the disengagement flag',
        querystring: z.object({ open: z.enum(['yes', 'no']).optional(), flagged: z.enum(['yes', 'no']).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).optional() }),
        response: { 200: Loose },
      },
    },
    async (req) => {
      const { rows, total } = await listCasesWithFlags(ctx, caller(req), { open: req.query.open !== 'no', flaggedOnly: req.query.flagged === 'yes', limit: req.query.limit, offset: req.query.offset });
      return { total, items: rows.map((r) => ({ id: r.id, referralId: r.referral_id, reference: r.reference, provider: r.provider, openedOn: r.opened_on, closedOn: r.closed_on, disengaged: r.flag?.flagged ?? false, reasons: r.flag?.reasons ?? [] })) };
    },
  );

  app.get(
    '/api/v1/referrals/support-cases/:id',
    { config: { access: 'referrals.support.read' }, schema: { tags: TAG, summary: 'One support case', params: Id, response: { 200: Loose, 404: ErrorResponse } } },
    async (req) => {
      const d = await loadSupportCase(ctx, caller(req), req.params.id);
      return {
        id: d.c.id,
        referralId: d.c.referral_id,
        reference: d.referral.reference,
        openedOn: d.c.opened_on,
        closedOn: d.c.closed_on,
        closeReason: d.c.close_reason,
        version: d.c.version,
        person: d.victim ? { givenName: d.victim.given_name, familyName: d.victim.family_name } : null,
        currentProvider: d.currentProvider,
        providers: d.providers.map((p) => ({ provider: p.provider, from: p.from_on, to: p.to_on, reason: p.reason })),
        workers: d.workers.map((w) => ({ role: w.role, name: w.name, agencyCode: w.agency_code, from: w.from_on, to: w.to_on })),
        plan: d.plan.map((p) => ({ id: Number(p.id), need: p.need, action: p.action, owner: p.owner, dueOn: p.due_on, doneOn: p.done_on })),
        contacts: d.contacts.map((c) => ({ on: c.contact_on, outcome: c.outcome, method: c.method, provider: c.provider, notes: c.notes })),
        accommodation: d.accommodation.map((a) => ({ kind: a.kind, forceArea: a.force_area, from: a.from_on, to: a.to_on, relocation: a.relocation, reason: a.reason })),
        disengagement: d.flag,
      };
    },
  );

  const supportPost = <B extends z.ZodType>(path: string, summary: string, body: B, fn: (req: FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>) => Promise<unknown>) =>
    app.post(
      `/api/v1/referrals/support-cases/:id/${path}`,
      { config: { access: 'referrals.support.write' }, schema: { tags: TAG, summary, params: Id, body, response: { 201: Loose, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } } },
      async (req, reply) => reply.status(201).send(((await fn(req as never)) ?? { ok: true }) as Record<string, unknown>),
    );
  supportPost('providers', 'Move the person to another support provider from a date (funding follows the victim)', S.ProviderChange, (req) => svc.changeSupportProvider(ctx, caller(req), req.params.id, req.body));
  supportPost('workers', 'Assign a victim navigator or police victim liaison officer', S.Worker, (req) => svc.assignWorker(ctx, caller(req), req.params.id, req.body));
  supportPost('plan-items', 'Add an item to the support plan', S.PlanItem, (req) => svc.addPlanItem(ctx, caller(req), req.params.id, req.body));
  supportPost('contacts', 'Log a contact made or missed', S.Contact, (req) => svc.logContact(ctx, caller(req), req.params.id, req.body));
  supportPost('accommodation', 'Record accommodation or a relocation', S.Accommodation, (req) => svc.addAccommodation(ctx, caller(req), req.params.id, req.body));
  supportPost('closure', 'Close the support case', S.Closure, (req) => svc.closeSupportCase(ctx, caller(req), req.params.id, req.body));

  app.patch(
    '/api/v1/referrals/support-cases/:id/plan-items/:itemId',
    {
      config: { access: 'referrals.support.write' },
      schema: { tags: TAG, summary: 'Mark a support plan item done', params: z.object({ id: z.uuid(), itemId: z.coerce.number().int().min(1) }), body: S.PlanDone, response: { 204: z.null(), 404: ErrorResponse, 422: ErrorResponse } },
    },
    async (req, reply) => {
      await svc.completePlanItem(ctx, caller(req), req.params.id, req.params.itemId, req.body.doneOn);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/referrals/support-report',
    {
      config: { access: 'referrals.support.report' },
      schema: { tags: TAG, summary: 'Quarterly support report per provider', querystring: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional(), format: z.enum(['json', 'csv']).optional() }), response: { 200: Loose } },
    },
    async (req, reply) => {
      const rep = await supportReport(ctx, req.query.quarter);
      if (!rep) throw validationFailed([{ field: 'quarter', message: 'Enter the quarter as YYYY-Qn, for example 2026-Q3' }]);
      if (req.query.format === 'csv') {
        return csv(reply, `support-report-${rep.quarter}`, [
          ['provider', 'provider_name', 'cases_supported', 'cases_started', 'cases_ended', 'support_days', 'contacts_made', 'contacts_missed', 'disengaged'],
          ...rep.rows.map((r) => [r.provider, r.providerName, r.casesSupported, r.casesStarted, r.casesEnded, r.supportDays, r.contactsMade, r.contactsMissed, r.disengaged]),
        ]);
      }
      return rep;
    },
  );

  app.get(
    '/api/v1/referrals/support-settings',
    { config: { access: 'referrals.support.read' }, schema: { tags: TAG, summary: 'When disengagement is flagged', response: { 200: S.DisengagementSettings } } },
    async () => svc.disengagementSettings(ctx.db),
  );

  app.put(
    '/api/v1/referrals/support-settings',
    { config: { access: 'referrals.support.settings' }, schema: { tags: TAG, summary: 'Set when disengagement is flagged', body: S.DisengagementSettings, response: { 200: S.DisengagementSettings, 422: ErrorResponse } } },
    async (req) => {
      await svc.updateDisengagementSettings(ctx, caller(req), req.body);
      return req.body;
    },
  );

  // --- facts, statistics, guide -------------------------------------------------------------------------------
  app.get(
    '/api/v1/referrals/facts',
    {
      config: { access: 'referrals.facts' },
      schema: {
        tags: TAG,
        summary: 'Non-identifying facts of referrals and DtNs (countries, route, exploitation, places, suspects, phones, vehicles, addresses) shared with your organisation',
        querystring: z.object({
          from: IsoDate.optional(),
          to: IsoDate.optional(),
          forceArea: z.string().max(60).optional(),
          country: z.string().length(2).optional(),
          exploitationType: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.object({ items: z.array(Loose) }), 403: ErrorResponse },
      },
    },
    async (req) => {
      const decision = svc.factsVisibleTo(ctx, req.principal!, COMPETENT_AUTHORITY);
      const items = await svc.visibleReferralFacts(ctx, req.principal!, { ...req.query, country: req.query.country?.toUpperCase() });
      if (!decision.allow && !items.length) return { items: [] };
      return { items: items as unknown as Record<string, unknown>[] };
    },
  );

  app.get(
    '/api/v1/referrals/statistics',
    {
      config: { access: 'referrals.statistics' },
      schema: { tags: TAG, summary: 'Official-statistics tables, backlog and timeliness (small cells suppressed in tables marked for publication)', querystring: S.StatsQuery, response: { 200: Loose } },
    },
    async (req) => {
      const p = periodFrom(req.query);
      const s = await allStatistics(ctx, p, req.query.publication !== 'no');
      return {
        period: p,
        backlog: s.backlog,
        timeliness: s.timeliness,
        tables: s.tables.map((t) => ({ id: t.id, title: t.title, description: t.description, publish: t.publish, suppressed: t.suppressed, columns: t.columns, rows: t.display })),
      };
    },
  );

  app.get(
    '/api/v1/referrals/statistics/:table',
    {
      config: { access: 'referrals.statistics' },
      schema: { tags: TAG, summary: 'One statistics table as JSON or CSV', params: z.object({ table: z.string().max(60) }), querystring: S.StatsQuery, response: { 200: S.StatTableJson, 404: ErrorResponse } },
    },
    async (req, reply) => {
      const p = periodFrom(req.query);
      const s = await allStatistics(ctx, p, req.query.publication !== 'no');
      const t = s.tables.find((x) => x.id === req.params.table);
      if (!t) throw notFound('statistics table');
      if (req.query.format === 'csv') return csv(reply, `${t.id}-${p.from}-${p.to}`, csvRows(t));
      return { id: t.id, title: t.title, description: t.description, publish: t.publish, suppressed: t.suppressed, columns: t.columns, rows: t.display };
    },
  );

  app.get(
    '/api/v1/referrals/measures',
    {
      config: { access: 'referrals.statistics' },
      schema: { tags: TAG, summary: 'Headline measures (referrals, DtN, RG timeliness, backlog and waiting) with their definitions', querystring: S.StatsQuery.pick({ from: true, to: true, forceArea: true }), response: { 200: Loose } },
    },
    async (req) => referralMeasures(ctx.db, periodFrom(req.query), todayInUk()) as unknown as Record<string, unknown>,
  );

  app.get(
    '/api/v1/referrals/guide',
    { config: { access: 'referrals.guide' }, schema: { tags: TAG, summary: 'The golden hour guide, the indicator groups and the exploitation types', security: [], response: { 200: Loose } } },
    async () => ({ goldenHour: goldenHourSteps, indicators: indicatorGroups, exploitationTypes }),
  );

}
