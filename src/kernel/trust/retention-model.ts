import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { isIsoDate } from './agreements-model.js';

/** MoPI-style review: retain with a next review date, or dispose. Pure rules. */

export const MAX_RETAIN_YEARS = 10;

export const RetentionDecisionInput = z.object({
  decision: z.enum(['retain', 'dispose']).optional(),
  reason: z.string().max(2000).optional(),
  nextReview: z.string().max(10).nullable().optional(),
});
export type RetentionDecisionInput = z.infer<typeof RetentionDecisionInput>;

export interface CheckedDecision {
  decision: 'retain' | 'dispose';
  reason: string;
  nextReview: string | null;
}

export function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function checkDecision(input: RetentionDecisionInput, today: string): { ok: true; value: CheckedDecision } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const reason = (input.reason ?? '').trim();
  if (!input.decision) fields.push({ field: 'decision', message: 'Select whether to retain or dispose of the record' });
  if (!reason) fields.push({ field: 'reason', message: 'Enter the reason for the decision' });
  const next = input.nextReview?.trim() || null;
  if (input.decision === 'retain') {
    if (!next) fields.push({ field: 'nextReview', message: 'Enter the date of the next review' });
    else if (!isIsoDate(next)) fields.push({ field: 'nextReview', message: 'The next review must be a real date' });
    else if (next <= today) fields.push({ field: 'nextReview', message: 'The next review must be in the future' });
    else if (next > addYears(today, MAX_RETAIN_YEARS)) fields.push({ field: 'nextReview', message: `The next review must be within ${MAX_RETAIN_YEARS} years` });
  }
  if (input.decision === 'dispose' && next) fields.push({ field: 'nextReview', message: 'A record being disposed of has no next review' });
  if (fields.length) return { ok: false, fields };
  return { ok: true, value: { decision: input.decision!, reason, nextReview: input.decision === 'retain' ? next : null } };
}

export const daysOverdue = (review: string, today: string) =>
  Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${review}T00:00:00Z`)) / 86_400_000);
