// Synthetic UK addresses: real towns with their real postcode areas and districts (so postcode-area
// analysis and force mapping behave), fictional street names, random inward codes. Also the shared
// places where strangers' records meet: asylum hotels, HMOs, hand car washes, nail bars, takeaways,
// farm caravan sites.

import type { PhoneAllocator } from './phones.js';
import type { Rng } from './rng.js';
import { weightedPicker } from './rng.js';

export interface Town {
  name: string;
  /** Postcode districts (outward codes) of the town. */
  districts: readonly string[];
  /** Code of the territorial police force. */
  force: string;
  /** Ofcom drama range for local landlines, if the town has one. */
  phoneRange: string;
  /** Relative share of the demo population. */
  weight: number;
}

const range = (area: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${area}${from + i}`);

// biome-ignore format: data table, rows kept as written
export const TOWNS: readonly Town[] = [
  {
    name: 'London',
    districts: [...range('E', 1, 18), ...range('N', 1, 22), ...range('NW', 1, 11), ...range('SE', 1, 28), ...range('SW', 2, 20), ...range('W', 2, 14)],
    force: 'met',
    phoneRange: 'London',
    weight: 22,
  },
  { name: 'Croydon', districts: ['CR0', 'CR2', 'CR7'], force: 'met', phoneRange: 'London', weight: 2 },
  { name: 'Ilford', districts: range('IG', 1, 6), force: 'met', phoneRange: 'London', weight: 1.5 },
  { name: 'Romford', districts: range('RM', 1, 7), force: 'met', phoneRange: 'London', weight: 1 },
  { name: 'Harrow', districts: range('HA', 0, 3), force: 'met', phoneRange: 'London', weight: 1 },
  { name: 'Southall', districts: ['UB1', 'UB2'], force: 'met', phoneRange: 'London', weight: 1 },
  { name: 'Enfield', districts: range('EN', 1, 3), force: 'met', phoneRange: 'London', weight: 1 },
  { name: 'Birmingham', districts: range('B', 1, 48), force: 'wmp', phoneRange: 'Birmingham', weight: 6 },
  { name: 'Wolverhampton', districts: range('WV', 1, 14), force: 'wmp', phoneRange: 'Birmingham', weight: 1.5 },
  { name: 'Coventry', districts: range('CV', 1, 6), force: 'wmp', phoneRange: 'No area', weight: 1.5 },
  { name: 'Walsall', districts: range('WS', 1, 5), force: 'wmp', phoneRange: 'Birmingham', weight: 0.8 },
  { name: 'Manchester', districts: range('M', 1, 40), force: 'gmp', phoneRange: 'Manchester', weight: 5 },
  { name: 'Oldham', districts: range('OL', 1, 9), force: 'gmp', phoneRange: 'Manchester', weight: 1 },
  { name: 'Bolton', districts: range('BL', 1, 7), force: 'gmp', phoneRange: 'Manchester', weight: 1 },
  { name: 'Stockport', districts: range('SK', 1, 7), force: 'gmp', phoneRange: 'Manchester', weight: 0.8 },
  { name: 'Leeds', districts: range('LS', 1, 29), force: 'wyp', phoneRange: 'Leeds', weight: 4 },
  { name: 'Bradford', districts: range('BD', 1, 10), force: 'wyp', phoneRange: 'Leeds', weight: 2.5 },
  { name: 'Huddersfield', districts: range('HD', 1, 5), force: 'wyp', phoneRange: 'Leeds', weight: 1 },
  { name: 'Wakefield', districts: range('WF', 1, 4), force: 'wyp', phoneRange: 'Leeds', weight: 0.8 },
  { name: 'Liverpool', districts: range('L', 1, 36), force: 'merseyside', phoneRange: 'Liverpool', weight: 3 },
  { name: 'Sheffield', districts: range('S', 1, 14), force: 'syp', phoneRange: 'Sheffield', weight: 2.5 },
  { name: 'Rotherham', districts: range('S', 60, 66), force: 'syp', phoneRange: 'Sheffield', weight: 0.8 },
  { name: 'Doncaster', districts: range('DN', 1, 5), force: 'syp', phoneRange: 'Sheffield', weight: 0.8 },
  { name: 'Bristol', districts: range('BS', 1, 16), force: 'avon-somerset', phoneRange: 'Bristol', weight: 2.5 },
  { name: 'Leicester', districts: range('LE', 1, 5), force: 'leics', phoneRange: 'Leicester', weight: 2 },
  { name: 'Nottingham', districts: range('NG', 1, 11), force: 'notts', phoneRange: 'Nottingham', weight: 2 },
  { name: 'Derby', districts: ['DE1', 'DE21', 'DE22', 'DE23', 'DE24'], force: 'derbyshire', phoneRange: 'No area', weight: 1 },
  { name: 'Newcastle upon Tyne', districts: range('NE', 1, 15), force: 'northumbria', phoneRange: 'Tyneside', weight: 2 },
  { name: 'Sunderland', districts: range('SR', 1, 6), force: 'northumbria', phoneRange: 'Tyneside', weight: 0.8 },
  { name: 'Middlesbrough', districts: range('TS', 1, 8), force: 'cleveland', phoneRange: 'No area', weight: 0.8 },
  { name: 'Hull', districts: range('HU', 1, 9), force: 'humberside', phoneRange: 'No area', weight: 1 },
  { name: 'Cardiff', districts: ['CF3', 'CF5', 'CF10', 'CF11', 'CF14', 'CF23', 'CF24'], force: 'south-wales', phoneRange: 'Cardiff', weight: 1.5 },
  { name: 'Swansea', districts: range('SA', 1, 6), force: 'south-wales', phoneRange: 'No area', weight: 0.8 },
  { name: 'Glasgow', districts: range('G', 1, 53), force: 'police-scotland', phoneRange: 'Glasgow', weight: 3 },
  { name: 'Edinburgh', districts: range('EH', 1, 17), force: 'police-scotland', phoneRange: 'Edinburgh', weight: 1.5 },
  { name: 'Belfast', districts: range('BT', 1, 17), force: 'psni', phoneRange: 'Northern Ireland', weight: 1.5 },
  { name: 'Southampton', districts: range('SO', 14, 19), force: 'hampshire', phoneRange: 'No area', weight: 1.2 },
  { name: 'Portsmouth', districts: range('PO', 1, 6), force: 'hampshire', phoneRange: 'No area', weight: 1 },
  { name: 'Peterborough', districts: range('PE', 1, 4), force: 'cambs', phoneRange: 'No area', weight: 1.2 },
  { name: 'Wisbech', districts: ['PE13', 'PE14'], force: 'cambs', phoneRange: 'No area', weight: 0.5 },
  { name: 'Boston', districts: ['PE21'], force: 'lincs', phoneRange: 'No area', weight: 0.5 },
  { name: 'Luton', districts: range('LU', 1, 4), force: 'beds', phoneRange: 'No area', weight: 1.2 },
  { name: 'Slough', districts: range('SL', 1, 3), force: 'thames-valley', phoneRange: 'Reading', weight: 1 },
  { name: 'Reading', districts: range('RG', 1, 6), force: 'thames-valley', phoneRange: 'Reading', weight: 1 },
  { name: 'Milton Keynes', districts: range('MK', 3, 15), force: 'thames-valley', phoneRange: 'No area', weight: 0.8 },
  { name: 'Oxford', districts: range('OX', 1, 4), force: 'thames-valley', phoneRange: 'No area', weight: 0.5 },
  { name: 'Northampton', districts: range('NN', 1, 5), force: 'northants', phoneRange: 'No area', weight: 0.8 },
  { name: 'Stoke-on-Trent', districts: range('ST', 1, 6), force: 'staffs', phoneRange: 'No area', weight: 0.8 },
  { name: 'Dover', districts: ['CT16', 'CT17'], force: 'kent', phoneRange: 'No area', weight: 0.8 },
  { name: 'Folkestone', districts: ['CT19', 'CT20'], force: 'kent', phoneRange: 'No area', weight: 0.5 },
  { name: 'Maidstone', districts: range('ME', 14, 16), force: 'kent', phoneRange: 'No area', weight: 0.7 },
  { name: 'Chatham', districts: ['ME4', 'ME5'], force: 'kent', phoneRange: 'No area', weight: 0.5 },
  { name: 'Chelmsford', districts: ['CM1', 'CM2'], force: 'essex', phoneRange: 'No area', weight: 0.6 },
  { name: 'Southend-on-Sea', districts: range('SS', 0, 3), force: 'essex', phoneRange: 'No area', weight: 0.6 },
  { name: 'Preston', districts: ['PR1', 'PR2'], force: 'lancs', phoneRange: 'No area', weight: 0.6 },
  { name: 'Blackburn', districts: ['BB1', 'BB2'], force: 'lancs', phoneRange: 'No area', weight: 0.6 },
  { name: 'Norwich', districts: range('NR', 1, 7), force: 'norfolk', phoneRange: 'No area', weight: 0.6 },
  { name: 'Ipswich', districts: range('IP', 1, 4), force: 'suffolk', phoneRange: 'No area', weight: 0.5 },
  { name: 'Plymouth', districts: range('PL', 1, 6), force: 'devon-cornwall', phoneRange: 'No area', weight: 0.6 },
  { name: 'Exeter', districts: range('EX', 1, 4), force: 'devon-cornwall', phoneRange: 'No area', weight: 0.4 },
  { name: 'Watford', districts: ['WD17', 'WD18', 'WD19', 'WD24', 'WD25'], force: 'herts', phoneRange: 'No area', weight: 0.6 },
];

/** Force codes of every town above, for the default agency list. */
export const TOWN_FORCES: readonly string[] = [...new Set(TOWNS.map((t) => t.force))];

// Street names are two invented syllables and a street type: English-sounding, mostly not real streets.
// biome-ignore format: data table, rows kept as written
const STREET_HEADS = [
  'Ash', 'Beck', 'Brack', 'Brook', 'Bur', 'Cal', 'Chal', 'Clay', 'Cold', 'Crane', 'Dun', 'Elm', 'Fair', 'Fern',
  'Fox', 'Glen', 'Hale', 'Hawk', 'Heath', 'Holm', 'Kes', 'Lark', 'Lin', 'Mar', 'Mead', 'Mill', 'Moss', 'Nor',
  'Oak', 'Pen', 'Quar', 'Raven', 'Red', 'Rook', 'Rush', 'Salt', 'Sand', 'Stan', 'Stone', 'Thorn', 'Wal',
  'West', 'Whin', 'Wil', 'Wren', 'Yew', 'Alder', 'Bramble', 'Cop', 'Tan',
];
// biome-ignore format: data table, rows kept as written
const STREET_TAILS = [
  'bury', 'brook', 'by', 'combe', 'croft', 'dale', 'den', 'field', 'ford', 'gate', 'ham', 'hill', 'hurst',
  'ley', 'low', 'mead', 'mere', 'moor', 'stead', 'thorpe', 'ton', 'well', 'wick', 'wood', 'worth',
];
// biome-ignore format: data table, rows kept as written
const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['Road', 30], ['Street', 20], ['Lane', 8], ['Avenue', 8], ['Close', 6], ['Gardens', 4], ['Crescent', 4],
  ['Drive', 5], ['Way', 4], ['Terrace', 3], ['Grove', 3], ['Place', 2], ['Court', 2], ['Rise', 1], ['Walk', 1],
  ['Mews', 1],
];

/** Abbreviations clerks use for street types. */
// biome-ignore format: data table, rows kept as written
export const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  Road: 'Rd', Street: 'St', Lane: 'Ln', Avenue: 'Ave', Close: 'Cl', Gardens: 'Gdns', Crescent: 'Cres',
  Drive: 'Dr', Terrace: 'Terr', Grove: 'Gr', Place: 'Pl', Court: 'Ct', Walk: 'Wlk',
};

// Unit letters of an inward code never include C, I, K, M, O or V.
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export type PlaceKind =
  | 'residential'
  | 'hotel'
  | 'hmo'
  | 'car-wash'
  | 'nail-bar'
  | 'takeaway'
  | 'caravan-site';

export interface Address {
  kind: PlaceKind;
  /** Flat or room within the building; differs between residents of one HMO or hotel. */
  unit: string | null;
  building: string | null;
  number: string;
  street: string;
  town: string;
  postcode: string;
  /** Shared place this address belongs to, if any. */
  venueId: string | null;
}

export interface Venue {
  venueId: string;
  kind: Exclude<PlaceKind, 'residential'>;
  name: string | null;
  address: Address;
  /** Switchboard or business landline (national compact form), if the place has one. */
  phone: string | null;
  townIndex: number;
}

const pickTownIndex = weightedPicker(TOWNS.map((t, i) => [i, t.weight] as const));
const pickStreetType = weightedPicker(STREET_TYPES);

const TOWN_INDEX = new Map(TOWNS.map((t, i) => [t.name, i] as const));

/** Index of a town in TOWNS by name, or -1. */
export function townIndexOf(name: string): number {
  return TOWN_INDEX.get(name) ?? -1;
}

export function drawTownIndex(rng: Rng): number {
  return pickTownIndex(rng);
}

export function drawStreet(rng: Rng): string {
  return `${rng.pick(STREET_HEADS)}${rng.pick(STREET_TAILS)} ${pickStreetType(rng)}`;
}

export function drawPostcode(rng: Rng, town: Town): string {
  const unit =
    UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)] + UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)];
  return `${rng.pick(town.districts)} ${rng.int(0, 9)}${unit}`;
}

export function drawResidentialAddress(rng: Rng, townIndex: number = drawTownIndex(rng)): Address {
  const town = TOWNS[townIndex];
  const flat = rng.chance(0.3);
  return {
    kind: 'residential',
    unit: flat ? String(rng.int(1, 12)) : null,
    building: null,
    number: String(flat ? rng.int(1, 240) : rng.int(1, 180)) + (rng.chance(0.04) ? rng.pick(['A', 'B']) : ''),
    street: drawStreet(rng),
    town: town.name,
    postcode: drawPostcode(rng, town),
    venueId: null,
  };
}

// Addresses are shared by every record of a person and often by several people: write each line once.
const lineCache = new WeakMap<Address, string>();

/** The address line as the person would write it: "Flat 3, 45 Ashbury Road", "Room 12, Fernley Hotel, 8 ...". */
export function addressLine(a: Address): string {
  let line = lineCache.get(a);
  if (line === undefined) {
    line = writeAddressLine(a);
    lineCache.set(a, line);
  }
  return line;
}

function writeAddressLine(a: Address): string {
  const parts: string[] = [];
  if (a.unit)
    parts.push(
      a.kind === 'hotel' || a.kind === 'caravan-site'
        ? `${a.kind === 'hotel' ? 'Room' : 'Caravan'} ${a.unit}`
        : `Flat ${a.unit}`,
    );
  if (a.building) parts.push(a.building);
  parts.push(`${a.number} ${a.street}`);
  return parts.join(', ');
}

const HOTEL_SUFFIXES = ['Hotel', 'Park Hotel', 'Lodge', 'Court Hotel', 'House Hotel', 'Inn'];
const NAIL_NAMES = [
  'Lotus',
  'Star',
  'Diamond',
  'Pearl',
  'Crystal',
  'Angel',
  'Royal',
  'Golden',
  'Luxury',
  'Pink',
  'Venus',
  'Queen',
];
const TAKEAWAY_NAMES = [
  'Golden Dragon',
  'Lucky Star',
  'Anatolia Grill',
  'Royal Spice',
  'Chicken Palace',
  'Jade Garden',
  'Best Kebab',
  'Taste of Asia',
];

const VENUE_KINDS: readonly (readonly [Venue['kind'], number])[] = [
  ['hotel', 18],
  ['hmo', 40],
  ['car-wash', 16],
  ['nail-bar', 12],
  ['takeaway', 8],
  ['caravan-site', 6],
];
const pickVenueKind = weightedPicker(VENUE_KINDS);

export function drawVenue(rng: Rng, venueId: string, phones: PhoneAllocator): Venue {
  const kind = pickVenueKind(rng);
  const townIndex = drawTownIndex(rng);
  const town = TOWNS[townIndex];
  const head = `${rng.pick(STREET_HEADS)}${rng.pick(STREET_TAILS)}`;
  let name: string | null;
  switch (kind) {
    case 'hotel':
      name = `${head} ${rng.pick(HOTEL_SUFFIXES)}`;
      break;
    case 'car-wash':
      name = `${head} Hand Car Wash`;
      break;
    case 'nail-bar':
      name = `${rng.pick(NAIL_NAMES)} Nails`;
      break;
    case 'takeaway':
      name = rng.pick(TAKEAWAY_NAMES);
      break;
    case 'caravan-site':
      name = `${head} Farm`;
      break;
    default:
      name = null;
  }
  const address: Address = {
    kind,
    unit: null,
    building: kind === 'car-wash' ? `Unit ${rng.int(1, 9)}` : name,
    number: String(rng.int(1, 220)),
    street: drawStreet(rng),
    town: town.name,
    postcode: drawPostcode(rng, town),
    venueId,
  };
  const hasPhone = kind !== 'hmo' || rng.chance(0.3);
  return {
    venueId,
    kind,
    name,
    address,
    phone: hasPhone ? phones.inRange(town.phoneRange) : null,
    townIndex,
  };
}

/** A resident's or worker's address at a venue: hotels and HMOs give each person a room or flat. */
export function addressAtVenue(rng: Rng, venue: Venue): Address {
  const a = venue.address;
  if (venue.kind === 'hotel') return { ...a, unit: String(rng.int(1, 3) * 100 + rng.int(1, 40)) };
  if (venue.kind === 'hmo') return { ...a, unit: String(rng.int(1, 9)) };
  if (venue.kind === 'caravan-site') return { ...a, unit: String(rng.int(1, 30)) };
  return { ...a };
}

/** Workplaces where people are exploited and often give the business number as their own. */
export function isWorkplace(kind: PlaceKind): boolean {
  return kind === 'car-wash' || kind === 'nail-bar' || kind === 'takeaway' || kind === 'caravan-site';
}
