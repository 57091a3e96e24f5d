import { z } from 'zod';

/** Small helpers for GOV.UK forms posted as application/x-www-form-urlencoded. */

/** A checkbox group arrives as a string (one ticked), an array (several) or nothing. */
export const FormList = z.union([z.string().max(200), z.array(z.string().max(200)).max(100)]).optional();
export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);

/** A GOV.UK date input (three fields) as YYYY-MM-DD, '' when empty, or null when it cannot be a date. */
export function dateFromParts(day?: string, month?: string, year?: string): string | null {
  const d = (day ?? '').trim();
  const m = (month ?? '').trim();
  const y = (year ?? '').trim();
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export const DatePartsForm = {
  day: z.string().max(10).optional(),
  month: z.string().max(10).optional(),
  year: z.string().max(10).optional(),
};

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Sends rows as a CSV download. */
export async function csvReply(
  reply: import('fastify').FastifyReply,
  filename: string,
  columns: string[],
  rows: (string | number | null | undefined)[][],
) {
  const { stringify } = await import('csv-stringify/sync');
  const body = stringify([columns, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : csvSafe(String(v)))))]);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Spreadsheet formula injection: a cell starting with = + - @ is prefixed so it is read as text. */
export const csvSafe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
