/**
 * Horizontal bar charts as server-rendered SVG: one image with a title and a description listing every value,
 * always shown beside a table of the same figures. GOV.UK blue on white; text near-black for contrast.
 */

export interface Bar {
  label: string;
  value: number;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits a label into at most two lines of about `max` characters (the rest elided). */
function lines(label: string, max: number): string[] {
  if (label.length <= max) return [label];
  const cut = label.lastIndexOf(' ', max);
  const first = cut > 8 ? label.slice(0, cut) : label.slice(0, max);
  const rest = label.slice(first.length).trim();
  return [first, rest.length > max ? `${rest.slice(0, max - 1)}…` : rest];
}

export function barChart(
  id: string,
  title: string,
  bars: readonly Bar[],
  opts: { unit?: [string, string]; width?: number } = {},
): string {
  const width = opts.width ?? 640;
  const unit = opts.unit ?? ['partnership', 'partnerships'];
  const labelW = 250;
  const rowH = 30;
  const top = 6;
  const height = top + bars.length * rowH + 6;
  const plotW = width - labelW - 60;
  const max = Math.max(1, ...bars.map((b) => b.value));
  let body = `<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${height - 6}" stroke="#505a5f" stroke-width="1"/>`;
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = (b.value / max) * plotW;
    const ls = lines(b.label, 36);
    ls.forEach((l, j) => {
      const dy = ls.length === 1 ? 19 : 12 + j * 13;
      body += `<text x="${labelW - 8}" y="${y + dy}" text-anchor="end">${esc(l)}</text>`;
    });
    body += `<rect x="${labelW}" y="${y + 6}" width="${Math.max(0, w).toFixed(1)}" height="${rowH - 12}" fill="#1d70b8"/>`;
    body += `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 19}">${b.value.toLocaleString('en-GB')}</text>`;
  });
  const desc = bars.length
    ? bars
        .map((b) => `${b.label}: ${b.value.toLocaleString('en-GB')} ${b.value === 1 ? unit[0] : unit[1]}`)
        .join('; ')
    : 'No figures yet.';
  return `<svg class="fusion-chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}
