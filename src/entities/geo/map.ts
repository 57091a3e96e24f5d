/**
 * The force-area map: a server-rendered SVG choropleth (d3-geo) of linked person records per police force
 * area, with the same figures in a table. No script, so it works everywhere and passes axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

interface AreaProps {
  PFACD: string;
  PFANM: string;
  PFAFNM: string;
}

let areas: FeatureCollection<Geometry, AreaProps> | null = null;

/** Police force areas of the UK (simplified from ../shared/data/geo; ONS, OGL v3.0). */
export function forceAreas(): FeatureCollection<Geometry, AreaProps> {
  if (!areas) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'police_force_areas_uk.geojson');
    areas = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<Geometry, AreaProps>;
  }
  return areas;
}

export function areaName(code: string): string {
  const f = forceAreas().features.find((x) => x.properties.PFACD === code);
  return f ? f.properties.PFAFNM || f.properties.PFANM : code;
}

/** Sequential blues, light to dark, for 0 and four classes above it. */
export const PALETTE = ['#f3f2f1', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export interface AreaFigure {
  code: string;
  name: string;
  records: number;
  people: number;
}

/** Class breaks for the legend: quartiles of the non-zero counts. */
export function classBreaks(values: number[]): number[] {
  const xs = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!xs.length) return [1, 1, 1];
  const q = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const breaks = [q(0.25), q(0.5), q(0.75)];
  for (let i = 1; i < breaks.length; i++) if (breaks[i]! <= breaks[i - 1]!) breaks[i] = breaks[i - 1]! + 1;
  return breaks;
}

export function colourFor(v: number, breaks: number[]): string {
  if (v <= 0) return PALETTE[0]!;
  if (v <= breaks[0]!) return PALETTE[1]!;
  if (v <= breaks[1]!) return PALETTE[2]!;
  if (v <= breaks[2]!) return PALETTE[3]!;
  return PALETTE[4]!;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every force area with its figure (0 when none), sorted by name, and the SVG. */
export function renderMap(figures: Map<string, { records: number; people: number }>, title: string): { svg: string; rows: AreaFigure[]; legend: { label: string; colour: string }[]; unplaced: number } {
  const fc = forceAreas();
  const width = 460;
  const height = 640;
  const projection = geoTransverseMercator().rotate([2, 0]).fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    fc,
  );
  const draw = geoPath(projection);
  const rows: AreaFigure[] = fc.features
    .map((f) => ({ code: f.properties.PFACD, name: f.properties.PFAFNM || f.properties.PFANM, records: figures.get(f.properties.PFACD)?.records ?? 0, people: figures.get(f.properties.PFACD)?.people ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const known = new Set(fc.features.map((f) => f.properties.PFACD));
  let unplaced = 0;
  for (const [code, v] of figures) if (!known.has(code)) unplaced += v.records;
  const breaks = classBreaks(rows.map((r) => r.records));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const paths = fc.features
    .map((f: Feature<Geometry, AreaProps>) => {
      const r = byCode.get(f.properties.PFACD)!;
      const d = draw(f);
      if (!d) return '';
      return `<path d="${d}" fill="${colourFor(r.records, breaks)}"><title>${esc(r.name)}: ${r.records.toLocaleString('en-GB')} linked records</title></path>`;
    })
    .join('');
  const legend = [
    { label: 'None', colour: PALETTE[0]! },
    { label: `1 to ${breaks[0]}`, colour: PALETTE[1]! },
    { label: `${breaks[0]! + 1} to ${breaks[1]}`, colour: PALETTE[2]! },
    { label: `${breaks[1]! + 1} to ${breaks[2]}`, colour: PALETTE[3]! },
    { label: `More than ${breaks[2]}`, colour: PALETTE[4]! },
  ];
  const legendSvg = legend
    .map((l, i) => `<rect x="10" y="${height - 120 + i * 22}" width="18" height="18" fill="${l.colour}" stroke="#0b0c0c" stroke-width="0.5"></rect><text x="34" y="${height - 106 + i * 22}">${esc(l.label)}</text>`)
    .join('');
  const svg =
    `<svg class="fusion-chart fusion-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="map-title">${esc(title)}</title><desc id="map-desc">Police force areas shaded by the number of linked person records; the table below gives every figure.</desc>` +
    `<g>${paths}</g><g>${legendSvg}</g></svg>`;
  return { svg, rows, legend, unplaced };
}
