import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../../test/support/context.js';
import { DATABASE_KINDS } from '../../../test/support/databases.js';
import { decideAction } from '../../kernel/access/policy.js';
import { ROLES } from '../../kernel/access/roles.js';
import { routesOf } from '../../kernel/http/server.js';
import { ACCESS_EXPECTATIONS } from '../access.expect.js';
import { partnerships2017 } from '../data/partnerships-2017.js';
import { responsePlanFor } from '../data/response-plan.js';

const form = (fields: Record<string, string | string[]>, csrf: string) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...fields, _csrf: csrf }))
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

const WY = 'west-yorkshire-atms';
const LONDON = 'london-working-group';

describe.each(DATABASE_KINDS)('partners and partnerships on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
  });
  afterAll(async () => env?.close());
  const count = async (q: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await q.execute(env.ctx.db)).rows[0]!.n);

  it('holds all 42 partnerships of seed 003 Appendix 1 with their level, marked as the 2017 survey', async () => {
    const rows = await sql<{
      id: string;
      level: string;
      source: string;
      force_area_codes: string[];
    }>`SELECT id, level, source, force_area_codes FROM partnerships WHERE source = '2017 survey'`.execute(
      env.ctx.db,
    );
    expect(rows.rows).toHaveLength(42);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    for (const p of partnerships2017) {
      expect(byId.get(p.id)?.level, p.id).toBe(p.level);
      expect(byId.get(p.id)?.force_area_codes, p.id).toEqual(p.forceCodes);
    }
    const levels = await sql<{
      level: string;
      n: number;
    }>`SELECT level, count(*)::int AS n FROM partnerships GROUP BY level ORDER BY level`.execute(env.ctx.db);
    expect(Object.fromEntries(levels.rows.map((r) => [r.level, r.n]))).toEqual({
      local: 9,
      'sub-regional': 25,
      regional: 3,
      national: 3,
      other: 2,
    });
  });

  it('holds the 46 organisations of seed 000 and the reference agencies in the directory', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM partner_directory WHERE source = 'seed-000'`)).toBe(
      46,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM partner_directory WHERE source = 'reference-data' AND code = 'west-yorkshire'`,
      ),
    ).toBe(1);
    const headers = await apiAuth(env.app, 'officer@met.demo');
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/partners?q=fingerprints', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().partners.map((p: { code: string }) => p.code)).toContain('nccu');
    const ndfu = await env.app.inject({ method: 'GET', url: '/api/v1/partners/ndfu', headers });
    expect(ndfu.json().restrictions.join(' ')).toMatch(/not be divulged/);
  });

  it('recommends NCCU immediately for a foreign national encountered (API)', async () => {
    const headers = await apiAuth(env.app, 'officer@met.demo');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/recommendations',
      headers,
      payload: { nationalities: ['AL'], potentialVictim: true },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.recommendations[0]).toMatchObject({
      partner: { code: 'nccu', available24x7: true },
      urgency: 'immediately',
    });
    expect(body.recommendations[0].rules[0]).toMatchObject({
      id: 'nccu-foreign-national',
      seed: { seed: '000' },
    });
    expect(body.facts.foreignNational).toBe(true);
  });

  it('recommends the JICC and not Europol or SIENA for a country outside Europol (API)', async () => {
    const headers = await apiAuth(env.app, 'officer@met.demo');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/recommendations',
      headers,
      payload: { countries: ['VN'] },
    });
    const codes = res.json().recommendations.map((r: { partner: { code: string } }) => r.partner.code);
    expect(codes).toContain('jicc');
    expect(codes).not.toContain('europol');
    expect(codes).not.toContain('siena');
    expect(res.json().countries).toEqual([{ code: 'VN', name: 'Vietnam', uk: false, europol: false }]);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/recommendations',
      headers,
      payload: { countries: ['Vietnam'], foreignNationl: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_input');
  });

  it('records an engagement on a case with its audit entry, visible to the recording agency only', async () => {
    const met = await apiAuth(env.app, 'officer@met.demo');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/engagements',
      headers: met,
      payload: {
        partnerCode: 'nccu',
        caseKind: 'referral',
        caseId: 'TEST-REF-1',
        ruleId: 'nccu-foreign-national',
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'partners.engagement.recorded' AND entity_id = ${id}`,
      ),
    ).toBe(1);
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/v1/partners/engagements?caseKind=referral&caseId=TEST-REF-1',
      headers: met,
    });
    expect(mine.json().engagements).toEqual([
      expect.objectContaining({ id, partnerCode: 'nccu', caseId: 'TEST-REF-1' }),
    ]);
    const wm = await apiAuth(env.app, 'officer@west-midlands.demo');
    const theirs = await env.app.inject({
      method: 'GET',
      url: '/api/v1/partners/engagements?caseKind=referral&caseId=TEST-REF-1',
      headers: wm,
    });
    expect(theirs.json().engagements).toEqual([]);
    const unknown = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/engagements',
      headers: met,
      payload: { partnerCode: 'no-such', caseKind: 'referral', caseId: 'X' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('partnerCode');
    const badKind = await env.app.inject({
      method: 'POST',
      url: '/api/v1/partners/engagements',
      headers: met,
      payload: { partnerCode: 'nccu', caseKind: 'parking', caseId: 'X' },
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('has engagements on demo cases and demo coordinators linked to their partnerships', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM partner_engagements`)).toBeGreaterThan(0);
    const links = await sql<{ email: string; partnership_id: string }>`
      SELECT u.email, c.partnership_id FROM partnership_coordinators c JOIN users u ON u.id = c.user_id ORDER BY u.email`.execute(
      env.ctx.db,
    );
    expect(links.rows).toEqual([
      { email: 'coordinator@la-leeds.demo', partnership_id: WY },
      { email: 'safeguarding@la-hillingdon.demo', partnership_id: LONDON },
    ]);
  });

  it('lets a coordinator change their own partnership (API 200) and refuses another partnership (403 with the rule)', async () => {
    const leeds = await apiAuth(env.app, 'coordinator@la-leeds.demo');
    const own = await env.app.inject({ method: 'GET', url: `/api/v1/partnerships/${WY}`, headers: leeds });
    const body = {
      version: own.json().version,
      chairType: 'police',
      coordinatorType: 'ngo',
      memberTypes: ['police', 'ngo'],
      memberNames: ['Hope for Justice'],
      activities: ['intelligence', 'training'],
      otherActivities: null,
      governanceDocuments: false,
      governanceNotes: null,
      actionPlan: true,
      actionPlanNotes: 'Local fora plans',
      progressMeasures: ['outputs'],
      progressNotes: null,
      fundingSources: ['mainstream'],
      fundingNotes: null,
      gaps: ['funding'],
      challenges: ['coordination'],
      gapsNotes: null,
      meetingFrequency: 'Quarterly',
    };
    const ok = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${WY}`,
      headers: leeds,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(own.json().version + 1);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'partnerships.updated' AND entity_id = ${WY}`,
      ),
    ).toBe(1);
    const stale = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${WY}`,
      headers: leeds,
      payload: body,
    });
    expect(stale.statusCode).toBe(409);

    const other = await env.app.inject({
      method: 'GET',
      url: `/api/v1/partnerships/${LONDON}`,
      headers: leeds,
    });
    const refused = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${LONDON}`,
      headers: leeds,
      payload: { ...body, version: other.json().version },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.rule).toBe('partnership-coordinator');
    const review = await env.app.inject({
      method: 'POST',
      url: `/api/v1/partnerships/${LONDON}/reviews`,
      headers: leeds,
      payload: {
        periodStart: '2025-10-01',
        periodEnd: '2026-09-30',
        outputs: {},
        outcomes: {},
        progressRating: 'on-track',
        progressSummary: 'x',
      },
    });
    expect(review.statusCode).toBe(403);
    const mslead = await apiAuth(env.app, 'mslead@west-yorkshire.demo');
    const notCoordinator = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${WY}`,
      headers: mslead,
      payload: { ...body, version: ok.json().version },
    });
    expect(notCoordinator.statusCode).toBe(403);
    expect(notCoordinator.json().error.rule).toBe('role');
  });

  it('lets a coordinator edit their own partnership through the page (303) and refuses another (403 page naming the rule)', async () => {
    const { cookie, csrf } = await pageAuth(env.app, 'safeguarding@la-hillingdon.demo');
    const headers = { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
    const page = await env.app.inject({ method: 'GET', url: `/partnerships/${LONDON}/edit`, headers });
    expect(page.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const ok = await env.app.inject({
      method: 'POST',
      url: `/partnerships/${LONDON}/edit`,
      headers,
      payload: form(
        {
          version,
          chairType: 'police',
          coordinatorType: 'la-top-tier',
          activities: ['referrals', 'survivor'],
          governanceDocuments: 'yes',
          actionPlan: 'unknown',
          memberNames: 'Hillingdon Council\nMetropolitan Police',
        },
        csrf,
      ),
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/partnerships/${LONDON}?saved=1`);
    const saved = await sql<{
      activities: string[];
      governance_documents: boolean;
      action_plan: boolean | null;
      member_names: string[];
    }>`SELECT activities, governance_documents, action_plan, member_names FROM partnerships WHERE id = ${LONDON}`.execute(
      env.ctx.db,
    );
    expect(saved.rows[0]).toEqual({
      activities: ['referrals', 'survivor'],
      governance_documents: true,
      action_plan: null,
      member_names: ['Hillingdon Council', 'Metropolitan Police'],
    });

    const otherGet = await env.app.inject({ method: 'GET', url: `/partnerships/${WY}/edit`, headers });
    expect(otherGet.statusCode).toBe(403);
    expect(otherGet.body).toContain('Coordinator of this partnership');
    const otherPost = await env.app.inject({
      method: 'POST',
      url: `/partnerships/${WY}/edit`,
      headers,
      payload: form({ version: '1', activities: 'training' }, csrf),
    });
    expect(otherPost.statusCode).toBe(403);
    const bad = await env.app.inject({
      method: 'POST',
      url: `/partnerships/${LONDON}/edit`,
      headers,
      payload: form({ version: String(Number(version) + 1), activities: 'dancing' }, csrf),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
  });

  it('records an annual review and lists partnerships with no review in the last 12 months', async () => {
    const mslead = await apiAuth(env.app, 'msoicu@npcc.demo');
    const before = (
      await env.app.inject({ method: 'GET', url: '/api/v1/partnerships/reviews', headers: mslead })
    ).json();
    const overdueIds = before.overdue.map((p: { id: string }) => p.id);
    expect(overdueIds).toContain(LONDON);
    expect(overdueIds).not.toContain(WY);
    const hil = await apiAuth(env.app, 'safeguarding@la-hillingdon.demo');
    const today = new Date().toISOString().slice(0, 10);
    const badDates = await env.app.inject({
      method: 'POST',
      url: `/api/v1/partnerships/${LONDON}/reviews`,
      headers: hil,
      payload: {
        periodStart: '2026-01-01',
        periodEnd: '2025-01-01',
        outputs: {},
        outcomes: {},
        progressRating: 'on-track',
        progressSummary: 'x',
      },
    });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().error.fields.map((f: { field: string }) => f.field)).toContain('periodEnd');
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/partnerships/${LONDON}/reviews`,
      headers: hil,
      payload: {
        periodStart: '2025-11-01',
        periodEnd: today,
        outputs: { meetingsHeld: 6, frontlineStaffTrained: 240 },
        outcomes: { victimsIdentified: 12 },
        progressRating: 'some-concerns',
        progressSummary: 'Referral pathway agreed.',
        goodPractice: 'Shared pathway',
        shareGoodPractice: true,
      },
    });
    expect(res.statusCode).toBe(201);
    const reviews = (
      await env.app.inject({ method: 'GET', url: `/api/v1/partnerships/${LONDON}/reviews`, headers: mslead })
    ).json().reviews;
    expect(reviews[0].outputs).toMatchObject({
      meetingsHeld: 6,
      frontlineStaffTrained: 240,
      awarenessActivities: null,
    });
    const after = (
      await env.app.inject({ method: 'GET', url: '/api/v1/partnerships/reviews', headers: mslead })
    ).json();
    expect(after.overdue.map((p: { id: string }) => p.id)).not.toContain(LONDON);
  });

  it('links an information-sharing agreement to data-sharing agreements, and the map counts where partners can share', async () => {
    const mslead = await apiAuth(env.app, 'msoicu@npcc.demo');
    const map = (
      await env.app.inject({ method: 'GET', url: '/api/v1/partnerships/map', headers: mslead })
    ).json();
    const wyArea = map.areas.find((a: { code: string }) => a.code === 'E23000010');
    expect(wyArea).toMatchObject({ partnerships: 1, canShare: 1 });
    expect(map.matching).toBe(42);
    const national = (
      await env.app.inject({ method: 'GET', url: '/api/v1/partnerships/map?level=national', headers: mslead })
    ).json();
    expect(national.matching).toBe(3);
    expect(national.areas.find((a: { code: string }) => a.code === 'S23000009').partnerships).toBe(1);
    expect(national.areas.find((a: { code: string }) => a.code === 'E23000010').partnerships).toBe(0);

    const hil = await apiAuth(env.app, 'safeguarding@la-hillingdon.demo');
    const missing = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${LONDON}/sharing-agreement`,
      headers: hil,
      payload: { title: 'ISA', sharingAgreementIds: [999999] },
    });
    expect(missing.statusCode).toBe(422);
    const leeds = await apiAuth(env.app, 'coordinator@la-leeds.demo');
    const refused = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/partnerships/${LONDON}/sharing-agreement`,
      headers: leeds,
      payload: { title: 'ISA', sharingAgreementIds: [] },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('records an incident and its checklist ticks with time and user, audited, for the recording agency only', async () => {
    const met = await apiAuth(env.app, 'officer@met.demo');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: met,
      payload: {
        type: 'maritime',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: 'Thames at Woolwich',
        peopleFound: 5,
        childrenFound: 1,
      },
    });
    expect(created.statusCode).toBe(201);
    const { id, reference } = created.json();
    expect(reference).toMatch(/^INC-\d{4}-\d{5}$/);
    const tick = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: {
        tick: [{ itemId: 'welfare-first' }, { itemId: 'search-and-rescue', note: 'Coastguard directed' }],
      },
    });
    expect(tick.statusCode).toBe(200);
    expect(tick.json()).toMatchObject({
      added: ['welfare-first', 'search-and-rescue'],
      done: 2,
      total: responsePlanFor('maritime').length,
    });
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: { tick: [{ itemId: 'welfare-first' }], untick: ['search-and-rescue'] },
    });
    expect(again.json()).toMatchObject({ added: [], removed: ['search-and-rescue'], done: 1 });
    const wrongType = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: { tick: [{ itemId: 'hidden-in-vehicle' }] },
    });
    expect(wrongType.statusCode).toBe(422);
    const read = await env.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: met });
    const item = read.json().checklist.items.find((i: { id: string }) => i.id === 'welfare-first');
    expect(item).toMatchObject({ done: true, doneByName: 'PC Sam Okafor' });
    expect(item.doneAt).toMatch(/^\d{4}-/);
    const actions = await sql<{
      action: string;
    }>`SELECT action FROM audit_log WHERE entity_kind = 'incident' AND entity_id = ${id} ORDER BY seq`.execute(
      env.ctx.db,
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'incidents.created',
      'incidents.checklist.ticked',
      'incidents.checklist.ticked',
      'incidents.checklist.unticked',
      'incidents.read',
    ]);
    const wm = await apiAuth(env.app, 'officer@west-midlands.demo');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: wm })).statusCode,
    ).toBe(403);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/v1/incidents/${id}/checklist`,
          headers: wm,
          payload: { tick: [{ itemId: 'preserve-scene' }] },
        })
      ).statusCode,
    ).toBe(403);
    const future = await env.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: met,
      payload: { type: 'inland', occurredAt: '2999-01-01T00:00:00Z', location: 'x' },
    });
    expect(future.statusCode).toBe(422);
  });

  it('closes and reopens an incident: recording agency only, confirmation of remaining items, audited, no lost update', async () => {
    const met = await apiAuth(env.app, 'officer@met.demo');
    const wm = await apiAuth(env.app, 'officer@west-midlands.demo');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: met,
      payload: { type: 'inland', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), location: 'M25 J30' },
    });
    const { id } = created.json();
    const total = responsePlanFor('inland').length;
    const ticked = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: { tick: [{ itemId: 'welfare-first' }] },
    });
    expect(ticked.statusCode).toBe(200);
    const status = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      env.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/status`, headers, payload });
    const row = async () =>
      (
        await sql<{
          status: string;
          version: number;
        }>`SELECT status, version FROM incidents WHERE id = ${id}`.execute(env.ctx.db)
      ).rows[0]!;
    const closing = async () =>
      (
        await sql<{
          action: string;
          detail: unknown;
        }>`SELECT action, detail FROM audit_log WHERE entity_kind = 'incident' AND entity_id = ${id} AND action IN ('incidents.closed', 'incidents.reopened') ORDER BY seq`.execute(
          env.ctx.db,
        )
      ).rows;
    const before = await row();
    expect(before.status).toBe('open');

    // Another agency: refused with the rule, nothing changed.
    const other = await status(wm, { status: 'closed', confirmRemaining: true });
    expect(other.statusCode).toBe(403);
    expect(await row()).toEqual(before);
    // Items remain and no confirmation: 422 naming the field, still open.
    const unconfirmed = await status(met, { status: 'closed', version: before.version });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().error.fields[0]).toMatchObject({ field: 'confirmRemaining' });
    expect(unconfirmed.json().error.fields[0].message).toContain(`remaining ${total - 1} actions`);
    expect(await row()).toEqual(before);
    // A stale version: 409 in the JSON error shape, nothing changed.
    const stale = await status(met, { status: 'closed', version: before.version - 1, confirmRemaining: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict' });
    expect(await row()).toEqual(before);
    // Confirmed: closed, audited with the checklist at that moment.
    const closed = await status(met, { status: 'closed', version: before.version, confirmRemaining: true });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ id, status: 'closed', version: before.version + 1 });
    expect((await row()).status).toBe('closed');
    const audit = await closing();
    expect(audit.map((r) => r.action)).toEqual(['incidents.closed']);
    const detail = typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
    expect(detail).toMatchObject({ done: 1, total });
    // Closed: the checklist cannot change.
    const whileClosed = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: { tick: [{ itemId: 'preserve-scene' }] },
    });
    expect(whileClosed.statusCode).toBe(409);
    expect(whileClosed.json().error.message).toMatch(/closed.*Reopen/);
    // Another agency cannot reopen either.
    expect((await status(wm, { status: 'open' })).statusCode).toBe(403);
    // Reopened: ticking works again.
    const reopened = await status(met, { status: 'open', version: before.version + 1 });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('open');
    expect((await closing()).map((r) => r.action)).toEqual(['incidents.closed', 'incidents.reopened']);
    const tickAgain = await env.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/checklist`,
      headers: met,
      payload: { tick: [{ itemId: 'preserve-scene' }] },
    });
    expect(tickAgain.statusCode).toBe(200);
    expect(tickAgain.json()).toMatchObject({ added: ['preserve-scene'], done: 2 });
    // Bad input (strict body) and an unknown incident.
    expect((await status(met, { status: 'archived' })).statusCode).toBe(400);
    expect((await status(met, { status: 'closed', extra: 1 })).statusCode).toBe(400);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/v1/incidents/00000000-0000-4000-8000-000000000000/status',
          headers: met,
          payload: { status: 'closed' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('closes an incident through its page, asking to confirm the remaining actions', async () => {
    const met = await apiAuth(env.app, 'officer@met.demo');
    const { id } = (
      await env.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: met,
        payload: { type: 'aviation', occurredAt: new Date(Date.now() - 60_000).toISOString(), location: 'Heathrow T4' },
      })
    ).json();
    const { cookie, csrf } = await pageAuth(env.app, 'officer@met.demo');
    const headers = { cookie, accept: 'text/html' };
    const view = await env.app.inject({ method: 'GET', url: `/incidents/${id}`, headers });
    expect(view.body).toContain('Close incident');
    expect(view.body).toContain('I confirm the remaining');
    const post = (fields: Record<string, string>) =>
      env.app.inject({
        method: 'POST',
        url: `/incidents/${id}/status`,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(fields, csrf),
      });
    const missing = await post({ status: 'closed' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('govuk-error-summary');
    expect(missing.body).toContain('href="#confirmRemaining"');
    const done = await post({ status: 'closed', confirmRemaining: 'yes' });
    expect(done.statusCode).toBe(303);
    const after = await env.app.inject({ method: 'GET', url: `/incidents/${id}?status=closed`, headers });
    expect(after.body).toContain('govuk-tag--grey">Closed');
    expect(after.body).toContain('Reopen incident');
    const list = await env.app.inject({ method: 'GET', url: '/incidents', headers });
    expect(list.body).toContain('Closed</strong>');
  });

  it('lets administrators edit the directory (audited, no lost update) and nobody else', async () => {
    const admin = await apiAuth(env.app, 'admin@met.demo');
    const cur = (
      await env.app.inject({ method: 'GET', url: '/api/v1/partners/red-cross', headers: admin })
    ).json();
    const body = {
      name: cur.name,
      shortName: cur.shortName,
      kind: cur.kind,
      capabilities: [...cur.capabilities, 'Reception centres in Dorset'],
      whenToEngage: cur.whenToEngage,
      howToReach: cur.howToReach,
      available24x7: cur.available24x7,
      publicEmail: cur.publicContact.email,
      restrictions: cur.restrictions,
      version: cur.version,
    };
    const ok = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/partners/red-cross',
      headers: admin,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().capabilities).toContain('Reception centres in Dorset');
    expect(
      (
        await env.app.inject({
          method: 'PUT',
          url: '/api/v1/partners/red-cross',
          headers: admin,
          payload: body,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'partners.directory.updated' AND entity_id = 'red-cross'`,
      ),
    ).toBe(1);
    const officer = await apiAuth(env.app, 'officer@met.demo');
    expect(
      (
        await env.app.inject({
          method: 'PUT',
          url: '/api/v1/partners/red-cross',
          headers: officer,
          payload: { ...body, version: ok.json().version },
        })
      ).statusCode,
    ).toBe(403);
    const badEmail = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/partners/red-cross',
      headers: admin,
      payload: { ...body, version: ok.json().version, publicEmail: 'not-an-email' },
    });
    expect(badEmail.statusCode).toBe(400);
  });

  it('serves the response plan checklist by incident type and documents every API route in OpenAPI', async () => {
    const headers = await apiAuth(env.app, 'navigator@salvation-army.demo');
    const plan = await env.app.inject({
      method: 'GET',
      url: '/api/v1/incidents/response-plan/maritime',
      headers,
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().items[0]).toMatchObject({ phase: 'welfare-and-safety', id: 'welfare-first' });
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/incidents/response-plan/underwater', headers }))
        .statusCode,
    ).toBe(400);
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/partners',
      '/api/v1/partners/recommendations',
      '/api/v1/partnerships',
      '/api/v1/partnerships/{id}/reviews',
      '/api/v1/incidents/{id}/checklist',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('declares every route of this capability in access.expect.ts, matching the permissions', () => {
    const mine = routesOf(env.app).filter((r) =>
      /^\/(api\/v1\/)?(partners|partnerships|incidents|response-plan)(\/|$)/.test(r.url),
    );
    const expected = new Map(ACCESS_EXPECTATIONS.map((e) => [e.route, e]));
    expect(mine.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...expected.keys()].sort());
    for (const r of mine) {
      const e = expected.get(`${r.method} ${r.url}`)!;
      for (const role of ROLES) {
        const principal = {
          userId: 'u',
          name: 'n',
          email: 'e',
          agencyCode: 'met',
          agencyName: 'Met',
          agencyType: 'police_force' as const,
          region: null,
          forceAreaCode: null,
          roles: [role],
          via: 'session' as const,
        };
        const want =
          e.allowed === 'public' ||
          e.allowed === 'any-signed-in' ||
          (e.allowed.roles as readonly string[]).includes(role);
        expect(decideAction(principal, r.access).allow, `${r.method} ${r.url} as ${role}`).toBe(want);
      }
    }
  });
});
