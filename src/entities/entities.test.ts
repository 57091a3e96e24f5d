import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/support/databases.js';
import { apiAuth, type TestEnv, testEnv } from '../../test/support/context.js';
import { validateEntity } from './ftm/model.js';
import { runBatchResolution } from './resolution/batch.js';
import { resolveIncrementally } from './resolution/incremental.js';
import { currentEntity } from './read.js';
import type { MentionBatch } from './mentions.js';
import { recordMentions, tables } from './store.js';
import { addProtected } from './protected-store.js';
import { buildNetwork } from './graph.js';
import { NeedToKnow } from './need-to-know.js';
import { agencyDirectory } from './store.js';
import { loadPrincipal } from '../kernel/auth/principals.js';

const SYSTEM = { userId: null, agencyCode: null, roles: 'system', ip: null };
const PURPOSE = { 'x-fusion-purpose': 'intelligence' };
let counter = 0;

describe.each(DATABASE_KINDS)('entities on %s', (kind) => {
  let env: TestEnv;
  const headers: Record<string, Record<string, string>> = {};
  const as = async (email: string) => (headers[email] ??= { ...(await apiAuth(env.app, email)), ...PURPOSE });

  /** Records one source's mentions and resolves its people, as a capability would. */
  async function record(batch: Omit<MentionBatch, 'sourceKind' | 'sourceId'> & { sourceKind?: string }) {
    const ids = await env.ctx.db.transaction().execute((trx) => recordMentions(trx, { sourceKind: 'test', sourceId: `t${counter++}`, ...batch }));
    const resolved = await resolveIncrementally(env.ctx, ids.people.map((p) => p.id));
    return { ids, resolved, entity: (i = 0) => resolved.entities[ids.people[i]!.id]! };
  }

  beforeAll(async () => {
    env = await testEnv(kind, 'demo');
  });
  afterAll(async () => env?.close());

  it('resolves records of one person written differently by two agencies into one entity, incrementally, with an explanation', async () => {
    const a = await record({ agencyCode: 'met', people: [{ role: 'suspect', givenName: 'Mohammed', familyName: 'Al-Hassani', dateOfBirth: '12/05/1991', phone: '07700 900411', nationality: 'Iraqi' }] });
    const b = await record({ agencyCode: 'west-yorkshire', people: [{ role: 'subject', givenName: 'Muhammad', familyName: 'Alhassani', dateOfBirth: '1991-05-12', phone: '+44 7700 900411' }] });
    const c = await record({ agencyCode: 'west-yorkshire', people: [{ role: 'subject', givenName: 'Petra', familyName: 'Novakova', dateOfBirth: '03/03/1979' }] });
    expect(b.entity()).toBe(a.entity());
    expect(c.entity()).not.toBe(a.entity());
    expect(b.resolved.created).toBe(0);
    const link = await tables(env.ctx.db)
      .selectFrom('entity_match_links')
      .selectAll()
      .where((eb) => eb.or([eb('left_record', '=', a.ids.people[0]!.id), eb('right_record', '=', a.ids.people[0]!.id)]))
      .executeTakeFirstOrThrow();
    expect(link.linked).toBe(true);
    const explanation = typeof link.explanation === 'string' ? JSON.parse(link.explanation) : link.explanation;
    expect(explanation.c.length).toBeGreaterThan(5);
    // Resolving again changes nothing; the page explains the link field by field.
    expect((await resolveIncrementally(env.ctx, [b.ids.people[0]!.id])).resolved).toBe(0);
    const page = await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${a.entity()}`, headers: await as('analyst@nca.demo') });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.records).toHaveLength(2);
    expect(body.links[0].explanation.comparisons.find((x: { field: string }) => x.field === 'date_of_birth').agrees).toBe(true);
  });

  it('keeps entity ids stable through a batch run', async () => {
    const a = await record({ agencyCode: 'met', people: [{ role: 'subject', givenName: 'Oskar', familyName: 'Wieczorek', dateOfBirth: '1983-11-02', postcode: 'LS6 2AB', address: '12 Quarry Mount' }] });
    const b = await record({ agencyCode: 'gmp', people: [{ role: 'subject', givenName: 'Oskar', familyName: 'WIECZOREK', dateOfBirth: '02/11/1983', postcode: 'LS6 2AB', address: '12 Quarry Mt' }] });
    expect(b.entity()).toBe(a.entity());
    await runBatchResolution(env.ctx);
    const after = await tables(env.ctx.db).selectFrom('person_records').select(['entity_id']).where('id', 'in', [a.ids.people[0]!.id, b.ids.people[0]!.id]).execute();
    expect(after.map((r) => Number(r.entity_id))).toEqual([a.entity(), a.entity()]);
  });

  it('shows a user only the records the policy lets them see; other agencies as "a match exists"', async () => {
    const shared = { givenName: 'Teuta', familyName: 'Xhaferri', dateOfBirth: '02/03/1988', nationality: 'Albanian' };
    const ngo = await record({ agencyCode: 'salvation-army', threats: ['msht'], people: [{ role: 'victim', ...shared, phone: '07700 900521' }] });
    const met = await record({ agencyCode: 'met', threats: ['msht'], people: [{ role: 'suspect', ...shared, phone: '07700 900521' }] });
    expect(met.entity()).toBe(ngo.entity());
    const asMet = await as('intel@met.demo');
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${met.entity()}`, headers: asMet });
    const body = res.json();
    expect(body.records.map((r: { agencyCode: string }) => r.agencyCode)).toEqual(['met']);
    expect(body.hidden).toEqual([expect.objectContaining({ agencyCode: 'salvation-army', message: expect.stringContaining('A match exists: contact') })]);
    // The competent authority sees the NGO's victim record in clear (agreement, and its role decides on victims).
    const asSca = await as('decision@sca.demo');
    const sca = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${met.entity()}`, headers: asSca })).json();
    const victim = sca.records.find((r: { agencyCode: string }) => r.agencyCode === 'salvation-army');
    expect(victim.name).toBe('Teuta Xhaferri');
    // One person, a victim in one record and a suspect in another: roles stay per record.
    expect(sca.records.map((r: { role: string }) => r.role).sort()).toEqual(['suspect', 'victim']);

    // A person held only by an NGO: hit / no-hit, in search and on the page.
    const only = await record({ agencyCode: 'salvation-army', people: [{ role: 'victim', givenName: 'Lirije', familyName: 'Berisha-Kolami', dateOfBirth: '1996-07-19' }] });
    const page = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${only.entity()}`, headers: asMet })).json();
    expect(page.records).toEqual([]);
    expect(page.hidden[0].agencyCode).toBe('salvation-army');
    const search = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/search?name=${encodeURIComponent('Lirije Berisha Kolami')}&dob=1996`, headers: asMet })).json();
    expect(search.results.filter((r: { entityId: number }) => r.entityId === only.entity())).toEqual([]);
    expect(search.hits.map((h: { agencyCode: string }) => h.agencyCode)).toContain('salvation-army');
    const html = await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${only.entity()}/network`, headers: asMet });
    expect(JSON.stringify(html.json().nodes)).not.toContain('Lirije');
  });

  it('redacts victims in shared views and honours handling conditions', async () => {
    const wy = await record({ agencyCode: 'west-yorkshire', people: [{ role: 'victim', givenName: 'Hoa', familyName: 'Dinh-Tranh', dateOfBirth: '2001-01-09' }] });
    const asMet = await as('intel@met.demo');
    const view = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${wy.entity()}`, headers: asMet })).json();
    expect(view.records).toHaveLength(1);
    expect(view.records[0].name).toMatch(/^\[withheld /);
    expect(view.records[0].dateOfBirth).toMatch(/^\[withheld /);
    const restricted = await record({ agencyCode: 'west-yorkshire', handlingCode: 'C', conditions: { namedAgencies: ['nca'], text: 'NCA only' }, people: [{ role: 'suspect', givenName: 'Rexhep', familyName: 'Qorraj', dateOfBirth: '1975-05-05' }] });
    const nca = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${restricted.entity()}`, headers: await as('analyst@nca.demo') })).json();
    expect(nca.records).toHaveLength(1);
    const met = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/people/${restricted.entity()}`, headers: asMet })).json();
    expect(met.records).toHaveLength(0);
    expect(met.hidden[0].agencyCode).toBe('west-yorkshire');
  });

  it('never lets a protected value join two people or become a link node', async () => {
    // Control: two sisters with a common surname, sharing an ordinary phone and address, are joined by them.
    const sisters = (given: [string, string], surname: string, phone: string, address: string, postcode: string) =>
      record({
        agencyCode: 'west-yorkshire',
        people: [
          { role: 'victim', givenName: given[0], familyName: surname, dateOfBirth: '1994', phone, address, postcode },
          { role: 'victim', givenName: given[1], familyName: surname, phone, address, postcode },
        ],
      });
    const control = await sisters(['Blerta', 'Blerina'], 'Nguyen', '07700 900777', '10 Quarry Lane', 'LS7 4AB');
    expect(control.entity(1)).toBe(control.entity(0));
    await addProtected(env.ctx, SYSTEM, { kind: 'phone', value: '07700 900999', reason: 'test helpline' });
    await addProtected(env.ctx, SYSTEM, { kind: 'address', value: '99 Refuge Road, Leeds LS7 4ZZ', reason: 'test refuge' });
    const guarded = await sisters(['Mirela', 'Mirjeta'], 'Smith', '07700 900999', '99 Refuge Road', 'LS7 4ZZ');
    expect(guarded.entity(1)).not.toBe(guarded.entity(0));
    const mentions = await tables(env.ctx.db).selectFrom('entity_mentions').select(['kind', 'protected', 'entity_id']).where('source_id', '=', `t${counter - 1}`).where('kind', 'in', ['phone', 'address']).execute();
    expect(mentions.every((m) => m.protected && m.entity_id === null)).toBe(true);
    // Neither a node in the network nor a path between them.
    const principal = (await loadPrincipal(env.ctx.db, (await env.ctx.db.selectFrom('users').select('id').where('email', '=', 'mslead@west-yorkshire.demo').executeTakeFirstOrThrow()).id, 'session'))!;
    const ntk = new NeedToKnow(principal, env.ctx, await agencyDirectory(env.ctx.db));
    const net = await buildNetwork(env.ctx, ntk, { seeds: [guarded.entity(0)], depth: 2 });
    expect(net.nodes.filter((n) => n.kind === 'phone' || n.kind === 'address').map((n) => n.label)).toEqual([]);
    expect(net.nodes.some((n) => n.entityId === guarded.entity(1) && n.kind === 'person')).toBe(false);
    // Protecting a value that already joined people detaches it and separates them.
    await addProtected(env.ctx, SYSTEM, { kind: 'phone', value: '07700 900777', reason: 'found to be a refuge phone' });
    await addProtected(env.ctx, SYSTEM, { kind: 'address', value: '10 Quarry Lane, LS7 4AB', reason: 'found to be a refuge' });
    const after = await tables(env.ctx.db).selectFrom('person_records').select('entity_id').where('id', 'in', control.ids.people.map((p) => p.id)).execute();
    expect(new Set(after.map((r) => r.entity_id)).size).toBe(2);
  });

  it('never proposes a decided pair again, and uses decisions in later runs', async () => {
    const asNca = await as('analyst@nca.demo');
    const queue = (await env.app.inject({ method: 'GET', url: '/api/v1/entities/review?limit=50', headers: asNca })).json();
    expect(queue.items.length).toBeGreaterThan(2);
    // Three pairs with no record in common.
    const chosen: { left: string; right: string }[] = [];
    for (const item of queue.items) {
      const used = new Set(chosen.flatMap((c) => [c.left, c.right]));
      if (!used.has(item.left) && !used.has(item.right)) chosen.push(item);
    }
    const [confirmPair, rejectPair, unsurePair] = chosen as [{ left: string; right: string }, { left: string; right: string }, { left: string; right: string }];
    const decide = async (p: { left: string; right: string }, decision: string) => {
      const r = await env.app.inject({ method: 'POST', url: '/api/v1/entities/review/decisions', headers: asNca, payload: { left: p.left, right: p.right, decision } });
      expect(r.statusCode).toBe(200);
      return r.json();
    };
    const confirmed = await decide(confirmPair, 'confirmed');
    expect(confirmed.entities[confirmPair.left]).toBe(confirmed.entities[confirmPair.right]);
    const rejected = await decide(rejectPair, 'rejected');
    expect(rejected.entities[rejectPair.left]).not.toBe(rejected.entities[rejectPair.right]);
    await decide(unsurePair, 'unsure');
    const pairsIn = async () => {
      const items = [];
      for (let offset = 0; ; offset += 200) {
        const page = (await env.app.inject({ method: 'GET', url: `/api/v1/entities/review?limit=200&offset=${offset}`, headers: asNca })).json();
        items.push(...page.items);
        if (page.items.length < 200) break;
      }
      return new Set(items.map((i: { left: string; right: string }) => `${i.left}|${i.right}`));
    };
    const decided = [rejectPair, confirmPair, unsurePair].map((p) => `${p.left}|${p.right}`);
    let open = await pairsIn();
    for (const d of decided) expect(open.has(d)).toBe(false);
    await runBatchResolution(env.ctx);
    open = await pairsIn();
    for (const d of decided) expect(open.has(d)).toBe(false);
    const entityOf = async (id: string) => Number((await tables(env.ctx.db).selectFrom('person_records').select('entity_id').where('id', '=', id).executeTakeFirstOrThrow()).entity_id);
    expect(await entityOf(rejectPair.left)).not.toBe(await entityOf(rejectPair.right));
    expect(await entityOf(confirmPair.left)).toBe(await entityOf(confirmPair.right));
  });

  it('exports a network as valid FollowTheMoney and imports it back onto the same people', async () => {
    const boss = await record({ agencyCode: 'nca', threats: ['oic'], people: [{ ref: 'b', role: 'suspect', givenName: 'Dritan', familyName: 'Hoxhallari', dateOfBirth: '1979-08-14', phone: '07700 900611', email: 'd.hox@example.com', identifiers: ['passport:AL1234567'] }, { ref: 'l', role: 'suspect', givenName: 'Sokol', familyName: 'Memushaj', dateOfBirth: '1984-02-28', phone: '07700 900612' }], organisations: [{ ref: 'o', value: 'Hoxhallari crossing group' }], vehicles: [{ ref: 'v', value: 'LK28 XRV', person: 'b', relation: 'keeper', details: { make: 'Ford', model: 'Transit' } }], relationships: [{ kind: 'associate', from: 'b', to: 'l', relationship: 'lieutenant' }, { kind: 'membership', from: 'b', to: 'o', relationship: 'leader' }, { kind: 'ownership', from: 'b', to: 'v', relationship: 'registered keeper' }] });
    // A victim who gave the helpline's number: the number is protected and never exported.
    await record({ agencyCode: 'nca', people: [{ role: 'victim', givenName: 'Elira', familyName: 'Hoxhallari', dateOfBirth: '2003-03-03', phone: '08000 121 700' }], relationships: [] });
    const asNca = await as('analyst@nca.demo');
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/entities/export/ftm?entity=${boss.entity(0)}&depth=2`, headers: asNca });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const entities = res.body.trim().split('\n').map((l) => JSON.parse(l));
    for (const e of entities) expect(validateEntity(e)).toEqual([]);
    expect(res.body).not.toContain('+448000121700');
    expect(res.body).not.toContain('08000 121 700');
    const person = entities.find((e) => e.schema === 'Person' && e.properties.lastName?.includes('Hoxhallari') && e.properties.firstName?.includes('Dritan'));
    expect(person.properties.phone).toContain('+447700900611');
    expect(person.properties.email).toContain('d.hox@example.com');
    const schemas = entities.map((e) => e.schema);
    for (const s of ['Associate', 'Membership', 'Ownership', 'Organization', 'Vehicle', 'Identification']) expect(schemas).toContain(s);

    const imported = await env.app.inject({ method: 'POST', url: '/api/v1/entities/import/ftm', headers: await as('integrator@nca.demo'), payload: { ndjson: res.body, name: 'round-trip.ndjson' } });
    expect(imported.statusCode).toBe(201);
    const r = imported.json();
    expect(r.people).toBe(entities.filter((e) => e.schema === 'Person').length);
    expect(r.relationships).toBe(entities.filter((e) => ['Associate', 'Membership', 'Ownership', 'Family', 'Payment', 'UnknownLink'].includes(e.schema)).length);
    const rows = await tables(env.ctx.db).selectFrom('person_records').select(['entity_id', 'given_name', 'family_name']).where('source_kind', '=', 'ftm_import').where('source_id', '=', r.sourceId).execute();
    const dritan = rows.find((x) => x.given_name === 'Dritan')!;
    expect((await currentEntity(env.ctx, Number(dritan.entity_id)))!.id).toBe((await currentEntity(env.ctx, boss.entity(0)))!.id);
    const sokol = rows.find((x) => x.given_name === 'Sokol')!;
    expect((await currentEntity(env.ctx, Number(sokol.entity_id)))!.id).toBe((await currentEntity(env.ctx, boss.entity(1)))!.id);
    // A second export of the same network after the round trip has the same people.
    const again = await env.app.inject({ method: 'GET', url: `/api/v1/entities/export/ftm?entity=${boss.entity(0)}&depth=2`, headers: asNca });
    const people = (body: string) => new Set(body.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.schema === 'Person').map((e) => e.id));
    expect(people(again.body)).toEqual(people(res.body));
  });

  it('refuses bad input with the field and no write', async () => {
    const asInt = await as('integrator@nca.demo');
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_records`.execute(env.ctx.db);
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/entities/mentions', headers: asInt, payload: { sourceKind: 'report', sourceId: 'r1', people: [{ givenName: 'A' }], relationships: [{ kind: 'associate', from: 'nobody', to: 'nobody-else' }] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('mentions.relationships.0.from');
    const badFtm = await env.app.inject({ method: 'POST', url: '/api/v1/entities/import/ftm', headers: asInt, payload: { ndjson: '{"id":"x","schema":"Phone","properties":{}}\nnot json' } });
    expect(badFtm.statusCode).toBe(422);
    expect(badFtm.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['line.1', 'line.2']);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_records`.execute(env.ctx.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const search = await env.app.inject({ method: 'GET', url: '/api/v1/entities/search', headers: await as('analyst@nca.demo') });
    expect(search.statusCode).toBe(422);
    const forbidden = await env.app.inject({ method: 'GET', url: '/api/v1/entities/search?name=x', headers: await as('navigator@salvation-army.demo') });
    expect(forbidden.statusCode).toBe(403);
  });
});
