import { describe, expect, it } from 'vitest';
import { averageSentence, type ChargeFact, chargingMix, convictionRate, liveOverTime, outcomeRates } from './outcomes.js';

const charge = (investigationId: string, subjectId: string, group: string, outcome: string, exploitation = ['criminal'], sentenceMonths: number | null = null): ChargeFact => ({
  investigationId,
  subjectId,
  group,
  outcome,
  sentenceMonths,
  exploitation,
});

describe('what works', () => {
  it('counts investigations live at each year end', () => {
    const live = liveOverTime(
      [
        { threat: 'msht', openedOn: '2020-03-01', closedOn: '2021-06-01' },
        { threat: 'msht', openedOn: '2021-01-01', closedOn: null },
        { threat: 'oic', openedOn: '2021-05-01', closedOn: '2021-12-31' },
      ],
      2020,
      '2022-05-01',
    );
    expect(live).toEqual([
      { year: 2020, at: '2020-12-31', msht: 1, oic: 0 },
      { year: 2021, at: '2021-12-31', msht: 1, oic: 0 },
      { year: 2022, at: '2022-05-01', msht: 1, oic: 0 },
    ]);
  });

  it('computes the conviction rate per defendant over finished prosecutions', () => {
    const r = convictionRate([
      charge('i1', 's1', 'msa_s2', 'convicted'),
      charge('i1', 's1', 'drugs', 'acquitted'),
      charge('i1', 's2', 'drugs', 'acquitted'),
      charge('i2', 's3', 'msa_s1', 'pending'),
    ]);
    expect(r).toEqual({ defendants: 3, finished: 2, convicted: 1, rate: 0.5 });
  });

  it('gives the charging mix by exploitation type and the MSA share', () => {
    const mix = chargingMix([charge('i1', 's1', 'msa_s2', 'convicted'), charge('i1', 's1', 'drugs', 'convicted'), charge('i2', 's2', 'sexual', 'convicted', ['sexual'])], ['criminal', 'sexual'], ['msa_s1', 'msa_s2', 'drugs', 'sexual']);
    expect(mix[0]).toEqual({ type: 'criminal', counts: { msa_s1: 0, msa_s2: 1, drugs: 1, sexual: 0 }, total: 2, msaShare: 0.5 });
    expect(mix[1]!.msaShare).toBe(0);
  });

  it('averages sentences of convictions only', () => {
    expect(averageSentence([charge('i', 's', 'msa_s1', 'convicted', [], 60), charge('i', 't', 'msa_s1', 'convicted', [], 72), charge('i', 'u', 'msa_s1', 'acquitted')], 'msa_s1')).toEqual({ n: 2, years: 5.5 });
  });

  it('compares outcome rates of closed cases with and without a characteristic', () => {
    const base = { dedicated_team: false, financial_investigation: false, victim_navigator: false, evidence_led: false, early_advice: false };
    const rates = outcomeRates([
      { id: 'a', closed: true, characteristics: { ...base, dedicated_team: true }, charged: true, convicted: true, msaCharged: true },
      { id: 'b', closed: true, characteristics: base, charged: false, convicted: false, msaCharged: false },
      { id: 'c', closed: false, characteristics: { ...base, dedicated_team: true }, charged: false, convicted: false, msaCharged: false },
    ]);
    const dedicated = rates.find((r) => r.characteristic === 'dedicated_team')!;
    expect(dedicated.with).toEqual({ n: 1, charged: 1, convicted: 1, msa: 1 });
    expect(dedicated.without).toEqual({ n: 1, charged: 0, convicted: 0, msa: 0 });
  });
});
