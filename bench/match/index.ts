/**
 * Entity-resolution benchmarks: quality (precision, recall, F1) and time on FEBRL datasets 1-3
 * (deduplication, and two-file linkage of originals against duplicates) and on a generated set of
 * names written several ways, each beside a PostgreSQL pg_trgm similarity join on the same data
 * in the same process; and a scale benchmark on synthetic records with known truth.
 *
 * The F1 reported as `value` is pairwise, on the pairs the matcher outputs (what `fusion match`
 * writes). `clusterF1` is the F1 of the pairs implied by clustering those links into entities.
 */
import { generateSynthetic } from './synthetic.js';
import { Resolver } from '../../src/entities/matching/engine.js';
import type { PersonRecord, ScoredPair } from '../../src/entities/matching/types.js';
import { febrlAvailable, febrlEntity, febrlPath, loadFebrl } from './febrl.js';
import { clusterPairs, countTruePairs, type Quality, quality } from './metrics.js';
import { type BaselineResult, nameDobAddress, pgTrgmBaseline } from './pg-trgm.js';
import { generateTranslit } from './translit.js';
import { readPersonCsv } from '../../src/entities/matching/csv-input.js';

export interface BenchLine {
  bench: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  [k: string]: unknown;
}

export type Print = (line: BenchLine) => void;

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

interface OurResult {
  pairs: Quality;
  cluster: Quality;
  seconds: number;
}

/** Index, train (unsupervised) and predict; time covers all three, from records in memory. */
function runOurs(left: readonly PersonRecord[], right: readonly PersonRecord[] | null, entityOf: ReadonlyMap<string, string>): OurResult {
  const started = performance.now();
  const resolver = new Resolver();
  resolver.add(left, 0);
  if (right) resolver.add(right, 1);
  resolver.train();
  const pairs: ScoredPair[] = right ? resolver.link() : resolver.dedupe();
  const seconds = (performance.now() - started) / 1000;
  let sideOf: Map<string, 0 | 1> | undefined;
  const relevant = new Map<string, string>();
  for (const r of left) relevant.set(r.id, entityOf.get(r.id)!);
  if (right) {
    sideOf = new Map();
    for (const r of left) sideOf.set(r.id, 0);
    for (const r of right) {
      sideOf.set(r.id, 1);
      relevant.set(r.id, entityOf.get(r.id)!);
    }
  }
  const truth = countTruePairs(relevant, sideOf);
  const clusters = resolver.cluster();
  return { pairs: quality(pairs, relevant, truth), cluster: quality(clusterPairs(clusters, sideOf), relevant, truth), seconds };
}

function printPair(print: Print, name: string, ours: OurResult, base: BaselineResult | null, extra: Record<string, unknown> = {}): void {
  const q = ours.pairs;
  print({
    bench: `match.${name}`,
    value: round(q.f1),
    baseline: base ? round(base.f1) : null,
    ratio: base && base.f1 > 0 ? round(q.f1 / base.f1) : null,
    unit: 'f1',
    precision: round(q.precision),
    recall: round(q.recall),
    falsePositives: q.falsePositives,
    falseNegatives: q.falseNegatives,
    clusterF1: round(ours.cluster.f1),
    seconds: round(ours.seconds, 3),
    baselinePrecision: base ? round(base.precision) : null,
    baselineRecall: base ? round(base.recall) : null,
    baselineThreshold: base ? round(base.threshold, 3) : null,
    baselineSeconds: base ? round(base.seconds, 3) : null,
    ...extra,
  });
  const speedName = name.replace(/\.(dedup|link)$/, '') + (name.endsWith('.link') ? '.link.speed' : '.speed');
  print({
    bench: `match.${speedName}`,
    value: round(ours.seconds, 3),
    baseline: base ? round(base.seconds, 3) : null,
    ratio: base ? round(base.seconds / ours.seconds, 2) : null,
    unit: 'x faster',
    note: 'value and baseline are seconds; ratio = baseline / ours',
  });
}

async function baseline(left: readonly PersonRecord[], right: readonly PersonRecord[] | null, entityOf: ReadonlyMap<string, string>): Promise<BaselineResult | null> {
  try {
    return await pgTrgmBaseline(left, right, entityOf, { text: nameDobAddress, floor: 0.3 });
  } catch (err) {
    console.error(`pg_trgm baseline unavailable: ${(err as Error).message}`);
    return null;
  }
}

async function warmUp(): Promise<void> {
  // The first run in a process pays for JIT compilation; one small run keeps that out of the timings.
  const { records, entityOf } = generateTranslit(200, 99);
  runOurs(records, null, entityOf);
}

export async function benchMatch(print: Print, opts: { quick?: boolean } = {}): Promise<void> {
  await warmUp();
  const datasets = opts.quick ? ['dataset3.csv'] : ['dataset1.csv', 'dataset2.csv', 'dataset3.csv'];
  for (const file of datasets) {
    if (!febrlAvailable(file)) {
      console.error(`FEBRL ${file} not found at ${febrlPath(file)}: skipped`);
      continue;
    }
    const n = file.match(/\d/)![0];
    const { records, entityOf } = await loadFebrl(file);
    const ours = runOurs(records, null, entityOf);
    printPair(print, `febrl${n}.dedup`, ours, await baseline(records, null, entityOf), { records: records.length });
  }

  // Two-file linkage. FEBRL4 (dataset4a/4b, 5,000 originals against 5,000 duplicates) is run when
  // present; it is not in the shared data, so linkage is also measured by splitting FEBRL 1-3.
  const febrl4 = febrlAvailable('dataset4a.csv') && febrlAvailable('dataset4b.csv');
  if (febrl4) {
    const a = await readPersonCsv(febrlPath('dataset4a.csv'), 'rec_id');
    const b = await readPersonCsv(febrlPath('dataset4b.csv'), 'rec_id');
    const entityOf = new Map([...a, ...b].map((r) => [r.id, febrlEntity(r.id)]));
    printPair(print, 'febrl4.link', runOurs(a, b, entityOf), await baseline(a, b, entityOf), { left: a.length, right: b.length });
  }
  const note = febrl4
    ? 'originals (rec-*-org) against duplicates of the same FEBRL file'
    : 'FEBRL4 is not present in the shared data: linkage measured on a FEBRL file split into originals (rec-*-org) vs duplicates';
  for (const file of opts.quick ? ['dataset3.csv'] : ['dataset1.csv', 'dataset2.csv', 'dataset3.csv']) {
    if (!febrlAvailable(file)) continue;
    const n = file.match(/\d/)![0];
    const { records, entityOf } = await loadFebrl(file);
    const left = records.filter((r) => r.id.endsWith('-org'));
    const right = records.filter((r) => !r.id.endsWith('-org'));
    printPair(print, `febrl${n}.link`, runOurs(left, right, entityOf), await baseline(left, right, entityOf), {
      left: left.length,
      right: right.length,
      note,
    });
  }

  const { records, entityOf } = generateTranslit(opts.quick ? 1000 : 2500);
  printPair(print, 'translit.dedup', runOurs(records, null, entityOf), await baseline(records, null, entityOf), {
    records: records.length,
    note: 'generated (bench/match/translit.ts): Albanian, Vietnamese, Arabic and Tigrinya names written several ways',
  });
}

export interface ScaleOptions {
  records: number;
  /** Threads for the scoring pass (default 2). */
  threads?: number;
  /** New records resolved one at a time against the index afterwards (default 1,000). */
  incremental?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Deduplicates `records` synthetic people (known truth) and reports time, peak memory and F1;
 * then resolves `incremental` further records one at a time against the index and reports the
 * latency percentiles. Timing starts from records in memory (generation excluded).
 */
export async function benchMatchScale(print: Print, opts: ScaleOptions): Promise<void> {
  const n = opts.records;
  const extra = opts.incremental ?? 1000;
  const { records, entityOf } = generateSynthetic(n + extra);
  const batch = records.slice(0, n);
  const later = records.slice(n);
  records.length = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const resolver = new Resolver();
  resolver.add(batch);
  const indexed = performance.now();
  await resolver.trainParallel({ threads: opts.threads ?? 2 });
  const pairs = resolver.dedupe();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const relevant = new Map(batch.map((r) => [r.id, entityOf.get(r.id)!]));
  const truth = countTruePairs(relevant);
  const q = quality(pairs, relevant, truth);
  const clusterQ = quality(clusterPairs(resolver.cluster()), relevant, truth);
  const tag = `match.scale.${n}`;
  print({
    bench: `${tag}.time`,
    value: round(seconds, 1),
    baseline: null,
    ratio: null,
    unit: 's',
    target: 600,
    indexSeconds: round((indexed - started) / 1000, 1),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 1),
    threads: opts.threads ?? 2,
    candidatePairs: resolver.stats.compared,
  });
  print({ bench: `${tag}.peak_rss`, value: Math.round(peakMiB), baseline: null, ratio: null, unit: 'MiB', target: 4096, note: 'includes the generated input records' });
  print({
    bench: `${tag}.f1`,
    value: round(q.f1),
    baseline: null,
    ratio: null,
    unit: 'f1',
    precision: round(q.precision),
    recall: round(q.recall),
    clusterF1: round(clusterQ.f1),
    truePairs: truth,
  });

  // Incremental: each new record is blocked, compared with its candidates and added to the index.
  const latencies: number[] = [];
  let tp = 0;
  let fp = 0;
  for (const r of later) {
    const t = performance.now();
    const result = resolver.resolveOne(r);
    latencies.push(performance.now() - t);
    for (const m of result.matches) {
      const other = m.left === r.id ? m.right : m.left;
      if (entityOf.get(other) === entityOf.get(r.id)) tp++;
      else fp++;
    }
  }
  latencies.sort((a, b) => a - b);
  print({
    bench: `${tag}.incremental_p95`,
    value: round(percentile(latencies, 95), 2),
    baseline: null,
    ratio: null,
    unit: 'ms',
    target: 50,
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    resolved: later.length,
    linkPrecision: tp + fp ? round(tp / (tp + fp)) : null,
  });
}
