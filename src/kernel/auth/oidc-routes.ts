import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { actorFrom } from '../http/server.js';
import { DEFAULT_CLAIM_MAPPING, mapClaims } from './oidc-claims.js';
import { finishOidc, type OidcStart, provisionOidcUser, startOidc } from './oidc.js';
import { createSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './sessions.js';

const STATE_COOKIE = 'fusion_oidc';
const STATE_PATH = '/sign-in/oidc';

const safeNext = (next: unknown) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';

/** Single sign-on routes: /sign-in/oidc sends the user to their organisation; /sign-in/oidc/callback brings them back. */
export async function oidcRoutes(app: FusionApp, ctx: AppContext) {
  const secure = ctx.config.mode === 'production' || (ctx.config.publicUrl ?? '').startsWith('https:');

  const redirectUri = (req: FastifyRequest) => {
    const base = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
    return `${base.replace(/\/$/, '')}/sign-in/oidc/callback`;
  };

  const failed = async (req: FastifyRequest, reply: FastifyReply, status: number, reason: string) => {
    await ctx.audit.record(actorFrom(req), { action: 'auth.oidc.refused', outcome: 'refused', detail: { reason } });
    const message = `Single sign-on did not complete: ${reason}`;
    return reply.status(status).page('kernel/views/sign-in.njk', {
      title: 'Sign in',
      errors: [{ text: message, href: '#oidc' }],
      next: '/',
      oidcEnabled: true,
    });
  };

  app.get(
    '/sign-in/oidc',
    {
      config: { access: 'kernel.public', page: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { hide: true, querystring: z.object({ next: z.string().max(500).optional() }) },
    },
    async (req, reply) => {
      const cfg = ctx.config.oidc;
      if (!cfg) throw notFound('page');
      let start: OidcStart;
      try {
        start = await startOidc(cfg, ctx.config.mode, redirectUri(req), safeNext(req.query.next));
      } catch (e) {
        req.log.warn({ err: (e as Error).message }, 'oidc discovery failed');
        return failed(req, reply, 503, "your organisation's sign-in service cannot be reached. Try again later or sign in with a Fusion account.");
      }
      reply.setCookie(STATE_COOKIE, JSON.stringify(start.state), {
        path: STATE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure,
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(start.url.href, 303);
    },
  );

  app.get(
    '/sign-in/oidc/callback',
    {
      config: { access: 'kernel.public', page: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        hide: true,
        querystring: z.object({
          code: z.string().max(4000).optional(),
          state: z.string().max(1000).optional(),
          iss: z.string().max(1000).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(1000).optional(),
        }),
      },
    },
    async (req, reply) => {
      const cfg = ctx.config.oidc;
      if (!cfg) throw notFound('page');
      const raw = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
      const unsigned = raw ? req.unsignCookie(raw) : null;
      let saved: OidcStart['state'] | null = null;
      try {
        saved = unsigned?.valid && unsigned.value ? (JSON.parse(unsigned.value) as OidcStart['state']) : null;
      } catch {
        saved = null;
      }
      if (!saved || typeof saved.v !== 'string' || typeof saved.r !== 'string') {
        return failed(req, reply, 400, 'the sign-in took too long or was started elsewhere. Start again.');
      }
      if (req.query.error) {
        return failed(req, reply, 401, `your organisation refused it (${req.query.error_description ?? req.query.error}).`);
      }
      let claims: Record<string, unknown>;
      try {
        claims = await finishOidc(cfg, ctx.config.mode, saved, new URL(req.url, 'http://x').search);
      } catch (e) {
        req.log.warn({ err: (e as Error).message }, 'oidc callback failed');
        return failed(req, reply, 401, 'the answer from your organisation could not be verified. Start again.');
      }
      const agencyCodes = new Set((await ctx.db.selectFrom('agencies').select('code').execute()).map((a) => a.code));
      const mapped = mapClaims(claims, agencyCodes, {
        agencyClaim: cfg.agencyClaim ?? DEFAULT_CLAIM_MAPPING.agencyClaim,
        rolesClaim: cfg.rolesClaim ?? DEFAULT_CLAIM_MAPPING.rolesClaim,
        groupsClaim: cfg.groupsClaim ?? DEFAULT_CLAIM_MAPPING.groupsClaim,
      });
      if (!mapped.ok) return failed(req, reply, 403, mapped.reason);
      const identity = mapped.identity;
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const result = await provisionOidcUser(trx, cfg.issuer, identity);
        if (!result.ok) return result;
        const session = await createSession(trx as any, result.userId);
        const actor = { ...actorFrom(req), userId: result.userId, agencyCode: identity.agencyCode, roles: identity.roles.join(',') };
        await ctx.audit.append(trx, actor, [
          ...(result.created ? [{ action: 'auth.oidc.provisioned', entityKind: 'user', entityId: result.userId, detail: { agency: identity.agencyCode, roles: identity.roles } }] : []),
          ...(Object.keys(result.changed).length ? [{ action: 'auth.oidc.updated', entityKind: 'user', entityId: result.userId, detail: result.changed }] : []),
          { action: 'auth.sign-in', entityKind: 'user', entityId: result.userId, detail: { method: 'oidc', ignoredRoles: identity.ignoredRoles } },
        ]);
        return { ...result, session };
      });
      if (!outcome.ok) return failed(req, reply, 403, outcome.reason);
      ctx.principals.invalidateUser(outcome.userId);
      reply.setCookie(SESSION_COOKIE, outcome.session.id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_ABSOLUTE_MS / 1000 });
      return reply.redirect(safeNext(saved.next), 303);
    },
  );
}
