import type { ExploitationTypeCode } from '../../referrals/data/types.js';
import type { Basis, SeedRef } from './seed-ref.js';

export type { Basis, SeedRef };

export type PartnerKind =
  | 'police'
  | 'law-enforcement'
  | 'government'
  | 'regulator'
  | 'local-authority'
  | 'health'
  | 'emergency-service'
  | 'ngo'
  | 'international'
  | 'intelligence-network'
  | 'communication-channel'
  | 'public-private-partnership'
  | 'financial-sector'
  | 'diplomatic';

export interface PublicContact {
  readonly phone?: string;
  readonly email?: string;
  readonly website?: string;
}

export interface Partner {
  /** Kebab-case, stable: rules and other records refer to partners by this code. */
  readonly code: string;
  readonly name: string;
  readonly shortName?: string;
  readonly kind: PartnerKind;
  /** Code of the organisation it belongs to (IE CFI belongs to Immigration Enforcement). */
  readonly parent?: string;
  /** 'section' = the seed gives it its own heading; 'mentioned' = named in passing (e.g. a JMLIT member). */
  readonly listing: 'section' | 'mentioned';
  readonly capabilities: readonly string[];
  readonly whenToEngage: string;
  /** The route in, as the seed gives it; null when the seed does not say. */
  readonly howToReach: string | null;
  /** true/false only where a seed says so; null when unknown. */
  readonly available24x7: boolean | null;
  /** Only numbers, e-mail addresses or websites a seed prints for public use. */
  readonly publicContact: PublicContact | null;
  readonly restrictions: readonly string[];
  readonly seedRef: SeedRef;
  /** Further passages (often seed 004) that add to what seed 000 says. */
  readonly moreRefs?: readonly SeedRef[];
}

// ---- Case facts the recommendation rules read ---------------------------------------------------------------

export type Sector =
  | 'car-wash'
  | 'nail-bar'
  | 'construction'
  | 'manufacturing'
  | 'waste'
  | 'fisheries'
  | 'agriculture'
  | 'food-processing'
  | 'restaurant'
  | 'hospitality'
  | 'care'
  | 'hmo'
  | 'doorstep-crime'
  | 'home-improvement'
  | 'cannabis-cultivation'
  | 'sex-industry'
  | 'domestic-work'
  | 'begging'
  | 'other';

export type EncounterSetting =
  | 'inland'
  | 'maritime'
  | 'aviation'
  | 'port-or-border'
  | 'premises'
  | 'roadside'
  | 'online'
  | 'other';

export type UkNation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export type SupportNeed =
  | 'emergency-provisions'
  | 'reception-centre'
  | 'local-services'
  | 'migration-advice'
  | 'accommodation';

/**
 * What is known about a case when a partner recommendation is asked for. Every fact is optional: an unknown
 * fact never satisfies a condition (`{ fact, is: false }` needs an explicit false).
 */
export interface CaseFacts {
  /** A person in the case is not a British national. Derived from `nationalities` when absent. */
  readonly foreignNational?: boolean;
  /** ISO 3166-1 alpha-2 codes; 'GB' for British nationals. */
  readonly nationalities?: readonly string[];
  readonly ageYears?: number;
  /** Under 18. Derived from `ageYears` when absent. */
  readonly child?: boolean;
  /** Aged 15 to 23 (ECPAT's age range, seed 000). Derived from `ageYears` when absent. */
  readonly youngPerson15to23?: boolean;
  readonly traffickedToUk?: boolean;
  readonly potentialVictim?: boolean;
  readonly exploitationTypes?: readonly ExploitationTypeCode[];
  readonly sectors?: readonly Sector[];
  /** Abuse of the benefits system (often a secondary exploitation, seed 000 DWP). */
  readonly benefitAbuse?: boolean;
  /** Legitimate income, employers, bank accounts, assets or lifestyle need checking. */
  readonly financialEnquiries?: boolean;
  readonly moneyLaundering?: boolean;
  /** Pay below the national minimum wage or illegal labour provision. */
  readonly wageConcerns?: boolean;
  readonly documentFraud?: boolean;
  readonly visaOrSponsorshipFraud?: boolean;
  readonly shamMarriage?: boolean;
  /** A foreign national is asking about a lost passport. */
  readonly lostPassport?: boolean;
  /** Someone appears to have no legitimate status to be in the UK. */
  readonly noLegitimateStatus?: boolean;
  readonly asylumSeekerOrRefugee?: boolean;
  readonly healthNeeds?: boolean;
  /** Derived as true when `countries` (other than the UK) is non-empty. */
  readonly internationalLinks?: boolean;
  /** Countries of origin or visited, ISO alpha-2; the UK ('GB'/'UK') is ignored. */
  readonly countries?: readonly string[];
  readonly encounterSetting?: EncounterSetting;
  /** A suspected immigration crime incident (National Response Plan territory, seed 004). */
  readonly immigrationCrimeIncident?: boolean;
  readonly organisedCrimeSuspected?: boolean;
  /** A future MSHT operation is being planned. */
  readonly operationPlanned?: boolean;
  readonly healthAndSafetyConcern?: boolean;
  readonly fireSafetyConcern?: boolean;
  readonly livingOrWorkingConditionsConcern?: boolean;
  /** Targets may cross the border: interception, manifest checks, travel monitoring, seizures. */
  readonly borderEnquiryNeeded?: boolean;
  readonly supportNeeds?: readonly SupportNeed[];
  /** The person reporting belongs to a designated NRM first responder organisation. */
  readonly reporterIsFirstResponder?: boolean;
  readonly ukNation?: UkNation;
}

// ---- Condition language -------------------------------------------------------------------------------------

export type BooleanFact = {
  [K in keyof CaseFacts]-?: NonNullable<CaseFacts[K]> extends boolean ? K : never;
}[keyof CaseFacts];

/** List-valued facts and the values their members take. */
export interface ListFactValues {
  readonly nationalities: string;
  readonly countries: string;
  readonly exploitationTypes: ExploitationTypeCode;
  readonly sectors: Sector;
  readonly supportNeeds: SupportNeed;
}
export type ListFact = keyof ListFactValues;

export interface ChoiceFactValues {
  readonly encounterSetting: EncounterSetting;
  readonly ukNation: UkNation;
}
export type ChoiceFact = keyof ChoiceFactValues;

/** Named country sets a condition may refer to (see countries.ts). */
export type CountrySetName = 'europol';

export type IncludesCondition = {
  [K in ListFact]: { readonly fact: K; readonly includes: ListFactValues[K] };
}[ListFact];
export type IncludesAnyCondition = {
  [K in ListFact]: { readonly fact: K; readonly includesAny: readonly ListFactValues[K][] };
}[ListFact];
export type InCondition = {
  [K in ChoiceFact]: { readonly fact: K; readonly in: readonly ChoiceFactValues[K][] };
}[ChoiceFact];

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly fact: BooleanFact; readonly is: boolean }
  | IncludesCondition
  | IncludesAnyCondition
  | { readonly fact: ListFact; readonly nonEmpty: true }
  | { readonly fact: 'countries' | 'nationalities'; readonly someIn: CountrySetName }
  | { readonly fact: 'countries' | 'nationalities'; readonly someNotIn: CountrySetName }
  | { readonly fact: 'ageYears'; readonly atLeast?: number; readonly below?: number }
  | InCondition;

/** How strongly the seed puts it: "immediately", "should", or "can"/"consider". */
export type Urgency = 'immediately' | 'should' | 'consider';

export interface PartnerRule<Code extends string = string> {
  readonly id: string;
  readonly title: string;
  readonly when: Condition;
  readonly recommend: readonly Code[];
  readonly urgency: Urgency;
  readonly reason: string;
  /** How to make the contact, when the seed says. */
  readonly route?: string;
  readonly seedRef: SeedRef;
}

export interface Recommendation {
  readonly ruleId: string;
  readonly partners: readonly string[];
  readonly urgency: Urgency;
  readonly reason: string;
  readonly route?: string;
  /** The rule's condition in plain English, for "why am I seeing this". */
  readonly because: string;
  readonly seedRef: SeedRef;
}

// ---- Partnerships (seed 003) --------------------------------------------------------------------------------

export type PartnershipLevel = 'local' | 'sub-regional' | 'regional' | 'national' | 'other';

export interface PartnershipNote {
  readonly text: string;
  readonly seedRef: SeedRef;
}

export interface Partnership2017 {
  readonly id: string;
  readonly level: PartnershipLevel;
  /** The heading the partnership sits under in 003 Appendix 1. */
  readonly appendixGroup: string;
  /** Position within its appendix group (1-based). */
  readonly appendixNumber: number;
  /** Full entry as the appendix gives it (multi-layer networks joined by " / "). */
  readonly name: string;
  /** The separate groups of a multi-layer entry. */
  readonly components: readonly string[];
  readonly area: string;
  readonly nation: UkNation;
  /** Force area codes as in /work/shared/data/forces/forces.csv. */
  readonly forceCodes: readonly string[];
  /** Qualifiers the appendix attaches, e.g. "planned, new". */
  readonly appendixNotes: readonly string[];
  /** What the report's body adds (case studies and good practice), each with its passage. */
  readonly notes: readonly PartnershipNote[];
  readonly source: '2017 survey';
  readonly seedRef: SeedRef;
}

// ---- Survey figures (seed 003) ------------------------------------------------------------------------------

export interface SurveyCategory {
  readonly key: string;
  readonly label: string;
  /**
   * Position in the published bar chart, which runs from most to least frequent. For the word cloud (Figure 7)
   * the members the prose names as most common come first; the rest keep the order of the cloud.
   */
  readonly rank: number;
  /** Counted cases, only where the text states the number; the PDF charts carry no bar labels. */
  readonly count: number | null;
}

export interface SurveyFigure {
  readonly id: string;
  readonly figure: string;
  readonly title: string;
  readonly question: string;
  readonly measure: 'counted cases' | 'percent of counted cases' | 'word cloud';
  readonly categories: readonly SurveyCategory[];
  /** What the text says about the chart, verbatim where possible. */
  readonly findings: readonly string[];
  readonly seedRef: SeedRef;
}

// ---- National Response Plan (seed 004) ----------------------------------------------------------------------

export type IncidentType = 'inland' | 'maritime' | 'aviation';

export type ResponsePhase =
  | 'welfare-and-safety'
  | 'scene'
  | 'evidence-and-intelligence'
  | 'nccu-contact'
  | 'counter-terrorism'
  | 'unaccompanied-children'
  | 'investigation-ownership'
  | 'recording';

export interface ResponsePlanItem {
  readonly id: string;
  readonly phase: ResponsePhase;
  readonly text: string;
  readonly appliesTo: readonly IncidentType[];
  readonly partners: readonly string[];
  /**
   * 'nrp' = the seed says the National Response Plan covers it; 'inspection' = the seed describes the practice
   * around such incidents (Fusion places it in the checklist).
   */
  readonly derivedFrom: 'nrp' | 'inspection';
  readonly seedRef: SeedRef;
}
