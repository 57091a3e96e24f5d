/** Small helpers for the capability's HTML forms (urlencoded bodies parsed by the kernel into strings and arrays). */
import { z } from 'zod';
import { AppError, errorMap, errorSummary, type FieldError } from '../../kernel/errors.js';

export const FormBody = z
  .record(z.string(), z.union([z.string().max(100_000), z.array(z.string().max(100_000)).max(500)]))
  .default({});
export type Form = z.infer<typeof FormBody>;

export const str = (f: Form, k: string): string => {
  const v = f[k];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};
export const opt = (f: Form, k: string): string | null => str(f, k) || null;
export const list = (f: Form, k: string): string[] => {
  const v = f[k];
  return (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
};
export const bool = (f: Form, k: string): boolean | null => {
  const v = str(f, k);
  return v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : null;
};
export const int = (f: Form, k: string): number | null => {
  const v = str(f, k);
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
};
export const codesOf = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

/** A GOV.UK date input (prefix-day, prefix-month, prefix-year) as YYYY-MM-DD; '' when empty; null when invalid. */
export function dateOf(f: Form, prefix: string): string | null | '' {
  const d = str(f, `${prefix}-day`);
  const m = str(f, `${prefix}-month`);
  const y = str(f, `${prefix}-year`);
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}

export const dateParts = (iso: string | null | undefined) => {
  if (!iso) return { day: '', month: '', year: '' };
  const [year, month, day] = String(iso).slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

/** Template data for a form re-shown with errors. */
export function errorsOf(fields: FieldError[]) {
  return { errors: errorSummary(fields), fieldErrors: errorMap(fields) };
}

/** Runs `fn`; a validation failure (4xx with fields) becomes template error data instead of an error page. */
export async function withFieldErrors<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; status: number; fields: FieldError[]; error: AppError }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (
      e instanceof AppError &&
      e.status >= 400 &&
      e.status < 500 &&
      e.status !== 404 &&
      e.status !== 403 &&
      e.fields.length
    ) {
      return { ok: false, status: e.status, fields: e.fields, error: e };
    }
    throw e;
  }
}

export const PAGE_SIZE = 50;

export function pagination(base: string, query: Record<string, unknown>, total: number, page: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v && k !== 'page') q.set(k, v);
    q.set('page', String(n));
    return `${base}?${q}`;
  };
  const items = [];
  for (let n = Math.max(1, page - 3); n <= Math.min(pages, page + 3); n++)
    items.push({ number: n, href: href(n), current: n === page });
  return {
    items,
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}

export function queryString(query: Record<string, unknown>, drop: string[] = []): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (typeof v === 'string' && v && !drop.includes(k)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
