import { sql } from 'kysely';
import { z } from 'zod';
import { decideAction, knownScopes, registerPermissions } from '../access/policy.js';
import { checkCredentials, INVALID_MESSAGE, LOCKED_MESSAGE } from '../auth/sign-in.js';
import { oidcRoutes } from '../auth/oidc-routes.js';
import { sha256 } from '../auth/secrets.js';
import { createSession, destroySession, SESSION_COOKIE, SESSION_ABSOLUTE_MS } from '../auth/sessions.js';
import { issueToken, listTokens, MAX_TOKEN_TTL_HOURS, revokeToken } from '../auth/tokens.js';
import type { Capability, FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { AppError, badRequest, errorMap, errorSummary, notFound } from '../errors.js';
import { VERSION } from '../version.js';
import { actorFrom } from './server.js';
import { ErrorResponse } from './schemas.js';

registerPermissions({
  'kernel.jobs.read': { roles: 'any-signed-in', description: 'See the progress of background jobs', scope: false },
  'kernel.tokens.manage': { roles: 'any-signed-in', description: 'Manage your API tokens', scope: 'tokens' },
});

export const safeNext = (next: unknown) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';

const TokenRequest = z.object({
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(500),
  name: z.string().max(100).optional(),
  scopes: z.array(z.string().max(50)).max(30).optional(),
  /** Lifetime in hours (default 8, at most 90 days). */
  ttlHours: z.number().int().min(1).max(MAX_TOKEN_TTL_HOURS).optional(),
});

const TokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

/** Scopes a token may be given: '*' or the prefixes of declared permissions. */
export function unknownScopes(scopes: readonly string[]): string[] {
  const known = new Set(['*', ...knownScopes()]);
  return scopes.filter((s) => !known.has(s));
}

export async function kernelRoutes(app: FusionApp, ctx: AppContext, capabilities: Capability[]) {
  const secure = ctx.config.mode === 'production' || (ctx.config.publicUrl ?? '').startsWith('https:');

  app.get(
    '/healthz',
    {
      config: { access: 'kernel.public' },
      schema: {
        tags: ['service'],
        summary: 'Health of the service and its database',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']), version: z.string() }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.database.kind, version: VERSION };
    },
  );

  app.get('/api/openapi.json', { config: { access: 'kernel.public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { config: { access: 'kernel.public', page: true }, schema: { hide: true } }, async (_req, reply) => {
    const doc = app.swagger() as { paths?: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    const rows = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase(), path: p, summary: op.summary ?? '', tag: op.tags?.[0] ?? '' })),
    );
    return reply.page('kernel/views/api-docs.njk', { title: 'API', rows });
  });

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'kernel.public', rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (req) => `${req.ip}` } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange an email and password for a bearer token',
        security: [],
        body: TokenRequest,
        response: { 201: z.object({ token: z.string(), id: z.string(), expiresAt: z.string() }), 401: ErrorResponse, 423: ErrorResponse },
      },
    },
    async (req, reply) => {
      const { email, password, name, scopes, ttlHours } = req.body;
      const unknown = unknownScopes(scopes ?? []);
      if (unknown.length) {
        throw badRequest('A scope is not known.', [{ field: 'scopes', message: `Unknown scope: ${unknown.join(', ')}. Use "*" or one of: ${knownScopes().join(', ')}.` }]);
      }
      const result = await checkCredentials(ctx.db, email, password);
      if (!result.ok) {
        await ctx.audit.record(actorFrom(req), { action: 'auth.token.refused', outcome: 'refused', detail: { reason: result.reason } });
        if (result.reason === 'locked') throw new AppError(423, 'locked', LOCKED_MESSAGE, [{ field: 'email', message: LOCKED_MESSAGE }]);
        throw new AppError(401, 'invalid_credentials', INVALID_MESSAGE, [{ field: 'password', message: INVALID_MESSAGE }]);
      }
      const t = await ctx.db.transaction().execute(async (trx) => {
        const issued = await issueToken(trx as any, result.userId, { name, scopes, ttlMs: ttlHours ? ttlHours * 3_600_000 : undefined });
        await ctx.audit.append(trx, { ...actorFrom(req), userId: result.userId }, [
          { action: 'auth.token.issued', entityKind: 'api_token', entityId: issued.id, detail: { scopes: scopes ?? ['*'], expiresAt: issued.expiresAt.toISOString() } },
        ]);
        return issued;
      });
      return reply.status(201).send({ token: t.token, id: t.id, expiresAt: t.expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'kernel.tokens.manage' },
      schema: { tags: ['auth'], summary: 'Revoke one of your API tokens', params: z.object({ id: z.uuid() }), response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (req, reply) => {
      const ok = await ctx.db.transaction().execute(async (trx) => {
        const revoked = await revokeToken(trx as any, req.params.id, req.principal!.userId);
        if (revoked) await ctx.audit.append(trx, actorFrom(req), [{ action: 'auth.token.revoked', entityKind: 'api_token', entityId: req.params.id }]);
        return revoked;
      });
      if (!ok) throw notFound('token');
      ctx.principals.invalidateUser(req.principal!.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { access: 'kernel.tokens.manage' },
      schema: { tags: ['auth'], summary: 'Your API tokens (never the secrets)', response: { 200: z.object({ tokens: z.array(TokenSummary) }) } },
    },
    async (req) => ({ tokens: await listTokens(ctx.db, req.principal!.userId) }),
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'kernel.signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, agency and roles',
        response: {
          200: z.object({ userId: z.string(), name: z.string(), agency: z.object({ code: z.string(), name: z.string(), type: z.string() }), roles: z.array(z.string()) }),
        },
      },
    },
    async (req) => {
      const p = req.principal!;
      return { userId: p.userId, name: p.name, agency: { code: p.agencyCode, name: p.agencyName, type: p.agencyType }, roles: p.roles };
    },
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { access: 'kernel.jobs.read' },
      schema: {
        tags: ['jobs'],
        summary: 'Progress of a background job',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({ id: z.string(), kind: z.string(), title: z.string(), status: z.string(), done: z.number(), total: z.number().nullable(), message: z.string().nullable(), error: z.string().nullable(), result: z.unknown() }),
          404: ErrorResponse,
        },
      },
    },
    async (req) => {
      const job = await ctx.jobs.get(req.params.id);
      if (!job || (job.agency_code && job.agency_code !== req.principal!.agencyCode)) throw notFound('job');
      return { id: job.id, kind: job.kind, title: job.title, status: job.status, done: Number(job.done), total: job.total === null ? null : Number(job.total), message: job.message, error: job.error, result: job.result };
    },
  );

  app.get(
    '/jobs/:id',
    { config: { access: 'kernel.jobs.read', page: true }, schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const job = await ctx.jobs.get(req.params.id);
      if (!job || (job.agency_code && job.agency_code !== req.principal!.agencyCode)) throw notFound('job');
      return reply.page('kernel/views/job.njk', { title: job.title, job });
    },
  );

  app.get('/', { config: { access: 'kernel.public', page: true }, schema: { hide: true } }, async (req, reply) => {
    const p = req.principal;
    const cards = p ? capabilities.flatMap((c) => c.home ?? []).filter((c) => decideAction(p, c.action).allow) : [];
    return reply.page('kernel/views/home.njk', { title: 'Home', cards });
  });

  app.get('/accessibility', { config: { access: 'kernel.public', page: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.page('kernel/views/accessibility.njk', { title: 'Accessibility' }),
  );

  app.get(
    '/sign-in',
    { config: { access: 'kernel.public', page: true }, schema: { hide: true, querystring: z.object({ next: z.string().max(500).optional() }) } },
    async (req, reply) => {
      if (req.principal) return reply.redirect(safeNext(req.query.next), 303);
      return reply.page('kernel/views/sign-in.njk', { title: 'Sign in', next: safeNext(req.query.next), oidcEnabled: !!ctx.config.oidc });
    },
  );

  app.post(
    '/sign-in',
    {
      config: { access: 'kernel.public', page: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { hide: true, body: z.object({ email: z.string().max(320).optional(), password: z.string().max(500).optional(), next: z.string().max(500).optional() }) },
    },
    async (req, reply) => {
      const email = (req.body.email ?? '').trim();
      const password = req.body.password ?? '';
      const fields = [];
      if (!email) fields.push({ field: 'email', message: 'Enter your email address' });
      if (!password) fields.push({ field: 'password', message: 'Enter your password' });
      let message: string | null = null;
      let userId: string | null = null;
      if (!fields.length) {
        const result = await checkCredentials(ctx.db, email, password);
        if (result.ok) userId = result.userId;
        else message = result.reason === 'locked' ? LOCKED_MESSAGE : INVALID_MESSAGE;
        if (message) fields.push({ field: 'email', message });
      }
      if (!userId) {
        await ctx.audit.record(actorFrom(req), { action: 'auth.sign-in.refused', outcome: 'refused' });
        return reply.status(message === LOCKED_MESSAGE ? 423 : 400).page('kernel/views/sign-in.njk', {
          title: 'Sign in',
          errors: errorSummary(fields),
          fieldErrors: errorMap(fields),
          values: { email },
          next: safeNext(req.body.next),
          oidcEnabled: !!ctx.config.oidc,
        });
      }
      const session = await ctx.db.transaction().execute(async (trx) => {
        const s = await createSession(trx as any, userId!);
        await ctx.audit.append(trx, { ...actorFrom(req), userId }, [{ action: 'auth.sign-in', entityKind: 'user', entityId: userId! }]);
        return s;
      });
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      return reply.redirect(safeNext(req.body.next), 303);
    },
  );

  app.post('/sign-out', { config: { access: 'kernel.public', page: true }, schema: { hide: true } }, async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) {
      ctx.principals.delete(`s:${sha256(sid)}`);
      await destroySession(ctx.db, sid);
      if (req.principal) await ctx.audit.record(actorFrom(req), { action: 'auth.sign-out', entityKind: 'user', entityId: req.principal.userId });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  await oidcRoutes(app, ctx);
}
