/**
 * Unsupervised Fellegi-Sunter estimation, as Splink does it:
 *  - u (chance agreement) from random record pairs, exact-agreement u from value frequencies;
 *  - m (agreement among matches) by expectation-maximisation with u fixed, in one session per
 *    blocking key, leaving out the comparisons the key forces to agree;
 *  - the prior from the expected number of matches among all candidate pairs.
 * All functions are pure and work on histograms of comparison vectors, so a million pairs cost
 * no more than their few thousand distinct vectors.
 */
import { MISSING } from './comparators.js';
import { decodePattern, NUM_COMPARISONS, RADIX } from './model.js';

/** Comparison-vector code -> number of pairs with that vector. */
export type PatternHistogram = Map<number, number>;

/** Expected counts per comparison and level (missing level included, unused). */
export type LevelCounts = number[][];

export function emptyLevelCounts(): LevelCounts {
  return RADIX.map((n) => new Array<number>(n).fill(0));
}

export function addPattern(counts: LevelCounts, levels: ArrayLike<number>, weight = 1): void {
  for (let c = 0; c < NUM_COMPARISONS; c++) counts[c][levels[c]] += weight;
}

/**
 * u per level from the level counts of random pairs, with exact agreement replaced by its
 * frequency-derived value (sampling sees almost no exact agreement on rare fields) and the other
 * levels sharing the rest in proportion to their (smoothed) counts.
 */
export function estimateU(randomCounts: LevelCounts, exactU: readonly number[]): number[][] {
  return randomCounts.map((levels, c) => {
    const top = levels.length - 1;
    const uTop = Math.min(exactU[c], 0.5);
    let rest = 0;
    for (let l = 1; l < top; l++) rest += levels[l] + 0.5;
    const out = levels.map((n, l) => (l === MISSING ? 1 : l === top ? uTop : ((1 - uTop) * (n + 0.5)) / rest));
    return out;
  });
}

/** m per level from expected match counts, smoothed towards u so unseen levels weigh about nothing. */
export function normaliseM(expected: LevelCounts, u: number[][], pseudo = 1): number[][] {
  return expected.map((levels, c) => {
    let total = 0;
    for (let l = 1; l < levels.length; l++) total += levels[l];
    return levels.map((n, l) => (l === MISSING ? 1 : (n + pseudo * u[c][l]) / (total + pseudo)));
  });
}

export interface EmResult {
  /** Expected counts of each level among matches (only active comparisons filled). */
  expected: LevelCounts;
  m: number[][];
  /** Share of this session's pairs that are matches. */
  lambda: number;
  expectedMatches: number;
  iterations: number;
}

export interface EmOptions {
  maxIterations?: number;
  tolerance?: number;
  lambda?: number;
}

/**
 * EM with u fixed: alternates the posterior match probability of each comparison vector with
 * m re-estimated from those posteriors. `active[c]` false leaves comparison c out (the session's
 * blocking key forces it to agree, so its pairs say nothing about its m).
 */
export function emFixedU(
  hist: PatternHistogram,
  u: number[][],
  mInit: number[][],
  active: readonly boolean[],
  opts: EmOptions = {},
): EmResult {
  const maxIterations = opts.maxIterations ?? 200;
  const tolerance = opts.tolerance ?? 1e-6;
  const rows: Uint8Array[] = [];
  const counts: number[] = [];
  const scratch = new Uint8Array(NUM_COMPARISONS);
  for (const [code, n] of hist) {
    rows.push(Uint8Array.from(decodePattern(code, scratch)));
    counts.push(n);
  }
  let m = mInit.map((l) => [...l]);
  let lambda = opts.lambda ?? 0.3;
  let expected = emptyLevelCounts();
  let expectedMatches = 0;
  let iterations = 0;
  const logRatio = (mm: number[][]) => mm.map((levels, c) => levels.map((v, l) => (l === MISSING ? 0 : Math.log(v / u[c][l]))));
  for (; iterations < maxIterations; iterations++) {
    const lr = logRatio(m);
    const logitPrior = Math.log(lambda / (1 - lambda));
    expected = emptyLevelCounts();
    expectedMatches = 0;
    let total = 0;
    for (let p = 0; p < rows.length; p++) {
      const row = rows[p];
      let s = logitPrior;
      for (let c = 0; c < NUM_COMPARISONS; c++) if (active[c]) s += lr[c][row[c]];
      const post = 1 / (1 + Math.exp(-s));
      const e = post * counts[p];
      expectedMatches += e;
      total += counts[p];
      for (let c = 0; c < NUM_COMPARISONS; c++) if (active[c]) expected[c][row[c]] += e;
    }
    const next = normaliseM(expected, u, 1e-3);
    for (let c = 0; c < NUM_COMPARISONS; c++) if (!active[c]) next[c] = m[c];
    const nextLambda = Math.min(Math.max(expectedMatches / Math.max(total, 1), 1e-9), 1 - 1e-9);
    let delta = Math.abs(nextLambda - lambda);
    for (let c = 0; c < NUM_COMPARISONS; c++) {
      for (let l = 1; l < next[c].length; l++) delta = Math.max(delta, Math.abs(next[c][l] - m[c][l]));
    }
    m = next;
    lambda = nextLambda;
    if (delta < tolerance) break;
  }
  return { expected, m, lambda, expectedMatches, iterations };
}

/**
 * Prior that two random records match: the fixed point of lambda = (expected matches among the
 * candidate pairs, given lambda) / (all possible pairs). Pairs outside blocking are taken as
 * non-matches; `weights` holds the match weight (bits, without prior) of every candidate pair
 * that could matter (very low weights add nothing).
 */
export function estimatePrior(weights: ArrayLike<number>, totalPairs: number, start: number, iterations = 50): number {
  let lambda = start;
  for (let it = 0; it < iterations; it++) {
    const logitPrior = Math.log2(lambda / (1 - lambda));
    let sum = 0;
    for (let k = 0; k < weights.length; k++) sum += 1 / (1 + 2 ** -(weights[k] + logitPrior));
    const next = Math.min(Math.max(sum / totalPairs, 1e-12), 0.5);
    if (Math.abs(Math.log(next / lambda)) < 1e-4) return next;
    lambda = next;
  }
  return lambda;
}
