import { describe, expect, it } from 'vitest';
import { awaitingCg, propose, requestReconsideration, review, rgDueOn, type WorkflowState } from './workflow.js';

const submitted: WorkflowState = { status: 'awaiting_rg', submittedOn: '2026-10-01', recoveryEndsOn: null };
const reasons = 'The indicators of control and the account meet the threshold.';

describe('competent-authority state machine', () => {
  it('proposes a reasonable grounds decision that a different reviewer upholds, starting the recovery period', () => {
    const p = propose(submitted, { stage: 'rg', outcome: 'positive', reasons, decidedOn: '2026-10-05' }, '2026-10-05');
    expect(p).toMatchObject({ ok: true, next: 'rg_review', fromStatus: 'awaiting_rg' });
    const r = review(
      { ...submitted, status: 'rg_review' },
      { stage: 'rg', outcome: 'positive', decidedBy: 'grace', decidedOn: '2026-10-05', fromStatus: 'awaiting_rg' },
      { reviewerId: 'oliver', upheld: true, declaresNoImmigrationInvolvement: true, notes: '', reviewedOn: '2026-10-06' },
      { recoveryPeriodDays: 45 },
    );
    expect(r).toEqual({ ok: true, next: 'awaiting_cg', issuedOn: '2026-10-06', recoveryEndsOn: '2026-11-20' });
    expect(awaitingCg('awaiting_cg')).toBe(true);
  });

  it('targets five working days for the reasonable grounds decision', () => {
    expect(rgDueOn('2026-10-01')).toBe('2026-10-08');
  });

  it('refuses a conclusive grounds decision before the recovery period ends, naming the date', () => {
    const s: WorkflowState = { status: 'awaiting_cg', submittedOn: '2026-10-01', recoveryEndsOn: '2026-11-20' };
    const p = propose(s, { stage: 'cg', outcome: 'positive', reasons, decidedOn: '2026-11-19' }, '2026-11-19');
    expect(p).toMatchObject({ ok: false, field: 'decidedOn', message: 'A conclusive grounds decision cannot be made before the recovery period ends on 20 November 2026.' });
    expect(propose(s, { stage: 'cg', outcome: 'positive', reasons, decidedOn: '2026-11-20' }, '2026-11-20')).toMatchObject({ ok: true, next: 'cg_review' });
    // Nor can a reviewer issue one early.
    const early = review(
      { ...s, status: 'cg_review' },
      { stage: 'cg', outcome: 'positive', decidedBy: 'grace', decidedOn: '2026-11-20', fromStatus: 'awaiting_cg' },
      { reviewerId: 'oliver', upheld: true, declaresNoImmigrationInvolvement: true, notes: '', reviewedOn: '2026-11-19' },
      { recoveryPeriodDays: 45 },
    );
    expect(early.ok).toBe(false);
  });

  it('refuses a second review by the decision-maker who made the decision, or without the declaration', () => {
    const pending = { stage: 'rg' as const, outcome: 'negative' as const, decidedBy: 'oliver', decidedOn: '2026-10-05', fromStatus: 'awaiting_rg' as const };
    const state = { ...submitted, status: 'rg_review' as const };
    expect(review(state, pending, { reviewerId: 'oliver', upheld: true, declaresNoImmigrationInvolvement: true, notes: '', reviewedOn: '2026-10-06' }, { recoveryPeriodDays: 45 })).toMatchObject({
      ok: false,
      field: 'reviewer',
      message: 'The second review must be made by a different decision-maker from the one who made the decision.',
    });
    expect(review(state, pending, { reviewerId: 'amira', upheld: true, declaresNoImmigrationInvolvement: false, notes: '', reviewedOn: '2026-10-06' }, { recoveryPeriodDays: 45 })).toMatchObject({
      ok: false,
      field: 'declaresNoImmigrationInvolvement',
    });
  });

  it('returns a decision that is not upheld to where it came from, and needs the reviewer’s reasons', () => {
    const pending = { stage: 'rg' as const, outcome: 'negative' as const, decidedBy: 'grace', decidedOn: '2026-10-05', fromStatus: 'awaiting_rg' as const };
    const state = { ...submitted, status: 'rg_review' as const };
    expect(review(state, pending, { reviewerId: 'oliver', upheld: false, declaresNoImmigrationInvolvement: true, notes: 'no', reviewedOn: '2026-10-06' }, { recoveryPeriodDays: 45 }).ok).toBe(false);
    expect(review(state, pending, { reviewerId: 'oliver', upheld: false, declaresNoImmigrationInvolvement: true, notes: 'The account was not weighed properly.', reviewedOn: '2026-10-06' }, { recoveryPeriodDays: 45 })).toEqual({
      ok: true,
      next: 'awaiting_rg',
      issuedOn: null,
      recoveryEndsOn: null,
    });
  });

  it('requires reasons, refuses a decision out of turn, on a DtN, or dated in the future', () => {
    expect(propose(submitted, { stage: 'rg', outcome: 'positive', reasons: 'too short', decidedOn: '2026-10-05' }, '2026-10-05')).toMatchObject({ ok: false, field: 'reasons' });
    expect(propose(submitted, { stage: 'cg', outcome: 'positive', reasons, decidedOn: '2026-10-05' }, '2026-10-05')).toMatchObject({ ok: false, status: 409 });
    expect(propose({ ...submitted, status: 'dtn' }, { stage: 'rg', outcome: 'positive', reasons, decidedOn: '2026-10-05' }, '2026-10-05')).toMatchObject({ ok: false, status: 409 });
    expect(propose(submitted, { stage: 'rg', outcome: 'positive', reasons, decidedOn: '2026-10-06' }, '2026-10-05')).toMatchObject({ ok: false, field: 'decidedOn' });
  });

  it('reconsiders only negative decisions, with grounds, and then awaits the decision again', () => {
    const neg: WorkflowState = { status: 'rg_negative', submittedOn: '2026-10-01', recoveryEndsOn: null };
    expect(requestReconsideration(neg, 'New evidence from the support provider.')).toEqual({ ok: true, next: 'rg_reconsideration' });
    expect(requestReconsideration(neg, 'short').ok).toBe(false);
    expect(requestReconsideration({ ...neg, status: 'cg_positive' }, 'New evidence from the support provider.').ok).toBe(false);
    const again = propose({ ...neg, status: 'rg_reconsideration' }, { stage: 'rg', outcome: 'positive', reasons, decidedOn: '2026-11-01' }, '2026-11-01');
    expect(again).toMatchObject({ ok: true, reconsideration: true, fromStatus: 'rg_reconsideration' });
  });
});
