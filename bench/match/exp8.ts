import { Resolver } from '../../src/entities/matching/engine.js';
import { generateSynthetic } from './synthetic.js';
const n = Number(process.argv[2] ?? 20000);
const { records, entityOf } = generateSynthetic(n);
const r = new Resolver();
r.add(records);
r.train();
const pairs = r.dedupe();
let shown = 0;
const byId = new Map(records.map((x) => [x.id, x]));
for (const p of pairs) {
  if (entityOf.get(p.left) === entityOf.get(p.right)) continue;
  if (shown++ > 12) break;
  const ex = r.explain(p.left, p.right);
  console.log(p.left, p.right, 'w', ex.matchWeight.toFixed(1), 'p', ex.probability.toFixed(3));
  console.log('   ', JSON.stringify(byId.get(p.left)));
  console.log('   ', JSON.stringify(byId.get(p.right)));
  for (const c of ex.comparisons) if (c.level) console.log('     ', c.comparison, c.label, c.weight.toFixed(1), c.tfAdjustment.toFixed(1));
}
