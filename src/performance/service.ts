/**
 * Every write of the performance capability, shared by the API and the pages: the record-level checks (whose
 * force, whose review, whose recommendation), one transaction with its audit entry, and plain-English errors.
 */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { conflict, forbidden, notFound, validationFailed, type FieldError } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { AGENCIES } from '../kernel/reference/agencies.js';
import { figuresChanged } from './measures.js';
import { todayInUk } from './model/dates.js';
import type { SignalsInput } from './model/governance.js';
import {
  type ItemInput,
  ReviewInput,
  type ReviewPatch,
  type UpdateInput,
  updateErrors,
} from './model/peer-review.js';
import {
  mayUpdateRecommendation,
  type RecommendationStatus,
  TRACKER_KEEPER,
} from './model/recommendations.js';
import { decideAgency, forceRegion, isForce } from './model/scope.js';
import { parseTrainingCsv } from './model/training.js';
import * as store from './store.js';

const actorOf = (p: Principal): store.Actor => ({ userId: p.userId, name: p.name, agencyCode: p.agencyCode });
const isKeeper = (p: Principal) => p.agencyCode === TRACKER_KEEPER && p.roles.includes('ms_lead');
const stale = () =>
  conflict(
    'Someone else changed this record since you opened it. Reload the page to see their change, then make yours again.',
  );

export const AGENCY_BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));
export const agencyName = (code: string) => AGENCY_BY_CODE.get(code)?.name ?? code;

// ---------------------------------------------------------------------------------------------------------------
// Governance signals

export function mayEditSignals(p: Principal, force: string): boolean {
  return p.roles.includes('ms_lead') && (isKeeper(p) || p.agencyCode === force);
}

export async function saveSignals(ctx: AppContext, req: FastifyRequest, force: string, input: SignalsInput) {
  const p = req.principal!;
  if (!isForce(force)) throw notFound('force');
  if (!mayEditSignals(p, force))
    throw forbidden(
      "Only the force's own MS lead, or the MSOICU, records its governance signals.",
      'own-agency',
    );
  if (input.as_of > todayInUk())
    throw validationFailed([{ field: 'as_of', message: 'The date of the answers cannot be in the future' }]);
  const version = await ctx.db.transaction().execute(async (trx) => {
    const v = await store.saveSignals(trx, force, input, actorOf(p));
    if (v === null) return null;
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.governance.update',
        entityKind: 'governance_signals',
        entityId: force,
        detail: { version: v },
      },
    ]);
    return v;
  });
  if (version === null) throw stale();
  figuresChanged();
  return version;
}

// ---------------------------------------------------------------------------------------------------------------
// Peer reviews

export function mayEditReview(p: Principal) {
  return isKeeper(p);
}

/** Progress on a plan item: the reviewed agency's MS lead, or the MSOICU. */
export function mayRecordProgress(p: Principal, review: { agency_code: string }) {
  return p.roles.includes('ms_lead') && (isKeeper(p) || p.agencyCode === review.agency_code);
}

export async function visibleReview(ctx: AppContext, p: Principal, id: string) {
  const review = await store.getReview(ctx.db, id);
  if (!review) throw notFound('peer review');
  if (!decideAgency(p, review.agency_code))
    throw forbidden(
      'Peer reviews are shown to the reviewed force or ROCU, its region and national agencies.',
      'own-agency',
    );
  return review;
}

export async function createReview(ctx: AppContext, req: FastifyRequest, raw: unknown) {
  const p = req.principal!;
  if (!mayEditReview(p)) throw forbidden('Only MS leads of the MSOICU record peer reviews.', 'own-agency');
  const parsed = ReviewInput.safeParse(raw);
  if (!parsed.success)
    throw validationFailed(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
    );
  const input = parsed.data;
  const agency = AGENCY_BY_CODE.get(input.agency_code);
  if (!agency || (agency.type !== 'police_force' && agency.type !== 'rocu'))
    throw validationFailed([{ field: 'agency_code', message: 'Select a police force or ROCU' }]);
  const areas = new Set(input.areas.map((a) => a.area));
  if (areas.size !== input.areas.length)
    throw validationFailed([{ field: 'areas', message: 'Give each area once' }]);
  const out = await ctx.db.transaction().execute(async (trx) => {
    const region = agency.type === 'police_force' ? forceRegion(agency.code) : null;
    const r = await store.createReview(trx, { ...input, agency_type: agency.type, region }, actorOf(p));
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.peer-reviews.create',
        entityKind: 'peer_review',
        entityId: r.id,
        detail: { agency: input.agency_code },
      },
    ]);
    return r;
  });
  figuresChanged();
  return out;
}

export async function updateReview(ctx: AppContext, req: FastifyRequest, id: string, patch: ReviewPatch) {
  const p = req.principal!;
  const review = await visibleReview(ctx, p, id);
  if (!mayEditReview(p)) throw forbidden('Only MS leads of the MSOICU edit peer reviews.', 'own-agency');
  const errors: FieldError[] = [];
  const reported = patch.reported_on === undefined ? review.reported_on : patch.reported_on;
  const revisited = patch.revisited_on === undefined ? review.revisited_on : patch.revisited_on;
  const due = patch.revisit_due_on === undefined ? review.revisit_due_on : patch.revisit_due_on;
  if (reported && reported < review.fieldwork_on)
    errors.push({ field: 'reported_on', message: 'The report date must be on or after the fieldwork' });
  if (revisited && !reported)
    errors.push({ field: 'revisited_on', message: 'A review is revisited only after its report' });
  if (revisited && reported && revisited < reported)
    errors.push({ field: 'revisited_on', message: 'The revisit must be after the report' });
  if (due && due < (reported ?? review.fieldwork_on))
    errors.push({ field: 'revisit_due_on', message: 'The revisit must be due after the review' });
  if (patch.status === 'revisited' && !revisited)
    errors.push({ field: 'revisited_on', message: 'Enter the date of the revisit' });
  if (errors.length) throw validationFailed(errors);
  const version = await ctx.db.transaction().execute(async (trx) => {
    const v = await store.updateReview(trx, id, patch);
    if (v === null) return null;
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.peer-reviews.update',
        entityKind: 'peer_review',
        entityId: id,
        detail: { fields: Object.keys(patch).filter((k) => k !== 'version') },
      },
    ]);
    return v;
  });
  if (version === null) throw stale();
  figuresChanged();
  return version;
}

export async function addItem(ctx: AppContext, req: FastifyRequest, id: string, input: ItemInput) {
  const p = req.principal!;
  await visibleReview(ctx, p, id);
  if (!mayEditReview(p))
    throw forbidden('Only MS leads of the MSOICU add recommendations to an enhancement plan.', 'own-agency');
  const out = await ctx.db.transaction().execute(async (trx) => {
    const item = await store.addItem(trx, id, input);
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.plan-items.create',
        entityKind: 'plan_item',
        entityId: item.id,
        detail: { review: id },
      },
    ]);
    return item;
  });
  figuresChanged();
  return out;
}

export async function addUpdate(
  ctx: AppContext,
  req: FastifyRequest,
  reviewId: string,
  itemId: string,
  input: UpdateInput,
) {
  const p = req.principal!;
  const review = await visibleReview(ctx, p, reviewId);
  const item = await store.getItem(ctx.db, reviewId, itemId);
  if (!item) throw notFound('recommendation');
  if (!mayRecordProgress(p, review))
    throw forbidden(
      "Only the reviewed force's or ROCU's MS lead, or the MSOICU, records progress.",
      'own-agency',
    );
  const errors = updateErrors(input, todayInUk());
  if (errors.length) throw validationFailed(errors);
  const version = await ctx.db.transaction().execute(async (trx) => {
    const v = await store.addUpdate(trx, itemId, input, actorOf(p));
    if (v === null) return null;
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.plan-items.progress',
        entityKind: 'plan_item',
        entityId: itemId,
        detail: { status: input.status },
      },
    ]);
    return v;
  });
  if (version === null) throw stale();
  figuresChanged();
  return version;
}

// ---------------------------------------------------------------------------------------------------------------
// Recommendations

export async function setRecommendationStatus(
  ctx: AppContext,
  req: FastifyRequest,
  idOrCode: string,
  input: { status: RecommendationStatus; evidence: string; recorded_on?: string; version?: number },
) {
  const p = req.principal!;
  const rec = await store.getRecommendation(ctx.db, idOrCode);
  if (!rec) throw notFound('recommendation');
  const may = mayUpdateRecommendation(p, rec);
  if (!may.allow) throw forbidden(may.reason, 'own-agency');
  const recordedOn = input.recorded_on ?? todayInUk();
  const errors: FieldError[] = [];
  if ((input.status === 'done' || input.status === 'superseded') && !input.evidence.trim())
    errors.push({
      field: 'evidence',
      message: `Enter the evidence that the recommendation is ${input.status === 'done' ? 'done' : 'superseded'}`,
    });
  if (recordedOn > todayInUk())
    errors.push({ field: 'recorded_on', message: 'The date cannot be in the future' });
  if (errors.length) throw validationFailed(errors);
  const version = await ctx.db.transaction().execute(async (trx) => {
    const v = await store.setRecommendationStatus(
      trx,
      rec.id,
      { ...input, recorded_on: recordedOn },
      actorOf(p),
    );
    if (v === null) return null;
    await ctx.audit.append(trx, actorFrom(req), [
      {
        action: 'performance.recommendations.update',
        entityKind: 'recommendation',
        entityId: rec.id,
        detail: { code: rec.code, status: input.status },
      },
    ]);
    return v;
  });
  if (version === null) throw stale();
  figuresChanged();
  return { id: rec.id, code: rec.code, version };
}

// ---------------------------------------------------------------------------------------------------------------
// Training import

/** Forces a user may import figures for: every force for the MSOICU, otherwise their own. */
export function importableForces(p: Principal): Set<string> | null {
  if (isKeeper(p)) return null;
  if (p.agencyType === 'police_force') return new Set([p.agencyCode]);
  return new Set();
}

export async function importTraining(
  ctx: AppContext,
  actor: { principal: Principal | null; audit: ReturnType<typeof actorFrom> },
  file: string,
  text: string,
) {
  const p = actor.principal;
  const courses = new Set((await store.listCourses(ctx.db)).map((c) => c.code));
  const parsed = parseTrainingCsv(text, {
    courses,
    today: todayInUk(),
    allowedForces: p ? importableForces(p) : null,
  });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const importId = await store.importTraining(trx, file, parsed.rows, parsed.errors, parsed.total, {
      userId: p?.userId ?? null,
      name: p?.name ?? 'command line',
      agencyCode: p?.agencyCode ?? 'cli',
    });
    await ctx.audit.append(trx, actor.audit, [
      {
        action: 'performance.training.import',
        entityKind: 'training_import',
        entityId: importId,
        detail: {
          rows: parsed.total,
          imported: parsed.errors.length ? 0 : parsed.rows.length,
          problems: parsed.errors.length,
        },
      },
    ]);
    return importId;
  });
  figuresChanged();
  return {
    id,
    total: parsed.total,
    imported: parsed.errors.length ? 0 : parsed.rows.length,
    errors: parsed.errors,
  };
}
