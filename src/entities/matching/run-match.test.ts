import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseColumnMap, planColumns, rowToPerson } from './csv-input.js';
import { runMatch } from './run-match.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const febrl = (file: string) => path.join(process.env.FUSION_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), 'data', 'febrl', file);

function readPairs(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
}

describe('CSV columns', () => {
  it('recognises common column names and an explicit map', () => {
    const plan = planColumns([' rec_id', 'first', 'last', 'dob', 'suburb', 'soc_sec_id', 'passport_no'], 'rec_id', parseColumnMap('given_name=first,surname=last,passport=passport_no'));
    expect(plan.id).toBe(' rec_id');
    expect(plan.fields).toMatchObject({ given_name: 'first', surname: 'last', date_of_birth: 'dob', town: 'suburb' });
    expect(plan.identifiers).toEqual([
      ['passport', 'passport_no'],
      ['soc_sec_id', 'soc_sec_id'],
    ]);
    const person = rowToPerson({ ' rec_id': '7', first: 'Ann', last: 'Lee', dob: '19900101', suburb: 'X', soc_sec_id: '123', passport_no: '' }, plan);
    expect(person).toMatchObject({ id: '7', given_name: 'Ann', surname: 'Lee', identifiers: ['soc_sec_id:123'] });
    expect(() => parseColumnMap('nonsense')).toThrow(/target=column/);
    expect(() => planColumns(['a'], 'id', new Map())).toThrow(/id column/);
  });
});

describe('runMatch', () => {
  it('deduplicates one FEBRL-format file (spaces after commas) and writes left_id,right_id,probability', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fusion-match-'));
    const lines = readFileSync(febrl('dataset1.csv'), 'utf8').trim().split('\n');
    const input = path.join(dir, 'people.csv');
    writeFileSync(input, lines.slice(0, 401).join('\n') + '\n');
    const out = path.join(dir, 'pairs.csv');
    const progress: string[] = [];
    const result = await runMatch({ inputs: [input], id: 'rec_id', out, onProgress: (p) => progress.push(p.phase) });
    expect(result.records).toBe(400);
    const rows = readPairs(out);
    expect(rows[0]).toEqual(['left_id', 'right_id', 'probability']);
    expect(rows.length - 1).toBe(result.pairs);
    expect(result.pairs).toBeGreaterThan(20);
    for (const [l, r, p] of rows.slice(1)) {
      expect(l.split('-')[1]).toBe(r.split('-')[1]);
      expect(Number(p)).toBeGreaterThanOrEqual(0.5);
    }
    expect(progress).toContain('train');
  });

  it('links two files with renamed columns, writing only cross-file pairs with the first file on the left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fusion-link-'));
    const lines = readFileSync(febrl('dataset1.csv'), 'utf8').trim().split('\n');
    const header = 'id,first,last,number,addr1,addr2,town,pc,state,born,ssn';
    const rows = lines.slice(1).map((l) => l.split(', ').join(','));
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeFileSync(a, [header, ...rows.filter((r) => r.includes('-org,'))].join('\n'));
    writeFileSync(b, [header, ...rows.filter((r) => !r.includes('-org,'))].join('\n'));
    const out = path.join(dir, 'links.csv');
    const result = await runMatch({
      inputs: [a, b],
      id: 'id',
      out,
      map: 'given_name=first,surname=last,street_number=number,address_1=addr1,address_2=addr2,postcode=pc,date_of_birth=born,soc_sec_id=ssn',
    });
    expect(result.records).toBe(1000);
    const pairs = readPairs(out).slice(1);
    expect(pairs.length).toBeGreaterThan(480);
    for (const [l, r] of pairs) {
      expect(l).toMatch(/-org$/);
      expect(r).toMatch(/-dup-/);
    }
    const correct = pairs.filter(([l, r]) => l.split('-')[1] === r.split('-')[1]).length;
    expect(correct / pairs.length).toBeGreaterThan(0.99);
  });
});
