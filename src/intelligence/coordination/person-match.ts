/**
 * Is this the same person? The coordination check before a debrief compares a planned subject with every
 * debrief and claim, across agencies, by name (spelling- and order-independent), date of birth and
 * nationality. It uses the entity-resolution engine's normalisers and comparators (src/entities/matching) so a
 * transliteration variant ("Nguyễn Văn An" / "Nguyen Van Anh" / "AN Van Nguyen") is caught. Everything the
 * coordination needs from matching is in this one module, so a different matcher can be swapped in here.
 */

import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import { compareDates, compareNames, NAME_CLOSE } from '../../entities/matching/comparators.js';
import { type NameFeatures, nameFeatures } from '../../entities/matching/features.js';
import {
  canonicalNameTokens,
  type DateValue,
  nameTokens,
  normaliseName,
  parseDate,
} from '../../entities/matching/normalise.js';
import { toCountryCode } from '../countries.js';

export interface SubjectIdentity {
  givenName?: string | null;
  familyName?: string | null;
  dateOfBirth?: string | null;
  /** Country code, name or adjective. */
  nationality?: string | null;
}

interface Prepared {
  given: NameFeatures | null;
  family: NameFeatures | null;
  dob: DateValue | null;
  nationality: string | null;
}

function prepare(s: SubjectIdentity): Prepared {
  const g = normaliseName(s.givenName);
  const f = normaliseName(s.familyName);
  return {
    given: g ? nameFeatures(g) : null,
    family: f ? nameFeatures(f) : null,
    dob: parseDate(s.dateOfBirth ?? null),
    nationality:
      toCountryCode(s.nationality ?? null) ?? (s.nationality ? s.nationality.trim().toUpperCase() : null),
  };
}

const DATE_EXACT = 5;
const DATE_ONE_EDIT = 4;
const DATE_SAME_YEAR = 2;
const DATE_DIFFERENT = 1;

export interface SubjectMatch {
  /** 0-1: how strongly the evidence supports one person. */
  score: number;
  /** Strong enough to warn before a debrief. */
  match: boolean;
  reasons: string[];
}

const NAME_WORDS = ['missing', 'different', 'similar', 'close', 'a spelling variant', 'the same'];

/**
 * Compares two subjects. A match needs both names at least close (Jaro-Winkler >= 0.92, a romanisation
 * variant, or the same tokens in another order) and a date of birth that agrees (exactly, by one typing slip or
 * day-month swap); or, when one side lacks the date or has only the year, the same nationality as well.
 * A date of birth that clearly differs rules a match out.
 */
export function compareSubjects(a: SubjectIdentity, b: SubjectIdentity): SubjectMatch {
  const pa = prepare(a);
  const pb = prepare(b);
  const levels = [0, 0];
  const swapped = compareNames(pa.given, pa.family, pb.given, pb.family, levels);
  const [g, f] = levels as [number, number];
  const d = compareDates(pa.dob, pb.dob);
  const nat =
    pa.nationality && pb.nationality ? (pa.nationality === pb.nationality ? 'same' : 'different') : 'missing';
  const reasons: string[] = [];
  reasons.push(
    `Given names are ${NAME_WORDS[g]}; family names are ${NAME_WORDS[f]}${swapped ? ' (written in the other order)' : ''}.`,
  );
  reasons.push(
    d === DATE_EXACT
      ? 'Same date of birth.'
      : d >= DATE_ONE_EDIT
        ? 'Dates of birth differ by one typing slip or a day-month swap.'
        : d === DATE_SAME_YEAR
          ? 'Same year of birth (one date incomplete).'
          : d === DATE_DIFFERENT
            ? 'Different dates of birth.'
            : d === 0
              ? 'Date of birth missing on one side.'
              : 'Dates of birth are close.',
  );
  if (nat !== 'missing') reasons.push(nat === 'same' ? 'Same nationality.' : 'Different nationality.');

  const namesClose = g >= NAME_CLOSE && f >= NAME_CLOSE;
  let score = 0;
  if (d === DATE_DIFFERENT) score = 0.05;
  else if (namesClose && d >= DATE_ONE_EDIT) score = nat === 'different' ? 0.7 : 0.97;
  else if (namesClose && d >= 2 && nat === 'same') score = 0.85;
  else if (namesClose && d === 0 && nat === 'same') score = 0.75;
  else if (namesClose && d === 0) score = 0.5;
  else if (Math.max(g, f) >= 4 && Math.min(g, f) >= 2 && d === DATE_EXACT && nat !== 'different') score = 0.8;
  else score = 0.1 * ((g + f) / 10);
  return { score, match: score >= 0.7, reasons };
}

/**
 * Blocking keys: a stored subject is a candidate for comparison when it shares any key with the query. Keys are
 * romanisation-independent name tokens, the phonetic code of each token and the date of birth, so variants
 * that the comparison would match always share at least one key.
 */
export function matchKeys(s: SubjectIdentity): string[] {
  const keys = new Set<string>();
  const tokens = [...nameTokens(s.givenName), ...nameTokens(s.familyName)];
  for (const t of canonicalNameTokens(tokens)) if (t.length >= 2) keys.add(`n:${t}`);
  for (const t of tokens) {
    if (t.length < 2) continue;
    const [primary] = doubleMetaphone(t);
    if (primary) keys.add(`m:${primary}`);
  }
  const dob = parseDate(s.dateOfBirth ?? null);
  if (dob && !dob.yearOnly) keys.add(`d:${dob.text}`);
  return [...keys];
}

/** ISO date (YYYY-MM-DD) for a full date of birth as written, else null. */
export function isoDateOfBirth(text: string | null | undefined): string | null {
  const d = parseDate(text ?? null);
  // A placeholder date (01/01/YYYY) is still the date recorded, so it is kept; a year or month alone is not.
  if (!d || (d.yearOnly && !d.placeholder) || d.month < 1 || d.month > 12 || d.day < 1) return null;
  const iso = `${d.text.slice(0, 4)}-${d.text.slice(4, 6)}-${d.text.slice(6, 8)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}
