import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
const name = process.argv[2] ?? 'dataset3.csv';
const { records, entityOf } = await loadFebrl(name);
const r = new Resolver();
r.add(records);
r.train();
const pairs = r.dedupe();
const got = new Set(pairs.map((p) => [p.left, p.right].sort().join('|')));
const byEnt = new Map<string, string[]>();
for (const rec of records) { const e = entityOf.get(rec.id)!; (byEnt.get(e) ?? byEnt.set(e, []).get(e)!).push(rec.id); }
const reasons = new Map<string, number>();
for (const [, ids] of byEnt) for (let a = 0; a < ids.length; a++) for (let b = 0; b < a; b++) {
  if (got.has([ids[a], ids[b]].sort().join('|'))) continue;
  const ex = r.explain(ids[a], ids[b]);
  const why = ex.veto ? 'veto' : ex.probability >= 0.5 ? 'blocking' : 'weight';
  reasons.set(why, (reasons.get(why) ?? 0) + 1);
}
console.log(name, reasons);
