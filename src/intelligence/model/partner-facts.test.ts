import { describe, expect, it } from 'vitest';
import { recommendationsFor } from '../../partners/recommendations.js';
import { countryOfPlace, factsFromReport, type ReportForFacts } from './partner-facts.js';

const report = (over: Partial<ReportForFacts> = {}): ReportForFacts => ({
  crimeCodes: [],
  occurredOn: null,
  reportedOn: '2025-06-01',
  subjects: [],
  ...over,
});

describe('partner facts from an intelligence report', () => {
  it('knows nothing from a report with no codes or structured subjects', () => {
    expect(factsFromReport(report())).toEqual({});
    expect(recommendationsFor(factsFromReport(report())).partners).toEqual([]);
  });

  it('takes nationalities from person subjects, however they are written, and ignores unrecognised ones', () => {
    const f = factsFromReport(
      report({
        subjects: [
          { kind: 'person', value: 'Ardit Hoxha', nationality: 'Albanian' },
          { kind: 'person', value: 'B', nationality: 'AL' },
          { kind: 'person', value: 'C', nationality: 'GBR' },
          { kind: 'person', value: 'D', nationality: 'somewhere' },
          { kind: 'phone', value: '07700 900123', nationality: 'VN' },
        ],
      }),
    );
    expect(f.nationalities).toEqual(['AL', 'GB']);
    const codes = recommendationsFor(f).partners.map((p) => p.partner.code);
    expect(codes).toContain('nccu');
  });

  it('leaves nationality absent when only British or no nationalities are given: no foreign-national rule fires', () => {
    const british = factsFromReport(report({ subjects: [{ kind: 'person', value: 'A', nationality: 'British' }] }));
    expect(british.nationalities).toEqual(['GB']);
    expect(recommendationsFor(british).partners.map((p) => p.partner.code)).not.toContain('nccu');
    expect(factsFromReport(report({ subjects: [{ kind: 'person', value: 'A' }] })).nationalities).toBeUndefined();
  });

  it('uses the youngest full date of birth, aged on the date it happened (or was reported)', () => {
    const subjects = [
      { kind: 'person', value: 'Adult', dateOfBirth: '1980-01-01' },
      { kind: 'person', value: 'Teen', dateOfBirth: '2008-07-01' },
      { kind: 'person', value: 'Year only', dateOfBirth: '2015' },
    ];
    expect(factsFromReport(report({ subjects, occurredOn: '2025-06-30' })).ageYears).toBe(16);
    expect(factsFromReport(report({ subjects, occurredOn: '2025-07-01' })).ageYears).toBe(17);
    expect(factsFromReport(report({ subjects, reportedOn: '2026-07-01' })).ageYears).toBe(18);
    expect(factsFromReport(report({ subjects: [{ kind: 'person', value: 'X', dateOfBirth: 'about 30' }] }))).toEqual(
      {},
    );
  });

  it('marks someone aged 15 to 23 even when a younger child decides the age', () => {
    const f = factsFromReport(
      report({
        occurredOn: '2025-01-01',
        subjects: [
          { kind: 'person', value: 'Child', dateOfBirth: '2015-01-01' },
          { kind: 'person', value: 'Young adult', dateOfBirth: '2005-01-01' },
        ],
      }),
    );
    expect(f).toMatchObject({ ageYears: 10, youngPerson15to23: true });
    // When the youngest is in range the partners capability works it out from the age itself.
    const g = factsFromReport(
      report({ occurredOn: '2025-01-01', subjects: [{ kind: 'person', value: 'Y', dateOfBirth: '2008-01-01' }] }),
    );
    expect(g).toEqual({ ageYears: 17 });
  });

  it('turns MSHT codes into exploitation types and OIC codes into a suspected immigration crime', () => {
    expect(factsFromReport(report({ crimeCodes: ['MSHT-LAB', 'MSHT-SEX', 'MSHT-LAB', 'MSHT'] }))).toEqual({
      exploitationTypes: ['labour', 'sexual'],
    });
    expect(factsFromReport(report({ crimeCodes: ['MSHT-CRIM', 'MSHT-DS', 'MSHT-ORG'] })).exploitationTypes).toEqual([
      'criminal',
      'domestic-servitude',
      'organ-harvesting',
    ]);
    expect(factsFromReport(report({ crimeCodes: ['OIC-SB'] }))).toEqual({ immigrationCrimeIncident: true });
    expect(factsFromReport(report({ crimeCodes: ['OIC-DOC'] }))).toEqual({
      immigrationCrimeIncident: true,
      documentFraud: true,
    });
    expect(factsFromReport(report({ crimeCodes: ['NOPE'] }))).toEqual({});
    const glaa = recommendationsFor(factsFromReport(report({ crimeCodes: ['MSHT-LAB'] })));
    expect(glaa.partners.map((p) => p.partner.code)).toContain('glaa');
  });

  it('reads victims, organised crime groups and bank accounts from the subjects', () => {
    const f = factsFromReport(
      report({
        subjects: [
          { kind: 'person', value: 'A', role: 'Potential victim' },
          { kind: 'ocg', value: 'The Hoxha network' },
          { kind: 'bank_account', value: '12-34-56 12345678' },
        ],
      }),
    );
    expect(f).toEqual({ potentialVictim: true, organisedCrimeSuspected: true, financialEnquiries: true });
    expect(factsFromReport(report({ subjects: [{ kind: 'person', value: 'A', role: 'suspect' }] }))).toEqual({});
  });

  it('takes countries from location and address subjects, with Europol coverage shown by the partners capability', () => {
    expect(countryOfPlace('Albania')).toBe('AL');
    expect(countryOfPlace('Rue de la Plage, Calais, France')).toBe('FR');
    expect(countryOfPlace('12 High Street, Leeds')).toBeNull();
    const f = factsFromReport(
      report({
        subjects: [
          { kind: 'location', value: 'Dunkirk, France' },
          { kind: 'address', value: 'Tirana, Albania' },
          { kind: 'location', value: 'Dover, UK' },
          { kind: 'location', value: 'Canterbury' },
          { kind: 'person', value: 'Vietnam' },
        ],
      }),
    );
    expect(f.countries).toEqual(['FR', 'AL', 'GB']);
    const view = recommendationsFor(f);
    expect(view.countries.map((c) => c.code)).toEqual(['FR', 'AL']);
    expect(view.derived).toContain('The case has international links, from the countries given.');
    expect(view.partners.map((p) => p.partner.code)).toEqual(expect.arrayContaining(['europol', 'jicc']));
  });
});
