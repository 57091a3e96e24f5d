/**
 * Clustering of scored pairs into entities: connected components over links at or above a
 * threshold, strongest first, with constraints. Must-link pairs (confirmed by a person) are joined
 * first; a link that would put two cannot-link records (a rejected pair, different unique
 * identifiers) into one entity is skipped, so one bad link cannot chain two people together
 * through a third record.
 */

export interface Edge {
  a: number;
  b: number;
  probability: number;
}

export interface ClusterOptions {
  threshold?: number;
  mustLink?: readonly (readonly [number, number])[];
  cannotLink?: readonly (readonly [number, number])[];
}

/** Returns, for each of the n records, the smallest record index of its cluster. */
export function clusterPairs(n: number, edges: readonly Edge[], opts: ClusterOptions = {}): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  // Per component root: the records it must never share an entity with.
  const forbidden = new Map<number, number[]>();
  for (const [a, b] of opts.cannotLink ?? []) {
    if (a === b) continue;
    (forbidden.get(a) ?? forbidden.set(a, []).get(a)!).push(b);
    (forbidden.get(b) ?? forbidden.set(b, []).get(b)!).push(a);
  }
  const conflict = (ra: number, rb: number): boolean => {
    const fa = forbidden.get(ra);
    const fb = forbidden.get(rb);
    const [list, other] = (fa?.length ?? 0) <= (fb?.length ?? 0) ? [fa, rb] : [fb, ra];
    if (!list) return false;
    for (const x of list) if (find(x) === other) return true;
    return false;
  };
  const union = (ra: number, rb: number): void => {
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    const fd = forbidden.get(drop);
    if (fd) {
      const fk = forbidden.get(keep);
      if (fk) for (const x of fd) fk.push(x);
      else forbidden.set(keep, fd);
      forbidden.delete(drop);
    }
  };
  for (const [a, b] of opts.mustLink ?? []) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) union(ra, rb);
  }
  const threshold = opts.threshold ?? 0.5;
  const sorted = edges.filter((e) => e.probability >= threshold).sort((x, y) => y.probability - x.probability);
  for (const e of sorted) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb || conflict(ra, rb)) continue;
    union(ra, rb);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = find(i);
  return out;
}

/** Clusters as lists of record indices (singletons included), ordered by their smallest index. */
export function clusterMembers(labels: Int32Array): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const g = groups.get(labels[i]);
    if (g) g.push(i);
    else groups.set(labels[i], [i]);
  }
  return [...groups.values()];
}
