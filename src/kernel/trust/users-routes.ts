import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from '../access/roles.js';
import { hashPassword } from '../auth/passwords.js';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { conflict, errorMap, errorSummary, type FieldError, notFound, validationFailed } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import { asList, csvReply, FormList } from './forms.js';
import {
  checkNewUser,
  checkUserChange,
  type NewUserInput,
  NewUserInput as NewUserSchema,
  sameRoles,
  type UserChangeInput,
  UserChangeInput as UserChangeSchema,
  userStatus,
} from './users-model.js';

const UserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  agency: z.string(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'disabled', 'locked']),
  signIn: z.array(z.enum(['password', 'single-sign-on'])),
  createdAt: z.string(),
});
type UserOut = z.infer<typeof UserOut>;

const Id = z.object({ id: z.uuid() });
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }));

/** Administrators manage the users of their own agency: create, change roles, disable, unlock. */
export async function userRoutes(app: FusionApp, ctx: AppContext) {
  const baseQuery = () =>
    ctx.db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.roles',
        'users.disabled',
        'users.locked_until',
        'users.password_hash',
        'users.oidc_subject',
        'users.created_at',
        'agencies.code as agency_code',
      ]);

  const toOut = (u: Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>): UserOut => ({
    id: u.id,
    email: u.email,
    name: u.name,
    agency: u.agency_code,
    roles: u.roles,
    status: userStatus(u),
    signIn: [...(u.password_hash ? (['password'] as const) : []), ...(u.oidc_subject ? (['single-sign-on'] as const) : [])],
    createdAt: new Date(u.created_at).toISOString(),
  });

  const listUsers = async (agencyCode: string) =>
    (await baseQuery().where('agencies.code', '=', agencyCode).orderBy('users.name').limit(5000).execute()).map(toOut);

  /** A user of the administrator's own agency, or not found (another agency's users do not exist for them). */
  const ownUser = async (req: FastifyRequest, id: string) => {
    const u = await baseQuery().where('users.id', '=', id).executeTakeFirst();
    if (!u || u.agency_code !== req.principal!.agencyCode) throw notFound('user');
    return u;
  };

  const createUser = async (req: FastifyRequest, input: NewUserInput) => {
    const checked = checkNewUser(input);
    if (!checked.ok) throw validationFailed(checked.fields);
    const v = checked.value;
    const exists = await ctx.db.selectFrom('users').select('id').where('email', '=', v.email).executeTakeFirst();
    if (exists) throw conflict('A user with this email address already exists.', [{ field: 'email', message: 'A user with this email address already exists' }]);
    const agency = await ctx.db.selectFrom('agencies').select('id').where('code', '=', req.principal!.agencyCode).executeTakeFirstOrThrow();
    const hash = v.password ? await hashPassword(v.password) : null;
    const id = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({ email: v.email, name: v.name, agency_id: agency.id, roles: v.roles, password_hash: hash, oidc_subject: null, locked_until: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.append(trx, actorFrom(req), [
        { action: 'users.created', entityKind: 'user', entityId: row.id, detail: { roles: v.roles, password: !!hash } },
      ]);
      return row.id;
    });
    return id;
  };

  const changeUser = async (req: FastifyRequest, id: string, change: UserChangeInput) => {
    const target = await ownUser(req, id);
    const fields = checkUserChange(req.principal!, { id: target.id, agencyCode: target.agency_code }, change);
    if (fields.length) throw validationFailed(fields);
    const set: Record<string, unknown> = {};
    const detail: Record<string, { from: unknown; to: unknown }> = {};
    if (change.name !== undefined && change.name.trim() !== target.name) {
      set.name = change.name.trim();
      detail.name = { from: target.name, to: set.name };
    }
    if (change.roles !== undefined && !sameRoles(change.roles, target.roles)) {
      set.roles = [...new Set(change.roles)];
      detail.roles = { from: target.roles, to: set.roles };
    }
    if (change.disabled !== undefined && change.disabled !== target.disabled) {
      set.disabled = change.disabled;
      detail.disabled = { from: target.disabled, to: change.disabled };
    }
    if (Object.keys(set).length === 0) return;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
      if (set.disabled === true) {
        // A disabled user is signed out everywhere and their tokens stop working.
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await trx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
      }
      const action = set.disabled === true ? 'users.disabled' : set.disabled === false ? 'users.enabled' : detail.roles ? 'users.roles-changed' : 'users.changed';
      await ctx.audit.append(trx, actorFrom(req), [{ action, entityKind: 'user', entityId: id, detail }]);
    });
    ctx.principals.invalidateUser(id);
  };

  const unlockUser = async (req: FastifyRequest, id: string) => {
    await ownUser(req, id);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.append(trx, actorFrom(req), [{ action: 'users.unlocked', entityKind: 'user', entityId: id }]);
    });
  };

  // ---- API ----

  app.get(
    '/api/v1/admin/users',
    {
      config: { access: 'trust.users.manage' },
      schema: { tags: ['administration'], summary: "Users of your agency (administrators)", response: { 200: z.object({ users: z.array(UserOut) }) } },
    },
    async (req) => ({ users: await listUsers(req.principal!.agencyCode) }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { access: 'trust.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Create a user in your agency',
        body: NewUserSchema,
        response: { 201: UserOut, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const id = await createUser(req, req.body);
      return reply.status(201).send(toOut(await ownUser(req, id)));
    },
  );

  app.get(
    '/api/v1/admin/users/:id',
    {
      config: { access: 'trust.users.manage' },
      schema: { tags: ['administration'], summary: 'One user of your agency', params: Id, response: { 200: UserOut, 404: ErrorResponse } },
    },
    async (req) => toOut(await ownUser(req, req.params.id)),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { access: 'trust.users.manage' },
      schema: {
        tags: ['administration'],
        summary: "Change a user's name, roles or whether the account is disabled",
        params: Id,
        body: UserChangeSchema,
        response: { 200: UserOut, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req) => {
      await changeUser(req, req.params.id, req.body);
      return toOut(await ownUser(req, req.params.id));
    },
  );

  app.post(
    '/api/v1/admin/users/:id/unlock',
    {
      config: { access: 'trust.users.manage' },
      schema: { tags: ['administration'], summary: 'Unlock an account locked after failed sign-ins', params: Id, response: { 200: UserOut, 404: ErrorResponse } },
    },
    async (req) => {
      await unlockUser(req, req.params.id);
      return toOut(await ownUser(req, req.params.id));
    },
  );

  // ---- Pages ----

  app.get(
    '/admin/users',
    {
      config: { access: 'trust.users.manage', page: true },
      schema: { hide: true, querystring: z.object({ format: z.enum(['csv']).optional(), done: z.string().max(40).optional() }) },
    },
    async (req, reply) => {
      const users = await listUsers(req.principal!.agencyCode);
      if (req.query.format === 'csv') {
        return csvReply(reply, 'users.csv', ['name', 'email', 'roles', 'status', 'sign_in', 'created_at'], users.map((u) => [u.name, u.email, u.roles.join(' '), u.status, u.signIn.join(' '), u.createdAt]));
      }
      const flash = { created: 'The user has been added.', saved: 'The changes have been saved.', unlocked: 'The account has been unlocked.' }[req.query.done ?? ''] as string | undefined;
      return reply.page('kernel/trust/views/users.njk', { title: 'Users', users, roleLabels: ROLE_LABELS, flash });
    },
  );

  const NewUserForm = z.object({
    name: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    password: z.string().max(200).optional(),
    roles: FormList,
  });

  app.get('/admin/users/new', { config: { access: 'trust.users.manage', page: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.page('kernel/trust/views/user-new.njk', { title: 'Add a user', roleOptions: ROLE_OPTIONS, values: { roles: [] } }),
  );

  app.post('/admin/users/new', { config: { access: 'trust.users.manage', page: true }, schema: { hide: true, body: NewUserForm } }, async (req, reply) => {
    const roles = asList(req.body.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    const input = { name: req.body.name ?? '', email: req.body.email ?? '', password: req.body.password || undefined, roles };
    try {
      const id = await createUser(req, input);
      return reply.redirect(`/admin/users/${id}?done=created`, 303);
    } catch (e) {
      const fields = (e as { fields?: FieldError[] }).fields;
      if (!fields?.length) throw e;
      return reply.status(422).page('kernel/trust/views/user-new.njk', {
        title: 'Add a user',
        roleOptions: ROLE_OPTIONS,
        values: { ...input, password: '' },
        errors: errorSummary(fields),
        fieldErrors: errorMap(fields),
      });
    }
  });

  const userPage = async (req: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const u = toOut(await ownUser(req, id));
    return { title: u.name, user: u, roleOptions: ROLE_OPTIONS, roleLabels: ROLE_LABELS, values: { roles: u.roles, status: u.status === 'disabled' ? 'disabled' : 'active' }, self: u.id === req.principal!.userId, ...extra };
  };

  app.get(
    '/admin/users/:id',
    { config: { access: 'trust.users.manage', page: true }, schema: { hide: true, params: Id, querystring: z.object({ done: z.string().max(40).optional() }) } },
    async (req, reply) => {
      const flash = { created: 'The user has been added.', saved: 'The changes have been saved.', unlocked: 'The account has been unlocked.' }[req.query.done ?? ''];
      return reply.page('kernel/trust/views/user.njk', await userPage(req, req.params.id, { flash }));
    },
  );

  app.post(
    '/admin/users/:id',
    {
      config: { access: 'trust.users.manage', page: true },
      schema: { hide: true, params: Id, body: z.object({ roles: FormList, status: z.enum(['active', 'disabled']).optional() }) },
    },
    async (req, reply) => {
      const roles = asList(req.body.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      try {
        await changeUser(req, req.params.id, { roles, disabled: req.body.status ? req.body.status === 'disabled' : undefined });
        return reply.redirect(`/admin/users/${req.params.id}?done=saved`, 303);
      } catch (e) {
        const fields = (e as { fields?: FieldError[] }).fields;
        if (!fields?.length || (e as { status?: number }).status === 404) throw e;
        const data = await userPage(req, req.params.id, { errors: errorSummary(fields), fieldErrors: errorMap(fields) });
        return reply.status(422).page('kernel/trust/views/user.njk', { ...data, values: { roles, status: req.body.status ?? 'active' } });
      }
    },
  );

  app.post('/admin/users/:id/unlock', { config: { access: 'trust.users.manage', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    await unlockUser(req, req.params.id);
    return reply.redirect(`/admin/users/${req.params.id}?done=unlocked`, 303);
  });
}
