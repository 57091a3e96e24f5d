/**
 * The partners capability's case facts (src/partners/data/types.ts) for an intelligence report, worked out from
 * what the report holds: its crime identifier codes and its structured subjects. Pure. Only facts the report
 * states are set; anything it does not say stays absent (an absent fact never fires a recommendation rule), and
 * nothing is ever set to false for want of information. The narrative is free text and is not read.
 */
import type { CaseFacts } from '../../partners/data/types.js';
import type { ExploitationTypeCode } from '../../referrals/data/types.js';
import { toCountryCode } from '../countries.js';
import { crimeCode } from '../reference.js';
import { ageOn } from './debrief.js';

/** The parts of a report (as `reportDto` gives it) the facts come from. */
export interface ReportForFacts {
  crimeCodes: readonly string[];
  occurredOn: string | null;
  reportedOn: string;
  subjects: readonly {
    kind: string;
    value: string;
    role?: string;
    dateOfBirth?: string;
    nationality?: string;
  }[];
}

/** MSHT crime identifier codes and the exploitation type each names; the general MSHT code names none. */
const EXPLOITATION_BY_CODE: Readonly<Record<string, ExploitationTypeCode>> = {
  'MSHT-SEX': 'sexual',
  'MSHT-LAB': 'labour',
  'MSHT-CRIM': 'criminal',
  'MSHT-DS': 'domestic-servitude',
  'MSHT-ORG': 'organ-harvesting',
};

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** A country named by a location or address subject: the whole value ("Albania") or its last part ("Calais, France"). */
export function countryOfPlace(value: string): string | null {
  const whole = toCountryCode(value);
  if (whole) return whole;
  const parts = value
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? toCountryCode(parts[parts.length - 1]) : null;
}

export function factsFromReport(r: ReportForFacts): CaseFacts {
  const people = r.subjects.filter((s) => s.kind === 'person');
  const nationalities = uniq(
    people.map((s) => toCountryCode(s.nationality)).filter((c): c is string => c !== null),
  );
  // Ages at the time of the events (or of the report when the date is not known), from full dates of birth.
  const on = r.occurredOn ?? r.reportedOn;
  const ages = people
    .map((s) => ageOn(s.dateOfBirth, on))
    .filter((a): a is number => a !== null && a >= 0 && a < 130);
  const youngest = ages.length ? Math.min(...ages) : undefined;
  // The youngest person decides "child"; someone else in the report may still be 15 to 23.
  const someone15to23 = ages.some((a) => a >= 15 && a <= 23);

  const codes = r.crimeCodes.map((c) => crimeCode(c)).filter((c) => c !== undefined);
  const exploitationTypes = uniq(
    codes.map((c) => EXPLOITATION_BY_CODE[c.code]).filter((t): t is ExploitationTypeCode => !!t),
  );
  const oic = codes.some((c) => c.threat === 'oic');
  const documentFraud = codes.some((c) => c.code === 'OIC-DOC');

  const countries = uniq(
    r.subjects
      .filter((s) => s.kind === 'location' || s.kind === 'address')
      .map((s) => countryOfPlace(s.value))
      .filter((c): c is string => c !== null),
  );
  const victim = people.some((s) => !!s.role && /victim/i.test(s.role));

  return {
    ...(nationalities.length ? { nationalities } : {}),
    ...(youngest !== undefined ? { ageYears: youngest } : {}),
    ...(youngest !== undefined && someone15to23 && !(youngest >= 15 && youngest <= 23)
      ? { youngPerson15to23: true }
      : {}),
    ...(victim ? { potentialVictim: true } : {}),
    ...(exploitationTypes.length ? { exploitationTypes } : {}),
    ...(oic ? { immigrationCrimeIncident: true } : {}),
    ...(documentFraud ? { documentFraud: true } : {}),
    ...(r.subjects.some((s) => s.kind === 'ocg') ? { organisedCrimeSuspected: true } : {}),
    ...(r.subjects.some((s) => s.kind === 'bank_account') ? { financialEnquiries: true } : {}),
    ...(countries.length ? { countries } : {}),
  };
}
