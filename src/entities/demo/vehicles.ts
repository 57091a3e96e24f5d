// Vehicles for network members. Registration marks have the current UK shape (AB12 CDE), with age
// identifiers that the DVLA will not issue before 2028, so no generated mark belongs to a real vehicle today.

import type { Rng } from './rng.js';
import { weightedPicker } from './rng.js';

export interface SyntheticVehicle {
  vrm: string;
  make: string;
  model: string;
  colour: string;
}

const MEMORY_FIRST = 'ABCDEFGHKLMNOPRSVWY';
const MEMORY_SECOND = 'ABCDEFGHJKLMNOPRSTUVWXY';
const RANDOM_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
const FUTURE_AGE_IDENTIFIERS = ['28', '78', '29', '79'];

const MODELS: readonly (readonly [string, string, number])[] = [
  ['Ford', 'Transit', 9],
  ['Mercedes-Benz', 'Sprinter', 6],
  ['Vauxhall', 'Corsa', 6],
  ['Ford', 'Fiesta', 6],
  ['Volkswagen', 'Golf', 6],
  ['BMW', '3 Series', 5],
  ['Audi', 'A3', 5],
  ['Toyota', 'Prius', 4],
  ['Mercedes-Benz', 'C-Class', 4],
  ['Vauxhall', 'Astra', 4],
  ['Nissan', 'Qashqai', 3],
  ['Peugeot', 'Partner', 3],
  ['Citroen', 'Berlingo', 3],
  ['Range Rover', 'Sport', 2],
  ['Toyota', 'Hiace', 2],
  ['Renault', 'Trafic', 2],
  ['Skoda', 'Octavia', 3],
  ['Volkswagen', 'Transporter', 3],
  ['Seat', 'Leon', 2],
  ['Kia', 'Sportage', 2],
];
const COLOURS = ['Black', 'White', 'Silver', 'Grey', 'Blue', 'Red', 'Dark Blue', 'Green'];

/** A registration mark in the current format, e.g. 'LK28 XRV'. */
export function randomVrm(rng: Rng): string {
  const letter = (alphabet: string) => alphabet[rng.int(0, alphabet.length - 1)];
  return (
    letter(MEMORY_FIRST) +
    letter(MEMORY_SECOND) +
    rng.pick(FUTURE_AGE_IDENTIFIERS) +
    ' ' +
    letter(RANDOM_LETTERS) +
    letter(RANDOM_LETTERS) +
    letter(RANDOM_LETTERS)
  );
}

/** The shape check the generator guarantees (current-format mark with a not-yet-issued age identifier). */
export const SYNTHETIC_VRM_PATTERN = /^[ABCDEFGHKLMNOPRSVWY][A-HJ-PR-Y](28|78|29|79) [A-HJ-PR-Z]{3}$/;

const pickModel = weightedPicker(MODELS.map(([make, model, w]) => [[make, model] as const, w] as const));

export function randomVehicle(rng: Rng): SyntheticVehicle {
  const [make, model] = pickModel(rng);
  return { vrm: randomVrm(rng), make, model, colour: rng.pick(COLOURS) };
}

/** `count` vehicles with distinct marks, for the networks of a data set or a stand-alone demo list. */
export function generateVehicles(rng: Rng, count: number): SyntheticVehicle[] {
  const seen = new Set<string>();
  const out: SyntheticVehicle[] = [];
  while (out.length < count) {
    const v = randomVehicle(rng);
    if (seen.has(v.vrm)) continue;
    seen.add(v.vrm);
    out.push(v);
  }
  return out;
}
