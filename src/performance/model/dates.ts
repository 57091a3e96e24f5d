/** ISO date helpers ('YYYY-MM-DD', UTC) for the performance capability. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
export const toDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: IsoDate, n: number) => iso(new Date(toDate(d).getTime() + n * DAY_MS));
export const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
export const isIsoDate = (v: unknown): v is IsoDate =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(toDate(v).getTime()) &&
  iso(toDate(v)) === v;

/** Adds whole months, keeping the day where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Today in the United Kingdom. FUSION_TODAY fixes it (tests, reproducible benchmarks). */
export function todayInUk(now = new Date()): IsoDate {
  const fixed = process.env.FUSION_TODAY;
  if (fixed && isIsoDate(fixed)) return fixed;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The twelve months to `today`, both ends included: the period every headline figure covers. */
export function lastTwelveMonths(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** 'YYYY-MM' of the n months ending with today's month, oldest first. */
export function monthsTo(today: IsoDate, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7));
  return out;
}

/** A date as the GOV.UK style writes it: 31 December 2025. */
export function longDate(d: IsoDate | null | undefined): string {
  if (!d) return '';
  return toDate(d).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
