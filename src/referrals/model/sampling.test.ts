import { describe, expect, it } from 'vitest';
import { parseCountryList } from './countries.js';
import { drawSample } from './sampling.js';

describe('case-review sampling', () => {
  it('draws distinct decisions reproducibly from a seed, all of them when fewer', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `d${i}`);
    const a = drawSample(ids, 10, 42);
    expect(new Set(a).size).toBe(10);
    expect(drawSample(ids, 10, 42)).toEqual(a);
    expect(drawSample(ids, 10, 43)).not.toEqual(a);
    expect(drawSample(ids.slice(0, 3), 10, 1).sort()).toEqual(['d0', 'd1', 'd2']);
  });
});

describe('countries typed by name', () => {
  it('reads names, codes and common aliases in order, once each', () => {
    expect(parseCountryList('Albania, france; IT\nUK, Albania, Narnia')).toEqual({ codes: ['AL', 'FR', 'IT', 'GB'], unknown: ['Narnia'] });
    expect(parseCountryList('Côte d’Ivoire, Turkey').codes).toEqual(['CI', 'TR']);
  });
});
