import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
import { countTruePairs, quality } from './metrics.js';
for (const name of ['dataset1.csv', 'dataset2.csv', 'dataset3.csv']) {
  const { records, entityOf } = await loadFebrl(name);
  const left = records.filter((r) => r.id.endsWith('-org'));
  const right = records.filter((r) => !r.id.endsWith('-org'));
  const t = performance.now();
  const r = new Resolver();
  r.add(left, 0);
  r.add(right, 1);
  r.train();
  const pairs = r.link();
  const secs = (performance.now() - t) / 1000;
  const sideOf = new Map<string, 0 | 1>([...left.map((x) => [x.id, 0] as const), ...right.map((x) => [x.id, 1] as const)]);
  const q = quality(pairs, entityOf, countTruePairs(entityOf, sideOf));
  console.log(name, left.length, right.length, secs.toFixed(2), JSON.stringify(q));
}
