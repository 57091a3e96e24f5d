import type { Basis, CountrySetName, SeedRef } from './types.js';

export interface CountrySet {
  readonly name: CountrySetName;
  readonly label: string;
  /** ISO 3166-1 alpha-2 codes. */
  readonly members: readonly string[];
  readonly basis: Basis;
  /** When the list was last checked against the publisher's own list. */
  readonly asOf: string;
  readonly note: string;
  readonly seedRef: SeedRef;
}

/** The 27 EU member states (ISO alpha-2; Greece is GR). */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;

/**
 * Non-EU states with an operational agreement with Europol (exchange of personal data, SIENA). States with only
 * strategic agreements or working arrangements (e.g. Turkey, China, Brazil, Israel, Japan, New Zealand) are
 * deliberately absent: seed 000 sends those enquiries to the JICC.
 */
export const EUROPOL_OPERATIONAL_AGREEMENT_STATES = [
  'AL', // Albania
  'AU', // Australia
  'BA', // Bosnia and Herzegovina
  'CA', // Canada
  'CH', // Switzerland
  'CO', // Colombia
  'GE', // Georgia
  'IS', // Iceland
  'LI', // Liechtenstein
  'MC', // Monaco
  'MD', // Moldova
  'ME', // Montenegro
  'MK', // North Macedonia
  'NO', // Norway
  'RS', // Serbia
  'UA', // Ukraine
  'US', // United States
] as const;

export const countrySets: Readonly<Record<CountrySetName, CountrySet>> = {
  europol: {
    name: 'europol',
    label: 'Countries covered by Europol (members and operational-agreement states)',
    members: [...EU_MEMBER_STATES, ...EUROPOL_OPERATIONAL_AGREEMENT_STATES],
    basis: 'domain-knowledge',
    asOf: '2025-06',
    note: 'Seed 000 says enquiries go via SIENA where a country is a Europol member or has an operational agreement, but does not list them. The list is EU member states plus states with Europol operational agreements, from public Europol information; the UK itself is excluded because the rules concern countries other than the UK. Review it when Europol signs new agreements.',
    seedRef: {
      seed: '000',
      where: 'Partner organisations (Appendix B) > Secure Information Exchange Network Application (SIENA)',
      quote:
        'Where the country of origin or countries visited are members of Europol or one of the additional states with operational agreements, enquiries should be made with Europol via SIENA.',
    },
  },
};

/** Countries that mean "the UK" in case facts; they never make an enquiry international. */
export const UK_CODES: ReadonlySet<string> = new Set(['GB', 'UK']);

export function normaliseCountryCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isInCountrySet(set: CountrySetName, code: string): boolean {
  return countrySets[set].members.includes(normaliseCountryCode(code));
}

export function isEuropolCovered(code: string): boolean {
  return isInCountrySet('europol', code);
}
