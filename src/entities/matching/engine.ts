/**
 * The resolver: index person records, learn the model without labels, score all candidate pairs
 * (deduplication of one source, or linkage of two), resolve one new record incrementally against
 * the index, explain any pair, and cluster links into entities.
 */
import { type BlockingKey, BlockIndex, DEFAULT_BLOCKING_KEYS, type PairFilter } from './blocking.js';
import { type ScoredCandidates, scoreCandidates } from './candidates.js';
import { canRunInWorkers, scoreCandidatesParallel } from './parallel.js';
import { clusterPairs } from './cluster.js';
import { addPattern, emFixedU, emptyLevelCounts, estimatePrior, estimateU, normaliseM, type PatternHistogram } from './em.js';
import {
  COMPARISONS,
  compareRecords,
  defaultModel,
  log2Odds,
  type MatchModel,
  NUM_COMPARISONS,
  patternCode,
} from './model.js';
import { type NormaliseOptions, normaliseRecord } from './record.js';
import { Scorer, type ScorerOptions } from './scorer.js';
import { type Column, RecordStore } from './store.js';
import { exactAgreementU } from './tf.js';
import type { Explanation, NormalisedRecord, PersonRecord, ProgressFn, ScoredPair } from './types.js';

export interface ResolverOptions extends NormaliseOptions, ScorerOptions {
  blockingKeys?: readonly BlockingKey[];
  /** Blocks with more records than this are not compared (other keys still reach the records). */
  maxBlockSize?: number;
  /** Link probability threshold (default 0.5). */
  threshold?: number;
  /** A previously trained model to start from. */
  model?: MatchModel;
  /** Seed for the random pair samples used in training. */
  seed?: number;
}

export interface TrainOptions {
  /** Pairs a person confirmed as the same (record ids): refine m and are always linked. */
  confirmed?: readonly (readonly [string, string])[];
  /** Pairs a person rejected: refine u and are never proposed again. */
  rejected?: readonly (readonly [string, string])[];
  /** Random pairs sampled to estimate u (default 5 per record, between 20,000 and 300,000). */
  randomPairs?: number;
  /** Most pairs per blocking key for EM (default 200,000). */
  sessionPairs?: number;
  /** Broad blocking keys making more pairs than this per record are switched off (default 8). */
  pairsPerRecord?: number;
  onProgress?: ProgressFn;
}

export interface PredictOptions {
  threshold?: number;
  /** Attach an explanation to each pair (costs a second comparison per output pair). */
  explain?: boolean;
  onProgress?: ProgressFn;
}

export interface ResolveResult {
  /** Index of the record in the store (it stays indexed unless `add: false`). */
  index: number;
  matches: ScoredPair[];
  /** Candidate records compared. */
  candidates: number;
}

/** Deterministic PRNG (mulberry32) so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? a + '\u0000' + b : b + '\u0000' + a;
}

/** Pairs scored below this many bits under the threshold are dropped during the pass. */
const FLOOR_MARGIN = 14;

export class Resolver {
  readonly store = new RecordStore();
  readonly blocks: BlockIndex;
  private model: MatchModel;
  private scorer: Scorer;
  private readonly opts: ResolverOptions;
  private readonly rejected = new Set<string>();
  private readonly confirmed: [string, string][] = [];
  /** Candidate pairs scored during training, reused by predict() while the store is unchanged. */
  private cache: { size: number; model: MatchModel; candidates: ScoredCandidates } | null = null;

  constructor(opts: ResolverOptions = {}) {
    this.opts = opts;
    this.blocks = new BlockIndex(opts.blockingKeys ?? DEFAULT_BLOCKING_KEYS, opts.maxBlockSize ?? 1000);
    this.model = opts.model ?? { ...defaultModel(), threshold: opts.threshold ?? 0.5 };
    this.scorer = new Scorer(this.model, opts);
    this.blocks.disable(this.model.blockingOff ?? []);
  }

  get size(): number {
    return this.store.size;
  }

  /** True when records from two sources are indexed: only cross-source pairs are then candidates. */
  get linking(): boolean {
    return this.store.sourceCounts[1] > 0 && this.store.sourceCounts[0] > 0;
  }

  private get filter(): PairFilter {
    return { crossSourceOnly: this.linking };
  }

  /** Number of record pairs a full comparison would make (the prior's denominator). */
  totalPairs(): number {
    const [a, b] = this.store.sourceCounts;
    return this.linking ? a * b : ((a + b) * (a + b - 1)) / 2;
  }

  normalise(r: PersonRecord): NormalisedRecord {
    return normaliseRecord(r, this.opts);
  }

  /** Indexes records; source 1 marks the second file of a two-file linkage. Returns their indices. */
  add(records: Iterable<PersonRecord>, source: 0 | 1 = 0): number[] {
    const out: number[] = [];
    for (const r of records) out.push(this.addNormalised(r.id, this.normalise(r), source));
    return out;
  }

  addNormalised(id: string, r: NormalisedRecord, source: 0 | 1 = 0): number {
    const i = this.store.add(id, r, source);
    this.blocks.add(this.store, i);
    return i;
  }

  getModel(): MatchModel {
    return this.model;
  }

  setModel(model: MatchModel): void {
    this.model = model;
    this.scorer = new Scorer(model, this.opts);
    this.blocks.disable(model.blockingOff ?? []);
  }

  /** Records a human decision: a rejected pair is never proposed again. */
  reject(a: string, b: string): void {
    this.rejected.add(pairKey(a, b));
  }

  confirm(a: string, b: string): void {
    this.confirmed.push([a, b]);
  }

  private index(id: string): number {
    const i = this.store.idIndex.get(id);
    if (i === undefined) throw new Error(`unknown record id ${id}`);
    return i;
  }

  private randomPair(random: () => number): [number, number] {
    const n = this.store.size;
    for (;;) {
      const i = Math.floor(random() * n);
      const j = Math.floor(random() * n);
      if (i === j) continue;
      if (this.linking && this.store.source.data[i] === this.store.source.data[j]) continue;
      return [i, j];
    }
  }

  private exactU(): number[] {
    return COMPARISONS.map((c) => {
      const col = this.store.column(c.field) as Column<unknown>;
      return exactAgreementU(col.counts, col.nonNull);
    });
  }

  /**
   * Learns m and u per comparison level without labels (human decisions, when given, refine them)
   * and the prior, then scores all candidate pairs once (kept for predict()).
   */
  train(opts: TrainOptions = {}): MatchModel {
    const { model, start, floor } = this.estimateParameters(opts);
    const candidates = scoreCandidates(this.store, this.blocks, new Scorer({ ...model, lambda: start }, this.opts), this.filter, floor);
    return this.finishTraining(model, start, candidates, opts);
  }

  /** As train(), with the scoring pass spread over `threads` threads (worker_threads). */
  async trainParallel(opts: TrainOptions & { threads?: number } = {}): Promise<MatchModel> {
    const { model, start, floor } = this.estimateParameters(opts);
    const threads = canRunInWorkers(this.blocks) ? (opts.threads ?? 2) : 1;
    const candidates = await scoreCandidatesParallel(
      this.store,
      this.blocks,
      { ...model, lambda: start },
      this.opts,
      this.filter,
      floor,
      threads,
      (done) => opts.onProgress?.({ phase: 'score', done, total: 0 }),
    );
    return this.finishTraining(model, start, candidates, opts);
  }

  /** Figures from the last scoring pass: candidate pairs compared and pairs kept above the floor. */
  stats = { compared: 0, kept: 0 };

  private finishTraining(model: MatchModel, start: number, candidates: ScoredCandidates, opts: TrainOptions): MatchModel {
    this.stats = { compared: candidates.compared, kept: candidates.length };
    model.lambda = estimatePrior(candidates.weight, this.totalPairs(), start);
    const steps = this.blocks.keys.length + 2;
    opts.onProgress?.({ phase: 'train', done: steps, total: steps });
    this.setModel(model);
    this.cache = { size: this.store.size, model, candidates };
    return model;
  }

  /** u from random pairs, m by EM per blocking key; the prior is left to the scoring pass. */
  private estimateParameters(opts: TrainOptions): { model: MatchModel; start: number; floor: number } {
    const n = this.store.size;
    if (n < 2) throw new Error('need at least two records to train');
    const random = seededRandom(this.opts.seed ?? 42);
    const progress = opts.onProgress;
    const steps = this.blocks.keys.length + 2;
    for (const [a, b] of opts.rejected ?? []) this.reject(a, b);
    for (const [a, b] of opts.confirmed ?? []) this.confirm(a, b);
    const levels = new Uint8Array(NUM_COMPARISONS);
    const blockingOff = this.blocks.applyPairBudget(n, opts.pairsPerRecord ?? 8);

    // u: chance agreement among random pairs (rejected pairs are known non-matches too).
    const randomCounts = emptyLevelCounts();
    const nRandom = Math.min(opts.randomPairs ?? Math.min(300_000, Math.max(20_000, 5 * n)), Math.max(this.totalPairs() * 2, 1000));
    for (let k = 0; k < nRandom; k++) {
      const [i, j] = this.randomPair(random);
      compareRecords(this.store, i, j, levels);
      addPattern(randomCounts, levels);
    }
    for (const key of this.rejected) {
      const [a, b] = key.split('\u0000');
      const i = this.store.idIndex.get(a);
      const j = this.store.idIndex.get(b);
      if (i === undefined || j === undefined) continue;
      compareRecords(this.store, i, j, levels);
      addPattern(randomCounts, levels);
    }
    const u = estimateU(randomCounts, this.exactU());
    progress?.({ phase: 'train', done: 1, total: steps });

    // m: EM per blocking key with u fixed, leaving out the comparisons the key forces to agree.
    const mInit = defaultModel().comparisons.map((c) => c.levels.map((l) => l.m));
    const expected = emptyLevelCounts();
    const sessions: MatchModel['trainedOn']['sessions'] = [];
    const budget = opts.sessionPairs ?? 200_000;
    this.blocks.keys.forEach((ki, k) => {
      if (!this.blocks.enabled[k]) return;
      const hist: PatternHistogram = new Map();
      const pairs = this.blocks.forEachPairOfKey(this.store, k, this.filter, budget, random, (i, j) => {
        compareRecords(this.store, i, j, levels);
        const code = patternCode(levels);
        hist.set(code, (hist.get(code) ?? 0) + 1);
      });
      progress?.({ phase: 'train', done: k + 2, total: steps });
      if (pairs < 10) return;
      const active = COMPARISONS.map((c) => !ki.key.involves.includes(c.name));
      const result = emFixedU(hist, u, mInit, active);
      sessions.push({ key: ki.key.name, pairs, expectedMatches: Math.round(result.expectedMatches) });
      for (let c = 0; c < NUM_COMPARISONS; c++) {
        if (!active[c]) continue;
        for (let l = 1; l < expected[c].length; l++) expected[c][l] += result.expected[c][l];
      }
    });
    for (const [a, b] of this.confirmed) {
      const i = this.store.idIndex.get(a);
      const j = this.store.idIndex.get(b);
      if (i === undefined || j === undefined) continue;
      compareRecords(this.store, i, j, levels);
      addPattern(expected, levels);
    }
    const m = normaliseM(expected, u);

    const model: MatchModel = {
      version: 1,
      comparisons: COMPARISONS.map((c, ci) => ({
        name: c.name,
        levels: c.levels.map((label, l) => ({ label, m: m[ci][l], u: u[ci][l] })),
      })),
      lambda: 0.5,
      threshold: this.opts.threshold ?? this.model.threshold,
      trainedOn: { records: n, sessions },
      blockingOff,
    };
    // Prior: expected matches among candidate pairs over all possible pairs, from a starting guess
    // of about one match per record; pairs far below the threshold at that guess are not kept.
    const total = this.totalPairs();
    const start = Math.min(0.5, Math.max(this.store.sourceCounts[0], this.store.sourceCounts[1], 1) / total);
    const floor = new Scorer({ ...model, lambda: start }, this.opts).minWeight - FLOOR_MARGIN;
    return { model, start, floor };
  }

  /** Candidate pairs with weights above the floor for the current model (cached after train()). */
  private candidates(onProgress?: ProgressFn): ScoredCandidates {
    if (this.cache && this.cache.size === this.store.size && this.cache.model === this.model) {
      return this.cache.candidates;
    }
    const floor = this.scorer.minWeight - FLOOR_MARGIN;
    const candidates = scoreCandidates(this.store, this.blocks, this.scorer, this.filter, floor, 0, 1, (done) =>
      onProgress?.({ phase: 'score', done, total: 0 }),
    );
    this.cache = { size: this.store.size, model: this.model, candidates };
    return candidates;
  }

  /** Scored pairs at or above the threshold: duplicates within one source, or links across two. */
  predict(opts: PredictOptions = {}): ScoredPair[] {
    return this.pairsFrom(this.candidates(opts.onProgress), opts);
  }

  /** Scores pre-computed candidates (from this thread or from workers) into output pairs. */
  pairsFrom(c: ScoredCandidates, opts: PredictOptions = {}): ScoredPair[] {
    const threshold = opts.threshold ?? this.model.threshold;
    const minWeight = log2Odds(threshold) - this.scorer.priorWeight;
    const out: ScoredPair[] = [];
    const ids = this.store.ids;
    for (let k = 0; k < c.length; k++) {
      const w = c.weight[k];
      if (w < minWeight) continue;
      const left = ids[c.left[k]];
      const right = ids[c.right[k]];
      if (this.rejected.size && this.rejected.has(pairKey(left, right))) continue;
      const pair: ScoredPair = { left, right, weight: w, probability: this.scorer.probability(w) };
      if (opts.explain) pair.explanation = this.explainIndices(c.left[k], c.right[k]);
      out.push(pair);
    }
    return out;
  }

  dedupe(opts: PredictOptions = {}): ScoredPair[] {
    if (this.linking) throw new Error('records from two sources are indexed: use link()');
    return this.predict(opts);
  }

  link(opts: PredictOptions = {}): ScoredPair[] {
    if (!this.linking) throw new Error('link() needs records from two sources (add(records, 1))');
    return this.predict(opts);
  }

  /**
   * Resolves one new record against everything indexed: blocks it, compares it with its candidates
   * only, and returns the links at or above the threshold with explanations. The record stays in
   * the index (so later records can match it) unless `add` is false.
   */
  resolveOne(record: PersonRecord, opts: { add?: boolean; threshold?: number; source?: 0 | 1 } = {}): ResolveResult {
    const i = this.addNormalised(record.id, this.normalise(record), opts.source ?? 0);
    const threshold = opts.threshold ?? this.model.threshold;
    const minWeight = log2Odds(threshold) - this.scorer.priorWeight;
    const candidates = this.blocks.candidatesFor(this.store, i, this.filter);
    const levels = new Uint8Array(NUM_COMPARISONS);
    const matches: ScoredPair[] = [];
    for (const j of candidates) {
      const [a, b] = j < i ? [j, i] : [i, j];
      const w = this.scorer.score(this.store, a, b, levels);
      if (w < minWeight || this.scorer.veto(this.store, a, b, levels)) continue;
      const left = this.store.ids[a];
      const right = this.store.ids[b];
      if (this.rejected.has(pairKey(left, right))) continue;
      matches.push({ left, right, weight: w, probability: this.scorer.probability(w), explanation: this.explainIndices(a, b) });
    }
    matches.sort((x, y) => y.weight - x.weight);
    if (opts.add === false) {
      this.blocks.removeLast(this.store);
      this.store.removeLast();
    }
    return { index: i, matches, candidates: candidates.length };
  }

  private explainIndices(i: number, j: number): Explanation {
    const levels = new Uint8Array(NUM_COMPARISONS);
    const swapped = compareRecords(this.store, i, j, levels);
    return this.scorer.explain(this.store, i, j, levels, swapped);
  }

  /** Why two indexed records would or would not be linked. */
  explain(leftId: string, rightId: string): Explanation {
    const i = this.index(leftId);
    const j = this.index(rightId);
    return i < j ? this.explainIndices(i, j) : this.explainIndices(j, i);
  }

  /**
   * Entities: connected components of the links at or above the threshold, strongest first, with
   * confirmed pairs always joined and these never in one entity: rejected pairs, vetoed pairs
   * (household guard, conflicting unique identifiers) and scored pairs whose probability is below
   * `cannotLinkBelow` (default 0.01): so a record with no date of birth cannot chain two namesakes
   * with different dates of birth into one person. `pairs` defaults to the last scoring pass.
   * Returns record id -> cluster representative (the cluster's first record id).
   */
  cluster(opts: { pairs?: readonly ScoredPair[]; threshold?: number; cannotLinkBelow?: number } = {}): Map<string, string> {
    const idx = (id: string) => this.store.idIndex.get(id);
    const threshold = opts.threshold ?? this.model.threshold;
    const cannotBelow = opts.cannotLinkBelow ?? 0.01;
    const edges: { a: number; b: number; probability: number }[] = [];
    const cannotLink: [number, number][] = [];
    const c = this.candidates();
    for (let k = 0; k < c.length; k++) {
      const p = this.scorer.probability(c.weight[k]);
      if (p < cannotBelow) cannotLink.push([c.left[k], c.right[k]]);
      else if (!opts.pairs && p >= threshold) edges.push({ a: c.left[k], b: c.right[k], probability: p });
    }
    for (const p of opts.pairs ?? []) edges.push({ a: this.index(p.left), b: this.index(p.right), probability: p.probability });
    const mustLink: [number, number][] = [];
    for (const [a, b] of this.confirmed) {
      const i = idx(a);
      const j = idx(b);
      if (i !== undefined && j !== undefined) mustLink.push([i, j]);
    }
    for (const key of this.rejected) {
      const [a, b] = key.split('\u0000');
      const i = idx(a);
      const j = idx(b);
      if (i !== undefined && j !== undefined) cannotLink.push([i, j]);
    }
    const labels = clusterPairs(this.store.size, edges, { threshold, mustLink, cannotLink });
    const out = new Map<string, string>();
    for (let i = 0; i < labels.length; i++) out.set(this.store.ids[i], this.store.ids[labels[i]]);
    return out;
  }
}
