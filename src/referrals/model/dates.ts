/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'), in UTC so a date never shifts with the clock. Working days
 * exclude weekends and bank holidays in England and Wales (the competent authorities' calendar), computed by
 * rule for any year with the one-off changes of recent years.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export const toDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: IsoDate, n: number) => iso(new Date(toDate(d).getTime() + n * DAY_MS));
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
export const isIsoDate = (v: unknown): v is IsoDate =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(toDate(v).getTime()) && iso(toDate(v)) === v;

/** Today in the United Kingdom (a decision made at 00:30 BST belongs to that day). */
export function todayInUk(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekday = (d: IsoDate) => toDate(d).getUTCDay();
const firstMonday = (year: number, month: number) => {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
};
const lastMonday = (year: number, month: number) => {
  let d = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
};

/** One-off changes by royal proclamation: moved or added days. */
const MOVED: Record<string, IsoDate> = { '2020-05-04': '2020-05-08', '2012-05-28': '2012-06-04', '2002-05-27': '2002-06-04' };
const ADDED: IsoDate[] = ['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'];
const MOVED_SPRING: Record<number, IsoDate> = { 2022: '2022-06-02' };

const cache = new Map<number, Set<IsoDate>>();

/** Bank holidays in England and Wales for a year. */
export function bankHolidays(year: number): Set<IsoDate> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: IsoDate[] = [];
  let ny = `${year}-01-01`;
  while (weekday(ny) === 0 || weekday(ny) === 6) ny = addDays(ny, 1);
  days.push(ny);
  const easter = easterSunday(year);
  days.push(addDays(easter, -2), addDays(easter, 1));
  const earlyMay = firstMonday(year, 5);
  days.push(MOVED[earlyMay] ?? earlyMay);
  const spring = MOVED_SPRING[year] ?? lastMonday(year, 5);
  days.push(MOVED[spring] ?? spring);
  days.push(lastMonday(year, 8));
  // Christmas and Boxing Day, each moved to the next free weekday when it falls at a weekend.
  const xmas = `${year}-12-25`;
  const boxing = `${year}-12-26`;
  const taken = new Set<IsoDate>();
  for (const d of [xmas, boxing]) {
    let day = d;
    while (weekday(day) === 0 || weekday(day) === 6 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
  }
  days.push(...taken);
  for (const d of ADDED) if (d.startsWith(`${year}-`)) days.push(d);
  const set = new Set(days);
  cache.set(year, set);
  return set;
}

export function isWorkingDay(d: IsoDate): boolean {
  const w = weekday(d);
  if (w === 0 || w === 6) return false;
  return !bankHolidays(Number(d.slice(0, 4))).has(d);
}

/** The date `n` working days after `d` (n >= 0; 0 gives `d` itself). */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  let day = d;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Quarter label and its first and last day: '2026-Q3' -> 2026-07-01 .. 2026-09-30. */
export function quarterRange(quarter: string): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
  return { from, to };
}

export function quarterOf(d: IsoDate): string {
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

export function monthRange(month: string): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const from = `${month}-01`;
  const to = addDays(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`, -1);
  return { from, to };
}

/** '2027-01-08' -> '8 January 2027' (for messages; pages use the view's date filter). */
export function formatIsoDate(d: IsoDate): string {
  return toDate(d).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
