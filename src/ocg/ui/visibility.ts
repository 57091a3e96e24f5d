import { type ExpressionBuilder, sql } from 'kysely';
import { type Agreement, agreementCovers, decideRecord, type HandlingConditions, type RecordMeta } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';

/**
 * Lists are filtered in SQL by the same rules decideRecord applies (owning agency, agreements, agencies named in
 * handling conditions), then each row is re-checked with decideRecord. This computes the SQL side: which owning
 * agencies and agency types the principal's agreements cover for a kind of record.
 */
export function visibleOwners(principal: Principal, kind: string, agreements: readonly Agreement[], on = new Date().toISOString().slice(0, 10)) {
  const codes = new Set<string>([principal.agencyCode]);
  const types = new Set<string>();
  for (const a of agreements) {
    // Probe with a record of the agreement's own "from" side: covers() then tests kind, recipient and dates.
    const probe: RecordMeta = { kind, owningAgencyCode: a.fromAgencyCode ?? '\u0000', owningAgencyType: (a.fromAgencyType ?? undefined) as RecordMeta['owningAgencyType'] };
    if (!agreementCovers(a, probe, principal, on)) continue;
    if (a.fromAgencyCode) codes.add(a.fromAgencyCode);
    else if (a.fromAgencyType) types.add(a.fromAgencyType);
  }
  return { codes: [...codes], types: [...types] };
}

/** A WHERE clause over a table's owning agency code/type and handling columns. */
export function visibleWhere(
  principal: Principal,
  kind: string,
  agreements: readonly Agreement[],
  cols: { code: string; type: string; conditions?: string },
) {
  const { codes, types } = visibleOwners(principal, kind, agreements);
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or([
      eb(eb.ref(cols.code), 'in', codes),
      ...(types.length ? [eb(eb.ref(cols.type), 'in', types)] : []),
      ...(cols.conditions
        ? [eb(sql`(${sql.ref(cols.conditions)}->'namedAgencies')`, '@>', sql`jsonb_build_array(${principal.agencyCode}::text)`)]
        : []),
    ]);
}

export interface OwnedRow {
  id: string;
  owning_agency_code: string;
  owning_agency_type: string;
  handling_code: string;
  handling_conditions: unknown;
}

export function metaOf(kind: string, row: OwnedRow): RecordMeta {
  return {
    kind,
    id: row.id,
    owningAgencyCode: row.owning_agency_code,
    owningAgencyType: row.owning_agency_type as RecordMeta['owningAgencyType'],
    handlingCode: row.handling_code === 'C' ? 'C' : 'P',
    conditions: (row.handling_conditions as HandlingConditions | null) ?? null,
  };
}

export function canSee(principal: Principal, kind: string, row: OwnedRow, agreements: readonly Agreement[]) {
  return decideRecord(principal, metaOf(kind, row), { agreements });
}
