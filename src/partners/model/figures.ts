import { surveyFigure } from '../data/partnership-survey-figures.js';
import {
  ACTIVITIES,
  FUNDING_SOURCES,
  labelOf,
  type Option,
  ORGANISATION_TYPES,
  PROGRESS_MEASURES,
} from './categories.js';

/** Figures over the register: counts by force area (the map) and by category (the seed 003 charts). Pure. */

export interface PartnershipFacts {
  id: string;
  level: string;
  forceAreaCodes: readonly string[];
  activities: readonly string[];
  chairType: string | null;
  coordinatorType: string | null;
  progressMeasures: readonly string[];
  fundingSources: readonly string[];
  governanceDocuments: boolean | null;
  actionPlan: boolean | null;
}

export interface MapFilter {
  level?: string;
  activity?: string;
}

export const matchesFilter = (p: Pick<PartnershipFacts, 'level' | 'activities'>, f: MapFilter) =>
  (!f.level || p.level === f.level) && (!f.activity || p.activities.includes(f.activity));

/** Partnerships per force area (a partnership spanning several areas counts in each). */
export function countByForceArea(ps: readonly PartnershipFacts[], f: MapFilter = {}): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of ps) {
    if (!matchesFilter(p, f)) continue;
    for (const code of new Set(p.forceAreaCodes)) out.set(code, (out.get(code) ?? 0) + 1);
  }
  return out;
}

/**
 * Partnerships per force area whose information-sharing agreement is given effect by at least one data-sharing
 * agreement in force: where partners can actually share through Fusion.
 */
export function countSharingByForceArea(
  ps: readonly PartnershipFacts[],
  links: ReadonlyMap<string, readonly number[]>,
  inForce: ReadonlySet<number>,
  f: MapFilter = {},
): Map<string, number> {
  return countByForceArea(
    ps.filter((p) => (links.get(p.id) ?? []).some((id) => inForce.has(id))),
    f,
  );
}

export interface CategoryFigure {
  id: string;
  figure: string;
  title: string;
  question: string;
  /** How many partnerships in the register have this recorded. */
  recorded: number;
  total: number;
  rows: { key: string; label: string; count: number; surveyRank: number | null }[];
  findings: readonly string[];
  seedWhere: string;
}

interface Spec {
  id: string;
  options: readonly Option[];
  values: (p: PartnershipFacts) => readonly string[];
}

const yesNo = (prefix: string, v: boolean | null) => (v === null ? [] : [`${prefix}-${v ? 'yes' : 'no'}`]);

const SPECS: readonly Spec[] = [
  { id: 'chairs', options: ORGANISATION_TYPES, values: (p) => (p.chairType ? [p.chairType] : []) },
  {
    id: 'coordinators',
    options: ORGANISATION_TYPES,
    values: (p) => (p.coordinatorType ? [p.coordinatorType] : []),
  },
  { id: 'activities', options: ACTIVITIES, values: (p) => p.activities },
  {
    id: 'governance-documents',
    options: [
      { value: 'governance-yes', text: 'Governance documents: yes' },
      { value: 'governance-no', text: 'Governance documents: no' },
      { value: 'action-plan-yes', text: 'Action plan: yes' },
      { value: 'action-plan-no', text: 'Action plan: no' },
    ],
    values: (p) => [...yesNo('governance', p.governanceDocuments), ...yesNo('action-plan', p.actionPlan)],
  },
  { id: 'progress-measures', options: PROGRESS_MEASURES, values: (p) => p.progressMeasures },
  { id: 'funding-sources', options: FUNDING_SOURCES, values: (p) => p.fundingSources },
];

/**
 * The register's figures in the categories of seed 003's charts (Figures 5, 6, 8, 9, 10, 11), with the position
 * each category had in the published chart. The report printed the charts without values, so only the order can
 * be compared with 2017; the counts are the register's own.
 */
export function surveyComparisons(ps: readonly PartnershipFacts[]): CategoryFigure[] {
  return SPECS.map((spec) => {
    const figure = surveyFigure(spec.id)!;
    const ranks = new Map(figure.categories.map((c) => [c.key, c.rank]));
    const counts = new Map<string, number>();
    let recorded = 0;
    for (const p of ps) {
      const vs = [...new Set(spec.values(p))];
      if (vs.length) recorded++;
      for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const keys =
      spec.id === 'chairs' || spec.id === 'coordinators'
        ? figure.categories.map((c) => c.key)
        : spec.options.map((o) => o.value);
    const rows = keys.map((key) => ({
      key,
      label: labelOf(spec.options, key),
      count: counts.get(key) ?? 0,
      surveyRank: ranks.get(key) ?? null,
    }));
    return {
      id: spec.id,
      figure: figure.figure,
      title: figure.title,
      question: figure.question,
      recorded,
      total: ps.length,
      rows,
      findings: figure.findings,
      seedWhere: figure.seedRef.where,
    };
  });
}
