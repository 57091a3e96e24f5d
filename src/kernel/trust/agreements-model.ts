import { z } from 'zod';
import { PURPOSES } from '../access/purpose.js';
import { AGENCY_TYPES } from '../reference/agencies.js';
import type { FieldError } from '../errors.js';

/** Data-sharing agreements: pure rules. An administrator shares their own agency's records, never another's. */

export const AGREEMENT_PURPOSES = [...PURPOSES.map((p) => p.value).filter((p) => p !== 'other'), 'performance'] as const;
const KIND = /^([a-z][a-z0-9_]{1,40}|\*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const AgreementInput = z.object({
  name: z.string().max(200),
  toAgencyCode: z.string().max(100).nullable().optional(),
  toAgencyType: z.enum(AGENCY_TYPES).nullable().optional(),
  recordKinds: z.array(z.string().max(60)).max(50),
  purposes: z.array(z.string().max(60)).max(20),
  validFrom: z.string().max(10).optional(),
  validUntil: z.string().max(10).nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
});
export type AgreementInput = z.infer<typeof AgreementInput>;

export const AgreementChange = z.object({
  validUntil: z.string().max(10).nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
});
export type AgreementChange = z.infer<typeof AgreementChange>;

export const isIsoDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export interface CheckedAgreement {
  name: string;
  toAgencyCode: string | null;
  toAgencyType: string | null;
  recordKinds: string[];
  purposes: string[];
  validFrom: string;
  validUntil: string | null;
  notes: string | null;
}

export function checkAgreement(
  input: AgreementInput,
  ownAgencyCode: string,
  agencyCodes: ReadonlySet<string>,
  today: string,
): { ok: true; value: CheckedAgreement } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const name = input.name.trim();
  if (name.length < 3) fields.push({ field: 'name', message: 'Enter a name for the agreement (3 characters or more)' });
  const toCode = input.toAgencyCode?.trim() || null;
  const toType = input.toAgencyType || null;
  if (!toCode && !toType) fields.push({ field: 'toAgencyCode', message: 'Select the agency, or the kind of agency, that receives the records' });
  if (toCode && toType) fields.push({ field: 'toAgencyCode', message: 'Select either one agency or one kind of agency, not both' });
  if (toCode && !agencyCodes.has(toCode)) fields.push({ field: 'toAgencyCode', message: 'Select an agency from the list' });
  if (toCode && toCode === ownAgencyCode) fields.push({ field: 'toAgencyCode', message: 'Your agency already sees its own records' });
  const kinds = [...new Set(input.recordKinds.map((k) => k.trim()).filter(Boolean))];
  if (kinds.length === 0) fields.push({ field: 'recordKinds', message: 'Select at least one kind of record' });
  else if (kinds.some((k) => !KIND.test(k))) fields.push({ field: 'recordKinds', message: 'Kinds of record are lower-case words joined by underscores, like intelligence_report' });
  const purposes = [...new Set(input.purposes)];
  if (purposes.length === 0) fields.push({ field: 'purposes', message: 'Select at least one purpose' });
  else if (purposes.some((p) => !(AGREEMENT_PURPOSES as readonly string[]).includes(p))) fields.push({ field: 'purposes', message: 'Select purposes from the list' });
  const validFrom = input.validFrom?.trim() || today;
  if (!isIsoDate(validFrom)) fields.push({ field: 'validFrom', message: 'The start date must be a real date' });
  const validUntil = input.validUntil?.trim() || null;
  if (validUntil && !isIsoDate(validUntil)) fields.push({ field: 'validUntil', message: 'The end date must be a real date' });
  else if (validUntil && isIsoDate(validFrom) && validUntil < validFrom) fields.push({ field: 'validUntil', message: 'The end date must be the same as or after the start date' });
  if (fields.length) return { ok: false, fields };
  return {
    ok: true,
    value: { name, toAgencyCode: toCode, toAgencyType: toType, recordKinds: kinds, purposes, validFrom, validUntil, notes: input.notes?.trim() || null },
  };
}

export function checkAgreementChange(change: AgreementChange, validFrom: string): FieldError[] {
  const fields: FieldError[] = [];
  const until = change.validUntil?.trim() || null;
  if (until && !isIsoDate(until)) fields.push({ field: 'validUntil', message: 'The end date must be a real date' });
  else if (until && until < validFrom) fields.push({ field: 'validUntil', message: 'The end date must be the same as or after the start date' });
  return fields;
}

/** Only the agency whose records an agreement shares may change or withdraw it. */
export const mayManageAgreement = (adminAgency: string, a: { from_agency_code: string | null }) => a.from_agency_code === adminAgency;

export type AgreementStatus = 'in-force' | 'not-yet' | 'ended' | 'withdrawn';
export function agreementStatus(a: { valid_from: string; valid_until: string | null; withdrawn_at: unknown }, today: string): AgreementStatus {
  if (a.withdrawn_at) return 'withdrawn';
  if (String(a.valid_from).slice(0, 10) > today) return 'not-yet';
  if (a.valid_until && String(a.valid_until).slice(0, 10) < today) return 'ended';
  return 'in-force';
}
