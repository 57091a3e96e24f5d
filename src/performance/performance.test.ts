import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/support/databases.js';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../test/support/context.js';

/** The performance API and pages on both databases: scopes, publication, CSV, writes, checks and audit. */
describe.each(DATABASE_KINDS)('performance on %s', (kind) => {
  let env: TestEnv;
  let msoicu: Record<string, string>;
  let wyLead: Record<string, string>;
  let auditor: Record<string, string>;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    msoicu = await apiAuth(env.app, 'msoicu@npcc.demo');
    wyLead = await apiAuth(env.app, 'mslead@west-yorkshire.demo');
    auditor = await apiAuth(env.app, 'auditor@nca.demo');
  });
  afterAll(async () => env?.close());

  const get = (url: string, headers: Record<string, string>) =>
    env.app.inject({ method: 'GET', url, headers });
  const auditCount = async (action: string) =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(
        env.ctx.db,
      )
    ).rows[0]!.n;

  it('opens a force user on their force, a national agency on the nation, and refuses national figures to a force', async () => {
    const mine = await get('/api/v1/stats/dashboard', wyLead);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ scope: 'force:west-yorkshire', label: 'West Yorkshire Police' });
    const nat = await get('/api/v1/stats/dashboard', auditor);
    expect(nat.json().scope).toBe('national');
    expect(nat.json().measures.length).toBeGreaterThanOrEqual(14);
    const refused = await get('/api/v1/stats/dashboard?scope=national', wyLead);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/national figures are for national agencies/);
    expect((await get('/api/v1/stats/dashboard?scope=force:atlantis', auditor)).statusCode).toBe(400);
    expect(
      (await get('/api/v1/stats/dashboard', await apiAuth(env.app, 'officer@met.demo'))).statusCode,
    ).toBe(403);
  });

  it('suppresses small numbers in measures marked for publication, only when asked', async () => {
    const internal = (
      await get('/api/v1/stats/measures/referrals?scope=force:city-of-london', auditor)
    ).json();
    const published = (
      await get('/api/v1/stats/measures/referrals?scope=force:city-of-london&publication=yes', auditor)
    ).json();
    for (const [i, f] of internal.figures.entries()) {
      const small = f.value > 0 && f.value < 5;
      expect(published.figures[i].suppressed).toBe(small);
      expect(published.figures[i].value).toBe(small ? null : f.value);
    }
    expect(published.tables).toEqual([]);
    // A measure not marked for publication is never suppressed.
    const rg = (
      await get('/api/v1/stats/measures/rg-timeliness?scope=force:city-of-london&publication=yes', auditor)
    ).json();
    expect(rg.figures.every((f: { suppressed: boolean }) => !f.suppressed)).toBe(true);
  });

  it('renders the dashboard page with definitions, SVG trends with tables, CSV of each table and a print view', async () => {
    const { cookie } = await pageAuth(env.app, 'msoicu@npcc.demo');
    const page = await env.app.inject({
      method: 'GET',
      url: '/performance?scope=region:London&publication=yes',
      headers: { cookie, accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('London region');
    expect(page.body).toContain('Definition');
    expect(page.body).toMatch(/<svg class="fusion-chart perf-chart"[^>]*role="img"/);
    expect(page.body).toContain('table-referrals-trend');
    const csv = await env.app.inject({
      method: 'GET',
      url: '/performance/dashboard.csv?scope=region:London&table=referrals:referrals',
      headers: { cookie },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('NRM referrals and Duty to Notify');
    const all = await env.app.inject({
      method: 'GET',
      url: '/performance/dashboard.csv?scope=national',
      headers: { cookie },
    });
    expect(all.body).toContain('Measure,Figure,Value');
    expect(all.body).toContain('Live MSHT investigations');
    const print = await env.app.inject({
      method: 'GET',
      url: '/performance/print?scope=national',
      headers: { cookie, accept: 'text/html' },
    });
    expect(print.body).toContain('/performance/assets/performance.css');
    expect(print.body).not.toContain('class="perf-picker"');
    const css = await env.app.inject({ method: 'GET', url: '/performance/assets/performance.css' });
    expect(css.body).toContain('@media print');
  });

  it('tracks the seed recommendations with their deadlines, overdue unless done', async () => {
    const list = (await get('/api/v1/recommendations', auditor)).json();
    const count = (s: string) =>
      list.recommendations.filter((r: { source: string }) => r.source === s).length;
    expect([count('004'), count('002'), count('001'), count('003')]).toEqual([10, 13, 37, 12]);
    const r1 = list.recommendations.find((r: { code: string }) => r.code === '004-R1');
    expect(r1).toMatchObject({ deadline: '2025-12-31', owner: 'National Crime Agency' });
    expect(r1.overdue).toBe(r1.status !== 'done' && r1.status !== 'superseded');
    const r6 = list.recommendations.find((r: { code: string }) => r.code === '004-R6');
    expect(r6).toMatchObject({ status: 'done', overdue: false });
    const overdue = (await get('/api/v1/recommendations?overdue=yes', auditor)).json().recommendations;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    const { cookie } = await pageAuth(env.app, 'mslead@west-yorkshire.demo');
    const page = await env.app.inject({
      method: 'GET',
      url: '/performance/recommendations?source=004',
      headers: { cookie, accept: 'text/html' },
    });
    expect(page.body).toMatch(/id="rec-004-R1"[\s\S]*?31 December 2025[\s\S]*?Overdue/);
  });

  it('lets owners and the MSOICU record a recommendation’s status with evidence, and refuses others', async () => {
    const before = await auditCount('performance.recommendations.update');
    const nca = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/recommendations/004-R7',
      headers: wyLead,
      payload: { status: 'done', evidence: 'x' },
    });
    expect(nca.statusCode).toBe(403);
    const noEvidence = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/recommendations/004-R2',
      headers: wyLead,
      payload: { status: 'done' },
    });
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().error.fields[0].field).toBe('evidence');
    const rec = (await get('/api/v1/recommendations/004-R8', msoicu)).json().recommendation;
    const ok = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/recommendations/004-R8',
      headers: msoicu,
      payload: { status: 'done', evidence: 'Hydra delivered in all 43 forces', version: rec.version },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/recommendations/004-R8',
      headers: msoicu,
      payload: { status: 'in_progress', version: rec.version },
    });
    expect(stale.statusCode).toBe(409);
    const after = (await get('/api/v1/recommendations/004-R8', auditor)).json();
    expect(after.recommendation).toMatchObject({
      status: 'done',
      overdue: false,
      evidence: 'Hydra delivered in all 43 forces',
    });
    expect(after.updates.at(-1)).toMatchObject({ status: 'done', recorded_by_agency: 'npcc-msoicu' });
    expect(await auditCount('performance.recommendations.update')).toBe(before + 1);
  });

  it('records peer reviews (MSOICU only), their plan and progress with evidence by the reviewed force', async () => {
    const body = {
      agency_code: 'west-yorkshire',
      fieldwork_on: '2026-06-01',
      reported_on: '2026-07-15',
      revisit_due_on: '2027-07-15',
      lead_reviewer: 'DI Test',
      areas: [{ area: 'training', rating: 'needs_improvement', findings: 'Few trained' }],
    };
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/v1/peer-reviews', headers: wyLead, payload: body }))
        .statusCode,
    ).toBe(403);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/peer-reviews',
      headers: msoicu,
      payload: { ...body, reported_on: '2026-05-01' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('reported_on');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/peer-reviews',
      headers: msoicu,
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const item = await env.app.inject({
      method: 'POST',
      url: `/api/v1/peer-reviews/${id}/items`,
      headers: msoicu,
      payload: { area: 'training', text: 'Train everyone', owner: 'Head of L&D', due_on: '2026-10-31' },
    });
    expect(item.statusCode).toBe(201);
    const itemId = item.json().id;
    const noEvidence = await env.app.inject({
      method: 'POST',
      url: `/api/v1/peer-reviews/${id}/items/${itemId}/updates`,
      headers: wyLead,
      payload: { status: 'done', note: 'Done', recorded_on: '2026-11-01' },
    });
    expect(noEvidence.statusCode).toBe(422);
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/v1/peer-reviews/${id}/items/${itemId}/updates`,
      headers: wyLead,
      payload: { status: 'done', note: 'Done', evidence: 'Training records', recorded_on: '2026-11-01' },
    });
    expect(done.statusCode).toBe(201);
    const other = await apiAuth(env.app, 'msoicu@npcc.demo');
    const detail = (await get(`/api/v1/peer-reviews/${id}`, other)).json();
    expect(detail.items[0]).toMatchObject({ status: 'done', completed_on: '2026-11-01' });
    expect(detail.updates[0]).toMatchObject({
      evidence: 'Training records',
      recorded_by_agency: 'west-yorkshire',
    });
    // A force sees its own region's reviews, not another region's.
    const reviews = (await get('/api/v1/peer-reviews', wyLead)).json().reviews as { agency_code: string }[];
    expect(reviews.some((r) => r.agency_code === 'west-yorkshire')).toBe(true);
    expect(reviews.some((r) => r.agency_code === 'met')).toBe(false);
    const met = (await get('/api/v1/peer-reviews', msoicu))
      .json()
      .reviews.find((r: { agency_code: string }) => r.agency_code === 'met');
    expect((await get(`/api/v1/peer-reviews/${met.id}`, wyLead)).statusCode).toBe(403);
    const revisit = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/peer-reviews/${id}`,
      headers: msoicu,
      payload: { status: 'revisited', revisited_on: '2026-11-20' },
    });
    expect(revisit.statusCode).toBe(200);
  });

  it('imports training completion from CSV with a per-row report, all or nothing', async () => {
    const send = (headers: Record<string, string>, csv: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/training/imports',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: csv,
      });
    const bad = await send(
      msoicu,
      'force,course,as_of,completed,relevant_headcount\nkent,hydra-oic,2026-10-31,50,400\natlantis,hydra-oic,2026-10-31,5,10\n',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ imported: 0, errors: [{ row: 2, field: 'force' }] });
    const kent = sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM perf_training_completion WHERE force_code = 'kent' AND as_of = '2026-10-31'`;
    expect((await kent.execute(env.ctx.db)).rows[0]!.n).toBe(0);
    const good = await send(
      msoicu,
      'force,course,as_of,completed,relevant_headcount\nkent,hydra-oic,2026-10-31,50,400\n',
    );
    expect(good.statusCode).toBe(201);
    expect((await kent.execute(env.ctx.db)).rows[0]!.n).toBe(1);
    const notMine = await send(wyLead, 'force,course,as_of,completed\nkent,hydra-oic,2026-10-31,60\n');
    expect(notMine.json().errors[0].message).toMatch(/your own force only/);
    const latest = (await get('/api/v1/training?course=hydra-oic&scope=force:kent', auditor)).json().rows;
    expect(latest[0]).toMatchObject({
      as_of: '2026-10-31',
      completed: 50,
      relevant_headcount: 400,
      share: 0.125,
    });
  });

  it('uploads a CSV through the page form (multipart) and shows the problems row by row', async () => {
    const { cookie, csrf } = await pageAuth(env.app, 'msoicu@npcc.demo');
    const b = '----fusionboundary';
    const payload = `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\nforce,course,as_of,completed\r\nkent,nope,2026-10-31,5\r\n--${b}--\r\n`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/performance/training/import',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}`, accept: 'text/html' },
      payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The file was not imported');
    expect(res.body).toContain('&quot;nope&quot; is not a course code');
    const noCsrf = await env.app.inject({
      method: 'POST',
      url: '/performance/training/import',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}`, accept: 'text/html' },
      payload: payload.replace(csrf, 'wrong'),
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('records governance signals for the own force only, through the API and the page form', async () => {
    const body = {
      msht_in_control_strategy: 'yes',
      oic_in_control_strategy: 'yes',
      governance_meetings: 'yes',
      meeting_frequency: 'monthly',
      performance_measures: 'yes',
      dedicated_team: 'yes',
      team_location: 'exploitation',
      as_of: '2026-11-01',
    };
    expect(
      (
        await env.app.inject({
          method: 'PUT',
          url: '/api/v1/stats/governance/met',
          headers: wyLead,
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/stats/governance/west-yorkshire',
      headers: wyLead,
      payload: { ...body, team_location: null },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await env.app.inject({
          method: 'PUT',
          url: '/api/v1/stats/governance/west-yorkshire',
          headers: wyLead,
          payload: body,
        })
      ).statusCode,
    ).toBe(200);
    const { cookie, csrf } = await pageAuth(env.app, 'mslead@west-yorkshire.demo');
    const form = new URLSearchParams({ ...body, performance_measures: 'no', _csrf: csrf }).toString();
    const res = await env.app.inject({
      method: 'POST',
      url: '/performance/governance/west-yorkshire/edit',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });
    expect(res.statusCode).toBe(303);
    const missing = await env.app.inject({
      method: 'POST',
      url: '/performance/governance/west-yorkshire/edit',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('govuk-error-summary');
    const row = (await get('/api/v1/stats/governance', wyLead))
      .json()
      .forces.find((f: { force_code: string }) => f.force_code === 'west-yorkshire');
    expect(row).toMatchObject({ performance_measures: 'no', team_location: 'exploitation' });
  });
});
