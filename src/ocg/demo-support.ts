/**
 * Helpers shared by the ocg and investigations demo generators: deterministic ids and synthetic names built from
 * the entities demo's name pools (random combinations of common names, never real people).
 */
import { COMPOUND_MARK, drawFamilyBase, drawPersonName, type NameCulture } from '../entities/demo/names.js';
import type { Rng } from '../entities/demo/rng.js';
import { weightedPicker } from '../entities/demo/rng.js';

export type { Rng };
export { createRng, weightedPicker } from '../entities/demo/rng.js';

/** A version-4-shaped UUID drawn from the seeded generator, so demo ids are the same on every run. */
export function uuidFrom(rng: Rng): string {
  const b = Array.from({ length: 16 }, () => rng.int(0, 255));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const clean = (s: string) => s.split(COMPOUND_MARK).join('');

export function personName(rng: Rng, culture: NameCulture, male = rng.chance(0.8)): string {
  const n = drawPersonName(rng, culture, male ? 'male' : 'female');
  const given = clean([...n.given, ...n.middle].join(' '));
  const family = clean(n.family.join(' '));
  return n.order === 'family-first' ? `${family} ${given}` : `${given} ${family}`;
}

export const familyName = (rng: Rng, culture: NameCulture) => clean(drawFamilyBase(rng, culture));

export const OIC_CULTURES = weightedPicker<NameCulture>([
  ['kurdish', 30],
  ['albanian', 22],
  ['vietnamese', 10],
  ['arabic', 10],
  ['afghan', 6],
  ['persian', 6],
  ['sudanese', 4],
  ['tigrinya', 2],
  ['english', 10],
]);

export const MSHT_CULTURES = weightedPicker<NameCulture>([
  ['english', 40],
  ['albanian', 14],
  ['romanian', 14],
  ['vietnamese', 10],
  ['polish', 8],
  ['nigerian', 6],
  ['chinese', 4],
  ['pakistani', 4],
]);

export const COUNTRY_OF: Partial<Record<NameCulture, string[]>> = {
  kurdish: ['Iraq', 'France', 'Germany', 'Belgium'],
  albanian: ['Albania', 'Belgium', 'France'],
  vietnamese: ['Vietnam', 'France', 'Czech Republic'],
  arabic: ['Syria', 'Egypt', 'France', 'Libya'],
  afghan: ['Afghanistan', 'Turkey', 'France'],
  persian: ['Iran', 'Turkey', 'Germany'],
  sudanese: ['Sudan', 'Libya', 'France'],
  tigrinya: ['Eritrea', 'Libya', 'Italy'],
  english: ['Spain', 'Netherlands', 'France'],
  romanian: ['Romania'],
  polish: ['Poland'],
  nigerian: ['Nigeria'],
  chinese: ['China'],
  pakistani: ['Pakistan'],
};

export const DAY_MS = 86_400_000;
export const dayString = (d: Date) => d.toISOString().slice(0, 10);
export const dateAt = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);
/** The earlier of two ISO dates. */
export const minIso = (a: string, b: string) => (a < b ? a : b);
export const addDaysIso = (iso: string, days: number) => dayString(new Date(dateAt(iso, 0).getTime() + days * DAY_MS));
export function randomDate(rng: Rng, fromIso: string, toIso: string): string {
  const a = dateAt(fromIso, 0).getTime();
  const b = dateAt(toIso, 0).getTime();
  if (b <= a) return fromIso;
  return dayString(new Date(a + Math.floor(rng.next() * ((b - a) / DAY_MS + 1)) * DAY_MS));
}

/** Demo runs are anchored on the day they run, so due dates and "no activity" look live. */
export const demoToday = () => dayString(new Date());

export const sizeFactor = (size: string) => (size === 'xl' ? 40 : size === 'large' ? 10 : 1);
