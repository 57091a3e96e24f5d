import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/support/databases.js';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../test/support/context.js';
import { ACCESS_EXPECTATIONS } from './access.expect.js';
import { bankHolidays, daysBetween, todayInUk } from './model/dates.js';
import { adultReferral, counts, tablesContaining, WRITE_TABLES } from './test/helpers.js';

type Headers = Record<string, string>;

describe.each(DATABASE_KINDS)('referrals on %s', (kind) => {
  let env: TestEnv;
  let officer: Headers;
  let grace: Headers;
  let oliver: Headers;
  let amira: Headers;
  const today = todayInUk();

  const api = (method: string, url: string, headers: Headers, payload?: unknown) =>
    env.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  const refer = async (over: Record<string, unknown> = {}) => {
    const res = await api('POST', '/api/v1/referrals', officer, adultReferral(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string; kind: string };
  };
  /** A referral with a positive RG issued today: its recovery period runs for the configured days. */
  const referWithPositiveRg = async () => {
    const r = await refer();
    const p = await api('POST', `/api/v1/referrals/${r.id}/decisions`, grace, { stage: 'rg', outcome: 'positive', reasons: 'Control, work conditions and the account meet the threshold.' });
    expect(p.statusCode, p.body).toBe(201);
    const rev = await api('POST', `/api/v1/referrals/${r.id}/decisions/${p.json().decisionId}/review`, oliver, { upheld: true, declaresNoImmigrationInvolvement: true });
    expect(rev.statusCode, rev.body).toBe(200);
    return { ...r, review: rev.json() as { status: string; recoveryEndsOn: string; supportCaseId: string | null } };
  };

  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    [officer, grace, oliver, amira] = await Promise.all(
      ['officer@met.demo', 'decision@sca.demo', 'reviewer@sca.demo', 'reviewer2@sca.demo'].map((e) => apiAuth(env.app, e)),
    );
  });
  afterAll(async () => env?.close());

  it('has every route of the access expectations', () => {
    for (const e of ACCESS_EXPECTATIONS) {
      const [method, url] = e.route.split(' ') as [string, string];
      expect(env.app.hasRoute({ method: method as 'GET', url }), e.route).toBe(true);
    }
  });

  it('submits an adult referral with consent, with facts that others can read and identity kept apart', async () => {
    const r = await refer();
    expect(r.reference).toMatch(/^NRM-\d{4}-\d{6}$/);
    const detail = await api('GET', `/api/v1/referrals/${r.id}`, grace);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'awaiting_rg', victim: { givenName: 'Elira', familyName: 'Berisha' }, rgDueOn: expect.any(String) });
    const facts = detail.json().facts;
    expect(facts).toMatchObject({ recordKind: 'referral_facts', route: ['AL', 'IT', 'FR', 'GB'], phones: [{ normalised: '+447700900456' }], vehicles: [{ normalised: 'LK28XRV' }] });
    // The NCA reads the facts through the data-sharing agreement, never the identity.
    const nca = await apiAuth(env.app, 'analyst@nca.demo');
    const shared = await api('GET', '/api/v1/referrals/facts?limit=1000', nca);
    const mine = shared.json().items.find((f: { referralId: string }) => f.referralId === r.id);
    expect(mine).toMatchObject({ exploitationTypes: ['labour'], suspects: [{ value: 'Arben Kola' }] });
    expect(JSON.stringify(mine)).not.toContain('Elira');
    expect((await api('GET', `/api/v1/referrals/${r.id}`, nca)).statusCode).toBe(403);
    // An organisation with no agreement for referral facts sees none.
    const msoicu = await apiAuth(env.app, 'msoicu@npcc.demo');
    const none = await api('GET', '/api/v1/referrals/facts', msoicu);
    expect(none.statusCode).toBe(200);
    expect(none.json().items).toEqual([]);
  });

  it('refuses an adult referral without consent as a referral, with a clear message, writing nothing', async () => {
    const before = await counts(env.ctx.db, WRITE_TABLES);
    const res = await api('POST', '/api/v1/referrals', officer, adultReferral({ kind: 'nrm', consent: false }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { field: 'consent', message: 'An adult must consent to be referred to the NRM. Without consent, record a Duty to Notify instead: it keeps no identifying details.' },
    ]);
    expect(await counts(env.ctx.db, WRITE_TABLES)).toEqual(before);
  });

  it('refuses a future date of birth, writing nothing', async () => {
    const before = await counts(env.ctx.db, WRITE_TABLES);
    const future = `${Number(today.slice(0, 4)) + 1}-01-15`;
    const res = await api('POST', '/api/v1/referrals', officer, adultReferral({ dateOfBirth: future }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toContainEqual({ field: 'dateOfBirth', message: 'Date of birth must be in the past' });
    expect(await counts(env.ctx.db, WRITE_TABLES)).toEqual(before);
  });

  it('refuses a conclusive grounds decision before the recovery period ends, writing nothing', async () => {
    const r = await referWithPositiveRg();
    expect(r.review.status).toBe('awaiting_cg');
    expect(daysBetween(today, r.review.recoveryEndsOn)).toBe(env.ctx.config.recoveryPeriodDays);
    const before = await counts(env.ctx.db, WRITE_TABLES);
    const version = (await api('GET', `/api/v1/referrals/${r.id}`, grace)).json().version;
    const res = await api('POST', `/api/v1/referrals/${r.id}/decisions`, grace, { stage: 'cg', outcome: 'positive', reasons: 'On the balance of probabilities the person is a victim.' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^A conclusive grounds decision cannot be made before the recovery period ends on \d{1,2} \w+ \d{4}\.$/);
    const after = await counts(env.ctx.db, WRITE_TABLES);
    // Reading the referral is audited; nothing else may change.
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    const now = (await api('GET', `/api/v1/referrals/${r.id}`, grace)).json();
    expect(now).toMatchObject({ status: 'awaiting_cg', version });
  });

  it('refuses a second review by the same decision-maker, writing nothing, and accepts another', async () => {
    const r = await refer();
    const p = await api('POST', `/api/v1/referrals/${r.id}/decisions`, oliver, { stage: 'rg', outcome: 'negative', reasons: 'No information about the means of exploitation was given.' });
    expect(p.statusCode).toBe(201);
    const before = await counts(env.ctx.db, WRITE_TABLES);
    const same = await api('POST', `/api/v1/referrals/${r.id}/decisions/${p.json().decisionId}/review`, oliver, { upheld: true, declaresNoImmigrationInvolvement: true });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toBe('The second review must be made by a different decision-maker from the one who made the decision.');
    expect(await counts(env.ctx.db, WRITE_TABLES)).toEqual(before);
    const pending = await sql<{ review_status: string }>`SELECT review_status FROM referral_decisions WHERE id = ${p.json().decisionId}`.execute(env.ctx.db);
    expect(pending.rows[0]!.review_status).toBe('awaiting');
    const noDeclaration = await api('POST', `/api/v1/referrals/${r.id}/decisions/${p.json().decisionId}/review`, amira, { upheld: true, declaresNoImmigrationInvolvement: false });
    expect(noDeclaration.statusCode).toBe(422);
    const ok = await api('POST', `/api/v1/referrals/${r.id}/decisions/${p.json().decisionId}/review`, amira, { upheld: true, declaresNoImmigrationInvolvement: true });
    expect(ok.json()).toMatchObject({ status: 'rg_negative', issuedOn: today });
    // A negative decision can be reconsidered on request.
    const rc = await api('POST', `/api/v1/referrals/${r.id}/reconsiderations`, officer, { grounds: 'The support provider has new evidence of control by the employer.' });
    expect(rc.json()).toMatchObject({ status: 'rg_reconsideration' });
  });

  it('only lets designated first-responder organisations refer', async () => {
    const hoi = await sql<{ id: number }>`SELECT id FROM agencies WHERE code = 'hoi'`.execute(env.ctx.db);
    await sql`INSERT INTO users (email, name, agency_id, roles, password_hash, demo)
              SELECT 'responder@hoi.test', 'Test Responder', ${hoi.rows[0]!.id}, '{first_responder}', password_hash, true FROM users WHERE email = 'officer@met.demo'`.execute(env.ctx.db);
    const h = await apiAuth(env.app, 'responder@hoi.test');
    const res = await api('POST', '/api/v1/referrals', h, adultReferral());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('is not a designated first-responder organisation');
    const coordinator = await apiAuth(env.app, 'coordinator@la-leeds.demo');
    expect((await api('POST', '/api/v1/referrals', coordinator, adultReferral())).statusCode).toBe(403);
  });

  it('records a Duty to Notify with no identifying field, and refuses identity on one', async () => {
    const withName = await api('POST', '/api/v1/referrals', officer, adultReferral({ kind: 'dtn', consent: false }));
    expect(withName.statusCode).toBe(422);
    expect(withName.json().error.message).toContain('A Duty to Notify must not record who the person is');
    const { givenName, familyName, dateOfBirth, ...facts } = adultReferral({ consent: false, kind: 'dtn' });
    void givenName;
    void familyName;
    void dateOfBirth;
    const res = await api('POST', '/api/v1/referrals', officer, facts);
    expect(res.statusCode, res.body).toBe(201);
    const { id, reference } = res.json();
    expect(reference).toMatch(/^DTN-/);
    const victims = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral_victims WHERE referral_id = ${id}`.execute(env.ctx.db);
    expect(victims.rows[0]!.n).toBe(0);
    const detail = (await api('GET', `/api/v1/referrals/${id}`, grace)).json();
    expect(detail).toMatchObject({ kind: 'dtn', status: 'dtn', victim: null, facts: { exploitationTypes: ['labour'] } });
    const decide = await api('POST', `/api/v1/referrals/${id}/decisions`, grace, { stage: 'rg', outcome: 'positive', reasons: 'A Duty to Notify is not decided on at all.' });
    expect(decide.statusCode).toBe(409);
  });

  it('keeps drafts server-side and scrubs identity from a draft the moment an adult declines', async () => {
    const d = await api('POST', '/api/v1/referrals/drafts', officer, { givenName: 'Quillon', familyName: 'Vardeska', ageGroup: 'adult', gender: 'male', nationality: 'VN' });
    expect(d.statusCode).toBe(201);
    const id = d.json().id;
    expect((await api('GET', `/api/v1/referrals/drafts/${id}`, officer)).json().answers).toMatchObject({ givenName: 'Quillon' });
    const declined = await api('PATCH', `/api/v1/referrals/drafts/${id}`, officer, { consent: false, exploitationTypes: ['criminal'], forceAreas: ['kent'] });
    expect(declined.json()).toMatchObject({ outcome: 'dtn' });
    expect(declined.json().answers).not.toHaveProperty('givenName');
    expect(await tablesContaining(env.ctx.db, 'Quillon')).toEqual([]);
    // Another user cannot see the draft.
    const other = await apiAuth(env.app, 'officer@west-midlands.demo');
    expect((await api('GET', `/api/v1/referrals/drafts/${id}`, other)).statusCode).toBe(404);
    const sub = await api('POST', `/api/v1/referrals/drafts/${id}/submit`, officer, { acknowledgeNotices: true });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json().kind).toBe('dtn');
    expect((await api('GET', `/api/v1/referrals/drafts/${id}`, officer)).statusCode).toBe(404);
  });

  it('keeps a page-by-page draft through a session time-out and resumes it after signing in again', async () => {
    let s = await pageAuth(env.app, 'glaa@glaa.demo');
    const form = (body: Record<string, string>, csrf: string) => new URLSearchParams({ _csrf: csrf, ...body }).toString();
    const html = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const start = await env.app.inject({ method: 'POST', url: '/referrals/drafts', headers: { ...html, cookie: s.cookie }, payload: form({}, s.csrf) });
    expect(start.statusCode).toBe(303);
    const person = start.headers.location as string;
    const saved = await env.app.inject({
      method: 'POST',
      url: person,
      headers: { ...html, cookie: s.cookie },
      payload: form({ givenName: 'Teodora', familyName: 'Ilieva', ageGroup: 'adult', gender: 'female', nationality: 'RO' }, s.csrf),
    });
    expect(saved.headers.location).toMatch(/\/consent$/);
    // The session times out (idle for over an hour; the principal cache's few seconds have long passed): the next
    // page sends the user to sign in.
    await sql`UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE user_id = (SELECT id FROM users WHERE email = 'glaa@glaa.demo')`.execute(env.ctx.db);
    env.ctx.principals.clear();
    const expired = await env.app.inject({ method: 'GET', url: person.replace('/person', '/consent'), headers: { cookie: s.cookie, accept: 'text/html' } });
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toContain('/sign-in?next=');
    s = await pageAuth(env.app, 'glaa@glaa.demo');
    const drafts = await env.app.inject({ method: 'GET', url: '/referrals/new', headers: { cookie: s.cookie, accept: 'text/html' } });
    expect(drafts.body).toContain('Teodora Ilieva, adult');
    const back = await env.app.inject({ method: 'GET', url: person, headers: { cookie: s.cookie, accept: 'text/html' } });
    expect(back.body).toContain('value="Teodora"');
  });

  it('autosaves a question page as it is typed: partial answers kept, a malformed answer refused, CSRF required', async () => {
    const s = await pageAuth(env.app, 'officer@met.demo');
    const start = await env.app.inject({
      method: 'POST',
      url: '/referrals/drafts',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: s.cookie },
      payload: new URLSearchParams({ _csrf: s.csrf }).toString(),
    });
    expect(start.statusCode).toBe(303);
    const person = start.headers.location as string;
    const id = person.split('/')[3]!;
    const autosave = (fields: Record<string, string>, headers: Headers = { 'x-csrf-token': s.csrf }) =>
      env.app.inject({
        method: 'POST',
        url: `${person}/autosave`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: s.cookie, ...headers },
        payload: new URLSearchParams(fields).toString(),
      });
    const draft = async () => (await api('GET', `/api/v1/referrals/drafts/${id}`, officer)).json() as { answers: Record<string, unknown>; lastStep: string | null; updatedAt: string };
    // Half a page: no age group, gender or nationality yet, which Continue would ask for. Saved all the same.
    const blank = { 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', gender: '', nationality: '' };
    const ok = await autosave({ givenName: 'Ondrea', familyName: '', ...blank });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ saved: true, step: 'person', savedAt: expect.any(String) });
    expect(await draft()).toMatchObject({ answers: { givenName: 'Ondrea' }, lastStep: 'person' });
    const audited = await sql<{ detail: unknown }>`SELECT detail FROM audit_log WHERE entity_id = ${id} AND action = 'referrals.draft.saved'`.execute(env.ctx.db);
    expect(audited.rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail))).toEqual([{ step: 'person', autosave: true }]);
    // A second autosave replaces the page's answers (a cleared field is cleared).
    expect((await autosave({ ...blank, familyName: 'Marek', gender: 'female' })).statusCode).toBe(200);
    const saved = await draft();
    expect(saved.answers).toEqual({ familyName: 'Marek', gender: 'female' });
    // Malformed answers are refused, naming the field, and change nothing.
    const before = await counts(env.ctx.db, WRITE_TABLES);
    const badDate = await autosave({ givenName: 'Ondrea', familyName: 'Marek', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error.fields).toEqual([{ field: 'dateOfBirth', message: 'Date of birth must be a real date' }]);
    const badCode = await autosave({ givenName: 'Ondrea', gender: 'not-a-gender' });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['gender']);
    const tooLong = await autosave({ givenName: 'x'.repeat(101) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields[0].field).toBe('givenName');
    const nested = await env.app.inject({
      method: 'POST',
      url: `${person}/autosave`,
      headers: { accept: 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { givenName: { first: 'Ondrea' } },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.fields[0].field).toContain('givenName');
    // CSRF: a cookie-authenticated autosave without the session's token is refused.
    const noCsrf = await autosave({ givenName: 'Ondrea' }, {});
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
    expect((await autosave({ givenName: 'Ondrea' }, { 'x-csrf-token': 'not-the-token' })).statusCode).toBe(403);
    expect(await draft()).toEqual(saved);
    expect(await counts(env.ctx.db, WRITE_TABLES)).toEqual({ ...before, audit_log: before.audit_log! + 1 }); // the draft read above
    // Autosaves count as activity: they keep an active user's idle session alive (the kernel's sliding expiry).
    await sql`UPDATE sessions SET last_seen_at = now() - interval '50 minutes' WHERE user_id = (SELECT id FROM users WHERE email = 'officer@met.demo')`.execute(env.ctx.db);
    env.ctx.principals.clear();
    expect((await autosave({ ...blank, familyName: 'Marek', gender: 'female' })).statusCode).toBe(200);
    const seen = await sql<{ idle: number }>`SELECT min(extract(epoch FROM now() - last_seen_at))::int AS idle FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'officer@met.demo')`.execute(env.ctx.db);
    expect(seen.rows[0]!.idle).toBeLessThan(60);
    // Only a question page autosaves, and only the owner's draft.
    expect((await env.app.inject({ method: 'POST', url: `/referrals/drafts/${id}/check/autosave`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: 'a=b' })).statusCode).toBe(404);
    const other = await pageAuth(env.app, 'glaa@glaa.demo');
    const theirs = await env.app.inject({
      method: 'POST',
      url: `${person}/autosave`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie: other.cookie, 'x-csrf-token': other.csrf },
      payload: 'givenName=Intruder',
    });
    expect(theirs.statusCode).toBe(404);
    // The page carries the script and the status line; the script is served from the capability.
    const page = await env.app.inject({ method: 'GET', url: person, headers: { cookie: s.cookie, accept: 'text/html' } });
    expect(page.body).toContain(`data-autosave="${person}/autosave"`);
    expect(page.body).toContain('aria-live="polite" data-autosave-status');
    expect(page.body).toContain('<script type="module" src="/assets/referrals/autosave.mjs"></script>');
    const script = await env.app.inject({ method: 'GET', url: '/assets/referrals/autosave.mjs' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect((await env.app.inject({ method: 'GET', url: '/assets/referrals/..%2Fstore.ts' })).statusCode).toBe(404);
  });

  it('insists first responders read new threshold notices, which decision-makers publish', async () => {
    const pub = await api('POST', '/api/v1/referrals/notices', grace, { title: 'Criminal exploitation evidence', body: 'Record who directed the offending and how, not only the offence itself.' });
    expect(pub.statusCode).toBe(201);
    const seen = (await api('GET', '/api/v1/referrals/notices', officer)).json().items;
    expect(seen.find((n: { id: string }) => n.id === pub.json().id)).toMatchObject({ acknowledged: false });
    const refused = await api('POST', '/api/v1/referrals', officer, adultReferral({ acknowledgeNotices: false }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('acknowledgeNotices');
    expect((await api('POST', `/api/v1/referrals/notices/${pub.json().id}/acknowledgements`, officer)).statusCode).toBe(204);
    expect((await api('POST', '/api/v1/referrals/notices', officer, { title: 'x', body: 'y' })).statusCode).toBe(403);
  });

  it('opens a support case on a positive RG and keeps it: provider changes, contacts, disengagement', async () => {
    const r = await referWithPositiveRg();
    const caseId = r.review.supportCaseId!;
    expect(caseId).toBeTruthy();
    const nav = await apiAuth(env.app, 'navigator@salvation-army.demo');
    const c = await api('GET', `/api/v1/referrals/support-cases/${caseId}`, nav);
    expect(c.json()).toMatchObject({ person: { givenName: 'Elira' }, currentProvider: 'salvation-army' });
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    expect((await api('POST', `/api/v1/referrals/support-cases/${caseId}/providers`, nav, { provider: 'medaille-trust', from: tomorrow.toISOString().slice(0, 10) })).statusCode).toBe(422);
    for (const outcome of ['missed', 'missed', 'missed']) {
      expect((await api('POST', `/api/v1/referrals/support-cases/${caseId}/contacts`, nav, { on: today, outcome, method: 'phone' })).statusCode).toBe(201);
    }
    const flagged = (await api('GET', `/api/v1/referrals/support-cases/${caseId}`, nav)).json();
    expect(flagged.disengagement).toMatchObject({ flagged: true, consecutiveMissed: 3 });
    // A provider not named on the case cannot see it; the navigator's organisation can once assigned.
    const jc = await apiAuth(env.app, 'navigator@justice-and-care.demo');
    expect((await api('GET', `/api/v1/referrals/support-cases/${caseId}`, jc)).statusCode).toBe(404);
    expect((await api('POST', `/api/v1/referrals/support-cases/${caseId}/workers`, nav, { role: 'navigator', name: 'Ben Cole', agencyCode: 'justice-and-care', from: today })).statusCode).toBe(201);
    expect((await api('GET', `/api/v1/referrals/support-cases/${caseId}`, jc)).statusCode).toBe(200);
    const report = await api('GET', `/api/v1/referrals/support-report?quarter=${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`, grace);
    expect(report.json().rows.find((x: { provider: string }) => x.provider === 'salvation-army').contactsMissed).toBeGreaterThanOrEqual(3);
  });

  it('records a child going missing from care and lists it for the multi-agency review', async () => {
    const child = await refer({ consent: undefined, ageGroup: 'child', dateOfBirth: undefined, localAuthority: 'la-hillingdon', laNotifiedOn: today, ictgReferred: true, missingFromCare: false });
    const ep = await api('POST', `/api/v1/referrals/${child.id}/missing-episodes`, officer, { wentMissingAt: new Date(Date.now() - 3600_000).toISOString(), reportedToPolice: true });
    expect(ep.statusCode).toBe(201);
    const la = await apiAuth(env.app, 'safeguarding@la-hillingdon.demo');
    const list = (await api('GET', '/api/v1/referrals/children/missing', la)).json().items;
    expect(list.find((x: { referralId: string }) => x.referralId === child.id)).toMatchObject({ returnedAt: null });
    const detail = (await api('GET', `/api/v1/referrals/${child.id}`, la)).json();
    expect(detail.child).toMatchObject({ missingFromCare: true, ictgReferred: true });
    expect(detail.victim.givenName).toBe('Elira');
  });

  it('draws one monthly case-review sample and refuses a finding by the decision-maker', async () => {
    const list = (await api('GET', '/api/v1/referrals/case-reviews', grace)).json().items;
    expect(list.length).toBeGreaterThan(0);
    const month = list[0].month;
    expect((await api('POST', '/api/v1/referrals/case-reviews', grace, { month, size: 5 })).statusCode).toBe(409);
    const sample = (await api('GET', `/api/v1/referrals/case-reviews/${list[0].id}`, grace)).json();
    const graceId = (await api('GET', '/api/v1/me', grace)).json().userId;
    const mine = sample.items.find((i: { decision_id: string }) => i.decision_id);
    const decision = await sql<{ decided_by: string; reviewed_by: string }>`SELECT decided_by, reviewed_by FROM referral_decisions WHERE id = ${mine.decision_id}`.execute(env.ctx.db);
    const involved = [decision.rows[0]!.decided_by, decision.rows[0]!.reviewed_by].includes(graceId);
    const res = await api('PUT', `/api/v1/referrals/case-reviews/${list[0].id}/items/${mine.decision_id}`, grace, { finding: 'sound' });
    expect(res.statusCode).toBe(involved ? 422 : 204);
  });

  it('measures the demo backlog and RG timeliness exactly as a direct SQL count does', async () => {
    const m = (await api('GET', '/api/v1/referrals/statistics?publication=no', grace)).json();
    const backlog = await sql<{ n: number; mean: number | null; median: number | null }>`
      SELECT count(*)::int AS n, avg(${today}::date - submitted_on)::float8 AS mean,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${today}::date - submitted_on)::float8 AS median
        FROM referrals WHERE status IN ('awaiting_cg', 'cg_review')`.execute(env.ctx.db);
    const b = backlog.rows[0]!;
    expect(b.n).toBeGreaterThan(10);
    expect(m.backlog.awaiting).toBe(b.n);
    expect(m.backlog.meanDaysWaiting).toBeCloseTo(b.mean!, 6);
    expect(m.backlog.medianDaysWaiting).toBeCloseTo(b.median!, 6);
    expect(b.mean!).toBeGreaterThan(365);
    // Working days counted in SQL: weekdays after the referral date up to the issue date, bank holidays excluded.
    const years = [...Array(8)].map((_, i) => Number(today.slice(0, 4)) - 6 + i);
    const holidays = years.flatMap((y) => [...bankHolidays(y)]);
    const tl = await sql<{ decisions: number; within: number }>`
      WITH rg AS (
        SELECT r.submitted_on, d.issued_on FROM referral_decisions d JOIN referrals r ON r.id = d.referral_id
         WHERE d.stage = 'rg' AND NOT d.reconsideration AND d.review_status = 'upheld'
           AND d.issued_on BETWEEN ${m.period.from}::date AND ${m.period.to}::date)
      SELECT count(*)::int AS decisions,
             count(*) FILTER (WHERE (SELECT count(*) FROM generate_series(rg.submitted_on + 1, rg.issued_on, interval '1 day') AS g(day)
                                      WHERE extract(isodow FROM g.day) < 6 AND g.day::date <> ALL(${holidays}::date[])) <= 5)::int AS within
        FROM rg`.execute(env.ctx.db);
    expect(tl.rows[0]!.decisions).toBeGreaterThan(10);
    expect(m.timeliness.decisions).toBe(tl.rows[0]!.decisions);
    expect(m.timeliness.withinTarget).toBe(tl.rows[0]!.within);
    expect(m.timeliness.share).toBeCloseTo(tl.rows[0]!.within / tl.rows[0]!.decisions, 9);
    const backlogTable = m.tables.find((t: { id: string }) => t.id === 'backlog');
    expect(backlogTable.rows.find((r: { key: string }) => r.key === 'total').cells.awaiting).toBe(String(b.n));
  });

  it('builds the official tables from the data, suppresses small cells for publication, and downloads CSV', async () => {
    const stats = (await api('GET', '/api/v1/referrals/statistics?publication=no', grace)).json();
    const t = stats.tables.find((x: { id: string }) => x.id === 'exploitation-by-age');
    const nrm = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals WHERE kind = 'nrm' AND submitted_on BETWEEN ${stats.period.from}::date AND ${stats.period.to}::date`.execute(env.ctx.db);
    expect(t.rows.find((r: { key: string }) => r.key === 'total').cells.total).toBe(String(nrm.rows[0]!.n));
    const dtn = stats.tables.find((x: { id: string }) => x.id === 'dtn');
    const dtnCount = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals WHERE kind = 'dtn' AND submitted_on BETWEEN ${stats.period.from}::date AND ${stats.period.to}::date`.execute(env.ctx.db);
    expect(dtn.rows.find((r: { key: string }) => r.key === 'total').cells.total).toBe(String(dtnCount.rows[0]!.n));
    const published = (await api('GET', '/api/v1/referrals/statistics', grace)).json();
    const nat = published.tables.find((x: { id: string }) => x.id === 'nationality');
    const cells = nat.rows.flatMap((r: { cells: Record<string, string> }) => Object.values(r.cells));
    expect(cells).toContain('[c]');
    expect(cells.every((c: string) => c === '[c]' || c === '0' || Number(c) >= 5)).toBe(true);
    const csv = await api('GET', '/api/v1/referrals/statistics/first-responder?format=csv', grace);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('Category,NRM referrals,Duty to Notify,Total');
  });
});
