import { describe, expect, it } from 'vitest';
import { documentState, dueDate, returnRates } from './nccu.js';

describe('NCCU intelligence documents', () => {
  it('is due 14 days after it is sent and overdue after that', () => {
    expect(dueDate('2024-06-25')).toBe('2024-07-09');
    expect(documentState({ document_status: 'due', document_due_on: '2024-07-09' }, '2024-07-09')).toBe(
      'due',
    );
    expect(documentState({ document_status: 'due', document_due_on: '2024-07-09' }, '2024-07-10')).toBe(
      'overdue',
    );
    expect(documentState({ document_status: 'returned', document_due_on: '2024-07-09' }, '2025-01-01')).toBe(
      'returned',
    );
    expect(documentState({ document_status: 'not_requested', document_due_on: null }, '2025-01-01')).toBe(
      'not_requested',
    );
  });

  it('computes the return rate by force and in total (14 of 44)', () => {
    const r = returnRates([
      { forceCode: 'kent', forceName: 'Kent Police', sent: 20, returned: 5, overdue: 15 },
      { forceCode: 'met', forceName: 'Metropolitan Police', sent: 24, returned: 9, overdue: 15 },
      { forceCode: 'dorset', forceName: 'Dorset Police', sent: 0, returned: 0, overdue: 0 },
    ]);
    expect(r.total).toMatchObject({ sent: 44, returned: 14 });
    expect(r.total.rate).toBeCloseTo(14 / 44);
    expect(r.byForce[0]!.rate).toBe(0.25);
    expect(r.byForce[2]!.rate).toBeNull();
  });
});
