import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/kernel/access/roles.js';
import { createProbeTable, insertProbePeople, personProbe } from '../../src/kernel/bench/person-probe.js';
import { ACCESS_PROBE_HEADER } from '../../src/kernel/http/server.js';
import { AGENCY_TYPES } from '../../src/kernel/reference/agencies.js';
import { createUser, type TestEnv, testEnv, tokenHeaders } from '../support/context.js';

/**
 * Bad input: thousands of generated malformed, oversized, wrongly typed and injection-laden requests spread over
 * every route of the OpenAPI document, each sent with a token allowed to call the route so that it reaches
 * validation. Each request is broken in at least one place the route validates (so none may write); the test
 * asks for zero 5xx, every rejection in the JSON error shape, and not one row changed in any table.
 */

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[]; format?: string; pattern?: string; maxLength?: number; anyOf?: JsonSchema[] };
interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

const INJECTIONS = [
  "' OR '1'='1", "'; DROP TABLE users; --", '"; SELECT pg_sleep(10); --', '<script>alert(1)</script>', '{{7*7}}', '${7*7}', '../../../../etc/passwd',
  '%00', '\u0000', '\ud800', 'admin\r\nSet-Cookie: x=1', '=HYPERLINK("http://x")', '$where', '{"$gt":""}', 'null', 'undefined', 'NaN', '-1', '1e309',
  '0x7fffffff', '9'.repeat(40), 'é'.repeat(300), '🧨'.repeat(200), '\\', '%', '_', '*',
];
const junkString = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1000, max: 120_000 }).map((n) => 'x'.repeat(n)),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(junkString, { maxLength: 5 }),
  fc.dictionary(junkString, junkString, { maxKeys: 4 }),
  fc.integer({ min: 10, max: 2000 }).map((d) => JSON.parse(`${'['.repeat(d)}${']'.repeat(d)}`)),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
);

const typeOf = (s: JsonSchema): string => (Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'string') : (s.type ?? (s.anyOf ? typeOf(s.anyOf.find((a) => a.type !== 'null') ?? {}) : 'any')));

/** A value that the schema certainly refuses, or null when every value could be valid. */
function certainlyInvalid(s: JsonSchema): fc.Arbitrary<unknown> | null {
  const t = typeOf(s);
  const nullable = (Array.isArray(s.type) && s.type.includes('null')) || s.anyOf?.some((a) => a.type === 'null');
  const options: fc.Arbitrary<unknown>[] = [];
  if (t !== 'string') options.push(junkString.filter((v) => !(t === 'integer' || t === 'number') || Number.isNaN(Number(v))));
  if (t === 'string') {
    options.push(fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })));
    if (s.maxLength) options.push(fc.constant('y'.repeat(s.maxLength + 1 + 17)));
    if (s.enum) options.push(junkString.filter((v) => !s.enum!.includes(v)));
  }
  if (t === 'array') options.push(fc.oneof(fc.integer(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })));
  if (t === 'object') options.push(fc.oneof(fc.integer(), fc.array(fc.integer(), { maxLength: 3 })));
  if (t === 'boolean' || t === 'integer' || t === 'number') options.push(fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  if (!nullable) options.push(fc.constant(null));
  return options.length ? fc.oneof(...options) : null;
}

/** A path parameter no validator accepts: uuid, integer and slug parameters all refuse these. */
const badParam = fc.oneof(fc.constantFrom(...INJECTIONS.filter((x) => /[^a-z0-9_]/.test(x) && !/^-?\d+$/.test(x))), fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${s} '<>`));

/** encodeURIComponent, but a lone surrogate becomes the invalid UTF-8 bytes a hostile client would send. */
const encodePart = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return `%ED%A0%80${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`;
  }
};

interface Generated {
  url: string;
  payload?: string;
  contentType?: string;
}

function requestFor(op: Operation): fc.Arbitrary<Generated> {
  const bodyProps = Object.entries(op.body?.properties ?? {});
  const invalidBodyProps = bodyProps.flatMap(([k, s]) => {
    const bad = certainlyInvalid(s);
    return bad ? [{ k, bad }] : [];
  });
  const invalidQuery = op.query.flatMap((q) => {
    const bad = certainlyInvalid(q.schema);
    return bad && typeOf(q.schema) !== 'string' ? [{ name: q.name, bad }] : q.schema.maxLength ? [{ name: q.name, bad: fc.constant('q'.repeat(q.schema.maxLength + 5)) }] : [];
  });
  // Where each request is certainly broken.
  const places: string[] = [];
  if (op.pathParams.length) places.push('param');
  if (op.body) places.push('body-shape', 'body-json', 'content-type', ...(invalidBodyProps.length ? ['body-field'] : []), ...(op.body.required?.length ? ['body-missing'] : []));
  if (invalidQuery.length) places.push('query');
  if (places.length === 0) places.push('extra-only');
  return fc
    .record({
      place: fc.constantFrom(...places),
      params: fc.array(fc.oneof(badParam, fc.uuid().map(String), junkString.filter((s) => s.length > 0 && s.length < 300)), { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
      badParamAt: fc.nat(),
      badParamValue: badParam,
      extraQuery: fc.dictionary(fc.constantFrom('q', 'limit', 'page', 'format', 'next', '__proto__', 'constructor', ...op.query.map((q) => q.name)), junkString, { maxKeys: 3 }),
      queryBreak: invalidQuery.length ? fc.record({ i: fc.nat(), v: fc.oneof(...invalidQuery.map((q) => q.bad)) }) : fc.constant(null),
      bodyBase: fc.dictionary(fc.constantFrom(...bodyProps.map(([k]) => k), 'extra', '__proto__'), junkValue, { maxKeys: Math.max(1, bodyProps.length) }),
      fieldBreak: invalidBodyProps.length ? fc.record({ i: fc.nat(), v: fc.oneof(...invalidBodyProps.map((p) => p.bad)) }) : fc.constant(null),
      shape: fc.oneof(fc.constant([]), fc.integer(), fc.constant('text'), fc.constant(null), fc.array(junkValue, { maxLength: 3 })),
      rawJson: fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'nul', '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}x', ''),
      contentType: fc.constantFrom('text/xml', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-7'),
    })
    .map((g) => {
      const params = [...g.params];
      if (g.place === 'param' && params.length) params[g.badParamAt % params.length] = g.badParamValue;
      let path = op.path;
      op.pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, encodePart(String(params[i])));
      });
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(g.extraQuery)) query.append(k, String(v));
      if (g.place === 'query' && g.queryBreak) {
        const q = invalidQuery[g.queryBreak.i % invalidQuery.length]!;
        query.delete(q.name);
        query.append(q.name, typeof g.queryBreak.v === 'string' ? g.queryBreak.v : JSON.stringify(g.queryBreak.v) ?? 'x');
        if (typeOf(op.query.find((x) => x.name === q.name)!.schema) !== 'string') query.append(q.name, 'second');
      }
      const url = `${path}${query.size ? `?${query}` : ''}`;
      if (!op.body) return { url };
      const body: Record<string, unknown> = { ...g.bodyBase };
      switch (g.place) {
        case 'body-shape':
          return { url, payload: JSON.stringify(g.shape), contentType: 'application/json' };
        case 'body-json':
          return { url, payload: g.rawJson, contentType: 'application/json' };
        case 'content-type':
          return { url, payload: JSON.stringify(body), contentType: g.contentType };
        case 'body-field': {
          const p = invalidBodyProps[g.fieldBreak!.i % invalidBodyProps.length]!;
          body[p.k] = g.fieldBreak!.v;
          return { url, payload: JSON.stringify(body), contentType: 'application/json' };
        }
        case 'body-missing':
          delete body[op.body.required![0]!];
          return { url, payload: JSON.stringify(body), contentType: 'application/json' };
        default:
          return { url, payload: JSON.stringify(body), contentType: 'application/json' };
      }
    });
}

const isErrorShape = (b: unknown) => {
  const e = (b as { error?: { code?: unknown; message?: unknown; fields?: unknown } })?.error;
  return (
    !!e && typeof e.code === 'string' && typeof e.message === 'string' && Array.isArray(e.fields) &&
    e.fields.every((f: { field?: unknown; message?: unknown }) => typeof f.field === 'string' && typeof f.message === 'string')
  );
};

/** Row count and a checksum of every table, except those that legitimately grow with any request. */
async function tableChecksums(env: TestEnv): Promise<Record<string, string>> {
  const grows = new Set(['audit_log', 'audit_head', 'sessions', 'api_tokens', 'schema_migrations']);
  const tables = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(env.ctx.db);
  const out: Record<string, string> = {};
  for (const { t } of tables.rows) {
    if (grows.has(t)) continue;
    const r = await sql<{ c: string }>`SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS c FROM ${sql.table(t)} x`.execute(env.ctx.db);
    out[t] = r.rows[0]!.c;
  }
  return out;
}

describe('bad input', () => {
  let env: TestEnv;
  let ops: Operation[];
  let callers: Record<string, string>[];
  beforeAll(async () => {
    env = await testEnv('postgres', 'demo', {}, { extraCapabilities: [personProbe] });
    await createProbeTable(env.ctx.db);
    await insertProbePeople(env.ctx.db, [{ reference: 'B1', given_name: 'G', family_name: 'F', date_of_birth: null, nationality: null, owning_agency_code: 'met', owning_agency_type: 'police_force', handling_code: 'P', conditions: null, review_date: '2020-01-01' }]);
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => ({
          method: m.toUpperCase(),
          path,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
        })),
    );
    // A user with every role in one agency of each kind: some route will accept one of them.
    callers = [];
    for (const type of AGENCY_TYPES) {
      const agency = await env.ctx.db.selectFrom('agencies').select('code').where('type', '=', type).orderBy('code').executeTakeFirstOrThrow();
      callers.push(await tokenHeaders(env.ctx, await createUser(env.ctx, { email: `all.${type}@bad-input.test`, agency: agency.code, roles: [...ROLES] })));
    }
  });
  afterAll(async () => env?.close());

  it('answers at least 10,000 generated bad requests over every route with no 5xx, the JSON error shape, and no row changed', async () => {
    const before = await tableChecksums(env);
    const perRoute = Math.ceil(10_000 / ops.length);
    let sent = 0;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of ops) {
      // A caller the route's permission allows, so requests reach validation.
      const fastifyPath = op.path.replace(/\{([^}]+)\}/g, ':$1');
      let headers: Record<string, string> | undefined;
      for (const h of callers) {
        const probe = await env.app.inject({ method: op.method as 'GET', url: fastifyPath.replace(/:[a-zA-Z]+/g, 'x'), headers: { ...h, [ACCESS_PROBE_HEADER]: '1' } });
        if (probe.statusCode === 204 && probe.headers['x-fusion-access-rule']) {
          headers = h;
          break;
        }
      }
      expect(headers, `no caller may use ${op.method} ${op.path}`).toBeDefined();
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (g) => {
          const res = await env.app.inject({
            method: op.method as 'GET',
            url: g.url,
            headers: { ...headers, ...(g.contentType ? { 'content-type': g.contentType } : {}) },
            payload: g.payload,
          });
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${op.method} ${g.url.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            let body: unknown;
            try {
              body = res.json();
            } catch {
              body = null;
            }
            if (!isErrorShape(body) || !String(res.headers['content-type']).startsWith('application/json')) {
              failures.push(`${op.method} ${g.url.slice(0, 120)}: ${res.statusCode} not in the error shape: ${res.body.slice(0, 200)}`);
            }
          }
          return true;
        }),
        { numRuns: perRoute, seed: 20261124, endOnFailure: true },
      );
    }
    await env.ctx.audit.flush();
    const after = await tableChecksums(env);
    console.log(`bad input: ${sent} requests over ${ops.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect(after).toEqual(before);
    expect((await env.ctx.audit.verify()).ok).toBe(true);
  }, 600_000);
});
