import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
const { records } = await loadFebrl('dataset3.csv');
for (let rep = 0; rep < 30; rep++) {
  const r = new Resolver();
  r.add(records);
}
