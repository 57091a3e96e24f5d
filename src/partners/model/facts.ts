import { z } from 'zod';
import type { ExploitationTypeCode } from '../../referrals/data/types.js';
import { isEuropolCovered, normaliseCountryCode, UK_CODES } from '../data/countries.js';
import type { CaseFacts, EncounterSetting, Sector, SupportNeed, UkNation } from '../data/types.js';

/**
 * Case facts as the API and the recommendations page take them. The JSON schema mirrors `CaseFacts` in the data
 * module exactly (strict: a misspelt fact is an error, not a silently missing one); the form parser turns the
 * GOV.UK form's fields into the same shape.
 */

export const EXPLOITATION_TYPES: readonly { value: ExploitationTypeCode; text: string }[] = [
  { value: 'sexual', text: 'Sexual exploitation' },
  { value: 'labour', text: 'Labour exploitation' },
  { value: 'criminal', text: 'Criminal exploitation' },
  { value: 'domestic-servitude', text: 'Domestic servitude' },
  { value: 'organ-harvesting', text: 'Organ harvesting' },
  { value: 'unknown', text: 'Not yet known' },
];

export const SECTORS: readonly { value: Sector; text: string }[] = [
  { value: 'car-wash', text: 'Car wash' },
  { value: 'nail-bar', text: 'Nail bar' },
  { value: 'construction', text: 'Construction' },
  { value: 'manufacturing', text: 'Manufacturing' },
  { value: 'waste', text: 'Waste and recycling' },
  { value: 'fisheries', text: 'Fisheries' },
  { value: 'agriculture', text: 'Agriculture' },
  { value: 'food-processing', text: 'Food processing' },
  { value: 'restaurant', text: 'Restaurant or takeaway' },
  { value: 'hospitality', text: 'Hospitality' },
  { value: 'care', text: 'Care work' },
  { value: 'hmo', text: 'House in multiple occupation (HMO)' },
  { value: 'doorstep-crime', text: 'Doorstep crime' },
  { value: 'home-improvement', text: 'Home improvements' },
  { value: 'cannabis-cultivation', text: 'Cannabis cultivation' },
  { value: 'sex-industry', text: 'Sex industry' },
  { value: 'domestic-work', text: 'Domestic work' },
  { value: 'begging', text: 'Begging' },
  { value: 'other', text: 'Another sector' },
];

export const SETTINGS: readonly { value: EncounterSetting; text: string }[] = [
  { value: 'inland', text: 'Inland (for example people found in a vehicle)' },
  { value: 'maritime', text: 'Maritime (a vessel or small boat)' },
  { value: 'aviation', text: 'Aviation (a light aircraft)' },
  { value: 'port-or-border', text: 'At a port or the border' },
  { value: 'premises', text: 'At premises (a workplace or house)' },
  { value: 'roadside', text: 'At the roadside' },
  { value: 'online', text: 'Online' },
  { value: 'other', text: 'Somewhere else' },
];

export const SUPPORT_NEEDS: readonly { value: SupportNeed; text: string }[] = [
  { value: 'emergency-provisions', text: 'Emergency provisions (food, clothes, blankets)' },
  { value: 'reception-centre', text: 'A reception centre' },
  { value: 'local-services', text: 'Local support services' },
  { value: 'migration-advice', text: 'Advice about migration' },
  { value: 'accommodation', text: 'Accommodation' },
];

export const UK_NATIONS: readonly { value: UkNation; text: string }[] = [
  { value: 'england', text: 'England' },
  { value: 'wales', text: 'Wales' },
  { value: 'scotland', text: 'Scotland' },
  { value: 'northern-ireland', text: 'Northern Ireland' },
];

/** Yes/no facts, grouped as the form shows them. */
export const BOOLEAN_FACT_GROUPS = [
  {
    legend: 'About the person',
    facts: [
      ['potentialVictim', 'There is a potential victim of modern slavery'],
      ['traffickedToUk', 'They were trafficked to the UK'],
      ['asylumSeekerOrRefugee', 'They are a refugee or seeking asylum'],
      ['healthNeeds', 'They have physical or mental health needs'],
      ['noLegitimateStatus', 'Someone appears to have no legitimate status to be in the UK'],
      ['lostPassport', 'A foreign national is asking about a lost passport'],
    ],
  },
  {
    legend: 'Money and documents',
    facts: [
      ['benefitAbuse', 'Benefits are being abused (often a secondary exploitation)'],
      ['financialEnquiries', 'Income, employers, bank accounts or assets need checking'],
      ['moneyLaundering', 'Money laundering is suspected'],
      ['wageConcerns', 'Pay below the minimum wage or illegal labour provision'],
      ['documentFraud', 'Documents may be false (forged, counterfeit or fantasy)'],
      ['visaOrSponsorshipFraud', 'Visa or sponsorship fraud is suspected'],
      ['shamMarriage', 'A sham marriage is suspected'],
    ],
  },
  {
    legend: 'The situation',
    facts: [
      [
        'immigrationCrimeIncident',
        'It is a suspected immigration crime incident (people who entered without clearance)',
      ],
      ['organisedCrimeSuspected', 'An organised crime group is suspected'],
      ['operationPlanned', 'An operation is being planned'],
      ['borderEnquiryNeeded', 'Targets may cross the border (interception, manifests, travel monitoring)'],
      ['healthAndSafetyConcern', 'There is a health and safety concern at work'],
      ['fireSafetyConcern', 'There is a fire safety concern'],
      ['livingOrWorkingConditionsConcern', 'Living or working conditions are a concern'],
      ['internationalLinks', 'The case has international links'],
    ],
  },
] as const;

export type BooleanFactName = (typeof BOOLEAN_FACT_GROUPS)[number]['facts'][number][0];
export const BOOLEAN_FACTS: readonly BooleanFactName[] = BOOLEAN_FACT_GROUPS.flatMap((g) =>
  g.facts.map((f) => f[0]),
);

const Iso2 = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1), for example AL or VN')
  .transform((c) => c.toUpperCase());
const enumOf = <T extends string>(options: readonly { value: T }[]) =>
  z.enum(options.map((o) => o.value) as [T, ...T[]]);

export const CaseFactsSchema = z.strictObject({
  foreignNational: z.boolean().optional(),
  nationalities: z.array(Iso2).max(20).optional(),
  ageYears: z.number().int().min(0).max(120).optional(),
  child: z.boolean().optional(),
  youngPerson15to23: z.boolean().optional(),
  traffickedToUk: z.boolean().optional(),
  potentialVictim: z.boolean().optional(),
  exploitationTypes: z.array(enumOf(EXPLOITATION_TYPES)).max(10).optional(),
  sectors: z.array(enumOf(SECTORS)).max(20).optional(),
  benefitAbuse: z.boolean().optional(),
  financialEnquiries: z.boolean().optional(),
  moneyLaundering: z.boolean().optional(),
  wageConcerns: z.boolean().optional(),
  documentFraud: z.boolean().optional(),
  visaOrSponsorshipFraud: z.boolean().optional(),
  shamMarriage: z.boolean().optional(),
  lostPassport: z.boolean().optional(),
  noLegitimateStatus: z.boolean().optional(),
  asylumSeekerOrRefugee: z.boolean().optional(),
  healthNeeds: z.boolean().optional(),
  internationalLinks: z.boolean().optional(),
  countries: z.array(Iso2).max(30).optional(),
  encounterSetting: enumOf(SETTINGS).optional(),
  immigrationCrimeIncident: z.boolean().optional(),
  organisedCrimeSuspected: z.boolean().optional(),
  operationPlanned: z.boolean().optional(),
  healthAndSafetyConcern: z.boolean().optional(),
  fireSafetyConcern: z.boolean().optional(),
  livingOrWorkingConditionsConcern: z.boolean().optional(),
  borderEnquiryNeeded: z.boolean().optional(),
  supportNeeds: z.array(enumOf(SUPPORT_NEEDS)).max(10).optional(),
  reporterIsFirstResponder: z.boolean().optional(),
  ukNation: enumOf(UK_NATIONS).optional(),
});
// The schema and the data module's CaseFacts must stay the same shape.
const _schemaMatchesFacts: CaseFacts = {} as z.infer<typeof CaseFactsSchema>;
void _schemaMatchesFacts;

// ---- Countries by name or code ------------------------------------------------------------------------------

const regionNames = new Intl.DisplayNames(['en-GB'], { type: 'region' });
/** Codes Intl knows that are not countries or territories a person comes from. */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'XA',
  'XB',
  'AQ',
  'BV',
  'HM',
]);

/** Every ISO 3166-1 alpha-2 code with an English name (plus Kosovo, XK, which Europol and the NRM use). */
export const COUNTRIES: readonly { code: string; name: string }[] = (() => {
  const out: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      // Retired codes (FX, DD, ZR, YU...) carry the names of current countries: "France" must read as FR.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const name = regionNames.of(code);
      if (name && name !== code && name !== 'Unknown Region') out.push({ code, name });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name));
})();
const CODE_TO_NAME = new Map(COUNTRIES.map((c) => [c.code, c.name]));
const NAME_TO_CODE = new Map<string, string>([
  ...COUNTRIES.map((c) => [c.name.toLowerCase(), c.code] as [string, string]),
  ['uk', 'GB'],
  ['britain', 'GB'],
  ['great britain', 'GB'],
  ['england', 'GB'],
  ['wales', 'GB'],
  ['scotland', 'GB'],
  ['northern ireland', 'GB'],
  ['british', 'GB'],
  ['czech republic', 'CZ'],
  ['russia', 'RU'],
  ['vietnam', 'VN'],
  ['viet nam', 'VN'],
  ['iran', 'IR'],
  ['syria', 'SY'],
]);

export const countryName = (code: string) => CODE_TO_NAME.get(normaliseCountryCode(code)) ?? code;

/** "Albania, VN; Eritrea" -> codes, and the pieces that are neither a known name nor a known code. */
export function parseCountries(text: string | undefined): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of (text ?? '').split(/[,;\n]+/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const upper = piece.toUpperCase();
    const code =
      /^[A-Z]{2}$/.test(upper) && (CODE_TO_NAME.has(upper) || upper === 'UK')
        ? upper === 'UK'
          ? 'GB'
          : upper
        : NAME_TO_CODE.get(piece.toLowerCase());
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(piece);
  }
  return { codes, unknown };
}

export const countriesText = (codes: readonly string[] | undefined) =>
  (codes ?? []).map(countryName).join(', ');

export interface CountryCoverage {
  code: string;
  name: string;
  uk: boolean;
  europol: boolean;
}
export const coverageOf = (codes: readonly string[]): CountryCoverage[] =>
  codes.map((code) => ({
    code,
    name: countryName(code),
    uk: UK_CODES.has(code),
    europol: isEuropolCovered(code),
  }));

// ---- The recommendations form -------------------------------------------------------------------------------

/** The form's fields as they arrive in the query string (checkbox groups as a string or an array). */
export type FactsForm = Record<string, string | string[] | undefined>;

const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);

export interface ParsedFacts {
  facts: CaseFacts;
  errors: { field: string; message: string }[];
  /** Whether the form was submitted with anything at all. */
  asked: boolean;
}

/** Turns the recommendations form into CaseFacts; unticked boxes are "not known", never "no". */
export function factsFromForm(form: FactsForm): ParsedFacts {
  const errors: { field: string; message: string }[] = [];
  const facts: Record<string, unknown> = {};
  const ticked = new Set(list(form.facts));
  for (const f of BOOLEAN_FACTS) if (ticked.has(f)) facts[f] = true;
  const unknownFacts = [...ticked].filter((f) => !(BOOLEAN_FACTS as readonly string[]).includes(f));
  if (unknownFacts.length)
    errors.push({ field: 'facts', message: `Unknown fact: ${unknownFacts.join(', ')}` });

  const age = typeof form.age === 'string' ? form.age.trim() : '';
  if (age) {
    if (!/^\d{1,3}$/.test(age) || Number(age) > 120)
      errors.push({ field: 'age', message: 'Age must be a whole number of years, like 17' });
    else facts.ageYears = Number(age);
  }
  for (const [field, key] of [
    ['nationalities', 'nationalities'],
    ['countries', 'countries'],
  ] as const) {
    const text = typeof form[field] === 'string' ? (form[field] as string) : '';
    const { codes, unknown } = parseCountries(text);
    if (unknown.length)
      errors.push({
        field,
        message: `Enter countries by name or two-letter code; not recognised: ${unknown.join(', ')}`,
      });
    if (codes.length) facts[key] = codes;
  }
  const pick = <T extends string>(field: string, options: readonly { value: T }[]): T[] => {
    const values = list(form[field]);
    const known = values.filter((v): v is T => options.some((o) => o.value === v));
    if (known.length !== values.length)
      errors.push({
        field,
        message: `Choose from the options given for ${field.replace(/([A-Z])/g, ' $1').toLowerCase()}`,
      });
    return known;
  };
  const types = pick('exploitationTypes', EXPLOITATION_TYPES);
  if (types.length) facts.exploitationTypes = types;
  const sectors = pick('sectors', SECTORS);
  if (sectors.length) facts.sectors = sectors;
  const needs = pick('supportNeeds', SUPPORT_NEEDS);
  if (needs.length) facts.supportNeeds = needs;
  const setting = list(form.encounterSetting)[0];
  if (setting) {
    if (SETTINGS.some((s) => s.value === setting)) facts.encounterSetting = setting;
    else
      errors.push({
        field: 'encounterSetting',
        message: 'Choose where the person was encountered from the list',
      });
  }
  const nation = list(form.ukNation)[0];
  if (nation) {
    if (UK_NATIONS.some((s) => s.value === nation)) facts.ukNation = nation;
    else errors.push({ field: 'ukNation', message: 'Choose a UK nation from the list' });
  }
  const responder = list(form.reporterIsFirstResponder)[0];
  if (responder === 'yes') facts.reporterIsFirstResponder = true;
  else if (responder === 'no') facts.reporterIsFirstResponder = false;
  else if (responder && responder !== 'unknown')
    errors.push({ field: 'reporterIsFirstResponder', message: 'Answer yes, no or not known' });

  const asked = Object.keys(form).some(
    (k) => !['caseKind', 'caseId', 'format'].includes(k) && list(form[k]).length > 0,
  );
  return { facts: facts as CaseFacts, errors, asked };
}

/** The form's values for re-display (the inverse of factsFromForm). */
export function formFromFacts(facts: CaseFacts): Record<string, unknown> {
  return {
    facts: BOOLEAN_FACTS.filter((f) => facts[f] === true),
    age: facts.ageYears === undefined ? '' : String(facts.ageYears),
    nationalities: countriesText(facts.nationalities),
    countries: countriesText(facts.countries),
    exploitationTypes: facts.exploitationTypes ?? [],
    sectors: facts.sectors ?? [],
    supportNeeds: facts.supportNeeds ?? [],
    encounterSetting: facts.encounterSetting ?? '',
    ukNation: facts.ukNation ?? '',
    reporterIsFirstResponder:
      facts.reporterIsFirstResponder === undefined
        ? 'unknown'
        : facts.reporterIsFirstResponder
          ? 'yes'
          : 'no',
  };
}
