import { Resolver, seededRandom } from '../../src/entities/matching/engine.js';
import * as C from '../../src/entities/matching/comparators.js';
import { loadFebrl } from './febrl.js';
const { records } = await loadFebrl('dataset3.csv');
const r = new Resolver();
r.add(records);
const s = r.store;
const rnd = seededRandom(1);
const N = 100000;
const pairs: [number, number][] = [];
for (let k = 0; k < N; k++) pairs.push([Math.floor(rnd() * s.size), Math.floor(rnd() * s.size)]);
const out = new Uint8Array(2);
const time = (name: string, f: (i: number, j: number) => void) => {
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const t = process.cpuUsage();
    for (const [i, j] of pairs) f(i, j);
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  console.log(name, (best * 1000 / N).toFixed(2), 'us/pair');
};
time('names', (i, j) => C.compareNames(s.given.feature(i), s.surname.feature(i), s.given.feature(j), s.surname.feature(j), out));
time('name1', (i, j) => C.compareName(s.given.feature(i), s.given.feature(j)));
time('dob', (i, j) => C.compareDates(s.dob.feature(i), s.dob.feature(j)));
time('addr', (i, j) => C.compareAddresses(s.address.feature(i), s.address.feature(j)));
time('pc', (i, j) => C.comparePostcodes(s.postcode.feature(i), s.postcode.feature(j)));
time('town', (i, j) => C.compareTowns(s.town.feature(i), s.town.feature(j)));
time('ids', (i, j) => C.compareIdentifiers(s.identifiers.feature(i), s.identifiers.feature(j)));
