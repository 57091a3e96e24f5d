/**
 * Field comparators. Each returns a comparison level: 0 = one side missing (no evidence),
 * 1 = different, and higher levels for closer agreement, the last being exact agreement. The
 * Fellegi-Sunter model learns one weight per level; these functions only decide the level.
 */
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import levenshtein from 'talisman/metrics/levenshtein.js';
import type { AddressFeatures, DateFeatures, IdentifierFeatures, NameFeatures, PostcodeFeatures } from './features.js';

export const MISSING = 0;
export const DIFFERENT = 1;

const limitedLevenshtein = (levenshtein as unknown as { limited: (max: number, a: string, b: string) => number })
  .limited;

export { jaroWinkler };

const bag = new Int32Array(128);

/**
 * Upper bound of Jaro-Winkler from the characters the strings share and their common prefix:
 * Jaro matches cannot outnumber shared characters. Lets comparators skip most hopeless pairs
 * without running the metric.
 */
function jaroWinklerBound(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  for (let k = 0; k < la; k++) bag[a.charCodeAt(k) & 127]++;
  let common = 0;
  for (let k = 0; k < lb; k++) {
    const c = b.charCodeAt(k) & 127;
    if (bag[c] > 0) {
      bag[c]--;
      common++;
    }
  }
  for (let k = 0; k < la; k++) bag[a.charCodeAt(k) & 127] = 0;
  if (common === 0) return 0;
  const jaro = (common / la + common / lb + 1) / 3;
  let prefix = 0;
  const limit = Math.min(4, la, lb);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro < 0.7 ? jaro : jaro + prefix * 0.1 * (1 - jaro);
}

/** Jaro-Winkler similarity, or 0 when it cannot reach `atLeast` (checked cheaply first). */
export function jaroWinklerIfAtLeast(a: string, b: string, atLeast: number): number {
  if (jaroWinklerBound(a, b) < atLeast) return 0;
  return jaroWinkler(a, b);
}

/** Levenshtein distance if at most `max`, else Infinity. */
export function editDistanceAtMost(a: string, b: string, max: number): number {
  return limitedLevenshtein(max, a, b);
}

/**
 * Optimal-string-alignment distance (edits plus adjacent transpositions) if at most `max`, else
 * Infinity: "19850412" and "19580412" are one transposition apart, which plain Levenshtein counts as two.
 */
export function transpositionDistanceAtMost(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return Infinity;
  // Common prefix and suffix do not change the distance: trim them before anything else.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (endA - start === 0 || endB - start === 0) {
    const d = Math.max(endA, endB) - start;
    return d <= max ? d : Infinity;
  }
  // Each edit changes the character histogram by at most 2 (a transposition by 0): a cheap reject.
  let l1 = 0;
  for (let k = start; k < endA; k++) bag[a.charCodeAt(k) & 127]++;
  for (let k = start; k < endB; k++) bag[b.charCodeAt(k) & 127]--;
  for (let k = start; k < endA; k++) {
    const c = a.charCodeAt(k) & 127;
    l1 += Math.abs(bag[c]);
    bag[c] = 0;
  }
  for (let k = start; k < endB; k++) {
    const c = b.charCodeAt(k) & 127;
    l1 += Math.abs(bag[c]);
    bag[c] = 0;
  }
  if (l1 > 2 * max) return Infinity;
  a = a.slice(start, endA);
  b = b.slice(start, endB);
  const la = a.length;
  const lb = b.length;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb * 2 + 2);
    rowB = new Int32Array(lb * 2 + 2);
    rowC = new Int32Array(lb * 2 + 2);
  }
  // Three rolling rows of the DP table, reused across calls (no allocation per comparison).
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) {
        v = prev2[j - 2] + 1;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] <= max ? prev[lb] : Infinity;
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Share of tokens that agree (exactly, or by Jaro-Winkler >= 0.9 for tokens of four letters or
 * more), as a Sorensen-Dice ratio over the two token sets.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Uint8Array(b.length);
  let matched = 0;
  for (const t of a) {
    let best = -1;
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      if (b[j] === t) {
        best = j;
        break;
      }
      // Fuzzy token agreement needs a shared first or second letter: skips most hopeless pairs cheaply.
      if (best < 0 && t.length >= 4 && b[j].length >= 4 && (t[0] === b[j][0] || t[1] === b[j][1]) && jaroWinklerIfAtLeast(t, b[j], 0.9) >= 0.9) {
        best = j;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      matched++;
    }
  }
  return (2 * matched) / (a.length + b.length);
}

// ----------------------------------------------------------------------------------------------- names

export const NAME_LEVELS = ['missing', 'different', 'similar', 'close', 'variant', 'exact'] as const;
export const NAME_EXACT = 5;
export const NAME_VARIANT = 4;
export const NAME_CLOSE = 3;
const NAME_SIMILAR = 2;

/** True when every canonical token of the shorter name is among the longer name's. */
function tokenSubset(a: NameFeatures, b: NameFeatures): boolean {
  const [short, long] = a.canonTokens.length <= b.canonTokens.length ? [a, b] : [b, a];
  if (short.canonTokens.length === long.canonTokens.length) return false;
  const pool = [...long.canonTokens];
  for (const t of short.canonTokens) {
    const at = pool.indexOf(t);
    if (at < 0) return false;
    pool.splice(at, 1);
  }
  return true;
}

/**
 * exact: same normalised name; variant: same canonical tokens (a transliteration or romanisation
 * variant, or the same tokens in another order); close: Jaro-Winkler >= 0.92, the same name written
 * with or without spaces, or one name's tokens a subset of the other's; similar: Jaro-Winkler >= 0.8
 * or the same double-metaphone code; else different.
 */
export function compareName(a: NameFeatures | null, b: NameFeatures | null): number {
  if (!a || !b) return MISSING;
  if (a.norm === b.norm) return NAME_EXACT;
  if (a.canonKey === b.canonKey) return NAME_VARIANT;
  const jw = jaroWinklerIfAtLeast(a.norm, b.norm, 0.8);
  if (jw >= 0.92) return NAME_CLOSE;
  if (a.squash === b.squash) return NAME_CLOSE;
  const multi = a.tokens.length > 1 || b.tokens.length > 1;
  if (multi && tokenSubset(a, b)) return NAME_CLOSE;
  if (!multi) return jw >= 0.8 || a.phonetic === b.phonetic ? NAME_SIMILAR : DIFFERENT;
  // Several tokens: Jaro-Winkler over the whole string rewards a shared common first token (the
  // Vietnamese middle names Thi and Van): similar needs a shared canonical token of 4+ letters.
  return sharedLongToken(a, b) ? NAME_SIMILAR : DIFFERENT;
}

function sharedLongToken(a: NameFeatures, b: NameFeatures): boolean {
  for (let x = 0; x < a.tokens.length; x++) {
    if (a.tokens[x].length < 4) continue;
    for (let y = 0; y < b.tokens.length; y++) {
      if (b.tokens[y].length >= 4 && a.canonTokens[x] !== undefined && a.canonTokens[x] === b.canonTokens[y]) return true;
    }
  }
  return false;
}

/**
 * Levels for given name and surname together, allowing for the two being swapped (family name
 * first in Vietnamese and Chinese order, or fields filled the wrong way round). Writes the given-name
 * level to out[0] and the surname level to out[1]; returns true when the swapped reading was used.
 */
export function compareNames(
  givenA: NameFeatures | null,
  surnameA: NameFeatures | null,
  givenB: NameFeatures | null,
  surnameB: NameFeatures | null,
  out: Uint8Array | number[],
): boolean {
  const g = compareName(givenA, givenB);
  const s = compareName(surnameA, surnameB);
  if (g >= NAME_CLOSE && s >= NAME_CLOSE) {
    out[0] = g;
    out[1] = s;
    return false;
  }
  // A swap is only worth testing when some crosswise pair of tokens starts with the same letter.
  const maybeSwapped =
    (givenA !== null && surnameB !== null && (givenA.initials & surnameB.initials) !== 0) ||
    (surnameA !== null && givenB !== null && (surnameA.initials & givenB.initials) !== 0);
  if (!maybeSwapped) {
    out[0] = g;
    out[1] = s;
    return false;
  }
  const gs = compareName(givenA, surnameB);
  const sg = compareName(surnameA, givenB);
  if (gs + sg > g + s && Math.max(gs, sg) >= NAME_CLOSE) {
    // Record A holds its surname in the given-name field: the given-name level is A's surname
    // against B's given name, and the other way round.
    out[0] = sg;
    out[1] = gs;
    return true;
  }
  out[0] = g;
  out[1] = s;
  return false;
}

// ----------------------------------------------------------------------------------------------- dates

export const DATE_LEVELS = ['missing', 'different', 'same year', 'within two edits', 'one edit or day-month swap', 'exact'] as const;
const DATE_EXACT = 5;
export const DATE_ONE_EDIT = 4;
const DATE_TWO_EDITS = 3;
const DATE_YEAR = 2;

/**
 * exact: same date; one edit: one digit mistyped or two adjacent digits transposed (so a mistyped
 * year such as 1985/1958 is caught), or day and month swapped; within two edits; same year: one
 * side knows only the year or has a placeholder date (01/01/YYYY) and the years agree; else different.
 */
export function compareDates(a: DateFeatures | null, b: DateFeatures | null): number {
  if (!a || !b) return MISSING;
  if (a.text === b.text) return DATE_EXACT;
  if (a.yearOnly || b.yearOnly) return a.year === b.year ? DATE_YEAR : DIFFERENT;
  if (a.year === b.year && a.month === b.day && a.day === b.month) return DATE_ONE_EDIT;
  const d = transpositionDistanceAtMost(a.text, b.text, 2);
  if (d <= 1) return DATE_ONE_EDIT;
  if (d <= 2) return DATE_TWO_EDITS;
  return DIFFERENT;
}

// -------------------------------------------------------------------------------------------- addresses

export const ADDRESS_LEVELS = ['missing', 'different', 'some tokens', 'most tokens', 'exact'] as const;

/**
 * exact: same normalised address; most tokens: token-set similarity >= 0.8 or the same characters
 * once spaces are removed ("pridhamstreet"), with no house or flat number in conflict; some tokens:
 * similarity >= 0.5 (neighbours in one street reach only this level); else different.
 */
export function compareAddresses(a: AddressFeatures | null, b: AddressFeatures | null): number {
  if (!a || !b) return MISSING;
  if (a.norm === b.norm) return 4;
  if (a.squash === b.squash) return 3;
  const sim = tokenSetSimilarity(a.tokens, b.tokens);
  const numbersConflict =
    a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((n) => b.numbers.includes(n));
  if (!numbersConflict && (sim >= 0.8 || (a.squash.slice(0, 3) === b.squash.slice(0, 3) && jaroWinklerIfAtLeast(a.squash, b.squash, 0.95) >= 0.95))) {
    return 3;
  }
  if (sim >= 0.5) return 2;
  return DIFFERENT;
}

// -------------------------------------------------------------------------------------------- postcodes

export const POSTCODE_LEVELS = ['missing', 'different', 'same outward code', 'same sector or one edit', 'exact'] as const;

export function comparePostcodes(a: PostcodeFeatures | null, b: PostcodeFeatures | null): number {
  if (!a || !b) return MISSING;
  if (a.norm === b.norm) return 4;
  if (a.sector !== null && a.sector === b.sector) return 3;
  if (transpositionDistanceAtMost(a.norm, b.norm, 1) <= 1) return 3;
  if (a.outcode !== null && a.outcode === b.outcode) return 2;
  return DIFFERENT;
}

// -------------------------------------------------------------------------------------------- residence

export const RESIDENCE_LEVELS = ['missing', 'different', 'same town', 'nearby', 'same postcode', 'same address', 'exact'] as const;

/**
 * Address, postcode and town as one comparison. They are not independent: people who move change
 * all three, and household members share all three, so scoring them separately would count one
 * fact (same home, or a move) three times. Takes the three field levels:
 * exact: same address and same postcode (or no postcode on one side);
 * same address: addresses agree on most tokens, postcodes agree or are one edit apart or missing,
 *   or the addresses are equal and so are the towns (a mistyped postcode);
 * same postcode: postcodes equal, addresses do not agree;
 * nearby: same postcode sector or one edit, or addresses share some tokens;
 * same town: only the town agrees; different: nothing agrees.
 */
export function residenceLevel(address: number, postcode: number, town: number): number {
  if (address === MISSING && postcode === MISSING && town === MISSING) return MISSING;
  const postcodeConsistent = postcode === MISSING || postcode >= 3;
  if (address === 4 && (postcode === 4 || postcode === MISSING)) return 6;
  if ((address >= 3 && postcodeConsistent) || (address === 4 && town >= 2)) return 5;
  if (postcode === 4) return 4;
  if (postcode >= 2 || address >= 2) return 3;
  if (town >= 2) return 2;
  return DIFFERENT;
}

// ------------------------------------------------------------------------------------- simple strings

export const TOWN_LEVELS = ['missing', 'different', 'close', 'exact'] as const;

/** exact; close: Jaro-Winkler >= 0.9 or the same once spaces are removed; else different. */
export function compareTowns(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 3;
  if (jaroWinklerIfAtLeast(a, b, 0.9) >= 0.9) return 2;
  if ((a.includes(' ') || b.includes(' ')) && a.replace(/ /g, '') === b.replace(/ /g, '')) return 2;
  return DIFFERENT;
}

export const PHONE_LEVELS = ['missing', 'different', 'one edit or same last 8 digits', 'exact'] as const;

/** exact E.164; near: one digit mistyped or transposed, or the same last eight digits; else different. */
export function comparePhones(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 3;
  if (a.length >= 8 && b.length >= 8 && a.slice(-8) === b.slice(-8)) return 2;
  if (transpositionDistanceAtMost(a, b, 1) <= 1) return 2;
  return DIFFERENT;
}

export const EMAIL_LEVELS = ['missing', 'different', 'same mailbox name or one edit', 'exact'] as const;

export function compareEmails(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 3;
  const la = a.slice(0, a.indexOf('@'));
  const lb = b.slice(0, b.indexOf('@'));
  if ((la.length >= 5 && la === lb) || editDistanceAtMost(a, b, 1) <= 1) return 2;
  return DIFFERENT;
}

export const IDENTIFIER_LEVELS = ['missing', 'different', 'one edit', 'exact'] as const;
export const IDENTIFIER_ONE_EDIT = 2;

/**
 * Identifiers are compared only within one type (a passport number never against a phone): exact
 * when any value is shared; one edit when a same-type pair is one keystroke apart; missing when the
 * two records have no identifier type in common.
 */
export function compareIdentifiers(a: IdentifierFeatures | null, b: IdentifierFeatures | null): number {
  if (!a || !b) return MISSING;
  let comparable = false;
  let near = false;
  for (let p = 0; p < a.values.length; p++) {
    const x = a.values[p];
    const tx = a.types[p];
    for (let q = 0; q < b.values.length; q++) {
      const y = b.values[q];
      if (b.types[q] !== tx) continue;
      if (x === y) return 3;
      comparable = true;
      if (!near && transpositionDistanceAtMost(x, y, 1) <= 1) near = true;
    }
  }
  if (!comparable) return MISSING;
  return near ? 2 : DIFFERENT;
}

export const CATEGORY_LEVELS = ['missing', 'different', 'exact'] as const;

/** Sex, nationality: exact or different. */
export function compareCategories(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  return a === b ? 2 : DIFFERENT;
}
