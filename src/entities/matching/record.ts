/** Turns a PersonRecord into the normalised strings the index stores, honouring protected values. */
import type { CountryCode } from 'libphonenumber-js';
import type { DateFeatures } from './features.js';
import {
  type DateOptions,
  normaliseAddress,
  normaliseEmail,
  normaliseIdentifier,
  normaliseName,
  normaliseNationality,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  normaliseTown,
  parseDate,
  splitFullName,
} from './normalise.js';
import type { NormalisedRecord, PersonRecord } from './types.js';

export interface NormaliseOptions extends DateOptions {
  defaultCountry?: CountryCode;
  /**
   * Normalised values that must never count as agreement (refuge and safe-house addresses,
   * helpline numbers): a field holding one is treated as missing. Build with `protectedValueSet`.
   */
  protectedValues?: ReadonlySet<string>;
}

/** Encodes a parsed date as the index key ("19900409|", "19900101|p", "1990|y"). */
export function encodeDate(d: { text: string; yearOnly: boolean; placeholder: boolean }): string {
  return d.text + '|' + (d.placeholder ? 'p' : d.yearOnly ? 'y' : '');
}

/** The date features behind an index key written by `encodeDate`. */
export function decodeDate(key: string): DateFeatures {
  const bar = key.indexOf('|');
  const text = key.slice(0, bar);
  const flag = key.slice(bar + 1);
  const year = Number(text.slice(0, 4));
  const month = text.length >= 6 ? Number(text.slice(4, 6)) : 0;
  const day = text.length >= 8 ? Number(text.slice(6, 8)) : 0;
  return { text, year, month, day, yearOnly: flag !== '', placeholder: flag === 'p' };
}

function guard(v: string | null, protectedValues: ReadonlySet<string> | undefined): string | null {
  return v !== null && protectedValues?.has(v) ? null : v;
}

export function normaliseRecord(r: PersonRecord, opts: NormaliseOptions = {}): NormalisedRecord {
  let given = normaliseName(r.given_name);
  let surname = normaliseName(r.surname);
  if (given === null && surname === null && r.full_name) {
    const split = splitFullName(r.full_name);
    given = split.given;
    surname = split.surname;
  }
  const date = parseDate(r.date_of_birth, opts);
  const ids = (r.identifiers ?? []).map((v) => normaliseIdentifier(v)).filter((v): v is string => v !== null);
  const pv = opts.protectedValues;
  return {
    given,
    surname,
    dob: date ? encodeDate(date) : null,
    address: guard(normaliseAddress(r.address), pv),
    postcode: guard(normalisePostcode(r.postcode), pv),
    town: normaliseTown(r.town),
    phone: guard(normalisePhone(r.phone, opts.defaultCountry), pv),
    email: guard(normaliseEmail(r.email), pv),
    identifiers: ids.length ? [...new Set(ids)].sort().join('|') : null,
    sex: normaliseSex(r.sex),
    nationality: normaliseNationality(r.nationality),
  };
}

/**
 * Normalises raw protected values (as staff type them) into the set `normaliseRecord` checks, so a
 * refuge address or helpline number is recognised however a record writes it.
 */
export function protectedValueSet(
  raw: { addresses?: string[]; postcodes?: string[]; phones?: string[]; emails?: string[] },
  defaultCountry: CountryCode = 'GB',
): Set<string> {
  const out = new Set<string>();
  const add = (v: string | null) => {
    if (v) out.add(v);
  };
  for (const a of raw.addresses ?? []) add(normaliseAddress(a));
  for (const p of raw.postcodes ?? []) add(normalisePostcode(p));
  for (const p of raw.phones ?? []) add(normalisePhone(p, defaultCountry));
  for (const e of raw.emails ?? []) add(normaliseEmail(e));
  return out;
}
