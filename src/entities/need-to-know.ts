/**
 * Need-to-know over the entity model. Resolution runs over all data; a user sees a person record, a mention or
 * a relationship only when the access policy lets them see the source it came from (decideRecord, kind
 * 'person'); otherwise they learn only that a match exists and whom to contact (hitNoHit). Victims' identity
 * fields pass `redact` with the 'person_victim' field rule.
 */
import { sql } from 'kysely';
import { agreementCovers, decideRecord, type Decision, type HandlingConditions, hitNoHit, redact, type RecordMeta } from '../kernel/access/policy.js';
import type { Principal } from '../kernel/access/principal.js';
import type { AppContext } from '../kernel/context.js';
import { VICTIM_ROLES } from './mentions.js';
import type { AgencyInfo } from './store.js';

/** The record kind the policy decides person records (and the facts recorded with them) under. */
export const PERSON_KIND = 'person';
/** The field-rule kind for victims' identity fields. */
export const VICTIM_KIND = 'person_victim';

export const VICTIM_IDENTITY_FIELDS = [
  'given_name',
  'family_name',
  'full_name',
  'name',
  'date_of_birth',
  'date_of_birth_text',
  'phone',
  'email',
  'address',
  'postcode',
  'identifiers',
] as const;

export interface ProvenanceRow {
  id: string;
  agency_code: string;
  handling_code: 'P' | 'C' | string;
  conditions: unknown;
}

export function conditionsOf(v: unknown): HandlingConditions | null {
  if (!v) return null;
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as HandlingConditions;
    } catch {
      return null;
    }
  }
  return v as HandlingConditions;
}

export function metaOf(row: ProvenanceRow, agencies: Map<string, AgencyInfo>, kind = PERSON_KIND): RecordMeta {
  return {
    kind,
    id: row.id,
    owningAgencyCode: row.agency_code,
    owningAgencyType: agencies.get(row.agency_code)?.type,
    handlingCode: row.handling_code === 'C' ? 'C' : 'P',
    conditions: conditionsOf(row.conditions),
  };
}

export class NeedToKnow {
  constructor(
    readonly principal: Principal,
    private readonly ctx: AppContext,
    readonly agencies: Map<string, AgencyInfo>,
    private readonly onward = false,
  ) {}

  decide(row: ProvenanceRow): Decision {
    return decideRecord(this.principal, metaOf(row, this.agencies), { agreements: this.ctx.agreements.all(), onward: this.onward });
  }

  sees(row: ProvenanceRow): boolean {
    return this.decide(row).allow;
  }

  /**
   * Agency codes whose person records this user may see under ownership or an agreement (before handling
   * conditions): the SQL pre-filter for lists. Rows still pass `sees` one by one.
   */
  visibleAgencyCodes(): string[] {
    const today = new Date().toISOString().slice(0, 10);
    const out: string[] = [];
    for (const a of this.agencies.values()) {
      if (a.code === this.principal.agencyCode) {
        out.push(a.code);
        continue;
      }
      const meta: RecordMeta = { kind: PERSON_KIND, owningAgencyCode: a.code, owningAgencyType: a.type };
      if (this.ctx.agreements.all().some((ag) => agreementCovers(ag, meta, this.principal, today))) out.push(a.code);
    }
    return out;
  }

  /** Victims' identity fields are withheld unless the policy lets this user see them. */
  redactPerson<T extends Record<string, unknown>>(row: T & ProvenanceRow & { role_in_source?: string | null }): T {
    if (!row.role_in_source || !VICTIM_ROLES.has(row.role_in_source)) return row;
    return redact(this.principal, metaOf(row, this.agencies, VICTIM_KIND), row);
  }

  /** Whether victims' identity in this agency's records is shown to this user. */
  seesVictimIdentity(row: ProvenanceRow): boolean {
    const probe = { id: row.id, agency_code: row.agency_code, handling_code: row.handling_code, conditions: row.conditions, role_in_source: 'victim', given_name: 'x' };
    return this.redactPerson(probe).given_name === 'x';
  }

  /** "A match exists: contact X" for records this user may not see, one line per owning agency. */
  hits(rows: readonly ProvenanceRow[]): { agencyCode: string; agencyName: string; records: number; message: string }[] {
    const byAgency = new Map<string, number>();
    for (const r of rows) byAgency.set(r.agency_code, (byAgency.get(r.agency_code) ?? 0) + 1);
    return [...byAgency.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([code, n]) => {
        const name = this.agencies.get(code)?.name ?? code;
        const h = hitNoHit({ kind: PERSON_KIND, owningAgencyCode: code }, name);
        return { agencyCode: code, agencyName: name, records: n, message: h.message };
      });
  }
}

/**
 * SQL equivalent of `decideRecord` (not onward) for a person_records alias, for aggregates (the map) that cannot
 * check rows one by one: owner; handling code C naming the user's agency; otherwise an agreement covering the
 * owner, unless C conditions name other agencies or need consent not given.
 */
export function visibilitySql(ntk: NeedToKnow, alias: string) {
  const me = ntk.principal.agencyCode;
  const codes = ntk.visibleAgencyCodes();
  const a = sql.raw(alias);
  return sql`(${a}.agency_code = ${me}
    OR (${a}.handling_code = 'C' AND coalesce(${a}.conditions->'namedAgencies', '[]'::jsonb) ? ${me})
    OR (${a}.agency_code = ANY(${codes}::text[])
        AND NOT (${a}.handling_code = 'C' AND jsonb_array_length(coalesce(${a}.conditions->'namedAgencies', '[]'::jsonb)) > 0)
        AND NOT (${a}.handling_code = 'C' AND coalesce((${a}.conditions->>'originatorConsent')::boolean, false)
                 AND NOT coalesce(${a}.conditions->'consentedAgencies', '[]'::jsonb) ? ${me})))`;
}
