import { Resolver } from '../../src/entities/matching/engine.js';
import { generateSynthetic } from './synthetic.js';
import { loadFebrl } from './febrl.js';
const n = Number(process.argv[2] ?? 100000);
const { records, entityOf } = process.argv[3] ? await loadFebrl(process.argv[3]) : generateSynthetic(n);
const r = new Resolver();
r.add(records);
const b = r.blocks;
for (let k = 0; k < b.keys.length; k++) {
  const ki = b.keys[k];
  let pairs = 0, matches = 0, blocks = 0, over = 0, maxSize = 0;
  for (let id = 0; id < ki.head.length; id++) {
    const size = ki.size.data[id];
    if (size > b.maxBlockSize) { over++; continue; }
    if (size < 2) continue;
    blocks++;
    maxSize = Math.max(maxSize, size);
    const m = ki.members(id, []);
    for (let x = 1; x < m.length; x++) for (let y = 0; y < x; y++) {
      if ((b as any).generatedElsewhere(k, id, m[x], m[y])) continue;
      pairs++;
      if (entityOf.get(r.store.ids[m[x]]) === entityOf.get(r.store.ids[m[y]])) matches++;
    }
  }
  console.log(ki.key.name.padEnd(36), 'new pairs', pairs, 'true', matches, 'blocks', blocks, 'oversize', over, 'max', maxSize);
}
