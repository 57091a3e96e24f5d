import { describe, expect, it } from 'vitest';
import { groupsTouched, indicatorByCode, indicatorGroups } from './indicators.js';

describe('indicators', () => {
  it('has the seven frontline groups in the seed’s order, each with 4 to 8 items', () => {
    expect(indicatorGroups.map((g) => g.code)).toEqual([
      'physical',
      'behaviour',
      'living',
      'control',
      'isolation',
      'work',
      'fear',
    ]);
    for (const g of indicatorGroups) {
      expect(g.items.length, g.code).toBeGreaterThanOrEqual(4);
      expect(g.items.length, g.code).toBeLessThanOrEqual(8);
    }
  });

  it('has unique item codes prefixed by their group, each citing a seed', () => {
    const codes = indicatorGroups.flatMap((g) => g.items.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of indicatorGroups) {
      for (const i of g.items) {
        expect(i.code.startsWith(`${g.code}.`)).toBe(true);
        expect(i.code).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
        expect(i.seedRef.quote).toBeTruthy();
      }
    }
  });

  it('keeps the frontline shares the seed reports', () => {
    expect(Object.fromEntries(indicatorGroups.map((g) => [g.code, g.frontlineShare]))).toEqual({
      physical: 31,
      behaviour: 29,
      living: 33,
      control: 31,
      isolation: 16,
      work: 10,
      fear: 16,
    });
  });

  it('looks items up and reports the groups a set of observations touches', () => {
    expect(indicatorByCode('control.no-id')?.label).toBe('No ID or passport');
    expect(groupsTouched(['fear.evasive', 'control.no-phone', 'control.no-id', 'nonsense'])).toEqual([
      'control',
      'fear',
    ]);
  });
});
