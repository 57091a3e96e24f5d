/**
 * The scoring pass over every candidate pair: comparison levels, weight, vetoes. Keeps only pairs
 * whose weight could matter (above `floor`), in typed arrays, so a million records stay small.
 * Runs on the main thread or, for a share of the blocks, in a worker (`score-worker.ts`).
 */
import type { BlockIndex, PairFilter } from './blocking.js';
import { NUM_COMPARISONS } from './model.js';
import type { Scorer } from './scorer.js';
import type { RecordStore } from './store.js';

export interface ScoredCandidates {
  left: Int32Array;
  right: Int32Array;
  /** Match weight in bits (without prior); -Infinity for a vetoed pair. */
  weight: Float32Array;
  length: number;
  /** Candidate pairs compared (before the floor). */
  compared: number;
}

class Growable {
  left = new Int32Array(4096);
  right = new Int32Array(4096);
  weight = new Float32Array(4096);
  length = 0;
  push(i: number, j: number, w: number): void {
    if (this.length === this.left.length) {
      const n = this.left.length * 2;
      const l = new Int32Array(n);
      l.set(this.left);
      this.left = l;
      const r = new Int32Array(n);
      r.set(this.right);
      this.right = r;
      const ww = new Float32Array(n);
      ww.set(this.weight);
      this.weight = ww;
    }
    this.left[this.length] = i;
    this.right[this.length] = j;
    this.weight[this.length] = w;
    this.length++;
  }
}

export function scoreCandidates(
  store: RecordStore,
  blocks: BlockIndex,
  scorer: Scorer,
  filter: PairFilter,
  floor: number,
  part = 0,
  parts = 1,
  onPairs?: (compared: number) => void,
): ScoredCandidates {
  const out = new Growable();
  const levels = new Uint8Array(NUM_COMPARISONS);
  let compared = 0;
  blocks.forEachPair(
    store,
    filter,
    (i, j) => {
      // Keep the earlier record on the left so output is independent of block order.
      const a = i < j ? i : j;
      const b = i < j ? j : i;
      const w = scorer.score(store, a, b, levels);
      compared++;
      if (onPairs && (compared & 0xfffff) === 0) onPairs(compared);
      if (w < floor) return;
      // A vetoed pair is kept with weight -Infinity: never a link, and a cannot-link when clustering.
      out.push(a, b, scorer.veto(store, a, b, levels) ? Number.NEGATIVE_INFINITY : w);
    },
    part,
    parts,
  );
  return {
    left: out.left.subarray(0, out.length),
    right: out.right.subarray(0, out.length),
    weight: out.weight.subarray(0, out.length),
    length: out.length,
    compared,
  };
}

export function concatCandidates(parts: ScoredCandidates[]): ScoredCandidates {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const left = new Int32Array(length);
  const right = new Int32Array(length);
  const weight = new Float32Array(length);
  let at = 0;
  for (const p of parts) {
    left.set(p.left.subarray(0, p.length), at);
    right.set(p.right.subarray(0, p.length), at);
    weight.set(p.weight.subarray(0, p.length), at);
    at += p.length;
  }
  return { left, right, weight, length, compared: parts.reduce((n, p) => n + p.compared, 0) };
}
