/** Human-readable explanations of a pair's score, for case notes, audit and the review screen. */
import type { Explanation } from './types.js';

function bits(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(1);
}

/**
 * One line per comparison that had evidence, strongest first, then the total:
 *   "surname: variant (Hoxha ~ Hoxhaj) +6.6 bits"
 *   "residence: exact (14 mill lane, B11 2AA ~ ...) +9.3 bits, -2.1 for a common value"
 */
export function describeExplanation(e: Explanation): string[] {
  const lines = e.comparisons
    .filter((c) => c.level !== 0)
    .sort((a, b) => Math.abs(b.weight + b.tfAdjustment) - Math.abs(a.weight + a.tfAdjustment))
    .map((c) => {
      const values = c.left !== null || c.right !== null ? ` (${c.left ?? '-'} ~ ${c.right ?? '-'})` : '';
      const tf = c.tfAdjustment !== 0 ? `, ${bits(c.tfAdjustment)} for a ${c.tfAdjustment < 0 ? 'common' : 'rare'} value` : '';
      return `${c.comparison}: ${c.label}${values} ${bits(c.weight)} bits${tf}`;
    });
  if (e.namesSwapped) lines.push('given name and surname are the other way round in one record');
  lines.push(`prior ${bits(e.priorWeight)} bits, match weight ${bits(e.matchWeight)} bits, probability ${e.probability.toFixed(4)}`);
  if (e.veto) lines.push(`not linked: ${e.veto}`);
  return lines;
}
