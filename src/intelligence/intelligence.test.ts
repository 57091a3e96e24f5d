import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuth, pageAuth, type TestEnv, testEnv } from '../../test/support/context.js';
import { DATABASE_KINDS } from '../../test/support/databases.js';
import { getPermission } from '../kernel/access/policy.js';
import { ACCESS_EXPECTATIONS } from './access.expect.js';
import { subscribe } from './live/bus.js';
import { recordedRoutes } from './route-registry.js';

type Headers = Record<string, string>;

const report = (over: Record<string, unknown> = {}) => ({
  title: 'Crossings arranged from Dunkirk',
  narrative: 'A man known as "Kapo" arranges small boat crossings for 3,000 euros a place.',
  sourceEvaluation: 2,
  assessment: 'B',
  crimeCodes: ['OIC-SB'],
  areaCode: 'kent',
  subjects: [
    { kind: 'person', value: 'Ardit Hoxha', role: 'facilitator' },
    { kind: 'phone', value: '+44 7700 900123' },
    { kind: 'vehicle', value: 'KX21 ABC' },
  ],
  submit: true,
  ...over,
});

describe.each(DATABASE_KINDS)('intelligence on %s', (kind) => {
  let env: TestEnv;
  let met: Headers;
  let metSupervisor: Headers;
  let wy: Headers;
  let nca: Headers;
  let glaa: Headers;
  const api = (method: string, url: string, headers: Headers, payload?: unknown) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
    [met, metSupervisor, wy, nca, glaa] = await Promise.all(
      [
        'intel@met.demo',
        'supervisor@met.demo',
        'analyst@west-yorkshire.demo',
        'analyst@nca.demo',
        'glaa@glaa.demo',
      ].map((e) => apiAuth(env.app, e)),
    );
  });
  afterAll(async () => env?.close());

  it('lists every route in its access expectations, each allowed to exactly the roles its permission names', () => {
    const routes = recordedRoutes(env.app);
    expect([...routes.keys()].sort()).toEqual(ACCESS_EXPECTATIONS.map((e) => e.route).sort());
    for (const e of ACCESS_EXPECTATIONS) {
      const [method, url] = e.route.split(' ') as [string, string];
      expect(env.app.hasRoute({ method: method as 'GET', url }), e.route).toBe(true);
      const p = getPermission(routes.get(e.route)!)!;
      if (e.allowed === 'public' || e.allowed === 'any-signed-in') {
        expect(p.roles, e.route).toBe(e.allowed);
        continue;
      }
      expect([...(p.roles as string[])].sort(), e.route).toEqual([...e.allowed.roles].sort());
      expect([...(p.agencyTypes ?? [])].sort(), e.route).toEqual([...(e.allowed.agencyTypes ?? [])].sort());
    }
  });

  it('refuses to submit a report without a crime identifier code, and keeps a draft without one', async () => {
    const refused = await api('POST', '/api/v1/intelligence-reports', met, report({ crimeCodes: [] }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0]).toMatchObject({
      field: 'crimeCodes',
      message: expect.stringContaining('crime identifier code'),
    });
    const draft = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({ crimeCodes: [], submit: false }),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const submit = await api('POST', `/api/v1/intelligence-reports/${draft.json().id}/submit`, met);
    expect(submit.statusCode, submit.body).not.toBe(400);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.fields[0].field).toBe('crimeCodes');
    // The database refuses it too, whatever the path.
    await expect(
      sql`UPDATE intel_reports SET status = 'approved' WHERE id = ${draft.json().id}`.execute(env.ctx.db),
    ).rejects.toThrow();
  });

  it('hides a C-coded report from an agency outside its conditions: not readable, not searchable, not exported', async () => {
    const created = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({
        handlingCode: 'C',
        conditions: { namedAgencies: ['nca'], noOnwardSharing: true },
        title: 'Restricted: Dunkirk launch site',
        subjects: [{ kind: 'phone', value: '07700 900999' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // West Yorkshire is police (a police-to-police agreement exists) but is not named in the conditions.
    expect((await api('GET', `/api/v1/intelligence-reports/${id}`, wy)).statusCode).toBe(404);
    const search = await api('GET', '/api/v1/intelligence-reports?subject=07700900999&subjectKind=phone', wy);
    expect(search.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const csv = await api('GET', '/api/v1/intelligence-reports/export.csv?q=Restricted', wy);
    expect(csv.body).not.toContain('Dunkirk launch site');
    // The NCA, named in the conditions, sees it and finds it by the phone however it is written.
    expect((await api('GET', `/api/v1/intelligence-reports/${id}`, nca)).statusCode).toBe(200);
    const found = await api(
      'GET',
      '/api/v1/intelligence-reports?subject=%2B447700900999&subjectKind=phone',
      nca,
    );
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(id);
    // A P-coded report of the Met is shared with West Yorkshire by the agreement.
    const open = await api('POST', '/api/v1/intelligence-reports', met, report());
    expect((await api('GET', `/api/v1/intelligence-reports/${open.json().id}`, wy)).json().access.rule).toBe(
      'agreement',
    );
  });

  it('has a supervisor who did not write the report review it before dissemination, and records the agreement used', async () => {
    const created = await api('POST', '/api/v1/intelligence-reports', met, report());
    const id = created.json().id as string;
    const early = await api('POST', `/api/v1/intelligence-reports/${id}/disseminations`, met, {
      toAgency: 'west-yorkshire',
      purpose: 'Operation',
    });
    expect(early.statusCode).toBe(409);
    expect((await api('POST', `/api/v1/intelligence-reports/${id}/approve`, met)).statusCode).toBe(403);
    const approved = await api('POST', `/api/v1/intelligence-reports/${id}/approve`, metSupervisor, {
      note: 'Good',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const d = await api('POST', `/api/v1/intelligence-reports/${id}/disseminations`, met, {
      toAgency: 'west-yorkshire',
      purpose: 'Joint operation on the M62',
    });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({
      toAgency: 'west-yorkshire',
      agreementId: expect.any(Number),
      basis: expect.stringContaining('Police intelligence sharing'),
    });
    const refused = await api('POST', `/api/v1/intelligence-reports/${id}/disseminations`, met, {
      toAgency: 'salvation-army',
      purpose: 'x',
    });
    expect(refused.statusCode).toBe(422);
  });

  it('keeps a sanitised version beside the restricted original: others see the sanitised one only', async () => {
    const created = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({ handlingCode: 'C', conditions: { namedAgencies: ['nca'] } }),
    );
    const id = created.json().id as string;
    const s = await api('POST', `/api/v1/intelligence-reports/${id}/sanitised-version`, met, {
      title: 'Crossings from northern France',
      narrative: 'Crossings are being arranged from northern France.',
      subjects: [],
    });
    expect(s.statusCode, s.body).toBe(201);
    await api('POST', `/api/v1/intelligence-reports/${s.json().id}/approve`, metSupervisor);
    const seen = await api('GET', `/api/v1/intelligence-reports/${s.json().id}`, wy);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      sanitisedOf: null,
      grading: { handlingCode: 'P' },
      crimeCodes: ['OIC-SB'],
    });
    expect((await api('GET', `/api/v1/intelligence-reports/${s.json().id}`, nca)).json().sanitisedOf).toBe(
      id,
    );
  });

  it('refuses a stale edit with 412 and shows the other person’s change; requires If-Match', async () => {
    const id = (await api('POST', '/api/v1/intelligence-reports', met, report({ submit: false }))).json()
      .id as string;
    expect((await api('PATCH', `/api/v1/intelligence-reports/${id}`, met, { title: 'x' })).statusCode).toBe(
      428,
    );
    const first = await api(
      'PATCH',
      `/api/v1/intelligence-reports/${id}`,
      { ...met, 'if-match': '"1"' },
      { title: 'First title' },
    );
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await api(
      'PATCH',
      `/api/v1/intelligence-reports/${id}`,
      { ...metSupervisor, 'if-match': '"1"' },
      { title: 'Second title' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.current).toMatchObject({
      currentVersion: 2,
      changesSince: [
        { version: 2, changes: { title: { from: 'Crossings arranged from Dunkirk', to: 'First title' } } },
      ],
    });
    expect((await api('GET', `/api/v1/intelligence-reports/${id}`, met)).json().title).toBe('First title');
  });

  it('searches by text, code, grading, area, date and subject within what the user may see', async () => {
    await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({
        title: 'Nail bar workers unpaid',
        narrative: 'Workers at a nail bar on Ashbury Road are not paid.',
        crimeCodes: ['MSHT-LAB'],
        areaCode: 'met',
        sourceEvaluation: 1,
        assessment: 'A',
        occurredOn: '2025-02-01',
        subjects: [{ kind: 'person', value: 'Thị Lan Trần' }],
      }),
    );
    const q = (s: string) =>
      api('GET', `/api/v1/intelligence-reports?${s}`, met).then((r) =>
        r.json().items.map((i: { title: string }) => i.title),
      );
    expect(await q('q=nail%20ashbury')).toContain('Nail bar workers unpaid');
    expect(await q('code=MSHT-LAB&area=met&sourceEvaluation=1&assessment=A')).toContain(
      'Nail bar workers unpaid',
    );
    expect(await q('subject=thi%20lan&subjectKind=person')).toContain('Nail bar workers unpaid');
    expect(await q('code=MSHT-LAB&threat=oic&q=nail')).not.toContain('Nail bar workers unpaid');
    const csv = await api('GET', '/api/v1/intelligence-reports/export.csv?code=MSHT-LAB&q=nail', met);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('reference,title');
    expect(csv.body).toContain('Nail bar workers unpaid');
  });

  it('warns a second agency before it debriefs a person already debriefed elsewhere under another spelling; hit/no-hit when it may not see the record', async () => {
    const first = await api('POST', '/api/v1/debriefs', met, {
      subjectType: 'migrant',
      givenName: 'Thanh Tung',
      familyName: 'Ngo',
      dateOfBirth: '1996-04-12',
      nationality: 'VN',
      debrieferName: 'DC Laura Bennett',
      debrieferQualification: 'accredited_debriefer',
      plannedOn: '2025-07-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    // The Met finishes the debrief, releasing its claim.
    const d = await api('GET', `/api/v1/debriefs/${first.json().id}`, met);
    const done = await api(
      'PATCH',
      `/api/v1/debriefs/${first.json().id}`,
      { ...met, 'if-match': d.headers.etag as string },
      {
        status: 'completed',
        approachedOn: '2025-07-01',
        consentGiven: true,
        voluntaryConfirmed: true,
        interpreterUsed: true,
        interpreterLanguage: 'Vietnamese',
        debriefedOn: '2025-07-01',
        legs: [
          { fromCountry: 'VN', toCountry: 'CN', transport: 'air' },
          { fromCountry: 'CN', toCountry: 'FR', transport: 'lorry or freight' },
        ],
        crossing: { method: 'concealed in a lorry', place: 'Dover' },
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    // West Yorkshire (police: may see Met debriefs) plans the same man written another way.
    const spelling = {
      subjectType: 'migrant',
      givenName: 'Tùng',
      familyName: 'Ngô Thanh',
      dateOfBirth: '12/04/1996',
      nationality: 'Vietnamese',
      debrieferName: 'Aisha Rahman',
      debrieferQualification: 'trained_intelligence_officer',
    };
    const check = await api('POST', '/api/v1/debrief-coordination/check', wy, {
      givenName: 'Thanh Tùng',
      familyName: 'Ngô',
      dateOfBirth: '12/04/1996',
      nationality: 'Vietnamese',
    });
    expect(check.json()).toMatchObject({
      seenElsewhere: true,
      matches: [
        { kind: 'debrief', agencyCode: 'met', visible: true, reference: expect.stringMatching(/^DB-/) },
      ],
    });
    const warned = await api('POST', '/api/v1/debriefs', wy, spelling);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.code).toBe('coordination_warning');
    // The GLAA has no agreement covering Met debriefs: it is told only that a match exists and whom to contact.
    const hidden = await api('POST', '/api/v1/debrief-coordination/check', glaa, {
      givenName: 'Thanh Tung',
      familyName: 'NGO',
      dateOfBirth: '1996-04-12',
      nationality: 'VN',
    });
    const m = hidden.json().matches.find((x: { agencyCode: string }) => x.agencyCode === 'met');
    expect(m).toMatchObject({
      visible: false,
      reference: null,
      id: null,
      message: 'A match exists: contact Metropolitan Police.',
    });
    expect(JSON.stringify(hidden.json())).not.toContain(first.json().reference);
    // Acknowledged after contacting the Met, West Yorkshire may plan.
    expect(
      (
        await api('POST', '/api/v1/debriefs', wy, {
          ...spelling,
          acknowledgeMatches: true,
          coordinationNote: 'Spoke to the Met',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets an agency claim a subject so no other agency approaches them', async () => {
    const who = { givenName: 'Senait', familyName: 'Tekle', dateOfBirth: '2000-02-02', nationality: 'ER' };
    expect(
      (
        await api('POST', '/api/v1/subject-claims', nca, {
          ...who,
          reason: 'Witness in an NCA investigation',
          days: 30,
        })
      ).statusCode,
    ).toBe(201);
    const refused = await api('POST', '/api/v1/debriefs', wy, {
      ...who,
      givenName: 'Senayt',
      subjectType: 'victim',
      debrieferName: 'A',
      debrieferQualification: 'jdt',
      acknowledgeMatches: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'subject_claimed',
      coordination: { claimedByOther: true },
    });
  });

  it('debriefs a child under 16 only with a recorded request', async () => {
    const child = {
      subjectType: 'victim',
      givenName: 'Minh',
      familyName: 'Pham',
      dateOfBirth: '2014-01-01',
      nationality: 'VN',
      debrieferName: 'DC Bennett',
      debrieferQualification: 'pip2_interviewer',
      plannedOn: '2025-07-01',
    };
    const refused = await api('POST', '/api/v1/debriefs', met, child);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('under16Request');
    expect(
      (
        await api('POST', '/api/v1/debriefs', met, {
          ...child,
          under16Request: { requestingAgency: 'nca', reason: 'Only witness to the crossing' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('tracks NCCU documents: 14 of 44 returned in June to September 2024, a chase list, and the document returned as a report', async () => {
    const nccuUser = await apiAuth(env.app, 'nccu@ie.demo');
    const rates = await api('GET', '/api/v1/nccu-return-rates?from=2024-06-01&to=2024-09-30', wy);
    expect(rates.json()).toMatchObject({ contacts: 441, subjects: 708, total: { sent: 44, returned: 14 } });
    const c = await api('POST', '/api/v1/nccu-contacts', nccuUser, {
      forceCode: 'met',
      contactedAt: '2025-05-01',
      incidentType: 'inland_vehicle',
      summary: 'Six men found in a lorry on the A2.',
      subjects: [{ givenName: 'Ardit', familyName: 'Leka', nationality: 'AL' }],
      sendDocument: true,
    });
    expect(c.statusCode, c.body).toBe(201);
    const chase = await api('GET', '/api/v1/nccu-chase-list?force=met', met);
    expect(chase.json().items.map((i: { id: string }) => i.id)).toContain(c.json().id);
    expect(
      (await api('POST', `/api/v1/nccu-contacts/${c.json().id}/document/return`, wy, {})).statusCode,
    ).toBe(403);
    const rep = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({ title: 'NCCU intelligence document' }),
    );
    const back = await api('POST', `/api/v1/nccu-contacts/${c.json().id}/document/return`, met, {
      reportId: rep.json().id,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await api('GET', `/api/v1/nccu-contacts/${c.json().id}`, met)).json().document).toMatchObject({
      state: 'returned',
      reportId: rep.json().id,
    });
  });

  it('takes community intelligence without sign-in and turns it into a draft report in triage', async () => {
    const form = await env.app.inject({
      method: 'GET',
      url: '/report-it?lang=sq&at=bedfordshire-luton-airport-arrivals',
      headers: { accept: 'text/html' },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('lang="sq"');
    expect(form.body).toContain('Ky përkthim nuk është kontrolluar');
    const anon = form.cookies.find((c) => c.name === 'fusion_csrf')!.value;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const post = (body: Record<string, string>) =>
      env.app.inject({
        method: 'POST',
        url: '/report-it',
        headers: {
          cookie: `fusion_csrf=${anon}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        payload: new URLSearchParams({
          _csrf: csrf,
          lang: 'sq',
          at: 'bedfordshire-luton-airport-arrivals',
          ...body,
        }).toString(),
      });
    const bad = await post({ whatHappened: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Na tregoni çfarë ndodhi');
    const ok = await post({
      concern: 'people_smuggling',
      whatHappened: 'Një furgon i bardhë la njerëz në parkim.',
      contact: 'no',
    });
    expect(ok.statusCode).toBe(303);
    const ref = /ref=(CI-\d+)/.exec(String(ok.headers.location))![1];
    const row = (
      await sql<{
        id: string;
        owning_agency_code: string;
      }>`SELECT id, owning_agency_code FROM intel_community_submissions WHERE reference = ${ref}`.execute(
        env.ctx.db,
      )
    ).rows[0]!;
    expect(row.owning_agency_code).toBe('bedfordshire');
    // Another force cannot see it; Bedfordshire's intelligence officer triages it into a draft report to grade.
    expect((await api('GET', `/api/v1/community-submissions/${row.id}`, met)).statusCode).toBe(404);
    const beds = await apiAuth(env.app, 'intel@bedfordshire.demo');
    const queue = await api('GET', '/api/v1/community-submissions?status=new', beds);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(row.id);
    const t = await api('POST', `/api/v1/community-submissions/${row.id}/triage`, beds, {
      action: 'convert',
    });
    expect(t.statusCode, t.body).toBe(200);
    const draft = await api('GET', `/api/v1/intelligence-reports/${t.json().reportId}`, beds);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      sourceType: 'community',
      crimeCodes: ['OIC'],
      grading: { sourceEvaluation: 2 },
    });
    expect(draft.json().narrative).toContain('Luton Airport');
    expect(
      (
        await api('POST', `/api/v1/community-submissions/${row.id}/triage`, beds, {
          action: 'reject',
          note: 'x',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('imports CSV rows with per-row errors, and importing the same file again adds nothing', async () => {
    const integrator = await apiAuth(env.app, 'integrator@nca.demo');
    const csv = [
      'external_id,title,narrative,crime_codes,source_evaluation,assessment,reported_on,area,subjects',
      'T-1,Boat engines,Engines bought in bulk,OIC-SB,2,B,2025-01-05,kent,person:Dritan Gashi|phone:07700 900777',
      'T-2,No code,Text,,2,B,2025-01-06,kent,',
      'T-3,Bad date,Text,OIC,2,B,2025-02-30,kent,',
      'T-4,Bad subject,Text,OIC,2,B,2025-01-07,kent,car:AB12 CDE',
      'T-1,Duplicate id,Text,OIC,2,B,2025-01-08,kent,',
    ].join('\n');
    const run = async () => {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/intelligence-imports?fileName=test.csv',
        headers: { ...integrator, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.statusCode, res.body).toBe(202);
      await env.ctx.jobs.idle();
      const job = await api('GET', `/api/v1/jobs/${res.json().jobId}`, integrator);
      expect(job.json().status, JSON.stringify(job.json())).toBe('succeeded');
      return job.json().result as { importId: string; imported: number; errors: number; duplicates: number };
    };
    const first = await run();
    expect(first).toMatchObject({ imported: 1, errors: 4 });
    const errors = await api('GET', `/api/v1/intelligence-imports/${first.importId}/errors.csv`, integrator);
    expect(errors.body).toContain('2,crime_codes,');
    expect(errors.body).toContain('3,reported_on,');
    expect(errors.body).toContain('4,subjects,');
    expect(errors.body).toContain('5,external_id,External id T-1 is also on row 1');
    const again = await run();
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM intel_reports WHERE external_id = 'T-1'`.execute(env.ctx.db);
    expect(n.rows[0]!.n).toBe(1);
    // One audit entry for the batch, listing the ids it created.
    const audit = await sql<{
      detail: { ids: string[] };
    }>`SELECT detail FROM audit_log WHERE action = 'intelligence.reports.import' AND entity_id = ${first.importId}`.execute(
      env.ctx.db,
    );
    expect(audit.rows).toHaveLength(1);
    expect(
      (typeof audit.rows[0]!.detail === 'string' ? JSON.parse(audit.rows[0]!.detail) : audit.rows[0]!.detail)
        .ids,
    ).toHaveLength(1);
  });

  it('sends live changes only to users allowed to see the record', async () => {
    const seen: string[] = [];
    const unsubscribe = subscribe(env.ctx, (e) => seen.push(e.id));
    const created = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({ handlingCode: 'C', conditions: { namedAgencies: ['nca'] } }),
    );
    unsubscribe();
    expect(seen).toContain(created.json().id);
    // Over HTTP: the NCA's stream carries the change; West Yorkshire's does not.
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const read = async (headers: Headers) => {
      const ac = new AbortController();
      const res = await fetch(`${address}/api/v1/intelligence/events?kinds=intelligence_report`, {
        headers,
        signal: ac.signal,
      });
      const reader = res.body!.getReader();
      const chunks: string[] = [];
      const pump = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            chunks.push(new TextDecoder().decode(value));
          }
        } catch {
          // aborted
        }
      })();
      return {
        stop: async () => {
          ac.abort();
          await pump;
          return chunks.join('');
        },
      };
    };
    const ncaStream = await read(nca);
    const wyStream = await read(wy);
    await new Promise((r) => setTimeout(r, 200));
    const secret = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({ handlingCode: 'C', conditions: { namedAgencies: ['nca'] } }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await ncaStream.stop()).toContain(secret.json().id);
    expect(await wyStream.stop()).not.toContain(secret.json().id);
  });

  it('shows the partners a report’s facts imply and records "Mark as engaged" through the partners form', async () => {
    const { cookie, csrf } = await pageAuth(env.app, 'intel@met.demo');
    const created = await api(
      'POST',
      '/api/v1/intelligence-reports',
      met,
      report({
        crimeCodes: ['MSHT-LAB'],
        subjects: [
          { kind: 'person', value: 'Ardit Hoxha', role: 'victim', nationality: 'Albanian' },
          { kind: 'location', value: 'Tirana, Albania' },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const url = `/intelligence/reports/${id}`;
    const page = await env.app.inject({ method: 'GET', url, headers: { cookie, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Partners to contact');
    // A foreign-national subject: NCCU now; labour exploitation: the GLAA; Albania is covered by Europol.
    expect(page.body).toContain('id="partner-nccu"');
    expect(page.body).toContain('Immigration Enforcement National Command and Control Unit');
    expect(page.body).toContain('id="partner-glaa"');
    expect(page.body).toContain('Albania (covered by Europol)');
    expect(page.body).toContain('id="partner-europol"');
    expect(page.body).toContain('nccu-foreign-national');
    expect(page.body).toContain('Mark NCCU as engaged');
    expect(page.body).toContain('name="caseKind" value="intelligence_report"');
    expect(page.body).toContain(`name="returnTo" value="${url}"`);

    const posted = await env.app.inject({
      method: 'POST',
      url: '/partners/engagements',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({
        _csrf: csrf,
        partnerCode: 'nccu',
        caseKind: 'intelligence_report',
        caseId: id,
        ruleId: 'nccu-foreign-national',
        returnTo: url,
      }).toString(),
    });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`${url}?engaged=nccu`);
    const after = await env.app.inject({
      method: 'GET',
      url: posted.headers.location as string,
      headers: { cookie, accept: 'text/html' },
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('The partner engagement was recorded on this report.');
    const start = after.body.indexOf('id="partner-nccu"');
    const card = after.body.slice(start, after.body.indexOf('<div class="govuk-summary-card"', start));
    expect(card).toContain('Engaged</strong>');
    expect(card).toMatch(/Engaged on .+ by /);
    expect(card).not.toContain('Mark NCCU as engaged');
    // Other partners can still be marked.
    expect(after.body).toContain('Mark GLAA as engaged');
  });

  it('serves its pages with the signed-in session and refuses a stale page edit with the other change shown', async () => {
    const { cookie, csrf } = await pageAuth(env.app, 'intel@met.demo');
    const id = (await api('POST', '/api/v1/intelligence-reports', met, report({ submit: false }))).json()
      .id as string;
    await api(
      'PATCH',
      `/api/v1/intelligence-reports/${id}`,
      { ...metSupervisor, 'if-match': '"1"' },
      { title: 'Changed by the supervisor' },
    );
    const form = new URLSearchParams({
      _csrf: csrf,
      version: '1',
      title: 'My title',
      narrative: 'Text',
      crimeCodes: 'OIC-SB',
      handlingCode: 'P',
      sourceEvaluation: '2',
      assessment: 'B',
      securityMarking: 'OFFICIAL-SENSITIVE',
      sourceType: 'human',
      action: 'save',
    });
    const res = await env.app.inject({
      method: 'POST',
      url: `/intelligence/reports/${id}/edit`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form.toString(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone else changed this report');
    expect(res.body).toContain('Changed by the supervisor');
    expect(res.body).toContain('value="My title"');
  });
});
