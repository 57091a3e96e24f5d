import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPersonCsv } from './csv-input.js';
import { emFixedU, estimatePrior, estimateU, normaliseM } from './em.js';
import { Resolver, seededRandom } from './engine.js';
import { NUM_COMPARISONS, patternCode, RADIX } from './model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const febrl = (file: string) => path.join(process.env.FUSION_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), 'data', 'febrl', file);

describe('EM with u fixed', () => {
  it('recovers m and the match share from comparison vectors drawn from known parameters', () => {
    // Two active comparisons (given name: 6 levels, date of birth: 6 levels); the rest missing.
    const mTrue = [
      [0, 0.05, 0.05, 0.1, 0.1, 0.7],
      [0, 0.04, 0.01, 0.02, 0.13, 0.8],
    ];
    const uTrue = [
      [0, 0.9, 0.06, 0.02, 0.01, 0.01],
      [0, 0.95, 0.02, 0.01, 0.01, 0.01],
    ];
    const random = seededRandom(3);
    const draw = (p: number[]) => {
      let x = random();
      for (let l = 1; l < p.length; l++) {
        x -= p[l];
        if (x <= 0) return l;
      }
      return p.length - 1;
    };
    const hist = new Map<number, number>();
    const levels = new Uint8Array(NUM_COMPARISONS);
    for (let k = 0; k < 40_000; k++) {
      const match = random() < 0.3;
      levels.fill(0);
      levels[0] = draw(match ? mTrue[0] : uTrue[0]);
      levels[2] = draw(match ? mTrue[1] : uTrue[1]);
      const code = patternCode(levels);
      hist.set(code, (hist.get(code) ?? 0) + 1);
    }
    const u = RADIX.map((n) => new Array<number>(n).fill(1 / n));
    u[0] = [1, ...uTrue[0].slice(1)];
    u[2] = [1, ...uTrue[1].slice(1)];
    const mInit = RADIX.map((n) => new Array<number>(n).fill(1 / n));
    const active = RADIX.map((_, c) => c === 0 || c === 2);
    const result = emFixedU(hist, u, mInit, active);
    expect(result.lambda).toBeCloseTo(0.3, 1);
    for (let l = 1; l < 6; l++) {
      expect(Math.abs(result.m[0][l] - mTrue[0][l])).toBeLessThan(0.03);
      expect(Math.abs(result.m[2][l] - mTrue[1][l])).toBeLessThan(0.03);
    }
  });

  it('smooths u and m so unseen levels carry about no weight', () => {
    const counts = RADIX.map((n) => new Array<number>(n).fill(0));
    counts[0][1] = 1000;
    const u = estimateU(counts, RADIX.map(() => 0.001));
    expect(u[0][5]).toBe(0.001);
    expect(u[0][1]).toBeGreaterThan(0.99);
    const m = normaliseM(RADIX.map((n) => new Array<number>(n).fill(0)), u);
    expect(Math.abs(Math.log2(m[0][3] / u[0][3]))).toBeLessThan(1e-9);
  });

  it('finds the prior as the expected matches over all pairs', () => {
    // 100 candidate pairs with overwhelming evidence among 1e6 possible pairs.
    const weights = new Float32Array(100).fill(60);
    expect(estimatePrior(weights, 1e6, 1e-3)).toBeCloseTo(1e-4, 6);
  });
});

describe('unsupervised training on a labelled FEBRL slice', () => {
  it('learns weights that put true matches above the threshold and non-matches below', async () => {
    const records = (await readPersonCsv(febrl('dataset1.csv'), 'rec_id')).slice(0, 600);
    const entity = (id: string) => id.split('-')[1];
    const resolver = new Resolver();
    resolver.add(records);
    const model = resolver.train();

    // Agreement is evidence for a match, disagreement against, for the main comparisons.
    for (const c of model.comparisons.filter((x) => ['given_name', 'surname', 'date_of_birth', 'identifiers'].includes(x.name))) {
      const exact = c.levels[c.levels.length - 1];
      expect(exact.m / exact.u, c.name).toBeGreaterThan(50);
      expect(c.levels[1].m / c.levels[1].u, c.name).toBeLessThan(0.2);
    }

    const byEntity = new Map<string, string[]>();
    for (const r of records) byEntity.set(entity(r.id), [...(byEntity.get(entity(r.id)) ?? []), r.id]);
    const truePairs = [...byEntity.values()].filter((g) => g.length === 2);
    const linked = truePairs.filter(([a, b]) => resolver.explain(a, b).probability >= 0.5).length;
    expect(linked / truePairs.length).toBeGreaterThan(0.98);

    const random = seededRandom(5);
    let wrong = 0;
    for (let k = 0; k < 2000; k++) {
      const a = records[Math.floor(random() * records.length)];
      const b = records[Math.floor(random() * records.length)];
      if (entity(a.id) === entity(b.id)) continue;
      if (resolver.explain(a.id, b.id).probability >= 0.5) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
