/**
 * Scoring all candidate pairs on several cores: the main thread scores one share of the blocks
 * while worker threads, each rebuilding the store from a snapshot, score the others.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type BlockIndex, DEFAULT_BLOCKING_KEYS, type KeySnapshot, type PairFilter } from './blocking.js';
import { concatCandidates, type ScoredCandidates, scoreCandidates } from './candidates.js';
import type { MatchModel } from './model.js';
import { Scorer, type ScorerOptions } from './scorer.js';
import type { RecordStore, StoreSnapshot } from './store.js';

export interface ScoreTask {
  store: StoreSnapshot;
  blocks: KeySnapshot[];
  keyNames: string[];
  enabled: boolean[];
  maxBlockSize: number;
  model: MatchModel;
  scorerOptions: ScorerOptions;
  filter: PairFilter;
  floor: number;
  part: number;
  parts: number;
}

/** True when every key is a built-in one a worker can look up by name. */
export function canRunInWorkers(blocks: BlockIndex): boolean {
  return blocks.keys.every((k) => DEFAULT_BLOCKING_KEYS.includes(k.key));
}

/**
 * Starts a score worker. From compiled JavaScript the worker file runs as it is; from TypeScript
 * sources (tsx) a worker does not inherit the loader, so a small bootstrap registers tsx's ESM
 * hooks in the worker first and then imports the TypeScript worker module.
 */
function startWorker(task: ScoreTask): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const url = new URL(`./score-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { workerData: task });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: task });
}

export async function scoreCandidatesParallel(
  store: RecordStore,
  blocks: BlockIndex,
  model: MatchModel,
  scorerOptions: ScorerOptions,
  filter: PairFilter,
  floor: number,
  threads: number,
  onCompared?: (compared: number) => void,
): Promise<ScoredCandidates> {
  const scorer = new Scorer(model, scorerOptions);
  if (threads <= 1) return scoreCandidates(store, blocks, scorer, filter, floor, 0, 1, onCompared);
  const storeSnap = store.snapshot();
  const blockSnap = blocks.snapshot();
  const counts = new Array<number>(threads).fill(0);
  const report = () => onCompared?.(counts.reduce((a, b) => a + b, 0));
  const jobs: Promise<ScoredCandidates>[] = [];
  for (let part = 1; part < threads; part++) {
    const task: ScoreTask = {
      store: storeSnap,
      blocks: blockSnap,
      keyNames: blocks.keys.map((k) => k.key.name),
      enabled: [...blocks.enabled],
      maxBlockSize: blocks.maxBlockSize,
      model,
      scorerOptions: { strictIdentifierTypes: scorerOptions.strictIdentifierTypes, householdGuard: scorerOptions.householdGuard },
      filter,
      floor,
      part,
      parts: threads,
    };
    jobs.push(
      new Promise<ScoredCandidates>((resolve, reject) => {
        const worker = startWorker(task);
        worker.on('message', (msg: { type: string; compared?: number; result?: ScoredCandidates }) => {
          if (msg.type === 'progress') {
            counts[part] = msg.compared!;
            report();
          } else if (msg.type === 'result') {
            resolve(msg.result!);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`score worker exited with code ${code}`));
        });
      }),
    );
  }
  // Give the workers a moment to start before the main thread blocks on its own share.
  await new Promise((r) => setTimeout(r, 0));
  const mine = scoreCandidates(store, blocks, scorer, filter, floor, 0, threads, (c) => {
    counts[0] = c;
    report();
  });
  const others = await Promise.all(jobs);
  return concatCandidates([mine, ...others]);
}
