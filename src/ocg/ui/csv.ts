import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

export interface CsvColumn<T> {
  key: string;
  header: string;
  value?: (row: T) => unknown;
}

/** Writes a table as a CSV download (every table on the pages has one). */
export function sendCsv<T extends Record<string, unknown>>(reply: FastifyReply, filename: string, columns: readonly CsvColumn<T>[], rows: readonly T[]) {
  const body = stringify(
    rows.map((r) => columns.map((c) => csvValue(c.value ? c.value(r) : r[c.key]))),
    { header: true, columns: columns.map((c) => c.header) },
  );
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, '-')}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function csvValue(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const s = String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
