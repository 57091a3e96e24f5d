/** Worker thread: rebuilds the store and block index from a snapshot and scores its share of blocks. */
import { parentPort, workerData } from 'node:worker_threads';
import { BlockIndex, DEFAULT_BLOCKING_KEYS } from './blocking.js';
import { scoreCandidates } from './candidates.js';
import type { ScoreTask } from './parallel.js';
import { Scorer } from './scorer.js';
import { RecordStore } from './store.js';

const task = workerData as ScoreTask;
const store = RecordStore.fromSnapshot(task.store);
const keys = task.keyNames.map((name) => {
  const key = DEFAULT_BLOCKING_KEYS.find((k) => k.name === name);
  if (!key) throw new Error(`unknown blocking key ${name}`);
  return key;
});
const blocks = BlockIndex.fromSnapshot(keys, task.maxBlockSize, task.blocks, task.enabled);
const scorer = new Scorer(task.model, task.scorerOptions);
const result = scoreCandidates(store, blocks, scorer, task.filter, task.floor, task.part, task.parts, (compared) =>
  parentPort!.postMessage({ type: 'progress', compared }),
);
parentPort!.postMessage({ type: 'result', result }, [result.left.buffer, result.right.buffer, result.weight.buffer] as ArrayBuffer[]);
