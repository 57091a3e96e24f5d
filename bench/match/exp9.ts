import { Resolver } from '../../src/entities/matching/engine.js';
import { generateSynthetic } from './synthetic.js';
const n = Number(process.argv[2] ?? 20000);
const { records, entityOf } = generateSynthetic(n);
const r = new Resolver();
r.add(records);
r.train();
const pairs = r.dedupe();
const got = new Set(pairs.map((p) => [p.left, p.right].sort().join('|')));
const byEnt = new Map<string, string[]>();
for (const rec of records) { const e = entityOf.get(rec.id)!; (byEnt.get(e) ?? byEnt.set(e, []).get(e)!).push(rec.id); }
const byId = new Map(records.map((x) => [x.id, x]));
const reasons = new Map<string, number>();
let shown = 0;
for (const [, ids] of byEnt) for (let a = 0; a < ids.length; a++) for (let b = 0; b < a; b++) {
  if (got.has([ids[a], ids[b]].sort().join('|'))) continue;
  const ex = r.explain(ids[a], ids[b]);
  const why = ex.veto ? 'veto' : ex.probability >= 0.5 ? 'blocking' : 'weight';
  reasons.set(why, (reasons.get(why) ?? 0) + 1);
  if (shown++ < Number(process.env.SHOW ?? 8) && (!process.env.WHY || process.env.WHY === why)) {
    console.log(why, ids[a], ids[b], 'w', ex.matchWeight.toFixed(1), 'p', ex.probability.toFixed(3));
    console.log('   ', JSON.stringify(byId.get(ids[a])));
    console.log('   ', JSON.stringify(byId.get(ids[b])));
    console.log('     ', ex.comparisons.filter((c) => c.level).map((c) => `${c.comparison}:${c.label}:${(c.weight + c.tfAdjustment).toFixed(1)}`).join(' '));
  }
}
console.log(reasons, 'prior', r.getModel().lambda, 'minWeight', Math.log2((1 - r.getModel().lambda) / r.getModel().lambda));
