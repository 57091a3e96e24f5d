import { describe, expect, it } from 'vitest';
import { crossTable, forDisplay, median, suppressedCells } from './statistics.js';

const rows = [
  { key: 'a', label: 'A' },
  { key: 'b', label: 'B' },
  { key: 'c', label: 'C' },
];
const cols = [
  { key: 'adult', label: 'Adult' },
  { key: 'child', label: 'Child' },
];

describe('official statistics tables', () => {
  it('adds row and column totals', () => {
    const t = crossTable({ id: 't', title: 'T', description: '', publish: true }, rows, cols, [
      { row: 'a', col: 'adult', n: 10 },
      { row: 'a', col: 'child', n: 3 },
      { row: 'b', col: 'adult', n: 7 },
    ]);
    expect(t.rows.find((r) => r.key === 'a')!.cells).toEqual({ adult: 10, child: 3, total: 13 });
    expect(t.rows.find((r) => r.key === 'total')!.cells).toEqual({ adult: 17, child: 3, total: 20 });
  });

  it('suppresses small cells and any cell a total would give away', () => {
    const t = crossTable({ id: 't', title: 'T', description: '', publish: true }, rows, cols, [
      { row: 'a', col: 'adult', n: 40 },
      { row: 'a', col: 'child', n: 3 },
      { row: 'b', col: 'adult', n: 20 },
      { row: 'b', col: 'child', n: 12 },
      { row: 'c', col: 'adult', n: 9 },
      { row: 'c', col: 'child', n: 8 },
    ]);
    const hidden = suppressedCells(t);
    expect(hidden.has('a\u0000child')).toBe(true);
    // Row a would reveal its child count from its total: its adult count is hidden too ...
    expect(hidden.has('a\u0000adult')).toBe(true);
    // ... and the child column would reveal it from the column total: another child cell is hidden.
    const childHidden = ['a', 'b', 'c'].filter((r) => hidden.has(`${r}\u0000child`));
    expect(childHidden.length).toBeGreaterThanOrEqual(2);
    // No row or column with a shown total hides exactly one cell.
    for (const r of t.rows) {
      const h = cols.filter((c) => hidden.has(`${r.key}\u0000${c.key}`)).length;
      if (!hidden.has(`${r.key}\u0000total`)) expect(h).not.toBe(1);
    }
    const shown = forDisplay(t, { suppress: true });
    expect(shown.display[0]!.cells.child).toBe('[c]');
    expect(forDisplay(t, { suppress: false }).display[0]!.cells.child).toBe('3');
    expect(forDisplay({ ...t, publish: false }, { suppress: true }).display[0]!.cells.child).toBe('3');
  });

  it('takes the median as percentile_cont(0.5) does', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
