import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_LEVELS,
  compareAddresses,
  compareCategories,
  compareDates,
  compareEmails,
  compareIdentifiers,
  compareName,
  compareNames,
  comparePhones,
  comparePostcodes,
  compareTowns,
  DATE_LEVELS,
  jaroWinkler,
  jaroWinklerIfAtLeast,
  NAME_LEVELS,
  POSTCODE_LEVELS,
  RESIDENCE_LEVELS,
  residenceLevel,
  tokenSetSimilarity,
  transpositionDistanceAtMost,
} from './comparators.js';
import { addressFeatures, identifierFeatures, nameFeatures, postcodeFeatures } from './features.js';
import { normaliseAddress, normaliseName, normalisePostcode, parseDate } from './normalise.js';
import { decodeDate, encodeDate } from './record.js';

const name = (s: string, surname = false) => nameFeatures(normaliseName(s)!, surname);
const nameLevel = (a: string, b: string) => NAME_LEVELS[compareName(name(a), name(b))];
const date = (s: string) => decodeDate(encodeDate(parseDate(s)!));
const dateLevel = (a: string, b: string) => DATE_LEVELS[compareDates(date(a), date(b))];
const address = (s: string) => addressFeatures(normaliseAddress(s)!);
const postcode = (s: string) => postcodeFeatures(normalisePostcode(s)!);

describe('string metrics', () => {
  it('counts transpositions as one edit and stops past the limit', () => {
    expect(transpositionDistanceAtMost('19850412', '19580412', 2)).toBe(1);
    expect(transpositionDistanceAtMost('19850412', '19860412', 2)).toBe(1);
    expect(transpositionDistanceAtMost('abc', 'abc', 1)).toBe(0);
    expect(transpositionDistanceAtMost('abcdef', 'azcdey', 1)).toBe(Infinity);
    expect(transpositionDistanceAtMost('abcdef', 'azcdey', 2)).toBe(2);
    expect(transpositionDistanceAtMost('', 'ab', 2)).toBe(2);
  });

  it('agrees with a plain optimal-string-alignment distance', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1'), maxLength: 8 }), (a, b) => {
        const d = osa(a, b);
        expect(transpositionDistanceAtMost(a, b, 2)).toBe(d <= 2 ? d : Infinity);
      }),
      { numRuns: 500 },
    );
  });

  it('skips Jaro-Winkler only when it could not reach the threshold', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'e', 'h', 'm', 'o', 'r'), minLength: 1, maxLength: 9 }), fc.string({ unit: fc.constantFrom('a', 'e', 'h', 'm', 'o', 'r'), minLength: 1, maxLength: 9 }), (a, b) => {
        const jw = jaroWinkler(a, b);
        const fast = jaroWinklerIfAtLeast(a, b, 0.8);
        if (jw >= 0.8) expect(fast).toBe(jw);
        else expect(fast < 0.8).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('measures token-set similarity with fuzzy tokens', () => {
    expect(tokenSetSimilarity(['12', 'high', 'street'], ['12', 'high', 'street'])).toBe(1);
    expect(tokenSetSimilarity(['12', 'high', 'street'], ['high', 'street', '12'])).toBe(1);
    expect(tokenSetSimilarity(['12', 'hgih', 'street'], ['12', 'high', 'street'])).toBe(1);
    expect(tokenSetSimilarity(['12', 'high', 'street'], ['4', 'mill', 'lane'])).toBe(0);
  });
});

describe('names', () => {
  it('grades name agreement', () => {
    expect(nameLevel('Mohammed', 'Mohammed')).toBe('exact');
    expect(nameLevel('Mohammed', 'Muhammad')).toBe('variant');
    expect(nameLevel('Gashi', 'Gashaj')).toBe('variant');
    expect(nameLevel('Nguyễn', 'Nguyen')).toBe('exact');
    expect(nameLevel('Catherine', 'Cathrine')).toBe('variant');
    expect(nameLevel('Abdul Rahman', 'Abdulrahman')).toBe('variant');
    expect(nameLevel('Mohammed Ali', 'Mohammed')).toBe('close');
    expect(nameLevel('Stephen', 'Steven')).toBe('similar');
    expect(nameLevel('Jon', 'John')).toBe('close');
    expect(nameLevel('Thomas', 'Tomas')).toBe('variant');
    expect(nameLevel('Sarah', 'Sara')).toBe('close');
    expect(nameLevel('Smith', 'Smyth')).toBe('variant');
    expect(nameLevel('Kathy', 'Cathy')).toBe('variant');
    expect(nameLevel('Haryley', 'Harley')).toBe('variant');
    expect(nameLevel('Annabel', 'Anabelle')).toBe('variant');
    expect(nameLevel('Rebecca', 'Robert')).toBe('different');
    expect(nameLevel('Thi Duong', 'Thi Ly')).toBe('different');
    expect(compareName(null, name('x'))).toBe(0);
  });

  it('compares given name and surname crosswise when they are swapped', () => {
    const out = new Uint8Array(2);
    const swapped = compareNames(name('Nguyen'), name('Hung', true), name('Hung'), name('Nguyen', true), out);
    expect(swapped).toBe(true);
    expect([NAME_LEVELS[out[0]], NAME_LEVELS[out[1]]]).toEqual(['exact', 'exact']);
    const straight = compareNames(name('Anna'), name('Jones', true), name('Ana'), name('Jones', true), out);
    expect(straight).toBe(false);
    expect(NAME_LEVELS[out[1]]).toBe('exact');
  });

  it('reads a swap the right way round: the given-name level is about given names', () => {
    // A holds its surname in the given-name field; its true given name differs from B's.
    const out = new Uint8Array(2);
    compareNames(name('Berpenwood'), name('Eena', true), name('Dylan'), name('Berpenwood', true), out);
    expect(NAME_LEVELS[out[0]]).toBe('different');
    expect(NAME_LEVELS[out[1]]).toBe('exact');
  });
});

describe('dates', () => {
  it('grades date agreement', () => {
    expect(dateLevel('1985-04-12', '12/04/1985')).toBe('exact');
    expect(dateLevel('1985-04-12', '1985-04-13')).toBe('one edit or day-month swap');
    expect(dateLevel('1985-04-12', '1958-04-12')).toBe('one edit or day-month swap');
    expect(dateLevel('1985-04-12', '1985-12-04')).toBe('one edit or day-month swap');
    expect(dateLevel('1985-04-12', '1985-05-13')).toBe('within two edits');
    expect(dateLevel('1985-04-12', '1962-09-30')).toBe('different');
    expect(compareDates(null, date('1985'))).toBe(0);
  });

  it('treats year-only and placeholder dates as agreeing only on the year', () => {
    expect(dateLevel('1985', '1985-04-12')).toBe('same year');
    expect(dateLevel('01/01/1985', '1985-04-12')).toBe('same year');
    expect(dateLevel('01/01/1985', '1986-04-12')).toBe('different');
    expect(dateLevel('01/01/1985', '01/01/1985')).toBe('exact');
  });
});

describe('residence', () => {
  it('grades addresses, postcodes and towns', () => {
    expect(ADDRESS_LEVELS[compareAddresses(address('12 High St'), address('12 high street'))]).toBe('exact');
    expect(ADDRESS_LEVELS[compareAddresses(address('12 High Street Northside'), address('12 High Street'))]).toBe('most tokens');
    expect(ADDRESS_LEVELS[compareAddresses(address('177 pridham street'), address('177 pridhamstreet'))]).toBe('most tokens');
    expect(ADDRESS_LEVELS[compareAddresses(address('12 High Street'), address('14 High Street'))]).toBe('some tokens');
    expect(ADDRESS_LEVELS[compareAddresses(address('12 High Street'), address('4 Mill Lane'))]).toBe('different');
    expect(POSTCODE_LEVELS[comparePostcodes(postcode('SW1A 1AA'), postcode('sw1a1aa'))]).toBe('exact');
    expect(POSTCODE_LEVELS[comparePostcodes(postcode('SW1A 1AA'), postcode('SW1A 1BB'))]).toBe('same sector or one edit');
    expect(POSTCODE_LEVELS[comparePostcodes(postcode('SW1A 1AA'), postcode('SW1A 2XY'))]).toBe('same outward code');
    expect(POSTCODE_LEVELS[comparePostcodes(postcode('2193'), postcode('2139'))]).toBe('same sector or one edit');
    expect(POSTCODE_LEVELS[comparePostcodes(postcode('SW1A 1AA'), postcode('M1 1AE'))]).toBe('different');
    expect(compareTowns('forest hill', 'forets hill')).toBe(2);
    expect(compareTowns('salisburyh eights', 'salisbury heights')).toBe(2);
    expect(compareTowns('leeds', 'luton')).toBe(1);
  });

  it('combines address, postcode and town into one residence level', () => {
    const level = (a: number, p: number, t: number) => RESIDENCE_LEVELS[residenceLevel(a, p, t)];
    expect(level(4, 4, 3)).toBe('exact');
    expect(level(4, 0, 0)).toBe('exact');
    expect(level(3, 3, 3)).toBe('same address');
    expect(level(1, 4, 3)).toBe('same postcode');
    expect(level(2, 1, 1)).toBe('nearby');
    expect(level(1, 1, 3)).toBe('same town');
    expect(level(1, 1, 1)).toBe('different');
    expect(level(0, 0, 0)).toBe('missing');
  });
});

describe('contacts, identifiers and categories', () => {
  it('grades phones and e-mails', () => {
    expect(comparePhones('+447700900123', '+447700900123')).toBe(3);
    expect(comparePhones('+447700900123', '+447700900132')).toBe(2);
    expect(comparePhones('+447700900123', '+447911123456')).toBe(1);
    expect(comparePhones(null, '+447700900123')).toBe(0);
    expect(compareEmails('ann.lee@example.com', 'ann.lee@example.com')).toBe(3);
    expect(compareEmails('ann.lee@example.com', 'ann.lee@example.org')).toBe(2);
    expect(compareEmails('ann.lee@example.com', 'bob@example.com')).toBe(1);
  });

  it('compares identifiers only within a type', () => {
    const ids = (...v: string[]) => identifierFeatures(v.sort().join('|'));
    expect(compareIdentifiers(ids('passport:P123456'), ids('passport:P123456', 'nino:AB123456C'))).toBe(3);
    expect(compareIdentifiers(ids('passport:P123456'), ids('passport:P123465'))).toBe(2);
    expect(compareIdentifiers(ids('passport:P123456'), ids('passport:Q999999'))).toBe(1);
    expect(compareIdentifiers(ids('passport:P123456'), ids('nino:AB123456C'))).toBe(0);
  });

  it('compares categories exactly', () => {
    expect(compareCategories('f', 'f')).toBe(2);
    expect(compareCategories('f', 'm')).toBe(1);
    expect(compareCategories(null, 'm')).toBe(0);
  });
});
