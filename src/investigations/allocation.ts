import type { FieldError } from '../kernel/errors.js';

/**
 * Which force leads a cross-regional MSHT investigation (DOMAIN §6; seed 002 rec 6/8: "clear and transparent
 * decision-making processes outlining the criteria for determining which region and consequently which force
 * ... should be assigned a cross-regional case. Additionally, ensure all forces provide support to the lead
 * force"). Each candidate force is scored on four criteria in the order the brief gives them; each criterion
 * hands out its weight in proportion to the force's share, so the recommendation can be read off a table.
 */

export const CAPACITY_LEVELS = ['high', 'medium', 'low', 'none'] as const;
export type Capacity = (typeof CAPACITY_LEVELS)[number];
export const CAPACITY_VALUE: Record<Capacity, number> = { high: 1, medium: 0.6, low: 0.3, none: 0 };

export interface Candidate {
  forceCode: string;
  /** Potential victims identified in the force area. */
  victims: number;
  /** Severity of the harm in the area, 0-5 (used when no force has identified victims). */
  harm: number;
  /** Principal suspects who live in the area. */
  suspects: number;
  /** Places where the main evidence is (premises, devices, accounts held there). */
  evidenceSites: number;
  capacity: Capacity;
}

export const CRITERIA = [
  { key: 'victimsOrHarm', label: 'Most victims or harm', weight: 4 },
  { key: 'suspects', label: 'Where principal suspects live', weight: 3 },
  { key: 'evidence', label: 'Where the evidence is', weight: 2 },
  { key: 'capacity', label: 'Capacity to investigate', weight: 1 },
] as const;
export type CriterionKey = (typeof CRITERIA)[number]['key'];

export interface ScoredCandidate extends Candidate {
  points: Record<CriterionKey, number>;
  total: number;
}

export interface Recommendation {
  forceCode: string | null;
  candidates: ScoredCandidate[];
  /** Whether victims or (no victims recorded anywhere) harm decided the first criterion. */
  firstCriterionUses: 'victims' | 'harm';
  reason: string;
}

const share = (v: number, total: number) => (total > 0 ? v / total : 0);
const r2 = (n: number) => Math.round(n * 100) / 100;

export function recommendLead(candidates: readonly Candidate[], forceName: (code: string) => string = (c) => c): Recommendation {
  const totalVictims = candidates.reduce((s, c) => s + c.victims, 0);
  const useVictims = totalVictims > 0;
  const totalHarm = candidates.reduce((s, c) => s + c.harm, 0);
  const totalSuspects = candidates.reduce((s, c) => s + c.suspects, 0);
  const totalEvidence = candidates.reduce((s, c) => s + c.evidenceSites, 0);
  const w = Object.fromEntries(CRITERIA.map((c) => [c.key, c.weight])) as Record<CriterionKey, number>;
  const scored: ScoredCandidate[] = candidates.map((c) => {
    const points = {
      victimsOrHarm: r2(w.victimsOrHarm * (useVictims ? share(c.victims, totalVictims) : share(c.harm, totalHarm))),
      suspects: r2(w.suspects * share(c.suspects, totalSuspects)),
      evidence: r2(w.evidence * share(c.evidenceSites, totalEvidence)),
      capacity: r2(w.capacity * CAPACITY_VALUE[c.capacity]),
    };
    return { ...c, points, total: r2(points.victimsOrHarm + points.suspects + points.evidence + points.capacity) };
  });
  // Ties: the criteria in order, then the force code, so the same facts always give the same answer.
  const ranked = [...scored].sort(
    (a, b) =>
      b.total - a.total ||
      b.points.victimsOrHarm - a.points.victimsOrHarm ||
      b.points.suspects - a.points.suspects ||
      b.points.evidence - a.points.evidence ||
      b.points.capacity - a.points.capacity ||
      a.forceCode.localeCompare(b.forceCode),
  );
  const best = ranked[0];
  if (!best) return { forceCode: null, candidates: scored, firstCriterionUses: useVictims ? 'victims' : 'harm', reason: 'No candidate forces.' };
  const parts = [
    useVictims ? `${best.victims} of ${totalVictims} victims` : `harm rated ${best.harm} (no victims identified yet)`,
    `${best.suspects} of ${totalSuspects} principal suspects live there`,
    `${best.evidenceSites} of ${totalEvidence} evidence locations`,
    `${best.capacity} capacity`,
  ];
  return {
    forceCode: best.forceCode,
    candidates: ranked,
    firstCriterionUses: useVictims ? 'victims' : 'harm',
    reason: `${forceName(best.forceCode)} scores ${best.total} of 10: ${parts.join('; ')}.`,
  };
}

export interface AllocationDecision {
  candidates: Candidate[];
  decidedForceCode: string;
  rationale: string;
  /** Duties of each supporting force (every candidate except the lead). */
  duties: Record<string, string>;
}

/** A decision must name a candidate as lead, give its rationale (always), and give every supporting force its duties. */
export function decisionErrors(d: Partial<AllocationDecision>): FieldError[] {
  const errors: FieldError[] = [];
  const candidates = d.candidates ?? [];
  if (candidates.length < 2) errors.push({ field: 'candidates', message: 'A cross-regional allocation needs at least two forces' });
  const codes = candidates.map((c) => c.forceCode);
  if (new Set(codes).size !== codes.length) errors.push({ field: 'candidates', message: 'Each force can be listed only once' });
  candidates.forEach((c, i) => {
    for (const k of ['victims', 'suspects', 'evidenceSites'] as const) {
      if (!Number.isInteger(c[k]) || c[k] < 0 || c[k] > 100_000) errors.push({ field: `candidates.${i}.${k}`, message: `Enter a whole number of ${k === 'evidenceSites' ? 'evidence locations' : k} for ${c.forceCode}` });
    }
    if (!Number.isFinite(c.harm) || c.harm < 0 || c.harm > 5) errors.push({ field: `candidates.${i}.harm`, message: `Rate harm in ${c.forceCode} from 0 to 5` });
    if (!CAPACITY_LEVELS.includes(c.capacity)) errors.push({ field: `candidates.${i}.capacity`, message: `Choose the capacity of ${c.forceCode}` });
  });
  if (!d.decidedForceCode) errors.push({ field: 'decidedForceCode', message: 'Choose the lead force' });
  else if (!codes.includes(d.decidedForceCode)) errors.push({ field: 'decidedForceCode', message: 'The lead force must be one of the candidate forces' });
  if (!d.rationale || d.rationale.trim().length < 10) {
    errors.push({ field: 'rationale', message: 'Enter the rationale for the decision (at least 10 characters): it is required even when following the recommendation' });
  }
  for (const code of codes) {
    if (code === d.decidedForceCode) continue;
    if (!d.duties?.[code]?.trim()) errors.push({ field: `duties.${code}`, message: `Enter the duties of ${code} in support of the lead force` });
  }
  return errors;
}
