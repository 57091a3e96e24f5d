import { loadFebrl } from './febrl.js';
import { pgTrgmBaseline, nameDob, nameDobAddress } from './pg-trgm.js';
for (const name of ['dataset3.csv']) {
  const { records, entityOf } = await loadFebrl(name);
  for (const [tn, text] of [['nameDob', nameDob], ['nameDobAddress', nameDobAddress]] as const) {
    for (const floor of [0.3, 0.5]) {
      const r = await pgTrgmBaseline(records, null, entityOf, { text, floor });
      console.log(name, tn, floor, JSON.stringify(r));
    }
  }
}
