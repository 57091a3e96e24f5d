/**
 * Server-rendered SVG charts: no JavaScript, an accessible name and description on each, and always shown next
 * to a table of the same figures. Colours are from the GOV.UK palette; text is near-black for contrast.
 */

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "to 31 Aug". */
  note?: string;
  highlight?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { maximumFractionDigits: 1 }));

export const PALETTE = ['#1d70b8', '#f47738', '#00703c', '#912b88', '#d4351c', '#5694ca', '#85994b', '#505a5f', '#6f72af'];

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return `<svg class="fusion-chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}

/** Vertical bars, one per category (years, grades). */
export function columnChart(id: string, title: string, bars: readonly Bar[], opts: { unit?: string; width?: number; height?: number } = {}): string {
  const width = opts.width ?? Math.max(320, 60 + bars.length * 64);
  const height = opts.height ?? 260;
  const top = 24;
  const bottom = 40;
  const left = 16;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - left * 2) / Math.max(1, bars.length);
  const barW = Math.min(48, slot * 0.7);
  let body = `<line x1="${left}" y1="${top + plotH}" x2="${width - left}" y2="${top + plotH}" stroke="#505a5f" stroke-width="1"/>`;
  bars.forEach((b, i) => {
    const h = (b.value / max) * plotH;
    const x = left + i * slot + (slot - barW) / 2;
    const y = top + plotH - h;
    body += `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${b.highlight ? '#f47738' : '#1d70b8'}"/>`;
    body += `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle">${esc(fmt(b.value))}${opts.unit ?? ''}</text>`;
    body += `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${esc(b.label)}</text>`;
    if (b.note) body += `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 32}" text-anchor="middle">${esc(b.note)}</text>`;
  });
  const desc = bars.map((b) => `${b.label}: ${fmt(b.value)}${opts.unit ?? ''}${b.note ? ` (${b.note})` : ''}`).join('; ');
  return frame(id, title, desc, width, height, body);
}

/** Horizontal bars with labels on the left (forces, agencies). */
export function barChart(id: string, title: string, bars: readonly Bar[], opts: { unit?: string; width?: number } = {}): string {
  const width = opts.width ?? 640;
  const rowH = 22;
  const labelW = 230;
  const height = 12 + bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - 70;
  let body = '';
  bars.forEach((b, i) => {
    const y = 8 + i * rowH;
    const w = (b.value / max) * plotW;
    body += `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label)}</text>`;
    body += `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${b.highlight ? '#f47738' : '#1d70b8'}"/>`;
    body += `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 14}">${esc(fmt(b.value))}${opts.unit ?? ''}</text>`;
  });
  const desc = bars.map((b) => `${b.label}: ${fmt(b.value)}${opts.unit ?? ''}`).join('; ');
  return frame(id, title, desc, width, height, body);
}

export interface StackRow {
  label: string;
  segments: Record<string, number>;
}

/** One 100% bar per row split into keyed segments, with a legend (charging mix by exploitation type). */
export function stackedBars(id: string, title: string, rows: readonly StackRow[], keys: readonly { key: string; label: string }[], opts: { width?: number } = {}): string {
  const width = opts.width ?? 680;
  const labelW = 170;
  const rowH = 28;
  const legendRows = Math.ceil(keys.length / 3);
  const height = 10 + rows.length * rowH + 14 + legendRows * 20;
  const plotW = width - labelW - 20;
  let body = '';
  rows.forEach((r, i) => {
    const y = 8 + i * rowH;
    const total = keys.reduce((s, k) => s + (r.segments[k.key] ?? 0), 0);
    body += `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(r.label)}</text>`;
    let x = labelW;
    keys.forEach((k, j) => {
      const v = r.segments[k.key] ?? 0;
      if (!total || !v) return;
      const w = (v / total) * plotW;
      body += `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${PALETTE[j % PALETTE.length]}"/>`;
      x += w;
    });
    if (!total) body += `<text x="${labelW}" y="${y + 16}">none</text>`;
  });
  const ly = 10 + rows.length * rowH + 8;
  keys.forEach((k, j) => {
    const col = j % 3;
    const row = Math.floor(j / 3);
    const x = labelW + col * (plotW / 3);
    const y = ly + row * 20;
    body += `<rect x="${x.toFixed(1)}" y="${y}" width="12" height="12" fill="${PALETTE[j % PALETTE.length]}"/><text x="${(x + 18).toFixed(1)}" y="${y + 11}">${esc(k.label)}</text>`;
  });
  const desc = rows
    .map((r) => `${r.label}: ${keys.map((k) => `${k.label} ${fmt(r.segments[k.key] ?? 0)}`).join(', ')}`)
    .join('; ');
  return frame(id, title, desc, width, height, body);
}
