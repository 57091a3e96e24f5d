import { describe, expect, it } from 'vitest';
import {
  countByLevel,
  FORCE_AREAS,
  forceAreasCovered,
  partnerships2017,
  partnershipsInForceArea,
} from './partnerships-2017.js';

const FORCE_CODE = /^(E23|W15|S23|N23)\d{6}$/;

describe('2017 anti-slavery partnerships (seed 003 Appendix 1)', () => {
  it('has all 42 partnerships, each with a level', () => {
    expect(partnerships2017).toHaveLength(42);
    for (const p of partnerships2017) {
      expect(['local', 'sub-regional', 'regional', 'national', 'other']).toContain(p.level);
      expect(p.source).toBe('2017 survey');
    }
  });

  it('groups them as the appendix does', () => {
    expect(countByLevel()).toEqual({ local: 9, 'sub-regional': 25, regional: 3, national: 3, other: 2 });
    const numbers = (level: string) =>
      partnerships2017.filter((p) => p.level === level).map((p) => p.appendixNumber);
    expect(numbers('sub-regional')).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('has unique ids and force area codes in the forces.csv format', () => {
    expect(new Set(partnerships2017.map((p) => p.id)).size).toBe(42);
    for (const p of partnerships2017) {
      expect(p.forceCodes.length, p.id).toBeGreaterThan(0);
      for (const code of p.forceCodes) expect(code).toMatch(FORCE_CODE);
      expect(p.components.length).toBeGreaterThan(0);
      expect(p.seedRef.seed).toBe('003');
    }
    const known = new Set<string>(Object.values(FORCE_AREAS).map((f) => f.code));
    for (const p of partnerships2017) for (const c of p.forceCodes) expect(known.has(c)).toBe(true);
  });

  it('covers the 40 force areas the survey reports', () => {
    expect(forceAreasCovered()).toHaveLength(40);
  });

  it('puts regional partnerships across several forces and national ones in the devolved nations', () => {
    for (const p of partnerships2017.filter((x) => x.level === 'regional')) {
      expect(p.forceCodes.length).toBeGreaterThan(1);
    }
    expect(
      partnerships2017
        .filter((p) => p.level === 'national')
        .map((p) => p.nation)
        .sort(),
    ).toEqual(['northern-ireland', 'scotland', 'wales']);
    expect(partnershipsInForceArea(FORCE_AREAS.sussex.code).map((p) => p.id)).toEqual([
      'brighton-and-hove-msg',
      'gatwick-msp',
      'sussex-pan-sussex',
    ]);
  });

  it('keeps the appendix qualifiers', () => {
    const lancs = partnerships2017.find((p) => p.id === 'lancashire-msp')!;
    expect(lancs.appendixNotes).toEqual(['planned, new']);
    const southYorks = partnerships2017.find((p) => p.id === 'south-yorkshire-aspg')!;
    expect(southYorks.appendixNotes).toEqual(['currently no NGO representation']);
  });
});
