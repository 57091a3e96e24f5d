import { Resolver } from '../../src/entities/matching/engine.js';
import { generateTranslit } from './translit.js';
import { clusterPairs, countTruePairs, quality } from './metrics.js';
import { pgTrgmBaseline, nameDobAddress, nameDob } from './pg-trgm.js';
const { records, entityOf } = generateTranslit(Number(process.argv[2] ?? 2500));
console.log('records', records.length);
const t = performance.now();
const r = new Resolver();
r.add(records);
const model = r.train();
const pairs = r.dedupe();
console.log('seconds', ((performance.now() - t) / 1000).toFixed(2));
const truth = countTruePairs(entityOf);
console.log('pairs', JSON.stringify(quality(pairs, entityOf, truth)));
console.log('clust', JSON.stringify(quality(clusterPairs(r.cluster()), entityOf, truth)));
if (process.env.V) for (const c of model.comparisons) console.log('  ', c.name, c.levels.slice(1).map((l) => `${l.label}:${Math.log2(l.m / l.u).toFixed(1)}`).join(' '));
if (process.env.PG) {
  for (const [n, text] of [['nameDob', nameDob], ['nameDobAddress', nameDobAddress]] as const) console.log(n, JSON.stringify(await pgTrgmBaseline(records, null, entityOf, { text, floor: 0.3 })));
}
