/**
 * How a measure's result is shown and downloaded: figures formatted, tables (and the trend's table) passed
 * through the small-number rule when the output is for publication, the trend drawn as SVG from the same numbers
 * the table shows. Pure.
 */
import {
  csvRows,
  type DisplayTable,
  forDisplay,
  SMALL_CELL_THRESHOLD,
  type StatTable,
  SUPPRESSED,
} from '../referrals/model/statistics.js';
import { lineChart } from './charts.js';
import type { Figure, MeasureDef, MeasureResult, Trend } from './measures.js';

export { SUPPRESSED };

const small = (n: number) => n > 0 && n < SMALL_CELL_THRESHOLD;

/** Whether a figure is hidden under the small-number rule (counts, and rates whose numerator or denominator is small). */
export function figureSuppressed(f: Figure, publication: boolean): boolean {
  if (!publication || f.value === null) return false;
  if (f.unit === 'count') return small(f.value);
  if (f.unit === 'percent' && f.of) return small(f.of.n) || small(f.of.d);
  return false;
}

export function formatFigure(f: Figure): string {
  if (f.value === null) return f.missing ? `Not available (${f.missing.toLowerCase()})` : 'Not available';
  if (f.unit === 'percent') return `${f.value.toFixed(1)}%`;
  if (f.unit === 'days') return `${f.value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} days`;
  return f.value.toLocaleString('en-GB');
}

export function trendTable(id: string, t: Trend, publish: boolean): StatTable {
  return {
    id: `${id}-trend`,
    title: t.title,
    description: t.description,
    publish,
    columns: t.series.map((s) => ({ key: s.key, label: s.name })),
    rows: t.categories.map((c, i) => ({
      key: c,
      label: c,
      cells: Object.fromEntries(t.series.map((s) => [s.key, s.values[i] ?? 0])),
    })),
  };
}

export interface MeasureView {
  id: string;
  title: string;
  definition: string;
  source: string;
  publish: boolean;
  available: boolean;
  reason?: string;
  figures: { key: string; label: string; text: string; suppressed: boolean }[];
  tables: DisplayTable[];
  trend: { table: DisplayTable; svg: string } | null;
  notes: string[];
}

export function present(
  def: MeasureDef,
  r: MeasureResult,
  opts: { publication: boolean; sourceLabel: string },
): MeasureView {
  const base = {
    id: def.id,
    title: def.title,
    definition: def.definition,
    source: opts.sourceLabel,
    publish: def.publish,
    available: r.available,
    reason: r.reason,
    notes: r.notes,
  };
  if (!r.available) return { ...base, figures: [], tables: [], trend: null };
  const apply = opts.publication && def.publish;
  const figures = r.figures.map((f) => {
    const suppressed = figureSuppressed(f, apply);
    return { key: f.key, label: f.label, text: suppressed ? SUPPRESSED : formatFigure(f), suppressed };
  });
  const tables = r.tables.map((t) =>
    forDisplay({ ...t, publish: t.publish && def.publish }, { suppress: apply }),
  );
  let trend: MeasureView['trend'] = null;
  if (r.trend && r.trend.categories.length) {
    const table = forDisplay(trendTable(def.id, r.trend, def.publish), { suppress: apply });
    // The chart draws what the table shows: a suppressed cell is a gap in the line.
    const series = r.trend.series.map((s) => ({
      name: s.name,
      values: table.display.map((row, i) => (row.cells[s.key] === SUPPRESSED ? null : (s.values[i] ?? null))),
    }));
    const svg = lineChart({
      id: `chart-${def.id}`,
      title: `${def.title}: ${r.trend.title}`,
      description: `${r.trend.description} The table below the chart gives the same figures.`,
      categories: r.trend.categories,
      series,
      unit: r.trend.unit,
    });
    trend = { table, svg };
  }
  return { ...base, figures, tables, trend };
}

/** CSV of one displayed table, with a title line so a file read alone says what it is. */
export function tableCsvRows(measureTitle: string, t: DisplayTable): string[][] {
  return [[`${measureTitle}: ${t.title}`], ...csvRows(t)];
}

/** Every figure of every measure in one CSV: measure, figure, value (as displayed). */
export function figuresCsvRows(
  views: MeasureView[],
  scopeLabel: string,
  period: { from: string; to: string },
): string[][] {
  const rows: string[][] = [['Area', 'Period from', 'Period to', 'Measure', 'Figure', 'Value', 'Definition']];
  for (const v of views) {
    if (!v.available)
      rows.push([scopeLabel, period.from, period.to, v.title, '', 'Not available', v.definition]);
    for (const f of v.figures)
      rows.push([scopeLabel, period.from, period.to, v.title, f.label, f.text, v.definition]);
  }
  return rows;
}
