/**
 * The partners capability's case facts (src/partners/data/types.ts) for an investigation, worked out from what
 * the investigation holds: its threats and subtypes, offences, OIC ownership facts, financial investigation,
 * victims, linked organised crime groups and the countries recorded for those groups' overseas members. Pure.
 * Only facts the investigation states are set; anything it does not say stays absent (an absent fact never fires a
 * recommendation rule) and nothing is set to false for want of information. Investigations record no
 * nationalities or ages, so "foreign national" and "young person" are never worked out here.
 */
import type { CaseFacts as PartnerCaseFacts } from '../partners/data/types.js';
import { parseCountries } from '../partners/model/facts.js';
import type { ExploitationTypeCode } from '../referrals/data/types.js';
import type { OicFacts } from './ownership.js';

/** The parts of an investigation (as the page loads it) the facts come from. */
export interface InvestigationForFacts {
  threats: readonly { threat: string; subtype: string }[];
  offences: readonly string[];
  /** The OIC ownership facts as stored (null when none were recorded). */
  oicFacts: Partial<OicFacts> | null;
  financialInvestigation: boolean;
  victims: readonly { is_child: boolean }[];
  /** How many organised crime groups are linked to the investigation. */
  linkedGroups: number;
  /** Countries recorded (free text or codes) for overseas members of the linked groups. */
  groupCountries: readonly (string | null)[];
}

/** MSHT threat subtypes and the exploitation type each is. */
const EXPLOITATION_BY_SUBTYPE: Readonly<Record<string, ExploitationTypeCode>> = {
  sexual: 'sexual',
  labour: 'labour',
  criminal: 'criminal',
  domestic_servitude: 'domestic-servitude',
  organ_harvesting: 'organ-harvesting',
};

const IMMIGRATION_OFFENCES = new Set(['ia1971_s24', 'ia1971_s25']);

export function factsFromInvestigation(i: InvestigationForFacts): PartnerCaseFacts {
  const exploitationTypes = [
    ...new Set(
      i.threats
        .filter((t) => t.threat === 'msht')
        .map((t) => EXPLOITATION_BY_SUBTYPE[t.subtype])
        .filter((t): t is ExploitationTypeCode => !!t),
    ),
  ];
  const oicSubtypes = new Set(i.threats.filter((t) => t.threat === 'oic').map((t) => t.subtype));
  const f = i.oicFacts ?? {};
  const immigrationCrime =
    oicSubtypes.size > 0 || i.offences.some((o) => IMMIGRATION_OFFENCES.has(o)) || !!f.s24 || !!f.s25;
  const countries = [
    ...new Set(i.groupCountries.flatMap((c) => (c ? parseCountries(c).codes : []))),
  ];
  return {
    ...(i.victims.length ? { potentialVictim: true } : {}),
    ...(i.victims.some((v) => v.is_child) ? { child: true } : {}),
    ...(exploitationTypes.length ? { exploitationTypes } : {}),
    ...(immigrationCrime ? { immigrationCrimeIncident: true } : {}),
    ...(oicSubtypes.has('document_fraud') ? { documentFraud: true } : {}),
    ...(oicSubtypes.has('visa_abuse') ? { visaOrSponsorshipFraud: true } : {}),
    ...(f.administrativeRemoval ? { noLegitimateStatus: true } : {}),
    ...(i.linkedGroups > 0 || f.complexFacilitation ? { organisedCrimeSuspected: true } : {}),
    ...(f.overseas ? { internationalLinks: true } : {}),
    ...(f.online ? { encounterSetting: 'online' as const } : {}),
    ...(i.financialInvestigation ? { financialEnquiries: true } : {}),
    ...(countries.length ? { countries } : {}),
  };
}
