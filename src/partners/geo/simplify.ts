/**
 * Makes src/partners/geo/police_force_areas_uk.geojson from /work/shared/data/geo/police_force_areas_uk.geojson
 * (ONS, Open Government Licence v3.0; see README.md beside this file). The source is quantized on a 0.01 degree
 * grid, so its edges are staircases: Douglas-Peucker at that tolerance and 3 decimals keeps every force area
 * recognisable on a map a few hundred pixels wide and makes the file small enough to render on every request.
 *   npx tsx src/partners/geo/simplify.ts [source]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Pt = [number, number];
const TOLERANCE = 0.01;
const DECIMALS = 3;
/** Islands smaller than this (square degrees) vanish at map scale. */
const MIN_RING_AREA = 0.0004;

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

export function douglasPeucker(points: Pt[], tolerance: number): Pt[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let index = -1;
    let max = 0;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicular(points[i]!, points[from]!, points[to]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > tolerance) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const ringArea = (ring: Pt[]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(a / 2);
};

const round = (v: number) => Number(v.toFixed(DECIMALS));

/** A closed ring simplified (the closing point kept), or null when too small to show. */
export function simplifyRing(ring: Pt[]): Pt[] | null {
  if (ringArea(ring) < MIN_RING_AREA) return null;
  // Split a closed ring at its farthest point so the two halves keep their ends.
  const open = ring.slice(0, -1);
  let far = 0;
  let best = 0;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i]![0] - open[0]![0], open[i]![1] - open[0]![1]);
    if (d > best) {
      best = d;
      far = i;
    }
  }
  const a = douglasPeucker(open.slice(0, far + 1), TOLERANCE);
  const b = douglasPeucker([...open.slice(far), open[0]!], TOLERANCE);
  const out = [...a, ...b.slice(1)].map(([x, y]) => [round(x), round(y)] as Pt);
  const dedup = out.filter((p, i) => i === 0 || p[0] !== out[i - 1]![0] || p[1] !== out[i - 1]![1]);
  return dedup.length >= 4 ? dedup : null;
}

type Geometry = { type: 'Polygon'; coordinates: Pt[][] } | { type: 'MultiPolygon'; coordinates: Pt[][][] };

export function simplifyGeometry(g: Geometry): Geometry | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Pt[][][] = [];
  for (const poly of polys) {
    const outer = simplifyRing(poly[0]!);
    if (!outer) continue;
    const holes = poly
      .slice(1)
      .map(simplifyRing)
      .filter((r): r is Pt[] => r !== null);
    out.push([outer, ...holes]);
  }
  if (!out.length) {
    // A tiny area (the City of London) is kept whole rather than lost: its largest ring, rounded only.
    const largest = [...polys].sort((x, y) => ringArea(y[0]!) - ringArea(x[0]!))[0]!;
    out.push([largest[0]!.map(([x, y]) => [round(x), round(y)] as Pt)]);
  }
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0]! }
    : { type: 'MultiPolygon', coordinates: out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? '/work/shared/data/geo/police_force_areas_uk.geojson';
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'police_force_areas_uk.geojson');
  const fc = JSON.parse(fs.readFileSync(source, 'utf8')) as {
    features: { properties: Record<string, string>; geometry: Geometry }[];
  };
  const features = fc.features.map((f) => ({
    type: 'Feature',
    properties: { PFACD: f.properties.PFACD, PFANM: f.properties.PFANM, PFAFNM: f.properties.PFAFNM },
    geometry: simplifyGeometry(f.geometry),
  }));
  const missing = features.filter((f) => !f.geometry).map((f) => f.properties.PFACD);
  if (missing.length) throw new Error(`Simplification removed whole areas: ${missing.join(', ')}`);
  fs.writeFileSync(target, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  console.log(`${features.length} areas -> ${target} (${fs.statSync(target).size} bytes)`);
}
