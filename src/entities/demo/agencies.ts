// The agencies that hold records of the demo people, and how each kind of agency writes a record:
// police systems without diacritics and with upper-case surnames, Home Office and NCA records with
// document-style names and placeholder dates of birth, NGO case notes with first names and partial dates.

import { TOWN_FORCES } from './places.js';

export type AgencyStyleName = 'police' | 'immigration' | 'ngo' | 'regulator';

export type DobFormat = 'iso' | 'dmy-slash' | 'dmy-dash' | 'dmy-dot' | 'text';

/** Probabilities of each way an agency departs from the person's canonical details. */
export interface AgencyStyle {
  name: AgencyStyleName;
  transliteration: number;
  diacriticsDropped: number;
  typo: number;
  nameOrderSwapped: number;
  givenInitial: number;
  compoundSplit: number;
  shortForm: number;
  namePartDropped: number;
  middleInGiven: number;
  familyUpperCase: number;
  nameUpperCase: number;
  nameLowerCase: number;
  unicodeDecomposed: number;
  nameUnsplit: number;
  fullNameReordered: number;
  aliasUse: number;
  dobMissing: number;
  dobYearOnly: number;
  dobPlaceholder: number;
  dobDayMonthSwapped: number;
  dobYearMistyped: number;
  dobFormats: readonly (readonly [DobFormat, number])[];
  phoneShown: number;
  phoneTypo: number;
  phoneFormats: readonly (readonly [
    'national' | 'compact' | 'international' | 'e164' | 'digits-only',
    number,
  ])[];
  emailShown: number;
  emailCaseChanged: number;
  addressShown: number;
  addressPrevious: number;
  addressAbbreviated: number;
  addressUpperCase: number;
  townMissing: number;
  postcodeMissing: number;
  postcodeNoSpace: number;
  postcodeLowerCase: number;
  genderUnknown: number;
  vehicleShown: number;
}

const POLICE: AgencyStyle = {
  name: 'police',
  transliteration: 0.12,
  diacriticsDropped: 0.85,
  typo: 0.05,
  nameOrderSwapped: 0.03,
  givenInitial: 0.02,
  compoundSplit: 0.3,
  shortForm: 0.04,
  namePartDropped: 0.35,
  middleInGiven: 0.2,
  familyUpperCase: 0.45,
  nameUpperCase: 0.05,
  nameLowerCase: 0.01,
  unicodeDecomposed: 0,
  nameUnsplit: 0.02,
  fullNameReordered: 0.35,
  aliasUse: 0.4,
  dobMissing: 0.04,
  dobYearOnly: 0.02,
  dobPlaceholder: 0.03,
  dobDayMonthSwapped: 0.02,
  dobYearMistyped: 0.015,
  dobFormats: [
    ['dmy-slash', 85],
    ['iso', 10],
    ['dmy-dash', 5],
  ],
  phoneShown: 0.7,
  phoneTypo: 0.02,
  phoneFormats: [
    ['national', 60],
    ['compact', 35],
    ['international', 5],
  ],
  emailShown: 0.25,
  emailCaseChanged: 0.05,
  addressShown: 0.85,
  addressPrevious: 0.12,
  addressAbbreviated: 0.25,
  addressUpperCase: 0.15,
  townMissing: 0.05,
  postcodeMissing: 0.06,
  postcodeNoSpace: 0.1,
  postcodeLowerCase: 0.02,
  genderUnknown: 0.01,
  vehicleShown: 0.5,
};

const IMMIGRATION: AgencyStyle = {
  ...POLICE,
  name: 'immigration',
  transliteration: 0.3,
  diacriticsDropped: 0.5,
  typo: 0.04,
  nameOrderSwapped: 0.05,
  givenInitial: 0.01,
  compoundSplit: 0.35,
  shortForm: 0.01,
  namePartDropped: 0.2,
  middleInGiven: 0.45,
  familyUpperCase: 0.2,
  nameUpperCase: 0.35,
  unicodeDecomposed: 0.03,
  nameUnsplit: 0.03,
  fullNameReordered: 0.2,
  aliasUse: 0.3,
  dobMissing: 0.02,
  dobYearOnly: 0.02,
  dobPlaceholder: 0.12,
  dobFormats: [
    ['iso', 50],
    ['dmy-slash', 30],
    ['dmy-dot', 10],
    ['text', 10],
  ],
  phoneShown: 0.5,
  phoneFormats: [
    ['international', 40],
    ['e164', 30],
    ['digits-only', 20],
    ['national', 10],
  ],
  emailShown: 0.2,
  addressShown: 0.6,
  addressPrevious: 0.2,
  addressAbbreviated: 0.1,
  addressUpperCase: 0.3,
  postcodeNoSpace: 0.2,
  vehicleShown: 0.4,
};

const NGO: AgencyStyle = {
  ...POLICE,
  name: 'ngo',
  transliteration: 0.15,
  diacriticsDropped: 0.4,
  typo: 0.06,
  nameOrderSwapped: 0.04,
  givenInitial: 0.01,
  compoundSplit: 0.25,
  shortForm: 0.15,
  namePartDropped: 0.45,
  middleInGiven: 0.15,
  familyUpperCase: 0.02,
  nameUpperCase: 0.01,
  nameLowerCase: 0.05,
  unicodeDecomposed: 0.02,
  nameUnsplit: 0.05,
  fullNameReordered: 0.45,
  aliasUse: 0.2,
  dobMissing: 0.15,
  dobYearOnly: 0.15,
  dobPlaceholder: 0.04,
  dobFormats: [
    ['dmy-slash', 70],
    ['text', 20],
    ['iso', 10],
  ],
  phoneShown: 0.8,
  phoneFormats: [
    ['national', 70],
    ['compact', 30],
  ],
  emailShown: 0.6,
  addressShown: 0.7,
  addressPrevious: 0.15,
  addressAbbreviated: 0.2,
  addressUpperCase: 0.01,
  postcodeMissing: 0.12,
  postcodeLowerCase: 0.08,
  genderUnknown: 0.04,
  vehicleShown: 0.05,
};

const REGULATOR: AgencyStyle = {
  ...POLICE,
  name: 'regulator',
  familyUpperCase: 0.1,
  addressShown: 0.9,
  vehicleShown: 0.3,
};

export const AGENCY_STYLES: Readonly<Record<AgencyStyleName, AgencyStyle>> = {
  police: POLICE,
  immigration: IMMIGRATION,
  ngo: NGO,
  regulator: REGULATOR,
};

/** Non-police agencies in the default list, with their style and relative share of records. */
// biome-ignore format: data table, rows kept as written
const OTHER_AGENCIES: readonly (readonly [string, AgencyStyleName, number])[] = [
  ['nca', 'immigration', 5],
  ['ie-nccu', 'immigration', 10],
  ['ie-ice', 'immigration', 5],
  ['ie-cfi', 'immigration', 2],
  ['border-force', 'immigration', 6],
  ['glaa', 'regulator', 3],
  ['salvation-army', 'ngo', 12],
  ['unseen', 'ngo', 2],
  ['barnardos', 'ngo', 3],
  ['medaille-trust', 'ngo', 1],
  ['justice-and-care', 'ngo', 2],
];

/** The default agency codes: every territorial force of the demo towns, then national bodies and NGOs. */
export const DEFAULT_AGENCY_CODES: readonly string[] = [
  ...TOWN_FORCES,
  'btp',
  ...OTHER_AGENCIES.map(([code]) => code),
];

const STYLE_BY_CODE = new Map<string, AgencyStyleName>(OTHER_AGENCIES.map(([code, style]) => [code, style]));
const SHARE_BY_CODE = new Map<string, number>(OTHER_AGENCIES.map(([code, , share]) => [code, share]));

/** How an agency writes records; unknown codes are treated as police forces. */
export function agencyStyleName(code: string): AgencyStyleName {
  return STYLE_BY_CODE.get(code) ?? 'police';
}

export function agencyStyle(code: string): AgencyStyle {
  return AGENCY_STYLES[agencyStyleName(code)];
}

/** Share of records from an agency when it is not the person's home force (police forces share 45). */
export function agencyShare(code: string): number {
  return SHARE_BY_CODE.get(code) ?? 1;
}

/** Agencies that work with children rather than adults. */
export const CHILDREN_AGENCIES: ReadonlySet<string> = new Set(['barnardos']);
export const ADULT_ONLY_AGENCIES: ReadonlySet<string> = new Set(['salvation-army', 'glaa', 'medaille-trust']);
