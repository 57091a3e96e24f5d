import { describe, expect, it } from 'vitest';
import { exactAgreementU, tfAdjustment } from './tf.js';

describe('term frequencies', () => {
  it('computes the chance two records agree exactly from value counts', () => {
    // 10 records: one value held by 4, three by 2: (4*3 + 3*2*1) / (10*9).
    expect(exactAgreementU([4, 2, 2, 2], 10)).toBeCloseTo(18 / 90, 12);
  });

  it('lowers the weight of common values and raises rare ones, averaging out', () => {
    const counts = [50, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 40];
    const n = counts.reduce((a, b) => a + b, 0);
    const u = exactAgreementU(counts, n);
    expect(tfAdjustment(u, 50, n)).toBeLessThan(0);
    expect(tfAdjustment(u, 2, n)).toBeGreaterThan(0);
    expect(tfAdjustment(u, 50, n)).toBeLessThan(tfAdjustment(u, 40, n));
  });
});
