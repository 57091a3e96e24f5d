import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { match as matchPostcode, toNormalised as normalisePostcode } from 'postcode';

/**
 * The non-identifying facts of a referral that feed the shared picture (DOMAIN §9.3): suspected exploiters,
 * phones, vehicles and addresses, each kept as written and in a normalised form the matching engine can join on.
 */
export type FactItemKind = 'suspect' | 'phone' | 'vehicle' | 'address';

export interface FactItem {
  kind: FactItemKind;
  value: string;
  normalised: string;
  /** Postcode of an address, E.164 of a phone. */
  detail: Record<string, string> | null;
}

export const MAX_ITEMS = 20;
export const MAX_ITEM_LENGTH = 200;

export const ITEM_LABELS: Record<FactItemKind, { one: string; many: string; example: string }> = {
  suspect: { one: 'suspected exploiter', many: 'Suspected exploiters', example: 'a name, nickname or description' },
  phone: { one: 'phone number', many: 'Phone numbers', example: '07700 900123 or +44 7700 900123' },
  vehicle: { one: 'vehicle registration', many: 'Vehicles', example: 'AB12 CDE' },
  address: { one: 'address', many: 'Addresses', example: '12 High Street, Leeds LS1 4AB' },
};

/** Splits a box with one item per line; blank lines dropped, spaces tidied, repeats removed. */
export function lines(text: string | string[] | undefined | null): string[] {
  const raw = Array.isArray(text) ? text : String(text ?? '').split(/\r?\n/);
  const out: string[] = [];
  for (const l of raw) {
    const t = String(l).replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export function normalisePhone(value: string): string | null {
  const p = parsePhoneNumberFromString(value, 'GB');
  return p?.isPossible() ? p.number : null;
}

export function normaliseVehicle(value: string): string | null {
  const v = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^[A-Z0-9]{2,8}$/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v) ? v : null;
}

export function postcodeIn(value: string): string | null {
  const found = matchPostcode(value);
  return found.length ? normalisePostcode(found[found.length - 1]!) : null;
}

export const normaliseName = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface ItemsResult {
  items: FactItem[];
  errors: { field: string; message: string }[];
}

/** Builds the items of one kind from the lines typed, with a field error naming each one not understood. */
export function parseItems(kind: FactItemKind, values: string[], field: string): ItemsResult {
  const items: FactItem[] = [];
  const errors: { field: string; message: string }[] = [];
  const label = ITEM_LABELS[kind];
  if (values.length > MAX_ITEMS) errors.push({ field, message: `Enter no more than ${MAX_ITEMS} ${label.many.toLowerCase()}.` });
  for (const value of values.slice(0, MAX_ITEMS)) {
    if (value.length > MAX_ITEM_LENGTH) {
      errors.push({ field, message: `Each ${label.one} must be ${MAX_ITEM_LENGTH} characters or fewer.` });
      continue;
    }
    if (kind === 'phone') {
      const e164 = normalisePhone(value);
      if (!e164) errors.push({ field, message: `"${value}" is not a phone number. Enter numbers like ${label.example}.` });
      else items.push({ kind, value, normalised: e164, detail: { e164 } });
    } else if (kind === 'vehicle') {
      const vrm = normaliseVehicle(value);
      if (!vrm) errors.push({ field, message: `"${value}" is not a vehicle registration. Enter registrations like ${label.example}.` });
      else items.push({ kind, value, normalised: vrm, detail: null });
    } else if (kind === 'address') {
      const pc = postcodeIn(value);
      items.push({ kind, value, normalised: normaliseName(value), detail: pc ? { postcode: pc } : null });
    } else {
      items.push({ kind, value, normalised: normaliseName(value), detail: null });
    }
  }
  return { items, errors };
}
