/**
 * Server-rendered SVG charts for the dashboards: no script, a title and description for assistive technology,
 * and always shown beside a table of the same figures. Series differ by colour and by line pattern and marker so
 * they are told apart without colour.
 */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#b58840', '#505a5f'];
const DASHES = ['', '6 4', '2 3', '10 4 2 4', '', '4 4'];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(1));

export function lineChart(opts: {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: ChartSeries[];
  unit?: string;
}): string {
  const W = 640;
  const H = 260;
  const M = { top: 16, right: 16, bottom: 56, left: 56 };
  const w = W - M.left - M.right;
  const h = H - M.top - M.bottom;
  const all = opts.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(0, ...all));
  const n = opts.categories.length;
  const x = (i: number) => M.left + (n <= 1 ? w / 2 : (i / (n - 1)) * w);
  const y = (v: number) => M.top + h - (v / max) * h;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(n / 12));
  const parts: string[] = [];
  parts.push(
    `<svg class="fusion-chart perf-chart" viewBox="0 0 ${W} ${H + 24 * Math.ceil(opts.series.length / 3)}" role="img" aria-labelledby="${opts.id}-t ${opts.id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(opts.description)}</desc>`,
  );
  for (const t of ticks) {
    parts.push(
      `<line x1="${M.left}" x2="${M.left + w}" y1="${y(t)}" y2="${y(t)}" stroke="#b1b4b6" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end">${esc(fmt(t))}${opts.unit === 'percent' ? '%' : ''}</text>`,
    );
  }
  opts.categories.forEach((c, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    parts.push(`<text x="${x(i)}" y="${M.top + h + 18}" text-anchor="middle">${esc(c)}</text>`);
  });
  opts.series.forEach((s, si) => {
    const colour = COLOURS[si % COLOURS.length];
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d && s.values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2.5"${DASHES[si % DASHES.length] ? ` stroke-dasharray="${DASHES[si % DASHES.length]}"` : ''}/>`,
    );
    s.values.forEach((v, i) => {
      if (v === null) return;
      parts.push(marker(si, x(i), y(v), colour!));
    });
  });
  opts.series.forEach((s, si) => {
    const lx = M.left + (si % 3) * 200;
    const ly = H - 8 + Math.floor(si / 3) * 24;
    const colour = COLOURS[si % COLOURS.length]!;
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2.5"${DASHES[si % DASHES.length] ? ` stroke-dasharray="${DASHES[si % DASHES.length]}"` : ''}/>`,
    );
    parts.push(marker(si, lx + 14, ly - 4, colour));
    parts.push(`<text x="${lx + 34}" y="${ly}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function marker(si: number, cx: number, cy: number, colour: string): string {
  switch (si % 3) {
    case 0:
      return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5" fill="${colour}"/>`;
    case 1:
      return `<rect x="${(cx - 3.5).toFixed(1)}" y="${(cy - 3.5).toFixed(1)}" width="7" height="7" fill="${colour}"/>`;
    default:
      return `<path d="M${cx.toFixed(1)},${(cy - 4.5).toFixed(1)}L${(cx + 4.5).toFixed(1)},${(cy + 3.5).toFixed(1)}L${(cx - 4.5).toFixed(1)},${(cy + 3.5).toFixed(1)}Z" fill="${colour}"/>`;
  }
}

/** Horizontal bars, one per category (e.g. disruptions recorded by each force). */
export function barChart(opts: {
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number; highlight?: boolean }[];
  unit?: string;
}): string {
  const rowH = 22;
  const W = 640;
  const left = 220;
  const right = 60;
  const H = opts.bars.length * rowH + 16;
  const max = niceMax(Math.max(0, ...opts.bars.map((b) => b.value)));
  const parts = [
    `<svg class="fusion-chart perf-chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${opts.id}-t ${opts.id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(opts.description)}</desc>`,
  ];
  opts.bars.forEach((b, i) => {
    const y = 8 + i * rowH;
    const bw = ((W - left - right) * b.value) / max;
    parts.push(
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label)}</text>`,
    );
    parts.push(
      `<rect x="${left}" y="${y + 3}" width="${bw.toFixed(1)}" height="${rowH - 8}" fill="${b.highlight ? '#d4351c' : '#1d70b8'}"/>`,
    );
    parts.push(
      `<text x="${left + bw + 6}" y="${y + 14}">${esc(fmt(b.value))}${opts.unit === 'percent' ? '%' : ''}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
