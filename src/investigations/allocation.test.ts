import { describe, expect, it } from 'vitest';
import { type Candidate, decisionErrors, recommendLead } from './allocation.js';

const c = (forceCode: string, victims: number, suspects: number, evidenceSites: number, capacity: Candidate['capacity'] = 'medium', harm = 0): Candidate => ({ forceCode, victims, suspects, evidenceSites, capacity, harm });

describe('cross-regional lead recommendation', () => {
  it('recommends the force with most victims, suspects and evidence, showing the points', () => {
    const rec = recommendLead([c('kent', 6, 2, 3), c('west-midlands', 2, 1, 1)]);
    expect(rec.forceCode).toBe('kent');
    const kent = rec.candidates.find((x) => x.forceCode === 'kent')!;
    expect(kent.points).toEqual({ victimsOrHarm: 3, suspects: 2, evidence: 1.5, capacity: 0.6 });
    expect(kent.total).toBe(7.1);
    expect(rec.reason).toContain('6 of 8 victims');
  });

  it('lets the criteria outweigh one another in their order', () => {
    // Most victims (weight 4) against where the suspects live and the evidence is (3 + 2).
    const rec = recommendLead([c('a', 9, 0, 0), c('b', 1, 3, 3)]);
    expect(rec.candidates.map((x) => [x.forceCode, x.total])).toEqual([
      ['b', 6],
      ['a', 4.2],
    ]);
    expect(rec.forceCode).toBe('b');
  });

  it('uses harm when no force has identified victims, and capacity decides otherwise equal forces', () => {
    const rec = recommendLead([c('a', 0, 1, 1, 'low', 2), c('b', 0, 1, 1, 'low', 4)]);
    expect(rec.firstCriterionUses).toBe('harm');
    expect(rec.forceCode).toBe('b');
    expect(recommendLead([c('a', 1, 1, 1, 'low'), c('b', 1, 1, 1, 'high')]).forceCode).toBe('b');
    expect(recommendLead([c('b', 1, 1, 1), c('a', 1, 1, 1)]).forceCode).toBe('a');
  });
});

describe('an allocation decision', () => {
  const candidates = [c('kent', 6, 2, 3), c('west-midlands', 2, 1, 1)];
  it('cannot be made without a rationale, even when it follows the recommendation', () => {
    const errors = decisionErrors({ candidates, decidedForceCode: 'kent', rationale: '', duties: { 'west-midlands': 'Safeguard victims' } });
    expect(errors.map((e) => e.field)).toEqual(['rationale']);
  });

  it('needs the duties of every supporting force and a lead among the candidates', () => {
    const errors = decisionErrors({ candidates, decidedForceCode: 'met', rationale: 'Because the evidence is there', duties: {} });
    expect(errors.map((e) => e.field)).toEqual(['decidedForceCode', 'duties.kent', 'duties.west-midlands']);
  });

  it('is valid with a rationale and duties', () => {
    expect(decisionErrors({ candidates, decidedForceCode: 'kent', rationale: 'Most victims and suspects are in Kent.', duties: { 'west-midlands': 'Arrest suspects living there' } })).toEqual([]);
  });
});
