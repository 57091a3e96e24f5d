import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../../test/support/databases.js';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../../test/support/context.js';

/** Reading an investigation (subjects and victims are personal data) needs a stated reason for access. */
const PURPOSE = { 'x-fusion-purpose': 'law-enforcement' };

describe.each(DATABASE_KINDS)('investigations on %s', (kind) => {
  let env: TestEnv;
  let met: Record<string, string>;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    met = { ...(await apiAuth(env.app, 'supervisor@met.demo')), ...PURPOSE };
  });
  afterAll(async () => env?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    env.app.inject({ method, url, headers, payload: payload as never });

  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await api('POST', '/api/v1/investigations', met, {
      operationName: `Test ${Math.random().toString(36).slice(2, 8)}`,
      primaryThreat: 'msht',
      threats: [{ threat: 'msht', subtype: 'criminal' }],
      offences: ['msa_s2', 'drugs'],
      openedOn: '2025-03-01',
      dedicatedTeam: true,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('suggests the owner of an OIC investigation by each rule, through the API and on the investigation', async () => {
    const ask = async (facts: Record<string, boolean>) => (await api('POST', '/api/v1/investigations/ownership-suggestion', met, facts)).json();
    expect((await ask({ fatality: true, s25: true, complexFacilitation: true })).ruleId).toBe('police-fatality');
    expect((await ask({ complexFacilitation: true })).owner).toBe('nca');
    expect((await ask({ overseas: true })).owner).toBe('nca');
    expect((await ask({ online: true })).owner).toBe('nca');
    expect((await ask({ s24: true })).owner).toBe('ie-cfi');
    expect((await ask({ administrativeRemoval: true })).owner).toBe('ie-ice');
    expect((await ask({ initialResponse: true })).owner).toBe('police');

    const id = await create({ primaryThreat: 'oic', threats: [{ threat: 'oic', subtype: 'clandestine_vehicle' }], offences: ['ia1971_s25'], oicFacts: { s25: true, initialResponse: true } });
    const inv = (await api('GET', `/api/v1/investigations/${id}`, met)).json();
    expect(inv.ownershipSuggestion).toMatchObject({ owner: 'ie-cfi', ruleId: 'ie-cfi-s24-s25' });
    expect(inv.ownershipSuggestion.policeDuties.length).toBe(1);
  });

  it('cannot decide an allocation without a rationale: 422 naming the field, nothing written', async () => {
    const id = await create({ supportingForces: [{ forceCode: 'west-midlands', duties: '' }] });
    const candidates = [
      { forceCode: 'met', victims: 5, harm: 3, suspects: 2, evidenceSites: 3, capacity: 'high' },
      { forceCode: 'west-midlands', victims: 2, harm: 2, suspects: 1, evidenceSites: 1, capacity: 'medium' },
    ];
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM inv_allocations WHERE investigation_id = ${id}`.execute(env.ctx.db)).rows[0]!.n;
    const before = (await api('GET', `/api/v1/investigations/${id}`, met)).json();

    for (const rationale of [undefined, '', '   ']) {
      const res = await api('POST', `/api/v1/investigations/${id}/allocations`, met, { candidates, decidedForceCode: 'met', rationale, duties: { 'west-midlands': 'Arrest the suspect living there' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rationale']);
    }
    const noDuties = await api('POST', `/api/v1/investigations/${id}/allocations`, met, { candidates, decidedForceCode: 'met', rationale: 'Most victims are in London.' });
    expect(noDuties.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['duties.west-midlands']);
    expect(await count()).toBe(0);
    const after = (await api('GET', `/api/v1/investigations/${id}`, met)).json();
    expect(after.version).toBe(before.version);
    expect(after.leadForceCode).toBe(before.leadForceCode);

    const rec = await api('POST', '/api/v1/investigations/allocation-recommendation', met, { candidates });
    expect(rec.json().forceCode).toBe('met');
    const ok = await api('POST', `/api/v1/investigations/${id}/allocations`, met, {
      candidates,
      decidedForceCode: 'west-midlands',
      rationale: 'The Met team is committed to a linked operation; West Midlands has the premises.',
      duties: { met: 'Safeguard the victims in London and execute the warrants there.' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().recommendation.forceCode).toBe('met');
    expect(await count()).toBe(1);
    const decided = (await api('GET', `/api/v1/investigations/${id}`, met)).json();
    expect(decided.leadForceCode).toBe('west-midlands');
    expect(decided.leadAgency.code).toBe('west-midlands');
    expect(decided.crossRegional).toBe(true);
    expect(decided.supportingForces).toEqual([{ forceCode: 'met', duties: 'Safeguard the victims in London and execute the warrants there.' }]);
    expect(decided.allocations[0]).toMatchObject({ recommendedForceCode: 'met', decidedForceCode: 'west-midlands', decidedBy: 'DS Tom Hughes' });
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'investigation.allocate' AND entity_id = ${id}`.execute(env.ctx.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('records subjects, victims, early advice, charges, orders and outcomes, refusing inconsistent ones', async () => {
    const id = await create({ financialInvestigation: true });
    const subject = await api('POST', `/api/v1/investigations/${id}/subjects`, met, { name: 'Test Subject', role: 'principal', residesForceCode: 'met' });
    expect(subject.statusCode).toBe(201);
    const subjectId = subject.json().id;
    expect((await api('POST', `/api/v1/investigations/${id}/victims`, met, { referralId: 'NRM-TEST-1', isChild: true, engagement: 'engaged', navigator: true })).statusCode).toBe(201);
    expect((await api('POST', `/api/v1/investigations/${id}/cps-advice`, met, { requestedOn: '2025-04-01', receivedOn: '2025-03-01' })).statusCode).toBe(422);
    expect((await api('POST', `/api/v1/investigations/${id}/cps-advice`, met, { requestedOn: '2025-04-01', receivedOn: '2025-05-01', accessible: true, effective: false })).statusCode).toBe(201);
    const acquittedWithSentence = await api('POST', `/api/v1/investigations/${id}/charges`, met, { subjectId, group: 'msa_s2', offence: 's2 MSA', chargedOn: '2025-06-01', outcome: 'acquitted', outcomeOn: '2025-09-01', sentenceMonths: 24 });
    expect(acquittedWithSentence.statusCode).toBe(422);
    expect(acquittedWithSentence.json().error.fields[0].field).toBe('sentenceMonths');
    const charge = await api('POST', `/api/v1/investigations/${id}/charges`, met, { subjectId, group: 'msa_s2', offence: 's2 MSA', chargedOn: '2025-06-01', s45Raised: true });
    expect(charge.statusCode, charge.body).toBe(201);
    expect((await api('PATCH', `/api/v1/investigations/${id}/charges/${charge.json().id}`, met, { outcome: 'convicted' })).statusCode).toBe(422);
    expect((await api('PATCH', `/api/v1/investigations/${id}/charges/${charge.json().id}`, met, { outcome: 'convicted', outcomeOn: '2025-10-01', sentenceMonths: 66 })).statusCode).toBe(204);
    expect((await api('POST', `/api/v1/investigations/${id}/orders`, met, { subjectId, kind: 'stpo', status: 'granted', datedOn: '2025-10-01' })).statusCode).toBe(201);
    const inv = (await api('GET', `/api/v1/investigations/${id}`, met)).json();
    expect(inv.charges[0]).toMatchObject({ group: 'msa_s2', outcome: 'convicted', sentenceMonths: 66, s45Raised: true });
    expect(inv.victims[0]).toMatchObject({ referralId: 'NRM-TEST-1', engagement: 'engaged', navigator: true });
    expect(inv.orders[0]).toMatchObject({ kind: 'stpo', status: 'granted' });

    const close = await api('PATCH', `/api/v1/investigations/${id}`, { ...met, 'if-match': `"${inv.version}"` }, { status: 'finished', closedOn: '2025-10-02', lessonsLearnt: 'Zephyrine test lesson: phone downloads proved control without victim testimony.' });
    expect(close.statusCode, close.body).toBe(200);
    const lib = (await api('GET', '/api/v1/investigations/library?q=zephyrine', met)).json();
    expect(lib.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(lib.items[0]).toMatchObject({ convictions: 1, chargeGroups: ['msa_s2'] });
  });

  it('shows what works as counted in SQL, MSHT and OIC apart', async () => {
    const w = (await api('GET', '/api/v1/investigations/what-works', met)).json();
    const rate = await sql<{ finished: number; convicted: number }>`
      WITH d AS (
        SELECT c.subject_id, bool_or(c.outcome = 'convicted') AS convicted, bool_or(c.outcome = 'pending') AS pending
        FROM inv_charges c JOIN inv_investigations i ON i.id = c.investigation_id
        WHERE i.primary_threat = 'msht' GROUP BY c.subject_id)
      SELECT count(*) FILTER (WHERE NOT pending)::int AS finished, count(*) FILTER (WHERE NOT pending AND convicted)::int AS convicted FROM d`.execute(env.ctx.db);
    expect(w.msht.conviction.finished).toBe(rate.rows[0]!.finished);
    expect(w.msht.conviction.convicted).toBe(rate.rows[0]!.convicted);
    // Published: 70-76%; the demo is drawn around 72%.
    expect(w.msht.conviction.rate).toBeGreaterThan(0.55);
    expect(w.msht.conviction.rate).toBeLessThan(0.9);

    const live = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inv_investigations WHERE primary_threat = 'msht' AND opened_on <= '2022-12-31' AND (closed_on IS NULL OR closed_on > '2022-12-31')`.execute(env.ctx.db);
    const y = (year: number) => w.liveOverTime.find((l: { year: number }) => l.year === year).msht;
    expect(y(2022)).toBe(live.rows[0]!.n);
    // Shaped like 188 (2016), 1,479 (2019), 4,322 (2022), 3,552 (2024): rising to a peak in 2022, then falling.
    expect(y(2016)).toBeLessThan(y(2019));
    expect(y(2019)).toBeLessThan(y(2022));
    expect(y(2024)).toBeLessThan(y(2022));
    expect(Math.max(...w.liveOverTime.map((l: { msht: number }) => l.msht))).toBe(y(2022));

    const criminal = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM inv_charges c JOIN inv_investigations i ON i.id = c.investigation_id
      WHERE i.primary_threat = 'msht' AND EXISTS (SELECT 1 FROM inv_threats t WHERE t.investigation_id = i.id AND t.subtype = 'criminal')`.execute(env.ctx.db);
    const mix = w.chargingMix.find((r: { type: string }) => r.type === 'criminal');
    expect(mix.total).toBe(criminal.rows[0]!.n);
    // Undercharging: drug offences are used instead of the MSA for criminal exploitation.
    expect(mix.counts.drugs).toBeGreaterThan(0);
    expect(mix.msaShare).toBeLessThan(0.75);
  });

  it('keeps records to agencies that may see them and refuses roles without the permission', async () => {
    const officer = await apiAuth(env.app, 'officer@met.demo');
    expect((await api('GET', '/api/v1/investigations', officer)).statusCode).toBe(403);
    const id = await create({ handlingCode: 'C', handlingConditions: { namedAgencies: ['nca'], text: 'NCA only' } });
    const wy = { ...(await apiAuth(env.app, 'analyst@west-yorkshire.demo')), ...PURPOSE };
    const refused = await api('GET', `/api/v1/investigations/${id}`, wy);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('contact Metropolitan Police');
    const ncaAnalyst = await apiAuth(env.app, 'analyst@nca.demo');
    expect((await api('GET', `/api/v1/investigations/${id}`, ncaAnalyst)).statusCode).toBe(428);
    expect((await api('GET', `/api/v1/investigations/${id}`, { ...ncaAnalyst, ...PURPOSE })).statusCode).toBe(200);
    const list = (await api('GET', '/api/v1/investigations?limit=500', wy)).json();
    expect(list.items.some((i: { id: string }) => i.id === id)).toBe(false);
    // Only the lead agency changes the details.
    expect((await api('PATCH', `/api/v1/investigations/${id}`, { ...(await apiAuth(env.app, 'jfc@nca.demo')), 'if-match': '"1"' }, { summary: 'x' })).statusCode).toBe(403);
  });

  it('downloads tables as CSV', async () => {
    const { cookie } = await pageAuth(env.app, 'supervisor@met.demo');
    for (const url of ['/investigations?format=csv', '/investigations/library?format=csv', '/investigations/what-works?table=live&format=csv', '/investigations/what-works?table=mix&format=csv', '/investigations/what-works?table=outcomes&format=csv', '/investigations/what-works?table=conviction&format=csv']) {
      const res = await env.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body.split('\n').length, url).toBeGreaterThan(2);
    }
  });

  it('shows the partners an investigation’s facts imply and records "Mark as engaged" through the partners form', async () => {
    const id = await create({ threats: [{ threat: 'msht', subtype: 'labour' }], offences: ['msa_s1', 'ia1971_s25'] });
    const { cookie, csrf } = await pageAuth(env.app, 'supervisor@met.demo');
    const url = `/investigations/${id}`;
    const page = await env.app.inject({ method: 'GET', url, headers: { cookie, accept: 'text/html', ...PURPOSE } });
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain('Partners to contact');
    // Labour exploitation: the GLAA; assisting unlawful immigration (s25): the NCCU and IE CFI.
    expect(page.body).toContain('id="partner-glaa"');
    expect(page.body).toContain('Gangmasters and Labour Abuse Authority');
    expect(page.body).toContain('glaa-labour-exploitation');
    expect(page.body).toContain('id="partner-nccu"');
    expect(page.body).toContain('id="partner-ie-cfi"');
    expect(page.body).toContain('Mark GLAA as engaged');
    expect(page.body).toContain('name="caseKind" value="investigation"');
    expect(page.body).toContain(`name="returnTo" value="${url}"`);

    const posted = await env.app.inject({
      method: 'POST',
      url: '/partners/engagements',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: csrf, partnerCode: 'glaa', caseKind: 'investigation', caseId: id, ruleId: 'glaa-labour-exploitation', returnTo: url }).toString(),
    });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`${url}?engaged=glaa`);
    const after = await env.app.inject({ method: 'GET', url: posted.headers.location as string, headers: { cookie, accept: 'text/html', ...PURPOSE } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('The partner engagement was recorded on this investigation.');
    const start = after.body.indexOf('id="partner-glaa"');
    const card = after.body.slice(start, after.body.indexOf('<div class="govuk-summary-card"', start + 1));
    expect(card).toContain('Engaged</strong>');
    expect(card).toMatch(/Engaged on .+ by /);
    expect(card).not.toContain('Mark GLAA as engaged');
    expect(after.body).toContain('Mark NCCU as engaged');

    // A linked group: organised crime (the NCA), and its overseas members' countries with their Europol coverage.
    const member = (
      await sql<{ ocg_id: string }>`SELECT ocg_id FROM ocg_members WHERE removed_at IS NULL AND location = 'overseas' AND country = 'France' LIMIT 1`.execute(env.ctx.db)
    ).rows[0]!;
    const linked = await create({ ocgIds: [member.ocg_id] });
    const withGroup = await env.app.inject({ method: 'GET', url: `/investigations/${linked}`, headers: { cookie, accept: 'text/html', ...PURPOSE } });
    expect(withGroup.statusCode).toBe(200);
    expect(withGroup.body).toContain('id="partner-nca"');
    expect(withGroup.body).toContain('France (covered by Europol)');
    expect(withGroup.body).toContain('id="partner-europol"');
  });

  it('refuses an allocation form without a rationale on the page too, writing nothing', async () => {
    const id = await create();
    const { cookie, csrf } = await pageAuth(env.app, 'supervisor@met.demo');
    const form = new URLSearchParams({ _csrf: csrf, action: 'decide', 'c0-force': 'met', 'c0-victims': '3', 'c0-suspects': '1', 'c0-evidence': '1', 'c0-capacity': 'high', 'c1-force': 'kent', 'c1-victims': '1', 'c1-suspects': '0', 'c1-evidence': '1', 'c1-capacity': 'low', decidedForceCode: 'met', rationale: '', 'duties-kent': 'Support' });
    const res = await env.app.inject({ method: 'POST', url: `/investigations/${id}/allocation`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#rationale"');
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inv_allocations WHERE investigation_id = ${id}`.execute(env.ctx.db);
    expect(n.rows[0]!.n).toBe(0);
  });
});
