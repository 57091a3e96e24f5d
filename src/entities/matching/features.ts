/**
 * Per-value features, computed once per distinct normalised value (not per record and never per
 * pair): the index stores each distinct value once and comparators read these.
 */
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import { canonicalNameTokens, type DateValue, postcodeParts } from './normalise.js';

export interface NameFeatures {
  norm: string;
  tokens: string[];
  /** Tokens without spaces: "abdul rahman" and "abdulrahman" agree here. */
  squash: string;
  /** Canonical (romanisation-independent) tokens, sorted, joined by spaces. */
  canonKey: string;
  canonTokens: string[];
  /** Double metaphone (primary) of the first token. */
  phonetic: string;
  /** Bit per first letter (a-z) of the tokens: a cheap test for tokens that could correspond. */
  initials: number;
}

/** Features of a name value; `surname` enables surname-only canonical rules (joined "al-"). */
export function nameFeatures(norm: string, surname = false): NameFeatures {
  const tokens = norm.split(' ');
  const canonTokens = canonicalNameTokens(tokens, surname);
  return {
    norm,
    tokens,
    squash: tokens.join(''),
    canonTokens,
    canonKey: [...canonTokens].sort().join(' '),
    phonetic: doubleMetaphone(tokens[0])[0],
    initials: tokens.reduce((m, t) => m | (1 << ((t.charCodeAt(0) - 97) & 31)), 0),
  };
}

export type DateFeatures = DateValue;

export interface AddressFeatures {
  norm: string;
  tokens: string[];
  squash: string;
  /** Numbers in the address (house, flat): two addresses with different numbers are not one home. */
  numbers: string[];
}

export function addressFeatures(norm: string): AddressFeatures {
  const tokens = norm.split(' ');
  return { norm, tokens, squash: tokens.join(''), numbers: tokens.filter((t) => /^\d/.test(t)) };
}

export interface PostcodeFeatures {
  norm: string;
  /** UK outward code and sector, when the postcode is a valid UK one. */
  outcode: string | null;
  sector: string | null;
}

export function postcodeFeatures(norm: string): PostcodeFeatures {
  const parts = postcodeParts(norm);
  return { norm, outcode: parts?.outcode ?? null, sector: parts?.sector ?? null };
}

export interface IdentifierFeatures {
  /** "type:value" or bare values, sorted. */
  values: string[];
  /** The type prefix of each value ("" when bare). */
  types: string[];
}

export function identifierFeatures(key: string): IdentifierFeatures {
  const values = key.split('|');
  return { values, types: values.map((v) => (v.indexOf(':') > 0 ? v.slice(0, v.indexOf(':')) : '')) };
}
