// Synthetic people for Fusion's demo data and benchmarks. No real person's data: names are random
// combinations from common-name pools, phones are Ofcom drama numbers, emails use reserved example
// domains, vehicle marks use age identifiers not yet issued, streets are invented.

export type { AgencyStyle, AgencyStyleName, DobFormat } from './agencies.js';
export { agencyStyle, agencyStyleName, DEFAULT_AGENCY_CODES } from './agencies.js';
export type { NameCulture, PersonName } from './names.js';
export { NAME_CULTURES, NATIONALITIES, NATIONALITY_MIX } from './names.js';
export type { DemoSize, GeneratePeopleOptions } from './people.js';
export {
  collectPeople,
  DEFAULT_SEED,
  generatePeople,
  REFERENCE_DATE,
  recordTarget,
  SIZE_RECORDS,
} from './people.js';
export type { PhoneFormat } from './phones.js';
export { DRAMA_RANGES, formatPhone, isFictionalUkPhone, normalizeUkPhone } from './phones.js';
export type { Address, PlaceKind, Town } from './places.js';
export { addressLine, TOWNS } from './places.js';
export { canonicalFullName, recordPerson } from './recording.js';
export type { Rng } from './rng.js';
export { createRng } from './rng.js';
export { foldDiacritics, knownSpellingsOf, nameKey, transliterationAlternatives } from './transliteration.js';
export type {
  TransliterationGroup,
  TransliterationSet,
  TransliterationSetOptions,
} from './transliteration-set.js';
export { buildTransliterationSet } from './transliteration-set.js';
export type {
  GroupTruth,
  HouseholdTruth,
  NetworkRole,
  NetworkTruth,
  PersonRecordDraft,
  TruePerson,
} from './types.js';
export type { CalendarDate, VariantKind } from './variants.js';
export { NAME_WRITING_KINDS, VARIANT_KINDS } from './variants.js';
export type { SyntheticVehicle } from './vehicles.js';
export { generateVehicles, randomVrm, SYNTHETIC_VRM_PATTERN } from './vehicles.js';
