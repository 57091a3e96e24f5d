import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
const name = process.argv[2] ?? 'dataset2.csv';
const { records, entityOf } = await loadFebrl(name);
const r = new Resolver();
r.add(records);
r.train();
const pairs = r.dedupe();
const got = new Set(pairs.map((p) => [p.left, p.right].sort().join('|')));
const byEnt = new Map<string, string[]>();
for (const rec of records) { const e = entityOf.get(rec.id)!; (byEnt.get(e) ?? byEnt.set(e, []).get(e)!).push(rec.id); }
const cl = r.cluster();
let shown = 0;
for (const [e, ids] of byEnt) {
  for (let a = 0; a < ids.length; a++) for (let b = 0; b < a; b++) {
    if (got.has([ids[a], ids[b]].sort().join('|'))) continue;
    const clustered = cl.get(ids[a]) === cl.get(ids[b]);
    if (process.env.ALL !== '1' && clustered) continue;
    const ex = r.explain(ids[a], ids[b]);
    console.log(ids[a], ids[b], 'clustered', clustered, 'w', ex.matchWeight.toFixed(1), 'p', ex.probability.toFixed(3), ex.veto ?? '');
    for (const c of ex.comparisons) if (c.level) console.log('   ', c.comparison, c.label, c.weight.toFixed(1), c.tfAdjustment.toFixed(1), '|', c.left, '|', c.right);
    shown++;
  }
}
console.log('prior', r.getModel().lambda);
