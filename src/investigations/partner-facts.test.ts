import { describe, expect, it } from 'vitest';
import { recommendationsFor } from '../partners/recommendations.js';
import { parseCountries } from '../partners/model/facts.js';
import { factsFromInvestigation, type InvestigationForFacts } from './partner-facts.js';

const inv = (over: Partial<InvestigationForFacts> = {}): InvestigationForFacts => ({
  threats: [],
  offences: [],
  oicFacts: null,
  financialInvestigation: false,
  victims: [],
  linkedGroups: 0,
  groupCountries: [],
  ...over,
});
const partnersFor = (i: InvestigationForFacts) =>
  recommendationsFor(factsFromInvestigation(i)).partners.map((p) => p.partner.code);

describe('partner facts from an investigation', () => {
  it('knows nothing from an investigation that records nothing the rules read', () => {
    expect(factsFromInvestigation(inv({ offences: ['drugs', 'violence'] }))).toEqual({});
    expect(partnersFor(inv())).toEqual([]);
  });

  it('turns MSHT subtypes into exploitation types (labour suggests the GLAA)', () => {
    const i = inv({
      threats: [
        { threat: 'msht', subtype: 'labour' },
        { threat: 'msht', subtype: 'domestic_servitude' },
        { threat: 'msht', subtype: 'organ_harvesting' },
        { threat: 'msht', subtype: 'unheard_of' },
      ],
    });
    expect(factsFromInvestigation(i)).toEqual({
      exploitationTypes: ['labour', 'domestic-servitude', 'organ-harvesting'],
    });
    expect(partnersFor(i)).toContain('glaa');
  });

  it('treats OIC threats, s24/s25 offences and OIC facts as suspected immigration crime (NCCU, IE CFI)', () => {
    const expected = { immigrationCrimeIncident: true };
    expect(factsFromInvestigation(inv({ threats: [{ threat: 'oic', subtype: 'small_boats' }] }))).toEqual(expected);
    expect(factsFromInvestigation(inv({ offences: ['ia1971_s25'] }))).toEqual(expected);
    expect(factsFromInvestigation(inv({ oicFacts: { s24: true } }))).toEqual(expected);
    expect(factsFromInvestigation(inv({ oicFacts: { s24: false, s25: false } }))).toEqual({});
    expect(partnersFor(inv({ offences: ['ia1971_s24'] }))).toEqual(expect.arrayContaining(['nccu', 'ie-cfi']));
  });

  it('reads document fraud, visa abuse, administrative removal, overseas and online from the OIC record', () => {
    const f = factsFromInvestigation(
      inv({
        threats: [
          { threat: 'oic', subtype: 'document_fraud' },
          { threat: 'oic', subtype: 'visa_abuse' },
        ],
        oicFacts: { administrativeRemoval: true, overseas: true, online: true },
      }),
    );
    expect(f).toEqual({
      immigrationCrimeIncident: true,
      documentFraud: true,
      visaOrSponsorshipFraud: true,
      noLegitimateStatus: true,
      internationalLinks: true,
      encounterSetting: 'online',
    });
    const codes = recommendationsFor(f).partners.map((p) => p.partner.code);
    expect(codes).toEqual(expect.arrayContaining(['ndfu', 'ukvi', 'ice', 'nca', 'jicc']));
  });

  it('marks victims as potential victims and a child victim as a child (children’s social care)', () => {
    expect(factsFromInvestigation(inv({ victims: [{ is_child: false }] }))).toEqual({ potentialVictim: true });
    const f = factsFromInvestigation(inv({ victims: [{ is_child: false }, { is_child: true }] }));
    expect(f).toEqual({ potentialVictim: true, child: true });
    expect(recommendationsFor(f).partners.map((p) => p.partner.code)).toContain('childrens-social-care');
  });

  it('suspects organised crime when a group is linked or facilitation is complex, and asks for financial enquiries', () => {
    expect(factsFromInvestigation(inv({ linkedGroups: 2 }))).toEqual({ organisedCrimeSuspected: true });
    expect(factsFromInvestigation(inv({ oicFacts: { complexFacilitation: true } }))).toMatchObject({
      organisedCrimeSuspected: true,
    });
    expect(factsFromInvestigation(inv({ financialInvestigation: true }))).toEqual({ financialEnquiries: true });
    expect(partnersFor(inv({ linkedGroups: 1 }))).toEqual(expect.arrayContaining(['nca', 'gain']));
  });

  it('takes countries from linked groups’ overseas members, with Europol coverage shown by the partners capability', () => {
    expect(parseCountries('France').codes).toEqual(['FR']);
    expect(parseCountries('Germany; Albania').codes).toEqual(['DE', 'AL']);
    expect(parseCountries('Atlantis').codes).toEqual([]);
    const f = factsFromInvestigation(inv({ groupCountries: ['France', 'FR', null, 'Vietnam', 'Atlantis', 'UK'] }));
    expect(f.countries).toEqual(['FR', 'VN', 'GB']);
    const view = recommendationsFor(f);
    expect(view.countries.map((c) => [c.code, c.europol])).toEqual([
      ['FR', true],
      ['VN', false],
    ]);
    expect(view.partners.map((p) => p.partner.code)).toEqual(expect.arrayContaining(['europol', 'jicc']));
  });
});
