/**
 * The link chart island (browser): draws the network the page's table lists with sigma.js over a graphology
 * graph, expands a person or thing when it is selected, and filters by threat and time as the form changes.
 * Bundled by esbuild (./build.ts) into one static file: no inline script, no eval (the page's CSP forbids both).
 * Without it the page still lists every link in a table.
 */
import { UndirectedGraph } from 'graphology';
import { Sigma } from 'sigma';

type Graph = UndirectedGraph;

interface NetworkNode {
  id: string;
  entityId: number;
  kind: string;
  kindLabel: string;
  label: string;
  victim: boolean;
  threats: string[];
  common: boolean;
  expandable: boolean;
  community: number | null;
}
interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  threats: string[];
  date: string | null;
}
interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const COLOURS: Record<string, string> = {
  person: '#1d70b8',
  victim: '#d4351c',
  phone: '#00703c',
  email: '#00703c',
  address: '#6f72af',
  vehicle: '#f47738',
  organisation: '#0b0c0c',
  common: '#b1b4b6',
};

function colourOf(n: NetworkNode): string {
  if (n.common) return COLOURS.common!;
  if (n.kind === 'person') return n.victim ? COLOURS.victim! : COLOURS.person!;
  return COLOURS[n.kind] ?? '#505a5f';
}

/** A small force-directed layout (Fruchterman-Reingold) for new nodes; placed nodes move less. */
function layout(graph: Graph, iterations = 150): void {
  const nodes = graph.nodes();
  const n = nodes.length;
  if (!n) return;
  const k = Math.sqrt(1 / n);
  for (let it = 0; it < iterations; it++) {
    const t = 0.1 * (1 - it / iterations);
    const disp = new Map<string, [number, number]>(nodes.map((id) => [id, [0, 0]]));
    for (let i = 0; i < n; i++) {
      const a = nodes[i]!;
      const pa = graph.getNodeAttributes(a);
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j]!;
        const pb = graph.getNodeAttributes(b);
        let dx = pa.x - pb.x;
        let dy = pa.y - pb.y;
        let d = Math.hypot(dx, dy);
        if (d < 1e-6) {
          dx = Math.random() * 1e-3;
          dy = Math.random() * 1e-3;
          d = Math.hypot(dx, dy);
        }
        const f = (k * k) / d;
        const da = disp.get(a)!;
        const db = disp.get(b)!;
        da[0] += (dx / d) * f;
        da[1] += (dy / d) * f;
        db[0] -= (dx / d) * f;
        db[1] -= (dy / d) * f;
      }
    }
    graph.forEachEdge((_e, _attr, s, tgt) => {
      const ps = graph.getNodeAttributes(s);
      const pt = graph.getNodeAttributes(tgt);
      const dx = ps.x - pt.x;
      const dy = ps.y - pt.y;
      const d = Math.max(Math.hypot(dx, dy), 1e-6);
      const f = (d * d) / k;
      const ds = disp.get(s)!;
      const dt = disp.get(tgt)!;
      ds[0] -= (dx / d) * f;
      ds[1] -= (dy / d) * f;
      dt[0] += (dx / d) * f;
      dt[1] += (dy / d) * f;
    });
    for (const id of nodes) {
      const [dx, dy] = disp.get(id)!;
      const d = Math.max(Math.hypot(dx, dy), 1e-6);
      const attrs = graph.getNodeAttributes(id);
      const step = Math.min(d, t) * (attrs.pinned ? 0.2 : 1);
      graph.mergeNodeAttributes(id, { x: attrs.x + (dx / d) * step, y: attrs.y + (dy / d) * step });
    }
  }
}

function addNetwork(graph: Graph, net: Network, near?: { x: number; y: number }): number {
  let added = 0;
  for (const n of net.nodes) {
    if (graph.hasNode(n.id)) {
      if (!n.expandable) graph.mergeNodeAttributes(n.id, { expandable: false });
      continue;
    }
    const cx = near?.x ?? 0;
    const cy = near?.y ?? 0;
    graph.addNode(n.id, {
      x: cx + (Math.random() - 0.5) * 0.2,
      y: cy + (Math.random() - 0.5) * 0.2,
      size: n.kind === 'person' ? 9 : 6,
      label: `${n.label}${n.common ? ' (common value)' : ''}`,
      color: colourOf(n),
      kind: n.kind,
      entityId: n.entityId,
      expandable: n.expandable,
      threats: n.threats,
      pinned: false,
    });
    added++;
  }
  for (const e of net.edges) {
    if (graph.hasEdge(e.id) || !graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    // One line per pair of nodes: several facts joining the same two are listed in the table.
    if (graph.hasEdge(e.source, e.target)) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, { label: e.label, size: 1.5, color: '#8c9196', threats: e.threats, date: e.date });
  }
  return added;
}

let purpose = '';

async function fetchNetwork(url: string): Promise<Network> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (purpose) headers['x-fusion-purpose'] = purpose;
  const res = await fetch(url, { credentials: 'same-origin', headers });
  if (!res.ok) throw new Error(`The network could not be loaded (${res.status}).`);
  return (await res.json()) as Network;
}

function start(container: HTMLElement): void {
  purpose = container.dataset.purpose ?? '';
  const status = document.getElementById(container.dataset.status ?? '') as HTMLElement | null;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const form = document.getElementById(container.dataset.form ?? '') as HTMLFormElement | null;
  const filters = () => {
    const data = form ? new FormData(form) : null;
    return { threat: String(data?.get('threat') ?? ''), from: String(data?.get('from') ?? ''), to: String(data?.get('to') ?? '') };
  };
  const query = () => {
    const f = filters();
    const depth = container.dataset.depth ?? '1';
    return new URLSearchParams({ depth, ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)) }).toString();
  };
  const graph: Graph = new UndirectedGraph();
  let renderer: Sigma | null = null;
  const seed = container.dataset.seed!;

  const summary = () => {
    let people = 0;
    let things = 0;
    graph.forEachNode((_n, a) => {
      if (a.hidden) return;
      if (a.kind === 'person') people++;
      else things++;
    });
    say(`Showing ${people} ${people === 1 ? 'person' : 'people'} and ${things} ${things === 1 ? 'thing' : 'things'}. Select a person or thing to expand the chart.`);
  };

  const applyFilters = () => {
    const f = filters();
    graph.forEachEdge((e, a) => {
      const threatOk = !f.threat || (a.threats as string[]).includes(f.threat);
      const d = a.date as string | null;
      const timeOk = (!f.from || !d || d >= f.from) && (!f.to || !d || d <= f.to);
      graph.setEdgeAttribute(e, 'hidden', !(threatOk && timeOk));
    });
    graph.forEachNode((n) => {
      if (n === seed) return graph.setNodeAttribute(n, 'hidden', false);
      const visible = graph.edges(n).some((e) => !graph.getEdgeAttribute(e, 'hidden'));
      graph.setNodeAttribute(n, 'hidden', !visible);
    });
    summary();
  };

  const expand = async (node: string) => {
    const a = graph.getNodeAttributes(node);
    if (!a.expandable) {
      say(`${a.label}: nothing more to show.`);
      return;
    }
    const base = a.kind === 'person' ? `/api/v1/entities/people/${a.entityId}/network` : `/api/v1/entities/things/${a.entityId}/network`;
    say(`Loading the links of ${a.label}...`);
    try {
      const net = await fetchNetwork(`${base}?${query().replace(/depth=\d/, 'depth=1')}`);
      graph.forEachNode((n) => graph.setNodeAttribute(n, 'pinned', true));
      const added = addNetwork(graph, net, { x: a.x, y: a.y });
      graph.setNodeAttribute(node, 'expandable', false);
      layout(graph, 80);
      applyFilters();
      say(`${added} new ${added === 1 ? 'node' : 'nodes'} around ${a.label}. ${status?.textContent ?? ''}`);
      container.dataset.expanded = String(Number(container.dataset.expanded ?? 0) + 1);
    } catch (e) {
      say((e as Error).message);
    }
  };

  // A keyboard route to what a click does on the canvas.
  const picker = document.getElementById('link-chart-node') as HTMLSelectElement | null;
  const refreshPicker = () => {
    if (!picker) return;
    const options: string[] = [];
    graph.forEachNode((n, a) => {
      if (a.expandable && !a.hidden) options.push(n);
    });
    picker.replaceChildren(
      ...options.map((n) => {
        const o = document.createElement('option');
        o.value = n;
        o.textContent = `${graph.getNodeAttribute(n, 'label')} (${graph.getNodeAttribute(n, 'kind')})`;
        return o;
      }),
    );
    document.getElementById('link-chart-expand')!.hidden = options.length === 0;
  };
  document.getElementById('link-chart-expand-button')?.addEventListener('click', () => {
    if (picker?.value) void expand(picker.value).then(refreshPicker);
  });

  fetchNetwork(`${container.dataset.api}?${query()}`)
    .then((net) => {
      addNetwork(graph, net);
      graph.forEachNode((n, a) => {
        const angle = (2 * Math.PI * graph.nodes().indexOf(n)) / Math.max(1, graph.order);
        graph.mergeNodeAttributes(n, { x: Math.cos(angle) + (a.kind === 'person' ? 0 : 0.1), y: Math.sin(angle) });
      });
      layout(graph);
      container.classList.add('entities-chart--drawn');
      renderer = new Sigma(graph, container, { renderEdgeLabels: false, labelRenderedSizeThreshold: 6, defaultEdgeColor: '#8c9196' });
      renderer.on('clickNode', ({ node }) => void expand(node).then(refreshPicker));
      applyFilters();
      refreshPicker();
      container.dataset.state = 'ready';
    })
    .catch((e: Error) => {
      container.dataset.state = 'error';
      say(`The chart cannot be drawn here (${e.message}). The table below lists every link.`);
    });

  form?.addEventListener('change', () => applyFilters());
}

const container = document.getElementById('link-chart');
if (container) start(container);
