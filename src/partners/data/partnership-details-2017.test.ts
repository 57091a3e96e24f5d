import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  FUNDING_SOURCES,
  keysOf,
  MEMBER_TYPES,
  ORGANISATION_TYPES,
  PROGRESS_MEASURES,
} from '../model/categories.js';
import { partnershipDetails2017 } from './partnership-details-2017.js';
import { partnerships2017 } from './partnerships-2017.js';

describe('seed 003 details of individual partnerships', () => {
  it('describes only partnerships of Appendix 1, in the survey figures’ own categories, each with its passage', () => {
    const ids = new Set(partnerships2017.map((p) => p.id));
    for (const [id, d] of Object.entries(partnershipDetails2017)) {
      expect(ids.has(id), id).toBe(true);
      expect(d.seedRefs.length, id).toBeGreaterThan(0);
      for (const r of d.seedRefs) expect(r.seed).toBe('003');
      if (d.chair) expect(keysOf(ORGANISATION_TYPES)).toContain(d.chair);
      if (d.coordinator) expect(keysOf(ORGANISATION_TYPES)).toContain(d.coordinator);
      for (const k of d.memberTypes ?? []) expect(keysOf(MEMBER_TYPES), `${id} member ${k}`).toContain(k);
      for (const k of d.activities ?? []) expect(keysOf(ACTIVITIES), `${id} activity ${k}`).toContain(k);
      for (const k of d.progressMeasures ?? []) expect(keysOf(PROGRESS_MEASURES)).toContain(k);
      for (const k of d.funding ?? []) expect(keysOf(FUNDING_SOURCES)).toContain(k);
    }
  });

  it('records what the case studies say: Nottingham chaired and coordinated by a district council, Wales coordinated by government', () => {
    expect(partnershipDetails2017['nottingham-and-nottinghamshire-msp']).toMatchObject({
      chair: 'la-district',
      coordinator: 'la-district',
      actionPlan: true,
    });
    expect(partnershipDetails2017['wales-partnerships']).toMatchObject({
      coordinator: 'government',
      actionPlan: true,
      governanceDocuments: true,
    });
    expect(partnershipDetails2017['west-yorkshire-atms']?.coordinator).toBe('ngo');
  });
});
