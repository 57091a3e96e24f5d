/**
 * The routes and source-countries picture (001 §43, §53): from debriefs and referral facts, where people come
 * from, which countries they cross, how they enter the UK and where they end up - and how that changes over
 * time. Pure aggregation; the SVG is drawn in ../charts.
 */
import { countryName } from '../countries.js';

export interface RouteRecord {
  source: 'debrief' | 'referral';
  /** YYYY-MM-DD the facts are dated. */
  date: string;
  origin: string | null;
  transit: string[];
  /** Country left for the UK, when known without the route legs. */
  departure?: string | null;
  crossing: string | null;
  /** Police force code in the UK. */
  ukArea: string | null;
  ukRegion: string | null;
  threats: string[];
}

export interface FlowNode {
  id: string;
  column: number;
  label: string;
  value: number;
}
export interface FlowLink {
  from: string;
  to: string;
  value: number;
}

export const FLOW_COLUMNS = [
  'Source country',
  'Last country before the UK',
  'How they entered the UK',
  'Where in the UK',
] as const;

const OTHER = 'Other';

function top(counts: Map<string, number>, n: number): Set<string> {
  return new Set(
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([k]) => k),
  );
}

/** The four steps of a route for the flow chart. */
export function routeSteps(r: RouteRecord): [string, string, string, string] {
  const origin = r.origin ? countryName(r.origin) : 'Not known';
  const transit = r.transit.filter((c) => c && c !== 'GB' && c !== r.origin);
  const last = transit.length
    ? countryName(transit[transit.length - 1])
    : r.departure
      ? countryName(r.departure)
      : r.origin && r.origin !== 'GB'
        ? 'Direct'
        : 'Not known';
  const crossing = r.crossing ?? (r.origin === 'GB' ? 'British national' : 'Not recorded');
  const uk = r.ukRegion ?? 'Not recorded';
  return [origin, last, crossing, uk];
}

/** Nodes and links of a four-column flow (Sankey-like), keeping the `keep` largest values in each column. */
export function flows(
  records: readonly RouteRecord[],
  keep = 8,
): { nodes: FlowNode[]; links: FlowLink[]; total: number } {
  const steps = records.map(routeSteps);
  const kept: Set<string>[] = [];
  for (let c = 0; c < 4; c++) {
    const counts = new Map<string, number>();
    for (const s of steps) counts.set(s[c]!, (counts.get(s[c]!) ?? 0) + 1);
    kept.push(top(counts, keep));
  }
  const nodeValue = new Map<string, number>();
  const linkValue = new Map<string, number>();
  for (const s of steps) {
    const ids = s.map((v, c) => `${c}:${kept[c]!.has(v) ? v : OTHER}`);
    for (const id of ids) nodeValue.set(id, (nodeValue.get(id) ?? 0) + 1);
    for (let c = 0; c < 3; c++) {
      const key = `${ids[c]}\u0000${ids[c + 1]}`;
      linkValue.set(key, (linkValue.get(key) ?? 0) + 1);
    }
  }
  const nodes = [...nodeValue.entries()]
    .map(([id, value]) => ({
      id,
      column: Number(id.slice(0, id.indexOf(':'))),
      label: id.slice(id.indexOf(':') + 1),
      value,
    }))
    .sort(
      (a, b) =>
        a.column - b.column ||
        Number(a.label === OTHER) - Number(b.label === OTHER) ||
        b.value - a.value ||
        a.label.localeCompare(b.label),
    );
  const links = [...linkValue.entries()].map(([k, value]) => {
    const [from, to] = k.split('\u0000') as [string, string];
    return { from, to, value };
  });
  return { nodes, links, total: records.length };
}

export type Period = 'year' | 'quarter';

export function periodOf(date: string, p: Period): string {
  const y = date.slice(0, 4);
  if (p === 'year') return y;
  return `${y} Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Counts by period for the top values of one dimension (source countries, crossing methods...), oldest first. */
export function overTime(
  records: readonly RouteRecord[],
  dim: (r: RouteRecord) => string | null,
  p: Period,
  keep = 6,
) {
  const totals = new Map<string, number>();
  for (const r of records) {
    const v = dim(r);
    if (v) totals.set(v, (totals.get(v) ?? 0) + 1);
  }
  const keys = [...top(totals, keep)].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  const periods = [...new Set(records.map((r) => periodOf(r.date, p)))].sort();
  const rows = keys.map((key) => {
    const counts = periods.map(
      (per) => records.filter((r) => dim(r) === key && periodOf(r.date, p) === per).length,
    );
    const first = counts.find((c) => c > 0) ?? 0;
    const last = counts[counts.length - 1] ?? 0;
    return {
      key,
      counts,
      total: totals.get(key) ?? 0,
      change: periods.length > 1 ? last - (counts[counts.length - 2] ?? 0) : 0,
      firstSeen: first,
    };
  });
  return { periods, rows };
}

/** Records by UK police force (for the force-area map). */
export function byForce(records: readonly RouteRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) if (r.ukArea) m.set(r.ukArea, (m.get(r.ukArea) ?? 0) + 1);
  return m;
}

/** Countries crossed, counted once per route. */
export function transitCounts(records: readonly RouteRecord[]) {
  const m = new Map<string, number>();
  for (const r of records)
    for (const c of new Set(r.transit)) if (c && c !== 'GB' && c !== r.origin) m.set(c, (m.get(c) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => ({ code, name: countryName(code), n }));
}
