/**
 * Networks as one user may see them: person entities and things (phones, vehicles, addresses, accounts,
 * documents, vessels, engines, organisations, events) joined by the facts that user may see, grown outwards from
 * one or more people. Protected values never become nodes. Things shared by very many people (a hotel, an HMO, a
 * car-wash phone) are drawn but neither expanded nor used to join networks, so they do not link strangers.
 * Analysis with graphology: connected components, Louvain communities (candidate networks), betweenness
 * centrality (brokers) and shortest paths.
 */
import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { AppContext } from '../kernel/context.js';
import { displayName, RELATIONSHIP_LABELS, THING_LABELS, VICTIM_ROLES, type RelationshipKind, type ThingKind } from './mentions.js';
import type { NeedToKnow } from './need-to-know.js';
import { tables } from './store.js';

// CommonJS modules whose default export TypeScript cannot see through NodeNext's ESM interop.
const require = createRequire(import.meta.url);
const louvain = require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;
const betweenness = require('graphology-metrics/centrality/betweenness.js') as typeof import('graphology-metrics/centrality/betweenness.js').default;

/** A thing mentioned with more people than this is a common value (hotel, HMO, switchboard). */
export const COMMON_VALUE_PEOPLE = 15;

export interface GraphFilter {
  threat?: 'msht' | 'oic' | null;
  /** ISO dates bounding when the facts were recorded. */
  from?: string | null;
  to?: string | null;
}

export interface NetworkNode {
  id: string;
  entityId: number;
  kind: 'person' | ThingKind;
  kindLabel: string;
  label: string;
  victim: boolean;
  roles: string[];
  threats: string[];
  first: string | null;
  last: string | null;
  records: number;
  common: boolean;
  /** Neighbours exist beyond what was loaded. */
  expandable: boolean;
  community: number | null;
  component: number | null;
  betweenness: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  label: string;
  threats: string[];
  date: string | null;
  agencyName: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  hidden: ReturnType<NeedToKnow['hits']>;
  truncated: boolean;
  components: number;
  communities: { id: number; size: number; people: number; labels: string[] }[];
  brokers: { id: string; label: string; betweenness: number }[];
}

const personNode = (entityId: number) => `p${entityId}`;
const thingNode = (entityId: number) => `t${entityId}`;

interface Row {
  id: string;
  agency_code: string;
  handling_code: string;
  conditions: unknown;
  threats: string[];
  recorded_on: unknown;
}

function passes(f: GraphFilter, r: Row): boolean {
  if (f.threat && !(r.threats ?? []).includes(f.threat)) return false;
  const d = String(r.recorded_on).slice(0, 10);
  if (f.from && d < f.from) return false;
  if (f.to && d > f.to) return false;
  return true;
}

class Builder {
  readonly nodes = new Map<string, NetworkNode>();
  readonly edges = new Map<string, NetworkEdge>();
  readonly hiddenRows: { id: string; agency_code: string; handling_code: string; conditions: unknown }[] = [];
  private readonly hiddenSeen = new Set<string>();
  truncated = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly ntk: NeedToKnow,
    private readonly filter: GraphFilter,
    private readonly maxNodes: number,
  ) {}

  private hide(r: { id: string; agency_code: string; handling_code: string; conditions: unknown }) {
    if (this.hiddenSeen.has(r.id)) return;
    this.hiddenSeen.add(r.id);
    this.hiddenRows.push(r);
  }

  private node(id: string, make: () => NetworkNode): NetworkNode | null {
    const n = this.nodes.get(id);
    if (n) return n;
    if (this.nodes.size >= this.maxNodes) {
      this.truncated = true;
      return null;
    }
    const made = make();
    this.nodes.set(id, made);
    return made;
  }

  private edge(e: NetworkEdge) {
    if (!this.nodes.has(e.source) || !this.nodes.has(e.target) || e.source === e.target) return;
    if (!this.edges.has(e.id)) this.edges.set(e.id, e);
  }

  private agencyName(code: string) {
    return this.ntk.agencies.get(code)?.name ?? code;
  }

  /** Person entities: their visible records become the node; returns the visible record ids. */
  async addPeople(entityIds: number[]): Promise<Map<string, number>> {
    const recordEntity = new Map<string, number>();
    if (!entityIds.length) return recordEntity;
    const rows = await tables(this.ctx.db)
      .selectFrom('person_records')
      .select(['id', 'entity_id', 'agency_code', 'handling_code', 'conditions', 'threats', 'recorded_on', 'role_in_source', 'given_name', 'family_name', 'full_name'])
      .where('entity_id', 'in', entityIds)
      .execute();
    for (const r of rows) {
      if (!this.ntk.sees(r)) {
        this.hide(r);
        continue;
      }
      if (!passes(this.filter, r)) continue;
      const eid = Number(r.entity_id);
      const n = this.node(personNode(eid), () => ({
        id: personNode(eid),
        entityId: eid,
        kind: 'person',
        kindLabel: 'Person',
        label: '',
        victim: false,
        roles: [],
        threats: [],
        first: null,
        last: null,
        records: 0,
        common: false,
        expandable: true,
        community: null,
        component: null,
        betweenness: 0,
      }));
      if (!n) continue;
      recordEntity.set(r.id, eid);
      n.records++;
      const victim = VICTIM_ROLES.has(r.role_in_source);
      n.victim ||= victim;
      if (!n.roles.includes(r.role_in_source)) n.roles.push(r.role_in_source);
      for (const t of r.threats ?? []) if (!n.threats.includes(t)) n.threats.push(t);
      const d = String(r.recorded_on).slice(0, 10);
      if (!n.first || d < n.first) n.first = d;
      if (!n.last || d > n.last) n.last = d;
      const name = String(this.ntk.redactPerson({ ...r, name: displayName(r) }).name);
      // Prefer a name in clear over a withheld one.
      if (!n.label || (n.label.startsWith('[withheld') && !name.startsWith('[withheld'))) n.label = name;
    }
    return recordEntity;
  }

  /** Things recorded with these person records, and relationships touching them. Returns the new thing entity ids. */
  async addFactsOf(recordEntity: Map<string, number>): Promise<{ things: number[]; people: number[] }> {
    const recordIds = [...recordEntity.keys()];
    const newThings: number[] = [];
    const newPeople: number[] = [];
    if (!recordIds.length) return { things: newThings, people: newPeople };
    const db = tables(this.ctx.db);
    for (let i = 0; i < recordIds.length; i += 2000) {
      const chunk = recordIds.slice(i, i + 2000);
      const mentions = await db
        .selectFrom('entity_mentions as m')
        .innerJoin('entities as e', 'e.id', 'm.entity_id')
        .select(['m.id', 'm.kind', 'm.relation', 'm.person_record_id', 'm.agency_code', 'm.handling_code', 'm.conditions', 'm.threats', 'm.recorded_on', 'e.id as eid', 'e.label'])
        .where('m.person_record_id', 'in', chunk)
        .where('m.protected', '=', false)
        .execute();
      for (const m of mentions) {
        if (!this.ntk.sees(m)) {
          this.hide(m);
          continue;
        }
        if (!passes(this.filter, m)) continue;
        const eid = Number(m.eid);
        const existed = this.nodes.has(thingNode(eid));
        const n = this.node(thingNode(eid), () => thingNodeOf(eid, m.kind as ThingKind, m.label ?? ''));
        if (!n) continue;
        if (!existed) newThings.push(eid);
        const pe = recordEntity.get(m.person_record_id!)!;
        this.edge({
          id: `m${m.id}`,
          source: personNode(pe),
          target: n.id,
          kind: m.relation ?? 'linked',
          label: (m.relation ?? 'linked').replace(/_/g, ' '),
          threats: m.threats ?? [],
          date: String(m.recorded_on).slice(0, 10),
          agencyName: this.agencyName(m.agency_code),
        });
      }
      const rels = await db
        .selectFrom('entity_relationships')
        .selectAll()
        .where((eb) => eb.or([eb('from_id', 'in', chunk), eb('to_id', 'in', chunk)]))
        .execute();
      for (const r of rels) {
        if (!this.ntk.sees(r)) {
          this.hide(r);
          continue;
        }
        if (!passes(this.filter, r)) continue;
        const ends = await this.endpoints([
          { type: r.from_type, id: r.from_id },
          { type: r.to_type, id: r.to_id },
        ]);
        const [a, b] = ends;
        if (!a || !b) continue;
        for (const e of ends) {
          if (e!.newPerson !== null) newPeople.push(e!.newPerson);
          if (e!.newThing !== null) newThings.push(e!.newThing);
        }
        this.edge({
          id: `r${r.id}`,
          source: a.node,
          target: b.node,
          kind: r.kind,
          label: r.relationship ?? RELATIONSHIP_LABELS[r.kind as RelationshipKind] ?? r.kind,
          threats: r.threats ?? [],
          date: String(r.recorded_on).slice(0, 10),
          agencyName: this.agencyName(r.agency_code),
        });
      }
    }
    return { things: newThings, people: newPeople };
  }

  /** Node ids for relationship ends (a person record or a mention), adding nodes as needed. */
  private async endpoints(ends: { type: string; id: string }[]): Promise<({ node: string; newPerson: number | null; newThing: number | null } | null)[]> {
    const out: ({ node: string; newPerson: number | null; newThing: number | null } | null)[] = [];
    const db = tables(this.ctx.db);
    for (const e of ends) {
      if (e.type === 'person') {
        const p = await db.selectFrom('person_records').select(['id', 'entity_id', 'agency_code', 'handling_code', 'conditions']).where('id', '=', e.id).executeTakeFirst();
        if (!p || p.entity_id === null) {
          out.push(null);
          continue;
        }
        if (!this.ntk.sees(p)) {
          this.hide(p);
          out.push(null);
          continue;
        }
        const eid = Number(p.entity_id);
        const existed = this.nodes.has(personNode(eid));
        if (!existed) {
          const m = await this.addPeople([eid]);
          if (!m.size) {
            out.push(null);
            continue;
          }
        }
        out.push({ node: personNode(eid), newPerson: existed ? null : eid, newThing: null });
      } else {
        const m = await db
          .selectFrom('entity_mentions as m')
          .leftJoin('entities as en', 'en.id', 'm.entity_id')
          .select(['m.id', 'm.kind', 'm.value', 'm.entity_id', 'm.protected', 'm.agency_code', 'm.handling_code', 'm.conditions', 'en.label'])
          .where('m.id', '=', e.id)
          .executeTakeFirst();
        if (!m || m.protected || m.entity_id === null) {
          out.push(null);
          continue;
        }
        if (!this.ntk.sees(m)) {
          this.hide(m);
          out.push(null);
          continue;
        }
        const eid = Number(m.entity_id);
        const existed = this.nodes.has(thingNode(eid));
        const n = this.node(thingNode(eid), () => thingNodeOf(eid, m.kind as ThingKind, m.label ?? m.value));
        out.push(n ? { node: n.id, newPerson: null, newThing: existed ? null : eid } : null);
      }
    }
    return out;
  }

  /** People who share these things (unless the thing is common): returns new person entity ids. */
  async expandThings(thingIds: number[]): Promise<number[]> {
    if (!thingIds.length) return [];
    const db = tables(this.ctx.db);
    const counts = await db
      .selectFrom('entity_mentions')
      .select(['entity_id', (eb) => eb.fn.count<number>('person_record_id').distinct().as('n')])
      .where('entity_id', 'in', thingIds)
      .groupBy('entity_id')
      .execute();
    const expand: number[] = [];
    for (const c of counts) {
      const n = this.nodes.get(thingNode(Number(c.entity_id)));
      if (!n) continue;
      if (Number(c.n) > COMMON_VALUE_PEOPLE) {
        n.common = true;
        n.expandable = false;
      } else {
        expand.push(Number(c.entity_id));
        n.expandable = false;
      }
    }
    if (!expand.length) return [];
    const rows = await db
      .selectFrom('entity_mentions as m')
      .innerJoin('person_records as p', 'p.id', 'm.person_record_id')
      .select(['m.id', 'm.entity_id', 'm.agency_code', 'm.handling_code', 'm.conditions', 'p.entity_id as pe', 'p.id as pid', 'p.agency_code as pa', 'p.handling_code as ph', 'p.conditions as pc'])
      .where('m.entity_id', 'in', expand)
      .where('m.protected', '=', false)
      .execute();
    const people = new Set<number>();
    for (const r of rows) {
      if (r.pe === null) continue;
      if (!this.ntk.sees(r)) {
        this.hide(r);
        continue;
      }
      if (!this.ntk.sees({ id: r.pid, agency_code: r.pa, handling_code: r.ph, conditions: r.pc })) {
        this.hide({ id: r.pid, agency_code: r.pa, handling_code: r.ph, conditions: r.pc });
        continue;
      }
      if (!this.nodes.has(personNode(Number(r.pe)))) people.add(Number(r.pe));
    }
    return [...people];
  }
}

function thingNodeOf(eid: number, kind: ThingKind, label: string): NetworkNode {
  return {
    id: thingNode(eid),
    entityId: eid,
    kind,
    kindLabel: THING_LABELS[kind] ?? kind,
    label,
    victim: false,
    roles: [],
    threats: [],
    first: null,
    last: null,
    records: 0,
    common: false,
    expandable: true,
    community: null,
    component: null,
    betweenness: 0,
  };
}

/**
 * The network around some people, `depth` steps out (a step is person -> thing or relationship -> person),
 * with analysis. At most `maxNodes` nodes (the result says when it was cut short).
 */
export async function buildNetwork(
  ctx: AppContext,
  ntk: NeedToKnow,
  opts: { seeds: number[]; depth?: number; filter?: GraphFilter; maxNodes?: number },
): Promise<Network> {
  const b = new Builder(ctx, ntk, opts.filter ?? {}, opts.maxNodes ?? 300);
  let people = [...new Set(opts.seeds)];
  const depth = Math.max(1, Math.min(4, opts.depth ?? 1));
  const expanded = new Set<number>();
  for (let step = 0; step < depth && people.length; step++) {
    const todo = people.filter((p) => !expanded.has(p));
    for (const p of todo) expanded.add(p);
    const recordEntity = await b.addPeople(todo);
    const facts = await b.addFactsOf(recordEntity);
    const viaThings = await b.expandThings(facts.things);
    const next = [...new Set([...viaThings, ...facts.people])].filter((p) => !expanded.has(p));
    if (step === depth - 1) {
      // The last ring: add those people as nodes (unexpanded) and the edges that reach them.
      const ring = await b.addPeople(next);
      await addEdgesTo(b, ring);
      for (const p of next) {
        const n = b.nodes.get(personNode(p));
        if (n) n.expandable = true;
      }
    }
    people = next;
  }
  for (const p of expanded) {
    const n = b.nodes.get(personNode(p));
    if (n) n.expandable = false;
  }
  return analyse(b, ntk);
}

/** Edges from the last ring of people to things already drawn (without adding their other things). */
async function addEdgesTo(b: Builder, ring: Map<string, number>): Promise<void> {
  if (!ring.size) return;
  const before = new Set(b.nodes.keys());
  await b.addFactsOf(ring);
  // Keep only edges to nodes that were already drawn; drop things only the outer ring has.
  for (const [id, n] of [...b.nodes]) {
    if (!before.has(id) && n.kind !== 'person') {
      b.nodes.delete(id);
      for (const [eid, e] of [...b.edges]) if (e.source === id || e.target === id) b.edges.delete(eid);
    }
  }
}

function analyse(b: Builder, ntk: NeedToKnow): Network {
  const g = new UndirectedGraph();
  for (const n of b.nodes.values()) if (!n.common) g.addNode(n.id);
  for (const e of b.edges.values()) {
    if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
  }
  const components = connectedComponents(g);
  components.forEach((members, i) => {
    for (const m of members) b.nodes.get(m)!.component = i;
  });
  let communities: Network['communities'] = [];
  if (g.size > 0) {
    // A fixed random source keeps the communities the same each time the page is drawn.
    let s = 42;
    const rng = () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s / 0x7fffffff;
    };
    const assignment = louvain(g, { rng });
    const groups = new Map<number, string[]>();
    for (const [node, c] of Object.entries(assignment)) {
      b.nodes.get(node)!.community = c;
      groups.set(c, [...(groups.get(c) ?? []), node]);
    }
    communities = [...groups.entries()]
      .map(([id, members]) => {
        const peopleNodes = members.map((m) => b.nodes.get(m)!).filter((n) => n.kind === 'person');
        return { id, size: members.length, people: peopleNodes.length, labels: peopleNodes.slice(0, 5).map((n) => n.label) };
      })
      .filter((c) => c.people > 1)
      .sort((x, y) => y.people - x.people);
    const bc = betweenness(g, { normalized: true });
    for (const [node, v] of Object.entries(bc)) b.nodes.get(node)!.betweenness = Math.round(v * 1000) / 1000;
  }
  const nodes = [...b.nodes.values()];
  const brokers = nodes
    .filter((n) => n.kind === 'person' && n.betweenness > 0)
    .sort((x, y) => y.betweenness - x.betweenness)
    .slice(0, 5)
    .map((n) => ({ id: n.id, label: n.label, betweenness: n.betweenness }));
  return { nodes, edges: [...b.edges.values()], hidden: ntk.hits(b.hiddenRows), truncated: b.truncated, components: components.length, communities, brokers };
}

/**
 * The shortest chain of facts this user may see between two people: grows both networks a step at a time until
 * they meet (at most `maxDepth` steps each side).
 */
export async function shortestPath(ctx: AppContext, ntk: NeedToKnow, from: number, to: number, opts: { maxDepth?: number; filter?: GraphFilter } = {}): Promise<{ path: NetworkNode[]; edges: NetworkEdge[]; network: Network } | null> {
  const maxDepth = opts.maxDepth ?? 3;
  for (let depth = 1; depth <= maxDepth; depth++) {
    const network = await buildNetwork(ctx, ntk, { seeds: [from, to], depth, filter: opts.filter, maxNodes: 2000 });
    const g = new UndirectedGraph();
    for (const n of network.nodes) if (!n.common) g.addNode(n.id);
    for (const e of network.edges) if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
    const a = personNode(from);
    const z = personNode(to);
    if (!g.hasNode(a) || !g.hasNode(z)) return null;
    const ids = bidirectional(g, a, z);
    if (ids) {
      const byId = new Map(network.nodes.map((n) => [n.id, n]));
      const path = ids.map((id) => byId.get(id)!);
      const edges: NetworkEdge[] = [];
      for (let i = 1; i < ids.length; i++) {
        const e = network.edges.find((x) => (x.source === ids[i - 1] && x.target === ids[i]) || (x.target === ids[i - 1] && x.source === ids[i]));
        if (e) edges.push(e);
      }
      return { path, edges, network };
    }
    if (!network.nodes.some((n) => n.expandable)) return { path: [], edges: [], network };
  }
  return { path: [], edges: [], network: await buildNetwork(ctx, ntk, { seeds: [from, to], depth: 1, filter: opts.filter }) };
}
