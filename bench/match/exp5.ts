import { Resolver } from '../../src/entities/matching/engine.js';
import { normaliseRecord } from '../../src/entities/matching/record.js';
import { loadFebrl } from './febrl.js';
const { records } = await loadFebrl('dataset3.csv');
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  const norm = records.map((r) => normaliseRecord(r));
  console.log('normalise', performance.now() - t); t = performance.now();
  const r = new Resolver();
  records.forEach((rec, k) => r.addNormalised(rec.id, norm[k]));
  console.log('index', performance.now() - t);
}
