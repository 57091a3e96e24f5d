/**
 * Builds force-areas-ew.json: the police force areas of England and Wales projected once into SVG path data
 * (viewBox 0 0 400 460), so pages draw the map server-side with no geometry work per request.
 * Source: ../shared/data/geo/police_force_areas_ew_2020.geojson (ONS, Open Government Licence v3.0).
 * Run: npx tsx src/intelligence/geo/build-force-map.ts [path-to-geojson]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { FORCES } from '../../kernel/reference/forces.js';

const src = process.argv[2] ?? '/work/shared/data/geo/police_force_areas_ew_2020.geojson';
const geo = JSON.parse(fs.readFileSync(src, 'utf8')) as GeoJSON.FeatureCollection;
const projection = geoTransverseMercator().rotate([2, 0]).fitSize([400, 460], geo);
const draw = geoPath(projection).digits(0);
const byGss = new Map(FORCES.filter((f) => f.forceAreaCode).map((f) => [f.forceAreaCode!, f.code]));
const areas = geo.features.map((f) => {
  const gss = String((f.properties as Record<string, unknown>).PFA20CD);
  const [[x0, y0], [x1, y1]] = draw.bounds(f);
  return {
    gss,
    force: byGss.get(gss) ?? null,
    name: String((f.properties as Record<string, unknown>).PFA20NM),
    d: draw(f) ?? '',
    cx: Math.round((x0 + x1) / 2),
    cy: Math.round((y0 + y1) / 2),
  };
});
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'force-areas-ew.json');
fs.writeFileSync(
  out,
  JSON.stringify({
    viewBox: '0 0 400 460',
    attribution:
      'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2020.',
    areas,
  }),
);
console.log(`${areas.length} areas, ${fs.statSync(out).size} bytes -> ${out}`);
