import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { errorMap, errorSummary, validationFailed } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import { type AuditFilter, AuditQuery, checkAuditQuery, filterParams } from './audit-model.js';
import { csvSafe } from './forms.js';

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const EntryOut = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  agency: z.string().nullable(),
  roles: z.string(),
  action: z.string(),
  entityKind: z.string().nullable(),
  entityId: z.string().nullable(),
  purpose: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.string(),
  detail: z.unknown(),
  hash: z.string(),
});
type EntryOut = z.infer<typeof EntryOut>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Auditors search the whole audit log, export it as CSV and verify the chain. Searching is itself audited. */
export async function auditRoutes(app: FusionApp, ctx: AppContext) {
  const query = (f: AuditFilter, limit: number) => {
    let q = ctx.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .select([
        'audit_log.seq',
        'audit_log.at',
        'audit_log.user_id',
        'users.email as user_email',
        'audit_log.agency_code',
        'audit_log.roles',
        'audit_log.action',
        'audit_log.entity_kind',
        'audit_log.entity_id',
        'audit_log.purpose',
        'audit_log.ip',
        'audit_log.outcome',
        'audit_log.detail',
        'audit_log.hash',
      ]);
    if (f.user) {
      if (UUID.test(f.user)) q = q.where('audit_log.user_id', '=', f.user);
      else q = q.where('users.email', '=', f.user);
    }
    if (f.agency) q = q.where('audit_log.agency_code', '=', f.agency);
    if (f.action) q = q.where(sql<boolean>`audit_log.action LIKE ${`${escapeLike(f.action)}%`}`);
    if (f.entityKind) q = q.where('audit_log.entity_kind', '=', f.entityKind);
    if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
    if (f.from) q = q.where('audit_log.at', '>=', new Date(`${f.from}T00:00:00Z`));
    if (f.to) q = q.where('audit_log.at', '<', new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000));
    if (f.outcome) q = q.where('audit_log.outcome', '=', f.outcome);
    if (f.before) q = q.where('audit_log.seq', '<', f.before);
    return q.orderBy('audit_log.seq', 'desc').limit(limit);
  };

  const toOut = (r: Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number]): EntryOut => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userEmail: r.user_email,
    agency: r.agency_code,
    roles: r.roles,
    action: r.action,
    entityKind: r.entity_kind,
    entityId: r.entity_id,
    purpose: r.purpose,
    ip: r.ip,
    outcome: r.outcome,
    detail: r.detail,
    hash: r.hash,
  });

  const search = async (req: FastifyRequest, f: AuditFilter) => {
    const rows = (await query(f, PAGE + 1).execute()).map(toOut);
    const more = rows.length > PAGE;
    const entries = rows.slice(0, PAGE);
    await ctx.audit.record(actorFrom(req), { action: 'audit.searched', detail: { filter: filterParams(f), before: f.before ?? null, found: entries.length } });
    return { entries, next: more ? entries[entries.length - 1]!.seq : null };
  };

  app.get(
    '/api/v1/audit',
    {
      config: { access: 'trust.audit.search' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (auditors), newest first, 50 at a time; pass `before` = the previous answer\'s `next` for more',
        querystring: AuditQuery,
        response: { 200: z.object({ entries: z.array(EntryOut), next: z.number().nullable() }), 422: ErrorResponse },
      },
    },
    async (req) => {
      const checked = checkAuditQuery(req.query);
      if (!checked.ok) throw validationFailed(checked.fields);
      return search(req, checked.filter);
    },
  );

  app.get(
    '/api/v1/audit/head',
    {
      config: { access: 'trust.audit.search' },
      schema: {
        tags: ['audit'],
        summary: 'The newest entry of the chain (record it elsewhere as an anchor: `fusion audit verify --expect seq:hash`)',
        response: { 200: z.object({ seq: z.number(), hash: z.string() }) },
      },
    },
    async () => ctx.audit.head(),
  );

  app.get(
    '/audit',
    { config: { access: 'trust.audit.search', page: true }, schema: { hide: true, querystring: AuditQuery } },
    async (req, reply) => {
      const checked = checkAuditQuery(req.query);
      const head = await ctx.audit.head();
      const agencies = await ctx.db.selectFrom('agencies').select(['code', 'name']).orderBy('name').execute();
      const base = { title: 'Audit', head, values: req.query, agencyOptions: [{ value: '', text: 'Any agency' }, ...agencies.map((a) => ({ value: a.code, text: a.name }))] };
      if (!checked.ok) {
        return reply.status(422).page('kernel/trust/views/audit.njk', { ...base, entries: [], errors: errorSummary(checked.fields), fieldErrors: errorMap(checked.fields) });
      }
      const result = await search(req, checked.filter);
      const params = filterParams(checked.filter);
      const qs = new URLSearchParams(params).toString();
      return reply.page('kernel/trust/views/audit.njk', {
        ...base,
        entries: result.entries,
        nextHref: result.next ? `/audit?${new URLSearchParams({ ...params, before: String(result.next) })}` : null,
        firstHref: checked.filter.before ? `/audit?${qs}` : null,
        csvHref: `/audit/export.csv${qs ? `?${qs}` : ''}`,
      });
    },
  );

  app.get(
    '/audit/export.csv',
    { config: { access: 'trust.audit.search', page: true }, schema: { hide: true, querystring: AuditQuery } },
    async (req, reply) => {
      const checked = checkAuditQuery(req.query);
      if (!checked.ok) throw validationFailed(checked.fields);
      const f = checked.filter;
      await ctx.audit.record(actorFrom(req), { action: 'audit.exported', detail: { filter: filterParams(f) } });
      const { stringify } = await import('csv-stringify/sync');
      const columns = ['seq', 'at', 'user_id', 'user_email', 'agency', 'roles', 'action', 'entity_kind', 'entity_id', 'purpose', 'ip', 'outcome', 'detail', 'hash'];
      async function* lines() {
        yield stringify([columns]);
        let before = f.before;
        for (;;) {
          const rows = (await query({ ...f, before }, 5000).execute()).map(toOut);
          if (rows.length === 0) return;
          yield stringify(
            rows.map((e) =>
              [e.seq, e.at, e.userId, e.userEmail, e.agency, e.roles, e.action, e.entityKind, e.entityId, e.purpose, e.ip, e.outcome, e.detail === null ? '' : JSON.stringify(e.detail), e.hash].map((v) =>
                v === null || v === undefined ? '' : csvSafe(String(v)),
              ),
            ),
          );
          before = rows[rows.length - 1]!.seq;
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(lines()));
    },
  );

  app.post('/audit/verify', { config: { access: 'trust.audit.verify', page: true }, schema: { hide: true } }, async (req, reply) => {
    const id = await ctx.jobs.start(
      { kind: 'audit.verify', title: 'Verify the audit chain', userId: req.principal!.userId, agencyCode: req.principal!.agencyCode },
      async (progress) => {
        const r = await ctx.audit.verify((done, total) => progress(done, total));
        if (!r.ok) throw new Error(`The audit chain is BROKEN at entry ${r.brokenAt!.seq}: ${r.brokenAt!.reason}. ${r.checked} entries verified before it.`);
        progress(r.checked, r.checked, `Verified: ${r.checked} entries, no break. Head: entry ${r.head.seq}, hash ${r.head.hash}.`);
        return r;
      },
    );
    await ctx.audit.record(actorFrom(req), { action: 'audit.verify.started', detail: { job: id } });
    return reply.redirect(`/jobs/${id}`, 303);
  });
}
