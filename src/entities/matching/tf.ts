/**
 * Term-frequency adjustment. Agreeing on "Smith", on a shared HMO address or on a car-wash phone
 * number is weaker evidence than agreeing on a rare value: the exact-agreement weight log2(m/u) uses
 * u = the value's own frequency instead of the field's average chance agreement.
 */

/** Chance that two distinct records, both with a value, agree exactly: sum of c(c-1) / n(n-1). */
export function exactAgreementU(counts: readonly number[], nonNull: number): number {
  if (nonNull < 2) return 1;
  let sum = 0;
  for (const c of counts) sum += c * (c - 1);
  return Math.max(sum / (nonNull * (nonNull - 1)), 1 / (nonNull * (nonNull - 1)));
}

/**
 * Bits added to the exact-agreement weight for a value held by `count` of `nonNull` records:
 * log2(uExact / p) with p = count / nonNull. Negative for common values, positive for rare ones.
 */
export function tfAdjustment(uExact: number, count: number, nonNull: number): number {
  if (nonNull === 0) return 0;
  const p = Math.max(count, 1) / nonNull;
  return Math.log2(uExact / p);
}
