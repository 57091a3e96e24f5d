/**
 * Who should own an organised immigration crime investigation (DOMAIN §6; seed 004, "In most instances,
 * ownership for criminal investigations is as follows"). Declarative: each rule is a condition over the case's
 * facts, the owner it points to, and the reason quoted from the seed. The first rule that holds gives the
 * suggestion; every rule that holds is shown, so the suggestion is transparent. Police also keep duties (initial
 * response, safety of children) when another agency owns the investigation.
 */

export interface OicFacts {
  /** Someone died (e.g. a small-boat crossing or a lorry). */
  fatality: boolean;
  /** Safety concerns, particularly for children. */
  safetyConcern: boolean;
  /** An incident police are responding to now (a clandestine lorry drop, an arrival inland). */
  initialResponse: boolean;
  /** Complex facilitation under s25 Immigration Act 1971 (an organised network, repeated crossings). */
  complexFacilitation: boolean;
  overseas: boolean;
  online: boolean;
  /** Offences under s24 (illegal entry or arrival) or s25 (assisting unlawful immigration). */
  s24: boolean;
  s25: boolean;
  /** People illegally present who may be liable to administrative removal (para 16, Schedule 2). */
  administrativeRemoval: boolean;
}

export const OIC_FACT_LABELS: Record<keyof OicFacts, string> = {
  fatality: 'Someone has died',
  safetyConcern: 'There are safety concerns, particularly for children',
  initialResponse: 'Police are responding to the incident now',
  complexFacilitation: 'Complex facilitation by an organised network (s25)',
  overseas: 'The investigation must be led overseas',
  online: 'The offending is mainly online',
  s24: 'Offences of illegal entry or arrival (s24 Immigration Act 1971)',
  s25: 'Offences of assisting unlawful immigration (s25 Immigration Act 1971)',
  administrativeRemoval: 'People illegally present who may be liable to administrative removal',
};

export const NO_FACTS: OicFacts = {
  fatality: false,
  safetyConcern: false,
  initialResponse: false,
  complexFacilitation: false,
  overseas: false,
  online: false,
  s24: false,
  s25: false,
  administrativeRemoval: false,
};

export type Owner = 'police' | 'nca' | 'ie-cfi' | 'ie-ice';

export const OWNER_LABELS: Record<Owner, string> = {
  police: 'The police force for the area',
  nca: 'National Crime Agency',
  'ie-cfi': 'Immigration Enforcement Criminal and Financial Investigation (CFI)',
  'ie-ice': 'Immigration Compliance and Enforcement (ICE)',
};

/** The agency code of each owner (police: the force for the area, decided by the caller). */
export const OWNER_AGENCY: Record<Owner, string | null> = { police: null, nca: 'nca', 'ie-cfi': 'ie-cfi', 'ie-ice': 'ie-ice' };

export interface OwnershipRule {
  id: string;
  owner: Owner;
  when: (f: OicFacts) => boolean;
  reason: string;
  quote: string;
}

const SEED = 'Seed 004, Initial response and reactive investigations: "In most instances, ownership for criminal investigations is as follows"';

/** In order of precedence: "always" fatalities first, then the most complex, then the most common. */
export const OWNERSHIP_RULES: readonly OwnershipRule[] = [
  {
    id: 'police-fatality',
    owner: 'police',
    when: (f) => f.fatality,
    reason: 'Police forces always investigate offences involving fatalities.',
    quote: 'they always investigate offences involving fatalities',
  },
  {
    id: 'nca-complex-s25',
    owner: 'nca',
    when: (f) => f.complexFacilitation,
    reason: 'The NCA investigates the most complex facilitation offences (s25).',
    quote: 'The NCA investigates the most complex facilitation offences (section 25 of the Immigration Act 1971)',
  },
  {
    id: 'nca-overseas',
    owner: 'nca',
    when: (f) => f.overseas,
    reason: 'The NCA leads overseas investigations.',
    quote: 'and leads overseas and online investigations',
  },
  {
    id: 'nca-online',
    owner: 'nca',
    when: (f) => f.online,
    reason: 'The NCA leads online investigations.',
    quote: 'and leads overseas and online investigations',
  },
  {
    id: 'ie-cfi-s24-s25',
    owner: 'ie-cfi',
    when: (f) => f.s24 || f.s25,
    reason: "Immigration Enforcement's CFI teams investigate most offences under s24 and s25.",
    quote: 'Immigration Enforcement’s CFI teams take responsibility for investigating most offences under section 24 and 25 of the Immigration Act 1971',
  },
  {
    id: 'ie-ice-administrative-removal',
    owner: 'ie-ice',
    when: (f) => f.administrativeRemoval,
    reason: 'ICE teams take cases of people illegally present who may be liable to administrative removal.',
    quote: 'Immigration Compliance and Enforcement teams take responsibility for cases involving people illegally present in the UK who may be liable for administrative removal',
  },
  {
    id: 'police-initial-response',
    owner: 'police',
    when: (f) => f.initialResponse || f.safetyConcern,
    reason: 'Police forces manage the initial response to OIC incidents and deal with safety concerns, particularly for children.',
    quote: 'Police forces manage the initial response to OIC incidents and deal with any safety concerns, particularly for children',
  },
];

export interface Suggestion {
  owner: Owner | null;
  ownerLabel: string;
  agencyCode: string | null;
  ruleId: string | null;
  reason: string;
  source: string;
  /** Every rule that holds, in precedence order (the first is the suggestion). */
  matched: { id: string; owner: Owner; reason: string }[];
  /** Duties police keep when another agency owns the investigation. */
  policeDuties: string[];
}

export function suggestOwner(facts: OicFacts): Suggestion {
  const matched = OWNERSHIP_RULES.filter((r) => r.when(facts));
  const first = matched[0];
  const policeDuties: string[] = [];
  if (first && first.owner !== 'police') {
    if (facts.initialResponse) policeDuties.push('Manage the initial response to the incident (National Response Plan) and contact the NCCU.');
    if (facts.safetyConcern) policeDuties.push('Deal with safety concerns, particularly for children.');
  }
  if (!first) {
    return {
      owner: null,
      ownerLabel: 'No suggestion',
      agencyCode: null,
      ruleId: null,
      reason: 'None of the ownership rules applies: record the offences and circumstances (fatality, children, s24/s25, overseas, online, administrative removal).',
      source: SEED,
      matched: [],
      policeDuties,
    };
  }
  return {
    owner: first.owner,
    ownerLabel: OWNER_LABELS[first.owner],
    agencyCode: OWNER_AGENCY[first.owner],
    ruleId: first.id,
    reason: first.reason,
    source: `${SEED}: "${first.quote}".`,
    matched: matched.map((r) => ({ id: r.id, owner: r.owner, reason: r.reason })),
    policeDuties,
  };
}

/** Whether the lead agency follows the suggestion (police: any police force). */
export function followsSuggestion(s: Suggestion, leadAgencyCode: string, leadAgencyType: string): boolean | null {
  if (!s.owner) return null;
  if (s.owner === 'police') return leadAgencyType === 'police_force' || leadAgencyType === 'rocu';
  return leadAgencyCode === s.agencyCode;
}
