import { z } from 'zod';
import type { IsoDate } from './dates.js';

/**
 * MSOICU peer reviews (seed 004): a force's or ROCU's response reviewed over five areas, ending in an enhancement
 * plan of recommendations with owners and due dates, with progress updates and a revisit.
 */
export const AREAS = [
  { value: 'leadership_governance', text: 'Leadership and governance' },
  { value: 'intelligence', text: 'Intelligence collection and development' },
  { value: 'operational_response', text: 'Operational response' },
  { value: 'investigations', text: 'Investigations' },
  { value: 'training', text: 'Training and awareness' },
] as const;
export type Area = (typeof AREAS)[number]['value'];
export const AREA_VALUES = AREAS.map((a) => a.value) as [Area, ...Area[]];
export const areaLabel = (v: string) => AREAS.find((a) => a.value === v)?.text ?? v;

export const RATINGS = [
  { value: 'effective', text: 'Effective' },
  { value: 'partly_effective', text: 'Partly effective' },
  { value: 'needs_improvement', text: 'Needs improvement' },
] as const;
export const ratingLabel = (v: string | null) => RATINGS.find((r) => r.value === v)?.text ?? 'Not rated';

export const REVIEW_STATUSES = [
  { value: 'planned', text: 'Planned' },
  { value: 'reported', text: 'Reported: plan in progress' },
  { value: 'revisited', text: 'Revisited' },
  { value: 'closed', text: 'Closed' },
] as const;
export const reviewStatusLabel = (v: string) => REVIEW_STATUSES.find((s) => s.value === v)?.text ?? v;

export const ITEM_STATUSES = [
  { value: 'not_started', text: 'Not started' },
  { value: 'in_progress', text: 'In progress' },
  { value: 'done', text: 'Done' },
  { value: 'not_accepted', text: 'Not accepted' },
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number]['value'];
export const itemStatusLabel = (v: string) => ITEM_STATUSES.find((s) => s.value === v)?.text ?? v;

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

export const AreaInput = z.object({
  area: z.enum(AREA_VALUES),
  rating: z
    .enum(RATINGS.map((r) => r.value) as [string, ...string[]])
    .nullable()
    .default(null),
  findings: text(5000).default(''),
  good_practice: text(5000).default(''),
});

export const ReviewInput = z
  .object({
    agency_code: text(60).min(1, 'Select the force or ROCU reviewed'),
    fieldwork_on: date,
    reported_on: date.nullable().default(null),
    revisit_due_on: date.nullable().default(null),
    lead_reviewer: text(200).min(1, 'Enter the lead reviewer'),
    summary: text(5000).default(''),
    areas: z.array(AreaInput).max(5).default([]),
  })
  .superRefine((v, ctx) => checkDates(v, ctx));

export const ReviewPatch = z
  .object({
    status: z.enum(REVIEW_STATUSES.map((s) => s.value) as [string, ...string[]]).optional(),
    reported_on: date.nullable().optional(),
    revisit_due_on: date.nullable().optional(),
    revisited_on: date.nullable().optional(),
    lead_reviewer: text(200).min(1).optional(),
    summary: text(5000).optional(),
    areas: z.array(AreaInput).max(5).optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type ReviewPatch = z.infer<typeof ReviewPatch>;

export const ItemInput = z.object({
  area: z.enum(AREA_VALUES),
  text: text(3000).min(1, 'Enter the recommendation'),
  owner: text(200).min(1, 'Enter who owns the recommendation'),
  due_on: date,
});
export type ItemInput = z.infer<typeof ItemInput>;

export const UpdateInput = z.object({
  status: z.enum(ITEM_STATUSES.map((s) => s.value) as [ItemStatus, ...ItemStatus[]]),
  note: text(3000).min(1, 'Describe the progress made'),
  evidence: text(3000).default(''),
  recorded_on: date,
  version: z.number().int().positive().optional(),
});
export type UpdateInput = z.infer<typeof UpdateInput>;

function checkDates(
  v: { fieldwork_on: string; reported_on: string | null; revisit_due_on: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.reported_on && v.reported_on < v.fieldwork_on)
    ctx.addIssue({
      code: 'custom',
      path: ['reported_on'],
      message: 'The report date must be on or after the fieldwork',
    });
  if (v.revisit_due_on && v.revisit_due_on < (v.reported_on ?? v.fieldwork_on))
    ctx.addIssue({
      code: 'custom',
      path: ['revisit_due_on'],
      message: 'The revisit must be due after the review',
    });
}

/** A done item needs evidence: the enhancement plan is tracked to done, not to "we said so". */
export function updateErrors(u: UpdateInput, today: IsoDate): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (u.status === 'done' && !u.evidence.trim())
    errors.push({ field: 'evidence', message: 'Enter the evidence that the recommendation is done' });
  if (u.recorded_on > today)
    errors.push({ field: 'recorded_on', message: 'The date of the update cannot be in the future' });
  return errors;
}

export const isItemOverdue = (i: { status: string; due_on: string }, today: IsoDate) =>
  (i.status === 'not_started' || i.status === 'in_progress') && i.due_on < today;
export const isRevisitOverdue = (
  r: { status: string; revisit_due_on: string | null; revisited_on: string | null },
  today: IsoDate,
) => r.status === 'reported' && !r.revisited_on && !!r.revisit_due_on && r.revisit_due_on < today;
