/**
 * Protected values (safe houses, refuges, helplines, support providers' numbers, NGO offices) as the resolver
 * sees them: a field holding one is treated as missing, so it can never add weight to a pair of people.
 */
import { sql } from 'kysely';
import { addressKey } from '../mentions.js';
import type { NormalisedRecord, PersonRecord } from '../matching/types.js';
import { normaliseRecord } from '../matching/record.js';
import type { Db } from '../store.js';

export interface ProtectedSets {
  phone: ReadonlySet<string>;
  email: ReadonlySet<string>;
  address: ReadonlySet<string>;
  postcode: ReadonlySet<string>;
  /** Changes whenever the list changes (count and latest change), so a cached index knows to rebuild. */
  stamp: string;
}

export const EMPTY_PROTECTED: ProtectedSets = { phone: new Set(), email: new Set(), address: new Set(), postcode: new Set(), stamp: '0' };

export async function protectedStamp(db: Db): Promise<string> {
  const r = await sql<{ n: number; at: string | null }>`SELECT count(*)::int AS n, max(created_at)::text AS at FROM protected_values`.execute(db);
  return `${r.rows[0]!.n}:${r.rows[0]!.at ?? ''}`;
}

export async function loadProtectedSets(db: Db): Promise<ProtectedSets> {
  const rows = await sql<{ kind: keyof Omit<ProtectedSets, 'stamp'>; key: string }>`SELECT kind, key FROM protected_values`.execute(db);
  const sets = { phone: new Set<string>(), email: new Set<string>(), address: new Set<string>(), postcode: new Set<string>() };
  for (const r of rows.rows) sets[r.kind]?.add(r.key);
  return { ...sets, stamp: await protectedStamp(db) };
}

/** Which fields of a normalised record hold protected values. */
export function protectedFields(n: Pick<NormalisedRecord, 'phone' | 'email' | 'address' | 'postcode'>, p: ProtectedSets): { phone: boolean; email: boolean; address: boolean } {
  const key = addressKey(n.address, n.postcode);
  return {
    phone: !!n.phone && p.phone.has(n.phone),
    email: !!n.email && p.email.has(n.email),
    address: (!!key && p.address.has(key)) || (!!n.postcode && p.postcode.has(n.postcode)),
  };
}

/** The normalised record with protected values treated as missing. */
export function guardNormalised(n: NormalisedRecord, p: ProtectedSets): NormalisedRecord {
  if (!p.phone.size && !p.email.size && !p.address.size && !p.postcode.size) return n;
  const f = protectedFields(n, p);
  if (!f.phone && !f.email && !f.address) return n;
  return {
    ...n,
    phone: f.phone ? null : n.phone,
    email: f.email ? null : n.email,
    address: f.address ? null : n.address,
    postcode: f.address ? null : n.postcode,
  };
}

/** The same for a record as written (what Resolver.resolveOne takes). */
export function guardPerson(r: PersonRecord, p: ProtectedSets): PersonRecord {
  if (!p.phone.size && !p.email.size && !p.address.size && !p.postcode.size) return r;
  const f = protectedFields(normaliseRecord(r), p);
  if (!f.phone && !f.email && !f.address) return r;
  return { ...r, phone: f.phone ? null : r.phone, email: f.email ? null : r.email, address: f.address ? null : r.address, postcode: f.address ? null : r.postcode };
}
