/** Precision, recall and F1 of predicted record pairs against known entities. */

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function key(a: string, b: string): string {
  return a < b ? a + '\u0000' + b : b + '\u0000' + a;
}

/** Number of true pairs: for each entity of n records, n(n-1)/2 (or, for linkage, left x right). */
export function countTruePairs(entityOf: ReadonlyMap<string, string>, sideOf?: ReadonlyMap<string, 0 | 1>): number {
  const groups = new Map<string, [number, number]>();
  for (const [rec, ent] of entityOf) {
    const g = groups.get(ent) ?? [0, 0];
    g[sideOf?.get(rec) ?? 0]++;
    groups.set(ent, g);
  }
  let n = 0;
  for (const [a, b] of groups.values()) n += sideOf ? a * b : (a * (a - 1)) / 2;
  return n;
}

export function quality(
  pairs: Iterable<{ left: string; right: string }>,
  entityOf: ReadonlyMap<string, string>,
  truePairs: number,
): Quality {
  const seen = new Set<string>();
  let tp = 0;
  let fp = 0;
  for (const p of pairs) {
    const k = key(p.left, p.right);
    if (seen.has(k)) continue;
    seen.add(k);
    if (entityOf.get(p.left) === entityOf.get(p.right)) tp++;
    else fp++;
  }
  const fn = truePairs - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** All within-cluster pairs implied by a clustering (record -> cluster), optionally cross-side only. */
export function* clusterPairs(
  clusterOf: ReadonlyMap<string, string>,
  sideOf?: ReadonlyMap<string, 0 | 1>,
): Generator<{ left: string; right: string }> {
  const groups = new Map<string, string[]>();
  for (const [rec, c] of clusterOf) {
    const g = groups.get(c);
    if (g) g.push(rec);
    else groups.set(c, [rec]);
  }
  for (const g of groups.values()) {
    for (let a = 1; a < g.length; a++) {
      for (let b = 0; b < a; b++) {
        if (sideOf && sideOf.get(g[a]) === sideOf.get(g[b])) continue;
        yield { left: g[a], right: g[b] };
      }
    }
  }
}
