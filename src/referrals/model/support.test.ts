import { describe, expect, it } from 'vitest';
import { changeProvider, disengagement, quarterlyReport } from './support.js';

describe('victim support rules', () => {
  it('flags disengagement after the configured missed contacts in a row', () => {
    const contacts = [
      { on: '2026-09-01', outcome: 'made' as const },
      { on: '2026-10-01', outcome: 'missed' as const },
      { on: '2026-10-15', outcome: 'missed' as const },
    ];
    expect(disengagement(contacts, '2026-08-01', '2026-10-20', { missedContacts: 3, daysSilent: 60 }).flagged).toBe(false);
    const three = [...contacts, { on: '2026-10-20', outcome: 'missed' as const }];
    const f = disengagement(three, '2026-08-01', '2026-10-20', { missedContacts: 3, daysSilent: 60 });
    expect(f).toMatchObject({ flagged: true, consecutiveMissed: 3 });
    expect(disengagement(three, '2026-08-01', '2026-10-20', { missedContacts: 4, daysSilent: 60 }).flagged).toBe(false);
  });

  it('flags disengagement after the configured days without a contact made, counting from opening when none', () => {
    expect(disengagement([{ on: '2026-09-01', outcome: 'made' }], '2026-08-01', '2026-09-29', { missedContacts: 3, daysSilent: 28 }).flagged).toBe(true);
    expect(disengagement([{ on: '2026-09-01', outcome: 'made' }], '2026-08-01', '2026-09-28', { missedContacts: 3, daysSilent: 28 }).flagged).toBe(false);
    expect(disengagement([], '2026-08-01', '2026-08-10').flagged).toBe(false);
    expect(disengagement([], '2026-08-01', '2026-09-10').reasons[0]).toContain('since the case opened');
  });

  it('moves funding to a new provider from a date, closing the old period the day before', () => {
    const periods = [{ caseId: 'c', provider: 'salvation-army', from: '2026-01-01', to: null }];
    expect(changeProvider(periods, 'medaille-trust', '2026-03-01')).toEqual({ ok: true, close: { caseId: 'c', provider: 'salvation-army', from: '2026-01-01', to: '2026-02-28' } });
    expect(changeProvider(periods, 'salvation-army', '2026-03-01').ok).toBe(false);
    expect(changeProvider(periods, 'medaille-trust', '2026-01-01').ok).toBe(false);
  });

  it('reports each provider’s cases, support days and contacts in a quarter', () => {
    const rows = quarterlyReport(
      { from: '2026-07-01', to: '2026-09-30' },
      [
        { caseId: 'a', provider: 'salvation-army', from: '2026-06-01', to: '2026-07-31' },
        { caseId: 'a', provider: 'medaille-trust', from: '2026-08-01', to: null },
        { caseId: 'b', provider: 'salvation-army', from: '2026-09-21', to: null },
      ],
      [
        { caseId: 'a', provider: 'medaille-trust', on: '2026-08-10', outcome: 'made' },
        { caseId: 'a', provider: 'medaille-trust', on: '2026-09-10', outcome: 'missed' },
        { caseId: 'b', provider: 'salvation-army', on: '2026-10-01', outcome: 'made' },
      ],
      new Set(['a']),
    );
    expect(rows).toEqual([
      { provider: 'salvation-army', casesSupported: 2, casesStarted: 1, casesEnded: 1, supportDays: 31 + 10, contactsMade: 0, contactsMissed: 0, disengaged: 0 },
      { provider: 'medaille-trust', casesSupported: 1, casesStarted: 1, casesEnded: 0, supportDays: 61, contactsMade: 1, contactsMissed: 1, disengaged: 1 },
    ]);
  });
});
