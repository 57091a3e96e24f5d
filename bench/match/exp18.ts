import { Resolver } from '../../src/entities/matching/engine.js';
import { loadFebrl } from './febrl.js';
const { records } = await loadFebrl('dataset3.csv');
for (let rep = 0; rep < 4; rep++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = new Resolver();
  r.add(records);
  const c1 = process.cpuUsage(c0); const t1 = performance.now();
  r.train({ onProgress: (p) => { if (rep === 3) { const c = process.cpuUsage(c0); console.log('  ', p.phase, p.done, ((c.user + c.system) / 1000).toFixed(0), 'ms cpu'); } } });
  const c2 = process.cpuUsage(c0); const t2 = performance.now();
  r.dedupe();
  console.log('rep', rep, 'index cpu', (c1.user / 1000).toFixed(0), 'train cpu', ((c2.user - c1.user) / 1000).toFixed(0), 'wall', (t2 - t0).toFixed(0), r.stats);
}
