import { describe, expect, it } from 'vitest';
import { type Answers, checkAnswers, factItems, mergePage, nextStep, outcomeOf, readPage, stepsFor } from './journey.js';

const today = '2026-11-24';
const adult: Answers = {
  givenName: 'Ana',
  familyName: 'Hoxha',
  ageGroup: 'adult',
  gender: 'female',
  nationality: 'AL',
  consent: true,
  exploitationTypes: ['labour'],
  forceAreas: ['met'],
};

describe('referral journey rules', () => {
  it('derives the outcome: a child needs no consent; an adult who declines is a Duty to Notify', () => {
    expect(outcomeOf({ ageGroup: 'child' })).toBe('nrm');
    expect(outcomeOf({ ageGroup: 'adult', consent: true })).toBe('nrm');
    expect(outcomeOf({ ageGroup: 'adult', consent: false })).toBe('dtn');
    expect(outcomeOf({ ageGroup: 'adult' })).toBeNull();
    expect(stepsFor({ ageGroup: 'child' })).toEqual(['person', 'exploitation', 'indicators', 'suspects', 'child', 'check']);
    expect(stepsFor({ ageGroup: 'adult' })).toEqual(['person', 'consent', 'exploitation', 'indicators', 'suspects', 'check']);
    expect(nextStep('person', { ageGroup: 'child' })).toBe('exploitation');
  });

  it('removes every identifying answer the moment an adult declines consent', () => {
    const page = readPage('consent', { consent: 'no' }, { ...adult, dateOfBirth: '1990-01-01', account: 'Met at the car wash with Ana' }, today);
    const merged = mergePage({ ...adult, dateOfBirth: '1990-01-01', account: 'Met at the car wash with Ana', otherNames: 'A' }, page);
    expect(merged).not.toHaveProperty('givenName');
    expect(merged).not.toHaveProperty('familyName');
    expect(merged).not.toHaveProperty('otherNames');
    expect(merged).not.toHaveProperty('dateOfBirth');
    expect(merged).not.toHaveProperty('account');
    expect(merged).toMatchObject({ nationality: 'AL', exploitationTypes: ['labour'], consent: false });
    // A name typed again on the person page of a DtN is not kept either.
    const again = mergePage(merged, readPage('person', { givenName: 'Ana', ageGroup: 'adult', gender: 'female', nationality: 'AL' }, merged, today));
    expect(again).not.toHaveProperty('givenName');
  });

  it('refuses a future date of birth and an adult whose date of birth shows a child', () => {
    expect(checkAnswers({ ...adult, dateOfBirth: '2027-01-01' }, today)).toContainEqual({ field: 'dateOfBirth', message: 'Date of birth must be in the past' });
    expect(checkAnswers({ ...adult, dateOfBirth: '2010-01-01' }, today)).toContainEqual({ field: 'ageGroup', message: "The date of birth shows the person is 16: select 'Under 18 (child)'" });
    const page = readPage('person', { 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' }, {}, today);
    expect(page.errors).toContainEqual({ field: 'dateOfBirth', message: 'Date of birth must be a real date' });
  });

  it('needs a name for a referral but refuses any identity on a Duty to Notify', () => {
    expect(checkAnswers(adult, today)).toEqual([]);
    expect(checkAnswers({ ...adult, givenName: undefined, familyName: undefined }, today)[0]?.field).toBe('givenName');
    const dtn = { ...adult, consent: false };
    expect(checkAnswers(dtn, today)).toContainEqual({ field: 'givenName', message: 'A Duty to Notify must not record who the person is: remove givenName, familyName' });
  });

  it("asks for the child's safeguarding: children's services, the guardian where the area has one, missing from care", () => {
    const child: Answers = { ...adult, consent: undefined, ageGroup: 'child', forceAreas: ['gmp'] };
    const fields = checkAnswers(child, today).map((e) => e.field);
    expect(fields).toEqual(['localAuthority', 'laNotifiedOn', 'ictgReferred', 'missingFromCare']);
    const noIctg = checkAnswers({ ...child, forceAreas: ['dorset'] }, today).map((e) => e.field);
    expect(noIctg).not.toContain('ictgReferred');
  });

  it('reads the exploitation page: several types, force areas, countries by name, and names the unknown', () => {
    const page = readPage(
      'exploitation',
      { exploitationTypes: ['labour', 'criminal'], forceArea: 'kent', otherForceAreas: ['met', 'kent'], transitCountries: 'Italy, Frnace', 'exploitationFrom-month': '13', 'exploitationFrom-year': '2025' },
      {},
      today,
    );
    expect(page.answers).toMatchObject({ exploitationTypes: ['labour', 'criminal'], forceAreas: ['kent', 'met'], transitCountries: ['IT'] });
    expect(page.errors.map((e) => e.field)).toEqual(['transitCountries', 'exploitationFrom']);
  });

  it('normalises phones and vehicles into facts and names what it cannot read', () => {
    expect(factItems({ phones: ['07700 900123'], vehicles: ['ab12 cde'], addresses: ['1 High Street, Leeds LS1 4AB'] })).toEqual([
      { kind: 'phone', value: '07700 900123', normalised: '+447700900123', detail: { e164: '+447700900123' } },
      { kind: 'vehicle', value: 'ab12 cde', normalised: 'AB12CDE', detail: null },
      { kind: 'address', value: '1 High Street, Leeds LS1 4AB', normalised: '1 high street leeds ls1 4ab', detail: { postcode: 'LS1 4AB' } },
    ]);
    expect(checkAnswers({ ...adult, phones: ['call me'] }, today)[0]?.field).toBe('phones');
  });
});
