import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { type FieldError, PurposeRequired } from '../errors.js';
import { actorFrom } from '../http/server.js';
import type { Principal } from './principal.js';

/**
 * Reason for access. Opening a person's record asks the user why (once per record, session and hour); the
 * purpose is stored, written to the audit, carried on every audited read of the record, and reviewed by the
 * user's supervisor. Capabilities call `requirePurpose(req, reply, kind, id)` on person-record routes.
 */
export const PURPOSES = [
  { value: 'law-enforcement', text: 'Preventing or detecting crime', hint: 'An investigation, a disruption or developing intelligence' },
  { value: 'safeguarding', text: 'Safeguarding a person at risk' },
  { value: 'nrm-decision', text: 'Making a National Referral Mechanism decision' },
  { value: 'victim-support', text: 'Supporting a victim' },
  { value: 'intelligence', text: 'Intelligence analysis' },
  { value: 'data-quality', text: 'Checking or correcting the record' },
  { value: 'audit', text: 'Audit or review' },
  { value: 'other', text: 'Another purpose', hint: 'Say what it is' },
] as const;
export type PurposeCode = (typeof PURPOSES)[number]['value'];

export const PURPOSE_TTL_MS = 60 * 60 * 1000;
export const PURPOSE_HEADER = 'x-fusion-purpose';
const MAX_DETAIL = 500;

export const isPurpose = (v: unknown): v is PurposeCode => typeof v === 'string' && PURPOSES.some((p) => p.value === v);
export const purposeLabel = (v: string) => PURPOSES.find((p) => p.value === v)?.text ?? v;

export interface StatedPurpose {
  purpose: PurposeCode;
  detail: string | null;
}

/** Pure: checks a purpose as a user states it. 'other' needs words; every detail is bounded. */
export function parsePurpose(input: { purpose?: unknown; detail?: unknown }): { ok: true; value: StatedPurpose } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const detail = typeof input.detail === 'string' ? input.detail.trim() : '';
  if (!isPurpose(input.purpose)) fields.push({ field: 'purpose', message: 'Select why you are opening this record' });
  if (input.purpose === 'other' && !detail) fields.push({ field: 'detail', message: 'Enter the purpose' });
  if (detail.length > MAX_DETAIL) fields.push({ field: 'detail', message: `The purpose must be ${MAX_DETAIL} characters or fewer` });
  if (fields.length) return { ok: false, fields };
  return { ok: true, value: { purpose: input.purpose as PurposeCode, detail: detail || null } };
}

/** "law-enforcement" or "other: checking a duplicate", as written to the audit. */
export const purposeText = (p: StatedPurpose) => (p.detail ? `${p.purpose}: ${p.detail}` : p.purpose);

/** Pure: reads the X-Fusion-Purpose header ("code" or "code: words"). */
export function purposeFromHeader(value: string | string[] | undefined): StatedPurpose | null {
  if (typeof value !== 'string') return null;
  const i = value.indexOf(':');
  const code = (i < 0 ? value : value.slice(0, i)).trim();
  const detail = i < 0 ? '' : value.slice(i + 1).trim();
  const parsed = parsePurpose({ purpose: code, detail });
  return parsed.ok ? parsed.value : null;
}

const sessionKeyOf = (p: Principal) => p.sessionKey ?? `user:${p.userId}`;

/** Recent answers, so a page opened again within the hour costs no query. */
const remembered = new WeakMap<AppContext, Map<string, { text: string; expires: number }>>();
const memo = (ctx: AppContext) => {
  let m = remembered.get(ctx);
  if (!m) remembered.set(ctx, (m = new Map()));
  return m;
};
const memoKey = (p: Principal, kind: string, id: string) => `${sessionKeyOf(p)}|${kind}|${id}`;

/** The purpose this principal gave for this record in this session, if still valid. */
export async function findPurpose(ctx: AppContext, principal: Principal, kind: string, id: string): Promise<string | null> {
  const key = memoKey(principal, kind, id);
  const hit = memo(ctx).get(key);
  if (hit && hit.expires > Date.now()) return hit.text;
  const row = await ctx.db
    .selectFrom('access_purposes')
    .select(['purpose', 'detail', 'expires_at'])
    .where('user_id', '=', principal.userId)
    .where('session_key', '=', sessionKeyOf(principal))
    .where('entity_kind', '=', kind)
    .where('entity_id', '=', id)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const text = purposeText({ purpose: row.purpose as PurposeCode, detail: row.detail });
  memo(ctx).set(key, { text, expires: Math.min(new Date(row.expires_at).getTime(), Date.now() + 60_000) });
  return text;
}

/** Stores a stated purpose for one record (valid for PURPOSE_TTL_MS in this session) and audits it. */
export async function recordPurpose(
  ctx: AppContext,
  req: FastifyRequest,
  target: { kind: string; id: string },
  stated: StatedPurpose,
): Promise<{ id: string; expiresAt: Date }> {
  const principal = req.principal!;
  const expiresAt = new Date(Date.now() + PURPOSE_TTL_MS);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('access_purposes')
      .values({
        user_id: principal.userId,
        agency_code: principal.agencyCode,
        session_key: sessionKeyOf(principal),
        entity_kind: target.kind,
        entity_id: target.id,
        purpose: stated.purpose,
        detail: stated.detail,
        expires_at: expiresAt,
        review_outcome: null,
        review_note: null,
        reviewed_by: null,
        reviewed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.append(trx, actorFrom(req), [
      { action: 'access.purpose.stated', entityKind: target.kind, entityId: target.id, purpose: purposeText(stated), detail: { purposeId: row.id } },
    ]);
    return row.id;
  });
  memo(ctx).set(memoKey(principal, target.kind, target.id), { text: purposeText(stated), expires: Date.now() + 60_000 });
  return { id, expiresAt };
}

/**
 * Call on every route that opens a person's record, before reading it. Returns the purpose to put on the read's
 * audit entry. Pages without a purpose for this record are redirected to the question (and come back after);
 * API calls may send `X-Fusion-Purpose: <code>[: words]` (that purpose then travels on the read's audit entry) or
 * state it first with POST /api/v1/purposes; otherwise they get 428 purpose_required.
 */
export async function requirePurpose(req: FastifyRequest, _reply: FastifyReply | null, kind: string, id: string): Promise<string> {
  const ctx = req.server.fusionCtx;
  const principal = req.principal;
  if (!principal) throw new PurposeRequired('/sign-in');
  const header = purposeFromHeader(req.headers[PURPOSE_HEADER]);
  if (header) return purposeText(header);
  const found = await findPurpose(ctx, principal, kind, id);
  if (found) return found;
  const next = req.method === 'GET' ? req.url : '/';
  throw new PurposeRequired(`/purpose?${new URLSearchParams({ kind, id, next }).toString()}`);
}
