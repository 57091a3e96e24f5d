/**
 * Countries for nationality and routes: ISO 3166-1 alpha-2 codes (plus XK, Kosovo, which the Home Office lists
 * as a nationality), named by the runtime's CLDR data so the list needs no hand-kept names.
 */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** The value recorded when a nationality is not known (the official tables' "not specified or unknown"). */
export const UNKNOWN_NATIONALITY = 'unknown';

const display = new Intl.DisplayNames(['en-GB'], { type: 'region' });
const NAMES = new Map(CODES.map((c) => [c, (display.of(c) ?? c).replace(/ & /g, ' and ')] as const));

/** Nationalities most often referred (seed 002, 2024): offered first so most people need not scroll. */
export const COMMON_NATIONALITIES = ['GB', 'AL', 'ER', 'VN', 'SD', 'RO', 'IN', 'NG', 'AF', 'CN', 'ET', 'IR', 'IQ', 'PK', 'PL', 'SY', 'EG'];

export function isCountryCode(code: string): boolean {
  return NAMES.has(code);
}

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  if (code === UNKNOWN_NATIONALITY) return 'Not known';
  return NAMES.get(code) ?? code;
}

export function allCountries(): { code: string; name: string }[] {
  return [...NAMES.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  wales: 'GB',
  scotland: 'GB',
  'northern ireland': 'GB',
  'united states of america': 'US',
  usa: 'US',
  turkey: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  burma: 'MM',
  myanmar: 'MM',
  'democratic republic of the congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  macedonia: 'MK',
  swaziland: 'SZ',
  palestine: 'PS',
  'viet nam': 'VN',
  russia: 'RU',
  'russian federation': 'RU',
  bosnia: 'BA',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const BY_NAME = new Map<string, string>();
for (const [code, name] of NAMES) BY_NAME.set(fold(name), code);
for (const [alias, code] of Object.entries(ALIASES)) BY_NAME.set(fold(alias), code);

/** One country from a name or a two-letter code as a person types it; null when not recognised. */
export function parseCountry(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t) && NAMES.has(t.toUpperCase())) return t.toUpperCase();
  return BY_NAME.get(fold(t)) ?? null;
}

/**
 * A list of countries typed in one box ("Albania, France; Belgium" or one per line), in order, without repeats.
 * Returns the codes and the pieces that were not recognised, so the page can name them.
 */
export function parseCountryList(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const piece of text.split(/[,;\n]+/)) {
    const t = piece.trim();
    if (!t) continue;
    const code = parseCountry(t);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(t);
  }
  return { codes, unknown };
}
