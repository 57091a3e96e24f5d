import { describe, expect, it } from 'vitest';
import { recommendationsFor } from './recommendations.js';

describe('recommendations for the partial', () => {
  it('puts NCCU first, to contact now, for a foreign national, with the rule and seed passage behind it', () => {
    const v = recommendationsFor({ nationalities: ['AL'] }, { caseKind: 'referral', caseId: 'NRM-1' });
    const first = v.partners[0]!;
    expect(first.partner.code).toBe('nccu');
    expect(first).toMatchObject({
      urgency: 'immediately',
      urgencyText: 'Contact now',
      primaryRuleId: 'nccu-foreign-national',
    });
    expect(first.rules[0]!.seed).toMatchObject({
      seed: '000',
      title: expect.stringContaining('Partner organisations'),
    });
    expect(first.rules[0]!.seed.quote).toContain('immediately');
    expect(v.derived).toContain('A foreign national is involved, from the nationalities given.');
    expect(v).toMatchObject({ caseKind: 'referral', caseId: 'NRM-1', caseKindLabel: 'Referral' });
  });

  it('sends a country outside Europol to the JICC and not to Europol or SIENA', () => {
    const codes = recommendationsFor({ countries: ['VN'] }).partners.map((p) => p.partner.code);
    expect(codes).toContain('jicc');
    expect(codes).not.toContain('europol');
    expect(codes).not.toContain('siena');
    expect(recommendationsFor({ countries: ['RO'] }).partners.map((p) => p.partner.code)).toContain(
      'europol',
    );
  });

  it('lists each partner once with every rule that named it, and uses the live directory when given', () => {
    const v = recommendationsFor({ immigrationCrimeIncident: true, foreignNational: true });
    const nccu = v.partners.filter((p) => p.partner.code === 'nccu');
    expect(nccu).toHaveLength(1);
    expect(nccu[0]!.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['nccu-foreign-national', 'nccu-immigration-crime-incident']),
    );
    const live = new Map([
      [
        'nccu',
        {
          code: 'nccu',
          name: 'NCCU (edited)',
          shortName: null,
          howToReach: 'Call the desk',
          available24x7: true,
          publicContact: null,
          restrictions: [],
        },
      ],
    ]);
    expect(recommendationsFor({ foreignNational: true }, { directory: live }).partners[0]!.partner.name).toBe(
      'NCCU (edited)',
    );
  });

  it('suggests nothing when nothing is known', () => {
    expect(recommendationsFor({}).partners).toEqual([]);
  });
});
