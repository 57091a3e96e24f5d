import type { RecordMeta } from '../kernel/access/policy.js';
import { AGENCIES, type AgencyType } from '../kernel/reference/agencies.js';

/**
 * How referral records meet the kernel's access policy. A referral belongs to the referring organisation and
 * carries handling code C naming who else may see it (the competent authority; for a child, the local
 * authority and the guardian service). Support cases belong to the prime contractor and name the providers,
 * navigators and liaison officers working on them. Referral facts belong to the competent authority and reach
 * law enforcement through data-sharing agreements.
 */

/** The competent authority that receives referrals (DOMAIN §3). */
export const COMPETENT_AUTHORITY = 'sca';
/** Holds adult support case management in England and Wales (seed 001 §36). */
export const PRIME_CONTRACTOR = 'salvation-army';
/** Independent Child Trafficking Guardians. */
export const ICTG_PROVIDER = 'barnardos';

const BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));
export const agencyName = (code: string | null | undefined) => (code ? (BY_CODE.get(code)?.name ?? code) : '');
export const agencyTypeOf = (code: string): AgencyType | undefined => BY_CODE.get(code)?.type;
export const isAgency = (code: string) => BY_CODE.has(code);

export function referralMeta(r: { id: string; agency_code: string; agency_type: string; handling_code: string; shared_with: string[] }): RecordMeta {
  return {
    kind: 'referral',
    id: r.id,
    owningAgencyCode: r.agency_code,
    owningAgencyType: r.agency_type as AgencyType,
    handlingCode: r.handling_code === 'P' ? 'P' : 'C',
    conditions: {
      namedAgencies: r.shared_with,
      noOnwardSharing: true,
      text: 'Shared for the NRM decision and safeguarding only.',
    },
  };
}

export function supportMeta(c: { id: string; owning_agency: string; shared_with: string[] }): RecordMeta {
  return {
    kind: 'support_case',
    id: c.id,
    owningAgencyCode: c.owning_agency,
    owningAgencyType: agencyTypeOf(c.owning_agency),
    handlingCode: 'C',
    conditions: { namedAgencies: c.shared_with, noOnwardSharing: true, text: 'Shared with those supporting the person.' },
  };
}

export function factsMeta(owningAgency: string, referralId?: string): RecordMeta {
  return { kind: 'referral_facts', id: referralId, owningAgencyCode: owningAgency, owningAgencyType: agencyTypeOf(owningAgency), handlingCode: 'P' };
}

/** Identity fields per kind of record, for the policy's field rules. */
export const REFERRAL_IDENTITY_FIELDS = ['given_name', 'family_name', 'other_names', 'date_of_birth', 'account'] as const;
