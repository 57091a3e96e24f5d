import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideAction } from '../../kernel/access/policy.js';
import { AppError, errorMap, errorSummary, type FieldError } from '../../kernel/errors.js';

/** Renders a form page again with the GOV.UK error summary when an operation refuses the input (4xx with fields). */
export function rerender(reply: FastifyReply, err: unknown, template: string, data: Record<string, unknown>, rename: Record<string, string> = {}) {
  if (!(err instanceof AppError) || err.status >= 500 || (!err.fields.length && err.status !== 409 && err.status !== 412)) throw err;
  const fields: FieldError[] = (err.fields.length ? err.fields : [{ field: 'form', message: err.message }]).map((f) => ({
    field: renameField(f.field, rename),
    message: f.message,
  }));
  return reply.status(err.status === 400 ? 400 : err.status).page(template, { ...data, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
}

function renameField(field: string, rename: Record<string, string>) {
  if (rename[field]) return rename[field]!;
  for (const [from, to] of Object.entries(rename)) if (field.startsWith(`${from}.`)) return to;
  return field;
}

export function formErrors(reply: FastifyReply, fields: FieldError[], template: string, data: Record<string, unknown>) {
  return reply.status(422).page(template, { ...data, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
}

export const may = (req: FastifyRequest, action: string) => decideAction(req.principal, action).allow;

/** The query string without paging and format, for CSV and pagination links. */
export function queryWithout(query: Record<string, unknown>, ...drop: string[]) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (!drop.includes(k) && v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

export function pagination(base: string, query: Record<string, unknown>, page: number, total: number, perPage: number) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  const qs = queryWithout(query, 'page');
  const href = (n: number) => `${base}?${qs ? `${qs}&` : ''}page=${n}`;
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) items.push({ number: n, href: href(n), current: n === page });
    else if (!(items.at(-1) && 'ellipsis' in items.at(-1)!)) items.push({ ellipsis: true });
  }
  return {
    items,
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}

export const pct = (v: number | null | undefined, digits = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '-' : `${(v * 100).toFixed(digits)}%`);
