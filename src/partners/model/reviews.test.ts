import { describe, expect, it } from 'vitest';
import { checkReview, measuresRecorded, monthsAfter, monthsBefore, reviewStatus } from './reviews.js';

describe('annual review rules', () => {
  it('moves dates by months, clamping to the end of the month', () => {
    expect(monthsBefore('2026-11-24', 12)).toBe('2025-11-24');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 3)).toBe('2025-12-15');
  });

  it('is overdue with no review in the last 12 months, or none at all', () => {
    expect(reviewStatus(null, '2026-11-24')).toMatchObject({ overdue: true, lastReviewedOn: null });
    expect(reviewStatus('2025-11-24', '2026-11-24')).toMatchObject({ overdue: false, dueOn: '2026-11-24' });
    expect(reviewStatus('2025-11-23', '2026-11-24')).toMatchObject({
      overdue: true,
      dueOn: '2026-11-23',
      daysOverdue: 1,
    });
    expect(reviewStatus('2026-06-01', '2026-11-24')).toMatchObject({
      overdue: false,
      dueOn: '2027-06-01',
      daysOverdue: 0,
    });
  });

  it('refuses reviews that make no sense, field by field', () => {
    const ok = {
      periodStart: '2025-10-01',
      periodEnd: '2026-09-30',
      reviewedOn: '2026-10-15',
      today: '2026-11-24',
      measures: { meetingsHeld: 4, victimsIdentified: null },
    };
    expect(checkReview(ok)).toEqual([]);
    expect(checkReview({ ...ok, periodEnd: '2025-09-30' }).map((e) => e.field)).toContain('periodEnd');
    expect(checkReview({ ...ok, reviewedOn: '2026-12-01' }).map((e) => e.field)).toEqual(['reviewedOn']);
    expect(checkReview({ ...ok, periodStart: '2024-01-01' }).map((e) => e.field)).toEqual(['periodEnd']);
    expect(checkReview({ ...ok, measures: { meetingsHeld: -1 } }).map((e) => e.field)).toEqual([
      'meetingsHeld',
    ]);
    expect(checkReview({ ...ok, measures: { meetingsHeld: 1.5 } }).map((e) => e.field)).toEqual([
      'meetingsHeld',
    ]);
  });

  it('counts how many of the standard measures a review filled in', () => {
    expect(measuresRecorded({ meetingsHeld: 4, frontlineStaffTrained: 0, victimsIdentified: null })).toBe(2);
  });
});
