/**
 * Server-rendered SVG charts (no JavaScript, no inline styles under the CSP): a four-column flow chart and a
 * police-force-area map. Each is an image with a title and description; every page that shows one also shows
 * the same figures in a table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowLink, FlowNode } from '../model/picture.js';

export function esc(s: string | number): string {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const BLUE = '#1d70b8';
const DARK = '#0b0c0c';
const LINK = '#505a5f';

/** A Sankey-like flow: columns of nodes sized by count, joined by ribbons whose width is the count. */
export function flowChart(
  data: { nodes: FlowNode[]; links: FlowLink[]; total: number },
  columns: readonly string[],
  opts: { id: string; title: string; description: string },
): string {
  const W = 960;
  const H = 520;
  const top = 40;
  const nodeW = 14;
  const gap = 10;
  const colX = columns.map((_, i) => 20 + i * ((W - 200) / (columns.length - 1)));
  const byCol = columns.map((_, c) => data.nodes.filter((n) => n.column === c));
  const maxTotal = Math.max(1, ...byCol.map((ns) => ns.reduce((s, n) => s + n.value, 0)));
  const maxNodes = Math.max(1, ...byCol.map((ns) => ns.length));
  const scale = (H - top - 20 - gap * (maxNodes - 1)) / maxTotal;
  const pos = new Map<string, { x: number; y: number; h: number; outY: number; inY: number }>();
  byCol.forEach((ns, c) => {
    let y = top;
    for (const n of ns) {
      const h = Math.max(2, n.value * scale);
      pos.set(n.id, { x: colX[c]!, y, h, outY: y, inY: y });
      y += h + gap;
    }
  });
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${opts.id}-t ${opts.id}-d" class="fusion-chart">`,
  );
  parts.push(
    `<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(opts.description)}</desc>`,
  );
  for (const [i, c] of columns.entries()) {
    parts.push(
      `<text x="${colX[i]}" y="20" font-size="14" font-weight="bold" fill="${DARK}">${esc(c)}</text>`,
    );
  }
  const links = [...data.links].sort((a, b) => b.value - a.value);
  for (const l of links) {
    const a = pos.get(l.from);
    const b = pos.get(l.to);
    if (!a || !b) continue;
    const w = Math.max(1, l.value * scale);
    const y1 = a.outY + w / 2;
    const y2 = b.inY + w / 2;
    a.outY += w;
    b.inY += w;
    const x1 = a.x + nodeW;
    const x2 = b.x;
    const mx = (x1 + x2) / 2;
    const from = l.from.slice(l.from.indexOf(':') + 1);
    const to = l.to.slice(l.to.indexOf(':') + 1);
    parts.push(
      `<path d="M${x1},${y1.toFixed(1)} C${mx},${y1.toFixed(1)} ${mx},${y2.toFixed(1)} ${x2},${y2.toFixed(1)}" fill="none" stroke="${LINK}" stroke-opacity="0.3" stroke-width="${w.toFixed(1)}"><title>${esc(`${from} to ${to}: ${l.value}`)}</title></path>`,
    );
  }
  for (const n of data.nodes) {
    const p = pos.get(n.id)!;
    parts.push(
      `<rect x="${p.x}" y="${p.y.toFixed(1)}" width="${nodeW}" height="${p.h.toFixed(1)}" fill="${BLUE}"><title>${esc(`${n.label}: ${n.value}`)}</title></rect>`,
    );
    parts.push(
      `<text x="${p.x + nodeW + 4}" y="${(p.y + Math.min(p.h, 28) / 2 + 5).toFixed(1)}" font-size="13" fill="${DARK}">${esc(`${n.label} (${n.value})`)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

interface MapData {
  viewBox: string;
  attribution: string;
  areas: { gss: string; force: string | null; name: string; d: string; cx: number; cy: number }[];
}
let mapData: MapData | null = null;
function loadMap(): MapData {
  mapData ??= JSON.parse(
    fs.readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '../geo/force-areas-ew.json'),
      'utf8',
    ),
  ) as MapData;
  return mapData;
}

export const MAP_ATTRIBUTION = () => loadMap().attribution;

const SHADES = ['#f3f2f1', '#c6dbef', '#82b4dc', '#4a8fc7', '#1d70b8', '#003078'];

/** Police force areas of England and Wales shaded by count (five classes by share of the maximum). */
export function forceMap(
  counts: Map<string, number>,
  opts: { id: string; title: string; description: string; unit: string },
): string {
  const m = loadMap();
  const max = Math.max(0, ...counts.values());
  const shade = (n: number) =>
    n <= 0 || max === 0 ? SHADES[0] : SHADES[Math.min(5, 1 + Math.floor((n / max) * 4.999))];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${m.viewBox}" width="100%" role="img" aria-labelledby="${opts.id}-t ${opts.id}-d" class="fusion-map">`,
  ];
  parts.push(
    `<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(opts.description)}</desc>`,
  );
  for (const a of m.areas) {
    const n = (a.force && counts.get(a.force)) || 0;
    parts.push(
      `<path d="${a.d}" fill="${shade(n)}" stroke="#ffffff" stroke-width="0.8"><title>${esc(`${a.name}: ${n} ${opts.unit}`)}</title></path>`,
    );
  }
  // Legend
  const steps = [0, 0.2, 0.4, 0.6, 0.8].map((f) => Math.round(f * max));
  SHADES.slice(1).forEach((c, i) => {
    parts.push(
      `<rect x="10" y="${300 + i * 20}" width="16" height="14" fill="${c}" stroke="${DARK}" stroke-width="0.5"/>`,
    );
    parts.push(
      `<text x="32" y="${312 + i * 20}" font-size="11" fill="${DARK}">${esc(i === 4 ? `${steps[i]! + 1} or more` : `${i === 0 ? 1 : steps[i]! + 1} to ${steps[i + 1] ?? max}`)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A small horizontal bar for a table cell (decorative: the number is in the cell text). */
export function inlineBar(value: number, max: number, width = 120): string {
  const w = max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * width)) : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="12" aria-hidden="true" focusable="false"><rect x="0" y="1" width="${w}" height="10" fill="${BLUE}"/></svg>`;
}
