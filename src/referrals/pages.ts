import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canSeeIdentity, decideAction, decideRecord, redact } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, errorSummary, type FieldError, notFound } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { AGENCIES } from '../kernel/reference/agencies.js';
import { agencyName, COMPETENT_AUTHORITY, factsMeta, referralMeta, supportMeta } from './access.js';
import {
  ageGroupLabel,
  exploitationLabel,
  exploitationTypes,
  FORCE_AREAS,
  forceName,
  genderLabel,
  goldenHourSteps,
  indicatorByCode,
  LOCAL_AUTHORITIES,
  sectorLabel,
} from './catalogue.js';
import { partnerByCode } from '../partners/data/directory.js';
import { backlogChart } from './chart.js';
import { loadReferralDetail } from './detail.js';
import { allCountries, COMMON_NATIONALITIES, countryName, parseCountryList } from './model/countries.js';
import { todayInUk } from './model/dates.js';
import { FINDINGS } from './model/sampling.js';
import { csvRows } from './model/statistics.js';
import { STATUS_LABELS, type ReferralStatus, stageAwaited } from './model/workflow.js';
import { factsFromAnswers, partnerAdvice } from './partners-advice.js';
import { FormBody, journeyPages } from './pages-journey.js';
import { allStatistics, csv, periodFrom } from './routes.js';
import * as svc from './service.js';
import {
  acknowledgedCounts,
  allNotices,
  decisionQueue,
  getDecision,
  getSample,
  listReferrals,
  listSamples,
  missingEpisodesForReview,
  pendingDecisionFor,
  unacknowledgedNotices,
  userNames,
  victimsFor,
} from './store.js';
import { listCasesWithFlags, loadSupportCase, supportReport } from './support-detail.js';

const Id = z.object({ id: z.uuid() });
const caller = (req: FastifyRequest): svc.Caller => ({ principal: req.principal!, actor: actorFrom(req) });
const str = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim();
const may = (req: FastifyRequest, action: string) => decideAction(req.principal, action).allow;

const STATUS_CLASS: Record<string, string> = {
  dtn: 'govuk-tag--grey',
  awaiting_rg: 'govuk-tag--yellow',
  rg_review: 'govuk-tag--light-blue',
  rg_negative: 'govuk-tag--red',
  rg_reconsideration: 'govuk-tag--orange',
  awaiting_cg: 'govuk-tag--blue',
  cg_review: 'govuk-tag--light-blue',
  cg_positive: 'govuk-tag--green',
  cg_negative: 'govuk-tag--red',
  cg_reconsideration: 'govuk-tag--orange',
};
const statusLabel = (s: string) => STATUS_LABELS[s as ReferralStatus] ?? s;
const forceItems = [{ value: '', text: 'All force areas' }, ...FORCE_AREAS.map((f) => ({ value: f.code, text: f.name }))];
const decisionTitle = (d: { stage: string; outcome: string; reconsideration: boolean }) =>
  `${d.outcome === 'positive' ? 'Positive' : 'Negative'} ${d.stage === 'rg' ? 'reasonable grounds' : 'conclusive grounds'} decision${d.reconsideration ? ' (reconsideration)' : ''}`;

/** Runs a page write; a 409/422 re-renders the page with the error summary instead of an error page. */
async function orRerender(reply: FastifyReply, fn: () => Promise<unknown>, rerender: (fields: FieldError[]) => Promise<unknown>) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && (e.status === 422 || e.status === 409)) {
      reply.status(e.status);
      return rerender(e.fields.length ? e.fields : [{ field: 'body', message: e.message }]);
    }
    throw e;
  }
}

const dateFromParts = (form: Record<string, unknown>, name: string): string | undefined => {
  const d = str(form[`${name}-day`]);
  const m = str(form[`${name}-month`]);
  const y = str(form[`${name}-year`]);
  if (!d && !m && !y) return undefined;
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

export async function referralPages(app: FusionApp, ctx: AppContext) {
  await journeyPages(app, ctx);

  // --- list ---------------------------------------------------------------------------------------------------
  app.get(
    '/referrals',
    {
      config: { access: 'referrals.read', page: true },
      schema: { hide: true, querystring: z.object({ status: z.string().max(40).optional(), kind: z.string().max(5).optional(), reference: z.string().max(40).optional(), page: z.coerce.number().int().min(1).max(100000).optional() }) },
    },
    async (req, reply) => {
      const q = req.query;
      const page = q.page ?? 1;
      const perPage = 50;
      const { rows, total } = await listReferrals(ctx.db, {
        visibleTo: req.principal!.agencyCode,
        status: q.status ? [q.status] : undefined,
        kind: q.kind === 'nrm' || q.kind === 'dtn' ? q.kind : undefined,
        reference: q.reference,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      const victims = await victimsFor(
        ctx.db,
        rows.map((r) => r.id),
      );
      if (victims.size) await ctx.audit.record(actorFrom(req), { action: 'referrals.list', entityKind: 'referral', purpose: 'referral-list', detail: { count: victims.size } });
      const view = rows.map((r) => {
        const v = victims.get(r.id);
        const shown = v ? redact(req.principal!, referralMeta(r), v) : null;
        return {
          ...r,
          person: r.kind === 'dtn' ? 'Not recorded (Duty to Notify)' : shown ? [shown.given_name, shown.family_name].filter(Boolean).join(' ') : '',
          exploitation: r.exploitation_types.map(exploitationLabel).join(', '),
          statusLabel: statusLabel(r.status),
          statusClass: STATUS_CLASS[r.status] ?? '',
        };
      });
      const params = new URLSearchParams(Object.entries({ status: q.status ?? '', kind: q.kind ?? '', reference: q.reference ?? '' }).filter(([, v]) => v));
      const pages = Math.ceil(total / perPage);
      const links = [
        may(req, 'referrals.refer') ? { href: '/referrals/new', text: 'Make a referral or Duty to Notify' } : null,
        { href: '/referrals/guide', text: 'Golden hour guide' },
        may(req, 'referrals.queue') ? { href: '/referrals/decisions', text: 'NRM decisions and second reviews' } : null,
        may(req, 'referrals.notices.read') ? { href: '/referrals/notices', text: 'Threshold notices' } : null,
        may(req, 'referrals.children') ? { href: '/referrals/children', text: 'Children missing from care' } : null,
      ].filter(Boolean);
      return reply.page('referrals/views/list.njk', {
        title: 'Referrals',
        rows: view,
        total,
        links,
        filter: q,
        csvHref: `/api/v1/referrals?format=csv${params.size ? `&${params}` : ''}`,
        statusItems: [{ value: '', text: 'All' }, ...Object.entries(STATUS_LABELS).map(([value, text]) => ({ value, text }))],
        pagination:
          pages > 1
            ? {
                previous: page > 1 ? { href: `/referrals?${new URLSearchParams({ ...Object.fromEntries(params), page: String(page - 1) })}` } : undefined,
                next: page < pages ? { href: `/referrals?${new URLSearchParams({ ...Object.fromEntries(params), page: String(page + 1) })}` } : undefined,
              }
            : undefined,
      });
    },
  );

  // --- guide (public: usable on a phone at the roadside) --------------------------------------------------------
  app.get(
    '/referrals/guide',
    {
      config: { access: 'referrals.guide', page: true },
      schema: {
        hide: true,
        querystring: z.object({
          age: z.string().max(10).optional(),
          nationality: z.string().max(10).optional(),
          type: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
          countries: z.string().max(300).optional(),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const types = (Array.isArray(q.type) ? q.type : q.type ? [q.type] : []).filter((t) => exploitationTypes.some((e) => e.code === t));
      const asked = q.age !== undefined || q.nationality !== undefined || types.length > 0 || !!q.countries;
      const advice = asked
        ? partnerAdvice(
            factsFromAnswers(
              {
                ageGroup: q.age === 'child' || q.age === 'adult' ? q.age : undefined,
                nationality: q.nationality || undefined,
                exploitationTypes: types,
                overseasCountries: parseCountryList(q.countries ?? '').codes,
              },
              !!req.principal && may(req, 'referrals.refer'),
            ),
          )
        : null;
      return reply.page('referrals/views/guide.njk', {
        title: 'Golden hour guide',
        steps: goldenHourSteps.map((s) => ({ ...s, partnerNames: s.partners.map((p) => partnerByCode(p)?.shortName ?? partnerByCode(p)?.name ?? p) })),
        q: { ...q, type: types },
        advice,
        nationalityItems: [{ value: '', text: 'Not known' }, ...COMMON_NATIONALITIES.map((c) => ({ value: c, text: countryName(c) })), ...allCountries().filter((c) => !COMMON_NATIONALITIES.includes(c.code)).map((c) => ({ value: c.code, text: c.name }))],
        typeItems: exploitationTypes.filter((t) => t.code !== 'unknown').map((t) => ({ value: t.code, text: t.label })),
      });
    },
  );

  // --- one referral -------------------------------------------------------------------------------------------
  const renderReferral = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) => {
    const p = req.principal!;
    const d = await loadReferralDetail(ctx, caller(req), id, p.agencyCode === COMPETENT_AUTHORITY ? 'nrm-decision' : 'referral');
    const { r } = d;
    const meta = referralMeta(r);
    const f = d.facts;
    const pending = d.decisions.find((x) => x.review_status === 'awaiting');
    const awaited = stageAwaited(r.status as ReferralStatus);
    const isCa = p.agencyCode === r.competent_authority;
    const today = todayInUk();
    const mayDecide = isCa && may(req, 'referrals.decide') && !!awaited;
    const recoveryOpen = awaited?.stage === 'cg' && !!r.recovery_ends_on && today < r.recovery_ends_on;
    return reply.page('referrals/views/referral.njk', {
      title: r.reference,
      backLink: '/referrals',
      r,
      victim: d.victim,
      child: d.child,
      childLa: d.child ? (LOCAL_AUTHORITIES.find((l) => l.code === d.child!.local_authority)?.name ?? d.child.local_authority) : '',
      episodes: d.episodes,
      mayRecordMissing: may(req, 'referrals.children') && r.age_group === 'child',
      statusLabel: statusLabel(r.status),
      statusClass: STATUS_CLASS[r.status] ?? '',
      ageLabel: ageGroupLabel(r.age_group),
      genderLabel: genderLabel(r.gender),
      nationality: countryName(r.nationality),
      responder: d.names.get(r.responder_user_id ?? '') ?? 'A first responder',
      agency: agencyName(r.agency_code),
      identityReason: r.kind === 'dtn' ? '' : canSeeIdentity(p, meta).reason,
      accessReason: decideRecord(p, meta, { agreements: ctx.agreements.all() }).reason,
      sharedNames: r.shared_with.map(agencyName).join(', ') || 'no one else',
      factRows: f
        ? [
            { key: 'Type', lines: f.exploitationTypes.map(exploitationLabel) },
            { key: 'Where or what work', lines: f.sectors.map(sectorLabel) },
            { key: 'Force areas', lines: f.forceAreas.map((x) => forceName(x)) },
            { key: 'Route', lines: f.route.length ? [f.route.map(countryName).join(' → ')] : [] },
            { key: 'Exploited overseas in', lines: f.overseasCountries.map(countryName) },
            { key: 'When', lines: [[f.exploitationFrom ? `From ${f.exploitationFrom}` : '', f.exploitationOngoing ? 'still happening' : f.exploitationTo ? `to ${f.exploitationTo}` : ''].filter(Boolean).join(' ')].filter(Boolean) },
            { key: 'Indicators', lines: f.indicators.map((c) => indicatorByCode(c)?.label ?? c) },
            { key: 'Suspected exploiters', lines: f.suspects.map((s) => s.value) },
            { key: 'Phones', lines: f.phones.map((s) => s.value) },
            { key: 'Vehicles', lines: f.vehicles.map((s) => s.value) },
            { key: 'Addresses', lines: f.addresses.map((s) => s.value) },
          ]
        : [],
      decisions: d.decisions.map((x) => ({
        ...x,
        title: decisionTitle(x),
        decidedByName: d.names.get(x.decided_by) ?? 'a decision-maker',
        reviewedByName: x.reviewed_by ? (d.names.get(x.reviewed_by) ?? 'a second decision-maker') : null,
        reviewLabel: x.review_status === 'awaiting' ? 'Awaiting second review' : x.review_status === 'upheld' ? 'Upheld' : 'Not upheld',
        reviewClass: x.review_status === 'awaiting' ? 'govuk-tag--yellow' : x.review_status === 'upheld' ? 'govuk-tag--green' : 'govuk-tag--red',
        showReasons: isCa || r.agency_code === p.agencyCode,
        reviewHref: x === pending && isCa && may(req, 'referrals.review') && x.decided_by !== p.userId ? `/referrals/${r.id}/decisions/${x.id}/review` : null,
      })),
      reconsiderations: d.reconsiderations,
      decideHref: mayDecide && !recoveryOpen ? `/referrals/${r.id}/decide` : null,
      decideText: awaited?.stage === 'cg' ? 'Make the conclusive grounds decision' : 'Make the reasonable grounds decision',
      mayReconsider: (r.status === 'rg_negative' || r.status === 'cg_negative') && may(req, 'referrals.reconsider'),
      supportHref: d.supportCaseId && may(req, 'referrals.support.read') ? `/referrals/support/${d.supportCaseId}` : null,
      ...extra,
    });
  };

  app.get('/referrals/:id', { config: { access: 'referrals.read', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => renderReferral(req, reply, req.params.id));

  app.post(
    '/referrals/:id/reconsideration',
    { config: { access: 'referrals.reconsider', page: true }, schema: { hide: true, params: Id, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      return orRerender(
        reply,
        async () => {
          await svc.requestReconsideration(ctx, caller(req), req.params.id, { grounds: str(form.grounds), version: Number(str(form.version)) || undefined });
          return reply.redirect(`/referrals/${req.params.id}`, 303);
        },
        (fields) => renderReferral(req, reply, req.params.id, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
      );
    },
  );

  app.post(
    '/referrals/:id/missing-episodes',
    { config: { access: 'referrals.children', page: true }, schema: { hide: true, params: Id, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      return orRerender(
        reply,
        async () => {
          const at = str(form.wentMissingAt);
          await svc.recordMissingEpisode(ctx, caller(req), req.params.id, {
            wentMissingAt: at ? new Date(at).toISOString() : '',
            reportedToPolice: str(form.reportedToPolice) === 'yes',
            notes: str(form.notes),
          });
          return reply.redirect(`/referrals/${req.params.id}`, 303);
        },
        (fields) => renderReferral(req, reply, req.params.id, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
      );
    },
  );

  app.post(
    '/referrals/:id/missing-episodes/:episodeId/returned',
    { config: { access: 'referrals.children', page: true }, schema: { hide: true, params: z.object({ id: z.uuid(), episodeId: z.uuid() }), body: FormBody.optional() } },
    async (req, reply) => {
      await svc.markReturned(ctx, caller(req), req.params.id, req.params.episodeId, new Date().toISOString());
      return reply.redirect(`/referrals/${req.params.id}`, 303);
    },
  );

  // --- competent authority ------------------------------------------------------------------------------------
  app.get('/referrals/decisions', { config: { access: 'referrals.queue', page: true }, schema: { hide: true } }, async (req, reply) => {
    const p = req.principal!;
    const q = await decisionQueue(ctx.db, p.agencyCode);
    const today = todayInUk();
    const pendingIds = q.rows.filter((r) => r.status === 'rg_review' || r.status === 'cg_review').map((r) => r.id);
    const pending = new Map<string, { id: string; decided_by: string }>();
    for (const id of pendingIds.slice(0, 100)) {
      const d = await pendingDecisionFor(ctx.db, id);
      if (d) pending.set(id, d);
    }
    const row = (r: (typeof q.rows)[number], date: string | null, tag?: string, tagClass?: string, href?: string | null, action?: string) => ({
      ...r,
      age: ageGroupLabel(r.age_group),
      exploitation: r.exploitation_types.map(exploitationLabel).join(', '),
      date,
      tag,
      tagClass,
      href,
      action,
    });
    const mayReview = may(req, 'referrals.review');
    const mayDecide = may(req, 'referrals.decide');
    const sections = [
      {
        title: 'Awaiting a reasonable grounds decision',
        dateLabel: 'Due',
        rows: q.rows
          .filter((r) => r.status === 'awaiting_rg' || r.status === 'rg_reconsideration')
          .map((r) => row(r, r.rg_due_on, r.status === 'rg_reconsideration' ? 'Reconsideration' : r.rg_due_on && r.rg_due_on < today ? 'Overdue' : undefined, r.rg_due_on && r.rg_due_on < today ? 'govuk-tag--red' : 'govuk-tag--orange', mayDecide ? `/referrals/${r.id}/decide` : null, 'Decide')),
      },
      {
        title: 'Awaiting a second review',
        dateLabel: 'Referred',
        rows: q.rows
          .filter((r) => pending.has(r.id))
          .map((r) => {
            const d = pending.get(r.id)!;
            const mine = d.decided_by === p.userId;
            return row(r, r.submitted_on, mine ? 'Your decision' : undefined, 'govuk-tag--grey', !mine && mayReview ? `/referrals/${r.id}/decisions/${d.id}/review` : null, 'Review');
          }),
      },
      {
        title: 'Recovery period ended: awaiting a conclusive grounds decision',
        dateLabel: 'Recovery period ended',
        rows: q.rows
          .filter((r) => (r.status === 'awaiting_cg' || r.status === 'cg_reconsideration') && r.recovery_ends_on && r.recovery_ends_on <= today)
          .slice(0, 50)
          .map((r) => row(r, r.recovery_ends_on, undefined, undefined, mayDecide ? `/referrals/${r.id}/decide` : null, 'Decide')),
      },
    ];
    const count = (...s: string[]) => s.reduce((n, x) => n + (q.counts[x] ?? 0), 0);
    return reply.page('referrals/views/decisions.njk', {
      title: 'NRM decisions',
      sections,
      cards: [
        { n: count('awaiting_rg', 'rg_reconsideration'), label: 'awaiting a reasonable grounds decision' },
        { n: count('rg_review', 'cg_review'), label: 'awaiting a second review' },
        { n: count('awaiting_cg', 'cg_review'), label: 'awaiting a conclusive grounds decision (backlog)' },
      ],
    });
  });

  const renderDecide = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) => {
    const r = await svc.visibleReferral(ctx, req.principal!, id);
    const awaited = stageAwaited(r.status as ReferralStatus);
    if (!awaited || r.competent_authority !== req.principal!.agencyCode) return reply.redirect(`/referrals/${id}`, 303);
    const t = todayInUk();
    return reply.page('referrals/views/decide.njk', {
      title: awaited.stage === 'rg' ? 'Reasonable grounds decision' : 'Conclusive grounds decision',
      backLink: `/referrals/${id}`,
      r,
      stage: awaited.stage,
      values: { 'decidedOn-day': String(Number(t.slice(8))), 'decidedOn-month': String(Number(t.slice(5, 7))), 'decidedOn-year': t.slice(0, 4) },
      ...extra,
    });
  };

  app.get('/referrals/:id/decide', { config: { access: 'referrals.decide', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => renderDecide(req, reply, req.params.id));

  app.post(
    '/referrals/:id/decide',
    { config: { access: 'referrals.decide', page: true }, schema: { hide: true, params: Id, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      return orRerender(
        reply,
        async () => {
          const outcome = str(form.outcome);
          if (outcome !== 'positive' && outcome !== 'negative') throw new AppError(422, 'validation_failed', 'Select the decision', [{ field: 'outcome', message: 'Select positive or negative' }]);
          const stage = str(form.stage) === 'cg' ? 'cg' : 'rg';
          await svc.proposeDecision(ctx, caller(req), req.params.id, {
            stage,
            outcome,
            reasons: str(form.reasons),
            decidedOn: dateFromParts(form, 'decidedOn'),
            version: Number(str(form.version)) || undefined,
          });
          return reply.redirect(`/referrals/${req.params.id}`, 303);
        },
        (fields) => renderDecide(req, reply, req.params.id, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
      );
    },
  );

  const ReviewParams = z.object({ id: z.uuid(), decisionId: z.uuid() });
  const renderReview = async (req: FastifyRequest, reply: FastifyReply, id: string, decisionId: string, extra: Record<string, unknown> = {}) => {
    const r = await svc.visibleReferral(ctx, req.principal!, id);
    const d = await getDecision(ctx.db, decisionId);
    if (!d || d.referral_id !== r.id) throw notFound('decision');
    if (d.review_status !== 'awaiting') return reply.redirect(`/referrals/${id}`, 303);
    const names = await userNames(ctx.db, [d.decided_by]);
    return reply.page('referrals/views/review.njk', { title: 'Second review', backLink: `/referrals/${id}`, r, d, decisionTitle: decisionTitle(d), decidedByName: names.get(d.decided_by) ?? '', ...extra });
  };

  app.get(
    '/referrals/:id/decisions/:decisionId/review',
    { config: { access: 'referrals.review', page: true }, schema: { hide: true, params: ReviewParams } },
    async (req, reply) => renderReview(req, reply, req.params.id, req.params.decisionId),
  );

  app.post(
    '/referrals/:id/decisions/:decisionId/review',
    { config: { access: 'referrals.review', page: true }, schema: { hide: true, params: ReviewParams, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      return orRerender(
        reply,
        async () => {
          const upheld = str(form.upheld);
          if (upheld !== 'yes' && upheld !== 'no') throw new AppError(422, 'validation_failed', 'Select whether you uphold the decision', [{ field: 'upheld', message: 'Select whether you uphold the decision' }]);
          await svc.reviewDecision(ctx, caller(req), req.params.id, req.params.decisionId, {
            upheld: upheld === 'yes',
            declaresNoImmigrationInvolvement: str(form.declaresNoImmigrationInvolvement) === 'yes',
            notes: str(form.notes),
            version: Number(str(form.version)) || undefined,
          });
          return reply.redirect(`/referrals/${req.params.id}`, 303);
        },
        (fields) => renderReview(req, reply, req.params.id, req.params.decisionId, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
      );
    },
  );

  // --- case reviews -------------------------------------------------------------------------------------------
  const renderSamples = async (req: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.page('referrals/views/case-reviews.njk', { title: 'Monthly case reviews', samples: await listSamples(ctx.db, req.principal!.agencyCode), ...extra });

  app.get('/referrals/case-reviews', { config: { access: 'referrals.case-review', page: true }, schema: { hide: true } }, async (req, reply) => {
    const t = todayInUk();
    const last = new Date(`${t.slice(0, 7)}-01T00:00:00Z`);
    last.setUTCMonth(last.getUTCMonth() - 1);
    return renderSamples(req, reply, { values: { month: last.toISOString().slice(0, 7), size: '10' } });
  });

  app.post('/referrals/case-reviews', { config: { access: 'referrals.case-review', page: true }, schema: { hide: true, body: FormBody } }, async (req, reply) => {
    const form = req.body;
    return orRerender(
      reply,
      async () => {
        const size = Number(str(form.size) || '10');
        const out = await svc.drawCaseReviewSample(ctx, caller(req), str(form.month), size);
        return reply.redirect(`/referrals/case-reviews/${out.id}`, 303);
      },
      (fields) => renderSamples(req, reply, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
    );
  });

  const renderSample = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) => {
    const s = await getSample(ctx.db, id);
    if (!s || s.sample.competent_authority !== req.principal!.agencyCode) throw notFound('case-review sample');
    const counts = FINDINGS.map((f) => `${s.items.filter((i) => i.finding === f.code).length} ${f.code}`).join(', ');
    return reply.page('referrals/views/case-review.njk', {
      title: `Case review ${s.sample.month}`,
      backLink: '/referrals/case-reviews',
      sample: s.sample,
      reviewed: s.items.filter((i) => i.finding).length,
      summary: counts,
      findingItems: FINDINGS.map((f) => ({ value: f.code, text: f.label })),
      items: s.items.map((i) => ({
        ...i,
        title: decisionTitle(i),
        findingLabel: FINDINGS.find((f) => f.code === i.finding)?.label.split(':')[0],
        findingClass: i.finding === 'sound' ? 'govuk-tag--green' : i.finding === 'minor' ? 'govuk-tag--yellow' : 'govuk-tag--red',
      })),
      ...extra,
    });
  };

  app.get('/referrals/case-reviews/:id', { config: { access: 'referrals.case-review', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => renderSample(req, reply, req.params.id));

  app.post(
    '/referrals/case-reviews/:id/items/:decisionId',
    { config: { access: 'referrals.case-review', page: true }, schema: { hide: true, params: z.object({ id: z.uuid(), decisionId: z.uuid() }), body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      return orRerender(
        reply,
        async () => {
          const finding = str(form.finding);
          if (!FINDINGS.some((f) => f.code === finding)) throw new AppError(422, 'validation_failed', 'Select a finding', [{ field: 'finding', message: 'Select a finding' }]);
          await svc.recordFinding(ctx, caller(req), req.params.id, req.params.decisionId, { finding: finding as 'sound', notes: str(form.notes) });
          return reply.redirect(`/referrals/case-reviews/${req.params.id}`, 303);
        },
        (fields) =>
          renderSample(req, reply, req.params.id, {
            errors: fields.map((f) => ({ text: f.message, href: `#${f.field}-${req.params.decisionId}` })),
            fieldErrors: errorMap(fields),
            errorFor: req.params.decisionId,
          }),
      );
    },
  );

  // --- threshold notices --------------------------------------------------------------------------------------
  const renderNotices = async (req: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const p = req.principal!;
    const [all, unread, acks] = await Promise.all([allNotices(ctx.db), unacknowledgedNotices(ctx.db, p.userId, todayInUk()), acknowledgedCounts(ctx.db)]);
    const unreadIds = new Set(unread.map((n) => n.id));
    const mayPublish = may(req, 'referrals.notices.publish');
    return reply.page('referrals/views/notices.njk', {
      title: 'Threshold notices',
      notices: all
        .filter((n) => mayPublish || !n.withdrawn_at)
        .map((n) => ({ ...n, acknowledged: !unreadIds.has(n.id) && n.effective_from <= todayInUk(), mine: mayPublish, acks: mayPublish ? (acks.get(n.id) ?? 0) : undefined })),
      mayPublish,
      mayAcknowledge: may(req, 'referrals.refer'),
      ...extra,
    });
  };

  app.get('/referrals/notices', { config: { access: 'referrals.notices.read', page: true }, schema: { hide: true } }, async (req, reply) => renderNotices(req, reply, { values: { effectiveFrom: todayInUk() } }));

  app.post('/referrals/notices', { config: { access: 'referrals.notices.publish', page: true }, schema: { hide: true, body: FormBody } }, async (req, reply) => {
    const form = req.body;
    return orRerender(
      reply,
      async () => {
        await svc.publishNotice(ctx, caller(req), { title: str(form.title), body: str(form.body), effectiveFrom: str(form.effectiveFrom) || undefined });
        return reply.redirect('/referrals/notices', 303);
      },
      (fields) => renderNotices(req, reply, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
    );
  });

  app.post(
    '/referrals/notices/:id/acknowledge',
    { config: { access: 'referrals.notices.read', page: true }, schema: { hide: true, params: Id, body: FormBody.optional() } },
    async (req, reply) => {
      await svc.acknowledgeNotice(ctx, caller(req), req.params.id);
      return reply.redirect('/referrals/notices', 303);
    },
  );

  app.post(
    '/referrals/notices/:id/withdraw',
    { config: { access: 'referrals.notices.publish', page: true }, schema: { hide: true, params: Id, body: FormBody.optional() } },
    async (req, reply) => {
      await svc.withdrawNotice(ctx, caller(req), req.params.id);
      return reply.redirect('/referrals/notices', 303);
    },
  );

  // --- children -----------------------------------------------------------------------------------------------
  app.get('/referrals/children', { config: { access: 'referrals.children', page: true }, schema: { hide: true } }, async (req, reply) => {
    const rows = await missingEpisodesForReview(ctx.db, req.principal!.agencyCode, new Date(Date.now() - 28 * 86_400_000).toISOString());
    const visible = rows.filter((r) => decideRecord(req.principal!, referralMeta({ ...r, id: r.referral_id }), { agreements: ctx.agreements.all() }).allow);
    return reply.page('referrals/views/children.njk', {
      title: 'Children missing from care',
      rows: visible.map((r) => ({ ...r, forceName: forceName(r.force_area), laName: LOCAL_AUTHORITIES.find((l) => l.code === r.local_authority)?.name ?? r.local_authority ?? '' })),
    });
  });

  // --- support ------------------------------------------------------------------------------------------------
  const renderSupportList = async (req: FastifyRequest, reply: FastifyReply, q: { flagged?: string; page?: number }, extra: Record<string, unknown> = {}) => {
      const page = q.page ?? 1;
      const { rows, total, settings } = await listCasesWithFlags(ctx, caller(req), { open: true, flaggedOnly: q.flagged === 'yes', limit: 50, offset: (page - 1) * 50 });
      const pages = Math.ceil(total / 50);
      const base = q.flagged === 'yes' ? 'flagged=yes&' : '';
      return reply.page('referrals/views/support-list.njk', {
        title: 'Victim support cases',
        rows: rows.map((r) => ({ ...r, providerName: agencyName(r.provider) })),
        total,
        settings,
        mayReport: may(req, 'referrals.support.report'),
        maySettings: may(req, 'referrals.support.settings'),
        pagination: pages > 1 ? { previous: page > 1 ? { href: `/referrals/support?${base}page=${page - 1}` } : undefined, next: page < pages ? { href: `/referrals/support?${base}page=${page + 1}` } : undefined } : undefined,
        ...extra,
      });
  };

  app.get(
    '/referrals/support',
    { config: { access: 'referrals.support.read', page: true }, schema: { hide: true, querystring: z.object({ flagged: z.enum(['yes', 'no']).optional(), page: z.coerce.number().int().min(1).max(100000).optional() }) } },
    async (req, reply) => renderSupportList(req, reply, req.query),
  );

  app.post('/referrals/support/settings', { config: { access: 'referrals.support.settings', page: true }, schema: { hide: true, body: FormBody } }, async (req, reply) => {
    const form = req.body;
    const num = (v: unknown) => (/^\d+$/.test(str(v)) ? Number(str(v)) : Number.NaN);
    return orRerender(
      reply,
      async () => {
        await svc.updateDisengagementSettings(ctx, caller(req), { missedContacts: num(form.missedContacts), daysSilent: num(form.daysSilent) });
        return reply.redirect('/referrals/support', 303);
      },
      (fields) => renderSupportList(req, reply, {}, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form }),
    );
  });

  app.get(
    '/referrals/support/report',
    { config: { access: 'referrals.support.report', page: true }, schema: { hide: true, querystring: z.object({ quarter: z.string().max(10).optional() }) } },
    async (req, reply) => {
      let rep = await supportReport(ctx, req.query.quarter || undefined);
      let fields: FieldError[] = [];
      if (!rep) {
        fields = [{ field: 'quarter', message: 'Enter the quarter as YYYY-Qn, for example 2026-Q3' }];
        rep = await supportReport(ctx);
        reply.status(400);
      }
      return reply.page('referrals/views/support-report.njk', { title: 'Quarterly support report', rep, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
    },
  );

  const NEEDS = ['Accommodation', 'Health', 'Mental health', 'Legal advice', 'Immigration advice', 'Interpreter', 'Finances and benefits', 'Education and training', 'Employment', 'Safety', 'Criminal justice support', 'Other'];
  const renderCase = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) => {
    const d = await loadSupportCase(ctx, caller(req), id);
    const current = (role: string) => d.workers.find((w) => w.role === role && !w.to_on);
    const nav = current('navigator');
    const vlo = current('vlo');
    const acc = d.accommodation.find((a) => !a.to_on);
    const accLabel = (a: { kind: string; force_area: string | null }) => `${ACCOMMODATION[a.kind] ?? a.kind}${a.force_area ? `, ${forceName(a.force_area)}` : ''}`;
    const meta = supportMeta(d.c);
    return reply.page('referrals/views/support-case.njk', {
      title: `Support case ${d.referral.reference}`,
      backLink: '/referrals/support',
      d: { ...d, contacts: d.contacts.map((c) => ({ ...c, providerName: agencyName(c.provider) })) },
      personName: d.victim ? [d.victim.given_name, d.victim.family_name].filter(Boolean).join(' ') : 'Person supported',
      currentProviderName: agencyName(d.currentProvider),
      navigator: nav ? `${nav.name}, ${agencyName(nav.agency_code)}` : null,
      vlo: vlo ? `${vlo.name}, ${agencyName(vlo.agency_code)}` : null,
      accommodationNow: acc ? accLabel(acc) : null,
      providers: d.providers.map((p) => ({ ...p, name: agencyName(p.provider) })),
      accommodation: d.accommodation.map((a) => ({ ...a, label: accLabel(a) })),
      mayWrite: may(req, 'referrals.support.write'),
      today: todayInUk(),
      needItems: NEEDS.map((n) => ({ value: n, text: n })),
      providerItems: AGENCIES.filter((a) => a.type === 'ngo' || a.code.startsWith('la-')).map((a) => ({ value: a.code, text: a.name })),
      workerAgencyItems: AGENCIES.filter((a) => a.type === 'ngo' || a.type === 'police_force').map((a) => ({ value: a.code, text: a.name })),
      accommodationItems: Object.entries(ACCOMMODATION).map(([value, text]) => ({ value, text })),
      forceItems: [{ value: '', text: 'Not known' }, ...FORCE_AREAS.map((f) => ({ value: f.code, text: f.name }))],
      identityReason: canSeeIdentity(req.principal!, meta).reason,
      ...extra,
    });
  };

  app.get('/referrals/support/:id', { config: { access: 'referrals.support.read', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => renderCase(req, reply, req.params.id));

  app.post(
    '/referrals/support/:id/:action',
    { config: { access: 'referrals.support.write', page: true }, schema: { hide: true, params: z.object({ id: z.uuid(), action: z.enum(['contact', 'plan', 'plan-done', 'worker', 'provider', 'accommodation', 'close']) }), body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      const c = caller(req);
      const id = req.params.id;
      return orRerender(
        reply,
        async () => {
          switch (req.params.action) {
            case 'contact': {
              const outcome = str(form.outcome);
              if (outcome !== 'made' && outcome !== 'missed') throw new AppError(422, 'validation_failed', 'Select the outcome', [{ field: 'outcome', message: 'Select whether the contact was made or missed' }]);
              const method = str(form.method) as 'phone';
              await svc.logContact(ctx, c, id, { on: str(form.on), outcome, method: ['in-person', 'phone', 'video', 'message'].includes(method) ? method : 'phone', notes: str(form.notes) });
              break;
            }
            case 'plan':
              await svc.addPlanItem(ctx, c, id, { need: str(form.need), action: str(form.action), owner: str(form.owner), dueOn: str(form.dueOn) || undefined });
              break;
            case 'plan-done':
              await svc.completePlanItem(ctx, c, id, Number(str(form.itemId)), todayInUk());
              break;
            case 'worker':
              await svc.assignWorker(ctx, c, id, { role: str(form.role) === 'vlo' ? 'vlo' : 'navigator', name: str(form.name), agencyCode: str(form.agencyCode), from: str(form.from) });
              break;
            case 'provider':
              await svc.changeSupportProvider(ctx, c, id, { provider: str(form.provider), from: str(form.from), reason: str(form.reason) });
              break;
            case 'accommodation':
              await svc.addAccommodation(ctx, c, id, {
                kind: (Object.keys(ACCOMMODATION).includes(str(form.kind)) ? str(form.kind) : 'other') as 'other',
                forceArea: str(form.forceArea) || undefined,
                from: str(form.from),
                relocation: str(form.relocation) === 'yes',
                reason: str(form.reason),
              });
              break;
            case 'close':
              await svc.closeSupportCase(ctx, c, id, { on: str(form.on), reason: str(form.reason) });
              break;
          }
          return reply.redirect(`/referrals/support/${id}`, 303);
        },
        (fields) => renderCase(req, reply, id, { errors: errorSummary(fields), fieldErrors: errorMap(fields), values: form, openForm: req.params.action }),
      );
    },
  );

  // --- statistics and facts -----------------------------------------------------------------------------------
  const StatsQ = z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional(), forceArea: z.string().max(60).optional(), publication: z.enum(['yes', 'no']).optional() });

  app.get('/referrals/statistics', { config: { access: 'referrals.statistics', page: true }, schema: { hide: true, querystring: StatsQ } }, async (req, reply) => {
    let period: import("./measures.js").Period;
    let fields: FieldError[] = [];
    try {
      period = periodFrom(req.query);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      fields = e.fields;
      period = periodFrom({ forceArea: req.query.forceArea });
      reply.status(400);
    }
    const publication = req.query.publication ?? 'yes';
    const s = await allStatistics(ctx, period, publication === 'yes');
    const query = `?${new URLSearchParams(Object.entries({ from: period.from, to: period.to, forceArea: period.forceArea ?? '', publication }).filter(([, v]) => v))}`;
    const operationalIds = ['backlog', 'backlog-bands', 'rg-timeliness'];
    const r1 = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-GB'));
    return reply.page('referrals/views/statistics.njk', {
      title: 'NRM statistics',
      period,
      publication,
      forceItems,
      backlog: s.backlog,
      backlogMean: r1(s.backlog.meanDaysWaiting),
      backlogMedian: r1(s.backlog.medianDaysWaiting),
      timeliness: s.timeliness,
      chart: backlogChart(s.backlog.bands),
      operational: s.tables.filter((t) => operationalIds.includes(t.id)),
      official: s.tables.filter((t) => !operationalIds.includes(t.id)),
      csvBase: '/referrals/statistics',
      query,
      errors: errorSummary(fields),
      fieldErrors: errorMap(fields),
    });
  });

  app.get(
    '/referrals/statistics/:table/export.csv',
    { config: { access: 'referrals.statistics', page: true }, schema: { hide: true, params: z.object({ table: z.string().max(60) }), querystring: StatsQ } },
    async (req, reply) => {
      const period = periodFrom(req.query);
      const s = await allStatistics(ctx, period, (req.query.publication ?? 'yes') === 'yes');
      const t = s.tables.find((x) => x.id === req.params.table);
      if (!t) throw notFound('statistics table');
      await ctx.audit.record(actorFrom(req), { action: 'referrals.statistics.export', entityKind: 'statistics', entityId: t.id, detail: { from: period.from, to: period.to, suppressed: t.suppressed } });
      return csv(reply, `${t.id}-${period.from}-${period.to}`, csvRows(t));
    },
  );

  app.get(
    '/referrals/facts',
    {
      config: { access: 'referrals.facts', page: true },
      schema: { hide: true, querystring: z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional(), forceArea: z.string().max(60).optional(), country: z.string().max(2).optional(), format: z.enum(['csv']).optional() }) },
    },
    async (req, reply) => {
      const q = req.query;
      const filter = {
        from: q.from && /^\d{4}-\d{2}-\d{2}$/.test(q.from) ? q.from : undefined,
        to: q.to && /^\d{4}-\d{2}-\d{2}$/.test(q.to) ? q.to : undefined,
        forceArea: q.forceArea || undefined,
        country: q.country || undefined,
        limit: q.format === 'csv' ? 10000 : 200,
      };
      const rows = await svc.visibleReferralFacts(ctx, req.principal!, filter);
      if (q.format === 'csv') {
        return csv(reply, 'referral-facts', [
          ['reference', 'kind', 'submitted_on', 'age_group', 'gender', 'nationality', 'exploitation_types', 'sectors', 'force_areas', 'route', 'overseas_countries', 'suspects', 'phones', 'vehicles', 'addresses'],
          ...rows.map((f) => [
            f.reference,
            f.kind,
            f.submittedOn,
            f.ageGroup,
            f.gender,
            f.nationality,
            f.exploitationTypes.join(' '),
            f.sectors.join(' '),
            f.forceAreas.join(' '),
            f.route.join(' > '),
            f.overseasCountries.join(' '),
            f.suspects.map((s) => s.value).join('; '),
            f.phones.map((s) => s.normalised).join('; '),
            f.vehicles.map((s) => s.normalised).join('; '),
            f.addresses.map((s) => s.value).join('; '),
          ]),
        ]);
      }
      const params = new URLSearchParams(Object.entries({ ...q, format: 'csv' }).filter(([, v]) => v) as [string, string][]);
      return reply.page('referrals/views/facts.njk', {
        title: 'Referral facts',
        q,
        reason: decideRecord(req.principal!, factsMeta(COMPETENT_AUTHORITY), { agreements: ctx.agreements.all() }).reason,
        rows: rows.map((f) => ({
          ...f,
          who: `${ageGroupLabel(f.ageGroup).toLowerCase()}, ${countryName(f.nationality)}`,
          exploitation: f.exploitationTypes.map(exploitationLabel).join(', '),
          sectors: f.sectors.map(sectorLabel).join(', '),
          routeText: f.route.map(countryName).join(' → '),
          forces: f.forceAreas.map((x) => forceName(x)).join(', '),
          items: [...f.suspects.map((s) => `Suspect: ${s.value}`), ...f.phones.map((s) => `Phone: ${s.value}`), ...f.vehicles.map((s) => `Vehicle: ${s.value}`), ...f.addresses.map((s) => `Address: ${s.value}`)],
        })),
        forceItems,
        countryItems: [{ value: '', text: 'Any' }, ...allCountries().map((c) => ({ value: c.code, text: c.name }))],
        csvHref: `/referrals/facts?${params}`,
      });
    },
  );
}

const ACCOMMODATION: Record<string, string> = {
  'safe-house': 'Safe house',
  outreach: 'Outreach support in own accommodation',
  'local-authority': 'Local authority housing',
  asylum: 'Asylum accommodation',
  own: 'Own or family accommodation',
  other: 'Other',
};
