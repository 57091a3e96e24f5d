/**
 * A server-rendered horizontal bar chart of how long people in the backlog have waited. It needs no
 * JavaScript; the same figures are in the table below it, and the SVG carries a text alternative.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function backlogChart(bands: { label: string; count: number }[]): string {
  const width = 640;
  const labelW = 150;
  const barH = 28;
  const gap = 10;
  const height = bands.length * (barH + gap) + 10;
  const max = Math.max(1, ...bands.map((b) => b.count));
  const alt = `Bar chart of people awaiting a conclusive grounds decision by time waited: ${bands.map((b) => `${b.label} ${b.count}`).join(', ')}.`;
  const bars = bands
    .map((b, i) => {
      const y = i * (barH + gap) + 5;
      const w = Math.round(((width - labelW - 80) * b.count) / max);
      return `<text x="0" y="${y + barH / 2 + 4}">${esc(b.label)}</text><rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="#1d70b8"></rect><text x="${labelW + w + 6}" y="${y + barH / 2 + 4}">${b.count.toLocaleString('en-GB')}</text>`;
    })
    .join('');
  return `<figure class="govuk-!-margin-0 govuk-!-margin-bottom-6"><svg class="fusion-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="backlog-chart-title"><title id="backlog-chart-title">${esc(alt)}</title>${bars}</svg><figcaption class="govuk-body-s">Time waited by people awaiting a conclusive grounds decision (the figures are in the table below).</figcaption></figure>`;
}
