import type { FastifyRequest } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { explainAccess } from '../access/policy.js';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { errorMap, errorSummary, type FieldError, notFound, validationFailed } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import { type RetentionKind, retentionKind, retentionKinds } from '../retention/registry.js';
import { csvReply, DatePartsForm, dateFromParts, todayIso } from './forms.js';
import { checkDecision, daysOverdue, RetentionDecisionInput } from './retention-model.js';

interface DueRecord {
  kind: string;
  label: string;
  id: string;
  title: string;
  reviewDate: string;
  daysOverdue: number;
  href: string | null;
}

const DueOut = z.object({
  kind: z.string(),
  label: z.string(),
  id: z.string(),
  title: z.string(),
  reviewDate: z.string(),
  daysOverdue: z.number(),
  href: z.string().nullable(),
});
const Target = z.object({ kind: z.string().min(1).max(60).regex(/^[a-z][a-z0-9_]*$/), id: z.string().min(1).max(200) });

/** Reads one kind's records (of one agency) through the columns its capability registered. */
function recordsOf(db: Kysely<any> | Transaction<any>, k: RetentionKind, agencyCode: string, where: { dueBy?: string; id?: string }) {
  const title = sql.ref(k.titleColumn ?? k.idColumn);
  let q = sql`SELECT ${sql.ref(k.idColumn)}::text AS id, ${title}::text AS title, to_char(${sql.ref(k.reviewColumn)}, 'YYYY-MM-DD') AS review
    FROM ${sql.table(k.table)} WHERE ${sql.ref(k.agencyColumn)} = ${agencyCode}`;
  if (where.dueBy) q = sql`${q} AND ${sql.ref(k.reviewColumn)} <= ${where.dueBy}::date`;
  if (where.id) q = sql`${q} AND ${sql.ref(k.idColumn)}::text = ${where.id}`;
  return sql<{ id: string; title: string | null; review: string | null }>`${q} ORDER BY ${sql.ref(k.reviewColumn)} LIMIT 2000`.execute(db);
}

/** Retention review: the records of the reviewer's agency whose review date has passed, across every kind. */
export async function retentionRoutes(app: FusionApp, ctx: AppContext) {
  const overdue = async (agencyCode: string) => {
    const today = todayIso();
    const due: DueRecord[] = [];
    const unavailable: string[] = [];
    for (const k of retentionKinds()) {
      try {
        const rows = await recordsOf(ctx.db, k, agencyCode, { dueBy: today });
        for (const r of rows.rows) {
          due.push({ kind: k.kind, label: k.label, id: r.id, title: r.title ?? r.id, reviewDate: r.review!, daysOverdue: daysOverdue(r.review!, today), href: k.href?.(r.id) ?? null });
        }
      } catch (e) {
        // A kind whose table is missing (its capability not migrated) must not hide the others.
        ctx.log.warn({ kind: k.kind, err: (e as Error).message }, 'retention kind unavailable');
        unavailable.push(k.label);
      }
    }
    due.sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.kind.localeCompare(b.kind));
    return { due, unavailable };
  };

  const loadTarget = async (req: FastifyRequest, kind: string, id: string) => {
    const k = retentionKind(kind);
    if (!k) throw notFound('record');
    const r = (await recordsOf(ctx.db, k, req.principal!.agencyCode, { id })).rows[0];
    if (!r) throw notFound('record');
    const history = await ctx.db
      .selectFrom('retention_decisions')
      .leftJoin('users', 'users.id', 'retention_decisions.decided_by')
      .select(['retention_decisions.decision', 'retention_decisions.reason', 'retention_decisions.next_review', 'retention_decisions.decided_at', 'users.name as decided_by'])
      .where('entity_kind', '=', kind)
      .where('entity_id', '=', id)
      .orderBy('decided_at', 'desc')
      .execute();
    return { k, record: { id: r.id, title: r.title ?? r.id, review: r.review }, history };
  };

  const decide = async (req: FastifyRequest, kind: string, id: string, input: RetentionDecisionInput) => {
    const { k } = await loadTarget(req, kind, id);
    const checked = checkDecision(input, todayIso());
    if (!checked.ok) throw validationFailed(checked.fields);
    const d = checked.value;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('retention_decisions')
        .values({ entity_kind: kind, entity_id: id, decision: d.decision, reason: d.reason, next_review: d.nextReview, decided_by: req.principal!.userId, agency_code: req.principal!.agencyCode })
        .execute();
      const where = sql`${sql.ref(k.idColumn)}::text = ${id} AND ${sql.ref(k.agencyColumn)} = ${req.principal!.agencyCode}`;
      if (d.decision === 'retain') {
        await sql`UPDATE ${sql.table(k.table)} SET ${sql.ref(k.reviewColumn)} = ${d.nextReview}::date WHERE ${where}`.execute(trx);
      } else if (k.dispose) {
        await k.dispose(trx, id);
      } else {
        await sql`UPDATE ${sql.table(k.table)} SET ${sql.ref(k.reviewColumn)} = NULL WHERE ${where}`.execute(trx);
      }
      await ctx.audit.append(trx, actorFrom(req), [
        { action: `retention.${d.decision}`, entityKind: kind, entityId: id, detail: { reason: d.reason, nextReview: d.nextReview } },
      ]);
    });
    return d;
  };

  // ---- API ----

  app.get(
    '/api/v1/retention/overdue',
    {
      config: { access: 'trust.retention.review' },
      schema: { tags: ['retention'], summary: "Your agency's records whose review date has passed, across every kind", response: { 200: z.object({ records: z.array(DueOut) }) } },
    },
    async (req) => ({ records: (await overdue(req.principal!.agencyCode)).due }),
  );

  app.post(
    '/api/v1/retention/:kind/:id/decisions',
    {
      config: { access: 'trust.retention.review' },
      schema: {
        tags: ['retention'],
        summary: 'Decide a review: retain (with the next review date) or dispose',
        params: Target,
        body: RetentionDecisionInput,
        response: { 201: z.object({ decision: z.enum(['retain', 'dispose']), nextReview: z.string().nullable() }), 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const d = await decide(req, req.params.kind, req.params.id, req.body);
      return reply.status(201).send({ decision: d.decision, nextReview: d.nextReview });
    },
  );

  // ---- Pages ----

  app.get(
    '/retention',
    { config: { access: 'trust.retention.review', page: true }, schema: { hide: true, querystring: z.object({ format: z.enum(['csv']).optional(), done: z.enum(['retain', 'dispose']).optional() }) } },
    async (req, reply) => {
      const { due, unavailable } = await overdue(req.principal!.agencyCode);
      if (req.query.format === 'csv') {
        return csvReply(reply, 'overdue-reviews.csv', ['kind', 'id', 'title', 'review_date', 'days_overdue'], due.map((d) => [d.kind, d.id, d.title, d.reviewDate, d.daysOverdue]));
      }
      const flash = req.query.done === 'retain' ? 'The record is kept until its next review.' : req.query.done === 'dispose' ? 'The decision to dispose of the record is recorded.' : undefined;
      return reply.page('kernel/trust/views/retention.njk', { title: 'Reviews due', due, unavailable, kinds: retentionKinds().map((k) => k.label), flash });
    },
  );

  const pageData = async (req: FastifyRequest, kind: string, id: string, extra: Record<string, unknown> = {}) => {
    const t = await loadTarget(req, kind, id);
    const why = explainAccess(req.principal!, { kind, id, owningAgencyCode: req.principal!.agencyCode, owningAgencyType: req.principal!.agencyType }, {
      agreements: ctx.agreements.all(),
      action: 'trust.retention.review',
    });
    return { title: `Review ${t.k.label.toLowerCase()} ${t.record.title}`, k: { kind: t.k.kind, label: t.k.label, href: t.k.href?.(id) ?? null }, record: t.record, history: t.history, why, values: {}, ...extra };
  };

  app.get('/retention/:kind/:id', { config: { access: 'trust.retention.review', page: true }, schema: { hide: true, params: Target } }, async (req, reply) =>
    reply.page('kernel/trust/views/retention-decision.njk', await pageData(req, req.params.kind, req.params.id)),
  );

  const DecisionForm = z.object({
    decision: z.string().max(20).optional(),
    reason: z.string().max(2000).optional(),
    'nextReview-day': DatePartsForm.day,
    'nextReview-month': DatePartsForm.month,
    'nextReview-year': DatePartsForm.year,
  });

  app.post(
    '/retention/:kind/:id',
    { config: { access: 'trust.retention.review', page: true }, schema: { hide: true, params: Target, body: DecisionForm } },
    async (req, reply) => {
      const b = req.body;
      const next = dateFromParts(b['nextReview-day'], b['nextReview-month'], b['nextReview-year']);
      const decision = b.decision === 'retain' || b.decision === 'dispose' ? b.decision : undefined;
      try {
        if (next === null && decision === 'retain') throw validationFailed([{ field: 'nextReview', message: 'The next review must be a real date' }]);
        await decide(req, req.params.kind, req.params.id, { decision, reason: b.reason, nextReview: decision === 'retain' ? next : null });
        return reply.redirect(`/retention?done=${decision}`, 303);
      } catch (e) {
        const fields = (e as { fields?: FieldError[]; status?: number }).fields;
        if (!fields?.length || (e as { status?: number }).status !== 422) throw e;
        return reply.status(422).page(
          'kernel/trust/views/retention-decision.njk',
          await pageData(req, req.params.kind, req.params.id, {
            values: b,
            errors: errorSummary(fields.map((f) => (f.field === 'nextReview' ? { ...f, field: 'nextReview-day' } : f))),
            fieldErrors: errorMap(fields),
          }),
        );
      }
    },
  );
}
