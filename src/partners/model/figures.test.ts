import { describe, expect, it } from 'vitest';
import {
  countByForceArea,
  countSharingByForceArea,
  type PartnershipFacts,
  surveyComparisons,
} from './figures.js';

const p = (
  id: string,
  level: string,
  forces: string[],
  activities: string[] = [],
  extra: Partial<PartnershipFacts> = {},
): PartnershipFacts => ({
  id,
  level,
  forceAreaCodes: forces,
  activities,
  chairType: null,
  coordinatorType: null,
  progressMeasures: [],
  fundingSources: [],
  governanceDocuments: null,
  actionPlan: null,
  ...extra,
});

describe('register figures', () => {
  const ps = [
    p('a', 'local', ['E1'], ['training']),
    p('b', 'regional', ['E1', 'E2'], ['intelligence'], {
      chairType: 'police',
      governanceDocuments: true,
      actionPlan: false,
    }),
    p('c', 'sub-regional', ['E2'], ['training', 'intelligence'], {
      chairType: 'police',
      fundingSources: ['mainstream', 'opcc'],
    }),
  ];

  it('counts partnerships per force area, a multi-area one in each, filtered by level and activity', () => {
    expect(Object.fromEntries(countByForceArea(ps))).toEqual({ E1: 2, E2: 2 });
    expect(Object.fromEntries(countByForceArea(ps, { activity: 'training' }))).toEqual({ E1: 1, E2: 1 });
    expect(Object.fromEntries(countByForceArea(ps, { level: 'regional' }))).toEqual({ E1: 1, E2: 1 });
    expect(countByForceArea(ps, { level: 'national' }).size).toBe(0);
  });

  it('counts only partnerships whose sharing agreement is given effect by an agreement in force', () => {
    const links = new Map([
      ['a', [1]],
      ['c', [2]],
    ]);
    expect(Object.fromEntries(countSharingByForceArea(ps, links, new Set([1])))).toEqual({ E1: 1 });
  });

  it('puts the register in the categories and order of the 2017 charts', () => {
    const figs = surveyComparisons(ps);
    const chairs = figs.find((f) => f.id === 'chairs')!;
    expect(chairs).toMatchObject({ recorded: 2, total: 3 });
    expect(chairs.rows[0]).toMatchObject({ key: 'police', count: 2, surveyRank: 1 });
    const gov = figs.find((f) => f.id === 'governance-documents')!;
    expect(gov.rows.find((r) => r.key === 'governance-yes')?.count).toBe(1);
    expect(gov.rows.find((r) => r.key === 'action-plan-no')?.count).toBe(1);
    expect(
      figs
        .find((f) => f.id === 'funding-sources')!
        .rows.filter((r) => r.count)
        .map((r) => r.key),
    ).toEqual(['mainstream', 'opcc']);
    expect(figs.map((f) => f.id)).toEqual([
      'chairs',
      'coordinators',
      'activities',
      'governance-documents',
      'progress-measures',
      'funding-sources',
    ]);
  });
});
