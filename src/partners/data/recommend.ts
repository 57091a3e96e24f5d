import { countrySets, isInCountrySet, normaliseCountryCode, UK_CODES } from './countries.js';
import { partnerRules } from './rules.js';
import type { CaseFacts, Condition, PartnerRule, Recommendation, Urgency } from './types.js';

export const URGENCY_ORDER: readonly Urgency[] = ['immediately', 'should', 'consider'];

/**
 * Fills in facts that follow from others (child and 15-23 from age, foreign national from nationalities,
 * international links from countries) and drops the UK from `countries`. Explicit facts always win.
 */
export function deriveFacts(facts: CaseFacts): CaseFacts {
  const age = facts.ageYears;
  const ageKnown = typeof age === 'number' && Number.isFinite(age);
  const nationalities = facts.nationalities?.map(normaliseCountryCode);
  const countries = facts.countries?.map(normaliseCountryCode).filter((c) => c !== '' && !UK_CODES.has(c));
  return {
    ...facts,
    ...(nationalities ? { nationalities } : {}),
    ...(countries ? { countries } : {}),
    child: facts.child ?? (ageKnown ? age < 18 : undefined),
    youngPerson15to23: facts.youngPerson15to23 ?? (ageKnown ? age >= 15 && age <= 23 : undefined),
    foreignNational:
      facts.foreignNational ??
      (nationalities && nationalities.length > 0 ? nationalities.some((n) => !UK_CODES.has(n)) : undefined),
    internationalLinks: facts.internationalLinks ?? (countries && countries.length > 0 ? true : undefined),
  };
}

function listOf(facts: CaseFacts, fact: keyof CaseFacts): readonly string[] {
  const value = facts[fact];
  return Array.isArray(value) ? (value as readonly string[]) : [];
}

/** Evaluates a condition against already-derived facts. Unknown facts satisfy nothing but `not`. */
export function evaluateCondition(condition: Condition, facts: CaseFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  if ('is' in condition) return facts[condition.fact] === condition.is;
  if ('includes' in condition) return listOf(facts, condition.fact).includes(condition.includes);
  if ('includesAny' in condition) {
    const values = listOf(facts, condition.fact);
    return (condition.includesAny as readonly string[]).some((v) => values.includes(v));
  }
  if ('nonEmpty' in condition) return listOf(facts, condition.fact).length > 0;
  if ('someIn' in condition) {
    return listOf(facts, condition.fact).some((c) => isInCountrySet(condition.someIn, c));
  }
  if ('someNotIn' in condition) {
    return listOf(facts, condition.fact).some(
      (c) => !UK_CODES.has(c) && !isInCountrySet(condition.someNotIn, c),
    );
  }
  if ('in' in condition) {
    const value = facts[condition.fact];
    return typeof value === 'string' && (condition.in as readonly string[]).includes(value);
  }
  const age = facts.ageYears;
  if (typeof age !== 'number' || !Number.isFinite(age)) return false;
  if (condition.atLeast !== undefined && age < condition.atLeast) return false;
  if (condition.below !== undefined && age >= condition.below) return false;
  return true;
}

const FACT_WORDS: Readonly<Record<string, string>> = {
  foreignNational: 'a foreign national is involved',
  child: 'the person is a child',
  youngPerson15to23: 'the person is aged 15 to 23',
  traffickedToUk: 'the person was trafficked to the UK',
  potentialVictim: 'there is a potential victim',
  benefitAbuse: 'benefits are being abused',
  financialEnquiries: 'finances need checking',
  moneyLaundering: 'money laundering is suspected',
  wageConcerns: 'pay or labour provision may break minimum wage law',
  documentFraud: 'documents may be false',
  visaOrSponsorshipFraud: 'visa or sponsorship fraud is suspected',
  shamMarriage: 'a sham marriage is suspected',
  lostPassport: 'a passport has been lost',
  noLegitimateStatus: 'someone has no legitimate status in the UK',
  asylumSeekerOrRefugee: 'the person is a refugee or seeking asylum',
  healthNeeds: 'there are health needs',
  internationalLinks: 'the case has international links',
  immigrationCrimeIncident: 'it is a suspected immigration crime incident',
  organisedCrimeSuspected: 'an organised crime group is suspected',
  operationPlanned: 'an operation is being planned',
  healthAndSafetyConcern: 'there is a health and safety concern',
  fireSafetyConcern: 'there is a fire safety concern',
  livingOrWorkingConditionsConcern: 'living or working conditions are a concern',
  borderEnquiryNeeded: 'border enquiries are needed',
  reporterIsFirstResponder: 'the reporter is a first responder',
};

const LIST_WORDS: Readonly<Record<string, string>> = {
  nationalities: 'nationalities',
  countries: 'countries of origin or visited',
  exploitationTypes: 'exploitation types',
  sectors: 'sectors',
  supportNeeds: 'support needs',
  encounterSetting: 'the setting',
  ukNation: 'the UK nation',
};

const words = (s: string) => s.replace(/-/g, ' ');

/** Plain-English rendering of a condition, for showing why a partner was recommended. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  if ('not' in condition) return `not ${describeCondition(condition.not)}`;
  if ('is' in condition) {
    const phrase = FACT_WORDS[condition.fact] ?? condition.fact;
    return condition.is ? phrase : `not (${phrase})`;
  }
  const subject = LIST_WORDS[condition.fact] ?? condition.fact;
  if ('includes' in condition) return `${subject} include ${words(condition.includes)}`;
  if ('includesAny' in condition) {
    return `${subject} include any of ${(condition.includesAny as readonly string[]).map(words).join(', ')}`;
  }
  if ('nonEmpty' in condition) return `${subject} are known`;
  if ('someIn' in condition) return `a country is in: ${countrySets[condition.someIn].label}`;
  if ('someNotIn' in condition) return `a country is outside: ${countrySets[condition.someNotIn].label}`;
  if ('in' in condition)
    return `${subject} is ${(condition.in as readonly string[]).map(words).join(' or ')}`;
  const parts: string[] = [];
  if (condition.atLeast !== undefined) parts.push(`at least ${condition.atLeast}`);
  if (condition.below !== undefined) parts.push(`under ${condition.below}`);
  return `age is ${parts.join(' and ')}`;
}

/**
 * Which partners to engage for these facts, one recommendation per rule that fires, most urgent first (rule
 * order within the same urgency).
 */
export function recommendPartners(
  facts: CaseFacts,
  rules: readonly PartnerRule[] = partnerRules,
): Recommendation[] {
  const derived = deriveFacts(facts);
  const fired = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => evaluateCondition(rule.when, derived));
  fired.sort(
    (a, b) =>
      URGENCY_ORDER.indexOf(a.rule.urgency) - URGENCY_ORDER.indexOf(b.rule.urgency) || a.index - b.index,
  );
  return fired.map(({ rule }) => ({
    ruleId: rule.id,
    partners: rule.recommend,
    urgency: rule.urgency,
    reason: rule.reason,
    ...(rule.route ? { route: rule.route } : {}),
    because: describeCondition(rule.when),
    seedRef: rule.seedRef,
  }));
}

export interface PartnerSummary {
  readonly partner: string;
  /** The most urgent urgency among the rules that named this partner. */
  readonly urgency: Urgency;
  readonly ruleIds: readonly string[];
}

/** One line per partner across several recommendations, most urgent first. */
export function summarisePartners(recommendations: readonly Recommendation[]): PartnerSummary[] {
  const byPartner = new Map<string, { urgency: Urgency; ruleIds: string[]; first: number }>();
  recommendations.forEach((rec, index) => {
    for (const partner of rec.partners) {
      const seen = byPartner.get(partner);
      if (!seen) {
        byPartner.set(partner, { urgency: rec.urgency, ruleIds: [rec.ruleId], first: index });
        continue;
      }
      seen.ruleIds.push(rec.ruleId);
      if (URGENCY_ORDER.indexOf(rec.urgency) < URGENCY_ORDER.indexOf(seen.urgency))
        seen.urgency = rec.urgency;
    }
  });
  return [...byPartner.entries()]
    .sort(
      ([, a], [, b]) =>
        URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) || a.first - b.first,
    )
    .map(([partner, { urgency, ruleIds }]) => ({ partner, urgency, ruleIds }));
}
