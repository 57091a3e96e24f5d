import { describe, expect, it } from 'vitest';
import {
  drawCulture,
  drawGender,
  drawNationality,
  drawPersonName,
  familyNameForGender,
  NAME_CULTURES,
  NATIONALITIES,
  NATIONALITY_MIX,
  poolSizes,
} from './names.js';
import { createRng } from './rng.js';

const MAIN_CULTURES = [
  'english',
  'albanian',
  'tigrinya',
  'vietnamese',
  'sudanese',
  'romanian',
  'polish',
  'chinese',
  'nigerian',
] as const;

describe('name pools', () => {
  it('hold 40-150 given names of each gender for the main cultures', () => {
    for (const culture of MAIN_CULTURES) {
      const sizes = poolSizes(culture);
      expect(sizes.male, culture).toBeGreaterThanOrEqual(40);
      expect(sizes.male, culture).toBeLessThanOrEqual(150);
      expect(sizes.female, culture).toBeGreaterThanOrEqual(40);
      expect(sizes.female, culture).toBeLessThanOrEqual(150);
    }
  });

  it('writes Vietnamese names family first with tone marks', () => {
    const rng = createRng(1);
    const names = Array.from({ length: 200 }, () => drawPersonName(rng, 'vietnamese', 'female'));
    expect(names.every((n) => n.order === 'family-first' && n.middle.length === 1)).toBe(true);
    expect(names.some((n) => n.family[0] === 'Nguyễn' && n.middle[0] === 'Thị')).toBe(true);
    expect(names.filter((n) => n.family[0] === 'Nguyễn').length).toBeGreaterThan(50);
  });

  it('gives patronymic cultures a father and grandfather name', () => {
    const rng = createRng(2);
    for (const culture of ['tigrinya', 'sudanese'] as const) {
      const n = drawPersonName(rng, culture, 'male');
      expect(n.family).toHaveLength(2);
      expect(n.order).toBe('given-first');
    }
  });

  it('uses the feminine form of Polish surnames for women', () => {
    expect(familyNameForGender('polish', 'Kowalski', 'female')).toBe('Kowalska');
    expect(familyNameForGender('polish', 'Nowicki', 'female')).toBe('Nowicka');
    expect(familyNameForGender('polish', 'Nowak', 'female')).toBe('Nowak');
    expect(familyNameForGender('polish', 'Kowalski', 'male')).toBe('Kowalski');
    expect(familyNameForGender('english', 'Kowalski', 'female')).toBe('Kowalski');
  });

  it('has a naming culture for every nationality in the mix', () => {
    const rng = createRng(3);
    for (const nationality of NATIONALITIES) {
      expect(NAME_CULTURES).toContain(drawCulture(rng, nationality));
      expect(['male', 'female']).toContain(drawGender(rng, nationality));
    }
  });
});

describe('nationality mix', () => {
  it('sums to 100 with UK nationals at 23% and Albania, Eritrea, Vietnam the top foreign nationalities', () => {
    expect(NATIONALITY_MIX.reduce((sum, [, w]) => sum + w, 0)).toBeCloseTo(100);
    const ordered = [...NATIONALITY_MIX].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ordered.slice(0, 4)).toEqual(['GB', 'AL', 'ER', 'VN']);
    const rng = createRng(4);
    let gb = 0;
    for (let i = 0; i < 20_000; i++) if (drawNationality(rng) === 'GB') gb++;
    expect(gb / 20_000).toBeGreaterThan(0.21);
    expect(gb / 20_000).toBeLessThan(0.25);
  });
});
