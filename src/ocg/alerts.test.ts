import { describe, expect, it } from 'vitest';
import { alertsFor, type GroupActivity } from './alerts.js';
import { DEFAULT_SCORING_CONFIG as cfg } from './scoring.js';

const today = '2026-06-01';
const base: GroupActivity = {
  status: 'active',
  grade: 'P4',
  createdOn: '2025-01-01',
  lastAssessedOn: '2026-05-01',
  nextDue: '2027-05-01',
  newIntelligence: 0,
  lastIntelligenceOn: null,
  lastDisruptionOn: null,
  lastInvestigationOn: null,
};
const kinds = (g: Partial<GroupActivity>) => alertsFor({ ...base, ...g }, today, cfg).map((a) => a.kind);

describe('assessment alerts (the vicious circle)', () => {
  it('raises nothing for a recently assessed group with nothing new', () => {
    expect(kinds({})).toEqual([]);
  });

  it('flags a group never assessed', () => {
    expect(kinds({ grade: null, lastAssessedOn: null, nextDue: null, createdOn: '2026-05-20' })).toEqual(['not_assessed']);
  });

  it('flags an overdue assessment, and clears it once the due date moves on', () => {
    expect(kinds({ nextDue: '2026-05-31' })).toEqual(['overdue']);
    expect(kinds({ nextDue: '2026-06-01' })).toEqual([]);
  });

  it('flags new intelligence on a low grade but not on a high one', () => {
    expect(kinds({ newIntelligence: 2, lastIntelligenceOn: '2026-05-20' })).toEqual(['new_intelligence']);
    expect(kinds({ grade: 'P3', newIntelligence: 1, lastIntelligenceOn: '2026-05-20' })).toEqual(['new_intelligence']);
    expect(kinds({ grade: 'P2', newIntelligence: 1, lastIntelligenceOn: '2026-05-20' })).toEqual([]);
  });

  it('flags a group with no activity for the configured period; any activity or assessment resets it', () => {
    expect(kinds({ lastAssessedOn: '2025-11-01', nextDue: '2026-11-01' })).toEqual(['inactive']);
    expect(kinds({ lastAssessedOn: '2025-11-01', nextDue: '2026-11-01', lastDisruptionOn: '2026-04-01' })).toEqual([]);
    expect(alertsFor({ ...base, lastAssessedOn: '2025-11-01', nextDue: '2026-11-01' }, today, { ...cfg, inactivityDays: 365 })).toEqual([]);
  });

  it('ignores archived groups', () => {
    expect(kinds({ status: 'archived', nextDue: '2020-01-01' })).toEqual([]);
  });
});
