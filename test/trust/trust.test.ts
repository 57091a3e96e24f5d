import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeTable, insertProbePeople, PROBE_KIND, personProbe, type ProbePerson } from '../../src/kernel/bench/person-probe.js';
import { ROLES } from '../../src/kernel/access/roles.js';
import { routesOf } from '../../src/kernel/http/server.js';
import { apiAuth, createUser, pageAuth, type TestEnv, testEnv, tokenHeaders } from '../support/context.js';
import { DATABASE_KINDS } from '../support/databases.js';

const person = (over: Partial<ProbePerson> = {}): ProbePerson => ({
  reference: 'T1', given_name: 'Ana', family_name: 'Hoxha', date_of_birth: '1990-01-02', nationality: 'ALB',
  owning_agency_code: 'met', owning_agency_type: 'police_force', handling_code: 'P', conditions: null, review_date: null, ...over,
});
const daysFromNow = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)('trust on %s', (kind) => {
  let env: TestEnv;
  let admin: Record<string, string>;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo', {}, { extraCapabilities: [personProbe] });
    await createProbeTable(env.ctx.db);
    admin = await apiAuth(env.app, 'admin@met.demo');
  });
  afterAll(async () => env?.close());
  const inject = (o: InjectOptions) => env.app.inject(o);

  it('lets an administrator manage the users of their own agency only, audited', async () => {
    const created = await inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin, payload: { email: 'New.Analyst@met.test', name: 'New Analyst', roles: ['analyst'], password: 'a-long-password-1' } });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email: 'new.analyst@met.test', agency: 'met', roles: ['analyst'], status: 'active', signIn: ['password'] });
    const list = (await inject({ method: 'GET', url: '/api/v1/admin/users', headers: admin })).json().users as { agency: string }[];
    expect(list.every((u) => u.agency === 'met')).toBe(true);

    const other = await env.ctx.db.selectFrom('users').select('id').where('email', '=', 'analyst@west-yorkshire.demo').executeTakeFirstOrThrow();
    const cross = await inject({ method: 'PATCH', url: `/api/v1/admin/users/${other.id}`, headers: admin, payload: { roles: ['auditor'] } });
    expect(cross.statusCode).toBe(404);

    const dup = await inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin, payload: { email: 'new.analyst@met.test', name: 'X', roles: ['analyst'] } });
    expect(dup.statusCode).toBe(409);
    const bad = await inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin, payload: { email: 'nope', name: '', roles: [] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['email', 'name', 'roles']);

    const me = (await inject({ method: 'GET', url: '/api/v1/me', headers: admin })).json();
    const selfLock = await inject({ method: 'PATCH', url: `/api/v1/admin/users/${me.userId}`, headers: admin, payload: { roles: ['analyst'] } });
    expect(selfLock.statusCode).toBe(422);

    // The new user signs in, then is disabled: their token stops working at once.
    const theirs = await apiAuth(env.app, 'new.analyst@met.test', 'a-long-password-1');
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: theirs })).statusCode).toBe(200);
    const roles = await inject({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, headers: admin, payload: { roles: ['analyst', 'supervisor'] } });
    expect(roles.json().roles).toEqual(['analyst', 'supervisor']);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: theirs })).json().roles).toEqual(['analyst', 'supervisor']);
    const disabled = await inject({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, headers: admin, payload: { disabled: true } });
    expect(disabled.json().status).toBe('disabled');
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: theirs })).statusCode).toBe(401);

    const actions = (await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['users.created', 'users.roles-changed', 'users.disabled']));
  });

  it('locks an account after five failed sign-ins and lets its administrator unlock it', async () => {
    const id = await createUser(env.ctx, { email: 'lockme@met.test', agency: 'met', roles: ['analyst'], password: 'right-password-1' });
    for (let i = 0; i < 5; i++) await inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'lockme@met.test', password: 'wrong' } });
    const locked = await inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'lockme@met.test', password: 'right-password-1' } });
    expect(locked.statusCode).toBe(423);
    expect((await inject({ method: 'GET', url: `/api/v1/admin/users/${id}`, headers: admin })).json().status).toBe('locked');
    const unlocked = await inject({ method: 'POST', url: `/api/v1/admin/users/${id}/unlock`, headers: admin });
    expect(unlocked.json().status).toBe('active');
    expect((await inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'lockme@met.test', password: 'right-password-1' } })).statusCode).toBe(201);
  });

  it('issues scoped, expiring tokens, lists them without secrets, and revokes them at once', async () => {
    const unknown = await inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'intel@met.demo', password: 'fusion-demo', scopes: ['everything'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('scopes');
    const res = await inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'intel@met.demo', password: 'fusion-demo', scopes: ['agreements'], ttlHours: 2 } });
    expect(res.statusCode).toBe(201);
    const { token, id, expiresAt } = res.json();
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    const h = { authorization: `Bearer ${token}` };
    expect((await inject({ method: 'GET', url: '/api/v1/agreements', headers: h })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode).toBe(200);
    const outOfScope = await inject({ method: 'GET', url: '/api/v1/tokens', headers: h });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().error.rule).toBe('token-scope');
    const stored = await env.ctx.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    const all = await apiAuth(env.app, 'intel@met.demo');
    const listed = (await inject({ method: 'GET', url: '/api/v1/tokens', headers: all })).json().tokens;
    expect(listed.find((t: { id: string }) => t.id === id)).toMatchObject({ scopes: ['agreements'], status: 'active' });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: all })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/v1/agreements', headers: h })).statusCode).toBe(401);
  });

  it('shares records through an agreement its owner makes and withdraws; refusals carry the rule and a hit', async () => {
    const [id] = await insertProbePeople(env.ctx.db, [person({ reference: 'AG1' })]);
    const leeds = await tokenHeaders(env.ctx, await createUser(env.ctx, { email: 'analyst@leeds.test', agency: 'la-leeds', roles: ['analyst'] }));
    const read = (h: Record<string, string>) => inject({ method: 'GET', url: `/api/v1/probe/people/${id}`, headers: { ...h, 'x-fusion-purpose': 'safeguarding' } });
    const before = await read(leeds);
    expect(before.statusCode).toBe(403);
    expect(before.json()).toMatchObject({ error: { rule: 'no-agreement' }, match: { contact: 'met' } });

    const made = await inject({ method: 'POST', url: '/api/v1/agreements', headers: admin, payload: { name: 'Met to Leeds safeguarding', toAgencyCode: 'la-leeds', recordKinds: [PROBE_KIND], purposes: ['safeguarding'] } });
    expect(made.statusCode).toBe(201);
    const agreement = made.json();
    expect(agreement).toMatchObject({ fromAgencyCode: 'met', status: 'in-force' });
    const during = await read(leeds);
    expect(during.statusCode).toBe(200);
    // Analysts at Leeds do not hold a role that sees identity fields.
    expect(during.json().given_name).toMatch(/^\[withheld/);

    const otherAdmin = await tokenHeaders(env.ctx, await createUser(env.ctx, { email: 'admin@leeds.test', agency: 'la-leeds', roles: ['administrator'] }));
    const hijack = await inject({ method: 'POST', url: `/api/v1/agreements/${agreement.id}/withdraw`, headers: otherAdmin });
    expect(hijack.statusCode).toBe(403);
    expect(hijack.json().error.rule).toBe('agreement-owner');
    const toSelf = await inject({ method: 'POST', url: '/api/v1/agreements', headers: otherAdmin, payload: { name: 'Grab', toAgencyCode: 'la-leeds', recordKinds: [PROBE_KIND], purposes: ['safeguarding'] } });
    expect(toSelf.statusCode).toBe(422);

    const withdrawn = await inject({ method: 'POST', url: `/api/v1/agreements/${agreement.id}/withdraw`, headers: admin });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await read(leeds)).statusCode).toBe(403);
    const trail = (await env.ctx.db.selectFrom('audit_log').select('action').where('entity_kind', '=', 'sharing_agreement').where('entity_id', '=', String(agreement.id)).execute()).map((r) => r.action);
    expect(trail).toEqual(['agreements.created', 'agreements.withdrawn']);
  });

  it('asks for a purpose before a person record opens, keeps it for the session, and lets a supervisor review it', async () => {
    const [id] = await insertProbePeople(env.ctx.db, [person({ reference: 'PU1' })]);
    const { cookie, csrf } = await pageAuth(env.app, 'intel@met.demo');
    const first = await inject({ method: 'GET', url: `/probe/people/${id}`, headers: { cookie, accept: 'text/html' } });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toMatch(/^\/purpose\?kind=probe_person&id=/);
    const question = await inject({ method: 'GET', url: first.headers.location as string, headers: { cookie, accept: 'text/html' } });
    expect(question.body).toContain('Why are you opening this record?');
    const form = (body: Record<string, string>) =>
      inject({ method: 'POST', url: '/purpose', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, kind: PROBE_KIND, id: id!, next: `/probe/people/${id}`, ...body }).toString() });
    const missing = await form({ purpose: 'other' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Enter the purpose');
    const ok = await form({ purpose: 'law-enforcement' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/probe/people/${id}`);
    const opened = await inject({ method: 'GET', url: `/probe/people/${id}`, headers: { cookie, accept: 'text/html' } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Why can I see this?');
    expect(opened.body).toContain('Your agency (Metropolitan Police) owns this record');
    const reads = await env.ctx.db.selectFrom('audit_log').select(['action', 'purpose']).where('entity_id', '=', id!).orderBy('seq').execute();
    expect(reads).toEqual([{ action: 'access.purpose.stated', purpose: 'law-enforcement' }, { action: 'probe.person.read', purpose: 'law-enforcement' }]);

    // The API asks for the purpose in a header (428 without one).
    const api = await tokenHeaders(env.ctx, (await env.ctx.db.selectFrom('users').select('id').where('email', '=', 'intel@met.demo').executeTakeFirstOrThrow()).id);
    const noPurpose = await inject({ method: 'GET', url: `/api/v1/probe/people/${id}`, headers: api });
    expect(noPurpose.statusCode).toBe(428);
    expect(noPurpose.json().error.code).toBe('purpose_required');
    const stated = await inject({ method: 'POST', url: '/api/v1/purposes', headers: api, payload: { kind: PROBE_KIND, id, purpose: 'intelligence' } });
    expect(stated.statusCode).toBe(201);
    expect((await inject({ method: 'GET', url: `/api/v1/probe/people/${id}`, headers: api })).statusCode).toBe(200);

    const supervisor = await apiAuth(env.app, 'supervisor@met.demo');
    const seen = (await inject({ method: 'GET', url: '/api/v1/purposes', headers: supervisor })).json().purposes as { entityId: string; purpose: string }[];
    expect(seen.filter((p) => p.entityId === id).map((p) => p.purpose).sort()).toEqual(['intelligence', 'law-enforcement']);
    const elsewhere = await apiAuth(env.app, 'mslead@west-yorkshire.demo');
    const theirs = (await inject({ method: 'GET', url: '/api/v1/purposes', headers: elsewhere })).json().purposes as { entityId: string }[];
    expect(theirs.some((p) => p.entityId === id)).toBe(false);
    expect((await inject({ method: 'GET', url: '/api/v1/purposes', headers: api })).json().error.rule).toBe('role');
  });

  it('lists overdue reviews of the own agency across kinds and records retain and dispose decisions', async () => {
    const ids = await insertProbePeople(env.ctx.db, [
      person({ reference: 'RV1', review_date: daysFromNow(-30) }),
      person({ reference: 'RV2', review_date: daysFromNow(-1) }),
      person({ reference: 'RV3', review_date: daysFromNow(30) }),
      person({ reference: 'RV4', review_date: daysFromNow(-5), owning_agency_code: 'west-yorkshire' }),
    ]);
    const sup = await apiAuth(env.app, 'supervisor@met.demo');
    const due = (await inject({ method: 'GET', url: '/api/v1/retention/overdue', headers: sup })).json().records as { id: string; title: string; daysOverdue: number }[];
    const mine = due.filter((d) => ids.includes(d.id));
    expect(mine.map((d) => d.title)).toEqual(['RV1', 'RV2']);
    expect(mine[0]!.daysOverdue).toBe(30);
    const bad = await inject({ method: 'POST', url: `/api/v1/retention/${PROBE_KIND}/${ids[0]}/decisions`, headers: sup, payload: { decision: 'retain', reason: 'x', nextReview: daysFromNow(-1) } });
    expect(bad.statusCode).toBe(422);
    const other = await inject({ method: 'POST', url: `/api/v1/retention/${PROBE_KIND}/${ids[3]}/decisions`, headers: sup, payload: { decision: 'dispose', reason: 'x' } });
    expect(other.statusCode).toBe(404);
    const retain = await inject({ method: 'POST', url: `/api/v1/retention/${PROBE_KIND}/${ids[0]}/decisions`, headers: sup, payload: { decision: 'retain', reason: 'Still a risk', nextReview: daysFromNow(365) } });
    expect(retain.statusCode).toBe(201);
    const dispose = await inject({ method: 'POST', url: `/api/v1/retention/${PROBE_KIND}/${ids[1]}/decisions`, headers: sup, payload: { decision: 'dispose', reason: 'No longer needed' } });
    expect(dispose.statusCode).toBe(201);
    const rows = await sql<{ reference: string; review: string | null }>`SELECT reference, to_char(review_date, 'YYYY-MM-DD') AS review FROM probe_people WHERE id IN (${ids[0]}, ${ids[1]}) ORDER BY reference`.execute(env.ctx.db);
    expect(rows.rows).toEqual([{ reference: 'RV1', review: daysFromNow(365) }, { reference: 'RV2', review: null }]);
    const decisions = await env.ctx.db.selectFrom('retention_decisions').select(['decision', 'agency_code']).where('entity_id', 'in', [ids[0]!, ids[1]!]).orderBy('id').execute();
    expect(decisions).toEqual([{ decision: 'retain', agency_code: 'met' }, { decision: 'dispose', agency_code: 'met' }]);
    const audited = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [ids[0]!, ids[1]!]).execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['retention.dispose', 'retention.retain']);
  });

  it('lets auditors search and export the audit; others are refused with the rule', async () => {
    const auditor = await apiAuth(env.app, 'auditor@nca.demo');
    const res = await inject({ method: 'GET', url: '/api/v1/audit?action=users.&agency=met', headers: auditor });
    expect(res.statusCode).toBe(200);
    const { entries } = res.json() as { entries: { action: string; agency: string; seq: number }[] };
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.action.startsWith('users.') && e.agency === 'met')).toBe(true);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    const badDate = await inject({ method: 'GET', url: '/api/v1/audit?from=2026-02-30', headers: auditor });
    expect(badDate.statusCode).toBe(422);
    const csv = await inject({ method: 'GET', url: '/audit/export.csv?action=users.', headers: auditor });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('seq,at,user_id,user_email,agency,roles,action,entity_kind,entity_id,purpose,ip,outcome,detail,hash');
    expect(lines.length - 1).toBeGreaterThanOrEqual(entries.length);
    const searched = await env.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['audit.searched', 'audit.exported']).execute();
    expect(searched.length).toBeGreaterThanOrEqual(2);

    const refusedJson = await inject({ method: 'GET', url: '/api/v1/audit', headers: admin });
    expect(refusedJson.statusCode).toBe(403);
    expect(refusedJson.json().error).toMatchObject({ code: 'forbidden', rule: 'role' });
    const { cookie } = await pageAuth(env.app, 'admin@met.demo');
    const refusedPage = await inject({ method: 'GET', url: '/audit', headers: { cookie, accept: 'text/html' } });
    expect(refusedPage.statusCode).toBe(403);
    expect(refusedPage.body).toContain('Rule applied');
    expect(refusedPage.body).toContain('Your role');
  });

  it('refuses every page form posted without its CSRF token', async () => {
    // Forms are limited to kinds of agency (decisions to competent authorities, scoring to the NCA and ROCUs...):
    // a user with every role in one agency of each kind reaches every form, so each is shown to refuse a post
    // without its token rather than being refused for some other reason.
    const agencies = await sql<{ code: string; type: string }>`SELECT DISTINCT ON (type) code, type FROM agencies ORDER BY type, code`.execute(env.ctx.db);
    const sessions: string[] = [];
    for (const a of agencies.rows) {
      const email = `everything@${a.code}.test`;
      await createUser(env.ctx, { email, agency: a.code, roles: [...ROLES], password: 'every-role-password' });
      sessions.push((await pageAuth(env.app, email, 'every-role-password')).cookie);
    }
    const forms = routesOf(env.app).filter((r) => r.method === 'POST' && r.page);
    expect(forms.length).toBeGreaterThan(10);
    for (const r of forms) {
      const url = r.url.replace(/:kind/g, PROBE_KIND).replace(/:id/g, r.url.startsWith('/agreements') ? '1' : '00000000-0000-4000-8000-000000000000');
      let refusedForCsrf = false;
      let status = 0;
      for (const cookie of sessions) {
        const res = await inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'x=1' });
        status = res.statusCode;
        if (res.statusCode === 403 && res.body.includes('The form has expired')) refusedForCsrf = true;
        else expect([r.url, res.statusCode]).toEqual([r.url, 403]);
      }
      expect([r.url, status, refusedForCsrf]).toEqual([r.url, 403, true]);
    }
  });

  it('sends a strict CSP and security headers, and no-store on the API', async () => {
    const page = await inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'.*script-src 'self' 'nonce-/);
    // A real nonce, new on every response (an earlier build sent 'nonce-undefined').
    const nonceOf = (h: unknown) => /'nonce-([A-Za-z0-9_-]+)'/.exec(String(h))?.[1];
    const again = await inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
    expect(nonceOf(page.headers['content-security-policy'])).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(nonceOf(again.headers['content-security-policy'])).not.toBe(nonceOf(page.headers['content-security-policy']));
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['permissions-policy']).toContain('camera=()');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    const api = await inject({ method: 'GET', url: '/api/v1/me', headers: admin });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('keeps one chain under many concurrent writers and readers, and refuses changes to it', async () => {
    const before = await env.ctx.audit.head();
    const actor = { userId: null, agencyCode: 'met', roles: 'test', ip: null };
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        env.ctx.db.transaction().execute((trx) => env.ctx.audit.append(trx, actor, [{ action: 'test.write', entityId: String(i) }, { action: 'test.write2', entityId: String(i) }])),
      ),
      ...Array.from({ length: 400 }, (_, i) => env.ctx.audit.record(actor, { action: 'test.read', entityId: String(i), detail: { weird: 'a\u0000b\ud800', when: new Date(0) } })),
    ]);
    const after = await env.ctx.audit.head();
    expect(after.seq - before.seq).toBe(480);
    const verified = await env.ctx.audit.verify();
    expect(verified).toMatchObject({ ok: true, checked: after.seq });
    for (const stmt of ['UPDATE audit_log SET action = $$x$$ WHERE seq = 1', 'DELETE FROM audit_log WHERE seq = 1', 'TRUNCATE audit_log', 'UPDATE audit_head SET seq = 1', 'DELETE FROM audit_head']) {
      await expect(sql.raw(stmt).execute(env.ctx.db), stmt).rejects.toThrow(/append-only|only moves forward/);
    }
  });
});

describe('cookies in production', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv('embedded', 'demo', { mode: 'production', secret: 'a-production-secret-for-tests' });
  });
  afterAll(async () => env?.close());

  it('marks the session cookie Secure, HttpOnly and SameSite, and sends HSTS', async () => {
    const first = await env.app.inject({ method: 'GET', url: '/sign-in', headers: { accept: 'text/html' } });
    expect(first.headers['strict-transport-security']).toContain('max-age=');
    const anon = first.cookies.find((c) => c.name === 'fusion_csrf')!;
    expect(anon).toMatchObject({ secure: true, httpOnly: true });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!;
    const res = await env.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `fusion_csrf=${anon.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'intel@met.demo', password: 'fusion-demo', _csrf: csrf }).toString(),
    });
    const session = res.cookies.find((c) => c.name === 'fusion_session')!;
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});
