import { Resolver } from '../../src/entities/matching/engine.js';
import { generateTranslit } from './translit.js';
const { records, entityOf } = generateTranslit(2500);
const r = new Resolver();
r.add(records);
r.train();
const pairs = r.dedupe();
const byId = new Map(records.map((x) => [x.id, x]));
const show = (a: string, b: string, tag: string) => {
  const ex = r.explain(a, b);
  const f = (x: any) => [x.given_name, x.surname, x.full_name, x.date_of_birth, x.address, x.postcode, x.phone, x.nationality].map((v) => v ?? '-').join(' | ');
  console.log(tag, a, b, 'w', ex.matchWeight.toFixed(1), 'p', ex.probability.toFixed(3), ex.veto ?? '');
  console.log('    ', f(byId.get(a)));
  console.log('    ', f(byId.get(b)));
  console.log('      ', ex.comparisons.filter((c) => c.level).map((c) => `${c.comparison}:${c.label}:${(c.weight + c.tfAdjustment).toFixed(1)}`).join(' '));
};
let fp = 0;
for (const p of pairs) if (entityOf.get(p.left) !== entityOf.get(p.right) && fp++ < Number(process.env.FP ?? 10)) show(p.left, p.right, 'FP');
const got = new Set(pairs.map((p) => [p.left, p.right].sort().join('|')));
const byEnt = new Map<string, string[]>();
for (const rec of records) { const e = entityOf.get(rec.id)!; (byEnt.get(e) ?? byEnt.set(e, []).get(e)!).push(rec.id); }
let fn = 0;
const reasons = new Map<string, number>();
for (const [, ids] of byEnt) for (let a = 0; a < ids.length; a++) for (let b = 0; b < a; b++) {
  if (got.has([ids[a], ids[b]].sort().join('|'))) continue;
  const ex = r.explain(ids[a], ids[b]);
  const why = ex.veto ? 'veto' : ex.probability >= 0.5 ? 'blocking' : 'weight';
  reasons.set(why, (reasons.get(why) ?? 0) + 1);
  if (fn++ < Number(process.env.FN ?? 10)) show(ids[a], ids[b], 'FN-' + why);
}
console.log(reasons);
