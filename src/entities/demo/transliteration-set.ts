// A matching benchmark set of Albanian, Vietnamese, Arabic and Tigrinya names, each person written
// several ways by different agencies. Every record differs from the person's canonical name in how the
// name is written; dates of birth are mostly kept, as the benchmark is about names.

import { AGENCY_STYLES, type AgencyStyle, DEFAULT_AGENCY_CODES } from './agencies.js';
import type { NameCulture, PersonName } from './names.js';
import { drawGender, drawPersonName } from './names.js';
import { PhoneAllocator } from './phones.js';
import { drawResidentialAddress, TOWNS } from './places.js';
import { canonicalFullName, recordPerson } from './recording.js';
import { createRng, scramble32, weightedPicker } from './rng.js';
import { nameKey, transliterationAlternatives } from './transliteration.js';
import type { PersonRecordDraft, TruePerson } from './types.js';
import type { CalendarDate } from './variants.js';
import { formatDob, NAME_WRITING_KINDS } from './variants.js';

export type TransliterationGroup = 'albanian' | 'vietnamese' | 'arabic' | 'tigrinya';

const GROUPS: readonly (readonly [
  TransliterationGroup,
  readonly (readonly [string, NameCulture, number])[],
])[] = [
  ['albanian', [['AL', 'albanian', 1]]],
  ['vietnamese', [['VN', 'vietnamese', 1]]],
  [
    'arabic',
    [
      ['SD', 'sudanese', 50],
      ['SY', 'arabic', 25],
      ['EG', 'arabic', 15],
      ['IQ', 'arabic', 10],
    ],
  ],
  [
    'tigrinya',
    [
      ['ER', 'tigrinya', 80],
      ['ET', 'tigrinya', 20],
    ],
  ],
];
const pickGroup = weightedPicker(GROUPS.map((g) => [g, 1] as const));
const pickRecordCount = weightedPicker([
  [2, 50],
  [3, 35],
  [4, 15],
] as const);

/** Agency habits for this set: names written several ways, other fields kept mostly clean. */
const TRANSLITERATION_STYLE: AgencyStyle = {
  ...AGENCY_STYLES.immigration,
  transliteration: 0.6,
  diacriticsDropped: 0.6,
  typo: 0.03,
  nameOrderSwapped: 0.04,
  givenInitial: 0,
  compoundSplit: 0.5,
  shortForm: 0,
  namePartDropped: 0.3,
  middleInGiven: 0.4,
  familyUpperCase: 0.2,
  nameUpperCase: 0.2,
  nameLowerCase: 0.02,
  unicodeDecomposed: 0.05,
  nameUnsplit: 0,
  fullNameReordered: 0.3,
  aliasUse: 0,
  dobMissing: 0,
  dobYearOnly: 0.03,
  dobPlaceholder: 0.03,
  dobDayMonthSwapped: 0.01,
  dobYearMistyped: 0.01,
  dobFormats: [
    ['iso', 40],
    ['dmy-slash', 40],
    ['dmy-dot', 10],
    ['text', 10],
  ],
  phoneShown: 0.3,
  addressShown: 0.5,
  addressPrevious: 0,
  genderUnknown: 0.01,
};

/** Used when a record keeps coming out canonical: every name admits a transliteration (checked below). */
const FORCED_STYLE: AgencyStyle = { ...TRANSLITERATION_STYLE, transliteration: 1 };

function canBeWrittenOtherwise(name: PersonName): boolean {
  const roles = [
    ...name.given.map((t) => [t, 'given'] as const),
    ...name.middle.map((t) => [t, 'middle'] as const),
    ...name.family.map((t) => [t, 'family'] as const),
  ];
  return roles.some(([token, role]) => transliterationAlternatives(token, name.culture, role).length > 0);
}

export interface TransliterationSetOptions {
  people: number;
  seed?: number;
  agencies?: readonly string[];
}

export interface TransliterationSet {
  records: PersonRecordDraft[];
  /** Canonical details of each person, by truthId order of creation. */
  people: (TruePerson & { group: TransliterationGroup })[];
}

/**
 * `people` synthetic people from the four naming traditions, each with 2-4 records that all write the
 * name differently from the canonical form. No two people share a canonical name and date of birth, so
 * a perfect matcher can reach F1 = 1. Records are returned shuffled.
 */
export function buildTransliterationSet(opts: TransliterationSetOptions): TransliterationSet {
  if (!Number.isInteger(opts.people) || opts.people < 1)
    throw new RangeError('people must be a positive integer');
  const seed = opts.seed ?? 20_240_102;
  const root = createRng(seed);
  const rng = root.fork('people');
  const recordRng = root.fork('records');
  const phones = new PhoneAllocator(root.fork('phones'));
  const agencies = [...new Set(opts.agencies ?? DEFAULT_AGENCY_CODES)];
  const salt = scramble32(seed >>> 0, 0x7a11);
  const taken = new Set<string>();
  const people: TransliterationSet['people'] = [];
  const records: PersonRecordDraft[] = [];
  let recordSerial = 0;

  for (let i = 0; people.length < opts.people; i++) {
    if (i > opts.people * 50) throw new Error('could not draw enough distinct people');
    const [group, mix] = pickGroup(rng);
    const [nationality, culture] = rng.weighted(mix.map(([n, c, w]) => [[n, c] as const, w] as const));
    const gender = drawGender(rng, nationality);
    const name = drawPersonName(rng, culture, gender);
    const age = rng.int(16, 60);
    const dob: CalendarDate = { year: 2025 - age, month: rng.int(1, 12), day: rng.int(1, 28) };
    const key = `${nameKey(canonicalFullName(name))}|${formatDob(dob, 'iso')}`;
    if (taken.has(key) || !canBeWrittenOtherwise(name)) continue;
    taken.add(key);
    const address = drawResidentialAddress(rng);
    const person: TruePerson & { group: TransliterationGroup } = {
      truthId: `X${scramble32(people.length, salt).toString(16).padStart(8, '0')}`,
      nationality,
      gender,
      name,
      alias: null,
      dob,
      phones: rng.chance(0.6) ? [phones.personal()] : [],
      email: null,
      address,
      previousAddress: null,
      homeForce: TOWNS.find((t) => t.name === address.town)?.force ?? 'met',
      householdId: null,
      networkId: null,
      vehicleVrms: [],
      isChild: age < 18,
      group,
    };
    people.push(person);

    const count = Math.min(pickRecordCount(rng), agencies.length);
    const chosen = rng.sample(agencies, count);
    for (const code of chosen) {
      const recordId = `${code}-${scramble32(recordSerial++, salt ^ 0xffff)
        .toString(16)
        .padStart(8, '0')}`;
      // Redraw until the record writes the name in some other way than the canonical one.
      let record = recordPerson(person, code, recordId, TRANSLITERATION_STYLE, recordRng);
      for (let attempt = 0; !record.variantKinds.some((k) => NAME_WRITING_KINDS.has(k)); attempt++) {
        const style = attempt < 20 ? TRANSLITERATION_STYLE : FORCED_STYLE;
        record = recordPerson(person, code, recordId, style, recordRng);
      }
      records.push(record);
    }
  }
  recordRng.shuffle(records);
  return { records, people };
}
