import { describe, expect, it } from 'vitest';
import { CaseFactsSchema, coverageOf, factsFromForm, formFromFacts, parseCountries } from './facts.js';

describe('case facts from the form and the API', () => {
  it('reads countries by name or code and reports what it cannot read', () => {
    expect(parseCountries('Albania, vn; Eritrea\nUK')).toEqual({
      codes: ['AL', 'VN', 'ER', 'GB'],
      unknown: [],
    });
    expect(parseCountries('Narnia, FR')).toEqual({ codes: ['FR'], unknown: ['Narnia'] });
    // Names read as current codes, never as the retired codes that share them (FX, DD, ZR, YU).
    expect(parseCountries('France, Germany, Congo - Kinshasa, Serbia')).toEqual({ codes: ['FR', 'DE', 'CD', 'RS'], unknown: [] });
    expect(coverageOf(['FR', 'VN', 'GB'])).toEqual([
      { code: 'FR', name: 'France', uk: false, europol: true },
      { code: 'VN', name: 'Vietnam', uk: false, europol: false },
      { code: 'GB', name: 'United Kingdom', uk: true, europol: false },
    ]);
  });

  it('treats an unticked box as not known, never as no', () => {
    const { facts, errors, asked } = factsFromForm({
      facts: ['potentialVictim'],
      age: '17',
      nationalities: 'Albania',
      exploitationTypes: 'labour',
      reporterIsFirstResponder: 'unknown',
    });
    expect(errors).toEqual([]);
    expect(asked).toBe(true);
    expect(facts).toEqual({
      potentialVictim: true,
      ageYears: 17,
      nationalities: ['AL'],
      exploitationTypes: ['labour'],
    });
    expect('documentFraud' in facts).toBe(false);
    expect(factsFromForm({ reporterIsFirstResponder: 'no' }).facts.reporterIsFirstResponder).toBe(false);
  });

  it('names the field of each bad answer', () => {
    const { errors } = factsFromForm({
      age: 'seventeen',
      countries: 'Atlantis',
      sectors: 'space',
      facts: 'madeUp',
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['age', 'countries', 'facts', 'sectors']);
  });

  it('round-trips facts through the form', () => {
    const facts = {
      documentFraud: true,
      ageYears: 20,
      countries: ['VN'],
      sectors: ['nail-bar' as const],
      encounterSetting: 'premises' as const,
    };
    expect(factsFromForm(formFromFacts(facts) as Record<string, string | string[]>).facts).toEqual(facts);
  });

  it('rejects unknown or misspelt facts in JSON rather than ignoring them', () => {
    expect(CaseFactsSchema.safeParse({ foreignNationl: true }).success).toBe(false);
    expect(CaseFactsSchema.safeParse({ nationalities: ['ALB'] }).success).toBe(false);
    expect(CaseFactsSchema.parse({ nationalities: ['al'] })).toEqual({ nationalities: ['AL'] });
  });
});
