import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/kernel/db/migrate.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../support/context.js';

describe.each(DATABASE_KINDS)('foundation on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
  });
  afterAll(async () => env?.close());

  it('reports health with the database kind', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('applies migrations once: a second run applies nothing', async () => {
    expect(await migrate(env.ctx.db)).toEqual([]);
    const agencies = await sql<{ n: number }>`SELECT count(*)::int AS n FROM agencies WHERE type = 'police_force'`.execute(env.ctx.db);
    expect(agencies.rows[0]!.n).toBe(46);
  });

  it('publishes an OpenAPI 3.1 document that lists the token route', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/tokens');
  });

  it('issues a token for a demo user and refuses a wrong password in the error shape', async () => {
    const headers = await apiAuth(env.app, 'intel@met.demo');
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json()).toMatchObject({ agency: { code: 'met' }, roles: ['intelligence_officer'] });
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'intel@met.demo', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({ code: 'invalid_credentials', fields: [{ field: 'password' }] });
  });

  it('rejects malformed input with 400 and the field', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 5 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('answers 401 without a token and 404 in the error shape for unknown API paths', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const nf = await env.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('not_found');
  });

  it('signs in through the form and shows the agency and role on the home page', async () => {
    const { cookie } = await pageAuth(env.app, 'decision@sca.demo');
    const home = await env.app.inject({ method: 'GET', url: '/', headers: { cookie, accept: 'text/html' } });
    expect(home.body).toContain('Single Competent Authority (Home Office)');
    expect(home.body).toContain('Competent-authority decision-maker');
  });

  it('refuses a form post without the CSRF token', async () => {
    const { cookie } = await pageAuth(env.app, 'decision@sca.demo');
    const res = await env.app.inject({ method: 'POST', url: '/sign-out', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('The form has expired');
  });

  it('sets a strict content security policy and security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
