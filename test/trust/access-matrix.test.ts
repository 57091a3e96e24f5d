import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteExpectation } from '../../src/kernel/access/expectations.js';
import { type Agreement, decideRecord, type HandlingConditions, type RecordMeta } from '../../src/kernel/access/policy.js';
import type { Principal } from '../../src/kernel/access/principal.js';
import { ROLES, type Role } from '../../src/kernel/access/roles.js';
import { createProbeTable, insertProbePeople, PROBE_KIND, personProbe } from '../../src/kernel/bench/person-probe.js';
import { SRC_DIR } from '../../src/kernel/db/migrate.js';
import { ACCESS_PROBE_HEADER, routesOf } from '../../src/kernel/http/server.js';
import { AGENCY_TYPES, type AgencyType } from '../../src/kernel/reference/agencies.js';
import { createUser, type TestEnv, testEnv, tokenHeaders } from '../support/context.js';

/**
 * The access matrix: every route (from the OpenAPI document and the app's own list, hidden page routes included)
 * x every role x every kind of agency, checked against the expectation tables people wrote in
 * `src/<capability>/access.expect.ts`, which state the rule independently of the permission rows in the code.
 * Routes that read one record are also checked per owning agency and handling code.
 */

/** Every capability's table (and this test's, for the probe capability it adds). */
async function loadExpectations(): Promise<{ file: string; e: RouteExpectation }[]> {
  const out: { file: string; e: RouteExpectation }[] = [];
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name === 'access.expect.ts' ? [path.join(dir, d.name)] : []));
  for (const file of walk(SRC_DIR)) {
    const mod = (await import(pathToFileURL(file).href)) as { ACCESS_EXPECTATIONS?: RouteExpectation[] };
    for (const e of mod.ACCESS_EXPECTATIONS ?? []) out.push({ file: path.relative(SRC_DIR, file), e });
  }
  return out;
}

const PROBE_READERS = { roles: ['intelligence_officer', 'analyst', 'supervisor'] as Role[] };
const probeSample: RouteExpectation['sample'] = async (ctx, owner, handling) => {
  const [id] = await insertProbePeople(ctx.db, [
    {
      reference: 'MX', given_name: 'G', family_name: 'F', date_of_birth: null, nationality: null,
      owning_agency_code: owner.agencyCode, owning_agency_type: owner.agencyType, handling_code: handling.code, conditions: handling.conditions, review_date: null,
    },
  ]);
  return { url: `/api/v1/probe/people/${id}`, headers: { 'x-fusion-purpose': 'law-enforcement' } };
};
const LOCAL: RouteExpectation[] = [
  { route: 'GET /api/v1/probe/people/:id', allowed: PROBE_READERS, recordKind: PROBE_KIND, sample: probeSample },
  { route: 'GET /probe/people/:id', allowed: PROBE_READERS, recordKind: PROBE_KIND },
  { route: 'GET /api/v1/probe/decisions/:id', allowed: PROBE_READERS },
];

const expectedAllowed = (e: RouteExpectation, u: { roles: readonly Role[]; agencyType: AgencyType } | null) => {
  if (e.allowed === 'public') return true;
  if (!u) return false;
  if (e.allowed === 'any-signed-in') return true;
  return e.allowed.roles.some((r) => u.roles.includes(r)) && (!e.allowed.agencyTypes || e.allowed.agencyTypes.includes(u.agencyType));
};

const fillParams = (url: string) =>
  url.replace(/:kind/g, PROBE_KIND).replace(/:([A-Za-z_]+)/g, () => '00000000-0000-4000-8000-000000000001');

interface MatrixUser {
  role: Role;
  roles: Role[];
  agencyType: AgencyType;
  agencyCode: string;
  headers: Record<string, string>;
}

describe('access matrix', () => {
  let env: TestEnv;
  let table: Map<string, RouteExpectation>;
  let files: Map<string, string>;
  let users: MatrixUser[];
  let agencyOfType: Map<AgencyType, string>;

  beforeAll(async () => {
    env = await testEnv('postgres', 'demo', {}, { extraCapabilities: [personProbe] });
    await createProbeTable(env.ctx.db);
    const loaded = [...(await loadExpectations()), ...LOCAL.map((e) => ({ file: 'test/trust/access-matrix.test.ts', e }))];
    table = new Map();
    files = new Map();
    const dupes: string[] = [];
    for (const { file, e } of loaded) {
      if (table.has(e.route)) dupes.push(`${e.route} (${files.get(e.route)} and ${file})`);
      table.set(e.route, e);
      files.set(e.route, file);
    }
    expect(dupes, 'routes listed twice in the expectation tables').toEqual([]);
    // One synthetic user per role x kind of agency, each in a real agency of that kind.
    const agencies = await env.ctx.db.selectFrom('agencies').select(['code', 'type']).orderBy('code').execute();
    agencyOfType = new Map();
    for (const a of agencies) if (!agencyOfType.has(a.type as AgencyType)) agencyOfType.set(a.type as AgencyType, a.code);
    users = [];
    for (const agencyType of AGENCY_TYPES) {
      const agencyCode = agencyOfType.get(agencyType);
      if (!agencyCode) continue;
      for (const role of ROLES) {
        const id = await createUser(env.ctx, { email: `${role}.${agencyType}@matrix.test`, agency: agencyCode, roles: [role] });
        users.push({ role, roles: [role], agencyType, agencyCode, headers: await tokenHeaders(env.ctx, id) });
      }
    }
  });
  afterAll(async () => env?.close());

  it('covers every kind of agency and every role', () => {
    expect([...agencyOfType.keys()].sort()).toEqual([...AGENCY_TYPES].sort());
    expect(users.length).toBe(AGENCY_TYPES.length * ROLES.length);
  });

  it('has an expectation for every route, from the OpenAPI document and the page routes, and no stale ones', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const fromOpenApi = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    const registered = new Set(routesOf(env.app).map((r) => `${r.method} ${r.url}`));
    expect(fromOpenApi.length).toBeGreaterThan(10);
    expect(fromOpenApi.filter((r) => !registered.has(r)), 'OpenAPI routes the app does not serve').toEqual([]);
    const all = new Set([...fromOpenApi, ...registered]);
    expect([...all].filter((r) => !table.has(r)).sort(), 'routes missing from every access.expect.ts').toEqual([]);
    expect([...table.keys()].filter((r) => !all.has(r)).sort(), 'expectations naming no route').toEqual([]);
  });

  it('answers every route as its expectation says, for every role x kind of agency and when signed out', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const r of routesOf(env.app)) {
      const e = table.get(`${r.method} ${r.url}`);
      if (!e) continue; // reported by the previous test
      const url = fillParams(r.url);
      const anon = await env.app.inject({ method: r.method as 'GET', url, headers: { [ACCESS_PROBE_HEADER]: '1', accept: r.page ? 'text/html' : 'application/json' } });
      const anonRefused = anon.statusCode === 401 || (anon.statusCode === 303 && String(anon.headers.location).startsWith('/sign-in'));
      if (expectedAllowed(e, null) ? anon.statusCode !== 204 && anon.statusCode !== 429 : !anonRefused) mismatches.push(`${r.method} ${r.url} signed out: ${anon.statusCode}`);
      checked++;
      // All users at once per route: refusals are audited, and concurrent ones share a commit.
      const answers = await Promise.all(users.map((u) => env.app.inject({ method: r.method as 'GET', url, headers: { ...u.headers, [ACCESS_PROBE_HEADER]: '1' } })));
      users.forEach((u, i) => {
        const res = answers[i]!;
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const should = expectedAllowed(e, u);
        checked++;
        // 204: the probe's "allowed"; 429: a rate-limited route (sign-in, tokens) throttles everyone alike.
        if (should ? res.statusCode !== 204 && res.statusCode !== 429 : !refused) {
          mismatches.push(`${r.method} ${r.url} as ${u.role} at a ${u.agencyType}: ${res.statusCode}, expected ${should ? 'allowed' : 'refused'}`);
        } else if (refused) {
          // Every refusal names the rule that refused.
          const rule = r.page ? /Rule applied/.test(res.body) : typeof res.json().error?.rule === 'string';
          if (!rule) mismatches.push(`${r.method} ${r.url} as ${u.role} at a ${u.agencyType}: refusal without its rule`);
        }
      });
    }
    expect(checked).toBeGreaterThan(users.length * 50);
    expect(mismatches.slice(0, 40), `${mismatches.length} mismatches`).toEqual([]);
  }, 300_000);

  it('runs the handlers of read routes for one user of each role without refusing those the table allows', async () => {
    const mismatches: string[] = [];
    const police = users.filter((u) => u.agencyType === 'police_force');
    for (const r of routesOf(env.app).filter((x) => x.method === 'GET' && !x.url.includes('oidc'))) {
      const e = table.get(`${r.method} ${r.url}`)!;
      for (const u of police) {
        // Streamed, so that an event stream (which never ends) answers with its status like any other route.
        const abort = new AbortController();
        const res = await env.app.inject({ method: 'GET', url: fillParams(r.url), headers: { ...u.headers, 'x-fusion-purpose': 'audit' }, payloadAsStream: true, signal: abort.signal });
        if (String(res.headers['content-type']).startsWith('text/event-stream')) abort.abort();
        else for await (const _ of res.stream()) void _;
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (expectedAllowed(e, u) === refused) mismatches.push(`${r.url} as ${u.role}: ${res.statusCode}`);
        if (res.statusCode >= 500) mismatches.push(`${r.url} as ${u.role}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  /**
   * The record rules restated independently: the owner always sees; handling code C refuses agencies the
   * originator did not name or has not consented to; a named agency sees; otherwise only a valid, unwithdrawn
   * agreement for that kind from the owner's kind of agency to the reader's grants access.
   */
  const HANDLING: { name: string; code: 'P' | 'C'; conditions: (reader: string) => HandlingConditions | null; oracle: 'agreement' | 'allow' | 'deny' }[] = [
    { name: 'P', code: 'P', conditions: () => null, oracle: 'agreement' },
    { name: 'C, no conditions', code: 'C', conditions: () => ({}), oracle: 'agreement' },
    { name: 'C, reader named', code: 'C', conditions: (r) => ({ namedAgencies: [r] }), oracle: 'allow' },
    { name: 'C, reader not named', code: 'C', conditions: () => ({ namedAgencies: ['someone-else'] }), oracle: 'deny' },
    { name: 'C, consent missing', code: 'C', conditions: () => ({ originatorConsent: true, consentedAgencies: [] }), oracle: 'deny' },
    { name: 'C, consent given', code: 'C', conditions: (r) => ({ originatorConsent: true, consentedAgencies: [r] }), oracle: 'agreement' },
    { name: 'C, no onward sharing', code: 'C', conditions: () => ({ noOnwardSharing: true }), oracle: 'agreement' },
  ];

  it('decides every record kind the routes read, for every role x reader kind x owner kind x handling code, as the rules state', async () => {
    const kinds = [...new Set([...table.values()].flatMap((e) => (e.recordKind ? [e.recordKind] : [])))];
    expect(kinds).toContain(PROBE_KIND);
    const today = '2026-06-01';
    const mismatches: string[] = [];
    let n = 0;
    for (const kind of kinds) {
      const agreements: Agreement[] = [
        { id: 1, name: 'in force', fromAgencyCode: null, fromAgencyType: 'police_force', toAgencyCode: null, toAgencyType: 'rocu', recordKinds: [kind], purposes: [], validFrom: '2026-01-01', validUntil: null },
        { id: 2, name: 'ended', fromAgencyCode: null, fromAgencyType: 'police_force', toAgencyCode: null, toAgencyType: 'nca', recordKinds: [kind], purposes: [], validFrom: '2025-01-01', validUntil: '2026-05-31' },
        { id: 3, name: 'not yet', fromAgencyCode: null, fromAgencyType: 'ngo', toAgencyCode: null, toAgencyType: 'police_force', recordKinds: [kind], purposes: [], validFrom: '2026-06-02', validUntil: null },
        { id: 4, name: 'withdrawn', fromAgencyCode: null, fromAgencyType: 'home_office', toAgencyCode: null, toAgencyType: 'police_force', recordKinds: [kind], purposes: [], validFrom: '2026-01-01', validUntil: null, withdrawnAt: '2026-02-01' },
        { id: 5, name: 'other kind', fromAgencyCode: null, fromAgencyType: 'local_authority', toAgencyCode: null, toAgencyType: 'police_force', recordKinds: [`${kind}_other`], purposes: [], validFrom: '2026-01-01', validUntil: null },
      ];
      for (const readerType of AGENCY_TYPES) {
        for (const role of ROLES) {
          const reader: Principal = { userId: 'u', name: 'n', email: 'e', agencyCode: `r-${readerType}`, agencyName: 'R', agencyType: readerType, region: null, forceAreaCode: null, roles: [role], via: 'token' };
          for (const ownerType of AGENCY_TYPES) {
            for (const same of [false, true]) {
              for (const h of HANDLING) {
                const record: RecordMeta = { kind, id: 'x', owningAgencyCode: same ? reader.agencyCode : `o-${ownerType}`, owningAgencyType: same ? readerType : ownerType, handlingCode: h.code, conditions: h.conditions(reader.agencyCode) };
                const expected = same || h.oracle === 'allow' || (h.oracle === 'agreement' && ownerType === 'police_force' && readerType === 'rocu');
                const got = decideRecord(reader, record, { agreements, today }).allow;
                n++;
                if (got !== expected) mismatches.push(`${kind}: ${role} at ${readerType} reading ${same ? 'own' : ownerType} ${h.name}: ${got}`);
              }
            }
          }
        }
      }
    }
    expect(n).toBeGreaterThan(20_000);
    expect(mismatches.slice(0, 20), `${mismatches.length} mismatches`).toEqual([]);
  });

  it('enforces the record decision in routes that can make sample records: owners and agreements only', async () => {
    const sampled = [...table.values()].filter((e) => e.recordKind && e.sample);
    expect(sampled.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    const owners: AgencyType[] = ['police_force', 'rocu', 'ngo', 'home_office'];
    for (const e of sampled) {
      for (const ownerType of owners) {
        const owner = { agencyCode: agencyOfType.get(ownerType)!, agencyType: ownerType };
        for (const h of HANDLING) {
          const readerCode = agencyOfType.get('police_force')!;
          const conditions = h.conditions(readerCode);
          const sample = await e.sample!(env.ctx, owner, { code: h.code, conditions });
          const readers = users.filter((x) => expectedAllowed(e, x));
          const answers = await Promise.all(readers.map((u) => env.app.inject({ method: 'GET', url: sample.url, headers: { ...u.headers, ...sample.headers } })));
          readers.forEach((u, i) => {
            const res = answers[i]!;
            const principal: Principal = { userId: 'u', name: '', email: '', agencyCode: u.agencyCode, agencyName: '', agencyType: u.agencyType, region: null, forceAreaCode: null, roles: [u.role], via: 'token' };
            const allowed = decideRecord(principal, { kind: e.recordKind!, owningAgencyCode: owner.agencyCode, owningAgencyType: ownerType, handlingCode: h.code, conditions }, { agreements: env.ctx.agreements.all() }).allow;
            const ok = allowed ? res.statusCode === 200 : res.statusCode === 403 || res.statusCode === 404;
            if (!ok) mismatches.push(`${e.route} ${ownerType} ${h.name} as ${u.role} at ${u.agencyType}: ${res.statusCode}, policy says ${allowed}`);
          });
        }
      }
    }
    expect(mismatches.slice(0, 20), `${mismatches.length} mismatches`).toEqual([]);
  }, 300_000);
});
