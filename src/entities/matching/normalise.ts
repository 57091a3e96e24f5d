/**
 * Normalisers: turn what people typed into values that compare well. Each one returns null for a
 * value that carries no information, so "missing" is one thing everywhere downstream.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { parse as parsePostcode } from 'postcode';
import { ABD_PREFIXES, HONORIFICS, knownVariant, NAME_PARTICLES, SURNAME_PREFIXES, VIETNAMESE_FAMILY_NAMES } from './name-variants.js';

/** Letters NFKD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss',
  ł: 'l', Ł: 'L', ı: 'i', ħ: 'h', Ħ: 'H', þ: 'th', Þ: 'TH',
};
const SPECIAL_RE = /[đĐðÐøØæÆœŒßłŁıħĦþÞ]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Removes accents and tone marks (Nguyễn -> Nguyen, Çelë -> Cele, Đặng -> Dang). */
export function foldDiacritics(s: string): string {
  // Most values are plain ASCII: nothing to fold.
  if (ASCII.test(s)) return s;
  return s
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/** Folded, lower-case, letters and digits separated by single spaces. */
export function normaliseText(s: string | null | undefined): string {
  if (!s) return '';
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/['’`ʻʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------- names

/** Name tokens with titles and digits removed ("Mr MOHAMMED  al-Amin" -> ["mohammed", "al", "amin"]). */
export function nameTokens(s: string | null | undefined): string[] {
  const text = normaliseText(s).replace(/[0-9]+/g, ' ');
  const out: string[] = [];
  for (const t of text.split(' ')) if (t && !HONORIFICS.has(t)) out.push(t);
  return out;
}

/** A name as one normalised string, or null when nothing is left. */
export function normaliseName(s: string | null | undefined): string | null {
  const tokens = nameTokens(s);
  return tokens.length ? tokens.join(' ') : null;
}

/**
 * Splits a full name into given names and surname. "SURNAME, Given" and an all-capitals surname
 * among mixed-case tokens (a UK form convention: "NGUYEN Van An") are honoured; otherwise the last
 * token is taken as the surname. Name-order mistakes are absorbed later by the comparator.
 */
export function splitFullName(full: string | null | undefined): { given: string | null; surname: string | null } {
  if (!full || !full.trim()) return { given: null, surname: null };
  const comma = full.indexOf(',');
  if (comma > 0) {
    return { surname: normaliseName(full.slice(0, comma)), given: normaliseName(full.slice(comma + 1)) };
  }
  const raw = full.trim().split(/\s+/);
  const caps = raw.filter((t) => t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase());
  if (caps.length > 0 && caps.length < raw.length) {
    const rest = raw.filter((t) => !caps.includes(t));
    return { surname: normaliseName(caps.join(' ')), given: normaliseName(rest.join(' ')) };
  }
  const tokens = nameTokens(full);
  if (tokens.length === 0) return { given: null, surname: null };
  if (tokens.length === 1) return { given: null, surname: tokens[0] };
  // Vietnamese order: family name first, given name last ("Nguyen Van An": family Nguyen).
  if (VIETNAMESE_FAMILY_NAMES.has(tokens[0]) && !VIETNAMESE_FAMILY_NAMES.has(tokens[tokens.length - 1])) {
    return { given: tokens.slice(1).join(' '), surname: tokens[0] };
  }
  // The surname is the last token with any connectors before it ("al masri", "abu bakr").
  let cut = tokens.length - 1;
  while (cut > 1 && SURNAME_PREFIXES.has(tokens[cut - 1])) cut--;
  return { given: tokens.slice(0, cut).join(' '), surname: tokens.slice(cut).join(' ') };
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A spelling-independent key for one name token: the consonant skeleton after folding the letter
 * groups that romanisations of Arabic, Albanian, Vietnamese and Tigrinya use interchangeably
 * (ph/f, kh/k, gh/g, dh/d, th/t, q/k, c/k, z/s, xh/j/dj, doubled letters, any vowel run). The first
 * letter is kept, so "Ali" and "Ola" differ. Albanian "-aj" clan endings (Gashaj) are dropped.
 */
export function skeleton(token: string): string {
  let t = token;
  if (t.length > 4 && t.endsWith('aj')) t = t.slice(0, -2);
  if (t.length > 3 && t.endsWith('h') && VOWELS.has(t[t.length - 2])) t = t.slice(0, -1);
  t = t
    .replace(/dzh|xh|dj|zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/kh|ck|q|c(?!h)/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    // "ch" is Albanian q (Krasniqi/Krasnichi) and English k more often than French-Arabic sh.
    .replace(/ch/g, 'k')
    .replace(/sh/g, 's')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'u');
  if (t.length === 0) return t;
  const first = t[0] === 'j' || t[0] === 'y' ? 'y' : VOWELS.has(t[0]) ? 'a' : t[0];
  let out = first;
  let last = first;
  for (let i = 1; i < t.length; i++) {
    let ch = t[i];
    if (ch === 'j') ch = 'y';
    if (VOWELS.has(ch)) {
      last = '';
      continue;
    }
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/**
 * A lighter key for short names, where dropping vowels says too little ("Ella" and "Eily", "Duong"
 * and "Dang" would collide): the same letter-group folding as `skeleton`, vowels kept, doubled
 * letters collapsed, the Albanian "-aj" and one trailing vowel dropped (Haile/Hayle, Ilir/Iliri).
 */
export function lightKey(token: string): string {
  let t = token;
  if (t.length > 4 && t.endsWith('aj')) t = t.slice(0, -2);
  t = t
    .replace(/dzh|xh|dj|zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/kh|ck|q|c(?!h)/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/sh|ch/g, 's')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/(.)\1+/g, '$1');
  if (t.length > 3 && VOWELS.has(t[t.length - 1])) t = t.slice(0, -1);
  return t;
}

/**
 * One Vietnamese syllable (after folding): optional initial, vowel nucleus, optional final.
 * Vietnamese romanisation is standard once tone marks are folded, and its short syllables would
 * collide as consonant skeletons (Duong and Dang, Hung and Hang), so they keep their vowels.
 */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(uye|uya|ieu|uoi|uou|oai|oay|uay|yeu|[aeiouy]{1,2})(ch|nh|ng|[cmnpt])?$/;

/**
 * The canonical form of one token: the skeleton of its variant group's first spelling when the
 * token is a known variant; the light key for a Vietnamese-shaped syllable or when the skeleton
 * keeps fewer than three letters (too little to tell names apart); else its skeleton.
 */
export function canonicalToken(token: string): string {
  const known = knownVariant(token);
  if (known) return skeleton(known);
  if (VIETNAMESE_SYLLABLE.test(token)) return lightKey(token);
  const sk = skeleton(token);
  return sk.length >= 3 ? sk : lightKey(token);
}

/**
 * Canonical tokens of a name, independent of romanisation: joins "Abd al Rahman" into one token,
 * drops connectors (al, bin, ibn) and maps each token through `canonicalToken`.
 */
export function canonicalNameTokens(tokens: readonly string[], surname = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    // Arabic family names written with the article joined on: "Almasri", "Elzein" = "Al Masri".
    if (surname && t.length >= 6 && /^(al|el)[^aeiou]/.test(t)) t = t.slice(2);
    if (ABD_PREFIXES.has(t) && i + 1 < tokens.length) {
      let j = i + 1;
      if (NAME_PARTICLES.has(tokens[j]) && j + 1 < tokens.length) j++;
      t = 'abd' + tokens[j];
      i = j;
    }
    if (tokens.length > 1 && NAME_PARTICLES.has(t)) continue;
    if (t.startsWith('abd') && t.length > 5) {
      const rest = t.slice(3).replace(/^(ul|el|al|ol|il|ur|ar|u|a|e|i)(?=[^aeiou])/, '');
      out.push('abd' + canonicalToken(rest));
      continue;
    }
    out.push(canonicalToken(t));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- dates

export interface DateValue {
  /** YYYYMMDD as written (may be an impossible date, which still compares by characters), or YYYY. */
  text: string;
  year: number;
  /** 0 when unknown. */
  month: number;
  /** 0 when unknown. */
  day: number;
  /** True when only the year is known, or the day and month are a placeholder (01/01/YYYY). */
  yearOnly: boolean;
  placeholder: boolean;
}

export interface DateOptions {
  /** Day-month pairs ("DDMM") that systems write when the real date is unknown. Default ["0101"]. */
  placeholderDayMonths?: readonly string[];
  /** Two-digit years above this are 19xx, others 20xx. Default: the current two-digit year. */
  pivotYear?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fullYear(y: string, pivot: number): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n > pivot ? 1900 + n : 2000 + n;
}

function makeDate(year: number, month: number, day: number, opts: DateOptions): DateValue {
  // A month above 12 with a day that could be a month is a US-ordered date: swap rather than lose it.
  if (month > 12 && day >= 1 && day <= 12) [month, day] = [day, month];
  const text = pad(year, 4) + pad(month, 2) + pad(day, 2);
  const placeholders = opts.placeholderDayMonths ?? ['0101'];
  const placeholder = placeholders.includes(pad(day, 2) + pad(month, 2));
  return { text, year, month, day, yearOnly: placeholder, placeholder };
}

/**
 * Parses dates written as ISO (1990-04-09, with or without time), YYYYMMDD, UK day-first
 * (09/04/1990, 9-4-90, 09.04.1990), "9 April 1990", "April 1990" or a bare year. Month-only and
 * year-only dates, and placeholder dates, are marked `yearOnly` so they agree with any date in the
 * same year at a partial level instead of disagreeing.
 */
export function parseDate(s: string | null | undefined, opts: DateOptions = {}): DateValue | null {
  if (!s) return null;
  const v = s.trim().toLowerCase();
  if (!v) return null;
  const pivot = opts.pivotYear ?? new Date().getUTCFullYear() % 100;
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/))) {
    return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), opts);
  }
  if ((m = v.match(/^(\d{4})(\d{2})(\d{2})$/))) {
    return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), opts);
  }
  if ((m = v.match(/^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})$/))) {
    return makeDate(fullYear(m[3], pivot), Number(m[2]), Number(m[1]), opts);
  }
  if ((m = v.match(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/))) {
    return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), opts);
  }
  if ((m = v.match(/^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]{3,9})\.?,?[\s\-/.]+(\d{4})$/))) {
    const month = MONTHS[m[2].slice(0, 3)] ?? MONTHS[m[2].slice(0, 4)];
    if (month) return makeDate(Number(m[3]), month, Number(m[1]), opts);
  }
  if ((m = v.match(/^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/))) {
    const month = MONTHS[m[1].slice(0, 3)];
    if (month) return makeDate(Number(m[3]), month, Number(m[2]), opts);
  }
  if ((m = v.match(/^(?:([a-z]{3,9})\.?|(\d{1,2}))[\s\-/.]+(\d{4})$/))) {
    const month = m[1] ? MONTHS[m[1].slice(0, 3)] : Number(m[2]);
    if (month && month <= 12) {
      return { text: m[3], year: Number(m[3]), month, day: 0, yearOnly: true, placeholder: false };
    }
  }
  if ((m = v.match(/^(\d{4})$/))) {
    return { text: m[1], year: Number(m[1]), month: 0, day: 0, yearOnly: true, placeholder: false };
  }
  return null;
}

// ------------------------------------------------------------------------------------------- contacts

/** E.164 (+447700900123) when the number is possible for its country, else its digits; null if too short. */
export function normalisePhone(s: string | null | undefined, defaultCountry: CountryCode = 'GB'): string | null {
  if (!s) return null;
  const trimmed = s.trim();
  if (!trimmed) return null;
  // Fast path for the commonest shape, a UK mobile written nationally or internationally (the
  // library gives the same answer, about fifty times slower).
  if (defaultCountry === 'GB') {
    const compact = trimmed.replace(/[\s\-().]/g, '');
    const m = compact.match(/^(?:\+44|0044|0)(7\d{9})$/);
    if (m) return '+44' + m[1];
  }
  const parsed = parsePhoneNumberFromString(trimmed, { defaultCountry });
  if (parsed?.isPossible()) return parsed.number;
  const digits = trimmed.replace(/\D+/g, '');
  return digits.length >= 6 ? digits : null;
}

/** Lower-cased address with "+tag" removed, and dots removed from Gmail local parts. */
export function normaliseEmail(s: string | null | undefined): string | null {
  if (!s) return null;
  const v = s.trim().toLowerCase();
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1) return null;
  let local = v.slice(0, at);
  let domain = v.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** A UK postcode in its standard form ("SW1A 1AA"); other values upper-cased without spaces. */
export function normalisePostcode(s: string | null | undefined): string | null {
  if (!s) return null;
  const squashed = s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!squashed) return null;
  const parsed = parsePostcode(squashed);
  return parsed.valid ? parsed.postcode : squashed;
}

export interface PostcodeParts {
  outcode: string;
  sector: string;
}

/** The outward code and sector of a valid UK postcode, for partial agreement. */
export function postcodeParts(normalised: string): PostcodeParts | null {
  const parsed = parsePostcode(normalised);
  if (!parsed.valid) return null;
  return { outcode: parsed.outcode, sector: parsed.sector };
}

/**
 * A vehicle registration mark, upper-case without spaces. In the current GB format (AB12 CDE) the
 * letters and digits often confused by eye or OCR (O/0, I/1) are put back by position.
 */
export function normaliseVrm(s: string | null | undefined): string | null {
  if (!s) return null;
  let v = s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (v.length < 2) return null;
  if (v.length === 7) {
    const asLetter = (c: string) => (c === '0' ? 'O' : c === '1' ? 'I' : c);
    const asDigit = (c: string) => (c === 'O' ? '0' : c === 'I' ? '1' : c);
    const fixed =
      asLetter(v[0]) + asLetter(v[1]) + asDigit(v[2]) + asDigit(v[3]) + asLetter(v[4]) + asLetter(v[5]) + asLetter(v[6]);
    if (/^[A-Z]{2}[0-9]{2}[A-Z]{3}$/.test(fixed)) v = fixed;
  }
  return v;
}

const ADDRESS_WORDS: Record<string, string> = {
  st: 'street', str: 'street', rd: 'road', ave: 'avenue', av: 'avenue', ln: 'lane', dr: 'drive',
  cres: 'crescent', cr: 'crescent', ct: 'court', crt: 'court', pl: 'place', sq: 'square', cl: 'close',
  gdns: 'gardens', gdn: 'garden', gr: 'grove', gro: 'grove', tce: 'terrace', terr: 'terrace', pde: 'parade',
  hse: 'house', ho: 'house', flt: 'flat', apt: 'flat', apartment: 'flat', fl: 'flat', blvd: 'boulevard',
  hwy: 'highway', pk: 'park', mt: 'mount', wy: 'way', cir: 'circuit', cct: 'circuit', ests: 'estates',
  est: 'estate', bldg: 'building', nth: 'north', sth: 'south', e: 'east', w: 'west', n: 'north', s: 'south',
};

const UK_POSTCODE_IN_TEXT = /\b[a-z]{1,2}[0-9][a-z0-9]? ?[0-9][a-z]{2}\b/g;

/** Address tokens with common abbreviations expanded and any embedded UK postcode removed. */
export function normaliseAddress(s: string | null | undefined): string | null {
  const text = normaliseText(s).replace(UK_POSTCODE_IN_TEXT, ' ');
  const tokens: string[] = [];
  for (const t of text.split(' ')) if (t) tokens.push(ADDRESS_WORDS[t] ?? t);
  return tokens.length ? tokens.join(' ') : null;
}

/** Town or city name, folded. */
export function normaliseTown(s: string | null | undefined): string | null {
  const t = normaliseText(s);
  return t || null;
}

/** "f", "m" or "x" (other), or null when not given. */
export function normaliseSex(s: string | null | undefined): string | null {
  const t = normaliseText(s);
  if (!t) return null;
  if (['f', 'female', 'woman', 'girl', 'w'].includes(t)) return 'f';
  if (['m', 'male', 'man', 'boy'].includes(t)) return 'm';
  if (['u', 'unknown', 'not known', 'not stated', 'n k'].includes(t)) return null;
  return 'x';
}

const NATIONALITIES: Record<string, string> = {
  british: 'GBR', uk: 'GBR', gb: 'GBR', gbr: 'GBR', 'united kingdom': 'GBR', english: 'GBR', scottish: 'GBR', welsh: 'GBR',
  albanian: 'ALB', albania: 'ALB', alb: 'ALB', al: 'ALB',
  vietnamese: 'VNM', vietnam: 'VNM', 'viet nam': 'VNM', vnm: 'VNM', vn: 'VNM',
  eritrean: 'ERI', eritrea: 'ERI', eri: 'ERI', er: 'ERI',
  sudanese: 'SDN', sudan: 'SDN', sdn: 'SDN', sd: 'SDN',
  iranian: 'IRN', iran: 'IRN', irn: 'IRN', ir: 'IRN',
  iraqi: 'IRQ', iraq: 'IRQ', irq: 'IRQ', iq: 'IRQ',
  afghan: 'AFG', afghanistan: 'AFG', afg: 'AFG', af: 'AFG',
  syrian: 'SYR', syria: 'SYR', syr: 'SYR', sy: 'SYR',
  ethiopian: 'ETH', ethiopia: 'ETH', eth: 'ETH', et: 'ETH',
  romanian: 'ROU', romania: 'ROU', rou: 'ROU', ro: 'ROU',
  polish: 'POL', poland: 'POL', pol: 'POL', pl: 'POL',
  nigerian: 'NGA', nigeria: 'NGA', nga: 'NGA', ng: 'NGA',
  chinese: 'CHN', china: 'CHN', chn: 'CHN', cn: 'CHN',
  indian: 'IND', india: 'IND', ind: 'IND', in: 'IND',
  pakistani: 'PAK', pakistan: 'PAK', pak: 'PAK', pk: 'PAK',
  egyptian: 'EGY', egypt: 'EGY', egy: 'EGY', eg: 'EGY',
  kuwaiti: 'KWT', kuwait: 'KWT', kwt: 'KWT',
  somali: 'SOM', somalia: 'SOM', som: 'SOM',
  libyan: 'LBY', libya: 'LBY', lby: 'LBY',
  kurdish: 'KURD',
};

/** ISO 3166 alpha-3 for the nationalities most often recorded; other values folded as written. */
export function normaliseNationality(s: string | null | undefined): string | null {
  const t = normaliseText(s);
  if (!t) return null;
  return NATIONALITIES[t] ?? t.toUpperCase();
}

/** An identifier such as "passport:GB123" or a bare value: type folded, value upper-case alphanumeric. */
export function normaliseIdentifier(s: string | null | undefined): string | null {
  if (!s) return null;
  const colon = s.indexOf(':');
  const type = colon > 0 ? normaliseText(s.slice(0, colon)).replace(/ /g, '_') : '';
  const value = (colon > 0 ? s.slice(colon + 1) : s).toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!value) return null;
  return type ? `${type}:${value}` : value;
}
