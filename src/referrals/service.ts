/**
 * Every write of the referrals capability: pure rules decide, the store writes, and the audit entry is appended
 * in the same transaction. API routes and pages both call these, so a rule holds whichever door is used.
 */
import { decideRecord, redact } from '../kernel/access/policy.js';
import type { Principal } from '../kernel/access/principal.js';
import type { Actor } from '../kernel/audit/audit-log.js';
import type { AppContext } from '../kernel/context.js';
import { type AppError, conflict, type FieldError, forbidden, notFound, validationFailed } from '../kernel/errors.js';
import { COMPETENT_AUTHORITY, factsMeta, ICTG_PROVIDER, isAgency, PRIME_CONTRACTOR, referralMeta, supportMeta, agencyTypeOf } from './access.js';
import { firstResponderType, LOCAL_AUTHORITIES } from './catalogue.js';
import { firstResponderOrganisationTypes } from './data/exploitation.js';
import { episodeProblem, ictgAvailable } from './model/children.js';
import { isIsoDate, monthRange, todayInUk } from './model/dates.js';
import { type Answers, checkAnswers, factItems, outcomeOf, scrubIdentity } from './model/journey.js';
import { drawSample, type Finding, seedFrom } from './model/sampling.js';
import { changeProvider as providerChangeRule, DEFAULT_DISENGAGEMENT, type DisengagementSettings } from './model/support.js';
import * as wf from './model/workflow.js';
import {
  type Db,
  decisionsIssuedIn,
  deleteDraft,
  getDecision,
  getReferral,
  insertReferral,
  isFirstResponderAgency,
  listReferralFacts,
  nextReference,
  pendingDecisionFor,
  putSetting,
  type Referral,
  type ReferralFactsFilter,
  tables,
  unacknowledgedNotices,
  getSetting,
} from './store.js';
import { getSupportCase, openSupportCase, type SupportCase } from './support-store.js';

export interface Caller {
  principal: Principal;
  actor: Actor;
}

const today = () => todayInUk();

/** The agencies' type-level permission lets a first responder in; this checks the organisation itself is designated. */
export async function assertMayRefer(db: Db, p: Principal, answers?: Answers): Promise<void> {
  if (!(await isFirstResponderAgency(db, p.agencyCode))) {
    throw forbidden(`${p.agencyName} is not a designated first-responder organisation, so it cannot make NRM referrals or Duty to Notify records. Ask a first responder (for example the police or the Salvation Army) to refer.`);
  }
  const frType = firstResponderOrganisationTypes.find((t) => t.code === firstResponderType(p.agencyType, p.agencyCode));
  if (answers?.ageGroup === 'adult' && frType?.childrenOnly) {
    throw validationFailed([{ field: 'ageGroup', message: `${p.agencyName} refers children only: ask another first responder to refer an adult.` }]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Referral and Duty to Notify

export interface SubmitOptions {
  /** 'nrm' or 'dtn' when the caller says which it means; it must agree with the answers. */
  kind?: 'nrm' | 'dtn';
  draftId?: string;
  /** The caller has read the current threshold notices. */
  acknowledgeNotices?: boolean;
}

export async function submitReferral(ctx: AppContext, caller: Caller, input: Answers, opts: SubmitOptions = {}) {
  const p = caller.principal;
  const on = today();
  const outcome = outcomeOf(input);
  // From a draft, the journey has already removed identity from a DtN; an API caller must send none.
  const answers = opts.draftId && outcome === 'dtn' ? scrubIdentity(input) : input;
  await assertMayRefer(ctx.db, p, answers);
  if (opts.kind === 'nrm' && input.ageGroup === 'adult' && input.consent !== true) {
    throw validationFailed([
      {
        field: 'consent',
        message: 'An adult must consent to be referred to the NRM. Without consent, record a Duty to Notify instead: it keeps no identifying details.',
      },
    ]);
  }
  if (opts.kind === 'dtn' && input.ageGroup === 'child') {
    throw validationFailed([{ field: 'ageGroup', message: 'A child is referred to the NRM without needing consent: a Duty to Notify is only for adults who do not consent.' }]);
  }
  if (opts.kind === 'dtn' && input.ageGroup === 'adult' && input.consent === true) {
    throw validationFailed([{ field: 'consent', message: 'The person consents, so make an NRM referral rather than a Duty to Notify.' }]);
  }
  const errors = checkAnswers(answers, on);
  if (errors.length) throw validationFailed(errors);
  const kind = outcomeOf(answers)!;
  const unread = await unacknowledgedNotices(ctx.db, p.userId, on);
  if (unread.length && !opts.acknowledgeNotices) {
    throw validationFailed([
      { field: 'acknowledgeNotices', message: `Read the competent authority's latest guidance (${unread.map((n) => `"${n.title}"`).join(', ')}) and confirm you have read it` },
    ]);
  }
  const child =
    answers.ageGroup === 'child'
      ? {
          localAuthority: answers.localAuthority!,
          laNotifiedOn: answers.laNotifiedOn!,
          ictgArea: ictgAvailable(answers.forceAreas?.[0]),
          ictgReferred: ictgAvailable(answers.forceAreas?.[0]) ? (answers.ictgReferred ?? false) : null,
          missingFromCare: answers.missingFromCare ?? false,
        }
      : null;
  const sharedWith = [COMPETENT_AUTHORITY];
  if (child && LOCAL_AUTHORITIES.some((l) => l.code === child.localAuthority)) sharedWith.push(child.localAuthority);
  if (child?.ictgReferred) sharedWith.push(ICTG_PROVIDER);
  const submittedAt = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, kind, on);
    const id = await insertReferral(trx, {
      reference,
      kind,
      status: kind === 'dtn' ? 'dtn' : 'awaiting_rg',
      answers: kind === 'dtn' ? scrubIdentity(answers) : answers,
      agencyCode: p.agencyCode,
      agencyType: p.agencyType,
      responderType: firstResponderType(p.agencyType, p.agencyCode),
      responderUserId: p.userId,
      competentAuthority: COMPETENT_AUTHORITY,
      sharedWith: [...new Set(sharedWith.filter((c) => c !== p.agencyCode))],
      submittedAt,
      submittedOn: on,
      rgDueOn: kind === 'nrm' ? wf.rgDueOn(on) : null,
      items: factItems(answers),
      child,
    });
    if (opts.draftId) await deleteDraft(trx, opts.draftId, p.userId);
    const entries: Parameters<AppContext['audit']['append']>[2] = [];
    for (const n of unread) {
      await tables(trx).insertInto('threshold_notice_acks').values({ notice_id: n.id, user_id: p.userId, acknowledged_at: submittedAt }).onConflict((oc) => oc.doNothing()).execute();
      entries.push({ action: 'referrals.notice.acknowledged', entityKind: 'threshold_notice', entityId: n.id });
    }
    // The audit entry names the record, never the person.
    entries.push({
      action: kind === 'dtn' ? 'referrals.dtn.submitted' : 'referrals.submitted',
      entityKind: 'referral',
      entityId: id,
      detail: { reference, kind, ageGroup: answers.ageGroup, draft: opts.draftId ?? null },
    });
    await ctx.audit.append(trx, caller.actor, entries);
    return { id, reference, kind };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a referral

/** The referral if the caller may see it; 404 otherwise (no hint that it exists). */
export async function visibleReferral(ctx: AppContext, p: Principal, id: string, db: Db = ctx.db, forUpdate = false): Promise<Referral> {
  const r = await getReferral(db, id, forUpdate);
  if (!r) throw notFound('referral');
  const d = decideRecord(p, referralMeta(r), { agreements: ctx.agreements.all() });
  if (!d.allow) throw notFound('referral');
  return r;
}

/** The victim's identity as the policy lets this caller see it (pseudonyms otherwise); audited. */
export async function readVictim(ctx: AppContext, caller: Caller, r: Referral, purpose: string) {
  const victim = await tables(ctx.db).selectFrom('referral_victims').selectAll().where('referral_id', '=', r.id).executeTakeFirst();
  await ctx.audit.record(caller.actor, { action: 'referrals.read', entityKind: 'referral', entityId: r.id, purpose });
  if (!victim) return null;
  return redact(caller.principal, referralMeta(r), victim);
}

function assertCompetentAuthority(p: Principal, r: Referral) {
  if (p.agencyCode !== r.competent_authority) {
    throw forbidden(`Only the competent authority for this referral (${r.competent_authority}) makes decisions on it.`);
  }
}

function refusal(res: wf.Refusal): AppError {
  return res.status === 409
    ? conflict(res.message, [{ field: res.field, message: res.message }])
    : validationFailed([{ field: res.field, message: res.message }]);
}

function checkVersion(r: Referral, version: number | undefined) {
  if (version !== undefined && version !== r.version) {
    throw conflict('Someone else changed this referral since you opened it. Reload the page to see their change.', [
      { field: 'version', message: `The referral is now at version ${r.version}.` },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Competent-authority decisions

export async function proposeDecision(
  ctx: AppContext,
  caller: Caller,
  referralId: string,
  input: { stage: wf.Stage; outcome: wf.Outcome; reasons: string; decidedOn?: string; version?: number },
) {
  const p = caller.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await visibleReferral(ctx, p, referralId, trx, true);
    assertCompetentAuthority(p, r);
    checkVersion(r, input.version);
    const decidedOn = input.decidedOn ?? today();
    if (!isIsoDate(decidedOn)) throw validationFailed([{ field: 'decidedOn', message: 'The decision date must be a real date' }]);
    const res = wf.propose(
      { status: r.status as wf.ReferralStatus, submittedOn: r.submitted_on, recoveryEndsOn: r.recovery_ends_on },
      { stage: input.stage, outcome: input.outcome, reasons: input.reasons, decidedOn },
      today(),
    );
    if (!res.ok) throw refusal(res);
    const d = await tables(trx)
      .insertInto('referral_decisions')
      .values({
        referral_id: r.id,
        stage: input.stage,
        outcome: input.outcome,
        reconsideration: res.reconsideration,
        reasons: input.reasons.trim(),
        decided_on: decidedOn,
        decided_by: p.userId,
        from_status: res.fromStatus,
        reviewed_by: null,
        review_notes: null,
        reviewer_declaration: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tables(trx)
      .updateTable('referrals')
      .set({ status: res.next, version: r.version + 1, updated_at: new Date() })
      .where('id', '=', r.id)
      .execute();
    await ctx.audit.append(trx, caller.actor, [
      { action: 'referrals.decision.proposed', entityKind: 'referral', entityId: r.id, detail: { decision: d.id, stage: input.stage, outcome: input.outcome } },
    ]);
    return { decisionId: d.id, status: res.next };
  });
}

export async function reviewDecision(
  ctx: AppContext,
  caller: Caller,
  referralId: string,
  decisionId: string,
  input: { upheld: boolean; declaresNoImmigrationInvolvement: boolean; notes?: string; version?: number },
) {
  const p = caller.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await visibleReferral(ctx, p, referralId, trx, true);
    assertCompetentAuthority(p, r);
    checkVersion(r, input.version);
    const d = await getDecision(trx, decisionId);
    if (!d || d.referral_id !== r.id) throw notFound('decision');
    if (d.review_status !== 'awaiting') throw conflict('This decision has already been reviewed.', [{ field: 'decision', message: 'already reviewed' }]);
    const reviewedOn = today();
    const res = wf.review(
      { status: r.status as wf.ReferralStatus, submittedOn: r.submitted_on, recoveryEndsOn: r.recovery_ends_on },
      { stage: d.stage, outcome: d.outcome, decidedBy: d.decided_by, decidedOn: d.decided_on, fromStatus: d.from_status as wf.ReferralStatus },
      { reviewerId: p.userId, upheld: input.upheld, declaresNoImmigrationInvolvement: input.declaresNoImmigrationInvolvement, notes: input.notes ?? '', reviewedOn },
      { recoveryPeriodDays: ctx.config.recoveryPeriodDays },
    );
    if (!res.ok) throw refusal(res);
    await tables(trx)
      .updateTable('referral_decisions')
      .set({
        review_status: input.upheld ? 'upheld' : 'not_upheld',
        reviewed_by: p.userId,
        reviewed_on: reviewedOn,
        review_notes: input.notes?.trim() || null,
        reviewer_declaration: true,
        issued_on: res.issuedOn,
      })
      .where('id', '=', d.id)
      .execute();
    const update: Record<string, unknown> = { status: res.next, version: r.version + 1, updated_at: new Date() };
    if (input.upheld && d.stage === 'rg') {
      update.rg_outcome = d.outcome;
      update.rg_issued_on = res.issuedOn;
      update.recovery_ends_on = res.recoveryEndsOn;
    }
    if (input.upheld && d.stage === 'cg') {
      update.cg_outcome = d.outcome;
      update.cg_issued_on = res.issuedOn;
    }
    await tables(trx).updateTable('referrals').set(update).where('id', '=', r.id).execute();
    const entries: Parameters<AppContext['audit']['append']>[2] = [
      { action: 'referrals.decision.reviewed', entityKind: 'referral', entityId: r.id, detail: { decision: d.id, upheld: input.upheld, status: res.next } },
    ];
    let supportCaseId: string | null = null;
    // A positive reasonable grounds decision for an adult starts the recovery period, in which support is offered.
    if (input.upheld && d.stage === 'rg' && d.outcome === 'positive' && r.age_group === 'adult') {
      const existing = await tables(trx).selectFrom('support_cases').select('id').where('referral_id', '=', r.id).executeTakeFirst();
      if (!existing) {
        supportCaseId = await openSupportCase(trx, {
          referralId: r.id,
          owningAgency: PRIME_CONTRACTOR,
          provider: PRIME_CONTRACTOR,
          sharedWith: [r.competent_authority],
          openedOn: reviewedOn,
        });
        entries.push({ action: 'referrals.support.opened', entityKind: 'support_case', entityId: supportCaseId, detail: { referral: r.id } });
      }
    }
    await ctx.audit.append(trx, caller.actor, entries);
    return { status: res.next, issuedOn: res.issuedOn, recoveryEndsOn: res.recoveryEndsOn, supportCaseId };
  });
}

export async function requestReconsideration(ctx: AppContext, caller: Caller, referralId: string, input: { grounds: string; version?: number }) {
  const p = caller.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await visibleReferral(ctx, p, referralId, trx, true);
    checkVersion(r, input.version);
    const res = wf.requestReconsideration({ status: r.status as wf.ReferralStatus, submittedOn: r.submitted_on, recoveryEndsOn: r.recovery_ends_on }, input.grounds);
    if (!res.ok) throw refusal(res);
    const stage = r.status === 'rg_negative' ? 'rg' : 'cg';
    const row = await tables(trx)
      .insertInto('referral_reconsiderations')
      .values({ referral_id: r.id, stage, grounds: input.grounds.trim(), requested_on: today(), recorded_by: p.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tables(trx).updateTable('referrals').set({ status: res.next, version: r.version + 1, updated_at: new Date() }).where('id', '=', r.id).execute();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.reconsideration.requested', entityKind: 'referral', entityId: r.id, detail: { stage } }]);
    return { id: row.id, status: res.next };
  });
}

export { pendingDecisionFor };

// ---------------------------------------------------------------------------------------------------------------
// Case reviews

export async function drawCaseReviewSample(ctx: AppContext, caller: Caller, month: string, size: number) {
  const p = caller.principal;
  const range = monthRange(month);
  if (!range) throw validationFailed([{ field: 'month', message: 'Enter the month as YYYY-MM, for example 2026-10' }]);
  if (range.from > today()) throw validationFailed([{ field: 'month', message: 'The month cannot be in the future' }]);
  if (!Number.isInteger(size) || size < 1 || size > 200) throw validationFailed([{ field: 'size', message: 'The sample size must be a whole number from 1 to 200' }]);
  const population = await decisionsIssuedIn(ctx.db, p.agencyCode, range.from, range.to);
  if (!population.length) throw validationFailed([{ field: 'month', message: `No decisions were issued in ${month}, so there is nothing to sample` }]);
  const seed = seedFrom(`${p.agencyCode}:${month}:${Date.now()}`);
  const chosen = drawSample(population, size, seed);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await tables(trx).selectFrom('case_review_samples').select('id').where('competent_authority', '=', p.agencyCode).where('month', '=', month).executeTakeFirst();
    if (exists) throw conflict(`A sample for ${month} has already been drawn.`, [{ field: 'month', message: 'already drawn' }]);
    const s = await tables(trx)
      .insertInto('case_review_samples')
      .values({ competent_authority: p.agencyCode, month, size: chosen.length, seed, drawn_by: p.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tables(trx)
      .insertInto('case_review_items')
      .values(chosen.map((decisionId, i) => ({ sample_id: s.id, decision_id: decisionId, position: i + 1, finding: null, notes: null, reviewed_by: null, reviewed_at: null })))
      .execute();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.case-review.drawn', entityKind: 'case_review_sample', entityId: s.id, detail: { month, size: chosen.length, population: population.length } }]);
    return { id: s.id, size: chosen.length, population: population.length };
  });
}

export async function recordFinding(ctx: AppContext, caller: Caller, sampleId: string, decisionId: string, input: { finding: Finding; notes?: string }) {
  const p = caller.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const s = await tables(trx).selectFrom('case_review_samples').selectAll().where('id', '=', sampleId).executeTakeFirst();
    if (!s || s.competent_authority !== p.agencyCode) throw notFound('case-review sample');
    const item = await tables(trx)
      .selectFrom('case_review_items as i')
      .innerJoin('referral_decisions as d', 'd.id', 'i.decision_id')
      .select(['i.decision_id', 'd.decided_by', 'd.reviewed_by'])
      .where('i.sample_id', '=', sampleId)
      .where('i.decision_id', '=', decisionId)
      .executeTakeFirst();
    if (!item) throw notFound('sampled decision');
    if (item.decided_by === p.userId || item.reviewed_by === p.userId) {
      throw validationFailed([{ field: 'finding', message: 'You made or reviewed this decision: another decision-maker must review it for the case-review exercise.' }]);
    }
    if (input.finding !== 'sound' && (input.notes ?? '').trim().length < 10) {
      throw validationFailed([{ field: 'notes', message: 'Say what was wrong with the decision, so the feedback can reach the decision-maker' }]);
    }
    await tables(trx)
      .updateTable('case_review_items')
      .set({ finding: input.finding, notes: input.notes?.trim() || null, reviewed_by: p.userId, reviewed_at: new Date() })
      .where('sample_id', '=', sampleId)
      .where('decision_id', '=', decisionId)
      .execute();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.case-review.finding', entityKind: 'case_review_sample', entityId: sampleId, detail: { decision: decisionId, finding: input.finding } }]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Threshold notices

export async function publishNotice(ctx: AppContext, caller: Caller, input: { title: string; body: string; effectiveFrom?: string }) {
  const fields: FieldError[] = [];
  const title = (input.title ?? '').trim();
  const body = (input.body ?? '').trim();
  const effectiveFrom = input.effectiveFrom || today();
  if (title.length < 5 || title.length > 150) fields.push({ field: 'title', message: 'Enter a title of 5 to 150 characters' });
  if (body.length < 20 || body.length > 5000) fields.push({ field: 'body', message: 'Enter the guidance (20 to 5,000 characters)' });
  if (!isIsoDate(effectiveFrom)) fields.push({ field: 'effectiveFrom', message: 'The date it takes effect must be a real date' });
  if (fields.length) throw validationFailed(fields);
  return ctx.db.transaction().execute(async (trx) => {
    const n = await tables(trx)
      .insertInto('threshold_notices')
      .values({ competent_authority: caller.principal.agencyCode, title, body, effective_from: effectiveFrom, published_by: caller.principal.userId, withdrawn_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.notice.published', entityKind: 'threshold_notice', entityId: n.id }]);
    return { id: n.id };
  });
}

export async function withdrawNotice(ctx: AppContext, caller: Caller, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const n = await tables(trx).selectFrom('threshold_notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!n || n.competent_authority !== caller.principal.agencyCode) throw notFound('notice');
    if (n.withdrawn_at) throw conflict('This notice has already been withdrawn.');
    await tables(trx).updateTable('threshold_notices').set({ withdrawn_at: new Date() }).where('id', '=', id).execute();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.notice.withdrawn', entityKind: 'threshold_notice', entityId: id }]);
  });
}

export async function acknowledgeNotice(ctx: AppContext, caller: Caller, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const n = await tables(trx).selectFrom('threshold_notices').select(['id', 'withdrawn_at']).where('id', '=', id).executeTakeFirst();
    if (!n || n.withdrawn_at) throw notFound('notice');
    await tables(trx).insertInto('threshold_notice_acks').values({ notice_id: id, user_id: caller.principal.userId }).onConflict((oc) => oc.doNothing()).execute();
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.notice.acknowledged', entityKind: 'threshold_notice', entityId: id }]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Children missing from care

export async function recordMissingEpisode(
  ctx: AppContext,
  caller: Caller,
  referralId: string,
  input: { wentMissingAt: string; returnedAt?: string | null; reportedToPolice?: boolean; notes?: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await visibleReferral(ctx, caller.principal, referralId, trx, true);
    if (r.age_group !== 'child') throw validationFailed([{ field: 'referral', message: 'Missing-from-care episodes are recorded for children only.' }]);
    const problem = episodeProblem(input.wentMissingAt, input.returnedAt ?? null, new Date().toISOString());
    if (problem) throw validationFailed([problem]);
    if ((input.notes ?? '').length > 2000) throw validationFailed([{ field: 'notes', message: 'Notes must be 2,000 characters or fewer' }]);
    const e = await tables(trx)
      .insertInto('missing_episodes')
      .values({
        referral_id: r.id,
        went_missing_at: new Date(input.wentMissingAt),
        returned_at: input.returnedAt ? new Date(input.returnedAt) : null,
        reported_to_police: !!input.reportedToPolice,
        notes: input.notes?.trim() || null,
        recorded_by: caller.principal.userId,
        recorded_by_agency: caller.principal.agencyCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncMissing(trx, r.id);
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.missing.recorded', entityKind: 'referral', entityId: r.id, detail: { episode: e.id } }]);
    return { id: e.id };
  });
}

export async function markReturned(ctx: AppContext, caller: Caller, referralId: string, episodeId: string, returnedAt: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await visibleReferral(ctx, caller.principal, referralId, trx, true);
    const e = await tables(trx).selectFrom('missing_episodes').selectAll().where('id', '=', episodeId).where('referral_id', '=', r.id).executeTakeFirst();
    if (!e) throw notFound('missing episode');
    if (e.returned_at) throw conflict('The child has already been recorded as returned from this episode.');
    const problem = episodeProblem(new Date(e.went_missing_at).toISOString(), returnedAt, new Date().toISOString());
    if (problem) throw validationFailed([problem]);
    await tables(trx).updateTable('missing_episodes').set({ returned_at: new Date(returnedAt) }).where('id', '=', e.id).execute();
    await syncMissing(trx, r.id);
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.missing.returned', entityKind: 'referral', entityId: r.id, detail: { episode: e.id } }]);
  });
}

async function syncMissing(trx: Db, referralId: string) {
  const open = await tables(trx).selectFrom('missing_episodes').select('id').where('referral_id', '=', referralId).where('returned_at', 'is', null).executeTakeFirst();
  await tables(trx).updateTable('referral_children').set({ missing_from_care: !!open }).where('referral_id', '=', referralId).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Support cases

export async function visibleSupportCase(ctx: AppContext, p: Principal, id: string, db: Db = ctx.db, forUpdate = false): Promise<SupportCase> {
  const c = await getSupportCase(db, id, forUpdate);
  if (!c) throw notFound('support case');
  if (!decideRecord(p, supportMeta(c), { agreements: ctx.agreements.all() }).allow) throw notFound('support case');
  return c;
}

export const SUPPORT_PROVIDER_TYPES = ['ngo', 'local_authority'];

async function supportWrite<T>(
  ctx: AppContext,
  caller: Caller,
  caseId: string,
  action: string,
  fn: (trx: Db, c: SupportCase) => Promise<{ result: T; detail?: Record<string, unknown>; share?: string[] }>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await visibleSupportCase(ctx, caller.principal, caseId, trx, true);
    if (c.closed_on && action !== 'referrals.support.reopened') throw conflict('This support case is closed.');
    const out = await fn(trx, c);
    const share = (out.share ?? []).filter((a) => isAgency(a) && a !== c.owning_agency && !c.shared_with.includes(a));
    await tables(trx)
      .updateTable('support_cases')
      .set({ version: c.version + 1, updated_at: new Date(), ...(share.length ? { shared_with: [...c.shared_with, ...share] } : {}) })
      .where('id', '=', c.id)
      .execute();
    await ctx.audit.append(trx, caller.actor, [{ action, entityKind: 'support_case', entityId: c.id, detail: out.detail }]);
    return out.result;
  });
}

const dateField = (field: string, v: string | undefined, label: string, opts: { future?: boolean } = {}) => {
  if (!v || !isIsoDate(v)) return { field, message: `${label} must be a real date` };
  if (!opts.future && v > today()) return { field, message: `${label} cannot be in the future` };
  return null;
};

export async function changeSupportProvider(ctx: AppContext, caller: Caller, caseId: string, input: { provider: string; from: string; reason?: string }) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.provider-changed', async (trx, c) => {
    const bad = dateField('from', input.from, 'The date the new provider starts');
    if (bad) throw validationFailed([bad]);
    const type = agencyTypeOf(input.provider);
    if (!type || !SUPPORT_PROVIDER_TYPES.includes(type)) throw validationFailed([{ field: 'provider', message: 'Select a support provider from the list' }]);
    const periods = await tables(trx).selectFrom('support_providers').selectAll().where('case_id', '=', c.id).execute();
    const rule = providerChangeRule(
      periods.map((p) => ({ caseId: p.case_id, provider: p.provider, from: p.from_on, to: p.to_on })),
      input.provider,
      input.from,
    );
    if (!rule.ok) throw validationFailed([{ field: 'from', message: rule.message }]);
    if (rule.close) await tables(trx).updateTable('support_providers').set({ to_on: rule.close.to }).where('case_id', '=', c.id).where('to_on', 'is', null).execute();
    await tables(trx).insertInto('support_providers').values({ case_id: c.id, provider: input.provider, from_on: input.from, to_on: null, reason: input.reason?.trim() || null }).execute();
    return { result: { provider: input.provider }, detail: { provider: input.provider, from: input.from }, share: [input.provider] };
  });
}

export async function assignWorker(ctx: AppContext, caller: Caller, caseId: string, input: { role: 'navigator' | 'vlo'; name: string; agencyCode: string; from: string }) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.worker-assigned', async (trx, c) => {
    const fields: FieldError[] = [];
    if (!input.name?.trim() || input.name.length > 120) fields.push({ field: 'name', message: 'Enter the name of the navigator or liaison officer' });
    if (!isAgency(input.agencyCode)) fields.push({ field: 'agencyCode', message: 'Select their organisation' });
    const bad = dateField('from', input.from, 'The date they start');
    if (bad) fields.push(bad);
    if (fields.length) throw validationFailed(fields);
    await tables(trx).updateTable('support_workers').set({ to_on: input.from }).where('case_id', '=', c.id).where('role', '=', input.role).where('to_on', 'is', null).execute();
    await tables(trx).insertInto('support_workers').values({ case_id: c.id, role: input.role, name: input.name.trim(), agency_code: input.agencyCode, from_on: input.from, to_on: null }).execute();
    return { result: null, detail: { role: input.role, agency: input.agencyCode }, share: [input.agencyCode] };
  });
}

export async function addPlanItem(ctx: AppContext, caller: Caller, caseId: string, input: { need: string; action: string; owner?: string; dueOn?: string }) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.plan-added', async (trx, c) => {
    const fields: FieldError[] = [];
    if (!input.need?.trim() || input.need.length > 100) fields.push({ field: 'need', message: 'Select or enter the need' });
    if (!input.action?.trim() || input.action.length > 1000) fields.push({ field: 'action', message: 'Enter what will be done' });
    if (input.dueOn) {
      const bad = dateField('dueOn', input.dueOn, 'The due date', { future: true });
      if (bad) fields.push(bad);
    }
    if (fields.length) throw validationFailed(fields);
    const row = await tables(trx)
      .insertInto('support_plan_items')
      .values({ case_id: c.id, need: input.need.trim(), action: input.action.trim(), owner: input.owner?.trim() || null, due_on: input.dueOn || null, done_on: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { result: { id: Number(row.id) } };
  });
}

export async function completePlanItem(ctx: AppContext, caller: Caller, caseId: string, itemId: number, doneOn: string) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.plan-done', async (trx, c) => {
    const bad = dateField('doneOn', doneOn, 'The date it was done');
    if (bad) throw validationFailed([bad]);
    const res = await tables(trx).updateTable('support_plan_items').set({ done_on: doneOn }).where('id', '=', itemId).where('case_id', '=', c.id).where('done_on', 'is', null).executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw notFound('open plan item');
    return { result: null, detail: { item: itemId } };
  });
}

export async function logContact(ctx: AppContext, caller: Caller, caseId: string, input: { on: string; outcome: 'made' | 'missed'; method: 'in-person' | 'phone' | 'video' | 'message'; notes?: string }) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.contact', async (trx, c) => {
    const bad = dateField('on', input.on, 'The date of the contact');
    if (bad) throw validationFailed([bad]);
    if (input.on < c.opened_on) throw validationFailed([{ field: 'on', message: 'The contact cannot be before the support case opened' }]);
    if ((input.notes ?? '').length > 2000) throw validationFailed([{ field: 'notes', message: 'Notes must be 2,000 characters or fewer' }]);
    const provider = await tables(trx)
      .selectFrom('support_providers')
      .select('provider')
      .where('case_id', '=', c.id)
      .where('from_on', '<=', input.on)
      .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', input.on)]))
      .executeTakeFirst();
    await tables(trx)
      .insertInto('support_contacts')
      .values({ case_id: c.id, contact_on: input.on, outcome: input.outcome, method: input.method, provider: provider?.provider ?? c.owning_agency, notes: input.notes?.trim() || null, recorded_by: caller.principal.userId })
      .execute();
    return { result: null, detail: { outcome: input.outcome } };
  });
}

export async function addAccommodation(
  ctx: AppContext,
  caller: Caller,
  caseId: string,
  input: { kind: 'safe-house' | 'outreach' | 'local-authority' | 'asylum' | 'own' | 'other'; forceArea?: string; from: string; relocation: boolean; reason?: string },
) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.accommodation', async (trx, c) => {
    const bad = dateField('from', input.from, 'The date they moved in');
    if (bad) throw validationFailed([bad]);
    if (input.relocation && !(input.reason ?? '').trim()) throw validationFailed([{ field: 'reason', message: 'Say why the person was relocated' }]);
    await tables(trx).updateTable('support_accommodation').set({ to_on: input.from }).where('case_id', '=', c.id).where('to_on', 'is', null).execute();
    await tables(trx)
      .insertInto('support_accommodation')
      .values({ case_id: c.id, kind: input.kind, force_area: input.forceArea || null, from_on: input.from, to_on: null, relocation: input.relocation, reason: input.reason?.trim() || null })
      .execute();
    return { result: null, detail: { kind: input.kind, relocation: input.relocation } };
  });
}

export async function closeSupportCase(ctx: AppContext, caller: Caller, caseId: string, input: { on: string; reason: string }) {
  return supportWrite(ctx, caller, caseId, 'referrals.support.closed', async (trx, c) => {
    const bad = dateField('on', input.on, 'The date the case closed');
    if (bad) throw validationFailed([bad]);
    if (input.on < c.opened_on) throw validationFailed([{ field: 'on', message: 'The case cannot close before it opened' }]);
    if (!(input.reason ?? '').trim()) throw validationFailed([{ field: 'reason', message: 'Say why the case is closing' }]);
    await tables(trx).updateTable('support_cases').set({ closed_on: input.on, close_reason: input.reason.trim() }).where('id', '=', c.id).execute();
    await tables(trx).updateTable('support_providers').set({ to_on: input.on }).where('case_id', '=', c.id).where('to_on', 'is', null).execute();
    return { result: null };
  });
}

export async function disengagementSettings(db: Db): Promise<DisengagementSettings> {
  return { ...DEFAULT_DISENGAGEMENT, ...((await getSetting<DisengagementSettings>(db, 'disengagement')) ?? {}) };
}

export async function updateDisengagementSettings(ctx: AppContext, caller: Caller, s: DisengagementSettings) {
  const fields: FieldError[] = [];
  if (!Number.isInteger(s.missedContacts) || s.missedContacts < 1 || s.missedContacts > 20) fields.push({ field: 'missedContacts', message: 'Missed contacts must be a whole number from 1 to 20' });
  if (!Number.isInteger(s.daysSilent) || s.daysSilent < 1 || s.daysSilent > 365) fields.push({ field: 'daysSilent', message: 'Days without contact must be a whole number from 1 to 365' });
  if (fields.length) throw validationFailed(fields);
  await ctx.db.transaction().execute(async (trx) => {
    await putSetting(trx, 'disengagement', s, caller.principal.userId);
    await ctx.audit.append(trx, caller.actor, [{ action: 'referrals.support.settings', entityKind: 'referral_settings', entityId: 'disengagement', detail: { ...s } }]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Facts for intelligence

/**
 * For other capabilities and the facts page: the referral facts this principal may see under the policy
 * (record kind 'referral_facts', owned by the competent authority, shared by data-sharing agreements).
 */
export async function visibleReferralFacts(ctx: AppContext, p: Principal, filter: ReferralFactsFilter = {}) {
  const rows = await listReferralFacts(ctx.db, filter);
  const decisions = new Map<string, boolean>();
  return rows.filter((r) => {
    let ok = decisions.get(r.owningAgency);
    if (ok === undefined) {
      ok = decideRecord(p, factsMeta(r.owningAgency), { agreements: ctx.agreements.all() }).allow;
      decisions.set(r.owningAgency, ok);
    }
    return ok;
  });
}

export function factsVisibleTo(ctx: AppContext, p: Principal, owningAgency = COMPETENT_AUTHORITY) {
  return decideRecord(p, factsMeta(owningAgency), { agreements: ctx.agreements.all() });
}
