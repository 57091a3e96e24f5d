import type { AppContext } from '../kernel/context.js';
import { listReferralFacts, getChild, listDecisions, listMissingEpisodes, listReconsiderations, type Referral, userNames } from './store.js';
import { readVictim, type Caller, visibleReferral } from './service.js';
import { supportCaseForReferral } from './support-store.js';
import { STATUS_LABELS, type ReferralStatus } from './model/workflow.js';

/** Everything about one referral that the caller may see, for the API and the page alike. */
export async function loadReferralDetail(ctx: AppContext, caller: Caller, id: string, purpose: string) {
  const r = await visibleReferral(ctx, caller.principal, id);
  const [victim, child, decisions, reconsiderations, episodes, facts, support] = await Promise.all([
    readVictim(ctx, caller, r, purpose),
    getChild(ctx.db, r.id),
    listDecisions(ctx.db, r.id),
    listReconsiderations(ctx.db, r.id),
    listMissingEpisodes(ctx.db, r.id),
    listReferralFacts(ctx.db, { referralIds: [r.id] }),
    supportCaseForReferral(ctx.db, r.id),
  ]);
  const names = await userNames(ctx.db, [...decisions.flatMap((d) => [d.decided_by, d.reviewed_by]), r.responder_user_id]);
  return { r, victim, child, decisions, reconsiderations, episodes, facts: facts[0] ?? null, supportCaseId: support?.id ?? null, names };
}
export type ReferralDetail = Awaited<ReturnType<typeof loadReferralDetail>>;

const iso = (d: Date | string | null | undefined) => (d ? (d instanceof Date ? d.toISOString() : String(d)) : null);

export function summaryJson(r: Referral, victim: { given_name: string | null; family_name: string | null } | null) {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status as ReferralStatus,
    statusLabel: STATUS_LABELS[r.status as ReferralStatus] ?? r.status,
    ageGroup: r.age_group,
    gender: r.gender,
    nationality: r.nationality,
    exploitationTypes: r.exploitation_types,
    forceArea: r.force_area,
    referringAgency: r.agency_code,
    submittedOn: r.submitted_on,
    rgDueOn: r.rg_due_on,
    recoveryEndsOn: r.recovery_ends_on,
    version: r.version,
    victim: victim ? { givenName: victim.given_name, familyName: victim.family_name } : null,
  };
}

export function detailJson(d: ReferralDetail) {
  const { r, victim } = d;
  return {
    ...summaryJson(r, null),
    consent: r.consent,
    sharedWith: r.shared_with,
    rgOutcome: r.rg_outcome,
    rgIssuedOn: r.rg_issued_on,
    cgOutcome: r.cg_outcome,
    cgIssuedOn: r.cg_issued_on,
    victim: victim
      ? { givenName: victim.given_name, familyName: victim.family_name, otherNames: victim.other_names, dateOfBirth: victim.date_of_birth, account: victim.account }
      : null,
    child: d.child
      ? { localAuthority: d.child.local_authority, laNotifiedOn: d.child.la_notified_on, ictgArea: d.child.ictg_area, ictgReferred: d.child.ictg_referred, missingFromCare: d.child.missing_from_care }
      : null,
    decisions: d.decisions.map((x) => ({
      id: x.id,
      stage: x.stage,
      outcome: x.outcome,
      reconsideration: x.reconsideration,
      reasons: x.reasons,
      decidedOn: x.decided_on,
      decidedBy: x.decided_by,
      reviewStatus: x.review_status,
      reviewedBy: x.reviewed_by,
      reviewedOn: x.reviewed_on,
      reviewNotes: x.review_notes,
      issuedOn: x.issued_on,
    })),
    reconsiderations: d.reconsiderations.map((x) => ({ id: x.id, stage: x.stage, grounds: x.grounds, requestedOn: x.requested_on })),
    missingEpisodes: d.episodes.map((e) => ({ id: e.id, wentMissingAt: iso(e.went_missing_at)!, returnedAt: iso(e.returned_at), reportedToPolice: e.reported_to_police, notes: e.notes })),
    facts: d.facts,
    supportCaseId: d.supportCaseId,
  };
}

export { iso };
