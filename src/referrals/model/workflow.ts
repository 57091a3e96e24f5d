import { addDays, addWorkingDays, formatIsoDate, type IsoDate } from './dates.js';

/**
 * The competent authority's workflow as an explicit state machine (DOMAIN §3; seed 001 §24-32):
 *
 *   awaiting_rg --propose RG--> rg_review --upheld--> awaiting_cg (positive: recovery period) | rg_negative
 *   awaiting_cg --propose CG (not before the recovery period ends)--> cg_review --upheld--> cg_positive | cg_negative
 *   rg_negative --reconsideration--> rg_reconsideration --propose--> rg_review ...
 *   cg_negative --reconsideration--> cg_reconsideration --propose--> cg_review ...
 *   a review that does not uphold the decision sends the case back to where the proposal came from.
 *
 * A Duty to Notify ('dtn') never enters the workflow. Every decision takes effect only when a second
 * decision-maker - a different person who declares no involvement in any immigration decision on the person
 * (001 §32) - upholds it. These functions are pure: they return what to write, or the refusal with its field.
 */

export const STATUSES = [
  'dtn',
  'awaiting_rg',
  'rg_review',
  'rg_negative',
  'rg_reconsideration',
  'awaiting_cg',
  'cg_review',
  'cg_positive',
  'cg_negative',
  'cg_reconsideration',
] as const;
export type ReferralStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  dtn: 'Duty to Notify',
  awaiting_rg: 'Awaiting reasonable grounds decision',
  rg_review: 'Reasonable grounds decision awaiting second review',
  rg_negative: 'Negative reasonable grounds',
  rg_reconsideration: 'Reasonable grounds reconsideration requested',
  awaiting_cg: 'Positive reasonable grounds: awaiting conclusive grounds',
  cg_review: 'Conclusive grounds decision awaiting second review',
  cg_positive: 'Positive conclusive grounds',
  cg_negative: 'Negative conclusive grounds',
  cg_reconsideration: 'Conclusive grounds reconsideration requested',
};

export type Stage = 'rg' | 'cg';
export type Outcome = 'positive' | 'negative';

/** Target for a reasonable grounds decision (DOMAIN §3). */
export const RG_TARGET_WORKING_DAYS = 5;
export const MIN_REASONS_LENGTH = 20;

export interface WorkflowState {
  status: ReferralStatus;
  submittedOn: IsoDate;
  /** Set when a positive RG decision is issued. */
  recoveryEndsOn: IsoDate | null;
}

export interface Refusal {
  ok: false;
  status: 409 | 422;
  field: string;
  message: string;
}
const refuse = (field: string, message: string, status: 409 | 422 = 422): Refusal => ({ ok: false, status, field, message });

export const rgDueOn = (submittedOn: IsoDate) => addWorkingDays(submittedOn, RG_TARGET_WORKING_DAYS);
export const recoveryEndsOn = (rgIssuedOn: IsoDate, periodDays: number) => addDays(rgIssuedOn, periodDays);

/** Which decision the case awaits now, if any. */
export function stageAwaited(status: ReferralStatus): { stage: Stage; reconsideration: boolean } | null {
  switch (status) {
    case 'awaiting_rg':
      return { stage: 'rg', reconsideration: false };
    case 'rg_reconsideration':
      return { stage: 'rg', reconsideration: true };
    case 'awaiting_cg':
      return { stage: 'cg', reconsideration: false };
    case 'cg_reconsideration':
      return { stage: 'cg', reconsideration: true };
    default:
      return null;
  }
}

export interface ProposalInput {
  stage: Stage;
  outcome: Outcome;
  reasons: string;
  decidedOn: IsoDate;
}

export type ProposalResult =
  | { ok: true; next: ReferralStatus; fromStatus: ReferralStatus; reconsideration: boolean }
  | Refusal;

/** A decision-maker proposes an RG or CG decision. */
export function propose(state: WorkflowState, input: ProposalInput, today: IsoDate): ProposalResult {
  if (state.status === 'dtn') return refuse('stage', 'A Duty to Notify is not a referral: no decision is made on it.', 409);
  const awaited = stageAwaited(state.status);
  if (!awaited) {
    return refuse('stage', `No decision can be proposed now: the case is "${STATUS_LABELS[state.status]}".`, 409);
  }
  if (awaited.stage !== input.stage) {
    return refuse(
      'stage',
      awaited.stage === 'rg'
        ? 'A reasonable grounds decision is needed before a conclusive grounds decision.'
        : 'The reasonable grounds decision has been made: the next decision is the conclusive grounds decision.',
      409,
    );
  }
  if ((input.reasons ?? '').trim().length < MIN_REASONS_LENGTH) {
    return refuse('reasons', `Give the reasons for the decision (at least ${MIN_REASONS_LENGTH} characters).`);
  }
  if (input.decidedOn > today) return refuse('decidedOn', 'The decision date cannot be in the future.');
  if (input.decidedOn < state.submittedOn) return refuse('decidedOn', 'The decision date cannot be before the referral was made.');
  if (input.stage === 'cg') {
    const check = cgAllowedOn(state, input.decidedOn);
    if (check) return check;
  }
  return { ok: true, next: input.stage === 'rg' ? 'rg_review' : 'cg_review', fromStatus: state.status, reconsideration: awaited.reconsideration };
}

function cgAllowedOn(state: WorkflowState, on: IsoDate): Refusal | null {
  if (!state.recoveryEndsOn) return refuse('stage', 'A conclusive grounds decision needs a positive reasonable grounds decision first.', 409);
  if (on < state.recoveryEndsOn) {
    return refuse(
      'decidedOn',
      `A conclusive grounds decision cannot be made before the recovery period ends on ${formatIsoDate(state.recoveryEndsOn)}.`,
    );
  }
  return null;
}

export interface PendingDecision {
  stage: Stage;
  outcome: Outcome;
  decidedBy: string;
  decidedOn: IsoDate;
  fromStatus: ReferralStatus;
}

export interface ReviewInput {
  reviewerId: string;
  upheld: boolean;
  /** "I have not been involved in any asylum or immigration decision on this person." */
  declaresNoImmigrationInvolvement: boolean;
  notes: string;
  reviewedOn: IsoDate;
}

export type ReviewResult =
  | { ok: true; next: ReferralStatus; issuedOn: IsoDate | null; recoveryEndsOn: IsoDate | null }
  | Refusal;

/** A second decision-maker reviews a proposed decision; an upheld decision is issued that day. */
export function review(
  state: WorkflowState,
  decision: PendingDecision,
  input: ReviewInput,
  opts: { recoveryPeriodDays: number },
): ReviewResult {
  const expected = decision.stage === 'rg' ? 'rg_review' : 'cg_review';
  if (state.status !== expected) return refuse('decision', 'This decision is not awaiting a second review.', 409);
  if (input.reviewerId === decision.decidedBy) {
    return refuse('reviewer', 'The second review must be made by a different decision-maker from the one who made the decision.');
  }
  if (!input.declaresNoImmigrationInvolvement) {
    return refuse(
      'declaresNoImmigrationInvolvement',
      'Confirm that you have not been involved in any asylum or immigration decision on this person; if you have, another reviewer must do this review.',
    );
  }
  if (!input.upheld && (input.notes ?? '').trim().length < MIN_REASONS_LENGTH) {
    return refuse('notes', `Say why the decision is not upheld (at least ${MIN_REASONS_LENGTH} characters).`);
  }
  if (input.reviewedOn < decision.decidedOn) return refuse('reviewedOn', 'The review cannot be dated before the decision.');
  if (!input.upheld) return { ok: true, next: decision.fromStatus, issuedOn: null, recoveryEndsOn: state.recoveryEndsOn };
  if (decision.stage === 'cg') {
    const check = cgAllowedOn(state, input.reviewedOn);
    if (check) return check;
  }
  const issuedOn = input.reviewedOn;
  if (decision.stage === 'rg') {
    return decision.outcome === 'positive'
      ? { ok: true, next: 'awaiting_cg', issuedOn, recoveryEndsOn: recoveryEndsOn(issuedOn, opts.recoveryPeriodDays) }
      : { ok: true, next: 'rg_negative', issuedOn, recoveryEndsOn: null };
  }
  return { ok: true, next: decision.outcome === 'positive' ? 'cg_positive' : 'cg_negative', issuedOn, recoveryEndsOn: state.recoveryEndsOn };
}

export type ReconsiderationResult = { ok: true; next: ReferralStatus } | Refusal;

/** A negative decision may be reconsidered on request, with the grounds. */
export function requestReconsideration(state: WorkflowState, grounds: string): ReconsiderationResult {
  if (state.status !== 'rg_negative' && state.status !== 'cg_negative') {
    return refuse('status', 'Only a negative reasonable or conclusive grounds decision can be reconsidered.', 409);
  }
  if ((grounds ?? '').trim().length < MIN_REASONS_LENGTH) {
    return refuse('grounds', `Give the grounds for reconsideration (at least ${MIN_REASONS_LENGTH} characters).`);
  }
  return { ok: true, next: state.status === 'rg_negative' ? 'rg_reconsideration' : 'cg_reconsideration' };
}

/**
 * Whether the case counts in the backlog awaiting a conclusive grounds decision: a positive RG and no CG issued
 * yet (a CG proposed but not yet reviewed has not been issued). Reconsiderations are counted separately.
 */
export const BACKLOG_STATUSES: readonly ReferralStatus[] = ['awaiting_cg', 'cg_review'];
export const awaitingCg = (status: ReferralStatus) => BACKLOG_STATUSES.includes(status);
