import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * Server-rendered SVG map of UK police force areas (src/partners/geo), coloured by a count per area. No
 * JavaScript: the SVG is one image with a title and a description that states the figures, and pages show a
 * table of the same figures beside it.
 */

const GEO_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'geo/police_force_areas_uk.geojson');
export const MAP_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2020.';

interface AreaProps {
  PFACD: string;
  PFANM: string;
  PFAFNM: string;
}

let areas: FeatureCollection<Geometry, AreaProps> | null = null;

/** RFC 7946 winds exteriors anticlockwise; d3-geo, on the sphere, wants them clockwise. */
function rewind(g: Geometry): Geometry {
  const rev = (ring: Position[]) => [...ring].reverse();
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(rev) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(rev)) };
  return g;
}

export function forceAreas(): FeatureCollection<Geometry, AreaProps> {
  if (!areas) {
    const raw = JSON.parse(fs.readFileSync(GEO_FILE, 'utf8')) as FeatureCollection<Geometry, AreaProps>;
    areas = {
      ...raw,
      features: raw.features.map(
        (f): Feature<Geometry, AreaProps> => ({ ...f, geometry: rewind(f.geometry) }),
      ),
    };
  }
  return areas;
}

/** GSS code -> short area name, for tables beside the map. */
export function forceAreaNames(): Map<string, string> {
  return new Map(
    forceAreas().features.map((f) => [f.properties.PFACD, f.properties.PFAFNM || f.properties.PFANM]),
  );
}

interface Projected {
  width: number;
  height: number;
  paths: { code: string; name: string; d: string }[];
}
const projectedCache = new Map<number, Projected>();

/** Paths projected once per width (transverse Mercator on 2°W, like the British National Grid). */
export function projectedAreas(width = 420): Projected {
  const cached = projectedCache.get(width);
  if (cached) return cached;
  const fc = forceAreas();
  const pad = 8;
  const projection = geoTransverseMercator()
    .rotate([2, 0])
    .precision(0)
    .fitWidth(width - pad * 2, fc);
  const gen = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = gen.bounds(fc);
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad, ty - y0 + pad]);
  const height = Math.ceil(y1 - y0 + pad * 2);
  const paths = fc.features.map((f) => ({
    code: f.properties.PFACD,
    name: f.properties.PFAFNM || f.properties.PFANM,
    d: gen(f) ?? '',
  }));
  const out = { width, height, paths };
  projectedCache.set(width, out);
  return out;
}

export interface ColourClass {
  min: number;
  max: number | null;
  colour: string;
  label: string;
}

/** Sequential blues from the GOV.UK palette; zero is a neutral grey so "none" never reads as "a few". */
const ZERO = '#dee0e2';
const BLUES = ['#c2dcf0', '#8fbde3', '#5694ca', '#1d70b8', '#003078'];

/** Classes for counts 0..max: one per value while they fit, then ranges. */
export function colourClasses(
  max: number,
  unit: [string, string] = ['partnership', 'partnerships'],
): ColourClass[] {
  const word = (n: number) => (n === 1 ? unit[0] : unit[1]);
  const classes: ColourClass[] = [{ min: 0, max: 0, colour: ZERO, label: `No ${unit[1]}` }];
  if (max <= 0) return classes;
  if (max <= BLUES.length) {
    for (let v = 1; v <= max; v++)
      classes.push({ min: v, max: v, colour: BLUES[BLUES.length - max + v - 1]!, label: `${v} ${word(v)}` });
    return classes;
  }
  // Equal-width ranges over 1..max, the last open-ended.
  const step = Math.ceil(max / BLUES.length);
  for (let i = 0; i < BLUES.length; i++) {
    const lo = 1 + i * step;
    const hi = i === BLUES.length - 1 ? null : lo + step - 1;
    if (lo > max) break;
    classes.push({
      min: lo,
      max: hi,
      colour: BLUES[i]!,
      label:
        hi === null
          ? `${lo} or more ${unit[1]}`
          : lo === hi
            ? `${lo} ${word(lo)}`
            : `${lo} to ${hi} ${unit[1]}`,
    });
  }
  return classes;
}

export const classOf = (classes: readonly ColourClass[], v: number) =>
  classes.find((c) => v >= c.min && (c.max === null || v <= c.max)) ?? classes[classes.length - 1]!;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MapOptions {
  id: string;
  title: string;
  /** What the map shows, in words (the figures themselves are in the description and the table). */
  summary: string;
  values: ReadonlyMap<string, number>;
  classes: readonly ColourClass[];
  unit?: [string, string];
  width?: number;
}

/** The map as one accessible image: role="img", a title and a description naming every area with a count. */
export function renderForceAreaMap(o: MapOptions): string {
  const { width, height, paths } = projectedAreas(o.width);
  const unit = o.unit ?? ['partnership', 'partnerships'];
  const counted = paths
    .map((p) => ({ ...p, value: o.values.get(p.code) ?? 0 }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const withAny = counted.filter((p) => p.value > 0);
  const desc = `${o.summary} ${withAny.length} of ${paths.length} force areas have at least one. ${
    withAny.length
      ? withAny.map((p) => `${p.name}: ${p.value}`).join('; ')
      : `No force area has any ${unit[1]}`
  }. The table below the map gives the same figures.`;
  let body = '';
  for (const p of paths) {
    const v = o.values.get(p.code) ?? 0;
    const c = classOf(o.classes, v);
    body += `<path d="${p.d}" fill="${c.colour}" stroke="#ffffff" stroke-width="0.6" data-area="${esc(p.code)}" data-count="${v}"><title>${esc(p.name)}: ${v} ${v === 1 ? unit[0] : unit[1]}</title></path>`;
  }
  return `<svg class="fusion-chart" role="img" aria-labelledby="${o.id}-t ${o.id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${o.id}-t">${esc(o.title)}</title><desc id="${o.id}-d">${esc(desc)}</desc><g>${body}</g></svg>`;
}

/** A small decorative swatch for an HTML legend (the legend's text carries the meaning). */
export const swatch = (colour: string) =>
  `<svg width="18" height="18" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><rect x="0.5" y="0.5" width="17" height="17" fill="${colour}" stroke="#505a5f"/></svg>`;
