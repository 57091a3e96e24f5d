// The synthetic population for demo data and benchmarks: people alone, in households and in organised
// crime networks, each recorded by one or more agencies. Streams records so the xl size (1,000,000
// records) never sits in memory; the same seed always yields the same records in the same order.

import {
  ADULT_ONLY_AGENCIES,
  agencyShare,
  agencyStyle,
  CHILDREN_AGENCIES,
  DEFAULT_AGENCY_CODES,
} from './agencies.js';
import type { NameCulture, PersonName, TruthGender } from './names.js';
import {
  drawCulture,
  drawFamilyTokens,
  drawGender,
  drawGivenName,
  drawMiddleTokens,
  drawNationality,
  drawPersonName,
  nameOrder,
} from './names.js';
import { PhoneAllocator } from './phones.js';
import type { Address, Venue } from './places.js';
import {
  addressAtVenue,
  drawResidentialAddress,
  drawTownIndex,
  drawVenue,
  isWorkplace,
  TOWNS,
  townIndexOf,
} from './places.js';
import { recordPerson } from './recording.js';
import type { Rng } from './rng.js';
import { createRng, scramble32, weightedPicker } from './rng.js';
import { foldDiacritics } from './transliteration.js';
import type {
  GroupTruth,
  HouseholdTruth,
  NetworkRole,
  NetworkTruth,
  PersonRecordDraft,
  TruePerson,
} from './types.js';
import type { CalendarDate } from './variants.js';
import { randomVehicle } from './vehicles.js';

export type DemoSize = 'small' | 'large' | 'xl';

/** Records produced for each named size. */
export const SIZE_RECORDS: Readonly<Record<DemoSize, number>> = {
  small: 2_000,
  large: 100_000,
  xl: 1_000_000,
};

export const DEFAULT_SEED = 20_240_101;

/** Dates of birth and ages are relative to this fixed day, never to the clock, so output is reproducible. */
export const REFERENCE_DATE: CalendarDate = { year: 2025, month: 6, day: 30 };

export interface GeneratePeopleOptions {
  size: DemoSize | number;
  seed?: number;
  /** Agency codes records may come from (default DEFAULT_AGENCY_CODES); unknown codes write like police. */
  agencies?: readonly string[];
  /**
   * Records are held in a window of this many and released in random order, so one person's records are
   * not adjacent in the stream (default 4096; 0 keeps generation order).
   */
  shuffleWindow?: number;
  /** Called with each household and network once all its members exist. */
  onGroup?: (group: GroupTruth) => void;
  /** Called with each person's canonical details before their records are produced. */
  onPerson?: (person: TruePerson) => void;
}

export function recordTarget(size: DemoSize | number): number {
  if (typeof size === 'number') {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`size must be a positive integer, got ${size}`);
    return size;
  }
  const n = SIZE_RECORDS[size];
  if (n === undefined) throw new RangeError(`unknown size ${String(size)}`);
  return n;
}

// --- shared distributions ------------------------------------------------------------------------------

const pickGroupKind = weightedPicker<'single' | 'household' | 'network'>([
  ['single', 0.868],
  ['household', 0.12],
  ['network', 0.012],
]);
const pickHouseholdSize = weightedPicker([
  [2, 35],
  [3, 25],
  [4, 18],
  [5, 10],
  [6, 6],
  [7, 3],
  [8, 3],
] as const);
const pickNetworkSize = weightedPicker([
  [3, 10],
  [4, 14],
  [5, 15],
  [6, 13],
  [7, 11],
  [8, 9],
  [9, 7],
  [10, 6],
  [11, 4],
  [12, 4],
  [13, 3],
  [14, 2],
  [15, 2],
] as const);
const pickRecordCount = weightedPicker([
  [1, 42],
  [2, 30],
  [3, 16],
  [4, 8],
  [5, 3],
  [6, 1],
] as const);
const pickAdultAgeBand = weightedPicker([
  [[18, 24], 30],
  [[25, 34], 35],
  [[35, 44], 20],
  [[45, 54], 10],
  [[55, 70], 5],
] as const);
const pickEmailPattern = weightedPicker([
  [0, 4],
  [1, 2],
  [2, 1],
  [3, 1],
] as const);
const pickEmailDomain = weightedPicker([
  ['example.com', 50],
  ['example.org', 20],
  ['example.net', 20],
  ['mail.example.com', 10],
] as const);

/**
 * Share of children among referred people of a nationality. DOMAIN §3 gives UK nationals as 23% of all
 * referrals, 62% of child referrals and about 9% of adult ones; solving those gives children about 26%
 * of referrals, 71% of UK nationals and 13% of everyone else.
 */
const CHILD_SHARE: Record<string, number> = { GB: 0.71, VN: 0.2, ER: 0.18, AF: 0.2, AL: 0.12, SD: 0.1 };
const DEFAULT_CHILD_SHARE = 0.13;

interface NetworkProfile {
  nationality: string;
  threat: 'msht' | 'oic';
  activities: readonly string[];
  weight: number;
}
const NETWORK_PROFILES: readonly NetworkProfile[] = [
  {
    nationality: 'AL',
    threat: 'msht',
    activities: ['cannabis cultivation', 'sexual exploitation'],
    weight: 14,
  },
  {
    nationality: 'AL',
    threat: 'oic',
    activities: ['small boat facilitation', 'lorry concealment'],
    weight: 8,
  },
  { nationality: 'VN', threat: 'msht', activities: ['cannabis cultivation', 'nail bars'], weight: 12 },
  { nationality: 'VN', threat: 'oic', activities: ['lorry concealment'], weight: 4 },
  {
    nationality: 'RO',
    threat: 'msht',
    activities: ['sexual exploitation', 'labour exploitation'],
    weight: 12,
  },
  { nationality: 'GB', threat: 'msht', activities: ['county lines', 'criminal exploitation'], weight: 18 },
  { nationality: 'IQ', threat: 'oic', activities: ['small boat facilitation', 'document fraud'], weight: 10 },
  { nationality: 'ER', threat: 'oic', activities: ['small boat facilitation'], weight: 4 },
  { nationality: 'SD', threat: 'oic', activities: ['small boat facilitation'], weight: 4 },
  {
    nationality: 'CN',
    threat: 'msht',
    activities: ['sexual exploitation', 'labour exploitation'],
    weight: 5,
  },
  { nationality: 'NG', threat: 'msht', activities: ['sexual exploitation', 'domestic servitude'], weight: 5 },
  { nationality: 'PL', threat: 'msht', activities: ['labour exploitation'], weight: 4 },
];
const pickNetworkProfile = weightedPicker(NETWORK_PROFILES.map((p) => [p, p.weight] as const));

const PATRONYMIC_OR_OWN_NAME: ReadonlySet<NameCulture> = new Set([
  'tigrinya',
  'amharic',
  'sudanese',
  'kurdish',
  'vietnamese',
  'chinese',
]);

// --- generator state -------------------------------------------------------------------------------------

interface AgencyPlan {
  codes: readonly string[];
  /** Pick an agency by share for adults / children / network members (the home force is added apart). */
  adult: ((rng: Rng) => string) | null;
  child: ((rng: Rng) => string) | null;
  network: ((rng: Rng) => string) | null;
  present: ReadonlySet<string>;
}

function planAgencies(codes: readonly string[]): AgencyPlan {
  if (codes.length === 0) throw new RangeError('at least one agency code is needed');
  const unique = [...new Set(codes)];
  const policeShare = (code: string) => (agencyStyle(code).name === 'police' ? 4 / 30 : agencyShare(code));
  const build = (weight: (code: string) => number) => {
    const entries = unique.map((c) => [c, weight(c)] as const).filter(([, w]) => w > 0);
    return entries.length > 0 ? weightedPicker(entries) : null;
  };
  return {
    codes: unique,
    adult: build((c) => (CHILDREN_AGENCIES.has(c) ? 0.2 : policeShare(c))),
    child: build((c) => (ADULT_ONLY_AGENCIES.has(c) ? 0 : CHILDREN_AGENCIES.has(c) ? 15 : policeShare(c))),
    network: build((c) =>
      c === 'nca' ? 15 : ADULT_ONLY_AGENCIES.has(c) || CHILDREN_AGENCIES.has(c) ? 0.3 : policeShare(c) * 2,
    ),
    present: new Set(unique),
  };
}

class Population {
  readonly rng: Rng;
  readonly phones: PhoneAllocator;
  readonly residentialVenues: Venue[] = [];
  readonly workplaceVenues: Venue[] = [];
  private personCount = 0;
  private householdCount = 0;
  private networkCount = 0;
  private readonly salt: number;

  constructor(seed: number, targetRecords: number) {
    const root = createRng(seed);
    this.rng = root.fork('people');
    this.salt = scramble32(seed >>> 0, 0x5eed);
    this.phones = new PhoneAllocator(root.fork('phones'));
    const venueRng = root.fork('venues');
    const venueCount = Math.min(4000, Math.max(8, Math.round(targetRecords / 250)));
    for (let i = 0; i < venueCount; i++) {
      const venue = drawVenue(venueRng, this.id('V', i, 1), this.phones);
      (isWorkplace(venue.kind) ? this.workplaceVenues : this.residentialVenues).push(venue);
    }
    if (this.residentialVenues.length === 0) this.residentialVenues.push(this.workplaceVenues.pop()!);
    if (this.workplaceVenues.length === 0) this.workplaceVenues.push(this.residentialVenues[0]);
  }

  id(prefix: string, n: number, stream: number): string {
    return (
      prefix +
      scramble32(n, (this.salt + stream * 0x9e3779b9) >>> 0)
        .toString(16)
        .padStart(8, '0')
    );
  }

  nextTruthId(): string {
    return this.id('P', this.personCount++, 2);
  }

  nextHouseholdId(): string {
    return this.id('H', this.householdCount++, 3);
  }

  nextNetworkId(): string {
    return this.id('N', this.networkCount++, 4);
  }

  get peopleMade(): number {
    return this.personCount;
  }
}

// --- people --------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function dobForAge(rng: Rng, age: number): CalendarDate {
  // A birthday uniformly within the year that ends on the reference date at the given age.
  const latest = Date.UTC(REFERENCE_DATE.year - age, REFERENCE_DATE.month - 1, REFERENCE_DATE.day);
  const d = new Date(latest - rng.int(0, 364) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function drawAge(rng: Rng, nationality: string): number {
  if (rng.chance(CHILD_SHARE[nationality] ?? DEFAULT_CHILD_SHARE)) return rng.int(12, 17);
  const [lo, hi] = pickAdultAgeBand(rng);
  return rng.int(lo, hi);
}

function ageOn(dob: CalendarDate): number {
  let age = REFERENCE_DATE.year - dob.year;
  if (
    dob.month > REFERENCE_DATE.month ||
    (dob.month === REFERENCE_DATE.month && dob.day > REFERENCE_DATE.day)
  )
    age--;
  return age;
}

function emailFor(rng: Rng, name: PersonName, dob: CalendarDate, serial: number): string {
  const clean = (s: string) =>
    foldDiacritics(s.replaceAll('·', ''))
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const given = clean(name.given[0]);
  const family = clean(name.family[0] ?? '');
  const yy = String(dob.year % 100).padStart(2, '0');
  // The serial keeps every person's address unique, as real mailboxes are.
  let local: string;
  switch (pickEmailPattern(rng)) {
    case 0:
      local = `${given}.${family}${serial}`;
      break;
    case 1:
      local = `${given}${family.slice(0, 1)}${yy}${serial}`;
      break;
    case 2:
      local = `${family}.${given}${serial}`;
      break;
    default:
      local = `${given}_${serial}`;
  }
  return `${local}@${pickEmailDomain(rng)}`;
}

function newAlias(rng: Rng, name: PersonName, gender: TruthGender): PersonName {
  let given = drawGivenName(rng, name.culture, gender);
  for (let i = 0; i < 5 && given === name.given[0]; i++) given = drawGivenName(rng, name.culture, gender);
  return {
    culture: name.culture,
    given: [given],
    middle: [],
    family: rng.chance(0.6) ? name.family.slice() : drawFamilyTokens(rng, name.culture, gender),
    order: name.order,
  };
}

interface PersonSeed {
  nationality: string;
  gender: TruthGender;
  name: PersonName;
  dob: CalendarDate;
  address: Address;
  phones: string[];
  householdId?: string | null;
  networkId?: string | null;
  aliasChance?: number;
  emailChance?: number;
}

function makePerson(pop: Population, seed: PersonSeed): TruePerson {
  const rng = pop.rng;
  const truthId = pop.nextTruthId();
  const isChild = ageOn(seed.dob) < 18;
  const townIndex = townIndexOf(seed.address.town);
  const previousAddress =
    !isChild && rng.chance(0.25)
      ? drawResidentialAddress(rng, rng.chance(0.6) && townIndex >= 0 ? townIndex : drawTownIndex(rng))
      : null;
  const emailChance = seed.emailChance ?? (isChild ? 0.2 : 0.35);
  return {
    truthId,
    nationality: seed.nationality,
    gender: seed.gender,
    name: seed.name,
    alias: rng.chance(seed.aliasChance ?? 0.04) ? newAlias(rng, seed.name, seed.gender) : null,
    dob: seed.dob,
    phones: seed.phones,
    email: rng.chance(emailChance) ? emailFor(rng, seed.name, seed.dob, pop.peopleMade) : null,
    address: seed.address,
    previousAddress,
    homeForce: townIndex >= 0 ? TOWNS[townIndex].force : 'met',
    householdId: seed.householdId ?? null,
    networkId: seed.networkId ?? null,
    vehicleVrms: [],
    isChild,
  };
}

function makeSingle(pop: Population): TruePerson {
  const rng = pop.rng;
  const nationality = drawNationality(rng);
  const culture = drawCulture(rng, nationality);
  const gender = drawGender(rng, nationality);
  const dob = dobForAge(rng, drawAge(rng, nationality));
  const isAdult = ageOn(dob) >= 18;
  const phones: string[] = [];
  if (rng.chance(isAdult ? 0.75 : 0.4)) phones.push(pop.phones.personal());

  let address: Address;
  const place = rng.next();
  if (place < 0.12) {
    address = addressAtVenue(rng, rng.pick(pop.residentialVenues));
  } else {
    address = drawResidentialAddress(rng);
  }
  // Workers at car washes, nail bars and takeaways often give the business number.
  if (isAdult && rng.chance(0.08)) {
    const work = rng.pick(pop.workplaceVenues);
    if (work.phone) {
      if (phones.length === 0 || rng.chance(0.3)) phones.unshift(work.phone);
      else phones.push(work.phone);
    }
  }
  return makePerson(pop, {
    nationality,
    gender,
    name: drawPersonName(rng, culture, gender),
    dob,
    address,
    phones,
  });
}

function makeHousehold(pop: Population, limit: number): { people: TruePerson[]; truth: HouseholdTruth } {
  const rng = pop.rng;
  const householdId = pop.nextHouseholdId();
  const nationality = drawNationality(rng);
  const culture = drawCulture(rng, nationality);
  const size = Math.min(limit, pickHouseholdSize(rng));
  const householdType: HouseholdTruth['householdType'] =
    PATRONYMIC_OR_OWN_NAME.has(culture) || rng.chance(0.4) ? 'siblings' : 'family';
  const familyBase = drawFamilyTokens(rng, culture, 'male');
  const shared = rng.chance(0.2)
    ? addressAtVenue(rng, rng.pick(pop.residentialVenues))
    : drawResidentialAddress(rng);
  const sharedPhone = rng.chance(0.7) ? pop.phones.personal() : null;

  const usedGiven = new Set<string>();
  const people: TruePerson[] = [];
  const headAge = householdType === 'family' ? rng.int(25, 50) : rng.int(16, 35);
  let twinOf: CalendarDate | null = null;
  for (let i = 0; i < size; i++) {
    let gender: TruthGender;
    let age: number;
    if (householdType === 'family') {
      if (i === 0) {
        gender = drawGender(rng, nationality);
        age = headAge;
      } else if (i === 1 && rng.chance(0.7)) {
        gender = people[0].gender === 'male' ? 'female' : 'male';
        age = Math.max(18, headAge + rng.int(-6, 6));
      } else {
        gender = rng.chance(0.5) ? 'male' : 'female';
        age = rng.int(0, Math.min(17, headAge - 18));
      }
    } else {
      gender = i === 0 ? drawGender(rng, nationality) : rng.chance(0.6) ? 'male' : 'female';
      age = Math.max(12, headAge + rng.int(-12, 12));
    }
    let given = drawGivenName(rng, culture, gender);
    for (let tries = 0; tries < 30 && usedGiven.has(given); tries++)
      given = drawGivenName(rng, culture, gender);
    if (usedGiven.has(given)) continue; // a tiny name pool ran out: keep the household smaller
    usedGiven.add(given);
    // Twins (same birthday, same surname, same address) are the hardest pairs to keep apart.
    // In a family only the children (from the third member on) can be twins.
    const firstTwin = householdType === 'family' ? 2 : 1;
    let dob: CalendarDate;
    if (i > firstTwin && twinOf && rng.chance(0.5)) {
      dob = twinOf;
      twinOf = null;
    } else {
      dob = dobForAge(rng, age);
      if (i >= firstTwin && rng.chance(0.08)) twinOf = dob;
    }
    const name: PersonName = {
      culture,
      given: [given],
      middle: drawMiddleTokens(rng, culture, gender, given),
      family: drawFamilyTokens(rng, culture, gender, familyBase),
      order: nameOrder(culture),
    };
    const phones: string[] = [];
    if (sharedPhone) phones.push(sharedPhone);
    if (age >= 16 && rng.chance(sharedPhone ? 0.4 : 0.7)) {
      const own = pop.phones.personal();
      if (rng.chance(0.5)) phones.unshift(own);
      else phones.push(own);
    }
    people.push(makePerson(pop, { nationality, gender, name, dob, address: shared, phones, householdId }));
  }
  return {
    people,
    truth: {
      kind: 'household',
      householdId,
      householdType,
      memberTruthIds: people.map((p) => p.truthId),
      address: shared,
      sharedPhone,
    },
  };
}

function makeNetwork(pop: Population, limit: number): { people: TruePerson[]; truth: NetworkTruth } {
  const rng = pop.rng;
  const networkId = pop.nextNetworkId();
  const profile = pickNetworkProfile(rng);
  const size = Math.max(1, Math.min(limit, pickNetworkSize(rng)));
  const phones = Array.from({ length: rng.int(1, 3) }, () => pop.phones.personal());
  const baseTown = drawTownIndex(rng);
  const addresses: Address[] = Array.from({ length: rng.int(1, 3) }, () =>
    drawResidentialAddress(rng, rng.chance(0.7) ? baseTown : drawTownIndex(rng)),
  );
  if (rng.chance(0.3)) addresses.push(addressAtVenue(rng, rng.pick(pop.workplaceVenues)));
  const vehicles = Array.from({ length: rng.int(1, 4) }, () => randomVehicle(rng));

  const people: TruePerson[] = [];
  const members: NetworkTruth['members'] = [];
  for (let i = 0; i < size; i++) {
    const nationality = rng.chance(0.85)
      ? profile.nationality
      : rng.chance(0.6)
        ? 'GB'
        : drawNationality(rng);
    const culture = drawCulture(rng, nationality);
    const gender: TruthGender = rng.chance(profile.activities.includes('county lines') ? 0.9 : 0.85)
      ? 'male'
      : 'female';
    const dob = dobForAge(rng, rng.int(profile.activities.includes('county lines') ? 16 : 20, 50));
    const role: NetworkRole = i === 0 ? 'principal' : i <= (size > 6 ? 2 : 1) ? 'lieutenant' : 'member';
    const own = rng.chance(0.7) ? [pop.phones.personal()] : [];
    const groupLines = role === 'principal' ? phones.slice() : [rng.pick(phones)];
    const personPhones = rng.chance(0.5) ? [...own, ...groupLines] : [...groupLines, ...own];
    const address = rng.chance(0.5)
      ? rng.pick(addresses)
      : drawResidentialAddress(rng, rng.chance(0.6) ? baseTown : drawTownIndex(rng));
    const person = makePerson(pop, {
      nationality,
      gender,
      name: drawPersonName(rng, culture, gender),
      dob,
      address,
      phones: personPhones,
      networkId,
      aliasChance: 0.3,
      emailChance: 0.25,
    });
    people.push(person);
    members.push({ truthId: person.truthId, role });
  }
  // Each vehicle has a registered keeper in the network and is seen with others.
  const keyed = vehicles.map((v) => {
    const keeper = rng.pick(people);
    keeper.vehicleVrms.push(v.vrm);
    for (const other of people) {
      if (other !== keeper && rng.chance(0.25)) other.vehicleVrms.push(v.vrm);
    }
    return { ...v, keeperTruthId: keeper.truthId };
  });
  return {
    people,
    truth: {
      kind: 'network',
      networkId,
      threat: profile.threat,
      activity: rng.pick(profile.activities),
      nationality: profile.nationality,
      members,
      phones,
      vehicles: keyed,
      addresses,
    },
  };
}

// --- records ----------------------------------------------------------------------------------------------

function chooseAgencies(rng: Rng, plan: AgencyPlan, person: TruePerson, count: number): string[] {
  const wanted = Math.min(count, plan.codes.length);
  const chosen: string[] = [];
  const picker = person.networkId ? plan.network : person.isChild ? plan.child : plan.adult;
  const homePresent = plan.present.has(person.homeForce);
  // The home force writes about 45% of records; the rest are shared by other agencies.
  for (let attempts = 0; chosen.length < wanted && attempts < wanted * 12; attempts++) {
    const code =
      homePresent && rng.chance(0.45) ? person.homeForce : picker ? picker(rng) : rng.pick(plan.codes);
    if (!chosen.includes(code)) chosen.push(code);
  }
  return chosen;
}

/** A group cut short by the record target: only the members that have records, and their vehicles. */
function truncateGroup(
  group: GroupTruth,
  people: readonly TruePerson[],
  recorded: ReadonlySet<string>,
): GroupTruth {
  if (group.kind === 'household') {
    return { ...group, memberTruthIds: group.memberTruthIds.filter((id) => recorded.has(id)) };
  }
  const vehicles: NetworkTruth['vehicles'] = [];
  for (const v of group.vehicles) {
    // A vehicle whose keeper has no record passes to a recorded member seen with it, if any.
    const keeper = recorded.has(v.keeperTruthId)
      ? v.keeperTruthId
      : people.find((p) => recorded.has(p.truthId) && p.vehicleVrms.includes(v.vrm))?.truthId;
    if (keeper) vehicles.push({ ...v, keeperTruthId: keeper });
  }
  return { ...group, members: group.members.filter((m) => recorded.has(m.truthId)), vehicles };
}

/**
 * Stream the records of a synthetic population. Each true person yields 1-6 records from different
 * agencies; households and networks are reported through `onGroup`.
 */
export function* generatePeople(opts: GeneratePeopleOptions): Generator<PersonRecordDraft> {
  const target = recordTarget(opts.size);
  const seed = opts.seed ?? DEFAULT_SEED;
  const plan = planAgencies(opts.agencies ?? DEFAULT_AGENCY_CODES);
  const pop = new Population(seed, target);
  const root = createRng(seed);
  const recordRng = root.fork('records');
  const shuffleRng = root.fork('shuffle');
  const recordSalt = scramble32(seed >>> 0, 0x7ec0);
  const window = Math.max(0, Math.floor(opts.shuffleWindow ?? 4096));
  const buffer: PersonRecordDraft[] = [];
  let produced = 0;

  const recordsOf = (person: TruePerson, extra: number): PersonRecordDraft[] => {
    const count = Math.min(6, pickRecordCount(recordRng) + extra, target - produced);
    const agencies = chooseAgencies(recordRng, plan, person, count);
    return agencies.map((code) => {
      const recordId = `${code}-${scramble32(produced++, recordSalt).toString(16).padStart(8, '0')}`;
      return recordPerson(person, code, recordId, agencyStyle(code), recordRng);
    });
  };

  while (produced < target) {
    const kind = pickGroupKind(pop.rng);
    // No group needs more people than records remain, since each person has at least one record.
    const remaining = target - produced;
    let people: TruePerson[];
    let truth: GroupTruth | null = null;
    let extra = 0;
    if (kind === 'household' && remaining >= 2) {
      const h = makeHousehold(pop, remaining);
      people = h.people;
      truth = h.truth;
    } else if (kind === 'network' && remaining >= 3) {
      const n = makeNetwork(pop, remaining);
      people = n.people;
      truth = n.truth;
      extra = 1;
    } else {
      people = [makeSingle(pop)];
    }
    const recorded = new Set<string>();
    for (const person of people) {
      if (produced >= target) break;
      recorded.add(person.truthId);
      opts.onPerson?.(person);
      for (const record of recordsOf(person, extra)) {
        if (window === 0) {
          yield record;
        } else if (buffer.length < window) {
          buffer.push(record);
        } else {
          const j = shuffleRng.int(0, window - 1);
          const out = buffer[j];
          buffer[j] = record;
          yield out;
        }
      }
    }
    if (truth)
      opts.onGroup?.(recorded.size === people.length ? truth : truncateGroup(truth, people, recorded));
  }
  shuffleRng.shuffle(buffer);
  yield* buffer;
}

/** All records of a size at once, with the households and networks: for small sets and tests only. */
export function collectPeople(opts: Omit<GeneratePeopleOptions, 'onGroup' | 'onPerson'>): {
  records: PersonRecordDraft[];
  groups: GroupTruth[];
  people: TruePerson[];
} {
  const groups: GroupTruth[] = [];
  const people: TruePerson[] = [];
  const records = [
    ...generatePeople({ ...opts, onGroup: (g) => groups.push(g), onPerson: (p) => people.push(p) }),
  ];
  return { records, groups, people };
}
