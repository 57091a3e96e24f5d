import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countrySets, isEuropolCovered } from './countries.js';
import { isPartnerCode } from './directory.js';
import {
  deriveFacts,
  describeCondition,
  evaluateCondition,
  recommendPartners,
  summarisePartners,
} from './recommend.js';
import { type PartnerRuleId, partnerRules } from './rules.js';
import type { CaseFacts, Condition } from './types.js';

/**
 * For every rule: facts on which it must fire, and the same facts minus the deciding fact, on which it must not.
 */
const cases: Record<PartnerRuleId, { fires: CaseFacts; without: CaseFacts }> = {
  'nccu-foreign-national': { fires: { nationalities: ['AL'] }, without: { nationalities: ['GB'] } },
  'nccu-immigration-crime-incident': {
    fires: { immigrationCrimeIncident: true },
    without: { immigrationCrimeIncident: false },
  },
  'nccu-operation-planning': { fires: { operationPlanned: true }, without: {} },
  'ie-cfi-immigration-linked-msht': {
    fires: { foreignNational: true, exploitationTypes: ['sexual'] },
    without: { foreignNational: false, exploitationTypes: ['sexual'] },
  },
  'ie-cfi-immigration-offences': {
    fires: { immigrationCrimeIncident: true },
    without: { noLegitimateStatus: true },
  },
  'ice-no-legitimate-status': {
    fires: { noLegitimateStatus: true },
    without: { immigrationCrimeIncident: true },
  },
  'border-force-border': {
    fires: { potentialVictim: true, encounterSetting: 'port-or-border' },
    without: { potentialVictim: true, encounterSetting: 'premises' },
  },
  'ukvi-visa-or-asylum': { fires: { visaOrSponsorshipFraud: true }, without: { documentFraud: true } },
  'ndfu-document-fraud': { fires: { documentFraud: true }, without: { visaOrSponsorshipFraud: true } },
  'embassy-lost-passport': {
    fires: { foreignNational: true, lostPassport: true },
    without: { foreignNational: false, lostPassport: true },
  },
  'glaa-labour-exploitation': {
    fires: { exploitationTypes: ['labour'] },
    without: { exploitationTypes: ['sexual', 'criminal'] },
  },
  'dwp-benefit-abuse': { fires: { benefitAbuse: true }, without: { financialEnquiries: true } },
  'hmrc-financial-enquiries': { fires: { financialEnquiries: true }, without: { benefitAbuse: true } },
  'hmrc-minimum-wage': { fires: { wageConcerns: true }, without: { exploitationTypes: ['labour'] } },
  'jmlit-financial-intelligence': { fires: { moneyLaundering: true }, without: { benefitAbuse: true } },
  'trading-standards-doorstep-crime': {
    fires: { sectors: ['doorstep-crime'] },
    without: { sectors: ['car-wash'] },
  },
  'environment-agency-waste-fisheries': {
    fires: { sectors: ['fisheries'] },
    without: { sectors: ['agriculture'] },
  },
  'hse-high-risk-industries': { fires: { sectors: ['nail-bar'] }, without: { sectors: ['agriculture'] } },
  'fire-rescue-vulnerable-premises': {
    fires: { sectors: ['restaurant'] },
    without: { sectors: ['construction'] },
  },
  'environmental-health-conditions': {
    fires: { livingOrWorkingConditionsConcern: true },
    without: { fireSafetyConcern: true },
  },
  'la-housing-hmo': { fires: { sectors: ['hmo'] }, without: { sectors: ['restaurant'] } },
  'europol-via-siena': { fires: { countries: ['RO'] }, without: { countries: ['VN'] } },
  'jicc-country-not-covered-by-europol': { fires: { countries: ['VN'] }, without: { countries: ['RO'] } },
  'jicc-consult-international': { fires: { internationalLinks: true }, without: { countries: ['GB'] } },
  'acro-foreign-convictions': { fires: { foreignNational: true }, without: { foreignNational: false } },
  'nca-organised-crime': {
    fires: { organisedCrimeSuspected: true },
    without: { organisedCrimeSuspected: false },
  },
  'nca-complex-oic': {
    fires: { immigrationCrimeIncident: true, countries: ['FR'] },
    without: { immigrationCrimeIncident: true, countries: ['GB'] },
  },
  'gain-organised-crime': { fires: { organisedCrimeSuspected: true }, without: { potentialVictim: true } },
  'nhs-health-needs': { fires: { healthNeeds: true }, without: { healthNeeds: false } },
  'social-care-child': { fires: { ageYears: 15 }, without: { ageYears: 18 } },
  'nspcc-child-trafficking-advice': {
    fires: { child: true, potentialVictim: true },
    without: { child: false, potentialVictim: true },
  },
  'barnardos-ictg': {
    fires: { ageYears: 12, exploitationTypes: ['criminal'] },
    without: { ageYears: 12 },
  },
  'ecpat-young-person': {
    fires: { ageYears: 19, traffickedToUk: true },
    without: { ageYears: 24, traffickedToUk: true },
  },
  'salvation-army-adult-support': {
    fires: { potentialVictim: true, ageYears: 30, ukNation: 'wales' },
    without: { potentialVictim: true, ageYears: 30, ukNation: 'scotland' },
  },
  'helpline-advice': { fires: { potentialVictim: true }, without: { potentialVictim: false } },
  'medaille-first-responder': {
    fires: { potentialVictim: true, reporterIsFirstResponder: false },
    without: { potentialVictim: true, reporterIsFirstResponder: true },
  },
  'red-cross-emergency-provisions': {
    fires: { supportNeeds: ['reception-centre'] },
    without: { supportNeeds: ['migration-advice'] },
  },
  'htf-local-services': {
    fires: { supportNeeds: ['local-services'] },
    without: { supportNeeds: ['reception-centre'] },
  },
  'iom-migration-advice': {
    fires: { supportNeeds: ['migration-advice'] },
    without: { supportNeeds: ['local-services'] },
  },
  'refugee-council-asylum': {
    fires: { asylumSeekerOrRefugee: true },
    without: { visaOrSponsorshipFraud: true },
  },
};

const firedIds = (facts: CaseFacts) => recommendPartners(facts).map((r) => r.ruleId);

describe('partner rules', () => {
  it('has a firing and a non-firing case for every rule, and no case for a rule that does not exist', () => {
    expect(Object.keys(cases).sort()).toEqual(partnerRules.map((r) => r.id).sort());
  });

  it('has unique rule ids', () => {
    expect(new Set(partnerRules.map((r) => r.id)).size).toBe(partnerRules.length);
  });

  it.each(partnerRules.map((r) => [r.id, r] as const))(
    '%s fires on its facts and not without them',
    (id, rule) => {
      const { fires, without } = cases[id];
      expect(firedIds(fires)).toContain(id);
      expect(firedIds(without)).not.toContain(id);
      const rec = recommendPartners(fires).find((r) => r.ruleId === id)!;
      expect(rec.partners).toEqual(rule.recommend);
      expect(rec.urgency).toBe(rule.urgency);
    },
  );

  it('recommends only partner codes that exist in the directory', () => {
    for (const rule of partnerRules) {
      expect(rule.recommend.length).toBeGreaterThan(0);
      for (const code of rule.recommend) expect(isPartnerCode(code), `${rule.id} -> ${code}`).toBe(true);
    }
  });

  it('cites a seed passage with a quote for every rule', () => {
    for (const rule of partnerRules) {
      expect(rule.seedRef.seed).toMatch(/^00[0-4]$/);
      expect(rule.seedRef.quote?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('fires nothing when nothing is known', () => {
    expect(recommendPartners({})).toEqual([]);
  });
});

describe('named scenarios from the brief', () => {
  it('foreign national encountered: NCCU immediately, first in the list', () => {
    const [first] = recommendPartners({ foreignNational: true, potentialVictim: true });
    expect(first.ruleId).toBe('nccu-foreign-national');
    expect(first.partners).toEqual(['nccu']);
    expect(first.urgency).toBe('immediately');
  });

  it('Vietnamese victim in a nail bar: NCCU, JICC not Europol, HSE and fire service', () => {
    const ids = firedIds({
      nationalities: ['VN'],
      countries: ['VN', 'CN'],
      sectors: ['nail-bar'],
      potentialVictim: true,
    });
    expect(ids).toEqual(
      expect.arrayContaining([
        'nccu-foreign-national',
        'jicc-country-not-covered-by-europol',
        'hse-high-risk-industries',
      ]),
    );
    expect(ids).toContain('fire-rescue-vulnerable-premises');
    expect(ids).not.toContain('europol-via-siena');
  });

  it('Romanian victim routed through Belgium: Europol via SIENA and JICC consultation, not the non-Europol rule', () => {
    const ids = firedIds({ countries: ['RO', 'BE'] });
    expect(ids).toContain('europol-via-siena');
    expect(ids).toContain('jicc-consult-international');
    expect(ids).not.toContain('jicc-country-not-covered-by-europol');
  });

  it('a route through Turkey (strategic agreement only) and Albania (operational) needs both routes', () => {
    const ids = firedIds({ countries: ['TR', 'AL'] });
    expect(ids).toContain('europol-via-siena');
    expect(ids).toContain('jicc-country-not-covered-by-europol');
  });

  it('British national with only UK links: no international rule fires', () => {
    const ids = firedIds({ nationalities: ['GB'], countries: ['GB'], exploitationTypes: ['criminal'] });
    expect(ids.filter((id) => /europol|jicc|acro|nccu/.test(id))).toEqual([]);
  });

  it('benefit abuse: DWP through a financial investigator', () => {
    const rec = recommendPartners({ benefitAbuse: true }).find((r) => r.ruleId === 'dwp-benefit-abuse')!;
    expect(rec.route).toMatch(/financial investigator/);
    expect(rec.urgency).toBe('should');
  });

  it('any labour exploitation enquiry: GLAA', () => {
    expect(firedIds({ exploitationTypes: ['labour', 'criminal'] })).toContain('glaa-labour-exploitation');
  });
});

describe('deriveFacts', () => {
  it('derives child and the 15-23 band from age, keeping explicit facts', () => {
    expect(deriveFacts({ ageYears: 17 })).toMatchObject({ child: true, youngPerson15to23: true });
    expect(deriveFacts({ ageYears: 23 })).toMatchObject({ child: false, youngPerson15to23: true });
    expect(deriveFacts({ ageYears: 14 })).toMatchObject({ child: true, youngPerson15to23: false });
    expect(deriveFacts({ ageYears: 30, child: true }).child).toBe(true);
    expect(deriveFacts({}).child).toBeUndefined();
  });

  it('derives foreign national from nationalities and drops the UK from countries', () => {
    expect(deriveFacts({ nationalities: ['gb', 'er'] }).foreignNational).toBe(true);
    expect(deriveFacts({ nationalities: ['GB'] }).foreignNational).toBe(false);
    const d = deriveFacts({ countries: ['GB', 'fr'] });
    expect(d.countries).toEqual(['FR']);
    expect(d.internationalLinks).toBe(true);
    expect(deriveFacts({ countries: ['UK'] }).internationalLinks).toBeUndefined();
  });
});

describe('condition language', () => {
  const facts = deriveFacts({ ageYears: 16, sectors: ['car-wash'], encounterSetting: 'maritime' });

  it('evaluates every operator', () => {
    const yes: Condition[] = [
      { fact: 'child', is: true },
      { fact: 'sectors', includes: 'car-wash' },
      { fact: 'sectors', includesAny: ['hmo', 'car-wash'] },
      { fact: 'sectors', nonEmpty: true },
      { fact: 'encounterSetting', in: ['maritime', 'aviation'] },
      { fact: 'ageYears', atLeast: 15, below: 18 },
      { not: { fact: 'foreignNational', is: true } },
      {
        all: [
          { fact: 'child', is: true },
          { fact: 'sectors', includes: 'car-wash' },
        ],
      },
      {
        any: [
          { fact: 'benefitAbuse', is: true },
          { fact: 'child', is: true },
        ],
      },
    ];
    const no: Condition[] = [
      { fact: 'child', is: false },
      { fact: 'foreignNational', is: false },
      { fact: 'sectors', includes: 'hmo' },
      { fact: 'countries', nonEmpty: true },
      { fact: 'countries', someIn: 'europol' },
      { fact: 'countries', someNotIn: 'europol' },
      { fact: 'ukNation', in: ['england'] },
      { fact: 'ageYears', atLeast: 18 },
      { any: [] },
    ];
    for (const c of yes) expect(evaluateCondition(c, facts), JSON.stringify(c)).toBe(true);
    for (const c of no) expect(evaluateCondition(c, facts), JSON.stringify(c)).toBe(false);
  });

  it('describes rules in plain English', () => {
    const rule = partnerRules.find((r) => r.id === 'ecpat-young-person')!;
    expect(describeCondition(rule.when)).toBe(
      'the person is aged 15 to 23 and (the person was trafficked to the UK or a foreign national is involved and there is a potential victim)',
    );
    expect(describeCondition({ fact: 'sectors', includesAny: ['car-wash', 'nail-bar'] })).toBe(
      'sectors include any of car wash, nail bar',
    );
  });
});

describe('countries covered by Europol', () => {
  it('covers the 27 EU member states plus the operational-agreement states, and not the UK', () => {
    expect(countrySets.europol.members.length).toBe(27 + 17);
    expect(new Set(countrySets.europol.members).size).toBe(countrySets.europol.members.length);
    for (const c of ['FR', 'DE', 'RO', 'GR', 'NO', 'CH', 'AL', 'US', 'UA'])
      expect(isEuropolCovered(c), c).toBe(true);
    for (const c of ['GB', 'VN', 'ER', 'TR', 'CN', 'NG', 'IR', 'BR'])
      expect(isEuropolCovered(c), c).toBe(false);
    expect(isEuropolCovered(' fr ')).toBe(true);
  });
});

describe('summarisePartners', () => {
  it('merges partners across rules and keeps the most urgent', () => {
    const recs = recommendPartners({
      foreignNational: true,
      immigrationCrimeIncident: true,
      operationPlanned: true,
    });
    const nccu = summarisePartners(recs).find((s) => s.partner === 'nccu')!;
    expect(nccu.urgency).toBe('immediately');
    expect(nccu.ruleIds).toEqual(
      expect.arrayContaining([
        'nccu-foreign-national',
        'nccu-immigration-crime-incident',
        'nccu-operation-planning',
      ]),
    );
    expect(summarisePartners(recs)[0].urgency).toBe('immediately');
  });
});

const factsArb: fc.Arbitrary<CaseFacts> = fc.record(
  {
    foreignNational: fc.boolean(),
    nationalities: fc.array(fc.constantFrom('GB', 'AL', 'VN', 'ER', 'RO', 'xx', '')),
    ageYears: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(Number.NaN)),
    potentialVictim: fc.boolean(),
    exploitationTypes: fc.subarray([
      'sexual',
      'labour',
      'criminal',
      'domestic-servitude',
      'organ-harvesting',
      'unknown',
    ] as const),
    sectors: fc.subarray(['car-wash', 'nail-bar', 'hmo', 'waste', 'fisheries', 'doorstep-crime'] as const),
    countries: fc.array(fc.constantFrom('GB', 'FR', 'TR', 'VN', 'US', 'gb', ' ')),
    benefitAbuse: fc.boolean(),
    immigrationCrimeIncident: fc.boolean(),
    ukNation: fc.constantFrom('england', 'wales', 'scotland', 'northern-ireland'),
    supportNeeds: fc.subarray(['emergency-provisions', 'local-services', 'migration-advice'] as const),
  },
  { requiredKeys: [] },
);

describe('recommendPartners on arbitrary facts', () => {
  it('never throws, names only directory partners, and orders by urgency', () => {
    const rank = { immediately: 0, should: 1, consider: 2 } as const;
    fc.assert(
      fc.property(factsArb, (facts) => {
        const recs = recommendPartners(facts);
        for (const r of recs) for (const p of r.partners) expect(isPartnerCode(p)).toBe(true);
        for (let i = 1; i < recs.length; i++) {
          expect(rank[recs[i - 1].urgency]).toBeLessThanOrEqual(rank[recs[i].urgency]);
        }
        expect(new Set(recs.map((r) => r.ruleId)).size).toBe(recs.length);
      }),
    );
  });
});
