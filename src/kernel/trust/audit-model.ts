import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { isIsoDate } from './agreements-model.js';

/** Auditors' search of the audit log: the filter, checked. */

export const AuditQuery = z.object({
  user: z.string().max(320).optional(),
  agency: z.string().max(100).optional(),
  action: z.string().max(200).optional(),
  entityKind: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  outcome: z.enum(['', 'ok', 'refused', 'failed']).optional(),
  /** Keyset paging: entries older than this sequence number. */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditFilter {
  user?: string;
  agency?: string;
  action?: string;
  entityKind?: string;
  entityId?: string;
  from?: string;
  to?: string;
  outcome?: 'ok' | 'refused' | 'failed';
  before?: number;
}

export function checkAuditQuery(q: AuditQuery): { ok: true; filter: AuditFilter } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const t = (v?: string) => v?.trim() || undefined;
  const from = t(q.from);
  const to = t(q.to);
  if (from && !isIsoDate(from)) fields.push({ field: 'from', message: 'The from date must be a real date, like 2026-01-31' });
  if (to && !isIsoDate(to)) fields.push({ field: 'to', message: 'The to date must be a real date, like 2026-01-31' });
  if (from && to && isIsoDate(from) && isIsoDate(to) && to < from) fields.push({ field: 'to', message: 'The to date must be the same as or after the from date' });
  if (fields.length) return { ok: false, fields };
  return {
    ok: true,
    filter: {
      user: t(q.user)?.toLowerCase(),
      agency: t(q.agency),
      action: t(q.action),
      entityKind: t(q.entityKind),
      entityId: t(q.entityId),
      from,
      to,
      outcome: q.outcome || undefined,
      before: q.before,
    },
  };
}

/** The filter as query-string pairs (for paging and CSV links). */
export function filterParams(f: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== 'before') out[k] = String(v);
  return out;
}
