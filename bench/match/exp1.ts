import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
import { clusterPairs, countTruePairs, quality } from './metrics.js';
for (const name of ['dataset1.csv', 'dataset2.csv', 'dataset3.csv']) {
  const t0 = performance.now();
  const { records, entityOf } = await loadFebrl(name);
  const t1 = performance.now();
  const r = new Resolver({ householdGuard: process.env.HG !== '0' });
  r.add(records);
  const model = r.train();
  const pairs = r.dedupe();
  const t2 = performance.now();
  const truth = countTruePairs(entityOf);
  const q = quality(pairs, entityOf, truth);
  const cl = r.cluster();
  const qc = quality(clusterPairs(cl), entityOf, truth);
  console.log(name, 'load', (t1 - t0).toFixed(0), 'ms; match', (t2 - t1).toFixed(0), 'ms', 'lambda', model.lambda.toExponential(2));
  console.log(' pairs', JSON.stringify(q));
  console.log(' clust', JSON.stringify(qc));
  if (process.env.V) for (const c of model.comparisons) console.log('  ', c.name, c.levels.slice(1).map((l) => `${l.label}:${Math.log2(l.m / l.u).toFixed(1)}(m=${l.m.toFixed(3)})`).join(' '));
  if (process.env.V) console.log(model.trainedOn.sessions);
}
