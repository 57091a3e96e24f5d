import { describe, expect, it } from 'vitest';
import {
  canonicalNameTokens,
  canonicalToken,
  foldDiacritics,
  nameTokens,
  normaliseAddress,
  normaliseEmail,
  normaliseIdentifier,
  normaliseName,
  normaliseNationality,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  normaliseVrm,
  parseDate,
  postcodeParts,
  skeleton,
  splitFullName,
} from './normalise.js';

describe('foldDiacritics', () => {
  it('removes Vietnamese tone marks and Albanian letters', () => {
    expect(foldDiacritics('Nguyễn Thị Hương')).toBe('Nguyen Thi Huong');
    expect(foldDiacritics('Đặng Văn Đức')).toBe('Dang Van Duc');
    expect(foldDiacritics('Çela Gëzim')).toBe('Cela Gezim');
    expect(foldDiacritics('Łukasz Øberg Straße')).toBe('Lukasz Oberg Strasse');
  });
});

describe('names', () => {
  it('drops titles, digits and punctuation', () => {
    expect(nameTokens('Mr MOHAMMED  al-Amin')).toEqual(['mohammed', 'al', 'amin']);
    expect(normaliseName("Dr. Siobhán O'Brien")).toBe('siobhan obrien');
    expect(normaliseName('  ')).toBeNull();
    expect(normaliseName('Mrs')).toBeNull();
  });

  it('splits full names: comma form, capitalised surname, Vietnamese order, Arabic connectors', () => {
    expect(splitFullName('SMITH, John Paul')).toEqual({ surname: 'smith', given: 'john paul' });
    expect(splitFullName('HOXHA Arben')).toEqual({ surname: 'hoxha', given: 'arben' });
    expect(splitFullName('Nguyễn Văn Hùng')).toEqual({ surname: 'nguyen', given: 'van hung' });
    expect(splitFullName('Asma Hussein Al-Masri')).toEqual({ given: 'asma hussein', surname: 'al masri' });
    expect(splitFullName('Tesfay Mehari')).toEqual({ given: 'tesfay', surname: 'mehari' });
    expect(splitFullName('Madonna')).toEqual({ given: null, surname: 'madonna' });
  });

  it('gives transliteration variants one canonical form', () => {
    const canon = (names: string[]) => new Set(names.map((n) => canonicalToken(n)));
    expect(canon(['mohammed', 'muhammad', 'mohamed', 'mohammad', 'mohd']).size).toBe(1);
    expect(canon(['gashi', 'gashaj']).size).toBe(1);
    expect(canon(['krasniqi', 'krasniqaj', 'krasnichi']).size).toBe(1);
    expect(canon(['tesfay', 'tesfaye', 'tesfai']).size).toBe(1);
    expect(canon(['ghebremedhin', 'gebremedhin']).size).toBe(1);
    expect(canon(['hussein', 'husain', 'hussain', 'hossein']).size).toBe(1);
    expect(canon(['yusuf', 'youssef', 'yousef']).size).toBe(1);
    expect(canon([foldDiacritics('nguyễn'), 'nguyen']).size).toBe(1);
    expect(canon(['jaber', 'jabir']).size).toBe(1);
  });

  it('keeps different short names apart', () => {
    expect(canonicalToken('duong')).not.toBe(canonicalToken('dang'));
    expect(canonicalToken('hung')).not.toBe(canonicalToken('hang'));
    expect(canonicalToken('ella')).not.toBe(canonicalToken('eily'));
    expect(canonicalToken('ali')).not.toBe(canonicalToken('ola'));
  });

  it('joins Abd al- compounds and drops connectors', () => {
    const key = (s: string, surname = false) => canonicalNameTokens(nameTokens(s), surname).join(' ');
    expect(key('Abd al-Rahman')).toBe(key('Abdulrahman'));
    expect(key('Abdel Rahman')).toBe(key('Abdurrahman'));
    expect(key('Al Masri', true)).toBe(key('Almasri', true));
    expect(key('Omar bin Khalid')).toBe(key('Omar Khalid'));
  });

  it('skeleton folds letter groups and drops vowels after the first letter', () => {
    expect(skeleton('philmon')).toBe(skeleton('filmon'));
    expect(skeleton('khaled')).toBe(skeleton('kaled'));
    expect(skeleton('hoxha')).toBe(skeleton('hoja'));
  });
});

describe('parseDate', () => {
  it('reads ISO, YYYYMMDD and UK day-first dates', () => {
    expect(parseDate('1990-04-09')).toMatchObject({ text: '19900409', year: 1990, month: 4, day: 9, yearOnly: false });
    expect(parseDate('1990-04-09T00:00:00Z')?.text).toBe('19900409');
    expect(parseDate('19900409')?.text).toBe('19900409');
    expect(parseDate('09/04/1990')?.text).toBe('19900409');
    expect(parseDate('9-4-1990')?.text).toBe('19900409');
    expect(parseDate('09.04.1990')?.text).toBe('19900409');
    expect(parseDate('9 April 1990')?.text).toBe('19900409');
    expect(parseDate('April 9, 1990')?.text).toBe('19900409');
  });

  it('uses the pivot for two-digit years', () => {
    expect(parseDate('09/04/90', { pivotYear: 30 })?.year).toBe(1990);
    expect(parseDate('09/04/12', { pivotYear: 30 })?.year).toBe(2012);
  });

  it('marks year-only, month-year and placeholder dates as year-only', () => {
    expect(parseDate('1990')).toMatchObject({ text: '1990', yearOnly: true, placeholder: false });
    expect(parseDate('April 1990')).toMatchObject({ year: 1990, yearOnly: true });
    expect(parseDate('01/01/1990')).toMatchObject({ text: '19900101', yearOnly: true, placeholder: true });
    expect(parseDate('01/07/1990', { placeholderDayMonths: ['0107'] })?.placeholder).toBe(true);
  });

  it('turns a US-ordered date with a month above 12 round', () => {
    expect(parseDate('04/25/1990')?.text).toBe('19900425');
  });

  it('keeps impossible YYYYMMDD dates so they still compare by characters', () => {
    expect(parseDate('19851618')?.text).toBe('19851618');
    expect(parseDate('not a date')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('contact details', () => {
  it('writes UK phone numbers in E.164 whatever the format', () => {
    for (const p of ['07700 900123', '+44 7700 900123', '0044 7700 900123', '(07700) 900-123']) {
      expect(normalisePhone(p)).toBe('+447700900123');
    }
    expect(normalisePhone('0161 496 0000')).toBe('+441614960000');
    expect(normalisePhone('+33 1 23 45 67 89')).toBe('+33123456789');
    expect(normalisePhone('123')).toBeNull();
  });

  it('normalises UK postcodes and their parts', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode(' m1  1ae ')).toBe('M1 1AE');
    expect(normalisePostcode('2119')).toBe('2119');
    expect(postcodeParts('SW1A 1AA')).toEqual({ outcode: 'SW1A', sector: 'SW1A 1' });
    expect(postcodeParts('2119')).toBeNull();
  });

  it('normalises vehicle registration marks, fixing O/0 and I/1 by position', () => {
    expect(normaliseVrm('ab12 cde')).toBe('AB12CDE');
    expect(normaliseVrm('AB1O CDE')).toBe('AB10CDE');
    expect(normaliseVrm('A812 C0E')).toBe('A812C0E');
    expect(normaliseVrm('AB12 C0E')).toBe('AB12COE');
    expect(normaliseVrm('-')).toBeNull();
  });

  it('normalises e-mail addresses', () => {
    expect(normaliseEmail(' John.Smith+work@GoogleMail.com ')).toBe('johnsmith@gmail.com');
    expect(normaliseEmail('a.b+x@example.org')).toBe('a.b@example.org');
    expect(normaliseEmail('not an email')).toBeNull();
  });

  it('expands address abbreviations and removes an embedded postcode', () => {
    expect(normaliseAddress('Flat 3, 12 High St., London SW1A 1AA')).toBe('flat 3 12 high street london');
    expect(normaliseAddress('12 Station Rd')).toBe('12 station road');
    expect(normaliseAddress('')).toBeNull();
  });

  it('normalises sex, nationality and identifiers', () => {
    expect(normaliseSex('Female')).toBe('f');
    expect(normaliseSex('M')).toBe('m');
    expect(normaliseSex('not known')).toBeNull();
    expect(normaliseNationality('Vietnamese')).toBe('VNM');
    expect(normaliseNationality('Viet Nam')).toBe('VNM');
    expect(normaliseNationality('eritrean')).toBe('ERI');
    expect(normaliseIdentifier('passport: gb 123-456')).toBe('passport:GB123456');
    expect(normaliseIdentifier('AB 12 34 56 C')).toBe('AB123456C');
  });
});
