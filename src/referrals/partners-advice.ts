import { partnerByCode } from '../partners/data/directory.js';
import { recommendPartners, summarisePartners } from '../partners/data/recommend.js';
import type { CaseFacts, Sector } from '../partners/data/types.js';
import type { ExploitationTypeCode } from './data/types.js';
import type { Answers } from './model/journey.js';

/** "Which partner to call": the partners capability's rules applied to what the first responder recorded. */
export interface PartnerAdvice {
  code: string;
  name: string;
  urgency: 'immediately' | 'should' | 'consider';
  reasons: string[];
  howToReach: string | null;
  phone: string | null;
  available24x7: boolean | null;
  tagClass: string;
}
const TAG: Record<string, string> = { immediately: 'govuk-tag--red', should: 'govuk-tag--blue', consider: 'govuk-tag--grey' };

export function factsFromAnswers(a: Answers, reporterIsFirstResponder = true): CaseFacts {
  const countries = [a.countryOfOrigin, ...(a.transitCountries ?? []), ...(a.overseasCountries ?? [])].filter((c): c is string => !!c);
  return {
    potentialVictim: true,
    ...(a.nationality && a.nationality !== 'unknown' ? { nationalities: [a.nationality] } : {}),
    ...(a.ageGroup ? { child: a.ageGroup === 'child' } : {}),
    ...(a.exploitationTypes?.length ? { exploitationTypes: a.exploitationTypes as ExploitationTypeCode[] } : {}),
    ...(a.sectors?.length ? { sectors: a.sectors as Sector[] } : {}),
    ...(countries.length ? { countries, traffickedToUk: countries.some((c) => c !== 'GB') } : {}),
    reporterIsFirstResponder,
  };
}

export function partnerAdvice(facts: CaseFacts): PartnerAdvice[] {
  const recs = recommendPartners(facts);
  return summarisePartners(recs).map((s) => {
    const p = partnerByCode(s.partner);
    return {
      code: s.partner,
      name: p?.name ?? s.partner,
      urgency: s.urgency,
      reasons: recs.filter((r) => s.ruleIds.includes(r.ruleId)).map((r) => r.reason),
      howToReach: p?.howToReach ?? null,
      phone: p?.publicContact?.phone ?? null,
      available24x7: p?.available24x7 ?? null,
      tagClass: TAG[s.urgency] ?? 'govuk-tag--grey',
    };
  });
}
