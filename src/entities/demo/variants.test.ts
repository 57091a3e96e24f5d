import fc from 'fast-check';
import levenshtein from 'talisman/metrics/levenshtein.js';
import { describe, expect, it } from 'vitest';
import { drawPersonName, NAME_CULTURES } from './names.js';
import { DRAMA_RANGES, dramaNumber, PhoneAllocator } from './phones.js';
import { createRng } from './rng.js';
import { foldDiacritics, knownSpellingsOf, nameKey, transliterationAlternatives } from './transliteration.js';
import {
  abbreviateAddress,
  abbreviateCompound,
  changeEmailCase,
  decomposeUnicode,
  dobYearOnly,
  dropDiacritics,
  formatDob,
  formatPhone,
  initialOf,
  isFictionalUkPhone,
  mistypeYear,
  normalizeUkPhone,
  phoneTypo,
  placeholderDob,
  postcodeLowerCase,
  postcodeWithoutSpace,
  shortFormOf,
  splitCompound,
  swapDayMonth,
  transliterate,
  typo,
} from './variants.js';
import { generateVehicles, SYNTHETIC_VRM_PATTERN } from './vehicles.js';

const isAdjacentTransposition = (a: string, b: string) => {
  if (a.length !== b.length) return false;
  const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]
  );
};

describe('dropDiacritics', () => {
  it('removes tone marks, Albanian, Romanian and Polish diacritics and undecomposable letters', () => {
    expect(dropDiacritics('Nguyễn Thị Hương')).toBe('Nguyen Thi Huong');
    expect(dropDiacritics('Đặng Văn Đức')).toBe('Dang Van Duc');
    expect(dropDiacritics('Gëzim Çela')).toBe('Gezim Cela');
    expect(dropDiacritics('Ștefan Țurcanu')).toBe('Stefan Turcanu');
    expect(dropDiacritics('Łukasz Wiśniewski')).toBe('Lukasz Wisniewski');
  });

  it('leaves only ASCII letters in every pooled name', () => {
    const rng = createRng(1);
    for (const culture of NAME_CULTURES) {
      for (let i = 0; i < 200; i++) {
        const n = drawPersonName(rng, culture, i % 2 ? 'male' : 'female');
        const text = [...n.given, ...n.middle, ...n.family].join(' ').replaceAll('·', '');
        expect(dropDiacritics(text)).toMatch(/^[A-Za-z' -]+$/);
      }
    }
  });
});

describe('decomposeUnicode', () => {
  it('changes the code points but not the text as read', () => {
    const name = 'Nguyễn Thị Hương';
    const nfd = decomposeUnicode(name);
    expect(nfd).not.toBe(name);
    expect(nfd.normalize('NFC')).toBe(name);
    expect(decomposeUnicode('Smith')).toBe('Smith');
  });
});

describe('transliterate', () => {
  it('gives the established spellings of Arabic, Tigrinya, Albanian and Vietnamese names', () => {
    expect(transliterationAlternatives('Mohamed', 'sudanese', 'given')).toEqual(
      expect.arrayContaining(['Mohammed', 'Muhammad', 'Mohamad']),
    );
    expect(transliterationAlternatives('Ahmed', 'sudanese', 'given')).toContain('Ahmad');
    expect(transliterationAlternatives('Tesfay', 'tigrinya', 'given')).toEqual(
      expect.arrayContaining(['Tesfaye', 'Tesfai']),
    );
    expect(transliterationAlternatives('Gashi', 'albanian', 'family')).toContain('Gashaj');
    expect(transliterationAlternatives('Xhensila', 'albanian', 'given')).toContain('Jensila');
    expect(transliterationAlternatives('Krasniqi', 'albanian', 'family')).toContain('Krasnici');
    expect(transliterationAlternatives('Nguyễn', 'vietnamese', 'family')).toContain('Ngyuen');
    expect(transliterationAlternatives('Zhang', 'chinese', 'family')).toContain('Cheung');
    expect(transliterationAlternatives('Zhi·qiang', 'chinese', 'given')).toContain('Chi-chiang');
    expect(transliterationAlternatives('Xiao·ming', 'chinese', 'given')).toContain('Hsiao-ming');
    expect(transliterationAlternatives('Jian·guo', 'chinese', 'given')).toContain('Chien-guo');
    expect(knownSpellingsOf('Gebremedhin')).toContain('Ghebre·medhin');
  });

  it('never offers the same name with only diacritics, case or separators changed', () => {
    const rng = createRng(2);
    for (const culture of NAME_CULTURES) {
      for (let i = 0; i < 120; i++) {
        const n = drawPersonName(rng, culture, i % 2 ? 'male' : 'female');
        for (const [tokens, role] of [
          [n.given, 'given'],
          [n.middle, 'middle'],
          [n.family, 'family'],
        ] as const) {
          for (const token of tokens) {
            const alternatives = transliterationAlternatives(token, culture, role);
            const bad = alternatives.filter((alt) => nameKey(alt) === nameKey(token) || alt.length < 2);
            expect(bad, token).toEqual([]);
          }
        }
      }
    }
  });

  it('returns null for a name that has no other spelling', () => {
    expect(transliterate('Smith', 'english', 'family', createRng(1))).toBeNull();
    const alt = transliterate('Hussein', 'arabic', 'given', createRng(1));
    expect(alt).not.toBeNull();
    expect(alt).not.toBe('Hussein');
  });
});

describe('compounds', () => {
  it('splits a compound into words, keeping Chinese hyphenated syllables lower case', () => {
    expect(splitCompound('Gebre·medhin', ' ', 'tigrinya')).toBe('Gebre Medhin');
    expect(splitCompound('Gebre·medhin', '-', 'tigrinya')).toBe('Gebre-Medhin');
    expect(splitCompound('Abdel·rahman', ' ', 'sudanese')).toBe('Abdel Rahman');
    expect(splitCompound('Xiao·ming', '-', 'chinese')).toBe('Xiao-ming');
    expect(splitCompound('Xiao·ming', ' ', 'chinese')).toBe('Xiao Ming');
    expect(splitCompound('Tesfay', ' ', 'tigrinya')).toBeNull();
  });

  it("abbreviates Ge'ez compounds the Ethiopian and Eritrean way", () => {
    expect(abbreviateCompound('Gebre·medhin')).toBe('G/Medhin');
    expect(abbreviateCompound('Wolde·michael')).toBe('W/Michael');
    expect(abbreviateCompound('Haile·mariam')).toBe('H/Mariam');
    expect(abbreviateCompound('Abdel·rahman')).toBeNull();
  });
});

describe('short forms and initials', () => {
  it('shortens familiar names and leaves others', () => {
    const rng = createRng(1);
    expect(shortFormOf('Christopher', rng)).toBe('Chris');
    expect(shortFormOf('Oluwaseun', rng)).toBe('Seun');
    expect(shortFormOf('Katarzyna', rng)).toBe('Kasia');
    expect(shortFormOf('Tesfay', rng)).toBeNull();
    expect(initialOf('hương')).toBe('H');
  });
});

describe('typo', () => {
  it('makes exactly one keyboard edit and keeps the first letter', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,14}$/),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (word, seed) => {
          const { text, kind } = typo(word, createRng(seed));
          if (kind === null) return new Set(word.slice(1)).size === 1 && text === word;
          expect(text).not.toBe(word);
          expect(text[0]).toBe(word[0]);
          if (kind === 'transposition') expect(isAdjacentTransposition(word, text)).toBe(true);
          else expect(levenshtein(word, text)).toBe(1);
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does nothing to a name too short to mistype', () => {
    expect(typo('Li', createRng(1))).toEqual({ text: 'Li', kind: null });
  });
});

describe('dates of birth', () => {
  const d = { year: 1994, month: 3, day: 7 };

  it('writes each agency format', () => {
    expect(formatDob(d, 'iso')).toBe('1994-03-07');
    expect(formatDob(d, 'dmy-slash')).toBe('07/03/1994');
    expect(formatDob(d, 'dmy-dash')).toBe('07-03-1994');
    expect(formatDob(d, 'dmy-dot')).toBe('07.03.1994');
    expect(formatDob(d, 'text')).toBe('7 Mar 1994');
  });

  it('keeps only the year, or writes the 1 January placeholder', () => {
    expect(dobYearOnly(d)).toBe('1994');
    expect(placeholderDob(d, 'dmy-slash')).toBe('01/01/1994');
    expect(placeholderDob(d, 'iso')).toBe('1994-01-01');
  });

  it('swaps day and month only when the result is another valid date', () => {
    expect(swapDayMonth(d)).toEqual({ year: 1994, month: 7, day: 3 });
    expect(swapDayMonth({ year: 1994, month: 3, day: 13 })).toBeNull();
    expect(swapDayMonth({ year: 1994, month: 5, day: 5 })).toBeNull();
  });

  it('mistypes the year into another valid date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1940-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (date, seed) => {
          const input = {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          };
          const out = mistypeYear(input, createRng(seed));
          expect(out.year).not.toBe(input.year);
          expect(out.month).toBe(input.month);
          const check = new Date(Date.UTC(out.year, out.month - 1, out.day));
          expect(check.getUTCDate()).toBe(out.day);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('phones', () => {
  it('writes every format of a drama number and reads each back to the same number', () => {
    for (const range of DRAMA_RANGES) {
      const compact = dramaNumber(range.label, 123);
      for (const format of ['national', 'compact', 'international', 'e164', 'digits-only'] as const) {
        const written = formatPhone(compact, format);
        expect(normalizeUkPhone(written), written).toBe(compact);
        expect(isFictionalUkPhone(written), written).toBe(true);
      }
    }
    expect(formatPhone('07700900123', 'national')).toBe('07700 900123');
    expect(formatPhone('07700900123', 'international')).toBe('+44 7700 900123');
    expect(formatPhone('07700900123', 'digits-only')).toBe('447700900123');
    expect(formatPhone('02079460123', 'international')).toBe('+44 20 7946 0123');
  });

  it('rejects numbers outside the drama ranges', () => {
    for (const real of [
      '07700 901000',
      '020 7946 1000',
      '07911 123456',
      '0121 496 1000',
      '01632 961000',
      '12345',
    ]) {
      expect(isFictionalUkPhone(real), real).toBe(false);
    }
  });

  it('mistypes a number only within its drama range', () => {
    const rng = createRng(4);
    for (let i = 0; i < 2000; i++) {
      const n = dramaNumber(rng.pick(DRAMA_RANGES).label, rng.int(0, 999));
      const t = phoneTypo(n, rng);
      expect(t).not.toBe(n);
      expect(t.slice(0, 8)).toBe(n.slice(0, 8));
      expect(isFictionalUkPhone(t)).toBe(true);
    }
  });

  it('hands out mobiles first and repeats no number until the pool is used up', () => {
    const allocator = new PhoneAllocator(createRng(5));
    const venue = allocator.inRange('Leeds');
    expect(venue.startsWith('01134960')).toBe(true);
    const first = Array.from({ length: 1000 }, () => allocator.personal());
    expect(first.every((n) => n.startsWith('07700900'))).toBe(true);
    expect(new Set(first).size).toBe(1000);
    const rest = Array.from({ length: 15_999 }, () => allocator.personal());
    expect(new Set([venue, ...first, ...rest]).size).toBe(17_000);
    expect(allocator.cycles).toBe(0);
    allocator.personal();
    expect(allocator.cycles).toBe(1);
  });
});

describe('addresses and emails', () => {
  it('abbreviates the street type and flat marker', () => {
    expect(abbreviateAddress('Flat 3, 45 Ashbury Road')).toBe('Flat 3 45 Ashbury Rd');
    expect(abbreviateAddress('12 Fernley Gardens')).toBe('12 Fernley Gdns');
    expect(abbreviateAddress('8 Moss Way')).toBe('8 Moss Way');
  });

  it('writes postcodes without the space or in lower case', () => {
    expect(postcodeWithoutSpace('SW11 4PQ')).toBe('SW114PQ');
    expect(postcodeLowerCase('SW11 4PQ')).toBe('sw11 4pq');
  });

  it('changes only the case of an email address', () => {
    const rng = createRng(6);
    for (let i = 0; i < 50; i++) {
      const email = 'huong.nguyen123@example.com';
      const changed = changeEmailCase(email, rng);
      expect(changed).not.toBe(email);
      expect(changed.toLowerCase()).toBe(email);
    }
  });
});

describe('vehicles', () => {
  it('gives distinct current-format marks with unissued age identifiers', () => {
    const vehicles = generateVehicles(createRng(7), 500);
    expect(new Set(vehicles.map((v) => v.vrm)).size).toBe(500);
    for (const v of vehicles) expect(v.vrm).toMatch(SYNTHETIC_VRM_PATTERN);
  });
});

describe('foldDiacritics', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldDiacritics(foldDiacritics(s)) === foldDiacritics(s)));
  });
});
