import { describe, expect, it } from 'vitest';
import { isPartnerCode, partnerByCode, partnerDirectory } from './directory.js';

describe('partner directory (seed 000)', () => {
  it('lists every organisation with its own heading in seed 000, plus those named in passing', () => {
    const sections = partnerDirectory.filter((p) => p.listing === 'section').map((p) => p.code);
    expect(sections).toEqual(
      expect.arrayContaining([
        'gain',
        'nca',
        'nccu',
        'immigration-enforcement',
        'ie-cfi',
        'ice',
        'border-force',
        'ukvi',
        'ndfu',
        'glaa',
        'dwp',
        'hmrc',
        'national-trading-standards',
        'environment-agency',
        'hse',
        'fire-and-rescue',
        'environmental-health',
        'europol',
        'siena',
        'jicc',
        'acro',
        'jmlit',
        'nhs',
        'childrens-social-care',
        'local-authority-housing',
        'human-trafficking-foundation',
        'modern-slavery-helpline',
        'red-cross',
        'salvation-army',
        'nspcc',
        'barnardos',
        'ecpat',
        'medaille-trust',
        'iom',
        'refugee-council',
      ]),
    );
    expect(sections).toHaveLength(35);
    expect(partnerDirectory).toHaveLength(46);
  });

  it('has unique kebab-case codes and parents that exist', () => {
    const codes = partnerDirectory.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of partnerDirectory) {
      expect(p.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if ('parent' in p) expect(isPartnerCode(p.parent), `${p.code} parent`).toBe(true);
      expect(p.capabilities.length, p.code).toBeGreaterThan(0);
      expect(p.whenToEngage.length, p.code).toBeGreaterThan(0);
      expect(p.seedRef.seed).toBe('000');
      expect(p.seedRef.quote, p.code).toBeTruthy();
    }
  });

  it('marks 24/7 only where the seed says so', () => {
    const always = partnerDirectory.filter((p) => p.available24x7 === true).map((p) => p.code);
    expect(always.sort()).toEqual(['jicc', 'nccu']);
    expect(partnerDirectory.filter((p) => (p.available24x7 as boolean | null) === false)).toEqual([]);
  });

  it('gives public contacts exactly as the seed prints them, and none elsewhere', () => {
    const contacts = Object.fromEntries(
      partnerDirectory.filter((p) => p.publicContact !== null).map((p) => [p.code, p.publicContact]),
    );
    expect(contacts).toEqual({
      'modern-slavery-helpline': { phone: '08000 121 700' },
      unseen: { phone: '08000 121 700' },
      'red-cross': { email: 'antitrafficking@redcross.org.uk' },
      'salvation-army': { phone: '0300 303 8151' },
      nspcc: { phone: '0808 800 5000' },
      ecpat: { phone: '020 7607 2136', email: 'youth@ecpat.org.uk' },
      iom: { phone: '0207 811 6000', email: 'iomuk@iom.int' },
    });
  });

  it('carries the seed restrictions that matter', () => {
    expect(partnerByCode('ndfu')?.restrictions.join(' ')).toMatch(/not be divulged to members of the public/);
    expect(partnerByCode('jicc')?.restrictions.join(' ')).toMatch(/Police-only/);
    expect(partnerByCode('ice')?.restrictions.join(' ')).toMatch(/prosecutions/);
  });

  it('routes Europol through SIENA and IE CFI through NCCU', () => {
    expect(partnerByCode('europol')?.howToReach).toMatch(
      /SIENA.*international liaison officer.*ROCU.*NCA international desk/,
    );
    expect(partnerByCode('ie-cfi')?.howToReach).toMatch(/^Via NCCU/);
    expect(partnerByCode('dwp')?.howToReach).toMatch(/financial investigator/);
    expect(partnerByCode('no-such-partner')).toBeUndefined();
  });
});
