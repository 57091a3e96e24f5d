import { describe, expect, it } from 'vitest';
import { byForce, flows, overTime, type RouteRecord, routeSteps, transitCounts } from './picture.js';

const rec = (o: Partial<RouteRecord>): RouteRecord => ({
  source: 'debrief',
  date: '2024-03-01',
  origin: 'ER',
  transit: ['SD', 'LY', 'IT', 'FR'],
  crossing: 'small boat',
  ukArea: 'met',
  ukRegion: 'London',
  threats: ['oic'],
  ...o,
});

describe('routes picture', () => {
  it('reduces a route to source, last country, entry and UK region', () => {
    expect(routeSteps(rec({}))).toEqual(['Eritrea', 'France', 'small boat', 'London']);
    expect(routeSteps(rec({ transit: [], departure: 'BE' }))[1]).toBe('Belgium');
    expect(routeSteps(rec({ origin: 'GB', transit: [], crossing: null }))[2]).toBe('British national');
  });

  it('builds flows whose links add up to the records at each step', () => {
    const records = [
      rec({}),
      rec({ origin: 'AF', transit: ['IR', 'TR', 'FR'] }),
      rec({
        origin: 'AL',
        transit: ['BE'],
        crossing: 'concealed in a lorry',
        ukRegion: 'Eastern',
        ukArea: 'essex',
      }),
    ];
    const f = flows(records);
    expect(f.total).toBe(3);
    for (let c = 0; c < 3; c++) {
      const sum = f.links.filter((l) => l.from.startsWith(`${c}:`)).reduce((s, l) => s + l.value, 0);
      expect(sum).toBe(3);
    }
    expect(f.nodes.find((n) => n.id === '1:France')!.value).toBe(2);
    expect(byForce(records).get('met')).toBe(2);
    expect(transitCounts(records)[0]).toMatchObject({ code: 'FR', n: 2 });
  });

  it('shows change over time by period', () => {
    const t = overTime(
      [
        rec({ date: '2023-05-01' }),
        rec({ date: '2024-05-01' }),
        rec({ date: '2024-06-01' }),
        rec({ origin: 'AL', date: '2024-01-01' }),
      ],
      (r) => r.origin,
      'year',
    );
    expect(t.periods).toEqual(['2023', '2024']);
    expect(t.rows[0]).toMatchObject({ key: 'ER', counts: [1, 2], change: 1 });
  });
});
