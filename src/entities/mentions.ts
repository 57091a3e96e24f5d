/**
 * What other capabilities hand to `recordMentions` (zod schemas shared with the API) and the pure rules that
 * turn a mention into the row Fusion stores: normalised person fields (exactly as the matching engine
 * normalises them, so a batch resolution can load them without normalising a million records again), and the
 * identifying key of each thing (E.164 phone, VRM, postcode + address, account number, document number,
 * serial number...). No I/O here.
 */
import { z } from 'zod';
import { encodeDate, normaliseRecord } from './matching/record.js';
import {
  canonicalNameTokens,
  normaliseAddress,
  normaliseEmail,
  normaliseIdentifier,
  normalisePhone,
  normalisePostcode,
  normaliseText,
  normaliseVrm,
  parseDate,
} from './matching/normalise.js';
import type { PersonRecord } from './matching/types.js';

export const THING_KINDS = [
  'organisation',
  'phone',
  'email',
  'vehicle',
  'address',
  'bank_account',
  'document',
  'vessel',
  'engine',
  'location',
  'event',
] as const;
export type ThingKind = (typeof THING_KINDS)[number];

export const THING_LABELS: Record<ThingKind | 'person', string> = {
  person: 'Person',
  organisation: 'Organisation',
  phone: 'Phone',
  email: 'Email address',
  vehicle: 'Vehicle',
  address: 'Address',
  bank_account: 'Bank account',
  document: 'Identity document',
  vessel: 'Vessel',
  engine: 'Engine',
  location: 'Location',
  event: 'Event',
};

export const RELATIONSHIP_KINDS = ['associate', 'family', 'membership', 'ownership', 'payment', 'unknown_link'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const RELATIONSHIP_LABELS: Record<RelationshipKind, string> = {
  associate: 'Associate',
  family: 'Family',
  membership: 'Member of',
  ownership: 'Owns',
  payment: 'Payment',
  unknown_link: 'Link',
};

/** Roles a person can have in one source record (kept per record: a victim here can be a suspect there). */
export const PERSON_ROLES = ['victim', 'potential_victim', 'suspect', 'offender', 'witness', 'subject', 'migrant', 'member', 'associate', 'other'] as const;
/** Roles whose identity is protected in shared views: victims are redacted unless the policy lets the user see them. */
export const VICTIM_ROLES: ReadonlySet<string> = new Set(['victim', 'potential_victim']);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max = 200) => text(max).nullish();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD');

export const HandlingConditionsSchema = z.object({
  namedAgencies: z.array(text(60)).max(50).optional(),
  noOnwardSharing: z.boolean().optional(),
  originatorConsent: z.boolean().optional(),
  consentedAgencies: z.array(text(60)).max(50).optional(),
  text: text(2000).optional(),
});

export const PersonMentionSchema = z.object({
  /** A name for this person within the batch, used by things and relationships ("p1"). */
  ref: text(100).optional(),
  role: text(40).min(1).default('subject'),
  givenName: optionalText(),
  familyName: optionalText(),
  fullName: optionalText(300),
  /** As written: ISO, DD/MM/YYYY, "9 April 1990", a year... */
  dateOfBirth: optionalText(40),
  nationality: optionalText(80),
  gender: optionalText(40),
  phone: optionalText(60),
  email: optionalText(320),
  address: optionalText(400),
  town: optionalText(100),
  postcode: optionalText(20),
  /** "passport:123456789", "nino:AB123456C", "pnc:..." */
  identifiers: z.array(text(100)).max(20).optional(),
  /** GSS police force area code, when known; otherwise derived from the postcode or the agency. */
  forceAreaCode: optionalText(20),
});
export type PersonMention = z.input<typeof PersonMentionSchema>;

export const ThingMentionSchema = z.object({
  ref: text(100).optional(),
  /** As written: "07700 900123", "AB12 CDE", "Flat 3, 45 Ashbury Road, Leeds LS6 2AB", a serial number... */
  value: text(500).min(1),
  /** Ref (in this batch) of the person the thing belongs to. */
  person: text(100).optional(),
  /** uses, owns, lives_at, holds, drove, involved_in, works_at... */
  relation: text(40).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ThingMention = z.input<typeof ThingMentionSchema>;

export const RelationshipMentionSchema = z.object({
  kind: z.enum(RELATIONSHIP_KINDS),
  /** A ref in this batch, or an earlier record: "person:<uuid>" or "mention:<uuid>". */
  from: text(100).min(1),
  to: text(100).min(1),
  relationship: optionalText(100),
  details: z.record(z.string(), z.unknown()).optional(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
export type RelationshipMention = z.input<typeof RelationshipMentionSchema>;

const things = z.array(ThingMentionSchema).max(500).optional();

export const MentionBatchSchema = z.object({
  agencyCode: text(60).min(1),
  /** referral, debrief, intelligence_report, ocg, nccu_contact, import, ... */
  sourceKind: text(40).min(1),
  sourceId: text(200).min(1),
  /** Where a user finds the source record in Fusion (a page path). */
  sourceUrl: text(500).nullish(),
  handlingCode: z.enum(['P', 'C']).default('P'),
  conditions: HandlingConditionsSchema.nullish(),
  threats: z.array(z.enum(['msht', 'oic'])).max(2).optional(),
  /** Date of the facts (defaults to today). */
  recordedOn: isoDate.optional(),
  /** Retention review date. */
  reviewDate: isoDate.nullish(),
  people: z.array(PersonMentionSchema).max(500).optional(),
  organisations: things,
  phones: things,
  emails: things,
  vehicles: things,
  addresses: things,
  accounts: things,
  documents: things,
  vessels: things,
  engines: things,
  locations: things,
  events: things,
  relationships: z.array(RelationshipMentionSchema).max(1000).optional(),
});
export type MentionBatch = z.input<typeof MentionBatchSchema>;
export type ParsedMentionBatch = z.output<typeof MentionBatchSchema>;

/** Batch field -> thing kind. */
export const BATCH_THING_FIELDS: readonly (readonly [keyof ParsedMentionBatch, ThingKind])[] = [
  ['organisations', 'organisation'],
  ['phones', 'phone'],
  ['emails', 'email'],
  ['vehicles', 'vehicle'],
  ['addresses', 'address'],
  ['accounts', 'bank_account'],
  ['documents', 'document'],
  ['vessels', 'vessel'],
  ['engines', 'engine'],
  ['locations', 'location'],
  ['events', 'event'],
];

// ---------------------------------------------------------------------------------------------------------------
// People

/** The columns of a person_records row computed from a mention (provenance columns are added by the store). */
export interface PersonRow {
  role_in_source: string;
  given_name: string | null;
  family_name: string | null;
  full_name: string | null;
  date_of_birth_text: string | null;
  date_of_birth: string | null;
  dob_precision: 'day' | 'year' | 'placeholder' | null;
  nationality: string | null;
  gender: string | null;
  phone: string | null;
  phone_e164: string | null;
  email: string | null;
  address: string | null;
  town: string | null;
  postcode: string | null;
  identifiers: string[];
  force_area_code: string | null;
  norm_given: string | null;
  norm_surname: string | null;
  dob_key: string | null;
  norm_address: string | null;
  norm_town: string | null;
  norm_email: string | null;
  norm_identifiers: string | null;
  norm_sex: string | null;
  norm_nationality: string | null;
  search_name: string | null;
  name_keys: string[];
}

const nul = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function validIsoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1850 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date of birth as written -> a calendar date and how precise it is (year-only and 01/01 placeholders). */
export function parseDateOfBirth(written: string | null | undefined): { date: string | null; precision: PersonRow['dob_precision']; key: string | null } {
  const d = parseDate(written);
  if (!d) return { date: null, precision: null, key: null };
  const key = encodeDate(d);
  if (d.placeholder) return { date: validIsoDate(d.year, d.month, d.day), precision: 'placeholder', key };
  if (d.yearOnly) return { date: validIsoDate(d.year, 1, 1), precision: 'year', key };
  return { date: validIsoDate(d.year, d.month, d.day), precision: 'day', key };
}

/** The person as the matching engine reads it. */
export function toEngineRecord(id: string, p: {
  given_name?: string | null;
  family_name?: string | null;
  full_name?: string | null;
  date_of_birth_text?: string | null;
  gender?: string | null;
  nationality?: string | null;
  address?: string | null;
  postcode?: string | null;
  town?: string | null;
  phone?: string | null;
  email?: string | null;
  identifiers?: string[] | null;
}): PersonRecord {
  return {
    id,
    given_name: p.given_name ?? null,
    surname: p.family_name ?? null,
    full_name: p.full_name ?? null,
    date_of_birth: p.date_of_birth_text ?? null,
    sex: p.gender ?? null,
    nationality: p.nationality ?? null,
    address: p.address ?? null,
    postcode: p.postcode ?? null,
    town: p.town ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    identifiers: p.identifiers ?? null,
  };
}

/** Canonical, spelling-independent name tokens (Mohammed/Muhammad, Nguyen/Nguyễn agree) for the search index. */
export function nameKeys(normGiven: string | null, normSurname: string | null): string[] {
  const tokens = `${normGiven ?? ''} ${normSurname ?? ''}`.split(' ').filter(Boolean);
  return [...new Set(canonicalNameTokens(tokens).filter((t) => t.length > 0))];
}

export function personRow(p: z.output<typeof PersonMentionSchema>, forceAreaFor: (postcode: string | null, town: string | null) => string | null): PersonRow {
  const written = {
    given_name: nul(p.givenName),
    family_name: nul(p.familyName),
    full_name: nul(p.fullName),
    date_of_birth_text: nul(p.dateOfBirth),
    gender: nul(p.gender),
    nationality: nul(p.nationality),
    address: nul(p.address),
    postcode: nul(p.postcode),
    town: nul(p.town),
    phone: nul(p.phone),
    email: nul(p.email),
    identifiers: (p.identifiers ?? []).map((v) => v.trim()).filter(Boolean),
  };
  const n = normaliseRecord(toEngineRecord('', written));
  const dob = parseDateOfBirth(written.date_of_birth_text);
  const postcode = normalisePostcode(written.postcode);
  return {
    role_in_source: p.role,
    ...written,
    date_of_birth: dob.date,
    dob_precision: dob.precision,
    phone_e164: n.phone,
    postcode,
    force_area_code: nul(p.forceAreaCode) ?? forceAreaFor(postcode, written.town),
    norm_given: n.given,
    norm_surname: n.surname,
    dob_key: n.dob,
    norm_address: n.address,
    norm_town: n.town,
    norm_email: n.email,
    norm_identifiers: n.identifiers,
    norm_sex: n.sex,
    norm_nationality: n.nationality,
    search_name: [n.given, n.surname].filter(Boolean).join(' ') || null,
    name_keys: nameKeys(n.given, n.surname),
  };
}

/** A display name for a person row: "Given FAMILY", or the full name as written. */
export function displayName(r: { given_name?: string | null; family_name?: string | null; full_name?: string | null }): string {
  const parts = [r.given_name, r.family_name].filter((v): v is string => !!v && v.trim() !== '');
  if (parts.length) return parts.join(' ');
  return r.full_name?.trim() || 'Name not recorded';
}

// ---------------------------------------------------------------------------------------------------------------
// Things

const UK_POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/i;

/** Splits "Flat 3, 45 Ashbury Road, Leeds LS6 2AB" into the line (normalised) and the postcode. */
export function addressParts(value: string, postcodeHint?: string | null): { line: string | null; postcode: string | null } {
  const m = UK_POSTCODE.exec(value);
  const postcode = normalisePostcode(postcodeHint ?? (m ? `${m[1]}${m[2]}` : null));
  return { line: normaliseAddress(value), postcode };
}

/**
 * The key of an address: its postcode and the numbers in its line ("LS6 2AB|3 45" for "Flat 3, 45 Ashbury Road"),
 * which survives abbreviations, word order and a town written or left out; without numbers, the whole line.
 * Two flats of one HMO or two rooms of one hotel are different addresses.
 */
export function addressKey(lineNorm: string | null, postcode: string | null): string | null {
  const numbers = (lineNorm ?? '').split(' ').filter((t) => /^\d/.test(t)).sort();
  if (postcode && numbers.length) return `${postcode}|${numbers.join(' ')}`;
  if (postcode) return `${postcode}|${lineNorm ?? ''}`;
  return lineNorm ? `|${lineNorm}` : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const alnum = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The key that identifies a thing across sources, or null when the value identifies nothing by itself (an event
 * is its own entity: the store gives it a unique key).
 */
export function thingKey(kind: ThingKind, value: string, details: Record<string, unknown> = {}): string | null {
  switch (kind) {
    case 'phone':
      return normalisePhone(value);
    case 'email':
      return normaliseEmail(value);
    case 'vehicle':
      return normaliseVrm(str(details.vrm) ?? value);
    case 'address': {
      const { line, postcode } = addressParts(value, str(details.postcode));
      return addressKey(line, postcode);
    }
    case 'bank_account': {
      const iban = str(details.iban);
      if (iban) return `iban:${alnum(iban)}`;
      const sort = str(details.sortCode);
      const acc = alnum(str(details.accountNumber) ?? value);
      if (!acc) return null;
      return sort ? `${alnum(sort)}:${acc}` : acc;
    }
    case 'document': {
      const type = str(details.type);
      return normaliseIdentifier(type && !value.includes(':') ? `${type}:${value}` : value);
    }
    case 'vessel': {
      const id = str(details.imo) ?? str(details.mmsi) ?? str(details.registration);
      if (id) return `id:${alnum(id)}`;
      const name = normaliseText(value);
      return name ? `name:${name}` : null;
    }
    case 'engine': {
      const serial = alnum(str(details.serialNumber) ?? value);
      return serial || null;
    }
    case 'organisation': {
      const ocg = str(details.ocgId);
      if (ocg) return `ocg:${ocg}`;
      const name = normaliseText(value);
      return name ? `name:${name}` : null;
    }
    case 'location': {
      const lat = Number(details.lat);
      const lon = Number(details.lon);
      if (Number.isFinite(lat) && Number.isFinite(lon)) return `${lat.toFixed(3)},${lon.toFixed(3)}`;
      const name = normaliseText(value);
      return name ? `name:${name}` : null;
    }
    case 'event':
      return null;
  }
}

/** The protected-values lookups a thing (or a person's own fields) must be checked against. */
export function protectedLookups(kind: ThingKind, value: string, details: Record<string, unknown> = {}): { kind: 'address' | 'postcode' | 'phone' | 'email'; key: string }[] {
  const out: { kind: 'address' | 'postcode' | 'phone' | 'email'; key: string }[] = [];
  if (kind === 'phone') {
    const k = normalisePhone(value);
    if (k) out.push({ kind: 'phone', key: k });
  } else if (kind === 'email') {
    const k = normaliseEmail(value);
    if (k) out.push({ kind: 'email', key: k });
  } else if (kind === 'address') {
    const { line, postcode } = addressParts(value, str(details.postcode));
    const key = addressKey(line, postcode);
    if (key) out.push({ kind: 'address', key });
    if (postcode) out.push({ kind: 'postcode', key: postcode });
  }
  return out;
}

/** The normalised key a protected value is stored under, or null when it normalises to nothing. */
export function protectedKey(kind: 'address' | 'postcode' | 'phone' | 'email', value: string): string | null {
  switch (kind) {
    case 'address': {
      const { line, postcode } = addressParts(value);
      return addressKey(line, postcode);
    }
    case 'postcode':
      return normalisePostcode(value);
    case 'phone':
      return normalisePhone(value);
    case 'email':
      return normaliseEmail(value);
  }
}

/** Things implied by a person's own fields: their phone, email, home address and identity documents. */
export function impliedThings(p: z.output<typeof PersonMentionSchema>): { kind: ThingKind; value: string; relation: string; details: Record<string, unknown> }[] {
  const out: { kind: ThingKind; value: string; relation: string; details: Record<string, unknown> }[] = [];
  const phone = nul(p.phone);
  if (phone) out.push({ kind: 'phone', value: phone, relation: 'uses', details: {} });
  const email = nul(p.email);
  if (email) out.push({ kind: 'email', value: email, relation: 'uses', details: {} });
  const address = nul(p.address);
  const postcode = nul(p.postcode);
  if (address || postcode) {
    const line = [address, nul(p.town), postcode].filter(Boolean).join(', ');
    out.push({ kind: 'address', value: line, relation: 'lives_at', details: postcode ? { postcode } : {} });
  }
  for (const id of p.identifiers ?? []) {
    const v = id.trim();
    if (!v) continue;
    const colon = v.indexOf(':');
    out.push({ kind: 'document', value: v, relation: 'holds', details: colon > 0 ? { type: v.slice(0, colon) } : {} });
  }
  return out;
}
