/**
 * Stable entity ids across re-clustering. Given the previous assignment (record -> entity id) and
 * a new clustering, each old id passes to the new cluster holding most of its records (ties: the
 * cluster whose smallest record id sorts first), so an entity keeps its id when it grows and the
 * larger part keeps it on a split. A new cluster that inherits several ids (a merge) keeps the
 * oldest and the others are retired into it. A cluster that inherits none gets a new id.
 */

export interface StableIdOptions {
  /** Makes a fresh entity id. */
  newId: () => string;
  /**
   * Orders ids oldest first. Default: natural order (digit runs compared as numbers), right for
   * sequence ids ("E3" before "E11") and for time-ordered ids such as ULIDs.
   */
  compareAge?: (a: string, b: string) => number;
}

export interface StableIdResult {
  /** record id -> entity id for every record in the new clustering. */
  assignment: Map<string, string>;
  /** Merged-away entity id -> the id it was merged into. */
  retired: Map<string, string>;
  /** Ids made for clusters that inherited none. */
  created: string[];
  /** Old ids none of whose records are in the new clustering. */
  vanished: string[];
}

const natural = new Intl.Collator('en', { numeric: true });

/** Natural order: "E3" before "E11", "9" before "10"; plain order for ULIDs and zero-padded ids. */
function defaultCompareAge(a: string, b: string): number {
  return natural.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function assignStableIds(
  previous: ReadonlyMap<string, string>,
  clusters: readonly (readonly string[])[],
  opts: StableIdOptions,
): StableIdResult {
  const compareAge = opts.compareAge ?? defaultCompareAge;
  const minRecord = clusters.map((c) => c.reduce((m, r) => (r < m ? r : m), c[0] ?? ''));
  // For each old id: the cluster holding most of its records.
  const best = new Map<string, { cluster: number; overlap: number }>();
  clusters.forEach((members, ci) => {
    const overlap = new Map<string, number>();
    for (const r of members) {
      const old = previous.get(r);
      if (old !== undefined) overlap.set(old, (overlap.get(old) ?? 0) + 1);
    }
    for (const [old, n] of overlap) {
      const cur = best.get(old);
      if (!cur || n > cur.overlap || (n === cur.overlap && minRecord[ci] < minRecord[cur.cluster])) {
        best.set(old, { cluster: ci, overlap: n });
      }
    }
  });
  const inherited: string[][] = clusters.map(() => []);
  for (const [old, { cluster }] of best) inherited[cluster].push(old);

  const assignment = new Map<string, string>();
  const retired = new Map<string, string>();
  const created: string[] = [];
  clusters.forEach((members, ci) => {
    const ids = inherited[ci].sort(compareAge);
    let id: string;
    if (ids.length > 0) {
      id = ids[0];
      for (const other of ids.slice(1)) retired.set(other, id);
    } else {
      id = opts.newId();
      created.push(id);
    }
    for (const r of members) assignment.set(r, id);
  });
  const vanished = [...new Set(previous.values())].filter((old) => !best.has(old)).sort(compareAge);
  return { assignment, retired, created, vanished };
}
