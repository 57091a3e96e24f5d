import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../../test/support/databases.js';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../../test/support/context.js';
import { PUBLISHED } from '../demo.js';
import { assess, DEFAULT_SCORING_CONFIG } from '../scoring.js';

const NCA_ANALYST = 'analyst@nca.demo';
const NCA_SUPERVISOR = 'ocg@nca.demo';
/** Reading a group (its members are personal data) needs a stated reason for access. */
const PURPOSE = { 'x-fusion-purpose': 'law-enforcement' };

describe.each(DATABASE_KINDS)('organised crime groups on %s', (kind) => {
  let env: TestEnv;
  let nca: Record<string, string>;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    nca = { ...(await apiAuth(env.app, NCA_ANALYST)), ...PURPOSE };
  });
  afterAll(async () => env?.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    env.app.inject({ method, url, headers, payload: payload as never });

  const newGroup = async (name: string) => {
    const res = await api('POST', '/api/v1/ocgs', nca, {
      name,
      primaryThreat: 'oic',
      threats: [{ threat: 'oic', subtype: 'small_boats' }],
      areas: ['kent'],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const queue = async () => {
    const res = await api('GET', '/api/v1/ocgs/assessment-list', nca);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { group: { id: string; grade: string | null }; alerts: { kind: string }[] }[] };
  };
  const alertsOf = async (id: string) => (await queue()).items.find((i) => i.group.id === id)?.alerts.map((a) => a.kind) ?? [];
  const lowRatings = { harm: 2, likelihood: 2, confidence: 1, capacity: 2 };

  // ---- done-when 2: demo data against direct SQL and the published shape ----------------------------------------
  it('shows the P-grade mix of OIC groups as counted in SQL, shaped like the published figures', async () => {
    const res = await api('GET', '/api/v1/ocgs/grade-mix', nca);
    expect(res.statusCode).toBe(200);
    const mix = res.json();
    const rows = await sql<{ grade: string | null; n: number }>`
      SELECT grade, count(*)::int AS n FROM ocg_groups WHERE status = 'active' AND primary_threat = 'oic' GROUP BY grade`.execute(env.ctx.db);
    const sqlCount = (g: string | null) => rows.rows.find((r) => r.grade === g)?.n ?? 0;
    for (const g of ['P1', 'P2', 'P3', 'P4']) expect(mix.oic.byGrade[g]).toBe(sqlCount(g));
    expect(mix.oic.byGrade.none).toBe(sqlCount(null));

    // Shape of 1 May 2024: no P1, then rising counts to P4, each share within 5 points of the published share.
    const graded = ['P1', 'P2', 'P3', 'P4'].reduce((s, g) => s + mix.oic.byGrade[g], 0);
    expect(mix.oic.byGrade.P1).toBe(0);
    expect(mix.oic.byGrade.P2).toBeLessThan(mix.oic.byGrade.P3);
    expect(mix.oic.byGrade.P3).toBeLessThan(mix.oic.byGrade.P4);
    const published = PUBLISHED.oicGradeMix;
    for (const g of ['P2', 'P3', 'P4'] as const) expect(Math.abs(mix.oic.byGrade[g] / graded - published[g] / 79)).toBeLessThan(0.05);

    // The page shows the same figures.
    const { cookie } = await pageAuth(env.app, NCA_ANALYST);
    const page = await env.app.inject({ method: 'GET', url: '/ocgs/grades', headers: { cookie, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    const shown = (g: string) => Number(new RegExp(`data-grade="${g}">(\\d+)<`).exec(page.body)![1]);
    for (const g of ['P1', 'P2', 'P3', 'P4']) expect(shown(g)).toBe(sqlCount(g));
  });

  it('shows the disruption concentration and yearly counts as counted in SQL, shaped like the published figures', async () => {
    const res = await api('GET', '/api/v1/disruptions/statistics?threat=oic', nca);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    const byForce = await sql<{ code: string; n: number }>`
      SELECT recording_agency_code AS code, count(*)::int AS n FROM ocg_disruptions
      WHERE threat = 'oic' AND status <> 'rejected' AND recording_agency_type = 'police_force'
      GROUP BY recording_agency_code ORDER BY n DESC, code`.execute(env.ctx.db);
    const total = byForce.rows.reduce((s, r) => s + r.n, 0);
    const top4 = byForce.rows.slice(0, 4).reduce((s, r) => s + r.n, 0);
    expect(stats.policeTotal).toBe(total);
    expect(stats.concentration.topCount).toBe(top4);
    expect(stats.concentration.share).toBeCloseTo(top4 / total, 10);
    // Seed 004: four forces recorded 62%, and they were Surrey, Thames Valley, Northamptonshire and Sussex.
    expect(Math.abs(stats.concentration.share - PUBLISHED.topFourShare)).toBeLessThan(0.04);
    expect(stats.concentration.top.map((t: { key: string }) => t.key).sort()).toEqual([...PUBLISHED.topFourForces].sort());

    const years = await sql<{ y: number; n: number }>`
      SELECT extract(year from disrupted_on)::int AS y, count(*)::int AS n FROM ocg_disruptions
      WHERE threat = 'oic' AND status <> 'rejected' AND recording_agency_type = 'police_force' AND disrupted_on <= '2024-08-31'
      GROUP BY y ORDER BY y`.execute(env.ctx.db);
    const n = Object.fromEntries(years.rows.map((r) => [r.y, r.n]));
    expect(n[2020]).toBeLessThan(n[2021]);
    expect(n[2021]).toBeLessThan(n[2022]);
    expect(n[2022]).toBeLessThan(n[2023]);
    expect(n[2024]).toBeLessThan(n[2023]);
    expect(n[2024]).toBeGreaterThan(n[2022]);
    // Other agencies recorded more than police, as on APMIS (3,873 against 2,028).
    expect(stats.otherTotal).toBeGreaterThan(stats.policeTotal);
    for (const y of stats.byYear) expect(y.police + y.other).toBe(y.total);

    const { cookie } = await pageAuth(env.app, NCA_ANALYST);
    const page = await env.app.inject({ method: 'GET', url: '/disruptions/statistics?threat=oic', headers: { cookie, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`id="figure-concentration">${((top4 / total) * 100).toFixed(0)}%<`);
    expect(page.body).toContain(`recorded ${top4} of the ${total} disruptions recorded by police`);
  });

  // ---- done-when 1: score, grade and the assessment list ------------------------------------------------------------
  it('scores and grades under the configuration in force', async () => {
    const ratings = { harm: 4, likelihood: 3, confidence: 2, capacity: 5 };
    const res = await api('POST', '/api/v1/ocgs/score', nca, { ratings });
    expect(res.statusCode).toBe(200);
    const expected = assess(ratings, DEFAULT_SCORING_CONFIG);
    expect(res.json()).toMatchObject({ score: expected.score, grade: expected.grade, tier: expected.tier, configVersion: 0 });
  });

  it('lists a new group as never assessed until it is assessed', async () => {
    const id = await newGroup('Test never assessed network');
    expect(await alertsOf(id)).toEqual(['not_assessed']);
    const res = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'develop_intelligence', rationale: 'Little known; collection plan agreed.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().grade).toBe('P4');
    expect(await alertsOf(id)).toEqual([]);
  });

  it('lists a low-graded group when new intelligence is linked, and takes it off once assessed', async () => {
    const id = await newGroup('Test new intelligence network');
    expect((await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: 'Passive response.' })).statusCode).toBe(201);
    expect(await alertsOf(id)).toEqual([]);
    const link = await api('POST', `/api/v1/ocgs/${id}/intelligence`, nca, { reportId: 'TEST-INT-1' });
    expect(link.statusCode).toBe(201);
    const again = await api('POST', `/api/v1/ocgs/${id}/intelligence`, nca, { reportId: 'TEST-INT-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(await alertsOf(id)).toEqual(['new_intelligence']);
    const assessed = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: { ...lowRatings, confidence: 3 }, decision: 'develop_intelligence', rationale: 'New report names the UK coordinator.' });
    expect(assessed.statusCode).toBe(201);
    expect(await alertsOf(id)).toEqual([]);
    const history = (await api('GET', `/api/v1/ocgs/${id}/assessments`, nca)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0].newIntelligence).toBe(1);
  });

  it('lists an overdue group and takes it off once assessed', async () => {
    const id = await newGroup('Test overdue network');
    expect((await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: 'Passive response.' })).statusCode).toBe(201);
    await sql`UPDATE ocg_groups SET next_assessment_due = current_date - 3 WHERE id = ${id}`.execute(env.ctx.db);
    expect(await alertsOf(id)).toEqual(['overdue']);
    expect((await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: 'Reviewed: still passive.' })).statusCode).toBe(201);
    expect(await alertsOf(id)).toEqual([]);
  });

  it('refuses an assessment without reasons or with an unexplained grade, writing nothing', async () => {
    const id = await newGroup('Test refused assessment network');
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ocg_assessments WHERE ocg_id = ${id}`.execute(env.ctx.db);
    const noReason = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields.map((f: { field: string }) => f.field)).toContain('rationale');
    const override = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: 'x', gradeOverride: 'P2' });
    expect(override.statusCode).toBe(422);
    expect(override.json().error.fields.map((f: { field: string }) => f.field)).toContain('overrideReason');
    const tooLate = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: lowRatings, decision: 'monitor', rationale: 'x', nextDue: '2099-01-01' });
    expect(tooLate.json().error.fields.map((f: { field: string }) => f.field)).toContain('nextDue');
    const badRating = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings: { ...lowRatings, harm: 6 }, decision: 'monitor', rationale: 'x' });
    expect(badRating.statusCode).toBe(400);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ocg_assessments WHERE ocg_id = ${id}`.execute(env.ctx.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a stale change with 412 and needs If-Match', async () => {
    const id = await newGroup('Test concurrency network');
    const group = await api('GET', `/api/v1/ocgs/${id}`, nca);
    const etag = group.headers.etag as string;
    expect((await api('PATCH', `/api/v1/ocgs/${id}`, nca, { summary: 'first' })).statusCode).toBe(428);
    expect((await api('PATCH', `/api/v1/ocgs/${id}`, { ...nca, 'if-match': etag }, { summary: 'first' })).statusCode).toBe(200);
    const stale = await api('PATCH', `/api/v1/ocgs/${id}`, { ...nca, 'if-match': etag }, { summary: 'second' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
  });

  it('pseudonymises member names for roles without the need, audits the read, and refuses first responders', async () => {
    const owned = await sql<{ id: string }>`
      SELECT g.id FROM ocg_groups g WHERE g.owning_agency_type = 'police_force' AND g.owning_agency_code <> 'west-yorkshire' AND g.handling_code = 'P'
        AND EXISTS (SELECT 1 FROM ocg_members m WHERE m.ocg_id = g.id) LIMIT 1`.execute(env.ctx.db);
    const id = owned.rows[0]!.id;
    const lead = await apiAuth(env.app, 'mslead@west-yorkshire.demo');
    const noPurpose = await api('GET', `/api/v1/ocgs/${id}`, lead);
    expect(noPurpose.statusCode).toBe(428);
    expect(noPurpose.json().error.code).toBe('purpose_required');
    const res = await api('GET', `/api/v1/ocgs/${id}`, { ...lead, 'x-fusion-purpose': 'intelligence: checking a link' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members[0].name).toMatch(/^\[withheld /);
    const analyst = await api('GET', `/api/v1/ocgs/${id}`, nca);
    expect(analyst.json().members[0].name).not.toMatch(/withheld/);
    const audited = await sql<{ purpose: string }>`SELECT purpose FROM audit_log WHERE action = 'ocg.read' AND entity_id = ${id} ORDER BY seq`.execute(env.ctx.db);
    expect(audited.rows.map((r) => r.purpose)).toEqual(['intelligence: checking a link', 'law-enforcement']);
    const officer = await apiAuth(env.app, 'officer@met.demo');
    expect((await api('GET', '/api/v1/ocgs', officer)).statusCode).toBe(403);
  });

  it('adds a member as a person record of the shared entity model, and documents the API', async () => {
    const id = await newGroup('Test member network');
    const res = await api('POST', `/api/v1/ocgs/${id}/members`, nca, { name: 'Arben Test Hoxha', role: 'principal', location: 'overseas', country: 'Belgium' });
    expect(res.statusCode, res.body).toBe(201);
    const group = (await api('GET', `/api/v1/ocgs/${id}`, nca)).json();
    expect(group.members[0]).toMatchObject({ name: 'Arben Test Hoxha', role: 'principal', location: 'overseas' });
    expect(group.members[0].personRecordId).toBeTruthy();
    const records = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_records WHERE source_kind = 'ocg' AND source_id = ${id} AND id = ${group.members[0].personRecordId}`.execute(env.ctx.db);
    expect(records.rows[0]!.n).toBe(1);
    const paths = Object.keys((await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/ocgs', '/api/v1/ocgs/{id}/assessments', '/api/v1/disruptions/statistics', '/api/v1/investigations/{id}/allocations']));
  });

  it('records a disruption that a supervisor of the recording agency validates (four eyes)', async () => {
    const intel = await apiAuth(env.app, 'intel@met.demo');
    const bad = await api('POST', '/api/v1/disruptions', intel, { threat: 'oic', category: 'pursue', magnitude: 'minor', tactic: 'arrest', evidence: ' ', disruptedOn: '2099-01-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['evidence', 'disruptedOn']));
    const created = await api('POST', '/api/v1/disruptions', intel, { threat: 'oic', category: 'pursue', magnitude: 'moderate', tactic: 'arrest', evidence: 'Two drivers arrested; the route stopped for three months.', disruptedOn: '2026-01-15' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const other = await apiAuth(env.app, 'mslead@west-yorkshire.demo');
    expect((await api('POST', `/api/v1/disruptions/${id}/validation`, other, { decision: 'validated' })).statusCode).toBe(403);
    const sup = await apiAuth(env.app, 'supervisor@met.demo');
    expect((await api('POST', `/api/v1/disruptions/${id}/validation`, sup, { decision: 'rejected' })).statusCode).toBe(422);
    expect((await api('POST', `/api/v1/disruptions/${id}/validation`, sup, { decision: 'validated' })).statusCode).toBe(200);
    const d = (await api('GET', `/api/v1/disruptions/${id}`, intel)).json();
    expect(d).toMatchObject({ status: 'validated', validatedBy: 'DS Tom Hughes', recordingAgency: { code: 'met' }, forceCode: 'met' });
  });

  it('downloads tables as CSV', async () => {
    const { cookie } = await pageAuth(env.app, NCA_ANALYST);
    for (const url of ['/ocgs?format=csv', '/ocgs/assessments?format=csv', '/ocgs/grades?format=csv', '/disruptions?format=csv', '/disruptions/statistics?threat=oic&table=force&format=csv']) {
      const res = await env.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body.split('\n').length, url).toBeGreaterThan(2);
    }
    const force = await env.app.inject({ method: 'GET', url: '/disruptions/statistics?threat=oic&table=force&format=csv', headers: { cookie } });
    expect(force.body.split('\n')[0]).toBe('Police force,Code,Disruptions recorded,Share of police disruptions');
  });

  // Last: changes the configuration for the rest of this database.
  it('follows a supervisor’s change of weights and bands in new assessments', async () => {
    const analystChange = await api('PUT', '/api/v1/ocgs/scoring-config', nca, { config: DEFAULT_SCORING_CONFIG, reason: 'test' });
    expect(analystChange.statusCode).toBe(403);
    const sup = await apiAuth(env.app, NCA_SUPERVISOR);
    const config = { ...DEFAULT_SCORING_CONFIG, weights: { harm: 70, likelihood: 10, confidence: 10, capacity: 10 }, gradeBands: { P1: 80, P2: 50, P3: 30, P4: 0 } };
    const bad = await api('PUT', '/api/v1/ocgs/scoring-config', sup, { config: { ...config, gradeBands: { P1: 10, P2: 50, P3: 30, P4: 0 } }, reason: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('gradeBands.P1');
    const saved = await api('PUT', '/api/v1/ocgs/scoring-config', sup, { config, reason: 'OIC harm under-weighted (seed 004)', version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const version = saved.json().version;
    const stale = await api('PUT', '/api/v1/ocgs/scoring-config', sup, { config, reason: 'again', version: 0 });
    expect(stale.statusCode).toBe(409);

    const ratings = { harm: 5, likelihood: 2, confidence: 2, capacity: 2 };
    // Default: 40 + 6.25 + 3.75 + 5 = 55 -> P2. New weights: 70 + 2.5 + 2.5 + 2.5 = 77.5 -> P2 under 80; P1 from 80.
    const id = await newGroup('Test reweighted network');
    const res = await api('POST', `/api/v1/ocgs/${id}/assessments`, nca, { ratings, decision: 'investigate', rationale: 'High harm.' });
    expect(res.statusCode, res.body).toBe(201);
    const expected = assess(ratings, config as never);
    expect(res.json()).toMatchObject({ score: expected.score, grade: expected.grade, configVersion: version });
    expect(res.json().score).toBe(77.5);
    const stored = await sql<{ config_version: number; score: number }>`SELECT config_version, score FROM ocg_assessments WHERE ocg_id = ${id}`.execute(env.ctx.db);
    expect(stored.rows[0]).toMatchObject({ config_version: version, score: 77.5 });
  });
});
