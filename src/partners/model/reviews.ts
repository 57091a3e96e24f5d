/**
 * The annual review of a partnership. Seed 003 found that most partnerships measured progress only through
 * "minutes and actions" and that output or outcome measures were rare, and recommended consistent measures and
 * monitoring every partnership at least annually. Every review therefore records the same outputs (what the
 * partnership did) and outcomes (what changed), so reviews compare across partnerships and years.
 */

export interface Measure {
  key: string;
  label: string;
  hint: string;
}

export const OUTPUT_MEASURES: readonly Measure[] = [
  {
    key: 'meetingsHeld',
    label: 'Partnership meetings held',
    hint: 'Full partnership and sub-group meetings in the period',
  },
  {
    key: 'frontlineStaffTrained',
    label: 'Frontline staff trained',
    hint: 'People who completed modern slavery training arranged by the partnership',
  },
  {
    key: 'awarenessActivities',
    label: 'Community awareness activities',
    hint: 'Campaigns, events and materials published',
  },
  {
    key: 'intelligenceShared',
    label: 'Intelligence submissions shared',
    hint: 'Submissions made or passed on through the partnership',
  },
  {
    key: 'referralsCoordinated',
    label: 'NRM referrals and Duty to Notify reports coordinated',
    hint: 'Referrals made or coordinated by partners',
  },
  {
    key: 'jointOperations',
    label: 'Joint operations and multi-agency visits',
    hint: 'Visits to premises and operations with more than one partner',
  },
];

export const OUTCOME_MEASURES: readonly Measure[] = [
  {
    key: 'victimsIdentified',
    label: 'Potential victims identified',
    hint: 'People identified as potential victims through partnership work',
  },
  {
    key: 'survivorsSupported',
    label: 'Survivors supported into services',
    hint: 'People who took up support, accommodation or advice',
  },
  {
    key: 'disruptions',
    label: 'Disruptions',
    hint: 'Disruptions of offenders or organised crime groups recorded',
  },
  {
    key: 'peopleCharged',
    label: 'People charged',
    hint: 'People charged with modern slavery or related offences',
  },
];

export const ALL_MEASURES = [...OUTPUT_MEASURES, ...OUTCOME_MEASURES];
export type Measures = Record<string, number | null>;

export const PROGRESS_RATINGS = [
  { value: 'on-track', text: 'On track', tag: 'govuk-tag--green' },
  { value: 'some-concerns', text: 'Some concerns', tag: 'govuk-tag--yellow' },
  { value: 'off-track', text: 'Not on track', tag: 'govuk-tag--red' },
] as const;
export type ProgressRating = (typeof PROGRESS_RATINGS)[number]['value'];
export const ratingOf = (v: string) => PROGRESS_RATINGS.find((r) => r.value === v);

/** The same day a number of months earlier (clamped to the month's end: 29 Feb minus 12 months is 28 Feb). */
export function monthsBefore(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
export const monthsAfter = (isoDay: string, months: number) => monthsBefore(isoDay, -months);

export interface ReviewStatus {
  /** No review in the last 12 months (or never reviewed). */
  overdue: boolean;
  lastReviewedOn: string | null;
  /** When the next review is due: 12 months after the last, or now when never reviewed. */
  dueOn: string;
  /** Whole days past due (0 when not overdue). */
  daysOverdue: number | null;
}

export function reviewStatus(lastReviewedOn: string | null, today: string): ReviewStatus {
  if (!lastReviewedOn) return { overdue: true, lastReviewedOn: null, dueOn: today, daysOverdue: null };
  const dueOn = monthsAfter(lastReviewedOn, 12);
  const overdue = lastReviewedOn < monthsBefore(today, 12);
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
  return { overdue, lastReviewedOn, dueOn, daysOverdue: overdue ? Math.max(0, days) : 0 };
}

export interface ReviewCheck {
  periodStart: string;
  periodEnd: string;
  reviewedOn: string;
  today: string;
  measures: Measures;
}

/** Field errors for a review that is well-formed but does not make sense. */
export function checkReview(r: ReviewCheck): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (r.periodEnd < r.periodStart)
    errors.push({ field: 'periodEnd', message: 'The end of the period must be after its start' });
  if (r.reviewedOn > r.today)
    errors.push({ field: 'reviewedOn', message: 'The review date cannot be in the future' });
  if (r.periodStart > r.today)
    errors.push({ field: 'periodStart', message: 'The period reviewed cannot start in the future' });
  if (monthsAfter(r.periodStart, 18) < r.periodEnd)
    errors.push({ field: 'periodEnd', message: 'A review covers at most 18 months; review each year' });
  for (const m of ALL_MEASURES) {
    const v = r.measures[m.key];
    if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 1_000_000)) {
      errors.push({
        field: m.key,
        message: `${m.label} must be a whole number from 0 to 1,000,000, or left blank if not measured`,
      });
    }
  }
  return errors;
}

/** How many measures a review filled in: the consistency the seed asks for, as a figure. */
export const measuresRecorded = (m: Measures) =>
  ALL_MEASURES.filter((x) => m[x.key] !== null && m[x.key] !== undefined).length;
