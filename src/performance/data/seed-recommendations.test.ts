import { describe, expect, it } from 'vitest';
import {
  allSeedRecommendations,
  dueBy,
  hmicfrsOicRecommendations,
  iascPolicingRecommendations,
  partnershipRecommendations2017,
  seedRecommendation,
  traffickingStrategyActions,
} from './seed-recommendations.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('seed recommendations', () => {
  it('has 10 HMICFRS (004), 13 IASC policing (002) and 37 strategy actions (001)', () => {
    expect(hmicfrsOicRecommendations).toHaveLength(10);
    expect(iascPolicingRecommendations).toHaveLength(13);
    expect(traffickingStrategyActions).toHaveLength(37);
    expect(partnershipRecommendations2017).toHaveLength(12);
  });

  it('numbers each list 1..n with unique codes', () => {
    for (const list of [hmicfrsOicRecommendations, iascPolicingRecommendations, traffickingStrategyActions]) {
      expect(list.map((r) => r.number)).toEqual(list.map((_, i) => i + 1));
    }
    const codes = allSeedRecommendations.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('004-R1');
    expect(codes).toContain('002-R13');
    expect(codes).toContain('001-A37');
  });

  it('gives every 004 recommendation the owner and deadline the seed states', () => {
    const deadlines = Object.fromEntries(hmicfrsOicRecommendations.map((r) => [r.number, r.deadline]));
    expect(deadlines).toEqual({
      1: '2025-12-31',
      2: '2026-04-30',
      3: '2026-04-30',
      4: '2025-12-31',
      5: '2026-04-30',
      6: '2025-12-31',
      7: '2026-04-30',
      8: '2026-04-30',
      9: '2026-04-30',
      10: '2026-04-30',
    });
    for (const r of hmicfrsOicRecommendations) {
      expect(r.owner, r.code).toBeTruthy();
      expect(r.text.startsWith(r.deadlineText!), r.code).toBe(true);
    }
    expect(seedRecommendation('004-R6')?.owner).toBe('National Police Chiefs’ Council');
    expect(seedRecommendation('004-R9')?.partners).toEqual([
      'Modern Slavery & Organised Immigration Crime Unit',
      'College of Policing',
    ]);
  });

  it('keeps deadlines as ISO dates and only where the seed has one', () => {
    for (const r of allSeedRecommendations) {
      if (r.deadline === null) expect(r.deadlineText, r.code).toBeNull();
      else {
        expect(r.deadline, r.code).toMatch(ISO_DATE);
        expect(r.text.toLowerCase(), r.code).toContain(r.deadlineText!.toLowerCase());
      }
    }
    expect(iascPolicingRecommendations.every((r) => r.deadline === null)).toBe(true);
    expect(traffickingStrategyActions.filter((r) => r.deadline).map((r) => r.code)).toEqual([
      '001-A3',
      '001-A29',
    ]);
  });

  it('maps the two 002 numberings one-to-one and names the Home Office for recommendation 1', () => {
    const alt = iascPolicingRecommendations.map((r) => r.altNumber);
    expect([...alt].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(seedRecommendation('002-R9')?.text).toMatch(/frontline model/);
    expect(seedRecommendation('002-R9')?.altNumber).toBe(5);
    expect(seedRecommendation('002-R6')?.altNumber).toBe(8);
    expect(iascPolicingRecommendations.filter((r) => r.owner).map((r) => r.code)).toEqual(['002-R1']);
  });

  it('gives every 001 action its lead and paragraph', () => {
    for (const a of traffickingStrategyActions) {
      expect(a.owner, a.code).toBeTruthy();
      expect(a.paragraph, a.code).toMatch(/^\d+/);
    }
    expect(seedRecommendation('001-A13')?.text).toMatch(/recruitment, to transit route/);
    expect(seedRecommendation('001-A7')?.recurrence).toBe('quarterly');
  });

  it('lists what falls due by a date, soonest first', () => {
    expect(dueBy('2025-12-31', hmicfrsOicRecommendations).map((r) => r.code)).toEqual([
      '004-R1',
      '004-R4',
      '004-R6',
    ]);
    expect(dueBy('2026-04-30', hmicfrsOicRecommendations)).toHaveLength(10);
    expect(dueBy('2012-01-01').map((r) => r.code)).toEqual(['001-A29']);
  });
});
