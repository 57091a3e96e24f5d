import { normaliseRecord } from '../../src/entities/matching/record.js';
import * as N from '../../src/entities/matching/normalise.js';
import { generateSynthetic } from './synthetic.js';
const { records } = generateSynthetic(100000);
const time = (name: string, f: () => void) => {
  let best = Infinity;
  for (let k = 0; k < 3; k++) { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); best = Math.min(best, (d.user + d.system) / 1000); }
  console.log(name.padEnd(12), (best * 1000 / records.length).toFixed(2), 'us/record');
};
time('all', () => { for (const r of records) normaliseRecord(r); });
time('names', () => { for (const r of records) { N.normaliseName(r.given_name); N.normaliseName(r.surname); } });
time('date', () => { for (const r of records) N.parseDate(r.date_of_birth); });
time('address', () => { for (const r of records) N.normaliseAddress(r.address); });
time('postcode', () => { for (const r of records) N.normalisePostcode(r.postcode); });
time('town', () => { for (const r of records) N.normaliseTown(r.town); });
time('phone', () => { for (const r of records) N.normalisePhone(r.phone); });
time('email', () => { for (const r of records) N.normaliseEmail(r.email); });
time('sex', () => { for (const r of records) N.normaliseSex(r.sex); });
