import { describe, expect, it } from 'vitest';
import { compareSubjects, isoDateOfBirth, matchKeys } from './person-match.js';

const shareKey = (a: Parameters<typeof matchKeys>[0], b: Parameters<typeof matchKeys>[0]) =>
  matchKeys(a).some((k) => matchKeys(b).includes(k));

describe('matching debrief subjects across agencies', () => {
  const cases: [string, Parameters<typeof compareSubjects>[0], Parameters<typeof compareSubjects>[1]][] = [
    [
      'diacritics and date format',
      { givenName: 'Van An', familyName: 'Nguyen', dateOfBirth: '1998-03-14', nationality: 'VN' },
      { givenName: 'Văn Ân', familyName: 'Nguyễn', dateOfBirth: '14/03/1998', nationality: 'Vietnamese' },
    ],
    [
      'name order swapped',
      { givenName: 'Van An', familyName: 'Nguyen', dateOfBirth: '1998-03-14', nationality: 'VN' },
      { givenName: 'Nguyen', familyName: 'Van An', dateOfBirth: '1998-03-14', nationality: 'VNM' },
    ],
    [
      'Albanian clan ending',
      { givenName: 'Elion', familyName: 'Hoxha', dateOfBirth: '1995-07-02', nationality: 'AL' },
      { givenName: 'Elion', familyName: 'Hoxhaj', dateOfBirth: '02.07.1995', nationality: 'Albania' },
    ],
    [
      'Arabic romanisation',
      { givenName: 'Mohammed', familyName: 'Al-Hassan', dateOfBirth: '1990-05-05', nationality: 'SD' },
      { givenName: 'Muhammad', familyName: 'Alhasan', dateOfBirth: '1990-05-05', nationality: 'SD' },
    ],
    [
      'day and month swapped',
      { givenName: 'Besnik', familyName: 'Krasniqi', dateOfBirth: '1993-09-11', nationality: 'AL' },
      { givenName: 'Besnik', familyName: 'Krasnici', dateOfBirth: '1993-11-09', nationality: 'AL' },
    ],
  ];
  it.each(cases)(
    'matches the same person written another way (%s) and the two share a blocking key',
    (_label, a, b) => {
      expect(compareSubjects(a, b).match).toBe(true);
      expect(shareKey(a, b)).toBe(true);
    },
  );

  it('does not match a different date of birth or a different person with the same birthday', () => {
    expect(
      compareSubjects(
        { givenName: 'Mohammed', familyName: 'Al-Hassan', dateOfBirth: '1990-05-05' },
        { givenName: 'Mohammed', familyName: 'Al-Hassan', dateOfBirth: '1984-11-21' },
      ).match,
    ).toBe(false);
    expect(
      compareSubjects(
        { givenName: 'Besnik', familyName: 'Krasniqi', dateOfBirth: '1993-09-11' },
        { givenName: 'Arben', familyName: 'Berisha', dateOfBirth: '1993-09-11' },
      ).match,
    ).toBe(false);
  });

  it('reads a date of birth as ISO only when it is a real full date', () => {
    expect(isoDateOfBirth('14/03/1998')).toBe('1998-03-14');
    expect(isoDateOfBirth('1998')).toBeNull();
    expect(isoDateOfBirth('31/02/1998')).toBeNull();
  });
});
