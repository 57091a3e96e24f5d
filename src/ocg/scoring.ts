import type { FieldError } from '../kernel/errors.js';

/**
 * MoRiLE-style scoring of an organised crime group (DOMAIN §6; seed 004 "priorities are largely derived from
 * management of risk in law enforcement (MoRiLE)"). Four factors, each rated 1-5 by the assessor, are weighted
 * into a score out of 100; the score gives a priority grade P1-P4 through configured bands, and the grade with the
 * assessor's confidence gives a PND-style tier (1 highest, 4 lowest, "passive response") through a configured
 * matrix. Everything here is pure so the page can show exactly how a grade was reached.
 */

export const FACTORS = ['harm', 'likelihood', 'confidence', 'capacity'] as const;
export type Factor = (typeof FACTORS)[number];

export const FACTOR_INFO: Record<Factor, { label: string; question: string; levels: [string, string, string, string, string] }> = {
  harm: {
    label: 'Harm',
    question: 'How much harm does the group cause (physical, psychological, financial, to communities; loss of life)?',
    levels: ['Negligible', 'Minor', 'Moderate', 'Serious', 'Critical: risk to life'],
  },
  likelihood: {
    label: 'Likelihood',
    question: 'How likely is the group to keep offending in the next 12 months?',
    levels: ['Very unlikely', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  },
  confidence: {
    label: 'Confidence',
    question: 'How confident are you in the intelligence behind this assessment?',
    levels: ['Very low: little or no intelligence', 'Low', 'Medium', 'High', 'Very high: corroborated'],
  },
  capacity: {
    label: 'Organisational capacity',
    question: 'How capable is the group: size, reach, resilience, international links?',
    levels: ['Very limited', 'Limited', 'Moderate', 'Substantial', 'Extensive, international'],
  },
};

export const GRADES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Grade = (typeof GRADES)[number];
export type Tier = 1 | 2 | 3 | 4;
export type ConfidenceBand = 'low' | 'medium' | 'high';

export interface ScoringConfig {
  /** Relative weight of each factor (non-negative; normalised by their sum). */
  weights: Record<Factor, number>;
  /** Lowest score (0-100) for each grade; P4 starts at 0. */
  gradeBands: Record<Grade, number>;
  /** Confidence ratings at or below `lowMax` are low, at or above `highMin` high, otherwise medium. */
  confidenceBands: { lowMax: number; highMin: number };
  /** PND-style tier for each grade and confidence band. */
  tierMatrix: Record<Grade, Record<ConfidenceBand, Tier>>;
  /** Days until the next assessment is due, by grade. */
  reviewDays: Record<Grade, number>;
  /** Days within which a newly recorded group must have its first assessment. */
  firstAssessmentDays: number;
  /** Grades treated as low priority: new intelligence on such a group raises an alert (the vicious circle). */
  lowGrades: Grade[];
  /** Days without intelligence, disruption, investigation or assessment after which a group is flagged. */
  inactivityDays: number;
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  weights: { harm: 40, likelihood: 25, confidence: 15, capacity: 20 },
  gradeBands: { P1: 75, P2: 55, P3: 35, P4: 0 },
  confidenceBands: { lowMax: 2, highMin: 4 },
  tierMatrix: {
    P1: { low: 2, medium: 1, high: 1 },
    P2: { low: 3, medium: 2, high: 2 },
    P3: { low: 4, medium: 3, high: 3 },
    P4: { low: 4, medium: 4, high: 4 },
  },
  reviewDays: { P1: 28, P2: 91, P3: 182, P4: 365 },
  firstAssessmentDays: 28,
  lowGrades: ['P3', 'P4'],
  inactivityDays: 180,
};

export type FactorRatings = Record<Factor, number>;

export interface FactorContribution {
  factor: Factor;
  label: string;
  rating: number;
  weight: number;
  /** Share of the total weight (0-1). */
  weightShare: number;
  /** Points this factor adds to the score out of 100. */
  points: number;
  /** Most points this factor could add (its rating at 5). */
  maxPoints: number;
}

export interface ScoreResult {
  score: number;
  grade: Grade;
  confidenceBand: ConfidenceBand;
  tier: Tier;
  breakdown: FactorContribution[];
  /** One sentence per step, for the page. */
  explanation: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function ratingErrors(ratings: Partial<Record<Factor, unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of FACTORS) {
    const v = ratings[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      errors.push({ field: f, message: `Rate ${FACTOR_INFO[f].label.toLowerCase()} from 1 to 5` });
    }
  }
  return errors;
}

/** Weighted score out of 100: each rating 1-5 maps to 0-1, weighted by its share of the total weight. */
export function scoreOf(ratings: FactorRatings, config: ScoringConfig): { score: number; breakdown: FactorContribution[] } {
  const total = FACTORS.reduce((s, f) => s + config.weights[f], 0);
  let raw = 0;
  const breakdown = FACTORS.map((f) => {
    const share = total > 0 ? config.weights[f] / total : 0;
    const points = 100 * share * ((ratings[f] - 1) / 4);
    raw += points;
    return {
      factor: f,
      label: FACTOR_INFO[f].label,
      rating: ratings[f],
      weight: config.weights[f],
      weightShare: share,
      points: round1(points),
      maxPoints: round1(100 * share),
    };
  });
  return { score: round1(raw), breakdown };
}

export function gradeFor(score: number, config: ScoringConfig): Grade {
  for (const g of GRADES) if (score >= config.gradeBands[g]) return g;
  return 'P4';
}

export function confidenceBand(confidence: number, config: ScoringConfig): ConfidenceBand {
  if (confidence <= config.confidenceBands.lowMax) return 'low';
  if (confidence >= config.confidenceBands.highMin) return 'high';
  return 'medium';
}

export function tierFor(grade: Grade, confidence: number, config: ScoringConfig): Tier {
  return config.tierMatrix[grade][confidenceBand(confidence, config)];
}

/** Score, grade and tier with the reasons, as the assessment page shows them. */
export function assess(ratings: FactorRatings, config: ScoringConfig, override?: Grade | null): ScoreResult {
  const { score, breakdown } = scoreOf(ratings, config);
  const computed = gradeFor(score, config);
  const grade = override ?? computed;
  const band = confidenceBand(ratings.confidence, config);
  const tier = config.tierMatrix[grade][band];
  const next = GRADES[GRADES.indexOf(computed) - 1];
  const explanation = [
    `Score ${score} out of 100: ${breakdown.map((b) => `${b.label.toLowerCase()} ${b.points}`).join(' + ')}.`,
    `${computed} because the score is at least ${config.gradeBands[computed]}${next ? ` and below ${config.gradeBands[next]} (${next})` : ''}.`,
    ...(override && override !== computed ? [`Grade set to ${override} by the assessor's professional judgement instead of ${computed}.`] : []),
    `Tier ${tier} from the matrix for ${grade} with ${band} confidence (rated ${ratings.confidence}).`,
  ];
  return { score, grade, confidenceBand: band, tier, breakdown, explanation };
}

const DAY = 86_400_000;
export const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoDate(new Date(toDate(iso).getTime() + days * DAY));
export const daysBetween = (fromIso: string, toIso: string) => Math.round((toDate(toIso).getTime() - toDate(fromIso).getTime()) / DAY);

/** The latest date the next assessment may be set for: the grade's review interval after the assessment. */
export function nextAssessmentDue(assessedOn: string, grade: Grade, config: ScoringConfig): string {
  return addDays(assessedOn, config.reviewDays[grade]);
}

/** An assessor may bring the next assessment forward, never push it past the grade's interval. */
export function nextDateErrors(assessedOn: string, nextDate: string, grade: Grade, config: ScoringConfig): FieldError[] {
  const latest = nextAssessmentDue(assessedOn, grade, config);
  if (nextDate <= assessedOn) return [{ field: 'nextDue', message: 'The next assessment date must be after today' }];
  if (nextDate > latest) {
    return [{ field: 'nextDue', message: `A ${grade} group must be assessed again by ${latest} (every ${config.reviewDays[grade]} days)` }];
  }
  return [];
}

/** Checks a configuration an NCA or ROCU supervisor submits. */
export function configErrors(c: ScoringConfig): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of FACTORS) {
    const w = c.weights[f];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 100) {
      errors.push({ field: `weights.${f}`, message: `The weight of ${FACTOR_INFO[f].label.toLowerCase()} must be a number from 0 to 100` });
    }
  }
  if (!errors.length && FACTORS.every((f) => c.weights[f] === 0)) {
    errors.push({ field: 'weights.harm', message: 'At least one weight must be above 0' });
  }
  if (c.gradeBands.P4 !== 0) errors.push({ field: 'gradeBands.P4', message: 'P4 must start at a score of 0' });
  for (let i = 0; i < GRADES.length - 1; i++) {
    const hi = GRADES[i]!;
    const lo = GRADES[i + 1]!;
    const v = c.gradeBands[hi];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= c.gradeBands[lo] || v > 100) {
      errors.push({ field: `gradeBands.${hi}`, message: `The lowest score for ${hi} must be above ${lo}'s and at most 100` });
    }
  }
  const { lowMax, highMin } = c.confidenceBands;
  if (!Number.isInteger(lowMax) || !Number.isInteger(highMin) || lowMax < 1 || highMin > 5 || lowMax >= highMin) {
    errors.push({ field: 'confidenceBands.lowMax', message: 'Low confidence must end below where high confidence starts (ratings 1 to 5)' });
  }
  for (const g of GRADES) {
    for (const b of ['low', 'medium', 'high'] as const) {
      const t = c.tierMatrix[g]?.[b];
      if (![1, 2, 3, 4].includes(t as number)) errors.push({ field: `tierMatrix.${g}.${b}`, message: `Tier for ${g} with ${b} confidence must be 1 to 4` });
    }
    const d = c.reviewDays[g];
    if (!Number.isInteger(d) || d < 7 || d > 730) errors.push({ field: `reviewDays.${g}`, message: `Review interval for ${g} must be 7 to 730 days` });
  }
  for (let i = 0; i < GRADES.length - 1; i++) {
    if (c.reviewDays[GRADES[i]!] > c.reviewDays[GRADES[i + 1]!]) {
      errors.push({ field: `reviewDays.${GRADES[i]}`, message: `${GRADES[i]} groups cannot be reviewed less often than ${GRADES[i + 1]} groups` });
    }
  }
  if (!Number.isInteger(c.firstAssessmentDays) || c.firstAssessmentDays < 1 || c.firstAssessmentDays > 365) {
    errors.push({ field: 'firstAssessmentDays', message: 'First assessment must be due within 1 to 365 days' });
  }
  if (!Number.isInteger(c.inactivityDays) || c.inactivityDays < 7 || c.inactivityDays > 3650) {
    errors.push({ field: 'inactivityDays', message: 'Inactivity period must be 7 to 3,650 days' });
  }
  if (!Array.isArray(c.lowGrades) || c.lowGrades.some((g) => !GRADES.includes(g))) {
    errors.push({ field: 'lowGrades', message: 'Low grades must be among P1 to P4' });
  }
  return errors;
}
