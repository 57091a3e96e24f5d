// The ways another agency writes the same person, each a small pure function, and the tags that name
// them. recording.ts decides which to apply; benchmarks read the tags from each record's variantKinds.

import type { DobFormat } from './agencies.js';
import type { NameCulture } from './names.js';
import { COMPOUND_MARK } from './names.js';
import { STREET_ABBREVIATIONS } from './places.js';
import type { Rng } from './rng.js';
import { foldDiacritics, isAscii, nameKey, transliterationAlternatives } from './transliteration.js';

export type { PhoneFormat } from './phones.js';
export { formatPhone, isFictionalUkPhone, normalizeUkPhone, phoneTypo } from './phones.js';

export const VARIANT_KINDS = [
  // names
  'alias',
  'transliteration',
  'short-form',
  'name-part-dropped',
  'compound-split',
  'compound-abbreviated',
  'middle-in-given',
  'middle-in-family',
  'given-initial',
  'diacritics-dropped',
  'typo-given',
  'typo-family',
  'name-order-swapped',
  'full-name-reordered',
  'name-upper-case',
  'family-upper-case',
  'name-lower-case',
  'unicode-decomposed',
  'name-unsplit',
  // date of birth
  'dob-missing',
  'dob-year-only',
  'dob-placeholder',
  'dob-day-month-swapped',
  'dob-year-mistyped',
  'dob-format-dmy-slash',
  'dob-format-dmy-dash',
  'dob-format-dmy-dot',
  'dob-format-text',
  // phone
  'phone-missing',
  'phone-other',
  'phone-typo',
  'phone-format-compact',
  'phone-format-international',
  'phone-format-e164',
  'phone-format-digits-only',
  // email
  'email-missing',
  'email-case-changed',
  // address
  'address-missing',
  'address-previous',
  'address-abbreviated',
  'address-upper-case',
  'town-missing',
  'postcode-missing',
  'postcode-no-space',
  'postcode-lower-case',
  // other
  'gender-unknown',
] as const;

export type VariantKind = (typeof VARIANT_KINDS)[number];

/** Kinds that change how the name itself is written (not which name, not other fields). */
export const NAME_WRITING_KINDS: ReadonlySet<VariantKind> = new Set<VariantKind>([
  'transliteration',
  'compound-split',
  'compound-abbreviated',
  'name-part-dropped',
  'middle-in-given',
  'middle-in-family',
  'diacritics-dropped',
  'full-name-reordered',
  'name-order-swapped',
  'unicode-decomposed',
]);

// --- names -------------------------------------------------------------------------------------------

/** Remove every diacritic, as systems that store only ASCII do. */
export function dropDiacritics(text: string): string {
  return foldDiacritics(text);
}

/** Write a name in decomposed Unicode (NFD): looks the same, compares different byte for byte. */
export function decomposeUnicode(text: string): string {
  return isAscii(text) ? text : text.normalize('NFD');
}

/** A token as written when its compound is kept whole (Gebre·medhin -> Gebremedhin). */
export function joinCompound(token: string): string {
  return token.includes(COMPOUND_MARK) ? token.split(COMPOUND_MARK).join('') : token;
}

/**
 * A compound written as separate words: "Gebre Medhin", "Gebre-Medhin", "Abdel Rahman"; Chinese
 * given names as "Xiao Ming" or "Xiao-ming". Returns null when the token is not a compound.
 */
export function splitCompound(token: string, separator: ' ' | '-', culture: NameCulture): string | null {
  if (!token.includes(COMPOUND_MARK)) return null;
  const parts = token.split(COMPOUND_MARK).filter((p) => p.length > 0);
  const lowerRest = culture === 'chinese' && separator === '-';
  return parts.map((p, i) => (i === 0 || lowerRest ? p : p[0].toUpperCase() + p.slice(1))).join(separator);
}

const ABBREVIABLE_PREFIXES = /^(Gebre|Ghebre|Wolde|Welde|Habte|Tekle|Haile|Tesfa|Kidane|Berhane)·/;

/** The Ethiopian and Eritrean clerical abbreviation of a compound: Gebre·medhin -> "G/Medhin". */
export function abbreviateCompound(token: string): string | null {
  const m = ABBREVIABLE_PREFIXES.exec(token);
  if (!m) return null;
  const rest = token.slice(m[0].length);
  if (rest.length === 0) return null;
  return `${m[1][0]}/${rest[0].toUpperCase()}${rest.slice(1)}`;
}

/** Another established spelling of the token, or null when the culture has none for it. */
export function transliterate(
  token: string,
  culture: NameCulture,
  role: 'given' | 'middle' | 'family',
  rng: Rng,
): string | null {
  const alternatives = transliterationAlternatives(token, culture, role);
  return alternatives.length > 0 ? rng.pick(alternatives) : null;
}

// biome-ignore format: data table, rows kept as written
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  // English
  christopher: ['Chris'], daniel: ['Dan', 'Danny'], michael: ['Mike', 'Mick'], james: ['Jim', 'Jimmy'],
  robert: ['Rob', 'Bob', 'Bobby'], thomas: ['Tom', 'Tommy'], william: ['Will', 'Bill'], matthew: ['Matt'],
  anthony: ['Tony', 'Ant'], joseph: ['Joe'], jonathan: ['Jon', 'Jonny'], samuel: ['Sam'], benjamin: ['Ben'],
  alexander: ['Alex'], nicholas: ['Nick'], steven: ['Steve'], stephen: ['Steve'], richard: ['Rich', 'Rick'],
  andrew: ['Andy'], joshua: ['Josh'], nathan: ['Nate'], callum: ['Cal'], bradley: ['Brad'],
  rebecca: ['Becky', 'Becca'], jessica: ['Jess'], elizabeth: ['Liz', 'Beth'], victoria: ['Vicky', 'Tori'],
  samantha: ['Sam'], katherine: ['Kate', 'Katie'], jennifer: ['Jen', 'Jenny'], natalie: ['Nat'],
  danielle: ['Dani'], charlotte: ['Charlie', 'Lottie'], abigail: ['Abbie', 'Abi'], stacey: ['Stace'],
  nicole: ['Nikki'], isabelle: ['Izzy'], eleanor: ['Ellie'], amelia: ['Millie'],
  // Nigerian
  oluwaseun: ['Seun'], oluwafemi: ['Femi'], oluwatobi: ['Tobi'], chukwuemeka: ['Emeka'], babatunde: ['Tunde'],
  olusegun: ['Segun'], oluwakemi: ['Kemi'], oluwafunmilayo: ['Funmi', 'Funmilayo'], ikechukwu: ['Ike'],
  oluwatoyin: ['Toyin'], temitope: ['Tope'], oluwadamilare: ['Dami'], chinonso: ['Nonso'], chiamaka: ['Amaka'],
  oluwabunmi: ['Bunmi'], babajide: ['Jide'], adebayo: ['Bayo'], olumide: ['Mide'], ayodeji: ['Deji'],
  abimbola: ['Bimbo'], titilayo: ['Titi'], damilola: ['Dami'], chibuike: ['Chibu'],
  // Polish
  aleksandra: ['Ola'], katarzyna: ['Kasia'], malgorzata: ['Gosia'], wojciech: ['Wojtek'], krzysztof: ['Krzysiek'],
  tomasz: ['Tomek'], agnieszka: ['Aga'], magdalena: ['Magda'], joanna: ['Asia'], grzegorz: ['Grzesiek'],
  jakub: ['Kuba'], piotr: ['Piotrek'], przemyslaw: ['Przemek'], bartosz: ['Bartek'],
  mateusz: ['Mateo'], elzbieta: ['Ela'], dorota: ['Dorotka'], zbigniew: ['Zbyszek'], stanislaw: ['Staszek'],
  // Romanian
  alexandru: ['Alex'], constantin: ['Costi', 'Costel'], nicolae: ['Nicu'], gabriela: ['Gabi'], gheorghe: ['Ghiță'],
  florentina: ['Flori'], madalina: ['Mădă'], georgiana: ['Georgi'], catalin: ['Cătă'], valentin: ['Vali'],
  // Albanian
  klodian: ['Klodi'], gentian: ['Genti'], florian: ['Flori'], xhuljan: ['Xhuli'], kastriot: ['Kastro'],
  skender: ['Skëndi'], enkeleda: ['Keda'], esmeralda: ['Esi'], brunilda: ['Bruna'],
  // Arabic, Afghan, Persian
  mohamed: ['Mo'], mohammed: ['Mo'], muhammad: ['Mo'], abdelrahman: ['Abdo'], abdelaziz: ['Aziz'],
  abdelgadir: ['Gadir'], nasreldin: ['Nasr'], habibullah: ['Habib'], naqibullah: ['Naqib'],
  rahmatullah: ['Rahmat'], samiullah: ['Sami'], zabihullah: ['Zabi'], asadullah: ['Asad'],
  hekmatullah: ['Hekmat'], ihsanullah: ['Ihsan'], obaidullah: ['Obaid'], masihullah: ['Masih'],
  mohammadreza: ['Reza'], amirhossein: ['Amir'], alireza: ['Ali'],
  // Tigrinya and Amharic
  yohannes: ['John'], amanuel: ['Amanu'], eyerusalem: ['Jerry'], selamawit: ['Selam'], alemayehu: ['Alex'],
  wondwossen: ['Wondi'], tewodros: ['Teddy'], bethlehem: ['Betty'], natnael: ['Nati'],
};

/** A short or familiar form of a given name (Christopher -> Chris, Oluwaseun -> Seun), or null. */
export function shortFormOf(given: string, rng: Rng): string | null {
  const forms = SHORT_FORMS[nameKey(given)];
  if (!forms || forms.length === 0) return null;
  return rng.pick(forms);
}

/** The initial that stands for a given name ("H" for Hương, "G" for Gebre Medhin). */
export function initialOf(given: string): string {
  const first = given.trim()[0];
  return first ? first.toUpperCase() : '';
}

// biome-ignore format: data table, rows kept as written
const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'adwx', d: 'sfec', f: 'dgrv', g: 'fhtb', h: 'gjyn', j: 'hkum', k: 'jlim', l: 'kop',
  z: 'asx', x: 'zsc', c: 'xdv', v: 'cfb', b: 'vgn', n: 'bhm', m: 'njk',
};

const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

function neighbourOf(c: string, rng: Rng): string {
  const lower = foldDiacritics(c).toLowerCase();
  const options = KEYBOARD_NEIGHBOURS[lower] ?? 'aeinorst';
  const n = options[rng.int(0, options.length - 1)];
  return c === c.toUpperCase() ? n.toUpperCase() : n;
}

export type TypoKind = 'substitution' | 'deletion' | 'insertion' | 'transposition';

/**
 * One keyboard slip: a neighbouring key, a dropped or doubled letter, or two adjacent letters swapped
 * (one Damerau-Levenshtein edit). The first letter is left alone, as it mostly is in real typing errors.
 * Returns the text unchanged if it has fewer than three letters.
 */
export function typo(text: string, rng: Rng): { text: string; kind: TypoKind | null } {
  const positions: number[] = [];
  for (let i = 1; i < text.length; i++) if (isLetter(text[i])) positions.push(i);
  if (positions.length < 2) return { text, kind: null };
  const kinds: TypoKind[] = ['substitution', 'deletion', 'insertion', 'transposition'];
  for (let attempt = 0; attempt < 8; attempt++) {
    const kind = rng.pick(kinds);
    const i = rng.pick(positions);
    let out: string;
    switch (kind) {
      case 'substitution':
        out = text.slice(0, i) + neighbourOf(text[i], rng) + text.slice(i + 1);
        break;
      case 'deletion':
        out = text.slice(0, i) + text.slice(i + 1);
        break;
      case 'insertion':
        out =
          text.slice(0, i + 1) + (rng.chance(0.5) ? text[i] : neighbourOf(text[i], rng)) + text.slice(i + 1);
        break;
      case 'transposition': {
        const j = i + 1;
        if (j >= text.length || !isLetter(text[j]) || text[j] === text[i]) continue;
        out = text.slice(0, i) + text[j] + text[i] + text.slice(j + 1);
        break;
      }
    }
    if (out !== text) return { text: out, kind };
  }
  return { text, kind: null };
}

// --- dates of birth ----------------------------------------------------------------------------------

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A date written the way an agency writes it; 'iso' (YYYY-MM-DD) is the canonical form. */
export function formatDob(d: CalendarDate, format: DobFormat): string {
  switch (format) {
    case 'iso':
      return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    case 'dmy-slash':
      return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
    case 'dmy-dash':
      return `${pad2(d.day)}-${pad2(d.month)}-${d.year}`;
    case 'dmy-dot':
      return `${pad2(d.day)}.${pad2(d.month)}.${d.year}`;
    case 'text':
      return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  }
}

/** Only the year is known ("1994"). */
export function dobYearOnly(d: CalendarDate): string {
  return String(d.year);
}

/** The 1 January placeholder recorded when only the year (or an assessed age) is known. */
export function placeholderDob(d: CalendarDate, format: DobFormat): string {
  return formatDob({ year: d.year, month: 1, day: 1 }, format);
}

/** Day and month exchanged, as when a US-style date is read as a UK one; null when that is not a new valid date. */
export function swapDayMonth(d: CalendarDate): CalendarDate | null {
  if (d.day > 12 || d.day === d.month) return null;
  return { year: d.year, month: d.day, day: d.month };
}

/** The year off by one, or its last two digits transposed (1994 -> 1949) when that stays plausible. */
export function mistypeYear(d: CalendarDate, rng: Rng, minYear = 1930, maxYear = 2025): CalendarDate {
  const candidates = [d.year - 1, d.year + 1];
  const tens = Math.floor((d.year % 100) / 10);
  const units = d.year % 10;
  const swapped = d.year - (d.year % 100) + units * 10 + tens;
  if (tens !== units && swapped >= minYear && swapped <= maxYear) candidates.push(swapped);
  const year = rng.pick(candidates);
  // 29 February only exists in leap years.
  const day = d.month === 2 && d.day === 29 && !isLeapYear(year) ? 28 : d.day;
  return { year, month: d.month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// --- contact details and addresses --------------------------------------------------------------------

/** Street types and flat markers shortened the way clerks do ("Flat 3, 45 Ashbury Road" -> "Flat 3 45 Ashbury Rd"). */
const STREET_TYPE_RE = new RegExp(`\\b(${Object.keys(STREET_ABBREVIATIONS).join('|')})\\b`);

export function abbreviateAddress(line: string): string {
  return line
    .replace(/\b(Flat|Room) (\w+), /, '$1 $2 ')
    .replace(STREET_TYPE_RE, (full) => STREET_ABBREVIATIONS[full]);
}

export function postcodeWithoutSpace(postcode: string): string {
  return postcode.replace(/\s+/g, '');
}

export function postcodeLowerCase(postcode: string): string {
  return postcode.toLowerCase();
}

/** An email address typed with different capitals (case does not change where mail goes). */
export function changeEmailCase(email: string, rng: Rng): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at);
  const changed = rng.chance(0.5)
    ? local.toUpperCase() + domain.toUpperCase()
    : local.replace(/(^|[._])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()) + domain;
  return changed === email ? email.toUpperCase() : changed;
}
