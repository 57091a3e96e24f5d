import { describe, expect, it } from 'vitest';
import { followsSuggestion, NO_FACTS, type OicFacts, OWNERSHIP_RULES, suggestOwner } from './ownership.js';

const f = (facts: Partial<OicFacts>) => suggestOwner({ ...NO_FACTS, ...facts });

describe('OIC ownership rules (seed 004)', () => {
  it('police always investigate offences involving fatalities, whatever else applies', () => {
    const s = f({ fatality: true, complexFacilitation: true, s25: true, overseas: true });
    expect(s.owner).toBe('police');
    expect(s.ruleId).toBe('police-fatality');
    expect(s.reason).toContain('always');
    expect(s.matched.map((m) => m.id)).toEqual(['police-fatality', 'nca-complex-s25', 'nca-overseas', 'ie-cfi-s24-s25']);
  });

  it('the NCA investigates the most complex s25 facilitation', () => {
    const s = f({ complexFacilitation: true, s25: true });
    expect([s.owner, s.agencyCode, s.ruleId]).toEqual(['nca', 'nca', 'nca-complex-s25']);
  });

  it('the NCA leads overseas investigations', () => {
    expect(f({ overseas: true, s25: true }).ruleId).toBe('nca-overseas');
  });

  it('the NCA leads online investigations', () => {
    expect(f({ online: true }).ruleId).toBe('nca-online');
  });

  it('IE CFI investigates most s24 and s25 offences', () => {
    expect(f({ s24: true })).toMatchObject({ owner: 'ie-cfi', agencyCode: 'ie-cfi', ruleId: 'ie-cfi-s24-s25' });
    expect(f({ s25: true }).owner).toBe('ie-cfi');
  });

  it('ICE takes people illegally present who may be liable to administrative removal', () => {
    expect(f({ administrativeRemoval: true })).toMatchObject({ owner: 'ie-ice', agencyCode: 'ie-ice', ruleId: 'ie-ice-administrative-removal' });
  });

  it('police manage the initial response and safety concerns, particularly for children', () => {
    expect(f({ initialResponse: true }).ruleId).toBe('police-initial-response');
    expect(f({ safetyConcern: true }).owner).toBe('police');
  });

  it('police keep the initial response and safety duties when another agency owns the case', () => {
    const s = f({ s25: true, initialResponse: true, safetyConcern: true });
    expect(s.owner).toBe('ie-cfi');
    expect(s.policeDuties).toHaveLength(2);
  });

  it('makes no suggestion when no rule applies', () => {
    const s = f({});
    expect(s.owner).toBeNull();
    expect(s.reason).toContain('None of the ownership rules applies');
  });

  it('has one test above for every rule', () => {
    expect(OWNERSHIP_RULES.map((r) => r.id)).toEqual(['police-fatality', 'nca-complex-s25', 'nca-overseas', 'nca-online', 'ie-cfi-s24-s25', 'ie-ice-administrative-removal', 'police-initial-response']);
  });

  it('says whether the lead agency follows the suggestion', () => {
    expect(followsSuggestion(f({ s24: true }), 'ie-cfi', 'home_office')).toBe(true);
    expect(followsSuggestion(f({ s24: true }), 'kent', 'police_force')).toBe(false);
    expect(followsSuggestion(f({ fatality: true }), 'kent', 'police_force')).toBe(true);
    expect(followsSuggestion(f({}), 'kent', 'police_force')).toBeNull();
  });
});
