import { describe, expect, it } from 'vitest';
import {
  forceSignals,
  measureById,
  mshtSeries,
  mshtSurveyMeasures,
  oicMeasures,
  oicSeries,
} from './governance-figures.js';

const allMeasures = [...forceSignals, ...mshtSurveyMeasures, ...oicMeasures];

describe('governance figures', () => {
  it('has the force signals the brief names, at the published values', () => {
    expect(measureById('msht-in-control-strategy')?.value).toBe(59);
    expect(measureById('governance-meetings')?.value).toBe(81);
    expect(measureById('performance-measures')?.value).toBe(54);
    expect(measureById('dedicated-teams')?.value).toBe(55);
  });

  it('has unique ids and a seed passage for each figure', () => {
    const ids = [
      ...allMeasures.map((m) => m.id),
      ...mshtSeries.map((s) => s.id),
      ...oicSeries.map((s) => s.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of allMeasures) expect(m.seedRef.quote, m.id).toBeTruthy();
  });

  it('has yes/no/unsure breakdowns that add up to 100', () => {
    for (const m of allMeasures) {
      const keys = m.breakdown?.map((x) => x.key) ?? [];
      if (keys.includes('yes') && keys.includes('no') && keys.includes('unsure')) {
        expect(
          m.breakdown!.reduce((sum, x) => sum + x.value, 0),
          m.id,
        ).toBe(100);
        expect(m.breakdown!.find((x) => x.key === 'yes')?.value).toBe(m.value);
      }
    }
  });

  it('is internally consistent where the seed gives parts and totals', () => {
    const teams = measureById('dedicated-teams')!;
    expect(teams.breakdown!.reduce((s, x) => s + x.value, 0)).toBe(24);
    expect(Math.round((24 / teams.base!.n) * 100)).toBe(teams.value);
    const leads = measureById('leads-also-oic')!;
    expect(leads.breakdown!.reduce((s, x) => s + x.value, 0)).toBe(37);
    const grades = measureById('ocg-priority-grades')!;
    expect(grades.breakdown!.reduce((s, x) => s + x.value, 0)).toBe(grades.value);
    const training = measureById('frontline-training')!;
    expect(training.breakdown!.reduce((s, x) => s + x.value, 0)).toBe(100);
  });

  it('has the OIC disruption series with 2024 marked partial', () => {
    const d = oicSeries.find((s) => s.id === 'oic-disruptions-police')!;
    expect(d.points.map((p) => p.value)).toEqual([22, 204, 424, 803, 575]);
    expect(d.points.at(-1)?.note).toMatch(/31 August/);
    expect(mshtSeries.find((s) => s.id === 'live-msht-investigations')!.points.at(-1)).toEqual({
      period: '2024',
      value: 3552,
    });
  });
});
