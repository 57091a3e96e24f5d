/**
 * The comparisons the model scores, the serialisable model (m and u per comparison level plus the
 * prior), and the scorer that turns a record pair into comparison levels and a match weight.
 */
import {
  CATEGORY_LEVELS,
  compareAddresses,
  compareCategories,
  compareDates,
  compareEmails,
  compareIdentifiers,
  compareNames,
  comparePhones,
  comparePostcodes,
  compareTowns,
  DATE_LEVELS,
  DIFFERENT,
  EMAIL_LEVELS,
  IDENTIFIER_LEVELS,
  MISSING,
  NAME_LEVELS,
  PHONE_LEVELS,
  RESIDENCE_LEVELS,
  residenceLevel,
} from './comparators.js';
import type { RecordStore } from './store.js';
import type { FieldName } from './types.js';

export interface ComparisonSpec {
  name: string;
  field: FieldName;
  levels: readonly string[];
  /** Exact agreement is adjusted by how common the shared value is. */
  tf: boolean;
}

export const COMPARISONS: readonly ComparisonSpec[] = [
  { name: 'given_name', field: 'given', levels: NAME_LEVELS, tf: true },
  { name: 'surname', field: 'surname', levels: NAME_LEVELS, tf: true },
  { name: 'date_of_birth', field: 'dob', levels: DATE_LEVELS, tf: true },
  // Address, postcode and town together (see residenceLevel); the frequency used is the address's.
  { name: 'residence', field: 'address', levels: RESIDENCE_LEVELS, tf: true },
  { name: 'phone', field: 'phone', levels: PHONE_LEVELS, tf: true },
  { name: 'email', field: 'email', levels: EMAIL_LEVELS, tf: true },
  { name: 'identifiers', field: 'identifiers', levels: IDENTIFIER_LEVELS, tf: false },
  { name: 'sex', field: 'sex', levels: CATEGORY_LEVELS, tf: false },
  { name: 'nationality', field: 'nationality', levels: CATEGORY_LEVELS, tf: false },
];

export const C_GIVEN = 0;
export const C_SURNAME = 1;
export const C_DOB = 2;
export const C_RESIDENCE = 3;
export const C_PHONE = 4;
export const C_EMAIL = 5;
export const C_IDENTIFIERS = 6;
export const NUM_COMPARISONS = COMPARISONS.length;

/** Number of distinct comparison vectors, for mixed-radix pattern codes. */
export const RADIX: readonly number[] = COMPARISONS.map((c) => c.levels.length);

export function patternCode(levels: ArrayLike<number>): number {
  let code = 0;
  for (let c = 0; c < NUM_COMPARISONS; c++) code = code * RADIX[c] + levels[c];
  return code;
}

export function decodePattern(code: number, out: Uint8Array): Uint8Array {
  for (let c = NUM_COMPARISONS - 1; c >= 0; c--) {
    out[c] = code % RADIX[c];
    code = Math.floor(code / RADIX[c]);
  }
  return out;
}

/**
 * Fills `out` with the comparison level of each comparison for records i and j; returns true when
 * given name and surname were compared crosswise (written the other way round in one record).
 */
export function compareRecords(s: RecordStore, i: number, j: number, out: Uint8Array): boolean {
  const swapped = compareNames(s.given.feature(i), s.surname.feature(i), s.given.feature(j), s.surname.feature(j), out);
  out[2] = compareDates(s.dob.feature(i), s.dob.feature(j));
  out[3] = residenceLevel(
    compareAddresses(s.address.feature(i), s.address.feature(j)),
    comparePostcodes(s.postcode.feature(i), s.postcode.feature(j)),
    compareTowns(s.town.feature(i), s.town.feature(j)),
  );
  out[4] = comparePhones(s.phone.feature(i), s.phone.feature(j));
  out[5] = compareEmails(s.email.feature(i), s.email.feature(j));
  out[6] = compareIdentifiers(s.identifiers.feature(i), s.identifiers.feature(j));
  out[7] = compareCategories(s.sex.feature(i), s.sex.feature(j));
  out[8] = compareCategories(s.nationality.feature(i), s.nationality.feature(j));
  return swapped;
}

export interface LevelParams {
  label: string;
  /** P(level | records match). */
  m: number;
  /** P(level | records do not match). */
  u: number;
}

/** A trained model: plain JSON, so the server can persist it and reload it into a Resolver. */
export interface MatchModel {
  version: 1;
  comparisons: { name: string; levels: LevelParams[] }[];
  /** Prior probability that two records drawn at random match. */
  lambda: number;
  /** Probability at or above which a pair is proposed as a link. */
  threshold: number;
  trainedOn: { records: number; sessions: { key: string; pairs: number; expectedMatches: number }[] };
  /** Blocking keys switched off at training because they would make too many pairs. */
  blockingOff?: string[];
}

/** m/u of a fresh model: used before training and as EM's starting point. */
export function defaultModel(): MatchModel {
  return {
    version: 1,
    comparisons: COMPARISONS.map((c) => {
      const n = c.levels.length;
      return {
        name: c.name,
        levels: c.levels.map((label, l) => {
          if (l === MISSING) return { label, m: 1, u: 1 };
          if (l === DIFFERENT) return { label, m: 0.05, u: 0.95 };
          // Higher levels: more likely for matches, rarer for non-matches.
          const rank = l - 1;
          const top = n - 2;
          return { label, m: (0.95 * 2 ** rank) / (2 ** (top + 1) - 2), u: (0.05 * 2 ** (top - rank)) / (2 ** top - 1) };
        }),
      };
    }),
    lambda: 1e-4,
    threshold: 0.5,
    trainedOn: { records: 0, sessions: [] },
  };
}

export function log2Odds(p: number): number {
  return Math.log2(p / (1 - p));
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
