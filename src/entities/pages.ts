/** The entities capability's pages (GOV.UK Frontend, server-rendered; the link chart is a small script on top). */
import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, errorSummary, type FieldError, notFound, zodFields } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { linkChartScript } from './client/bundle.js';
import { areaName, renderMap } from './geo/map.js';
import { buildNetwork, shortestPath } from './graph.js';
import { linkedRecordsByArea } from './map-figures.js';
import { addProtected, listProtected, PROTECTED_KINDS, type ProtectedKind, removeProtected } from './protected-store.js';
import { currentEntity, personEntity, personTimeline, thingEntity } from './read.js';
import { DECISIONS, type Decision, decidePair, pairView, reviewQueue, splitEntity } from './review.js';
import { SearchQuery, checkQuery, searchPeople } from './search.js';
import { ResolutionRequest, recentRuns, startResolutionJob } from './jobs.js';
import { csvReply, isoOrNull, needToKnow, purposeFor, THREATS } from './web.js';

const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const Uuid = z.uuid();
const Filters = z.object({
  threat: z.enum(['', 'msht', 'oic']).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  depth: z.coerce.number().int().min(1).max(3).optional(),
  format: z.enum(['csv']).optional(),
});

const PERSON_TABS = (id: number, current: string) =>
  [
    { text: 'Summary', href: `/entities/people/${id}` },
    { text: 'Link chart', href: `/entities/people/${id}/chart` },
    { text: 'Timeline', href: `/entities/people/${id}/timeline` },
    { text: 'Map', href: `/entities/map?entity=${id}` },
  ].map((t) => ({ ...t, active: t.text === current }));

function filterFields(q: z.infer<typeof Filters>): FieldError[] {
  const fields: FieldError[] = [];
  if (q.from && !isoOrNull(q.from)) fields.push({ field: 'from', message: 'Enter the from date like 2025-01-31' });
  if (q.to && !isoOrNull(q.to)) fields.push({ field: 'to', message: 'Enter the to date like 2025-12-31' });
  if (isoOrNull(q.from) && isoOrNull(q.to) && q.from! > q.to!) fields.push({ field: 'to', message: 'The to date must be on or after the from date' });
  return fields;
}

const filterOf = (q: z.infer<typeof Filters>) => ({ threat: q.threat || null, from: isoOrNull(q.from), to: isoOrNull(q.to) });

export async function entityPages(app: FusionApp, ctx: AppContext) {
  // ---- Search ----
  app.get(
    '/entities',
    { config: { access: 'entities.read', page: true }, schema: { hide: true, querystring: SearchQuery.extend({ format: z.enum(['csv']).optional() }) } },
    async (req, reply) => {
      const q = req.query;
      const asked = !!(q.name || q.dob || q.phone || q.postcode);
      if (!asked) return reply.page('entities/views/search.njk', { title: 'Find a person', values: {} });
      const fields = checkQuery(q);
      if (fields.length) {
        return reply.status(400).page('entities/views/search.njk', { title: 'Find a person', values: q, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
      }
      const ntk = await needToKnow(ctx, req);
      const outcome = await searchPeople(ctx, ntk, q);
      await ctx.audit.record(actorFrom(req), { action: 'entities.search', entityKind: 'person', detail: { query: q, results: outcome.results.length, hits: outcome.hits.length } });
      if (q.format === 'csv') {
        return csvReply(reply, 'people.csv', ['entity', 'names', 'dates of birth', 'roles', 'agencies', 'records', 'score'], outcome.results.map((r) => [r.entityId, r.names.join('; '), r.datesOfBirth.join('; '), r.roles.join('; '), r.agencies.join('; '), r.records, r.score]));
      }
      const csvHref = `/entities?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => !!v)), format: 'csv' }).toString()}`;
      return reply.page('entities/views/search.njk', { title: 'Find a person', values: q, outcome, asked, csvHref });
    },
  );

  // ---- A person ----
  app.get('/entities/people/:id', { config: { access: 'entities.read', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    const entity = await currentEntity(ctx, req.params.id);
    if (!entity || entity.kind !== 'person') throw notFound('person');
    if (entity.id !== req.params.id) return reply.redirect(`/entities/people/${entity.id}`, 303);
    const purpose = await purposeFor(req, reply, entity.id);
    const ntk = await needToKnow(ctx, req);
    const view = await personEntity(ctx, ntk, entity.id);
    await ctx.audit.record(actorFrom(req), { action: 'entities.person.read', entityKind: 'person', entityId: String(entity.id), purpose, detail: { records: view.records.length, hidden: view.hidden.length } });
    if (!view.records.length) {
      return reply.page('entities/views/hit.njk', { title: 'A match exists', hits: view.hidden, backLink: '/entities' });
    }
    const names = new Map(view.records.map((r) => [r.id, `${r.name} (${r.agencyName})`]));
    return reply.page('entities/views/person.njk', {
      title: view.names[0] ?? 'Person',
      view,
      names: Object.fromEntries(names),
      tabs: PERSON_TABS(entity.id, 'Summary'),
      canReview: req.principal!.roles.some((r) => ['analyst', 'intelligence_officer', 'supervisor'].includes(r)),
      canExport: req.principal!.roles.some((r) => ['analyst', 'intelligence_officer', 'integrator'].includes(r)),
      breadcrumbs: [{ text: 'Find a person', href: '/entities' }],
    });
  });

  app.get('/entities/people/:id/chart', { config: { access: 'entities.read', page: true }, schema: { hide: true, params: Id, querystring: Filters } }, async (req, reply) => {
    const entity = await currentEntity(ctx, req.params.id);
    if (!entity || entity.kind !== 'person') throw notFound('person');
    const purpose = await purposeFor(req, reply, entity.id);
    const fields = filterFields(req.query);
    const ntk = await needToKnow(ctx, req);
    const network = await buildNetwork(ctx, ntk, { seeds: [entity.id], depth: req.query.depth ?? 1, filter: fields.length ? {} : filterOf(req.query) });
    await ctx.audit.record(actorFrom(req), { action: 'entities.network.read', entityKind: 'person', entityId: String(entity.id), purpose, detail: { nodes: network.nodes.length, edges: network.edges.length } });
    const label = new Map(network.nodes.map((n) => [n.id, n]));
    const links = network.edges.map((e) => ({ ...e, from: label.get(e.source)!, to: label.get(e.target)! }));
    if (req.query.format === 'csv') {
      return csvReply(reply, `network-${entity.id}.csv`, ['from', 'from kind', 'link', 'to', 'to kind', 'recorded', 'agency'], links.map((l) => [l.from.label, l.from.kindLabel, l.label, l.to.label, l.to.kindLabel, l.date ?? '', l.agencyName]));
    }
    const seed = network.nodes.find((n) => n.id === `p${entity.id}`);
    return reply.status(fields.length ? 400 : 200).page('entities/views/chart.njk', {
      title: `Link chart: ${seed?.label ?? 'person'}`,
      entityId: entity.id,
      network,
      links,
      values: { threat: req.query.threat ?? '', from: req.query.from ?? '', to: req.query.to ?? '', depth: String(req.query.depth ?? 1) },
      threats: THREATS,
      errors: fields.length ? errorSummary(fields) : undefined,
      fieldErrors: errorMap(fields),
      tabs: PERSON_TABS(entity.id, 'Link chart'),
      breadcrumbs: [{ text: 'Find a person', href: '/entities' }, { text: seed?.label ?? 'Person', href: `/entities/people/${entity.id}` }],
      scriptSrc: linkChartScript.path,
      // Expanding the chart opens neighbours' networks for the same stated reason (sent as X-Fusion-Purpose).
      purpose,
      csvHref: `/entities/people/${entity.id}/chart?${new URLSearchParams({ threat: req.query.threat ?? '', from: req.query.from ?? '', to: req.query.to ?? '', depth: String(req.query.depth ?? 1), format: 'csv' })}`,
    });
  });

  app.get('/entities/people/:id/timeline', { config: { access: 'entities.read', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    const entity = await currentEntity(ctx, req.params.id);
    if (!entity || entity.kind !== 'person') throw notFound('person');
    const purpose = await purposeFor(req, reply, entity.id);
    const ntk = await needToKnow(ctx, req);
    const view = await personEntity(ctx, ntk, entity.id);
    if (!view.records.length) return reply.page('entities/views/hit.njk', { title: 'A match exists', hits: view.hidden, backLink: '/entities' });
    const items = await personTimeline(ctx, ntk, view);
    await ctx.audit.record(actorFrom(req), { action: 'entities.timeline.read', entityKind: 'person', entityId: String(entity.id), purpose });
    return reply.page('entities/views/timeline.njk', {
      title: `Timeline: ${view.names[0] ?? 'person'}`,
      view,
      items,
      tabs: PERSON_TABS(entity.id, 'Timeline'),
      breadcrumbs: [{ text: 'Find a person', href: '/entities' }, { text: view.names[0] ?? 'Person', href: `/entities/people/${entity.id}` }],
    });
  });

  app.get('/entities/things/:id', { config: { access: 'entities.read', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    const entity = await currentEntity(ctx, req.params.id);
    if (!entity || entity.kind === 'person') throw notFound('thing');
    const ntk = await needToKnow(ctx, req);
    const view = await thingEntity(ctx, ntk, entity);
    if (!view.people.length && !view.hidden.length) throw notFound('thing');
    await ctx.audit.record(actorFrom(req), { action: 'entities.thing.read', entityKind: entity.kind, entityId: String(entity.id), detail: { people: view.people.length } });
    return reply.page('entities/views/thing.njk', { title: `${view.kindLabel}: ${view.people.length ? view.label : 'withheld'}`, view, breadcrumbs: [{ text: 'Find a person', href: '/entities' }] });
  });

  // ---- Paths between two people ----
  app.get(
    '/entities/path',
    { config: { access: 'entities.read', page: true }, schema: { hide: true, querystring: z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional() }) } },
    async (req, reply) => {
      const { from, to } = req.query;
      if (!from && !to) return reply.page('entities/views/path.njk', { title: 'How are two people linked?', values: {} });
      const fields: FieldError[] = [];
      const a = Number(from);
      const b = Number(to);
      if (!Number.isInteger(a) || a <= 0) fields.push({ field: 'from', message: 'Enter the reference number of the first person' });
      if (!Number.isInteger(b) || b <= 0) fields.push({ field: 'to', message: 'Enter the reference number of the second person' });
      if (!fields.length && a === b) fields.push({ field: 'to', message: 'Enter two different people' });
      if (fields.length) return reply.status(400).page('entities/views/path.njk', { title: 'How are two people linked?', values: req.query, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
      const ea = await currentEntity(ctx, a);
      const eb = await currentEntity(ctx, b);
      const ntk = await needToKnow(ctx, req);
      const result = ea && eb && ea.kind === 'person' && eb.kind === 'person' ? await shortestPath(ctx, ntk, ea.id, eb.id) : null;
      await ctx.audit.record(actorFrom(req), { action: 'entities.path.read', entityKind: 'person', entityId: `${a}|${b}`, detail: { found: !!result?.path.length } });
      return reply.page('entities/views/path.njk', { title: 'How are two people linked?', values: req.query, result, searched: true });
    },
  );

  // ---- Map ----
  app.get(
    '/entities/map',
    { config: { access: 'entities.read', page: true }, schema: { hide: true, querystring: Filters.extend({ entity: z.coerce.number().int().positive().optional() }) } },
    async (req, reply) => {
      const fields = filterFields(req.query);
      const ntk = await needToKnow(ctx, req);
      let scope: number[] | null = null;
      let scopeLabel: string | null = null;
      if (req.query.entity) {
        const entity = await currentEntity(ctx, req.query.entity);
        if (!entity || entity.kind !== 'person') throw notFound('person');
        await purposeFor(req, reply, entity.id);
        const network = await buildNetwork(ctx, ntk, { seeds: [entity.id], depth: req.query.depth ?? 2, maxNodes: 1000 });
        scope = network.nodes.filter((n) => n.kind === 'person').map((n) => n.entityId);
        scopeLabel = network.nodes.find((n) => n.id === `p${entity.id}`)?.label ?? 'person';
      }
      const figures = await linkedRecordsByArea(ctx, ntk, { ...(fields.length ? {} : filterOf(req.query)), entities: scope });
      const title = scopeLabel ? `Linked records in the network of ${scopeLabel}, by police force area` : 'Linked person records by police force area';
      const map = renderMap(figures, title);
      await ctx.audit.record(actorFrom(req), { action: 'entities.map.read', entityKind: 'person', entityId: req.query.entity ? String(req.query.entity) : undefined });
      if (req.query.format === 'csv') return csvReply(reply, 'linked-records-by-force-area.csv', ['area code', 'force area', 'linked records', 'people'], map.rows.map((r) => [r.code, r.name, r.records, r.people]));
      const q = new URLSearchParams(Object.entries({ ...req.query, format: 'csv' }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
      return reply.status(fields.length ? 400 : 200).page('entities/views/map.njk', {
        title,
        map,
        total: map.rows.reduce((n, r) => n + r.records, 0),
        values: { threat: req.query.threat ?? '', from: req.query.from ?? '', to: req.query.to ?? '', entity: req.query.entity ?? '' },
        threats: THREATS,
        errors: fields.length ? errorSummary(fields) : undefined,
        fieldErrors: errorMap(fields),
        tabs: req.query.entity ? PERSON_TABS(req.query.entity, 'Map') : null,
        csvHref: `/entities/map?${q.toString()}`,
        areaName,
      });
    },
  );

  // ---- Review ----
  app.get(
    '/entities/review',
    { config: { access: 'entities.review', page: true }, schema: { hide: true, querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).optional(), format: z.enum(['csv']).optional() }) } },
    async (req, reply) => {
      const ntk = await needToKnow(ctx, req);
      const page = req.query.page ?? 1;
      const queue = await reviewQueue(ctx, ntk, { limit: 50, offset: (page - 1) * 50 });
      await ctx.audit.record(actorFrom(req), { action: 'entities.review.queue.read', detail: { items: queue.items.length } });
      if (req.query.format === 'csv') return csvReply(reply, 'review-queue.csv', ['left record', 'left name', 'left agency', 'right record', 'right name', 'right agency', 'probability'], queue.items.map((i) => [i.left, i.leftName, i.leftAgency, i.right, i.rightName, i.rightAgency, i.probability.toFixed(3)]));
      return reply.page('entities/views/review-list.njk', { title: 'Links to review', queue, page, pages: Math.max(1, Math.ceil(queue.total / 50)) });
    },
  );

  const PairParams = z.object({ left: Uuid, right: Uuid });
  app.get('/entities/review/:left/:right', { config: { access: 'entities.review', page: true }, schema: { hide: true, params: PairParams } }, async (req, reply) => {
    const ntk = await needToKnow(ctx, req);
    const pair = await pairView(ctx, ntk, req.params.left, req.params.right);
    await ctx.audit.record(actorFrom(req), { action: 'entities.review.pair.read', entityKind: 'person_record_pair', entityId: `${pair.left.id}|${pair.right.id}` });
    return reply.page('entities/views/review-pair.njk', { title: 'Are these the same person?', pair, decisions: DECISIONS, values: {}, backLink: '/entities/review' });
  });

  app.post(
    '/entities/review/:left/:right',
    { config: { access: 'entities.review', page: true }, schema: { hide: true, params: PairParams, body: z.object({ decision: z.string().max(20).optional(), note: z.string().max(1000).optional() }) } },
    async (req, reply) => {
      const ntk = await needToKnow(ctx, req);
      const decision = req.body.decision as Decision | undefined;
      if (!decision || !DECISIONS.some((d) => d.value === decision)) {
        const pair = await pairView(ctx, ntk, req.params.left, req.params.right);
        const fields = [{ field: 'decision', message: 'Select whether these records describe the same person' }];
        return reply.status(400).page('entities/views/review-pair.njk', { title: 'Are these the same person?', pair, decisions: DECISIONS, values: req.body, errors: errorSummary(fields), fieldErrors: errorMap(fields), backLink: '/entities/review' });
      }
      try {
        await decidePair(ctx, ntk, actorFrom(req), { left: req.params.left, right: req.params.right, decision, note: req.body.note || null });
      } catch (e) {
        if (e instanceof AppError && e.status === 409) {
          const pair = await pairView(ctx, ntk, req.params.left, req.params.right);
          const fields = [{ field: 'decision', message: e.message }];
          return reply.status(409).page('entities/views/review-pair.njk', { title: 'Are these the same person?', pair, decisions: DECISIONS, values: req.body, errors: errorSummary(fields), fieldErrors: errorMap(fields), backLink: '/entities/review' });
        }
        throw e;
      }
      return reply.redirect('/entities/review?done=1', 303);
    },
  );

  app.get('/entities/people/:id/split', { config: { access: 'entities.review', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    const entity = await currentEntity(ctx, req.params.id);
    if (!entity || entity.kind !== 'person') throw notFound('person');
    const purpose = await purposeFor(req, reply, entity.id);
    const ntk = await needToKnow(ctx, req);
    const view = await personEntity(ctx, ntk, entity.id);
    if (!view.records.length) throw notFound('person');
    await ctx.audit.record(actorFrom(req), { action: 'entities.person.read', entityKind: 'person', entityId: String(entity.id), purpose, detail: { page: 'split' } });
    return reply.page('entities/views/split.njk', { title: 'Split records into another person', view, values: {}, backLink: `/entities/people/${entity.id}` });
  });

  app.post(
    '/entities/people/:id/split',
    { config: { access: 'entities.review', page: true }, schema: { hide: true, params: Id, body: z.object({ records: z.union([z.string().max(40), z.array(z.string().max(40)).max(500)]).optional() }) } },
    async (req, reply) => {
      const entity = await currentEntity(ctx, req.params.id);
      if (!entity || entity.kind !== 'person') throw notFound('person');
      const ntk = await needToKnow(ctx, req);
      const chosen = req.body.records === undefined ? [] : Array.isArray(req.body.records) ? req.body.records : [req.body.records];
      try {
        const r = await splitEntity(ctx, ntk, actorFrom(req), entity.id, chosen.filter((c) => Uuid.safeParse(c).success));
        return reply.redirect(`/entities/people/${r.created}`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        const view = await personEntity(ctx, ntk, entity.id);
        return reply.status(422).page('entities/views/split.njk', { title: 'Split records into another person', view, values: { records: chosen }, errors: errorSummary(e.fields), fieldErrors: errorMap(e.fields), backLink: `/entities/people/${entity.id}` });
      }
    },
  );

  // ---- Protected values ----
  app.get('/entities/protected', { config: { access: 'entities.protected.manage', page: true }, schema: { hide: true, querystring: z.object({ format: z.enum(['csv']).optional() }) } }, async (req, reply) => {
    const rows = await listProtected(ctx);
    await ctx.audit.record(actorFrom(req), { action: 'entities.protected.read', entityKind: 'protected_value', detail: { count: rows.length } });
    if (req.query.format === 'csv') return csvReply(reply, 'protected-values.csv', ['kind', 'value', 'reason', 'added'], rows.map((r) => [r.kind, r.value, r.reason, new Date(r.created_at).toISOString()]));
    return reply.page('entities/views/protected.njk', { title: 'Protected values', rows, kinds: PROTECTED_KINDS, values: {} });
  });

  app.post(
    '/entities/protected',
    { config: { access: 'entities.protected.manage', page: true }, schema: { hide: true, body: z.object({ kind: z.string().max(20).optional(), value: z.string().max(400).optional(), reason: z.string().max(400).optional() }) } },
    async (req, reply) => {
      const kind = req.body.kind as ProtectedKind | undefined;
      try {
        if (!kind || !PROTECTED_KINDS.some((k) => k.value === kind)) throw new AppError(422, 'validation_failed', 'Select the kind of value', [{ field: 'kind', message: 'Select the kind of value' }]);
        await addProtected(ctx, actorFrom(req), { kind, value: req.body.value ?? '', reason: req.body.reason ?? '' });
      } catch (e) {
        if (!(e instanceof AppError) || (e.status !== 422 && e.status !== 409)) throw e;
        const rows = await listProtected(ctx);
        return reply.status(e.status).page('entities/views/protected.njk', { title: 'Protected values', rows, kinds: PROTECTED_KINDS, values: req.body, errors: errorSummary(e.fields), fieldErrors: errorMap(e.fields) });
      }
      return reply.redirect('/entities/protected', 303);
    },
  );

  app.post('/entities/protected/:id/delete', { config: { access: 'entities.protected.manage', page: true }, schema: { hide: true, params: z.object({ id: Uuid }) } }, async (req, reply) => {
    await removeProtected(ctx, actorFrom(req), req.params.id);
    return reply.redirect('/entities/protected', 303);
  });

  // ---- Resolution runs ----
  app.get('/entities/resolution', { config: { access: 'entities.resolve', page: true }, schema: { hide: true } }, async (_req, reply) => {
    const runs = await recentRuns(ctx);
    return reply.page('entities/views/resolution.njk', { title: 'Entity resolution', runs, values: {} });
  });

  app.post('/entities/resolution', { config: { access: 'entities.resolve', page: true }, schema: { hide: true, body: z.object({ reason: z.string().max(2000).optional() }) } }, async (req, reply) => {
    const parsed = ResolutionRequest.safeParse(req.body);
    if (!parsed.success) {
      const fields = zodFields(parsed.error);
      return reply.status(422).page('entities/views/resolution.njk', { title: 'Entity resolution', runs: await recentRuns(ctx), values: req.body, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
    }
    const jobId = await startResolutionJob(ctx, req, parsed.data.reason);
    return reply.redirect(`/jobs/${jobId}`, 303);
  });

  // ---- The link chart's script (bundled with esbuild from ./client) ----
  app.get(linkChartScript.path, { config: { access: 'kernel.public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(await linkChartScript.load()),
  );
}

