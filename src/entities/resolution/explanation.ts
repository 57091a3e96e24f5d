/**
 * Link explanations: stored compactly with each link (each comparison's level and term-frequency adjustment,
 * the prior, whether names were compared crosswise), and expanded for people with the model that scored them:
 * which fields agreed, how closely, and with what weight.
 */
import type { MatchModel } from '../matching/model.js';
import type { Explanation } from '../matching/types.js';

export interface StoredExplanation {
  /** [level, tf adjustment] per comparison, in the model's comparison order. */
  c: [number, number][];
  /** log2 prior odds. */
  p: number;
  s: boolean;
  v: string | null;
}

export function compactExplanation(e: Explanation): StoredExplanation {
  return { c: e.comparisons.map((c) => [c.level, Math.round(c.tfAdjustment * 1000) / 1000]), p: Math.round(e.priorWeight * 1000) / 1000, s: e.namesSwapped, v: e.veto };
}

export interface ExplainedComparison {
  field: string;
  label: string;
  level: number;
  /** Plain-English level ("exact", "one edit or day-month swap", "missing"). */
  outcome: string;
  /** Bits this comparison contributed, including the term-frequency adjustment. */
  weight: number;
  tfAdjustment: number;
  agrees: boolean;
}

const FIELD_LABELS: Record<string, string> = {
  given_name: 'Given name',
  surname: 'Family name',
  date_of_birth: 'Date of birth',
  address: 'Address',
  residence: 'Address, postcode and town',
  postcode: 'Postcode',
  town: 'Town',
  phone: 'Phone',
  email: 'Email',
  identifiers: 'Identity documents',
  sex: 'Sex',
  nationality: 'Nationality',
};

export function explain(stored: StoredExplanation, model: MatchModel): { comparisons: ExplainedComparison[]; priorWeight: number; matchWeight: number; namesSwapped: boolean; veto: string | null } {
  let matchWeight = 0;
  const comparisons = model.comparisons.map((mc, i) => {
    const [level, tf] = stored.c[i] ?? [0, 0];
    const lp = mc.levels[level] ?? mc.levels[0]!;
    const base = level === 0 ? 0 : Math.log2(lp.m / lp.u);
    const weight = base + tf;
    matchWeight += weight;
    return {
      field: mc.name,
      label: FIELD_LABELS[mc.name] ?? mc.name.replace(/_/g, ' '),
      level,
      outcome: lp.label,
      weight: Math.round(weight * 100) / 100,
      tfAdjustment: Math.round(tf * 100) / 100,
      agrees: weight > 0,
    };
  });
  return { comparisons, priorWeight: stored.p, matchWeight: Math.round(matchWeight * 100) / 100, namesSwapped: stored.s, veto: stored.v };
}
