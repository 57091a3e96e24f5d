import { z } from 'zod';
import { knownScopes } from '../access/policy.js';
import { issueToken, listTokens, revokeToken } from '../auth/tokens.js';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { errorMap, errorSummary, type FieldError, notFound } from '../errors.js';
import { unknownScopes } from '../http/kernel-routes.js';
import { actorFrom } from '../http/server.js';
import { asList, FormList } from './forms.js';

const EXPIRY_DAYS = [1, 7, 30, 90] as const;

/** "Your API tokens": list, create (shown once) and revoke. Tokens are stored hashed, scoped and expiring. */
export async function tokenPages(app: FusionApp, ctx: AppContext) {
  const scopeOptions = () => [
    { value: '*', text: 'Everything your roles allow' },
    ...knownScopes().map((s) => ({ value: s, text: s })),
  ];

  const render = async (req: import('fastify').FastifyRequest, extra: Record<string, unknown> = {}) => ({
    title: 'Your API tokens',
    tokens: await listTokens(ctx.db, req.principal!.userId),
    scopeOptions: scopeOptions(),
    expiryOptions: EXPIRY_DAYS.map((d) => ({ value: String(d), text: d === 1 ? '1 day' : `${d} days` })),
    values: { expiresInDays: '7', scopes: [] },
    ...extra,
  });

  app.get(
    '/account/tokens',
    { config: { access: 'kernel.tokens.manage', page: true }, schema: { hide: true, querystring: z.object({ done: z.enum(['revoked']).optional() }) } },
    async (req, reply) =>
      reply.page('kernel/trust/views/tokens.njk', await render(req, { flash: req.query.done === 'revoked' ? 'The token has been revoked.' : undefined })),
  );

  app.post(
    '/account/tokens',
    {
      config: { access: 'kernel.tokens.manage', page: true },
      schema: { hide: true, body: z.object({ name: z.string().max(100).optional(), scopes: FormList, expiresInDays: z.string().max(4).optional() }) },
    },
    async (req, reply) => {
      const name = (req.body.name ?? '').trim();
      const scopes = asList(req.body.scopes);
      const days = Number(req.body.expiresInDays);
      const fields: FieldError[] = [];
      if (!name) fields.push({ field: 'name', message: 'Enter a name for the token, like the program that will use it' });
      if (scopes.length === 0) fields.push({ field: 'scopes', message: 'Select what the token may be used for' });
      else if (unknownScopes(scopes).length) fields.push({ field: 'scopes', message: 'Select scopes from the list' });
      if (!(EXPIRY_DAYS as readonly number[]).includes(days)) fields.push({ field: 'expiresInDays', message: 'Select when the token expires' });
      if (fields.length) {
        return reply.status(422).page(
          'kernel/trust/views/tokens.njk',
          await render(req, { values: { name, scopes, expiresInDays: req.body.expiresInDays }, errors: errorSummary(fields), fieldErrors: errorMap(fields) }),
        );
      }
      const chosen = scopes.includes('*') ? ['*'] : scopes;
      const issued = await ctx.db.transaction().execute(async (trx) => {
        const t = await issueToken(trx as any, req.principal!.userId, { name, scopes: chosen, ttlMs: days * 86_400_000 });
        await ctx.audit.append(trx, actorFrom(req), [
          { action: 'auth.token.issued', entityKind: 'api_token', entityId: t.id, detail: { scopes: chosen, expiresAt: t.expiresAt.toISOString() } },
        ]);
        return t;
      });
      return reply.status(201).page('kernel/trust/views/tokens.njk', await render(req, { created: { token: issued.token, name, expiresAt: issued.expiresAt } }));
    },
  );

  app.post(
    '/account/tokens/:id/revoke',
    { config: { access: 'kernel.tokens.manage', page: true }, schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const ok = await ctx.db.transaction().execute(async (trx) => {
        const revoked = await revokeToken(trx as any, req.params.id, req.principal!.userId);
        if (revoked) await ctx.audit.append(trx, actorFrom(req), [{ action: 'auth.token.revoked', entityKind: 'api_token', entityId: req.params.id }]);
        return revoked;
      });
      if (!ok) throw notFound('token');
      ctx.principals.invalidateUser(req.principal!.userId);
      return reply.redirect('/account/tokens?done=revoked', 303);
    },
  );
}
