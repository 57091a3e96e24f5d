import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeGrade,
  formatGrade,
  gradeProblems,
  handlingCodes,
  intelligenceAssessments,
  parseGrade,
  sourceEvaluations,
} from './grading.js';

describe('3x5x2 grading', () => {
  it('has 3 source evaluations, 5 assessments and 2 handling codes with the standard meanings', () => {
    expect(sourceEvaluations.map((d) => [d.code, d.label])).toEqual([
      ['1', 'Reliable'],
      ['2', 'Untested'],
      ['3', 'Not reliable'],
    ]);
    expect(intelligenceAssessments.map((d) => d.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(intelligenceAssessments[1].label).toBe('Known indirectly but corroborated');
    expect(handlingCodes.map((d) => [d.code, d.label])).toEqual([
      ['P', 'Lawful sharing permitted'],
      ['C', 'Lawful sharing permitted with conditions'],
    ]);
  });

  it('formats and parses every grade both ways', () => {
    const grade = fc.record({
      source: fc.constantFrom('1', '2', '3' as const),
      assessment: fc.constantFrom('A', 'B', 'C', 'D', 'E' as const),
      handling: fc.constantFrom('P', 'C' as const),
    });
    fc.assert(
      fc.property(grade, (g) => {
        expect(parseGrade(formatGrade(g))).toEqual(g);
      }),
    );
    expect(parseGrade(' 2 b c ')).toEqual({ source: '2', assessment: 'B', handling: 'C' });
    expect(parseGrade('1AP')).toEqual({ source: '1', assessment: 'A', handling: 'P' });
    for (const bad of ['4/A/P', '1/F/P', '1/A/X', '', '1A', 'AP1']) expect(parseGrade(bad), bad).toBeNull();
  });

  it('requires conditions with handling code C and none with P', () => {
    expect(gradeProblems({ source: '1', assessment: 'A', handling: 'P' })).toEqual([]);
    expect(
      gradeProblems({
        source: '2',
        assessment: 'C',
        handling: 'C',
        conditions: 'Not to be shared with NGOs',
      }),
    ).toEqual([]);
    expect(gradeProblems({ source: '2', assessment: 'C', handling: 'C', conditions: '  ' })).toEqual([
      'Handling code C needs the conditions on sharing to be stated.',
    ]);
    expect(gradeProblems({ source: '1', assessment: 'A', handling: 'P', conditions: 'x' })).toHaveLength(1);
    expect(gradeProblems({})).toHaveLength(3);
  });

  it('describes a grade in words', () => {
    expect(describeGrade({ source: '1', assessment: 'B', handling: 'C' })).toBe(
      '1/B/C: source reliable; known indirectly but corroborated; lawful sharing permitted with conditions',
    );
  });
});
