import { describe, expect, it } from 'vitest';
import { assignStableIds } from './stable-ids.js';

function counter(start = 100) {
  let n = start;
  return () => `E${n++}`;
}

describe('assignStableIds', () => {
  it('keeps an entity id when the entity grows', () => {
    const prev = new Map([
      ['r1', 'E1'],
      ['r2', 'E1'],
    ]);
    const out = assignStableIds(prev, [['r1', 'r2', 'r3']], { newId: counter() });
    expect([...out.assignment.values()]).toEqual(['E1', 'E1', 'E1']);
    expect(out.created).toEqual([]);
  });

  it('gives the id to the larger part on a split and a new id to the other', () => {
    const prev = new Map(['r1', 'r2', 'r3', 'r4', 'r5'].map((r) => [r, 'E7']));
    const out = assignStableIds(prev, [['r1', 'r2'], ['r3', 'r4', 'r5']], { newId: counter() });
    expect(out.assignment.get('r3')).toBe('E7');
    expect(out.assignment.get('r1')).toBe('E100');
    expect(out.created).toEqual(['E100']);
  });

  it('breaks an even split deterministically by the smallest record id', () => {
    const prev = new Map(['a', 'b', 'c', 'd'].map((r) => [r, 'E1']));
    const one = assignStableIds(prev, [['c', 'd'], ['a', 'b']], { newId: counter() });
    const two = assignStableIds(prev, [['b', 'a'], ['d', 'c']], { newId: counter() });
    expect(one.assignment.get('a')).toBe('E1');
    expect(two.assignment.get('a')).toBe('E1');
    expect(one.assignment.get('c')).toBe('E100');
  });

  it('keeps the oldest id on a merge and retires the others into it', () => {
    const prev = new Map([
      ['r1', 'E20'],
      ['r2', 'E3'],
      ['r3', 'E11'],
    ]);
    const out = assignStableIds(prev, [['r1', 'r2', 'r3']], { newId: counter() });
    expect(out.assignment.get('r1')).toBe('E3');
    expect(out.retired).toEqual(new Map([['E20', 'E3'], ['E11', 'E3']]));
  });

  it('uses natural order for ids and a supplied age order when given', () => {
    const prev = new Map([
      ['r1', '10'],
      ['r2', '9'],
    ]);
    expect(assignStableIds(prev, [['r1', 'r2']], { newId: counter() }).assignment.get('r1')).toBe('9');
    const created: Record<string, number> = { A: 5, B: 1 };
    const prev2 = new Map([
      ['r1', 'A'],
      ['r2', 'B'],
    ]);
    const out = assignStableIds(prev2, [['r1', 'r2']], { newId: counter(), compareAge: (x, y) => created[x] - created[y] });
    expect(out.assignment.get('r1')).toBe('B');
  });

  it('makes new ids for new records and reports ids whose records all went', () => {
    const prev = new Map([['gone', 'E5']]);
    const out = assignStableIds(prev, [['fresh']], { newId: counter() });
    expect(out.assignment.get('fresh')).toBe('E100');
    expect(out.vanished).toEqual(['E5']);
  });

  it('is a pure function of its inputs', () => {
    const prev = new Map([
      ['r1', 'E1'],
      ['r2', 'E2'],
      ['r3', 'E2'],
    ]);
    const clusters = [['r1', 'r2'], ['r3', 'r4']];
    const a = assignStableIds(prev, clusters, { newId: counter() });
    const b = assignStableIds(prev, clusters, { newId: counter() });
    expect([...a.assignment]).toEqual([...b.assignment]);
    expect(prev.get('r2')).toBe('E2');
  });
});
