import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import qs from 'node:querystring';
import { decideAction, registerFieldRules, registerPermissions, RULE_LABELS, type Decision } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { ROLE_LABELS } from '../access/roles.js';
import { findSession, SESSION_COOKIE } from '../auth/sessions.js';
import { newToken, sha256 } from '../auth/secrets.js';
import { findToken } from '../auth/tokens.js';
import { loadPrincipal } from '../auth/principals.js';
import type { Capability, FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { SRC_DIR } from '../db/migrate.js';
import { AppError, PurposeRequired } from '../errors.js';
import { registerRetention } from '../retention/registry.js';
import { toAppError } from './error-mapping.js';
import { createViews, GOVUK_DIST, MOJ_ROOT, systemFontCss } from './views.js';
import { VERSION } from '../version.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission (policy action) this route needs. Every route must declare one. */
    access?: string;
    /** Set on routes that render HTML pages (errors render as pages). */
    page?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string;
    accessDecision: Decision | null;
    cspNonce: string;
  }
  interface FastifyReply {
    page(template: string, data?: Record<string, unknown>): FastifyReply;
  }
  interface FastifyInstance {
    /** The context the app was built with (for kernel helpers that receive only the request). */
    fusionCtx: AppContext;
    /** Every route as registered (method, URL, permission, page or API, hidden from OpenAPI or not). */
    fusionRoutes: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: string;
  page: boolean;
  hidden: boolean;
}

/** Every route of an app (the access-matrix test reads them; HEAD routes Fastify adds are left out). */
export const routesOf = (app: FusionApp): RouteInfo[] => app.fusionRoutes.filter((r) => r.method !== 'HEAD');

/** In test mode only: answer whether the route's permission allows the caller, without running the handler. */
export const ACCESS_PROBE_HEADER = 'x-fusion-access-probe';

const ANON_CSRF_COOKIE = 'fusion_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const NONCE_MARK = 'FUSION-NONCE';

/** The headers helmet would set with Fusion's options, and the CSP split where each response's nonce goes. */
function securityHeadersOnce(secure: boolean): { headers: Record<string, string>; cspAround: [string, string] } {
  const headers: Record<string, string> = {};
  const collect = { setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = String(v)), removeHeader: (k: string) => void delete headers[k.toLowerCase()] };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", `'nonce-${NONCE_MARK}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  })({} as never, collect as never, () => {});
  const [before, after] = headers['content-security-policy']!.split(NONCE_MARK) as [string, string];
  delete headers['content-security-policy'];
  headers['permissions-policy'] = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
  return { headers, cspAround: [before, after] };
}

export async function buildServer(ctx: AppContext, capabilities: Capability[]): Promise<FusionApp> {
  const secure = ctx.config.mode === 'production' || (ctx.config.publicUrl ?? '').startsWith('https:');
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: false } },
    // Malformed URLs and over-long path parameters fail in the router, before any hook: answer them in the
    // JSON error shape too.
    frameworkErrors: (error, _req, res) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      const message = status === 414 ? 'A part of the address is too long.' : 'The address is not valid.';
      (res as unknown as FastifyReply)
        .status(status)
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(new AppError(status, status === 414 ? 'uri_too_long' : 'invalid_url', message, [{ field: 'url', message }]).toJSON());
    },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as FusionApp;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  for (const cap of capabilities) {
    if (cap.permissions) registerPermissions(cap.permissions);
    for (const [kind, rule] of Object.entries(cap.fieldRules ?? {})) registerFieldRules(kind, rule);
    for (const r of cap.retention ?? []) registerRetention(r);
  }

  app.decorate('fusionCtx', ctx);
  const routes: RouteInfo[] = [];
  app.decorate('fusionRoutes', routes);

  // Fail closed: a route without a declared permission cannot be registered.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) {
      route.config = { ...(route.config ?? {}), access: 'kernel.public' } as typeof route.config;
      return;
    }
    const access = (route.config as { access?: string } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access permission.`);
    const page = !!(route.config as { page?: boolean } | undefined)?.page;
    const hidden = !!(route.schema as { hide?: boolean } | undefined)?.hide;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      routes.push({ method: String(method), url: route.url, access, page, hidden });
    }
  });

  await app.register(cookie, { secret: ctx.config.secret });
  await app.register(formbody, { parser: (body) => qs.parse(body) });
  await app.register(rateLimit, { global: false });
  // Security headers from helmet, worked out once at start (helmet's middleware per request re-parses the policy),
  // with a fresh nonce cut into the CSP of every response.
  const { headers: securityHeaders, cspAround } = securityHeadersOnce(secure);
  app.addHook('onRequest', (req, reply, done) => {
    req.cspNonce = newToken(16);
    reply.headers(securityHeaders);
    reply.header('content-security-policy', cspAround[0] + req.cspNonce + cspAround[1]);
    reply.header('x-request-id', req.id);
    // API answers carry personal data: never stored by browsers or proxies.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fusion API',
        version: VERSION,
        description:
          'JSON API of Fusion. Authenticate with POST /api/v1/tokens and send `Authorization: Bearer <token>`. Errors have the shape {"error":{"code","message","fields"}}.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Static assets: GOV.UK and MoJ Frontend served locally, with the GDS Transport font removed.
  const govukCss = systemFontCss(fs.readFileSync(path.join(GOVUK_DIST, 'govuk/govuk-frontend.min.css'), 'utf8'));
  await app.register(fastifyStatic, { root: path.join(GOVUK_DIST, 'govuk'), prefix: '/assets/govuk/', decorateReply: false });
  await app.register(fastifyStatic, { root: path.join(MOJ_ROOT, 'moj'), prefix: '/assets/moj/', decorateReply: false });
  for (const cap of capabilities) {
    if (cap.publicDir) await app.register(fastifyStatic, { root: cap.publicDir, prefix: `/assets/${cap.name}/`, decorateReply: false });
  }
  await app.register(fastifyStatic, { root: path.join(SRC_DIR, 'kernel/public'), prefix: '/assets/', decorateReply: false });
  app.get('/assets/css/govuk.css', { config: { access: 'kernel.public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(govukCss),
  );

  // Who is asking: an API token or a session cookie.
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('accessDecision', null);
  app.decorateRequest('cspNonce', '');
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/assets/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const secret = auth.slice(7).trim();
      const key = `t:${sha256(secret)}`;
      const cached = ctx.principals.get(key);
      if (cached) {
        req.principal = cached.principal;
        return;
      }
      const token = await findToken(ctx.db, secret);
      const principal = token ? await loadPrincipal(ctx.db, token.userId, 'token', token.scopes) : null;
      if (principal) principal.sessionKey = `token:${token!.id}`;
      // Unknown tokens are not cached: a guessed token costs its guesser a query, not the cache.
      if (principal) ctx.principals.set(key, principal);
      req.principal = principal;
      return;
    }
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) {
      const key = `s:${sha256(sid)}`;
      const cached = ctx.principals.get(key);
      if (cached) {
        req.principal = cached.principal;
        req.csrfToken = cached.csrf;
      } else {
        const session = await findSession(ctx.db, sid);
        if (session) {
          const principal = await loadPrincipal(ctx.db, session.userId, 'session');
          if (principal) {
            principal.sessionKey = `session:${sha256(sid).slice(0, 32)}`;
            ctx.principals.set(key, principal, session.csrf);
          }
          req.principal = principal;
          req.csrfToken = session.csrf;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    if (!req.principal) {
      let anon = req.cookies[ANON_CSRF_COOKIE];
      if (!anon || !/^[A-Za-z0-9_-]{20,64}$/.test(anon)) {
        anon = newToken(24);
        reply.setCookie(ANON_CSRF_COOKIE, anon, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      }
      req.csrfToken = anon;
    }
  });

  // Every route passes through the access policy, then CSRF for cookie-authenticated writes.
  const probeMode = ctx.config.mode === 'test';
  app.addHook('preValidation', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (!access) {
      if (req.routeOptions.url === undefined) return; // 404 handler
      throw new AppError(403, 'forbidden', 'This route declares no permission.');
    }
    const decision = decideAction(req.principal, access);
    req.accessDecision = decision;
    if (!decision.allow) {
      if (!req.principal && decision.rule !== 'public') throw new AppError(401, 'unauthenticated', decision.reason);
      await ctx.audit
        .record(actorFrom(req), { action: `refused:${access}`, outcome: 'refused', detail: { rule: decision.rule } })
        .catch(() => {});
      throw new AppError(403, 'forbidden', decision.reason, [{ field: 'permission', message: `${decision.rule}: ${decision.reason}` }], decision.rule);
    }
    if (probeMode && req.headers[ACCESS_PROBE_HEADER] === '1') {
      // 204 with the rule in a header: no route's response schema applies to it.
      return reply.status(204).header('x-fusion-access-rule', decision.rule).send();
    }
    // CSRF: forms and cookie-authenticated calls carry the token. A JSON body without a session cannot be
    // forged cross-site (it needs a CORS preflight Fusion never grants), and bearer tokens are not ambient.
    const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(req.headers['content-type'] ?? '');
    const needsCsrf = !SAFE_METHODS.has(req.method) && req.principal?.via !== 'token' && (isForm || req.principal?.via === 'session' || !req.headers['content-type']);
    if (needsCsrf) {
      const body = req.body as Record<string, unknown> | undefined;
      const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
      if (!sent || sent !== req.csrfToken) {
        throw new AppError(403, 'csrf', 'The form has expired or did not come from Fusion. Go back, reload the page and try again.');
      }
      if (body && typeof body === 'object' && '_csrf' in body) delete body._csrf;
    }
  });

  // Pages.
  const views = createViews();
  const navItems = capabilities
    .flatMap((c) => c.nav ?? [])
    .sort((a, b) => a.order - b.order);
  app.decorateReply('page', function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    const req = this.request;
    const p = req.principal;
    const current = req.url.split('?')[0]!;
    const nav = p
      ? navItems
          .filter((n) => decideAction(p, n.action).allow)
          .map((n) => ({ href: n.href, text: n.label, active: current === n.href || current.startsWith(`${n.href}/`) }))
      : [];
    const html = views.render(template, {
      principal: p,
      roleNames: p?.roles.map((r) => ROLE_LABELS[r]).join(', '),
      csrfToken: req.csrfToken,
      cspNonce: req.cspNonce,
      nav,
      demoUsers: ctx.config.demoUsers,
      values: {},
      fieldErrors: {},
      ...data,
    });
    return this.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'unhandled error');
    const wantsPage = req.routeOptions.config?.page || (!req.url.startsWith('/api/') && req.headers.accept?.includes('text/html'));
    if (wantsPage) {
      if (appError.status === 401) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
      }
      if (appError instanceof PurposeRequired) return reply.redirect(appError.questionUrl, 303);
      // The rule that refused: the error's own (a record decision), else the route decision when that refused.
      const rule = appError.rule ?? (req.accessDecision && !req.accessDecision.allow ? req.accessDecision.rule : undefined);
      return reply.status(appError.status).page('kernel/views/error.njk', {
        title: appError.status === 403 ? 'You cannot do this' : appError.status === 404 ? 'Page not found' : 'There is a problem',
        message: appError.message,
        rule: appError.status === 403 ? rule : undefined,
        ruleLabel: appError.status === 403 && rule ? (RULE_LABELS[rule] ?? rule) : undefined,
        errors: appError.fields.length ? appError.fields.map((f) => ({ text: f.message, href: `#${f.field}` })) : undefined,
      });
    }
    return reply.status(appError.status).send(appError.toJSON());
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new AppError(404, 'not_found', 'There is nothing at this address.');
    if (!req.url.startsWith('/api/') && req.headers.accept?.includes('text/html')) {
      return reply.status(404).page('kernel/views/error.njk', { title: 'Page not found', message: e.message });
    }
    return reply.status(404).send(e.toJSON());
  });

  registerPermissions({
    'kernel.public': { roles: 'public', description: 'Open public pages' },
    'kernel.signed-in': { roles: 'any-signed-in', description: 'Use Fusion', scope: false },
  });

  const { kernelRoutes } = await import('./kernel-routes.js');
  await kernelRoutes(app, ctx, capabilities);
  for (const cap of capabilities) {
    if (cap.routes) await cap.routes(app, ctx);
  }
  return app;
}

export function actorFrom(req: FastifyRequest) {
  return {
    userId: req.principal?.userId ?? null,
    agencyCode: req.principal?.agencyCode ?? null,
    roles: req.principal?.roles.join(',') ?? '',
    ip: req.ip ?? null,
  };
}
