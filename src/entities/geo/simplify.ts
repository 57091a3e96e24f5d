/**
 * Makes src/entities/geo/police_force_areas_uk.geojson from ../shared/data/geo/police_force_areas_uk.geojson
 * (ONS, Open Government Licence v3.0): Douglas-Peucker at 0.01 degrees and 3 decimals, enough for a
 * choropleth and small enough to ship and render on every request.
 *   npx tsx src/entities/geo/simplify.ts [source]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Pt = [number, number];
const TOLERANCE = 0.01;

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

export function douglasPeucker(points: Pt[], tolerance: number): Pt[] {
  if (points.length < 3) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i]!, points[0]!, points[points.length - 1]!);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0]!, points[points.length - 1]!];
  const left = douglasPeucker(points.slice(0, index + 1), tolerance);
  const right = douglasPeucker(points.slice(index), tolerance);
  return [...left.slice(0, -1), ...right];
}

function ring(coords: Pt[]): Pt[] | null {
  const simplified = douglasPeucker(coords, TOLERANCE).map((p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000] as Pt);
  if (simplified.length < 4) return null;
  const first = simplified[0]!;
  const last = simplified[simplified.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) simplified.push(first);
  return simplified;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const source = process.argv[2] ?? path.resolve(here, '../../../../shared/data/geo/police_force_areas_uk.geojson');
  const g = JSON.parse(fs.readFileSync(source, 'utf8')) as { features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[] };
  for (const f of g.features) {
    if (f.geometry.type === 'Polygon') {
      f.geometry.coordinates = (f.geometry.coordinates as Pt[][]).map(ring).filter((r): r is Pt[] => !!r);
    } else {
      f.geometry.coordinates = (f.geometry.coordinates as Pt[][][]).map((poly) => poly.map(ring).filter((r): r is Pt[] => !!r)).filter((p) => p.length);
    }
    f.properties = { PFACD: f.properties.PFACD!, PFANM: f.properties.PFANM!, PFAFNM: f.properties.PFAFNM! };
  }
  const out = path.join(here, 'police_force_areas_uk.geojson');
  fs.writeFileSync(out, JSON.stringify(g));
  process.stdout.write(`${out}: ${fs.statSync(out).size} bytes\n`);
}
