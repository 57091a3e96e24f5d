/**
 * Record visibility for the intelligence capability. The decision itself is the kernel policy's `decideRecord`;
 * this module builds the RecordMeta it needs from a row, and the SQL filter that mirrors the same rules so lists
 * and searches only fetch rows the user may see (each row is then re-checked with `decideRecord`).
 */
import { type RawBuilder, sql } from 'kysely';
import {
  type Agreement,
  type Decision,
  decideRecord,
  type HandlingConditions,
  type RecordMeta,
} from '../kernel/access/policy.js';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import type { AgencyType } from '../kernel/reference/agencies.js';

export const KIND_REPORT = 'intelligence_report';
export const KIND_DEBRIEF = 'debrief';
export const KIND_NCCU = 'nccu_contact';
export const KIND_COMMUNITY = 'community_submission';
export const KIND_PLAN = 'collection_plan';
export const KIND_PROFILE = 'problem_profile';

export interface OwnedRow {
  id?: string;
  owning_agency_code: string;
  owning_agency_type?: string;
  handling_code?: string | null;
  conditions?: unknown;
}

export function parseConditions(v: unknown): HandlingConditions | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as HandlingConditions;
    } catch {
      return null;
    }
  }
  return v as HandlingConditions;
}

export function metaOf(kind: string, row: OwnedRow): RecordMeta {
  return {
    kind,
    id: row.id,
    owningAgencyCode: row.owning_agency_code,
    owningAgencyType: row.owning_agency_type as AgencyType | undefined,
    handlingCode: (row.handling_code as 'P' | 'C' | undefined) ?? 'P',
    conditions: parseConditions(row.conditions),
  };
}

export function decide(
  ctx: AppContext,
  principal: Principal,
  kind: string,
  row: OwnedRow,
  onward = false,
): Decision {
  return decideRecord(principal, metaOf(kind, row), { agreements: ctx.agreements.all(), onward });
}

/** The owners whose records of this kind reach the principal through an agreement in force today. */
export function agreementSources(
  principal: Pick<Principal, 'agencyCode' | 'agencyType'>,
  agreements: readonly Agreement[],
  kind: string,
  on = new Date().toISOString().slice(0, 10),
) {
  const codes = new Set<string>();
  const types = new Set<string>();
  for (const a of agreements) {
    const toOk =
      (a.toAgencyCode !== null && a.toAgencyCode === principal.agencyCode) ||
      (a.toAgencyCode === null && a.toAgencyType !== null && a.toAgencyType === principal.agencyType);
    const kindOk = a.recordKinds.includes(kind) || a.recordKinds.includes('*');
    const dateOk = a.validFrom <= on && (a.validUntil === null || a.validUntil >= on);
    if (!toOk || !kindOk || !dateOk) continue;
    if (a.fromAgencyCode !== null) codes.add(a.fromAgencyCode);
    else if (a.fromAgencyType !== null) types.add(a.fromAgencyType);
  }
  return { codes: [...codes], types: [...types] };
}

/**
 * SQL condition mirroring `decideRecord` for reads: owner; or handling code C naming the agency; or, unless C names
 * other agencies or needs the originator's consent not yet given, an agreement from the owner to the agency.
 * `alias` is the table alias holding owning_agency_code, owning_agency_type, handling_code and conditions.
 */
export function visibleSql(
  alias: string,
  principal: Principal,
  agreements: readonly Agreement[],
  kind: string,
  hasHandling = true,
): RawBuilder<boolean> {
  const me = principal.agencyCode;
  const t = sql.ref(alias);
  const col = (c: string) => sql`${t}.${sql.ref(c)}`;
  const { codes, types } = agreementSources(principal, agreements, kind);
  const shared =
    codes.length || types.length
      ? sql`(${col('owning_agency_code')} = ANY(${codes}::text[]) OR ${col('owning_agency_type')} = ANY(${types}::text[]))`
      : sql`false`;
  if (!hasHandling) return sql<boolean>`(${col('owning_agency_code')} = ${me} OR ${shared})`;
  const named = sql`(${col('handling_code')} = 'C' AND jsonb_array_length(COALESCE(${col('conditions')} -> 'namedAgencies', '[]'::jsonb)) > 0)`;
  const consentMissing = sql`(${col('handling_code')} = 'C' AND COALESCE((${col('conditions')} ->> 'originatorConsent')::boolean, false) AND NOT (COALESCE(${col('conditions')} -> 'consentedAgencies', '[]'::jsonb) ? ${me}))`;
  return sql<boolean>`(${col('owning_agency_code')} = ${me}
    OR (${named} AND (${col('conditions')} -> 'namedAgencies') ? ${me})
    OR (NOT ${named} AND NOT ${consentMissing} AND ${shared}))`;
}
