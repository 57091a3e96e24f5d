import { describe, expect, it } from 'vitest';
import { SignalsInput, type SignalRow, signalCounts, teamLocationCounts } from './governance.js';

const row = (force: string, yes: boolean, location: string | null = null): SignalRow => ({
  force_code: force,
  msht_in_control_strategy: yes ? 'yes' : 'no',
  oic_in_control_strategy: 'unsure',
  governance_meetings: 'yes',
  performance_measures: yes ? 'yes' : 'unsure',
  dedicated_team: location ? 'yes' : 'no',
  team_location: location,
});

describe('governance signals', () => {
  it('counts answers and sets them beside seed 002’s percentages', () => {
    const c = signalCounts([row('a', true, 'fib'), row('b', false), row('c', true, 'soc'), row('d', false)]);
    const control = c.find((x) => x.key === 'msht_in_control_strategy')!;
    expect(control).toMatchObject({ forces: 4, yes: 2, no: 2, unsure: 0, yesPercent: 50, seedPercent: 59 });
    expect(c.find((x) => x.key === 'oic_in_control_strategy')).toMatchObject({
      unsure: 4,
      seedPercent: null,
    });
    expect(c.find((x) => x.key === 'performance_measures')?.seedPercent).toBe(54);
    expect(
      teamLocationCounts([row('a', true, 'fib'), row('b', true, 'fib')]).find((l) => l.value === 'fib')
        ?.forces,
    ).toBe(2);
  });

  it('asks where a dedicated team sits, and only then', () => {
    const base = {
      msht_in_control_strategy: 'yes',
      oic_in_control_strategy: 'no',
      governance_meetings: 'no',
      performance_measures: 'no',
      as_of: '2026-01-01',
    };
    expect(SignalsInput.safeParse({ ...base, dedicated_team: 'yes' }).success).toBe(false);
    expect(SignalsInput.safeParse({ ...base, dedicated_team: 'yes', team_location: 'cid' }).success).toBe(
      true,
    );
    expect(SignalsInput.safeParse({ ...base, dedicated_team: 'no', team_location: 'cid' }).success).toBe(
      false,
    );
    expect(
      SignalsInput.safeParse({ ...base, dedicated_team: 'no', meeting_frequency: 'monthly' }).success,
    ).toBe(false);
  });
});
