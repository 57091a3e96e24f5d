/**
 * `fusion match`: deduplicate one CSV of person records, or link two, and write the pairs at or
 * above the threshold as `left_id,right_id,probability`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { parseColumnMap, readPersonCsv } from './csv-input.js';
import { Resolver } from './engine.js';
import type { ProgressFn, ScoredPair } from './types.js';

export interface RunMatchOptions {
  inputs: string[];
  /** Column holding each record's id. */
  id: string;
  out: string;
  /** "given_name=first,surname=last,..." */
  map?: string;
  threshold?: number;
  /** Threads for the scoring pass (default: 2 for large inputs, 1 for small ones). */
  threads?: number;
  onProgress?: ProgressFn;
}

export interface RunMatchResult {
  pairs: number;
  records: number;
  seconds: number;
}

/** Inputs above this size are scored in worker threads. */
const PARALLEL_FROM = 50_000;

export async function runMatch(opts: RunMatchOptions): Promise<RunMatchResult> {
  const started = performance.now();
  if (opts.inputs.length < 1 || opts.inputs.length > 2) throw new Error('match takes one input (deduplicate) or two (link)');
  const map = parseColumnMap(opts.map);
  const progress = opts.onProgress;
  const files = [];
  for (let f = 0; f < opts.inputs.length; f++) {
    progress?.({ phase: 'read', done: f, total: opts.inputs.length });
    files.push(await readPersonCsv(opts.inputs[f], opts.id, map));
  }
  progress?.({ phase: 'read', done: files.length, total: files.length });
  const linking = files.length === 2;
  const resolver = new Resolver({ threshold: opts.threshold });
  const total = files.reduce((n, f) => n + f.length, 0);
  // Ids are unique within a file; in a linkage the two files may reuse them, so prefix internally.
  let done = 0;
  files.forEach((records, f) => {
    const seen = new Set<string>();
    for (const r of records) {
      if (seen.has(r.id)) throw new Error(`duplicate id "${r.id}" in ${opts.inputs[f]}`);
      seen.add(r.id);
      resolver.add([{ ...r, id: linking ? `${f}:${r.id}` : r.id }], f as 0 | 1);
      if (++done % 10_000 === 0) progress?.({ phase: 'index', done, total });
    }
  });
  progress?.({ phase: 'index', done: total, total });
  const threads = opts.threads ?? (total >= PARALLEL_FROM ? 2 : 1);
  if (threads > 1) await resolver.trainParallel({ onProgress: progress, threads });
  else resolver.train({ onProgress: progress });
  const pairs: ScoredPair[] = resolver.predict({ onProgress: progress });

  const strip = (id: string) => (linking ? id.slice(id.indexOf(':') + 1) : id);
  const file = createWriteStream(opts.out);
  const csv = stringify({ header: true, columns: ['left_id', 'right_id', 'probability'] });
  csv.pipe(file);
  let written = 0;
  for (const p of pairs) {
    let [left, right] = [p.left, p.right];
    // In a linkage, left is always the record from the first file.
    if (linking && left.startsWith('1:')) [left, right] = [right, left];
    if (!csv.write([strip(left), strip(right), p.probability.toFixed(6)])) await once(csv, 'drain');
    if (++written % 100_000 === 0) progress?.({ phase: 'write', done: written, total: pairs.length });
  }
  csv.end();
  await once(file, 'finish');
  progress?.({ phase: 'write', done: pairs.length, total: pairs.length });
  return { pairs: pairs.length, records: total, seconds: (performance.now() - started) / 1000 };
}
