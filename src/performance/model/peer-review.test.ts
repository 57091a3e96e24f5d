import { describe, expect, it } from 'vitest';
import { isItemOverdue, isRevisitOverdue, ReviewInput, updateErrors } from './peer-review.js';

describe('peer review rules', () => {
  it('needs evidence to mark a recommendation done, and no future dates', () => {
    expect(
      updateErrors(
        { status: 'done', note: 'Finished', evidence: '', recorded_on: '2026-11-01' },
        '2026-11-24',
      ).map((e) => e.field),
    ).toEqual(['evidence']);
    expect(
      updateErrors(
        { status: 'in_progress', note: 'Started', evidence: '', recorded_on: '2026-12-01' },
        '2026-11-24',
      ).map((e) => e.field),
    ).toEqual(['recorded_on']);
    expect(
      updateErrors(
        { status: 'done', note: 'Finished', evidence: 'Minutes', recorded_on: '2026-11-24' },
        '2026-11-24',
      ),
    ).toEqual([]);
  });

  it('flags overdue plan items and revisits', () => {
    expect(isItemOverdue({ status: 'in_progress', due_on: '2026-01-01' }, '2026-11-24')).toBe(true);
    expect(isItemOverdue({ status: 'done', due_on: '2026-01-01' }, '2026-11-24')).toBe(false);
    expect(
      isRevisitOverdue(
        { status: 'reported', revisit_due_on: '2026-06-01', revisited_on: null },
        '2026-11-24',
      ),
    ).toBe(true);
    expect(
      isRevisitOverdue(
        { status: 'revisited', revisit_due_on: '2026-06-01', revisited_on: '2026-06-10' },
        '2026-11-24',
      ),
    ).toBe(false);
  });

  it('refuses a report dated before its fieldwork and a revisit due before the report', () => {
    const base = { agency_code: 'kent', fieldwork_on: '2024-03-01', lead_reviewer: 'A Reviewer' };
    expect(ReviewInput.safeParse({ ...base, reported_on: '2024-02-01' }).error?.issues[0]?.path).toEqual([
      'reported_on',
    ]);
    expect(
      ReviewInput.safeParse({ ...base, reported_on: '2024-04-01', revisit_due_on: '2024-03-15' }).error
        ?.issues[0]?.path,
    ).toEqual(['revisit_due_on']);
    expect(
      ReviewInput.safeParse({ ...base, reported_on: '2024-04-01', revisit_due_on: '2025-04-01' }).success,
    ).toBe(true);
  });
});
