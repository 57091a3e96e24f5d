import { describe, expect, it } from 'vitest';
import { createRng, scramble32, weightedPicker } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 1000 }, () => a.next());
    const seqB = Array.from({ length: 1000 }, () => b.next());
    const seqC = Array.from({ length: 1000 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers in the inclusive range, reaching both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const n = rng.int(3, 7);
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('never picks a zero-weight item and follows the weights', () => {
    const rng = createRng(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        rng.weighted([
          ['a', 1],
          ['b', 0],
          ['c', 3],
        ] as const)
      ]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.6);
    expect(counts.c / counts.a).toBeLessThan(3.4);
  });

  it('has a weighted picker that agrees with its weights', () => {
    const pick = weightedPicker([
      ['x', 9],
      ['y', 1],
    ] as const);
    const rng = createRng(5);
    let x = 0;
    for (let i = 0; i < 10_000; i++) if (pick(rng) === 'x') x++;
    expect(x / 10_000).toBeGreaterThan(0.88);
    expect(x / 10_000).toBeLessThan(0.92);
  });

  it('gives chance(0) never and chance(1) always', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('shuffles to a permutation and samples distinct items', () => {
    const rng = createRng(11);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle(items.slice());
    expect(shuffled).not.toEqual(items);
    expect(shuffled.slice().sort((a, b) => a - b)).toEqual(items);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
  });

  it('forks streams that do not depend on draws already made from the parent', () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});

describe('scramble32', () => {
  it('maps distinct counters to distinct ids', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(scramble32(i, 0xabcdef));
    expect(seen.size).toBe(200_000);
  });
});
