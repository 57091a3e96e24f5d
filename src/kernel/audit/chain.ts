import { createHash } from 'node:crypto';

/** Pure: the canonical form of an audit row and the hash that chains it to the one before. */
export interface AuditRow {
  seq: number;
  at: Date;
  user_id: string | null;
  agency_code: string | null;
  roles: string;
  action: string;
  entity_kind: string | null;
  entity_id: string | null;
  purpose: string | null;
  ip: string | null;
  outcome: string;
  detail: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Longest text kept in one audit column; longer values are cut (before hashing, so the chain still verifies). */
export const MAX_AUDIT_TEXT = 2000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text exactly as PostgreSQL will store it: no NUL (text refuses it), no lone surrogate (UTF-8 cannot carry it),
 * bounded length. Hashing the stored form is what lets `verify` recompute the same hash from what it reads back.
 */
export function storableText(s: string, max = MAX_AUDIT_TEXT): string {
  let out = s.replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '\uFFFD');
  if (out.length > max) out = out.slice(0, max).replace(LONE_SURROGATE, '');
  return out;
}

export function storable(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : storableText(String(s));
}

/** A JSON value as jsonb stores and returns it: JSON-only types, clean strings and keys. */
export function storableJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const plain = JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return storableText(v, 10_000);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [storableText(k, 200), clean(x)]));
    }
    return v;
  };
  return clean(plain);
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function canonicalRow(r: AuditRow): string {
  return canonicalJson([
    r.seq,
    r.at.toISOString(),
    r.user_id,
    r.agency_code,
    r.roles,
    r.action,
    r.entity_kind,
    r.entity_id,
    r.purpose,
    r.ip,
    r.outcome,
    r.detail ?? null,
  ]);
}

export function chainHash(prevHash: string, row: AuditRow): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalRow(row)).digest('hex');
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry that does not verify, and why. */
  brokenAt?: { seq: number; reason: string };
}

/** Checks a run of rows (ordered by seq) continuing from `prev`. */
export function verifyRun(
  rows: (AuditRow & { prev_hash: string; hash: string })[],
  prev: { seq: number; hash: string },
): VerifyResult & { last: { seq: number; hash: string } } {
  let last = prev;
  let checked = 0;
  for (const r of rows) {
    if (r.seq !== last.seq + 1) {
      return { ok: false, checked, brokenAt: { seq: last.seq + 1, reason: `entry ${last.seq + 1} is missing` }, last };
    }
    if (r.prev_hash !== last.hash) {
      return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'its link to the previous entry does not match' }, last };
    }
    if (chainHash(r.prev_hash, r) !== r.hash) {
      return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'its content does not match its hash' }, last };
    }
    last = { seq: r.seq, hash: r.hash };
    checked++;
  }
  return { ok: true, checked, last };
}
