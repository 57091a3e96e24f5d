import { describe, expect, it } from 'vitest';
import { debriefRules, debriefSection, debriefSections, mayDebrief } from './debrief.js';

describe('standard debrief structure', () => {
  it('has the four sections of 001 §53 in order', () => {
    expect(debriefSections.map((s) => s.code)).toEqual([
      'recruitment',
      'transit-route',
      'border-crossing',
      'activity-in-uk',
    ]);
    expect(debriefSections.map((s) => s.order)).toEqual([1, 2, 3, 4]);
    expect(debriefSection('border-crossing').title).toBe('Border crossing');
  });

  it('gives each section several prompts with unique ids and a cited reason', () => {
    const ids = debriefSections.flatMap((s) => s.prompts.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of debriefSections) {
      expect(s.prompts.length, s.code).toBeGreaterThanOrEqual(4);
      for (const p of s.prompts) {
        expect(p.text.endsWith('?'), p.id).toBe(true);
        expect(p.seedRef.quote, p.id).toBeTruthy();
      }
    }
  });

  it('states the ground rules: voluntary, not twice, under-16s, children multi-agency', () => {
    expect(debriefRules.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'voluntary-confidential',
        'not-twice',
        'under-16',
        'children-multi-agency',
        'qualified-staff',
      ]),
    );
  });

  it('does not debrief under-16s, or people of unknown age, unless another agency asks', () => {
    expect(mayDebrief(30)).toBe(true);
    expect(mayDebrief(16)).toBe(true);
    expect(mayDebrief(15)).toBe(false);
    expect(mayDebrief(15, true)).toBe(true);
    expect(mayDebrief(null)).toBe(false);
    expect(mayDebrief(Number.NaN)).toBe(false);
  });
});
