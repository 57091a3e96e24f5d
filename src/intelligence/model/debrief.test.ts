import { describe, expect, it } from 'vitest';
import { ageOn, checkDebriefState, checkQualification, checkUnder16, debriefRate } from './debrief.js';

const done = {
  status: 'completed' as const,
  approachedOn: '2024-01-01',
  consentGiven: true,
  voluntaryConfirmed: true,
  interpreterUsed: true,
  interpreterLanguage: 'Tigrinya',
  debriefedOn: '2024-01-02',
  hasContent: true,
};

describe('debrief rules', () => {
  it('debriefs a child under 16 only when a request is recorded', () => {
    expect(ageOn('2010-06-01', '2025-05-31')).toBe(14);
    expect(checkUnder16('2010-06-01', '2025-05-31', null)[0]!.field).toBe('under16Request');
    expect(
      checkUnder16('2010-06-01', '2025-05-31', {
        requestingAgency: 'nca',
        reason: 'Witness to a fatal crossing',
      }),
    ).toEqual([]);
    expect(checkUnder16('2005-06-01', '2025-05-31', null)).toEqual([]);
    expect(checkUnder16(null, '2025-05-31', null)).toEqual([]);
  });

  it('records the debriefer’s qualification', () => {
    expect(checkQualification(null, null)[0]!.field).toBe('debrieferQualification');
    expect(checkQualification('other', '')[0]!.field).toBe('qualificationDetail');
    expect(checkQualification('jdt', null)).toEqual([]);
  });

  it('needs consent, voluntariness, the interpreter decision and content to complete', () => {
    expect(checkDebriefState('planned', done)).toEqual([]);
    const fields = checkDebriefState('planned', {
      ...done,
      consentGiven: false,
      voluntaryConfirmed: null,
      interpreterUsed: null,
      hasContent: false,
    }).map((e) => e.field);
    expect(fields).toEqual(['consentGiven', 'voluntaryConfirmed', 'interpreterUsed', 'recruitment']);
    expect(checkDebriefState('completed', { ...done, status: 'planned' })[0]!.field).toBe('status');
    expect(
      checkDebriefState('planned', {
        ...done,
        status: 'declined',
        consentGiven: false,
        approachedOn: null,
      })[0]!.field,
    ).toBe('approachedOn');
  });

  it('computes the debrief rate as HMICFRS did for 2023 (fewer than 1 in 15)', () => {
    const r = debriefRate({ arrivals: 36_704, approached: 5_000, agreed: 2_500, debriefed: 2_400 });
    expect(r.agreedShare).toBe(0.5);
    expect(r.oneIn).toBe(15);
    expect(r.debriefedShare!).toBeLessThan(1 / 15);
  });
});
