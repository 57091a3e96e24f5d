import { CAPABILITIES } from '../../src/capabilities.js';
import { closeContext, createApp, openContext } from '../../src/kernel/app.js';
import type { Capability, FusionApp } from '../../src/kernel/capability.js';
import { type Config, loadConfig } from '../../src/kernel/config.js';
import type { AppContext } from '../../src/kernel/context.js';
import type { Role } from '../../src/kernel/access/roles.js';
import { hashPassword } from '../../src/kernel/auth/passwords.js';
import { issueToken } from '../../src/kernel/auth/tokens.js';
import { type DatabaseKind, pgTemplateName, pgUrlFor, readDump, type Template, withAdmin } from './databases.js';

let counter = 0;

export interface TestEnv {
  kind: DatabaseKind;
  ctx: AppContext;
  app: FusionApp;
  close(): Promise<void>;
}

/** A fresh database cloned from a template (empty or with demo data), its context and the Fastify app. */
export async function testEnv(
  kind: DatabaseKind,
  template: Template = 'demo',
  overrides: Partial<Config> = {},
  opts: { extraCapabilities?: Capability[] } = {},
): Promise<TestEnv> {
  const config = { ...loadConfig({ FUSION_MODE: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), ...overrides };
  let dropName: string | null = null;
  let ctx: AppContext;
  if (kind === 'postgres') {
    const name = `fusion_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName(template)}`));
    dropName = name;
    ctx = await openContext({ ...config, databaseUrl: pgUrlFor(name) }, { skipMigrations: true });
  } else {
    ctx = await openContext({ ...config, databaseUrl: undefined, dataDir: 'memory://' }, { skipMigrations: true, loadDataDir: readDump(template) });
  }
  const app = await createApp(ctx, [...CAPABILITIES, ...(opts.extraCapabilities ?? [])]);
  return {
    kind,
    ctx,
    app,
    async close() {
      await app.close();
      await closeContext(ctx);
      if (dropName) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`));
    },
  };
}

/** Creates a user (no password: tests sign in with `tokenHeaders`) in an agency, with roles. */
export async function createUser(ctx: AppContext, u: { email: string; agency: string; roles: Role[]; name?: string; password?: string }) {
  const agency = await ctx.db.selectFrom('agencies').select('id').where('code', '=', u.agency).executeTakeFirstOrThrow();
  const row = await ctx.db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name ?? u.email,
      agency_id: agency.id,
      roles: u.roles,
      password_hash: u.password ? await hashPassword(u.password) : null,
      oidc_subject: null,
      locked_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Bearer headers for a user without going through the (rate-limited) token route. */
export async function tokenHeaders(ctx: AppContext, userId: string, scopes: string[] = ['*']) {
  const t = await issueToken(ctx.db, userId, { name: 'test', scopes });
  return { authorization: `Bearer ${t.token}` };
}

/** Signs in through the API and returns headers for authenticated JSON requests. */
export async function apiAuth(app: FusionApp, email: string, password = 'fusion-demo') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email, password } });
  if (res.statusCode !== 201) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token as string}` };
}

/** Signs in through the page form and returns a cookie header plus the session's CSRF token. */
export async function pageAuth(app: FusionApp, email: string, password = 'fusion-demo') {
  const first = await app.inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
  const anon = first.cookies.find((c) => c.name === 'fusion_csrf')!.value;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!;
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: `fusion_csrf=${anon}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`page sign-in as ${email} failed: ${res.statusCode}`);
  const session = res.cookies.find((c) => c.name === 'fusion_session')!.value;
  const cookie = `fusion_session=${session}`;
  const home = await app.inject({ method: 'GET', url: '/', headers: { cookie, accept: 'text/html' } });
  const token = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
  return { cookie, csrf: token };
}

export { closeContext };
