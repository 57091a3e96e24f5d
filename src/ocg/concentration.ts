/**
 * How concentrated disruption recording is (seed 004: "four police forces ... had submitted 62 percent of the
 * recorded disruptions"): the share recorded by the N forces that recorded most. Ties are broken by force code
 * so the answer is stable.
 */
export interface CountBy {
  key: string;
  label: string;
  count: number;
}

export interface Concentration {
  top: CountBy[];
  topCount: number;
  total: number;
  /** 0-1; null when nothing was recorded. */
  share: number | null;
  /** Forces that recorded at least one and fewer than `fewThreshold`. */
  fewCount: number;
}

export function concentration(counts: readonly CountBy[], topN = 4, fewThreshold = 10): Concentration {
  const sorted = [...counts].filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const top = sorted.slice(0, topN);
  const topCount = top.reduce((s, c) => s + c.count, 0);
  const total = sorted.reduce((s, c) => s + c.count, 0);
  return {
    top,
    topCount,
    total,
    share: total ? topCount / total : null,
    fewCount: sorted.filter((c) => c.count < fewThreshold).length,
  };
}

/** Shares of a whole with the largest-remainder method, so scaled figures add up exactly to the total. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}
