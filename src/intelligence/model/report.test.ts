import { describe, expect, it } from 'vitest';
import {
  checkReport,
  MISSING_CODE_MESSAGE,
  nextStatus,
  normaliseConditions,
  threatsOfCodes,
} from './report.js';

const base = { crimeCodes: ['OIC-SB'], sourceEvaluation: 2, assessment: 'B', handlingCode: 'P' as const };

describe('intelligence report rules', () => {
  it('refuses a report for submission without a crime identifier code, but keeps it as a draft', () => {
    const errors = checkReport({ ...base, crimeCodes: [] }, { forSubmission: true });
    expect(errors).toEqual([{ field: 'crimeCodes', message: MISSING_CODE_MESSAGE }]);
    expect(checkReport({ ...base, crimeCodes: [] }, { forSubmission: false })).toEqual([]);
  });

  it('refuses unknown codes and a grading that is not complete when submitting', () => {
    expect(checkReport({ ...base, crimeCodes: ['XX'] }, { forSubmission: false })[0]!.field).toBe(
      'crimeCodes',
    );
    const fields = checkReport(
      { ...base, sourceEvaluation: null, assessment: null },
      { forSubmission: true },
    ).map((e) => e.field);
    expect(fields).toEqual(['sourceEvaluation', 'assessment']);
  });

  it('keeps MSHT and OIC apart: threats follow the codes and must agree with them', () => {
    expect(threatsOfCodes(['MSHT-LAB', 'OIC-SB', 'OIC'])).toEqual(['msht', 'oic']);
    expect(checkReport({ ...base, threats: ['msht'] }, { forSubmission: true })[0]!.field).toBe('threats');
    expect(
      checkReport(
        { ...base, crimeCodes: ['OIC-SB', 'MSHT-LAB'], threats: ['oic', 'msht'] },
        { forSubmission: true },
      ),
    ).toEqual([]);
  });

  it('needs conditions for handling code C and drops them for P', () => {
    expect(
      checkReport({ ...base, handlingCode: 'C', conditions: {} }, { forSubmission: true })[0]!.field,
    ).toBe('conditions');
    expect(
      checkReport(
        { ...base, handlingCode: 'C', conditions: { namedAgencies: ['nca'] } },
        { forSubmission: true },
      ),
    ).toEqual([]);
    expect(normaliseConditions('P', { namedAgencies: ['nca'] })).toBeNull();
    expect(normaliseConditions('C', { namedAgencies: ['nca', 'nca'], consentedAgencies: ['kent'] })).toEqual({
      namedAgencies: ['nca'],
    });
  });

  it('moves through review only in order', () => {
    expect(nextStatus('draft', 'submit')).toBe('awaiting_review');
    expect(nextStatus('needs_codes', 'submit')).toBe('awaiting_review');
    expect(nextStatus('awaiting_review', 'approve')).toBe('approved');
    expect(nextStatus('awaiting_review', 'return')).toBe('returned');
    expect(nextStatus('draft', 'approve')).toBeNull();
    expect(nextStatus('approved', 'submit')).toBeNull();
  });
});
