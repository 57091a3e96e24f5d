import { describe, expect, it } from 'vitest';
import { allSeedRecommendations, seedRecommendation } from '../data/seed-recommendations.js';
import { isOverdue, mayUpdateRecommendation, ownerAgencies, trackerRow } from './recommendations.js';

describe('recommendations tracker rules', () => {
  it('maps the seeds’ owners to the agencies that answer for them', () => {
    expect(ownerAgencies('National Crime Agency')).toEqual({ codes: ['nca'], types: [] });
    expect(ownerAgencies('Chief constables')).toEqual({ codes: [], types: ['police_force'] });
    expect(ownerAgencies('Home Office / SOCA').codes).toContain('nca');
    expect(ownerAgencies('Home Office / SOCA').types).toContain('home_office');
    expect(ownerAgencies(null)).toEqual({ codes: [], types: [] });
  });

  it('is overdue past its deadline unless done or superseded (today 2026-11-24)', () => {
    const r1 = trackerRow(seedRecommendation('004-R1')!);
    expect(r1.deadline).toBe('2025-12-31');
    expect(isOverdue({ deadline: r1.deadline, status: 'not_started' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ deadline: '2026-04-30', status: 'in_progress' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ deadline: '2026-04-30', status: 'done' }, '2026-11-24')).toBe(false);
    expect(isOverdue({ deadline: null, status: 'not_started' }, '2026-11-24')).toBe(false);
    expect(isOverdue({ deadline: '2026-12-31', status: 'not_started' }, '2026-11-24')).toBe(false);
  });

  it('lets owners and the MSOICU record progress, and no one else', () => {
    const nca = trackerRow(seedRecommendation('004-R7')!);
    const chiefs = trackerRow(seedRecommendation('004-R2')!);
    const msoicu = {
      agencyCode: 'npcc-msoicu',
      agencyType: 'national_policing' as const,
      roles: ['ms_lead' as const],
    };
    const force = {
      agencyCode: 'west-yorkshire',
      agencyType: 'police_force' as const,
      roles: ['ms_lead' as const],
    };
    const analyst = { agencyCode: 'nca', agencyType: 'nca' as const, roles: ['analyst' as const] };
    expect(mayUpdateRecommendation(msoicu, nca).allow).toBe(true);
    expect(mayUpdateRecommendation(force, nca).allow).toBe(false);
    expect(mayUpdateRecommendation(force, chiefs).allow).toBe(true);
    expect(mayUpdateRecommendation(analyst, nca).allow).toBe(false);
  });

  it('starts the tracker with 10 + 13 + 37 + 12 recommendations', () => {
    const by = (s: string) => allSeedRecommendations.filter((r) => r.source === s).length;
    expect([by('004'), by('002'), by('001'), by('003')]).toEqual([10, 13, 37, 12]);
  });
});
