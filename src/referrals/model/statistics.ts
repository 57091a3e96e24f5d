/**
 * Official-statistics shaped tables (the Home Office's NRM and Duty to Notify tables) and small-cell
 * suppression for any table marked for publication, so that no victim can be re-identified: counts from 1 to
 * threshold-1 are shown as [c], and where a row or column would then have one hidden cell that its total gives
 * away, the next smallest cell is hidden too.
 */

export interface Column {
  key: string;
  label: string;
}

export interface Row {
  key: string;
  label: string;
  cells: Record<string, number>;
}

export interface StatTable {
  id: string;
  title: string;
  description: string;
  /** Marked for publication: small cells are suppressed. */
  publish: boolean;
  columns: Column[];
  rows: Row[];
  /** Key of the totals column and row, when the table has them. */
  totalColumn?: string;
  totalRow?: string;
  note?: string;
}

export const SUPPRESSED = '[c]';
export const SMALL_CELL_THRESHOLD = 5;

export interface DisplayTable extends StatTable {
  suppressed: boolean;
  display: { key: string; label: string; cells: Record<string, string> }[];
}

/** Builds a cross-tabulation with totals from counts. Rows and columns keep the order given. */
export function crossTable(
  meta: Omit<StatTable, 'columns' | 'rows' | 'totalColumn' | 'totalRow'>,
  rows: Column[],
  columns: Column[],
  counts: readonly { row: string; col: string; n: number }[],
  opts: { rowTotals?: boolean; columnTotals?: boolean } = { rowTotals: true, columnTotals: true },
): StatTable {
  const cells = new Map<string, number>();
  for (const c of counts) cells.set(`${c.row}\u0000${c.col}`, (cells.get(`${c.row}\u0000${c.col}`) ?? 0) + c.n);
  const outRows: Row[] = rows.map((r) => {
    const rowCells: Record<string, number> = {};
    let total = 0;
    for (const col of columns) {
      const n = cells.get(`${r.key}\u0000${col.key}`) ?? 0;
      rowCells[col.key] = n;
      total += n;
    }
    if (opts.rowTotals) rowCells.total = total;
    return { key: r.key, label: r.label, cells: rowCells };
  });
  const outColumns = opts.rowTotals ? [...columns, { key: 'total', label: 'Total' }] : [...columns];
  if (opts.columnTotals) {
    const totals: Record<string, number> = {};
    for (const col of outColumns) totals[col.key] = outRows.reduce((s, r) => s + (r.cells[col.key] ?? 0), 0);
    outRows.push({ key: 'total', label: 'Total', cells: totals });
  }
  return {
    ...meta,
    columns: outColumns,
    rows: outRows,
    totalColumn: opts.rowTotals ? 'total' : undefined,
    totalRow: opts.columnTotals ? 'total' : undefined,
  };
}

/** Cells hidden for publication (primary: 0 < n < threshold; secondary: so that totals give nothing away). */
export function suppressedCells(table: StatTable, threshold = SMALL_CELL_THRESHOLD): Set<string> {
  const hidden = new Set<string>();
  const id = (r: string, c: string) => `${r}\u0000${c}`;
  for (const r of table.rows) {
    for (const c of table.columns) {
      const n = r.cells[c.key] ?? 0;
      if (n > 0 && n < threshold) hidden.add(id(r.key, c.key));
    }
  }
  const bodyRows = table.rows.filter((r) => r.key !== table.totalRow);
  const bodyCols = table.columns.filter((c) => c.key !== table.totalColumn);
  // A line (row or column) whose total is shown and which hides exactly one cell: hide its next smallest cell.
  const protect = (cells: { r: string; c: string; n: number }[], totalShown: boolean) => {
    if (!totalShown) return false;
    const hiddenHere = cells.filter((x) => hidden.has(id(x.r, x.c)));
    if (hiddenHere.length !== 1) return false;
    const candidates = cells.filter((x) => !hidden.has(id(x.r, x.c)) && x.n > 0).sort((a, b) => a.n - b.n);
    if (!candidates.length) return false;
    hidden.add(id(candidates[0]!.r, candidates[0]!.c));
    return true;
  };
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    if (table.totalColumn) {
      for (const r of table.rows) {
        const cells = bodyCols.map((c) => ({ r: r.key, c: c.key, n: r.cells[c.key] ?? 0 }));
        changed = protect(cells, !hidden.has(id(r.key, table.totalColumn))) || changed;
      }
    }
    if (table.totalRow) {
      for (const c of table.columns) {
        const cells = bodyRows.map((r) => ({ r: r.key, c: c.key, n: r.cells[c.key] ?? 0 }));
        changed = protect(cells, !hidden.has(id(table.totalRow, c.key))) || changed;
      }
    }
    if (!changed) break;
  }
  return hidden;
}

/** The table as shown or downloaded: suppressed when marked for publication and suppression is asked for. */
export function forDisplay(table: StatTable, opts: { suppress: boolean; threshold?: number }): DisplayTable {
  const apply = table.publish && opts.suppress;
  const hidden = apply ? suppressedCells(table, opts.threshold) : new Set<string>();
  return {
    ...table,
    suppressed: apply,
    display: table.rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: Object.fromEntries(
        table.columns.map((c) => [c.key, hidden.has(`${r.key}\u0000${c.key}`) ? SUPPRESSED : formatCell(r.cells[c.key])]),
      ),
    })),
  };
}

const formatCell = (n: number | undefined) => (n === undefined || n === null ? '' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Rows of a display table for CSV: a header line then one line per row. */
export function csvRows(t: DisplayTable): string[][] {
  return [[t.rows.length ? 'Category' : '', ...t.columns.map((c) => c.label)], ...t.display.map((r) => [r.label, ...t.columns.map((c) => r.cells[c.key] ?? '')])];
}

export function mean(values: readonly number[]): number | null {
  if (!values.length) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Median as PostgreSQL's percentile_cont(0.5) computes it (the mean of the two middle values). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
