import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPersonCsv } from './csv-input.js';
import { Resolver } from './engine.js';
import type { MatchModel } from './model.js';
import { protectedValueSet } from './record.js';
import type { PersonRecord } from './types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const febrl = (file: string) => path.join(process.env.FUSION_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), 'data', 'febrl', file);

/** FEBRL dataset 1 as a background population, so EM has enough pairs to learn from. */
let background: PersonRecord[] = [];
beforeAll(async () => {
  // FEBRL has no phones: give each entity its own, so phone agreement is rare as in real data.
  background = (await readPersonCsv(febrl('dataset1.csv'), 'rec_id')).map((r) => ({
    ...r,
    phone: `07700 ${String(100000 + Number(r.id.split('-')[1]) * 7).padStart(6, '0')}`,
  }));
});

function trained(extra: PersonRecord[], opts: ConstructorParameters<typeof Resolver>[0] = {}): Resolver {
  const r = new Resolver(opts);
  r.add([...background, ...extra]);
  r.train();
  return r;
}

/** One trained resolver over the household fixture, shared by tests that only read from it. */
let shared: Resolver | null = null;
function householdResolver(): Resolver {
  shared ??= trained(household);
  return shared;
}

const household: PersonRecord[] = [
  { id: 'h1', given_name: 'Arben', surname: 'Hoxha', date_of_birth: '1975-03-14', address: '14 Mill Lane', postcode: 'B11 2AA', town: 'Birmingham', phone: '07700 900111' },
  { id: 'h2', given_name: 'Elira', surname: 'Hoxha', date_of_birth: '1979-11-02', address: '14 Mill Lane', postcode: 'B11 2AA', town: 'Birmingham', phone: '07700 900111' },
  { id: 'h3', given_name: 'Dritan', surname: 'Hoxha', date_of_birth: '2003-06-30', address: '14 Mill Lane', postcode: 'B11 2AA', town: 'Birmingham', phone: '07700 900111' },
  { id: 'h4', given_name: 'Valbona', surname: 'Hoxha', date_of_birth: null, address: '14 Mill Lane', postcode: 'B11 2AA', town: 'Birmingham', phone: '07700 900111' },
  // Arben again, written by another agency.
  { id: 'h1b', given_name: 'ARBEN', surname: 'HOXHAJ', date_of_birth: '14/03/1975', address: '14 Mill Ln', postcode: 'b112aa', phone: '+44 7700 900111' },
];

describe('Resolver', () => {
  it('does not merge people of one household but links the same person written twice', () => {
    const r = householdResolver();
    const pairs = r.dedupe();
    const key = (a: string, b: string) => [a, b].sort().join('|');
    const linked = new Set(pairs.map((p) => key(p.left, p.right)));
    expect(linked.has(key('h1', 'h1b'))).toBe(true);
    for (const [a, b] of [['h1', 'h2'], ['h1', 'h3'], ['h2', 'h3'], ['h3', 'h4'], ['h2', 'h4'], ['h1b', 'h2']]) {
      expect(linked.has(key(a, b)), `${a}-${b}`).toBe(false);
    }
    const why = r.explain('h1', 'h2');
    expect(why.veto).toMatch(/household/);
    expect(why.probability).toBe(0);
    const clusters = r.cluster();
    expect(clusters.get('h1')).toBe(clusters.get('h1b'));
    expect(new Set(['h1', 'h2', 'h3', 'h4'].map((id) => clusters.get(id))).size).toBe(4);
  });

  it('does not link namesakes born years apart unless a phone or e-mail of their own agrees', () => {
    const namesakes: PersonRecord[] = [
      { id: 'n1', given_name: 'Emil', surname: 'Popa', date_of_birth: '1988-02-10', postcode: 'WF1 6YD', town: 'Wakefield' },
      { id: 'n2', given_name: 'Emil', surname: 'Popa', date_of_birth: '1995-10-13', postcode: 'WF1 6YD', town: 'Wakefield' },
      { id: 'n3', given_name: 'Emil', surname: 'Popa', date_of_birth: '1995-10-31', postcode: 'WF1 6YD', town: 'Wakefield', phone: '07700 900555' },
      { id: 'n4', given_name: 'Emil', surname: 'Popa', date_of_birth: '1991-05-05', phone: '07700 900555' },
    ];
    const r = trained(namesakes);
    const n12 = r.explain('n1', 'n2');
    expect(n12.veto).toMatch(/namesake/);
    expect(n12.probability).toBe(0);
    // A day-month typo is not a different date: n2 and n3 stay comparable.
    expect(r.explain('n2', 'n3').veto).toBeNull();
    // Years apart, but the same own phone: left to the weights, not vetoed.
    expect(r.explain('n3', 'n4').veto).toBeNull();
  });

  it('explains a link: each comparison with its level, weight and term-frequency adjustment', () => {
    const r = householdResolver();
    const e = r.explain('h1', 'h1b');
    expect(e.probability).toBeGreaterThan(0.99);
    const byName = Object.fromEntries(e.comparisons.map((c) => [c.comparison, c]));
    expect(byName.given_name.label).toBe('exact');
    expect(byName.surname.label).toBe('variant');
    expect(byName.date_of_birth.label).toBe('exact');
    expect(byName.phone.label).toBe('exact');
    expect(byName.phone.left).toBe('+447700900111');
    expect(byName.given_name.weight).toBeGreaterThan(0);
    const total = e.comparisons.reduce((s, c) => s + c.weight + c.tfAdjustment, 0);
    expect(total).toBeCloseTo(e.matchWeight, 6);
  });

  it('down-weights a value many records share (a shared HMO address, a car-wash phone)', () => {
    const givens = ['Ion', 'Vasile', 'Piotr', 'Tomasz', 'Andrei', 'Mihai', 'Florin', 'Marek'];
    const surnames = ['Popa', 'Nowak', 'Stan', 'Kowal', 'Radu', 'Lungu', 'Wojcik', 'Ilie', 'Marin', 'Zajac'];
    const hmo = Array.from({ length: 40 }, (_, k) => ({
      id: `hmo${k}`,
      given_name: givens[k % givens.length],
      surname: surnames[Math.floor(k / 4) % surnames.length],
      date_of_birth: `19${60 + (k % 30)}-0${1 + (k % 9)}-1${k % 10}`,
      address: '1 Car Wash Yard',
      postcode: 'LS9 8AA',
      phone: '0113 496 0000',
    }));
    const pair = [
      { id: 'q1', given_name: 'Ana', surname: 'Pop', date_of_birth: '1990-01-05', address: '7 Quiet Close', postcode: 'YO1 7HH', phone: '07700 900555' },
      { id: 'q2', given_name: 'Ana', surname: 'Pop', date_of_birth: '1990-01-05', address: '7 Quiet Close', postcode: 'YO1 7HH', phone: '07700 900555' },
    ];
    const r = trained([...hmo, ...pair]);
    const common = r.explain('hmo1', 'hmo2').comparisons.find((c) => c.comparison === 'phone')!;
    const rare = r.explain('q1', 'q2').comparisons.find((c) => c.comparison === 'phone')!;
    expect(common.label).toBe('exact');
    expect(rare.label).toBe('exact');
    expect(common.tfAdjustment).toBeLessThan(-3);
    expect(rare.tfAdjustment).toBeGreaterThan(common.tfAdjustment + 4);
    const commonRes = r.explain('hmo1', 'hmo2').comparisons.find((c) => c.comparison === 'residence')!;
    expect(commonRes.tfAdjustment).toBeLessThan(-3);
    expect(r.explain('hmo1', 'hmo2').probability).toBeLessThan(0.5);
  });

  it('treats protected values (a refuge address, a helpline) as missing', () => {
    const refuge = [
      { id: 'r1', given_name: 'Maria', surname: 'Lopez', date_of_birth: '1988-02-03', address: '5 Safe House Road', postcode: 'M1 1AE', phone: '0808 200 0247' },
      { id: 'r2', given_name: 'Sofia', surname: 'Lopez', date_of_birth: '1990-07-09', address: '5 Safe House Rd', postcode: 'M1 1AE', phone: '08082000247' },
    ];
    const protectedValues = protectedValueSet({ addresses: ['5 Safe House Road'], postcodes: ['M1 1AE'], phones: ['0808 200 0247'] });
    const r = trained(refuge, { protectedValues });
    const e = r.explain('r1', 'r2');
    const level = (name: string) => e.comparisons.find((c) => c.comparison === name)!.label;
    expect(level('residence')).toBe('missing');
    expect(level('phone')).toBe('missing');
  });

  it('resolves one new record incrementally exactly as a batch run would', () => {
    const base = householdResolver();
    const model: MatchModel = JSON.parse(JSON.stringify(base.getModel()));
    const newcomer: PersonRecord = { id: 'new', given_name: 'Elira', surname: 'Hoxha', date_of_birth: '02/11/1979', address: '14 Mill Lane', postcode: 'B11 2AA' };
    const dupOfFebrl: PersonRecord = { ...background[10], id: 'new2' };

    const incremental = new Resolver({ model });
    incremental.add([...background, ...household]);
    const one = incremental.resolveOne(newcomer);
    const two = incremental.resolveOne(dupOfFebrl);

    // The batch runs see the index as it stood when each record was resolved (frequencies count
    // every indexed record). Batch weights are kept as 32-bit floats: compare to 1e-3 bits.
    const batchOf = (records: PersonRecord[]) => {
      const batch = new Resolver({ model });
      batch.add(records);
      return batch.predict();
    };
    const same = (res: typeof one, id: string) => {
      const all = batchOf(id === 'new' ? [...background, ...household, newcomer] : [...background, ...household, newcomer, dupOfFebrl]);
      const fromBatch = all.filter((p) => p.left === id || p.right === id).sort((a, b) => (a.left + a.right < b.left + b.right ? -1 : 1));
      const fromOne = [...res.matches].sort((a, b) => (a.left + a.right < b.left + b.right ? -1 : 1));
      expect(fromOne.map((p) => [p.left, p.right])).toEqual(fromBatch.map((p) => [p.left, p.right]));
      fromOne.forEach((p, k) => expect(Math.abs(p.weight - fromBatch[k].weight)).toBeLessThan(1e-3));
    };
    same(one, 'new');
    same(two, 'new2');
    expect(one.matches.map((m) => (m.left === 'new' ? m.right : m.left))).toContain('h2');
    expect(two.matches.map((m) => (m.left === 'new2' ? m.right : m.left))).toContain(background[10].id);
    expect(one.matches[0].explanation?.comparisons.length).toBeGreaterThan(0);
  });

  it('can try a record without keeping it in the index', () => {
    const r = trained(household);
    const before = r.size;
    const res = r.resolveOne({ id: 'probe', given_name: 'Arben', surname: 'Hoxha', date_of_birth: '1975-03-14' }, { add: false });
    expect(res.matches.length).toBeGreaterThan(0);
    expect(r.size).toBe(before);
    expect(() => r.explain('probe', 'h1')).toThrow(/unknown record/);
  });

  it('never proposes a rejected pair again and always joins a confirmed one', () => {
    const r = trained(household, {});
    r.reject('h1', 'h1b');
    expect(r.dedupe().some((p) => [p.left, p.right].sort().join() === ['h1', 'h1b'].sort().join())).toBe(false);
    expect(r.resolveOne({ ...household[0], id: 'h1c' }).matches.map((m) => m.left + m.right)).not.toContain('h1h1b');
    r.confirm('h2', 'h4');
    const clusters = r.cluster();
    expect(clusters.get('h1')).not.toBe(clusters.get('h1b'));
    expect(clusters.get('h2')).toBe(clusters.get('h4'));
  });

  it('never links different values of a unique identifier type', () => {
    const twins = [
      { id: 'p1', given_name: 'Yonas', surname: 'Tesfay', date_of_birth: '2001-05-05', identifiers: ['passport:ER1234567'] },
      { id: 'p2', given_name: 'Yonas', surname: 'Tesfaye', date_of_birth: '2001-05-05', identifiers: ['passport:ER7654321'] },
    ];
    const r = trained(twins, { strictIdentifierTypes: ['passport'] });
    expect(r.explain('p1', 'p2').veto).toMatch(/identifier/);
    expect(r.dedupe().some((p) => p.left.startsWith('p') && p.right.startsWith('p'))).toBe(false);
  });

  it('keeps a serialisable model that scores the same after a round trip', () => {
    const r = householdResolver();
    const json = JSON.stringify(r.getModel());
    const again = new Resolver({ model: JSON.parse(json) });
    again.add([...background, ...household]);
    expect(again.explain('h1', 'h1b').matchWeight).toBeCloseTo(r.explain('h1', 'h1b').matchWeight, 9);
    expect(again.explain('h1', 'h1b').probability).toBeCloseTo(r.explain('h1', 'h1b').probability, 9);
  });

  it('links two files: only cross-file pairs are candidates', () => {
    const left = background.filter((x) => x.id.endsWith('-org')).slice(0, 200);
    const entities = new Set(left.map((x) => x.id.split('-')[1]));
    const right = background.filter((x) => !x.id.endsWith('-org') && entities.has(x.id.split('-')[1]));
    const r = new Resolver();
    r.add(left, 0);
    r.add(right, 1);
    r.train();
    const pairs = r.link();
    const leftIds = new Set(left.map((x) => x.id));
    for (const p of pairs) expect(leftIds.has(p.left) !== leftIds.has(p.right)).toBe(true);
    const correct = pairs.filter((p) => p.left.split('-')[1] === p.right.split('-')[1]).length;
    expect(correct / right.length).toBeGreaterThan(0.97);
    expect(correct).toBe(pairs.length);
    expect(() => r.dedupe()).toThrow(/link/);
  });
});

describe('describeExplanation', () => {
  it('says in words why a pair is or is not linked', async () => {
    const { describeExplanation } = await import('./explain.js');
    const r = householdResolver();
    const linked = describeExplanation(r.explain('h1', 'h1b'));
    expect(linked[0]).toMatch(/bits/);
    expect(linked.some((l) => l.startsWith('surname: variant (hoxha ~ hoxhaj)'))).toBe(true);
    expect(linked.at(-1)).toMatch(/probability 1\.0000|probability 0\.99/);
    const household = describeExplanation(r.explain('h1', 'h2'));
    expect(household.at(-1)).toMatch(/^not linked: .*household/);
  });
});
