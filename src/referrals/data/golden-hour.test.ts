import { describe, expect, it } from 'vitest';
import { isPartnerCode } from '../../partners/data/directory.js';
import { goldenHourStep, goldenHourSteps } from './golden-hour.js';

describe('golden hour', () => {
  it('is ordered 1..n, starts with safety and covers trust, interpreter, safeguarding, referral and partners', () => {
    expect(goldenHourSteps.map((s) => s.order)).toEqual(goldenHourSteps.map((_, i) => i + 1));
    expect(goldenHourSteps[0].id).toBe('make-safe');
    const ids = goldenHourSteps.map((s) => s.id);
    for (const id of ['gain-trust', 'interpreter', 'safeguard', 'refer-or-notify', 'call-partners']) {
      expect(ids).toContain(id);
    }
    expect(ids.indexOf('safeguard')).toBeLessThan(ids.indexOf('refer-or-notify'));
  });

  it('names only directory partners and cites a seed for every step', () => {
    expect(new Set(goldenHourSteps.map((s) => s.id)).size).toBe(goldenHourSteps.length);
    for (const step of goldenHourSteps) {
      for (const p of step.partners) expect(isPartnerCode(p), `${step.id} -> ${p}`).toBe(true);
      expect(step.seedRefs.length).toBeGreaterThan(0);
      expect(step.actions.length).toBeGreaterThan(0);
    }
  });

  it('explains consent: child without, adult with, otherwise Duty to Notify', () => {
    const step = goldenHourStep('refer-or-notify')!;
    expect(step.summary).toMatch(/child without needing consent/);
    expect(step.summary).toMatch(/Duty to Notify/);
  });
});
