import { describe, expect, it } from 'vitest';
import { responsePlanFor } from '../data/response-plan.js';
import { checklistProgress, incidentReference, planItemIds } from './incidents.js';

describe('National Response Plan checklist progress', () => {
  it('groups the plan by phase with welfare first', () => {
    const p = checklistProgress('maritime', []);
    expect(p.phases[0]!.phase).toBe('welfare-and-safety');
    expect(p.total).toBe(responsePlanFor('maritime').length);
    expect(p).toMatchObject({ done: 0, complete: false, welfareOutstanding: false });
  });

  it('warns when later items are ticked while welfare is still open', () => {
    const tick = (itemId: string) => ({ itemId, doneAt: '2026-11-24T10:00:00Z', doneByName: 'PC' });
    expect(checklistProgress('inland', [tick('contact-nccu')]).welfareOutstanding).toBe(true);
    const welfare = responsePlanFor('inland')
      .filter((i) => i.phase === 'welfare-and-safety')
      .map((i) => tick(i.id));
    expect(checklistProgress('inland', [...welfare, tick('contact-nccu')]).welfareOutstanding).toBe(false);
    const all = responsePlanFor('aviation').map((i) => tick(i.id));
    expect(checklistProgress('aviation', all)).toMatchObject({ complete: true, done: all.length });
  });

  it('knows which items belong to which type of incident', () => {
    expect(planItemIds('maritime').has('search-and-rescue')).toBe(true);
    expect(planItemIds('inland').has('search-and-rescue')).toBe(false);
    expect(incidentReference(2026, 42)).toBe('INC-2026-00042');
  });
});
