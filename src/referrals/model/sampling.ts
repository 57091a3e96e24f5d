/**
 * The monthly case-review sample (seed 001 §27: "case review exercises and auditing decisions"): a random
 * sample of the decisions issued in a month, drawn with a seeded generator so the draw can be re-run and checked.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `size` distinct ids chosen uniformly (all of them when fewer), in the order drawn. */
export function drawSample<T>(ids: readonly T[], size: number, seed: number): T[] {
  const rnd = mulberry32(seed);
  const pool = [...ids];
  const n = Math.min(Math.max(0, Math.floor(size)), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

export const FINDINGS = [
  { code: 'sound', label: 'Sound: the decision and its reasons stand' },
  { code: 'minor', label: 'Minor issues: feedback to the decision-maker' },
  { code: 'unsound', label: 'Unsound: the decision should be reconsidered' },
] as const;
export type Finding = (typeof FINDINGS)[number]['code'];
