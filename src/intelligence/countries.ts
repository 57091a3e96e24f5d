/**
 * Countries on routes and nationalities, stored as ISO 3166-1 alpha-2 (as referrals store them) and named by the
 * runtime's CLDR data. `toCountryCode` accepts what people type: a code (AL, ALB), an English name or a
 * nationality adjective for the countries that appear on the routes into the UK.
 */
const display = new Intl.DisplayNames(['en-GB'], { type: 'region' });

/** Source, transit and destination countries seen on routes to the UK (001, 002, 004), offered first. */
export const ROUTE_COUNTRIES = [
  'AL',
  'VN',
  'ER',
  'SD',
  'AF',
  'IR',
  'IQ',
  'SY',
  'ET',
  'EG',
  'NG',
  'IN',
  'PK',
  'CN',
  'RO',
  'PL',
  'KW',
  'TR',
  'LY',
  'GR',
  'BG',
  'RS',
  'MK',
  'XK',
  'HU',
  'AT',
  'IT',
  'ES',
  'DE',
  'BE',
  'NL',
  'FR',
  'IE',
  'RU',
  'UA',
  'GB',
] as const;

const ALPHA3: Record<string, string> = {
  ALB: 'AL',
  VNM: 'VN',
  ERI: 'ER',
  SDN: 'SD',
  AFG: 'AF',
  IRN: 'IR',
  IRQ: 'IQ',
  SYR: 'SY',
  ETH: 'ET',
  EGY: 'EG',
  NGA: 'NG',
  IND: 'IN',
  PAK: 'PK',
  CHN: 'CN',
  ROU: 'RO',
  POL: 'PL',
  KWT: 'KW',
  TUR: 'TR',
  LBY: 'LY',
  GRC: 'GR',
  BGR: 'BG',
  SRB: 'RS',
  MKD: 'MK',
  XKX: 'XK',
  HUN: 'HU',
  AUT: 'AT',
  ITA: 'IT',
  ESP: 'ES',
  DEU: 'DE',
  BEL: 'BE',
  NLD: 'NL',
  FRA: 'FR',
  IRL: 'IE',
  RUS: 'RU',
  UKR: 'UA',
  GBR: 'GB',
};

const ADJECTIVES: Record<string, string> = {
  albanian: 'AL',
  vietnamese: 'VN',
  eritrean: 'ER',
  sudanese: 'SD',
  afghan: 'AF',
  iranian: 'IR',
  iraqi: 'IQ',
  syrian: 'SY',
  ethiopian: 'ET',
  egyptian: 'EG',
  nigerian: 'NG',
  indian: 'IN',
  pakistani: 'PK',
  chinese: 'CN',
  romanian: 'RO',
  polish: 'PL',
  kuwaiti: 'KW',
  turkish: 'TR',
  libyan: 'LY',
  greek: 'GR',
  bulgarian: 'BG',
  serbian: 'RS',
  kosovan: 'XK',
  kosovar: 'XK',
  hungarian: 'HU',
  italian: 'IT',
  spanish: 'ES',
  german: 'DE',
  belgian: 'BE',
  dutch: 'NL',
  french: 'FR',
  irish: 'IE',
  russian: 'RU',
  ukrainian: 'UA',
  british: 'GB',
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

const NAME_INDEX = new Map<string, string>();
for (const c of ROUTE_COUNTRIES) NAME_INDEX.set(fold(display.of(c) ?? c), c);
NAME_INDEX.set('uk', 'GB');
NAME_INDEX.set('united kingdom', 'GB');
NAME_INDEX.set('england', 'GB');
NAME_INDEX.set('kosovo', 'XK');
NAME_INDEX.set('north macedonia', 'MK');
NAME_INDEX.set('macedonia', 'MK');

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  if (code === 'XK') return 'Kosovo';
  if (!/^[A-Z]{2}$/.test(code)) return code.toLowerCase() === 'unknown' ? 'Not known' : code;
  try {
    return (display.of(code) ?? code).replace(/ & /g, ' and ');
  } catch {
    return code;
  }
}

/** ISO alpha-2 for a code, name or adjective; null when not recognised. */
export function toCountryCode(input: string | null | undefined): string | null {
  if (!input) return null;
  const t = input.trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t)) {
    const up = t.toUpperCase();
    if (up === 'UK') return 'GB';
    try {
      const name = up === 'XK' ? 'Kosovo' : display.of(up);
      return name && name !== up ? up : null;
    } catch {
      return null;
    }
  }
  if (/^[A-Za-z]{3}$/.test(t) && ALPHA3[t.toUpperCase()]) return ALPHA3[t.toUpperCase()]!;
  const f = fold(t);
  return NAME_INDEX.get(f) ?? ADJECTIVES[f] ?? null;
}

export const countryOptions = () =>
  ROUTE_COUNTRIES.map((c) => ({ value: c, text: countryName(c) })).sort((a, b) =>
    a.text.localeCompare(b.text),
  );
