import { describe, expect, it } from 'vitest';
import { addWorkingDays, ageOn, bankHolidays, isWorkingDay, quarterRange, workingDaysBetween } from './dates.js';

describe('calendar of England and Wales', () => {
  it('knows the bank holidays, including moved and added ones', () => {
    expect([...bankHolidays(2024)].sort()).toEqual(['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']);
    expect([...bankHolidays(2026)].sort()).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(bankHolidays(2020).has('2020-05-08')).toBe(true);
    expect(bankHolidays(2020).has('2020-05-04')).toBe(false);
    expect(bankHolidays(2022).has('2022-06-02')).toBe(true);
    expect(bankHolidays(2022).has('2022-09-19')).toBe(true);
    expect(bankHolidays(2022).has('2022-05-30')).toBe(false);
    expect(bankHolidays(2027).has('2027-12-27')).toBe(true);
    expect(bankHolidays(2027).has('2027-12-28')).toBe(true);
  });

  it('counts five working days over a weekend and a bank holiday', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false);
    // Tuesday 22 Dec 2026 + 5 working days skips the weekend, 25 and 28 Dec.
    expect(addWorkingDays('2026-12-22', 5)).toBe('2026-12-31');
    expect(workingDaysBetween('2026-12-22', '2026-12-31')).toBe(5);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('computes ages and quarters', () => {
    expect(ageOn('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageOn('2008-11-24', '2026-11-24')).toBe(18);
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterRange('2026-Q5')).toBeNull();
  });
});
