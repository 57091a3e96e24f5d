/** The entities capability's JSON API (under /api/v1/entities, in the OpenAPI document). */
import fs from 'node:fs';
import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { notFound, validationFailed } from '../kernel/errors.js';
import { ErrorResponse } from '../kernel/http/schemas.js';
import { actorFrom } from '../kernel/http/server.js';
import { STYLESHEET_FILE } from './client/bundle.js';
import { exportFtm, toNdjson } from './ftm/export.js';
import { importFtm } from './ftm/import.js';
import { renderMap } from './geo/map.js';
import { buildNetwork, shortestPath } from './graph.js';
import { linkedRecordsByArea } from './map-figures.js';
import { HandlingConditionsSchema, MentionBatchSchema } from './mentions.js';
import { addProtected, listProtected, PROTECTED_KINDS, removeProtected } from './protected-store.js';
import { currentEntity, personEntity, personTimeline, thingEntity } from './read.js';
import { resolveIncrementally } from './resolution/incremental.js';
import { DECISIONS, decidePair, pairView, reviewQueue, splitEntity } from './review.js';
import { checkQuery, SearchQuery, searchPeople } from './search.js';
import { recentRuns, ResolutionRequest, startResolutionJob } from './jobs.js';
import { recordMentions } from './store.js';
import { isoOrNull, needToKnow, purposeFor } from './web.js';

const tags = ['entities'];
const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const NetworkQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).optional(),
  threat: z.enum(['', 'msht', 'oic']).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

const Hit = z.object({ agencyCode: z.string(), agencyName: z.string(), records: z.number(), message: z.string() });
const NodeOut = z.object({
  id: z.string(),
  entityId: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  label: z.string(),
  victim: z.boolean(),
  roles: z.array(z.string()),
  threats: z.array(z.string()),
  first: z.string().nullable(),
  last: z.string().nullable(),
  records: z.number(),
  common: z.boolean(),
  expandable: z.boolean(),
  community: z.number().nullable(),
  component: z.number().nullable(),
  betweenness: z.number(),
});
const EdgeOut = z.object({ id: z.string(), source: z.string(), target: z.string(), kind: z.string(), label: z.string(), threats: z.array(z.string()), date: z.string().nullable(), agencyName: z.string() });
const NetworkOut = z.object({
  nodes: z.array(NodeOut),
  edges: z.array(EdgeOut),
  hidden: z.array(Hit),
  truncated: z.boolean(),
  components: z.number(),
  communities: z.array(z.object({ id: z.number(), size: z.number(), people: z.number(), labels: z.array(z.string()) })),
  brokers: z.array(z.object({ id: z.string(), label: z.string(), betweenness: z.number() })),
});

function filterOf(q: z.infer<typeof NetworkQuery>) {
  const fields = [];
  if (q.from && !isoOrNull(q.from)) fields.push({ field: 'from', message: 'From: use the form YYYY-MM-DD' });
  if (q.to && !isoOrNull(q.to)) fields.push({ field: 'to', message: 'To: use the form YYYY-MM-DD' });
  if (fields.length) throw validationFailed(fields);
  return { threat: q.threat || null, from: isoOrNull(q.from), to: isoOrNull(q.to) };
}

export async function entityRoutes(app: FusionApp, ctx: AppContext) {
  app.get('/assets/entities/entities.css', { config: { access: 'kernel.public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(await fs.promises.readFile(STYLESHEET_FILE, 'utf8')),
  );

  app.get(
    '/api/v1/entities/search',
    {
      config: { access: 'entities.read' },
      schema: {
        tags,
        summary: 'Fuzzy person search (names in any spelling, partial date of birth, phone, postcode) within what you may see',
        querystring: SearchQuery,
        response: {
          200: z.object({
            results: z.array(z.object({ entityId: z.number(), score: z.number(), names: z.array(z.string()), datesOfBirth: z.array(z.string()), roles: z.array(z.string()), victim: z.boolean(), agencies: z.array(z.string()), records: z.number(), hidden: z.array(z.object({ agencyName: z.string(), records: z.number(), message: z.string() })) })),
            hits: z.array(Hit),
            candidates: z.number(),
          }),
          422: ErrorResponse,
        },
      },
    },
    async (req) => {
      const fields = checkQuery(req.query);
      if (fields.length) throw validationFailed(fields);
      const ntk = await needToKnow(ctx, req);
      const out = await searchPeople(ctx, ntk, req.query);
      await ctx.audit.record(actorFrom(req), { action: 'entities.search', entityKind: 'person', detail: { query: req.query, results: out.results.length, hits: out.hits.length } });
      return out;
    },
  );

  app.get(
    '/api/v1/entities/people/:id',
    {
      config: { access: 'entities.read' },
      schema: {
        tags,
        summary: 'A person: the records you may see (victims redacted unless allowed), links with explanations, things, relationships; other agencies as "a match exists"',
        params: Id,
        response: { 200: z.object({ entityId: z.number(), records: z.array(z.record(z.string(), z.unknown())), hidden: z.array(Hit), names: z.array(z.string()), links: z.array(z.unknown()), things: z.array(z.unknown()), relationships: z.array(z.unknown()) }), 404: ErrorResponse, 428: ErrorResponse },
      },
    },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind !== 'person') throw notFound('person');
      const purpose = await purposeFor(req, null, entity.id);
      const ntk = await needToKnow(ctx, req);
      const view = await personEntity(ctx, ntk, entity.id);
      await ctx.audit.record(actorFrom(req), { action: 'entities.person.read', entityKind: 'person', entityId: String(entity.id), purpose, detail: { records: view.records.length, hidden: view.hidden.length } });
      return { entityId: view.entityId, records: view.records as unknown as Record<string, unknown>[], hidden: view.hidden, names: view.names, links: view.links, things: view.things, relationships: view.relationships };
    },
  );

  app.get(
    '/api/v1/entities/people/:id/network',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: 'The network around a person as you may see it, with components, communities and brokers', params: Id, querystring: NetworkQuery, response: { 200: NetworkOut, 404: ErrorResponse, 422: ErrorResponse, 428: ErrorResponse } },
    },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind !== 'person') throw notFound('person');
      const filter = filterOf(req.query);
      const purpose = await purposeFor(req, null, entity.id);
      const ntk = await needToKnow(ctx, req);
      const network = await buildNetwork(ctx, ntk, { seeds: [entity.id], depth: req.query.depth ?? 1, filter });
      await ctx.audit.record(actorFrom(req), { action: 'entities.network.read', entityKind: 'person', entityId: String(entity.id), purpose, detail: { nodes: network.nodes.length } });
      return network;
    },
  );

  app.get(
    '/api/v1/entities/things/:id/network',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: 'The people who share a thing (phone, vehicle, address...) and their links', params: Id, querystring: NetworkQuery, response: { 200: NetworkOut, 404: ErrorResponse, 422: ErrorResponse } },
    },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind === 'person') throw notFound('thing');
      const filter = filterOf(req.query);
      const ntk = await needToKnow(ctx, req);
      const thing = await thingEntity(ctx, ntk, entity);
      const seeds = [...new Set(thing.people.map((p) => p.entityId).filter((e): e is number => e !== null))].slice(0, 50);
      const network = seeds.length ? await buildNetwork(ctx, ntk, { seeds, depth: 1, filter }) : { nodes: [], edges: [], hidden: thing.hidden, truncated: false, components: 0, communities: [], brokers: [] };
      await ctx.audit.record(actorFrom(req), { action: 'entities.network.read', entityKind: entity.kind, entityId: String(entity.id), detail: { nodes: network.nodes.length } });
      return network;
    },
  );

  app.get(
    '/api/v1/entities/things/:id',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: 'A thing (phone, vehicle, address, account, document...) and the people you may see who share it', params: Id, response: { 200: z.unknown(), 404: ErrorResponse } },
    },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind === 'person') throw notFound('thing');
      const ntk = await needToKnow(ctx, req);
      const view = await thingEntity(ctx, ntk, entity);
      if (!view.people.length && !view.hidden.length) throw notFound('thing');
      await ctx.audit.record(actorFrom(req), { action: 'entities.thing.read', entityKind: entity.kind, entityId: String(entity.id) });
      return view;
    },
  );

  app.get(
    '/api/v1/entities/people/:id/timeline',
    { config: { access: 'entities.read' }, schema: { tags, summary: 'What happened to a person over time, from the records you may see', params: Id, response: { 200: z.object({ items: z.array(z.object({ date: z.string(), title: z.string(), text: z.string(), by: z.string(), href: z.string().nullable(), threats: z.array(z.string()) })) }), 404: ErrorResponse, 428: ErrorResponse } } },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind !== 'person') throw notFound('person');
      const purpose = await purposeFor(req, null, entity.id);
      const ntk = await needToKnow(ctx, req);
      const view = await personEntity(ctx, ntk, entity.id);
      const items = await personTimeline(ctx, ntk, view);
      await ctx.audit.record(actorFrom(req), { action: 'entities.timeline.read', entityKind: 'person', entityId: String(entity.id), purpose });
      return { items };
    },
  );

  app.get(
    '/api/v1/entities/path',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: 'The shortest chain of links you may see between two people', querystring: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }), response: { 200: z.object({ found: z.boolean(), path: z.array(NodeOut), edges: z.array(EdgeOut) }), 404: ErrorResponse } },
    },
    async (req) => {
      const a = await currentEntity(ctx, req.query.from);
      const b = await currentEntity(ctx, req.query.to);
      if (!a || !b || a.kind !== 'person' || b.kind !== 'person') throw notFound('person');
      const ntk = await needToKnow(ctx, req);
      const r = await shortestPath(ctx, ntk, a.id, b.id);
      await ctx.audit.record(actorFrom(req), { action: 'entities.path.read', entityKind: 'person', entityId: `${a.id}|${b.id}`, detail: { found: !!r?.path.length } });
      return { found: !!r?.path.length, path: r?.path ?? [], edges: r?.edges ?? [] };
    },
  );

  app.get(
    '/api/v1/entities/map',
    {
      config: { access: 'entities.read' },
      schema: { tags, summary: 'Linked person records you may see, per police force area', querystring: NetworkQuery.omit({ depth: true }), response: { 200: z.object({ areas: z.array(z.object({ code: z.string(), name: z.string(), records: z.number(), people: z.number() })), unplaced: z.number() }), 422: ErrorResponse } },
    },
    async (req) => {
      const filter = filterOf(req.query);
      const ntk = await needToKnow(ctx, req);
      const figures = await linkedRecordsByArea(ctx, ntk, filter);
      const map = renderMap(figures, 'Linked person records');
      await ctx.audit.record(actorFrom(req), { action: 'entities.map.read', entityKind: 'person' });
      return { areas: map.rows, unplaced: map.unplaced };
    },
  );

  app.post(
    '/api/v1/entities/mentions',
    {
      config: { access: 'entities.mentions.write' },
      schema: {
        tags,
        summary: "Record what one of your agency's source records says about people, things and relationships; people are resolved at once",
        body: MentionBatchSchema.omit({ agencyCode: true }),
        response: { 201: z.object({ people: z.array(z.object({ ref: z.string().nullable(), id: z.string(), entityId: z.number().nullable() })), mentions: z.number(), relationships: z.number() }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const recorded = await ctx.db.transaction().execute(async (trx) => {
        const r = await recordMentions(trx, { ...req.body, agencyCode: p.agencyCode });
        await ctx.audit.append(trx, actorFrom(req), [{ action: 'entities.mentions.recorded', entityKind: req.body.sourceKind, entityId: req.body.sourceId, detail: { people: r.people.length, mentions: r.mentions.length, relationships: r.relationships.length } }]);
        return r;
      });
      const resolved = await resolveIncrementally(ctx, recorded.people.map((x) => x.id), { actor: actorFrom(req) });
      return reply.status(201).send({
        people: recorded.people.map((x) => ({ ref: x.ref, id: x.id, entityId: resolved.entities[x.id] ?? null })),
        mentions: recorded.mentions.length,
        relationships: recorded.relationships.length,
      });
    },
  );

  app.get(
    '/api/v1/entities/review',
    { config: { access: 'entities.review' }, schema: { tags, summary: 'Proposed links waiting for an analyst, most uncertain first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional() }), response: { 200: z.object({ total: z.number(), items: z.array(z.object({ left: z.string(), right: z.string(), probability: z.number(), linked: z.boolean(), leftName: z.string(), rightName: z.string(), leftAgency: z.string(), rightAgency: z.string() })) }) } } },
    async (req) => {
      const ntk = await needToKnow(ctx, req);
      const q = await reviewQueue(ctx, ntk, { limit: req.query.limit, offset: req.query.offset });
      await ctx.audit.record(actorFrom(req), { action: 'entities.review.queue.read', detail: { items: q.items.length } });
      return q;
    },
  );

  app.get(
    '/api/v1/entities/review/:left/:right',
    { config: { access: 'entities.review' }, schema: { tags, summary: 'A pair of person records with the explanation of their link', params: z.object({ left: z.uuid(), right: z.uuid() }), response: { 200: z.unknown(), 404: ErrorResponse } } },
    async (req) => {
      const ntk = await needToKnow(ctx, req);
      const pair = await pairView(ctx, ntk, req.params.left, req.params.right);
      await ctx.audit.record(actorFrom(req), { action: 'entities.review.pair.read', entityKind: 'person_record_pair', entityId: `${pair.left.id}|${pair.right.id}` });
      return pair;
    },
  );

  app.post(
    '/api/v1/entities/review/decisions',
    {
      config: { access: 'entities.review' },
      schema: {
        tags,
        summary: 'Confirm, reject or mark unsure a pair of person records; kept for ever and used by every later run',
        body: z.object({ left: z.uuid(), right: z.uuid(), decision: z.enum(DECISIONS.map((d) => d.value) as ['confirmed', 'rejected', 'unsure']), note: z.string().max(1000).optional() }),
        response: { 200: z.object({ decision: z.string(), entities: z.record(z.string(), z.number()), merged: z.boolean(), split: z.boolean() }), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req) => {
      const ntk = await needToKnow(ctx, req);
      return decidePair(ctx, ntk, actorFrom(req), req.body);
    },
  );

  app.post(
    '/api/v1/entities/people/:id/split',
    { config: { access: 'entities.review' }, schema: { tags, summary: 'Split records out of a person into a new person (kept as rejections)', params: Id, body: z.object({ records: z.array(z.uuid()).min(1).max(500) }), response: { 200: z.object({ kept: z.number(), created: z.number(), rejections: z.number() }), 404: ErrorResponse, 422: ErrorResponse } } },
    async (req) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind !== 'person') throw notFound('person');
      const ntk = await needToKnow(ctx, req);
      return splitEntity(ctx, ntk, actorFrom(req), entity.id, req.body.records);
    },
  );

  const ProtectedOut = z.object({ id: z.string(), kind: z.string(), value: z.string(), reason: z.string(), createdAt: z.string() });
  app.get(
    '/api/v1/entities/protected-values',
    { config: { access: 'entities.protected.manage' }, schema: { tags, summary: 'Protected values: never link nodes, never join two people, never exported', response: { 200: z.object({ items: z.array(ProtectedOut) }) } } },
    async (req) => {
      const rows = await listProtected(ctx);
      await ctx.audit.record(actorFrom(req), { action: 'entities.protected.read', entityKind: 'protected_value', detail: { count: rows.length } });
      return { items: rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, reason: r.reason, createdAt: new Date(r.created_at).toISOString() })) };
    },
  );

  app.post(
    '/api/v1/entities/protected-values',
    { config: { access: 'entities.protected.manage' }, schema: { tags, summary: 'Protect a value (detaches it from every entity and re-scores the people it joined)', body: z.object({ kind: z.enum(PROTECTED_KINDS.map((k) => k.value) as ['address', 'postcode', 'phone', 'email']), value: z.string().max(400), reason: z.string().max(400) }), response: { 201: z.object({ id: z.string(), detached: z.number(), rescored: z.number() }), 409: ErrorResponse, 422: ErrorResponse } } },
    async (req, reply) => reply.status(201).send(await addProtected(ctx, actorFrom(req), req.body)),
  );

  app.delete(
    '/api/v1/entities/protected-values/:id',
    { config: { access: 'entities.protected.manage' }, schema: { tags, summary: 'Stop protecting a value', params: z.object({ id: z.uuid() }), response: { 204: z.null(), 404: ErrorResponse } } },
    async (req, reply) => {
      await removeProtected(ctx, actorFrom(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/entities/resolution/jobs',
    {
      config: { access: 'entities.resolve' },
      schema: {
        tags,
        summary: 'Start a batch resolution of every person record (a background job with progress)',
        body: ResolutionRequest,
        response: { 202: z.object({ jobId: z.string(), href: z.string() }) },
      },
    },
    async (req, reply) => {
      const jobId = await startResolutionJob(ctx, req, req.body.reason);
      return reply.status(202).send({ jobId, href: `/api/v1/jobs/${jobId}` });
    },
  );

  app.get(
    '/api/v1/entities/resolution/runs',
    { config: { access: 'entities.resolve' }, schema: { tags, summary: 'Recent resolution runs', response: { 200: z.object({ runs: z.array(z.object({ id: z.number(), kind: z.string(), records: z.number(), links: z.number(), entities: z.number(), merged: z.number(), created: z.number(), seconds: z.number() })) }) } } },
    async () => ({ runs: (await recentRuns(ctx)).map((r) => ({ id: Number(r.id), kind: r.kind, records: r.records, links: r.links, entities: r.entities, merged: r.merged, created: r.created, seconds: r.seconds })) }),
  );

  app.get(
    '/api/v1/entities/export/ftm',
    {
      config: { access: 'entities.export' },
      schema: { tags, summary: 'FollowTheMoney NDJSON of a network or selection of people (victims redacted unless allowed; protected values never included)', querystring: z.object({ entity: z.union([z.coerce.number().int().positive(), z.string().regex(/^\d+(,\d+)*$/).max(2000)]), depth: z.coerce.number().int().min(1).max(3).optional() }), response: { 200: z.string(), 404: ErrorResponse } },
    },
    async (req, reply) => {
      const ids = String(req.query.entity).split(',').map(Number).slice(0, 100);
      const seeds: number[] = [];
      for (const id of ids) {
        const e = await currentEntity(ctx, id);
        if (e && e.kind === 'person') seeds.push(e.id);
      }
      if (!seeds.length) throw notFound('person');
      const purpose = await purposeFor(req, null, seeds[0]!);
      const ntk = await needToKnow(ctx, req, { onward: true });
      const out = await exportFtm(ctx, ntk, { seeds, depth: req.query.depth ?? 1 });
      await ctx.audit.record(actorFrom(req), { action: 'entities.export.ftm', entityKind: 'person', entityId: seeds.join(','), purpose, detail: { entities: out.entities.length, people: out.people, withheldVictims: out.withheldVictims } });
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="fusion-network-${seeds[0]}.ftm.ndjson"`)
        .header('cache-control', 'no-store')
        .send(toNdjson(out.entities));
    },
  );

  app.post(
    '/api/v1/entities/import/ftm',
    {
      config: { access: 'entities.import' },
      schema: {
        tags,
        summary: 'Import FollowTheMoney NDJSON as mentions owned by your agency; people are resolved at once',
        body: z.object({ ndjson: z.string().min(1).max(1_900_000), name: z.string().max(200).optional(), handlingCode: z.enum(['P', 'C']).optional(), conditions: HandlingConditionsSchema.optional() }),
        response: { 201: z.object({ sourceId: z.string(), entities: z.number(), people: z.number(), things: z.number(), relationships: z.number(), resolved: z.number(), skipped: z.array(z.object({ line: z.number(), reason: z.string() })) }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const r = await importFtm(ctx, req.body.ndjson, { agencyCode: req.principal!.agencyCode, handlingCode: req.body.handlingCode, conditions: req.body.conditions, name: req.body.name, actor: actorFrom(req) });
      return reply.status(201).send(r);
    },
  );
}
