import { describe, expect, it } from 'vitest';
import { BlockIndex, type BlockingKey } from './blocking.js';
import { normaliseRecord } from './record.js';
import { RecordStore } from './store.js';
import { seededRandom } from './engine.js';

const GIVEN = ['ann', 'bob', 'cat', 'dan', 'eve'];
const SURNAME = ['lee', 'moss', 'nash', 'ode'];

function build(n: number, keys?: readonly BlockingKey[], maxBlockSize = 1000) {
  const random = seededRandom(9);
  const store = new RecordStore();
  const blocks = new BlockIndex(keys, maxBlockSize);
  for (let i = 0; i < n; i++) {
    const r = normaliseRecord({
      id: `r${i}`,
      given_name: GIVEN[Math.floor(random() * GIVEN.length)],
      surname: SURNAME[Math.floor(random() * SURNAME.length)],
      date_of_birth: `19${50 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`,
      postcode: `M${1 + Math.floor(random() * 3)} 1AE`,
      address: `${1 + Math.floor(random() * 4)} Mill Lane`,
    });
    store.add(`r${i}`, r);
    blocks.add(store, i);
  }
  return { store, blocks };
}

/** Brute force: pairs sharing any value of any key in a block of usable size. */
function expectedPairs(store: RecordStore, keys: readonly BlockingKey[], max: number): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < store.size; i++) {
      const v = key.key(store, i);
      for (const x of v === null ? [] : typeof v === 'string' ? [v] : new Set(v)) blocks.set(x, [...(blocks.get(x) ?? []), i]);
    }
    for (const members of blocks.values()) {
      if (members.length > max) continue;
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) out.add(`${members[a]}|${members[b]}`);
    }
  }
  return out;
}

describe('BlockIndex', () => {
  it('generates every candidate pair exactly once, skipping oversized blocks', () => {
    for (const max of [1000, 12]) {
      const { store, blocks } = build(300, undefined, max);
      const seen = new Map<string, number>();
      blocks.forEachPair(store, { crossSourceOnly: false }, (i, j) => {
        const k = i < j ? `${i}|${j}` : `${j}|${i}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      });
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
      expect(new Set(seen.keys())).toEqual(expectedPairs(store, blocks.keys.map((k) => k.key), max));
    }
  });

  it('splits the work between threads without losing or repeating pairs', () => {
    const { store, blocks } = build(200);
    const all: string[] = [];
    for (let part = 0; part < 3; part++) blocks.forEachPair(store, { crossSourceOnly: false }, (i, j) => all.push(i < j ? `${i}|${j}` : `${j}|${i}`), part, 3);
    const single: string[] = [];
    blocks.forEachPair(store, { crossSourceOnly: false }, (i, j) => single.push(i < j ? `${i}|${j}` : `${j}|${i}`));
    expect(all.sort()).toEqual(single.sort());
  });

  it('gives a record the same candidates incremental resolution and batch generation would', () => {
    const { store, blocks } = build(150, undefined, 20);
    const pairs = new Set<string>();
    blocks.forEachPair(store, { crossSourceOnly: false }, (i, j) => pairs.add(i < j ? `${i}|${j}` : `${j}|${i}`));
    for (const i of [0, 17, 149]) {
      const fromBatch = [...pairs].filter((k) => k.split('|').includes(String(i))).map((k) => Number(k.split('|').find((x) => x !== String(i)))).sort((a, b) => a - b);
      expect(blocks.candidatesFor(store, i, { crossSourceOnly: false }).sort((a, b) => a - b)).toEqual(fromBatch);
    }
  });

  it('removes the last record cleanly', () => {
    const { store, blocks } = build(50);
    const sizes = () => blocks.snapshot().map((k) => [...k.size]);
    const before = sizes();
    const r = normaliseRecord({ id: 'x', given_name: 'zed', surname: 'lee', date_of_birth: '1950-01-10', postcode: 'M1 1AE', address: '1 Mill Lane' });
    store.add('x', r);
    blocks.add(store, store.size - 1);
    expect(sizes()).not.toEqual(before);
    blocks.removeLast(store);
    store.removeLast();
    // Key values first seen in the removed record stay as empty blocks.
    const after = sizes().map((k, n) => k.slice(0, before[n].length));
    expect(after).toEqual(before);
    expect(sizes().every((k, n) => k.slice(before[n].length).every((v) => v === 0))).toBe(true);
    expect(store.size).toBe(50);
    expect(store.given.index.has('zed')).toBe(false);
  });
});
