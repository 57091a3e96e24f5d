import type { ExploitationTypeCode, IdentifierCode, OicMethod, SeedRef, Threat } from './types.js';

/**
 * Crime identifier codes Fusion attaches to intelligence so it can be found. Seed 004 says an OIC identifier
 * code exists on the PND (introduced August 2023) and should be mandatory, but prints no code values, and no
 * seed gives an MSHT code; so these are Fusion's own codes ("FUS-" prefix), each labelled with what it mirrors.
 * MSHT and OIC codes form two separate trees: no code belongs to both threats.
 */

const PND_CODES =
  'Law enforcement agencies should submit intelligence more accurately to improve data quality';
const OIC_METHODS: SeedRef = {
  seed: '004',
  where: 'Introduction > Background',
  quote:
    'These include clandestine entry by hiding in vehicles, abuse of the visa system and abuse of the Common Travel Area between the UK and the Republic of Ireland. They also include attempts to cross the English Channel in small boats',
};
const MSHT_UMBRELLA: SeedRef = {
  seed: '002',
  where: 'Varying Prioritisation of MSHT Sub-Threats',
  quote:
    'MSHT is an umbrella term encompassing different forms of exploitation for financial gain, including labour exploitation, criminal exploitation, sexual exploitation, domestic servitude and organ harvesting.',
};

const oic = (
  code: string,
  label: string,
  oicMethod: OicMethod,
  seedRef: SeedRef = OIC_METHODS,
): IdentifierCode => ({
  code,
  label,
  threat: 'OIC',
  parent: 'FUS-OIC',
  oicMethod,
  mandatory: false,
  definedBy: 'fusion',
  mirrors: null,
  basis: 'fusion-defined',
  seedRef,
});

const msht = (code: string, label: string, exploitationType: ExploitationTypeCode): IdentifierCode => ({
  code,
  label,
  threat: 'MSHT',
  parent: 'FUS-MSHT',
  exploitationType,
  mandatory: false,
  definedBy: 'fusion',
  mirrors: null,
  basis: 'fusion-defined',
  seedRef: MSHT_UMBRELLA,
});

export const identifierCodes: readonly IdentifierCode[] = [
  {
    code: 'FUS-OIC',
    label: 'Organised immigration crime',
    threat: 'OIC',
    parent: null,
    mandatory: true,
    definedBy: 'fusion',
    mirrors: 'PND OIC intelligence identifier code, introduced August 2023 (value not given in the seed)',
    basis: 'fusion-defined',
    seedRef: {
      seed: '004',
      where: PND_CODES,
      quote:
        'An OIC intelligence identifier code was introduced in August 2023, but we found that many intelligence submissions were made without it.',
    },
  },
  oic('FUS-OIC-SB', 'OIC: small boat crossing', 'small-boat'),
  oic('FUS-OIC-CV', 'OIC: clandestine entry in a vehicle', 'clandestine-vehicle'),
  oic('FUS-OIC-AIR', 'OIC: air route, including light aircraft', 'air', {
    seed: '004',
    where: 'Information sharing > Home Office Intelligence products',
    quote: 'a monthly assessment about the abuse of air routes',
  }),
  oic('FUS-OIC-VISA', 'OIC: abuse of the visa system', 'visa-abuse'),
  oic('FUS-OIC-CTA', 'OIC: abuse of the Common Travel Area', 'common-travel-area'),
  oic('FUS-OIC-DOC', 'OIC: false documents or identities', 'false-documents', {
    seed: '001',
    where: '§72',
    quote:
      'The use of false identities and documents as a means to enter the UK illegally is a key enabler for organised crime groups involved in trafficking.',
  }),
  {
    code: 'FUS-MSHT',
    label: 'Modern slavery and human trafficking',
    threat: 'MSHT',
    parent: null,
    mandatory: true,
    definedBy: 'fusion',
    mirrors: null,
    basis: 'fusion-defined',
    seedRef: {
      seed: '002',
      where: 'Executive Summary > Recommendations > 4',
      quote:
        'Continue using the umbrella term "modern slavery" for continuous tracking of current and emerging forms of exploitation for financial gain.',
    },
  },
  msht('FUS-MSHT-SEX', 'MSHT: sexual exploitation', 'sexual'),
  msht('FUS-MSHT-LAB', 'MSHT: labour exploitation', 'labour'),
  msht('FUS-MSHT-CRIM', 'MSHT: criminal exploitation', 'criminal'),
  msht('FUS-MSHT-DS', 'MSHT: domestic servitude', 'domestic-servitude'),
  msht('FUS-MSHT-ORG', 'MSHT: organ harvesting', 'organ-harvesting'),
  msht('FUS-MSHT-UNK', 'MSHT: exploitation type not yet known', 'unknown'),
];

const byCode: ReadonlyMap<string, IdentifierCode> = new Map(identifierCodes.map((c) => [c.code, c]));

export function identifierCode(code: string): IdentifierCode | undefined {
  return byCode.get(code);
}

export const UMBRELLA_CODE: Readonly<Record<Threat, string>> = { MSHT: 'FUS-MSHT', OIC: 'FUS-OIC' };

export interface CodedSubject {
  readonly threats: readonly Threat[];
  readonly exploitationTypes?: readonly ExploitationTypeCode[];
  readonly oicMethods?: readonly OicMethod[];
}

/** The codes a piece of intelligence about this subject must carry: each threat's umbrella, plus refinements. */
export function requiredIdentifierCodes(subject: CodedSubject): string[] {
  const codes: string[] = [];
  for (const threat of ['MSHT', 'OIC'] as const) {
    if (!subject.threats.includes(threat)) continue;
    codes.push(UMBRELLA_CODE[threat]);
    for (const c of identifierCodes) {
      if (c.threat !== threat || c.parent === null) continue;
      if (threat === 'MSHT' && c.exploitationType && subject.exploitationTypes?.includes(c.exploitationType))
        codes.push(c.code);
      if (threat === 'OIC' && c.oicMethod && subject.oicMethods?.includes(c.oicMethod)) codes.push(c.code);
    }
  }
  return codes;
}

/** Required codes the submission lacks (what 004 recommendation 6 wants caught before submission). */
export function missingIdentifierCodes(subject: CodedSubject, codes: readonly string[]): string[] {
  return requiredIdentifierCodes(subject).filter((c) => !codes.includes(c));
}

/** The threats a set of codes concerns; a sub-code implies its umbrella's threat. Unknown codes are ignored. */
export function threatsOf(codes: readonly string[]): Threat[] {
  const threats = new Set(codes.flatMap((c) => byCode.get(c)?.threat ?? []));
  return (['MSHT', 'OIC'] as const).filter((t) => threats.has(t));
}

// The brief's single entry point for intelligence reference data: grading and debrief structure live in their
// own modules and are re-exported here.
export * from './debrief.js';
export * from './grading.js';
