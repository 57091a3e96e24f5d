import { describe, expect, it } from 'vitest';
import { apportion, concentration } from './concentration.js';

describe('concentration of disruption recording', () => {
  it('is the share recorded by the four forces that recorded most', () => {
    const c = concentration([
      { key: 'a', label: 'A', count: 40 },
      { key: 'b', label: 'B', count: 30 },
      { key: 'c', label: 'C', count: 20 },
      { key: 'd', label: 'D', count: 6 },
      { key: 'e', label: 'E', count: 4 },
    ]);
    expect(c.topCount).toBe(96);
    expect(c.total).toBe(100);
    expect(c.share).toBeCloseTo(0.96);
    expect(c.top.map((t) => t.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(c.fewCount).toBe(2);
  });

  it('breaks ties by code and answers null when nothing was recorded', () => {
    const c = concentration([
      { key: 'z', label: 'Z', count: 1 },
      { key: 'y', label: 'Y', count: 1 },
      { key: 'x', label: 'X', count: 1 },
      { key: 'w', label: 'W', count: 1 },
      { key: 'v', label: 'V', count: 1 },
    ]);
    expect(c.top.map((t) => t.key)).toEqual(['v', 'w', 'x', 'y']);
    expect(concentration([]).share).toBeNull();
  });
});

describe('apportion (largest remainder)', () => {
  it('scales the published P-grade mix to a total exactly', () => {
    const scaled = apportion([0, 14, 31, 34], 64);
    expect(scaled.reduce((s, v) => s + v, 0)).toBe(64);
    expect(scaled).toEqual([0, 11, 25, 28]);
  });
});
