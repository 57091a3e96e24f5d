import type { FastifyRequest } from 'fastify';
import { type Decision, decideRecord } from '../kernel/access/policy.js';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, conflict, type FieldError, notFound, refused, validationFailed } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { agreementStatus } from '../kernel/trust/agreements-model.js';
import { responsePlanFor } from './data/response-plan.js';
import type { IncidentType } from './data/types.js';
import { decidePartnershipEdit } from './model/access.js';
import { countByForceArea, countSharingByForceArea, type MapFilter } from './model/figures.js';
import { checklistProgress, planItemIds } from './model/incidents.js';
import { ALL_MEASURES, checkReview, reviewStatus } from './model/reviews.js';
import * as store from './store.js';

/** What the API and the pages share: loading with access decisions, and audited writes. */

export const todayIso = () => new Date().toISOString().slice(0, 10);
const actorOfReq = (req: FastifyRequest) => store.actorFromPrincipal(req.principal!);

// ---- Directory ------------------------------------------------------------------------------------------------

export async function editPartner(
  ctx: AppContext,
  req: FastifyRequest,
  code: string,
  input: store.DirectoryInput,
  version: number,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.updatePartner(trx, code, input, version, req.principal!.userId);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'partners.directory.updated',
        entityKind: 'partner',
        entityId: code,
        detail: { changed: r.changed, version: r.version },
      },
    ]);
    return r;
  });
}

export async function addPartner(
  ctx: AppContext,
  req: FastifyRequest,
  code: string,
  input: store.DirectoryInput,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await store.createPartner(trx, code, input, req.principal!.userId);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'partners.directory.created',
        entityKind: 'partner',
        entityId: code,
        detail: { name: input.name },
      },
    ]);
  });
}

// ---- Partnerships ---------------------------------------------------------------------------------------------

export async function loadPartnership(ctx: AppContext, id: string) {
  const p = await store.getPartnership(ctx.db, id);
  if (!p) throw notFound('partnership');
  return p;
}

/** The edit decision for this principal and partnership (pure rule over the links in the database). */
export async function editDecision(
  ctx: AppContext,
  principal: Principal,
  p: store.Partnership,
): Promise<Decision> {
  const coordinators = await store.coordinatorsOf(ctx.db, p.id);
  return decidePartnershipEdit(principal, {
    name: p.name,
    coordinatingAgencyCode: p.coordinatingAgencyCode,
    coordinatorUserIds: coordinators.map((c) => c.userId),
  });
}

/** Loads a partnership for a change by this principal, or refuses with the coordinator rule (403). */
export async function partnershipForChange(ctx: AppContext, req: FastifyRequest, id: string) {
  const p = await loadPartnership(ctx, id);
  const d = await editDecision(ctx, req.principal!, p);
  if (!d.allow) {
    await ctx.audit
      .record(actorFrom(req), {
        action: 'partnerships.change.refused',
        entityKind: 'partnership',
        entityId: id,
        outcome: 'refused',
        detail: { rule: d.rule },
      })
      .catch(() => {});
    throw refused(d);
  }
  return p;
}

export async function editPartnership(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  patch: store.PartnershipPatch,
  version: number,
) {
  await partnershipForChange(ctx, req, id);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.updatePartnership(trx, id, patch, version, req.principal!.userId);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'partnerships.updated',
        entityKind: 'partnership',
        entityId: id,
        detail: { changed: r.changed, version: r.version },
      },
    ]);
    return r;
  });
}

export function checkIsaDates(i: { signedOn: string | null; reviewOn: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (i.signedOn && i.signedOn > todayIso())
    errors.push({ field: 'signedOn', message: 'The date signed cannot be in the future' });
  if (i.signedOn && i.reviewOn && i.reviewOn < i.signedOn)
    errors.push({ field: 'reviewOn', message: 'The review date must be after the date signed' });
  return errors;
}

export async function saveSharingAgreement(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  input: store.IsaInput,
  version?: number,
) {
  await partnershipForChange(ctx, req, id);
  const errors = checkIsaDates(input);
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.saveIsa(trx, id, input, req.principal!.userId, version);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'partnerships.sharing-agreement.recorded',
        entityKind: 'partnership',
        entityId: id,
        detail: { title: input.title, sharingAgreementIds: input.sharingAgreementIds },
      },
    ]);
    return r;
  });
}

export async function recordReview(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  input: store.ReviewInput,
) {
  await partnershipForChange(ctx, req, id);
  const errors = checkReview({
    ...input,
    today: todayIso(),
    measures: { ...input.outputs, ...input.outcomes },
  });
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const reviewId = await store.insertReview(trx, id, input, actorOfReq(req));
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'partnerships.review.recorded',
        entityKind: 'partnership_review',
        entityId: reviewId,
        detail: { partnership: id, reviewedOn: input.reviewedOn, rating: input.progressRating },
      },
    ]);
    return reviewId;
  });
}

/** Normalises measures to every key, null when not given. */
export const fullMeasures = (
  given: Record<string, number | null | undefined>,
  keys: readonly { key: string }[],
) => Object.fromEntries(keys.map((m) => [m.key, given[m.key] ?? null])) as Record<string, number | null>;
export const MEASURE_KEYS = ALL_MEASURES.map((m) => m.key);

/** Kernel agreements in force today, by id. */
export async function agreementsInForce(ctx: AppContext): Promise<Map<number, { id: number; name: string }>> {
  const rows = await ctx.db
    .selectFrom('sharing_agreements')
    .select(['id', 'name', 'valid_from', 'valid_until', 'withdrawn_at'])
    .execute();
  const today = todayIso();
  return new Map(
    rows
      .filter(
        (r) =>
          agreementStatus(
            {
              valid_from: String(r.valid_from),
              valid_until: r.valid_until ? String(r.valid_until) : null,
              withdrawn_at: r.withdrawn_at,
            },
            today,
          ) === 'in-force',
      )
      .map((r) => [r.id, { id: r.id, name: r.name }]),
  );
}

export async function allAgreements(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('sharing_agreements')
    .select(['id', 'name', 'valid_from', 'valid_until', 'withdrawn_at', 'record_kinds'])
    .orderBy('name')
    .execute();
  const today = todayIso();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    recordKinds: r.record_kinds,
    status: agreementStatus(
      {
        valid_from: String(r.valid_from),
        valid_until: r.valid_until ? String(r.valid_until) : null,
        withdrawn_at: r.withdrawn_at,
      },
      today,
    ),
  }));
}

export async function partnershipSummaries(ctx: AppContext, f: store.PartnershipFilter = {}) {
  const [ps, last, links] = await Promise.all([
    store.listPartnerships(ctx.db, f),
    store.latestReviewDates(ctx.db),
    store.isaLinks(ctx.db),
  ]);
  const today = todayIso();
  return ps.map((p) => {
    const s = reviewStatus(last.get(p.id) ?? null, today);
    return { p, lastReviewedOn: s.lastReviewedOn, status: s, hasSharingAgreement: links.has(p.id) };
  });
}

export async function partnershipDetail(ctx: AppContext, id: string) {
  const p = await loadPartnership(ctx, id);
  const [coordinators, isa, reviews, inForce] = await Promise.all([
    store.coordinatorsOf(ctx.db, id),
    store.getIsa(ctx.db, id),
    store.listReviews(ctx.db, id),
    agreementsInForce(ctx),
  ]);
  const status = reviewStatus(reviews[0]?.reviewedOn ?? null, todayIso());
  return {
    p,
    coordinators,
    isa: isa
      ? {
          ...isa,
          agreementsInForce: isa.sharingAgreementIds
            .map((i) => inForce.get(i))
            .filter((x): x is { id: number; name: string } => !!x),
        }
      : null,
    reviews,
    status,
  };
}

export async function mapFigures(ctx: AppContext, f: MapFilter) {
  const [ps, links, inForce] = await Promise.all([
    store.listPartnerships(ctx.db),
    store.isaLinks(ctx.db),
    agreementsInForce(ctx),
  ]);
  return {
    partnerships: ps,
    counts: countByForceArea(ps, f),
    sharing: countSharingByForceArea(ps, links, new Set(inForce.keys()), f),
    matching: ps.filter(
      (p) => (!f.level || p.level === f.level) && (!f.activity || p.activities.includes(f.activity)),
    ).length,
  };
}

export async function overduePartnerships(ctx: AppContext) {
  return (await partnershipSummaries(ctx)).filter((s) => s.status.overdue);
}

// ---- Incidents ------------------------------------------------------------------------------------------------

export async function createIncidentFor(ctx: AppContext, req: FastifyRequest, input: store.IncidentInput) {
  if (new Date(input.occurredAt).getTime() > Date.now() + 5 * 60_000)
    throw validationFailed([{ field: 'occurredAt', message: 'The incident cannot be in the future' }]);
  if (input.childrenFound !== null && input.peopleFound !== null && input.childrenFound > input.peopleFound) {
    throw validationFailed([
      { field: 'childrenFound', message: 'Children found cannot be more than the people found' },
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const r = await store.createIncident(trx, input, actorOfReq(req));
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'incidents.created',
        entityKind: 'incident',
        entityId: r.id,
        detail: { reference: r.reference, type: input.type },
      },
    ]);
    return r;
  });
}

/** One incident the principal may see (decided by the access policy), with its read audited. */
export async function incidentFor(ctx: AppContext, req: FastifyRequest, id: string) {
  const i = await store.getIncident(ctx.db, id);
  if (!i) throw notFound('incident');
  const d = decideRecord(req.principal!, store.incidentMeta(i), { agreements: ctx.agreements.all() });
  if (!d.allow) throw refused(d);
  await ctx.audit.record(actorFrom(req), { action: 'incidents.read', entityKind: 'incident', entityId: id });
  return i;
}

/** An incident the user may see and whose agency recorded it: only that agency changes it (rule `own-agency`). */
async function incidentOfRecordingAgency(ctx: AppContext, req: FastifyRequest, id: string, doing: string) {
  const i = await store.getIncident(ctx.db, id);
  if (!i) throw notFound('incident');
  const d = decideRecord(req.principal!, store.incidentMeta(i), { agreements: ctx.agreements.all() });
  if (!d.allow) throw refused(d);
  if (i.agencyCode !== req.principal!.agencyCode) {
    throw new AppError(403, 'forbidden', `Only the agency that recorded the incident may ${doing}.`, [], 'own-agency');
  }
  return i;
}

export async function updateChecklist(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  tick: { itemId: string; note: string | null }[],
  untick: string[],
) {
  const i = await incidentOfRecordingAgency(ctx, req, id, 'tick its checklist');
  if (i.status === 'closed') throw closedIncident();
  const valid = planItemIds(i.type as IncidentType);
  const unknown = [...tick.map((t) => t.itemId), ...untick].filter((x) => !valid.has(x));
  if (unknown.length)
    throw validationFailed([
      { field: 'items', message: `Not on the ${i.type} checklist: ${unknown.join(', ')}` },
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again under the row lock: a close committed since the first read wins.
    if ((await store.getIncident(trx, id, true))?.status === 'closed') throw closedIncident();
    const r = await store.applyTicks(trx, id, tick, untick, actorOfReq(req));
    const entries = [
      ...r.added.map((itemId) => ({
        action: 'incidents.checklist.ticked',
        entityKind: 'incident',
        entityId: id,
        detail: { item: itemId },
      })),
      ...r.removed.map((itemId) => ({
        action: 'incidents.checklist.unticked',
        entityKind: 'incident',
        entityId: id,
        detail: { item: itemId },
      })),
    ];
    if (entries.length) await ctx.audit.append(trx, actorFrom(req), entries);
    return r;
  });
}

const closedIncident = () =>
  conflict('This incident is closed, so its checklist cannot be changed. Reopen the incident first.', [
    { field: 'status', message: 'The incident is closed: reopen it before changing its checklist' },
  ]);

export interface StatusChange {
  status: 'open' | 'closed';
  /** The incident's version the user saw; a different current version is refused (409) and nothing changes. */
  version?: number;
  /** Closing with checklist items not done needs the user to confirm they are not needed or were done elsewhere. */
  confirmRemaining?: boolean;
}

/**
 * Closes or reopens an incident: the recording agency only (the rule that governs its checklist), in one
 * transaction with its audit entry recording how far the checklist had got.
 */
export async function setIncidentStatusFor(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  change: StatusChange,
) {
  await incidentOfRecordingAgency(ctx, req, id, 'close or reopen it');
  return ctx.db.transaction().execute(async (trx) => {
    const cur = (await store.getIncident(trx, id, true))!;
    if (change.version !== undefined && change.version !== cur.version) {
      throw conflict(
        `Someone else changed this incident (now version ${cur.version}, you saw version ${change.version}). Reload it and try again.`,
        [{ field: 'version', message: 'This incident was changed by someone else since you opened it' }],
      );
    }
    const progress = checklistProgress(cur.type as IncidentType, await store.incidentTicks(trx, id));
    const remaining = progress.total - progress.done;
    if (change.status === 'closed' && cur.status !== 'closed' && remaining > 0 && !change.confirmRemaining) {
      const one = remaining === 1;
      throw validationFailed([
        {
          field: 'confirmRemaining',
          message: `Confirm the remaining ${remaining} ${one ? 'action is' : 'actions are'} not needed or ${one ? 'was' : 'were'} done elsewhere`,
        },
      ]);
    }
    if (cur.status === change.status) return cur;
    await store.setIncidentStatus(trx, id, change.status);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: change.status === 'closed' ? 'incidents.closed' : 'incidents.reopened',
        entityKind: 'incident',
        entityId: id,
        detail: { done: progress.done, total: progress.total },
      },
    ]);
    return (await store.getIncident(trx, id))!;
  });
}

export const checklistItems = (type: IncidentType) => responsePlanFor(type);
