/** Entity resolution for person records: the public surface for the rest of Fusion. */
export { Resolver, type ResolverOptions, type TrainOptions, type PredictOptions, type ResolveResult } from './engine.js';
export type { MatchModel, LevelParams } from './model.js';
export { COMPARISONS } from './model.js';
export type { PersonRecord, NormalisedRecord, ScoredPair, Explanation, ComparisonExplanation, ProgressFn } from './types.js';
export { normaliseRecord, protectedValueSet, type NormaliseOptions } from './record.js';
export * from './normalise.js';
export { describeExplanation } from './explain.js';
export { clusterPairs, clusterMembers, type Edge, type ClusterOptions } from './cluster.js';
export { assignStableIds, type StableIdOptions, type StableIdResult } from './stable-ids.js';
export { DEFAULT_BLOCKING_KEYS, type BlockingKey } from './blocking.js';
export { runMatch, type RunMatchOptions, type RunMatchResult } from './run-match.js';
export { readPersonCsv, parseColumnMap } from './csv-input.js';
