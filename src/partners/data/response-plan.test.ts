import { describe, expect, it } from 'vitest';
import { isPartnerCode } from './directory.js';
import { INCIDENT_TYPES, RESPONSE_PHASES, responsePlanFor, responsePlanItems } from './response-plan.js';

describe('National Response Plan checklist (seed 004)', () => {
  it.each(INCIDENT_TYPES.map((t) => t.type))('%s: welfare first, then the phases in order', (type) => {
    const plan = responsePlanFor(type);
    expect(plan[0].id).toBe('welfare-first');
    const order = plan.map((i) => RESPONSE_PHASES.findIndex((p) => p.phase === i.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const phases = new Set(plan.map((i) => i.phase));
    for (const p of [
      'welfare-and-safety',
      'scene',
      'evidence-and-intelligence',
      'nccu-contact',
      'counter-terrorism',
      'unaccompanied-children',
    ] as const) {
      expect(phases.has(p), `${type} ${p}`).toBe(true);
    }
  });

  it('tailors items to the incident type', () => {
    const ids = (t: 'inland' | 'maritime' | 'aviation') => responsePlanFor(t).map((i) => i.id);
    expect(ids('maritime')).toContain('seize-boat-and-equipment');
    expect(ids('maritime')).toContain('search-and-rescue');
    expect(ids('inland')).toContain('hidden-in-vehicle');
    expect(ids('aviation')).toContain('secure-aircraft');
    expect(ids('inland')).not.toContain('seize-boat-and-equipment');
    expect(ids('maritime')).not.toContain('secure-aircraft');
  });

  it('uses only directory partner codes, unique ids and seed citations', () => {
    expect(new Set(responsePlanItems.map((i) => i.id)).size).toBe(responsePlanItems.length);
    for (const item of responsePlanItems) {
      for (const p of item.partners) expect(isPartnerCode(p), `${item.id} -> ${p}`).toBe(true);
      expect(item.appliesTo.length).toBeGreaterThan(0);
      expect(item.seedRef.quote).toBeTruthy();
    }
  });

  it('always includes the NCCU contact and returning its intelligence document', () => {
    for (const { type } of INCIDENT_TYPES) {
      const nccu = responsePlanFor(type).filter((i) => i.phase === 'nccu-contact');
      expect(nccu.map((i) => i.id)).toEqual(['contact-nccu', 'return-nccu-document']);
      expect(nccu[0].partners).toContain('nccu');
    }
  });
});
