/**
 * Which police force area a record belongs to: from its postcode district (the towns the demo people live in,
 * with their real postcode districts and forces), else from the owning agency's own force area. Used for the
 * map's choropleth; a record with neither stays unplaced and is counted as such.
 */
import { TOWNS } from '../demo/places.js';
import { FORCES } from '../../kernel/reference/forces.js';

/** Short force codes some sources write, mapped to the kernel's agency codes. */
export const FORCE_CODE_ALIASES: Readonly<Record<string, string>> = {
  wmp: 'west-midlands',
  wyp: 'west-yorkshire',
  syp: 'south-yorkshire',
  nyp: 'north-yorkshire',
  leics: 'leicestershire',
  notts: 'nottinghamshire',
  lincs: 'lincolnshire',
  lancs: 'lancashire',
  cambs: 'cambridgeshire',
  beds: 'bedfordshire',
  herts: 'hertfordshire',
  northants: 'northamptonshire',
  staffs: 'staffordshire',
  hampshire: 'hampshire-and-isle-of-wight',
  'devon-cornwall': 'devon-and-cornwall',
  'avon-somerset': 'avon-and-somerset',
  glos: 'gloucestershire',
  wilts: 'wiltshire',
};

export function kernelForceCode(code: string): string {
  return FORCE_CODE_ALIASES[code] ?? code;
}

const AREA_BY_FORCE = new Map(FORCES.map((f) => [f.code, f.forceAreaCode]));

const AREA_BY_DISTRICT = new Map<string, string>();
const AREA_BY_TOWN = new Map<string, string>();
const AREA_VOTES = new Map<string, Map<string, number>>();
for (const t of TOWNS) {
  const area = AREA_BY_FORCE.get(kernelForceCode(t.force));
  if (!area) continue;
  AREA_BY_TOWN.set(t.name.toLowerCase(), area);
  for (const d of t.districts) {
    AREA_BY_DISTRICT.set(d, area);
    const letters = d.replace(/[0-9].*$/, '');
    const votes = AREA_VOTES.get(letters) ?? new Map<string, number>();
    votes.set(area, (votes.get(area) ?? 0) + 1);
    AREA_VOTES.set(letters, votes);
  }
}
const AREA_BY_POSTCODE_AREA = new Map<string, string>();
for (const [letters, votes] of AREA_VOTES) {
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) AREA_BY_POSTCODE_AREA.set(letters, best[0]);
}

/** GSS force area code for a normalised postcode ("LS6 2AB") or a town name; null when unknown. */
export function forceAreaFor(postcode: string | null, town: string | null): string | null {
  if (postcode) {
    const outward = postcode.split(' ')[0] ?? '';
    const byDistrict = AREA_BY_DISTRICT.get(outward);
    if (byDistrict) return byDistrict;
    const letters = outward.replace(/[0-9].*$/, '');
    const byArea = AREA_BY_POSTCODE_AREA.get(letters);
    if (byArea) return byArea;
  }
  if (town) {
    const byTown = AREA_BY_TOWN.get(town.trim().toLowerCase());
    if (byTown) return byTown;
  }
  return null;
}
