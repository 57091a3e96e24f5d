import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parsePurpose, PURPOSE_TTL_MS, PURPOSES, purposeLabel, recordPurpose } from '../access/purpose.js';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { errorMap, errorSummary, type FieldError, notFound, validationFailed } from '../errors.js';
import { safeNext } from '../http/kernel-routes.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import { isIsoDate } from './agreements-model.js';
import { csvReply } from './forms.js';

const Target = z.object({ kind: z.string().min(1).max(60).regex(/^[a-z][a-z0-9_]*$/), id: z.string().min(1).max(200) });
const PurposeBody = Target.extend({ purpose: z.string().max(60), detail: z.string().max(500).optional() });

const PurposeOut = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  entityKind: z.string(),
  entityId: z.string(),
  purpose: z.string(),
  detail: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  reviewOutcome: z.enum(['appropriate', 'query']).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
type PurposeOut = z.infer<typeof PurposeOut>;

const ReviewQuery = z.object({
  user: z.string().max(320).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  status: z.enum(['', 'unreviewed', 'appropriate', 'query']).optional(),
  format: z.enum(['csv']).optional(),
});
type ReviewQuery = z.infer<typeof ReviewQuery>;

/** Reason for access: the question page and API, and supervisors' review of the purposes their agency gave. */
export async function purposeRoutes(app: FusionApp, ctx: AppContext) {
  // ---- Stating a purpose ----

  app.post(
    '/api/v1/purposes',
    {
      config: { access: 'trust.purposes.state' },
      schema: {
        tags: ['purposes'],
        summary: `State why you are opening a record; valid for this token and record for ${PURPOSE_TTL_MS / 60_000} minutes`,
        body: PurposeBody,
        response: { 201: z.object({ id: z.string(), expiresAt: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const parsed = parsePurpose(req.body);
      if (!parsed.ok) throw validationFailed(parsed.fields);
      const r = await recordPurpose(ctx, req, { kind: req.body.kind, id: req.body.id }, parsed.value);
      return reply.status(201).send({ id: r.id, expiresAt: r.expiresAt.toISOString() });
    },
  );

  const QuestionQuery = z.object({ kind: z.string().max(60).optional(), id: z.string().max(200).optional(), next: z.string().max(1000).optional() });

  app.get('/purpose', { config: { access: 'trust.purposes.state', page: true }, schema: { hide: true, querystring: QuestionQuery } }, async (req, reply) => {
    const target = Target.safeParse(req.query);
    if (!target.success) throw notFound('record');
    return reply.page('kernel/trust/views/purpose.njk', {
      title: 'Why are you opening this record?',
      target: target.data,
      next: safeNext(req.query.next),
      purposeOptions: PURPOSES.map((p) => ({ value: p.value, text: p.text, hint: 'hint' in p ? p.hint : undefined })),
      values: {},
    });
  });

  app.post(
    '/purpose',
    {
      config: { access: 'trust.purposes.state', page: true },
      schema: {
        hide: true,
        body: z.object({ kind: z.string().max(60).optional(), id: z.string().max(200).optional(), next: z.string().max(1000).optional(), purpose: z.string().max(60).optional(), detail: z.string().max(2000).optional() }),
      },
    },
    async (req, reply) => {
      const target = Target.safeParse(req.body);
      if (!target.success) throw notFound('record');
      const parsed = parsePurpose(req.body);
      if (!parsed.ok) {
        return reply.status(422).page('kernel/trust/views/purpose.njk', {
          title: 'Why are you opening this record?',
          target: target.data,
          next: safeNext(req.body.next),
          purposeOptions: PURPOSES.map((p) => ({ value: p.value, text: p.text, hint: 'hint' in p ? p.hint : undefined })),
          values: req.body,
          errors: errorSummary(parsed.fields),
          fieldErrors: errorMap(parsed.fields),
        });
      }
      await recordPurpose(ctx, req, target.data, parsed.value);
      return reply.redirect(safeNext(req.body.next), 303);
    },
  );

  // ---- Supervisors' review ----

  const checkReviewQuery = (q: ReviewQuery): FieldError[] => {
    const fields: FieldError[] = [];
    if (q.from && !isIsoDate(q.from)) fields.push({ field: 'from', message: 'The from date must be a real date, like 2026-01-31' });
    if (q.to && !isIsoDate(q.to)) fields.push({ field: 'to', message: 'The to date must be a real date, like 2026-01-31' });
    return fields;
  };

  const listPurposes = async (req: FastifyRequest, q: ReviewQuery, limit: number): Promise<PurposeOut[]> => {
    let sel = ctx.db
      .selectFrom('access_purposes')
      .innerJoin('users', 'users.id', 'access_purposes.user_id')
      .select([
        'access_purposes.id',
        'access_purposes.user_id',
        'users.name as user_name',
        'users.email as user_email',
        'access_purposes.entity_kind',
        'access_purposes.entity_id',
        'access_purposes.purpose',
        'access_purposes.detail',
        'access_purposes.created_at',
        'access_purposes.expires_at',
        'access_purposes.review_outcome',
        'access_purposes.review_note',
        'access_purposes.reviewed_at',
      ])
      .where('access_purposes.agency_code', '=', req.principal!.agencyCode);
    const user = q.user?.trim().toLowerCase();
    if (user) sel = sel.where('users.email', '=', user);
    if (q.from) sel = sel.where('access_purposes.created_at', '>=', new Date(`${q.from}T00:00:00Z`));
    if (q.to) sel = sel.where('access_purposes.created_at', '<', new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000));
    if (q.status === 'unreviewed') sel = sel.where('access_purposes.review_outcome', 'is', null);
    else if (q.status) sel = sel.where('access_purposes.review_outcome', '=', q.status);
    const rows = await sel.orderBy('access_purposes.created_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userName: r.user_name,
      userEmail: r.user_email,
      entityKind: r.entity_kind,
      entityId: r.entity_id,
      purpose: r.purpose,
      detail: r.detail,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      reviewOutcome: r.review_outcome,
      reviewNote: r.review_note,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    }));
  };

  app.get(
    '/api/v1/purposes',
    {
      config: { access: 'trust.purposes.review' },
      schema: {
        tags: ['purposes'],
        summary: 'Purposes stated by users of your agency (supervisors), newest first',
        querystring: ReviewQuery.omit({ format: true }),
        response: { 200: z.object({ purposes: z.array(PurposeOut) }), 422: ErrorResponse },
      },
    },
    async (req) => {
      const fields = checkReviewQuery(req.query);
      if (fields.length) throw validationFailed(fields);
      const purposes = await listPurposes(req, req.query, 500);
      await ctx.audit.record(actorFrom(req), { action: 'purposes.reviewed-list', detail: { found: purposes.length } });
      return { purposes };
    },
  );

  app.get('/purposes', { config: { access: 'trust.purposes.review', page: true }, schema: { hide: true, querystring: ReviewQuery } }, async (req, reply) => {
    const fields = checkReviewQuery(req.query);
    const base = { title: 'Purposes given for access', values: req.query };
    if (fields.length) return reply.status(422).page('kernel/trust/views/purposes.njk', { ...base, purposes: [], errors: errorSummary(fields), fieldErrors: errorMap(fields) });
    const purposes = await listPurposes(req, req.query, req.query.format === 'csv' ? 100_000 : 200);
    await ctx.audit.record(actorFrom(req), { action: 'purposes.reviewed-list', detail: { found: purposes.length, csv: req.query.format === 'csv' } });
    if (req.query.format === 'csv') {
      return csvReply(
        reply,
        'purposes.csv',
        ['when', 'user', 'email', 'record_kind', 'record_id', 'purpose', 'detail', 'review', 'review_note'],
        purposes.map((p) => [p.createdAt, p.userName, p.userEmail, p.entityKind, p.entityId, p.purpose, p.detail, p.reviewOutcome, p.reviewNote]),
      );
    }
    const qs = new URLSearchParams(Object.entries(req.query).filter(([k, v]) => v && k !== 'format') as [string, string][]).toString();
    return reply.page('kernel/trust/views/purposes.njk', { ...base, purposes: purposes.map((p) => ({ ...p, purposeLabel: purposeLabel(p.purpose) })), csvHref: `/purposes?${qs}${qs ? '&' : ''}format=csv` });
  });

  const onePurpose = async (req: FastifyRequest, id: string) => {
    const all = await ctx.db
      .selectFrom('access_purposes')
      .innerJoin('users', 'users.id', 'access_purposes.user_id')
      .selectAll('access_purposes')
      .select(['users.name as user_name', 'users.email as user_email'])
      .where('access_purposes.id', '=', id)
      .executeTakeFirst();
    if (!all || all.agency_code !== req.principal!.agencyCode) throw notFound('purpose');
    return all;
  };

  const Id = z.object({ id: z.uuid() });

  app.get('/purposes/:id', { config: { access: 'trust.purposes.review', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    const p = await onePurpose(req, req.params.id);
    return reply.page('kernel/trust/views/purpose-review.njk', { title: 'Review a purpose', p: { ...p, purposeLabel: purposeLabel(p.purpose) }, values: { outcome: p.review_outcome, note: p.review_note } });
  });

  const ReviewBody = z.object({ outcome: z.string().max(20).optional(), note: z.string().max(2000).optional() });

  app.post('/purposes/:id', { config: { access: 'trust.purposes.review', page: true }, schema: { hide: true, params: Id, body: ReviewBody } }, async (req, reply) => {
    const p = await onePurpose(req, req.params.id);
    const outcome = req.body.outcome;
    const note = (req.body.note ?? '').trim();
    const fields: FieldError[] = [];
    if (outcome !== 'appropriate' && outcome !== 'query') fields.push({ field: 'outcome', message: 'Select whether the purpose was appropriate' });
    if (outcome === 'query' && !note) fields.push({ field: 'note', message: 'Enter what you will ask the user' });
    if (fields.length) {
      return reply.status(422).page('kernel/trust/views/purpose-review.njk', {
        title: 'Review a purpose',
        p: { ...p, purposeLabel: purposeLabel(p.purpose) },
        values: req.body,
        errors: errorSummary(fields),
        fieldErrors: errorMap(fields),
      });
    }
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('access_purposes')
        .set({ review_outcome: outcome as 'appropriate' | 'query', review_note: note || null, reviewed_by: req.principal!.userId, reviewed_at: new Date() })
        .where('id', '=', p.id)
        .execute();
      await ctx.audit.append(trx, actorFrom(req), [
        { action: 'purposes.reviewed', entityKind: 'access_purpose', entityId: p.id, detail: { outcome, user: p.user_id, record: `${p.entity_kind}/${p.entity_id}` } },
      ]);
    });
    return reply.redirect('/purposes?status=unreviewed', 303);
  });
}
