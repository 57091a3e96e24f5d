import { describe, expect, it } from 'vitest';
import {
  assess,
  configErrors,
  DEFAULT_SCORING_CONFIG,
  type FactorRatings,
  gradeFor,
  nextAssessmentDue,
  nextDateErrors,
  type ScoringConfig,
  scoreOf,
  tierFor,
} from './scoring.js';

const r = (harm: number, likelihood: number, confidence: number, capacity: number): FactorRatings => ({ harm, likelihood, confidence, capacity });
const cfg = DEFAULT_SCORING_CONFIG;

describe('MoRiLE-style score', () => {
  it('is 0 when every rating is 1 and 100 when every rating is 5', () => {
    expect(scoreOf(r(1, 1, 1, 1), cfg).score).toBe(0);
    expect(scoreOf(r(5, 5, 5, 5), cfg).score).toBe(100);
  });

  it('weighs each factor by its share of the total weight, and the breakdown adds up to the score', () => {
    // harm 40, likelihood 25, confidence 15, capacity 20 (of 100): harm at 5 alone gives 40 points.
    const only = scoreOf(r(5, 1, 1, 1), cfg);
    expect(only.score).toBe(40);
    const mixed = scoreOf(r(4, 3, 2, 5), cfg);
    expect(mixed.score).toBeCloseTo(100 * (0.4 * 0.75 + 0.25 * 0.5 + 0.15 * 0.25 + 0.2 * 1), 1);
    expect(mixed.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(mixed.score, 0);
    expect(mixed.breakdown.map((b) => b.maxPoints)).toEqual([40, 25, 15, 20]);
  });

  it('follows changed weights', () => {
    const harmOnly: ScoringConfig = { ...cfg, weights: { harm: 1, likelihood: 0, confidence: 0, capacity: 0 } };
    expect(scoreOf(r(3, 5, 5, 5), harmOnly).score).toBe(50);
  });
});

describe('grade and tier from the configured matrix', () => {
  it('gives the grade from the bands at their boundaries', () => {
    expect(gradeFor(75, cfg)).toBe('P1');
    expect(gradeFor(74.9, cfg)).toBe('P2');
    expect(gradeFor(55, cfg)).toBe('P2');
    expect(gradeFor(54.9, cfg)).toBe('P3');
    expect(gradeFor(35, cfg)).toBe('P3');
    expect(gradeFor(34.9, cfg)).toBe('P4');
    expect(gradeFor(0, cfg)).toBe('P4');
  });

  it('follows changed bands', () => {
    const strict: ScoringConfig = { ...cfg, gradeBands: { P1: 90, P2: 80, P3: 70, P4: 0 } };
    expect(gradeFor(75, strict)).toBe('P3');
    expect(assess(r(4, 4, 4, 4), strict).grade).toBe('P3'); // score 75
    expect(assess(r(4, 4, 4, 4), cfg).grade).toBe('P1');
  });

  it('gives the tier from the grade and the confidence band', () => {
    expect(tierFor('P1', 5, cfg)).toBe(1);
    expect(tierFor('P1', 1, cfg)).toBe(2);
    expect(tierFor('P2', 3, cfg)).toBe(2);
    expect(tierFor('P3', 2, cfg)).toBe(4);
    expect(tierFor('P3', 3, cfg)).toBe(3);
    expect(tierFor('P4', 5, cfg)).toBe(4);
    const flat: ScoringConfig = { ...cfg, tierMatrix: { ...cfg.tierMatrix, P3: { low: 1, medium: 1, high: 1 } } };
    expect(tierFor('P3', 2, flat)).toBe(1);
  });

  it('explains the result and applies a professional-judgement grade with the tier for that grade', () => {
    const a = assess(r(2, 2, 2, 2), cfg, 'P2');
    expect(a.score).toBe(25);
    expect(a.grade).toBe('P2');
    expect(a.tier).toBe(3); // P2 with low confidence
    expect(a.explanation.join(' ')).toContain('professional judgement instead of P4');
  });
});

describe('assessment due dates', () => {
  it('are the review interval for the grade after the assessment', () => {
    expect(nextAssessmentDue('2026-01-01', 'P1', cfg)).toBe('2026-01-29');
    expect(nextAssessmentDue('2026-01-01', 'P4', cfg)).toBe('2027-01-01');
  });

  it('may be brought forward but not pushed beyond the interval or into the past', () => {
    expect(nextDateErrors('2026-01-01', '2026-02-01', 'P2', cfg)).toEqual([]);
    expect(nextDateErrors('2026-01-01', '2026-05-01', 'P2', cfg)[0]!.field).toBe('nextDue');
    expect(nextDateErrors('2026-01-01', '2026-01-01', 'P2', cfg)[0]!.field).toBe('nextDue');
  });
});

describe('configuration checks', () => {
  it('accepts the default', () => {
    expect(configErrors(cfg)).toEqual([]);
  });

  it('names each field that breaks a rule', () => {
    const bad: ScoringConfig = {
      ...cfg,
      weights: { harm: -1, likelihood: 0, confidence: 0, capacity: 0 },
      gradeBands: { P1: 50, P2: 60, P3: 35, P4: 5 },
      tierMatrix: { ...cfg.tierMatrix, P1: { low: 0, medium: 1, high: 1 } as never },
      reviewDays: { P1: 400, P2: 91, P3: 182, P4: 365 },
    };
    const fields = configErrors(bad).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['weights.harm', 'gradeBands.P4', 'gradeBands.P1', 'tierMatrix.P1.low', 'reviewDays.P1']));
  });
});
