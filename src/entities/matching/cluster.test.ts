import { describe, expect, it } from 'vitest';
import { clusterMembers, clusterPairs } from './cluster.js';

describe('clusterPairs', () => {
  it('joins records linked at or above the threshold into components', () => {
    const labels = clusterPairs(5, [
      { a: 0, b: 1, probability: 0.9 },
      { a: 1, b: 2, probability: 0.8 },
      { a: 3, b: 4, probability: 0.4 },
    ]);
    expect(clusterMembers(labels)).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('refuses a link that would put two cannot-link records in one entity', () => {
    // 0 and 2 are different people (a rejected pair); 1 is ambiguous and links to both.
    const labels = clusterPairs(
      3,
      [
        { a: 0, b: 1, probability: 0.95 },
        { a: 1, b: 2, probability: 0.7 },
      ],
      { cannotLink: [[0, 2]] },
    );
    expect(clusterMembers(labels)).toEqual([[0, 1], [2]]);
  });

  it('takes the strongest links first, so the weaker side of a conflict loses', () => {
    const labels = clusterPairs(
      3,
      [
        { a: 0, b: 1, probability: 0.6 },
        { a: 1, b: 2, probability: 0.99 },
      ],
      { cannotLink: [[0, 2]] },
    );
    expect(clusterMembers(labels)).toEqual([[0], [1, 2]]);
  });

  it('keeps cannot-links through later merges', () => {
    const labels = clusterPairs(
      4,
      [
        { a: 0, b: 1, probability: 0.9 },
        { a: 2, b: 3, probability: 0.9 },
        { a: 1, b: 2, probability: 0.8 },
      ],
      { cannotLink: [[0, 3]] },
    );
    expect(clusterMembers(labels)).toEqual([[0, 1], [2, 3]]);
  });

  it('always joins must-link (confirmed) pairs', () => {
    const labels = clusterPairs(3, [], { mustLink: [[0, 2]] });
    expect(clusterMembers(labels)).toEqual([[0, 2], [1]]);
  });
});
