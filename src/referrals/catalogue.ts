import { AGENCIES, type AgencyType } from '../kernel/reference/agencies.js';
import { FORCES } from '../kernel/reference/forces.js';
import { exploitationTypes, firstResponderOrganisationTypes } from './data/exploitation.js';
import { goldenHourSteps } from './data/golden-hour.js';
import { indicatorByCode, indicatorGroups } from './data/indicators.js';
import type { ExploitationTypeCode } from './data/types.js';

/**
 * What the referral pages offer, drawn from the reference data in ./data (indicators, golden hour, exploitation
 * types) and the kernel's agencies and forces, plus the few lists this capability defines itself.
 */
export { exploitationTypes, goldenHourSteps, indicatorByCode, indicatorGroups };

export const EXPLOITATION_CODES = exploitationTypes.map((t) => t.code) as ExploitationTypeCode[];
export const exploitationLabel = (code: string) => exploitationTypes.find((t) => t.code === code)?.label ?? code;

/** Places and kinds of work where the exploitation happened (the partner recommendation rules read these). */
export const SECTORS = [
  { code: 'car-wash', label: 'Hand car wash' },
  { code: 'nail-bar', label: 'Nail bar' },
  { code: 'construction', label: 'Construction' },
  { code: 'agriculture', label: 'Agriculture' },
  { code: 'fisheries', label: 'Fishing' },
  { code: 'food-processing', label: 'Food processing or factory' },
  { code: 'manufacturing', label: 'Manufacturing' },
  { code: 'waste', label: 'Waste and recycling' },
  { code: 'restaurant', label: 'Restaurant or takeaway' },
  { code: 'hospitality', label: 'Hotel or hospitality' },
  { code: 'care', label: 'Care work' },
  { code: 'domestic-work', label: 'Private household' },
  { code: 'sex-industry', label: 'Brothel or sex work' },
  { code: 'cannabis-cultivation', label: 'Cannabis farm' },
  { code: 'begging', label: 'Begging' },
  { code: 'hmo', label: 'House in multiple occupation' },
  { code: 'doorstep-crime', label: 'Doorstep crime' },
  { code: 'other', label: 'Somewhere else' },
] as const;
export type SectorCode = (typeof SECTORS)[number]['code'];
export const SECTOR_CODES: readonly string[] = SECTORS.map((s) => s.code);
export const sectorLabel = (code: string) => SECTORS.find((s) => s.code === code)?.label ?? code;

export const INDICATOR_CODES: readonly string[] = indicatorGroups.flatMap((g) => g.items.map((i) => i.code));

/** Territorial force areas (kernel force codes), for "where in the UK". */
export const FORCE_AREAS = FORCES.map((f) => ({ code: f.code, name: f.name, region: f.region, areaCode: f.forceAreaCode }));
export const FORCE_CODES: readonly string[] = FORCE_AREAS.map((f) => f.code);
export const forceName = (code: string | null | undefined) => FORCE_AREAS.find((f) => f.code === code)?.name ?? code ?? '';

/** Local authorities known to Fusion (children's services notified through Fusion when the child's is one). */
export const LOCAL_AUTHORITIES = AGENCIES.filter((a) => a.type === 'local_authority' && a.code.startsWith('la-')).map((a) => ({
  code: a.code,
  name: a.name,
}));

/** The official statistics' first-responder categories, from the kind of referring agency. */
export function firstResponderType(agencyType: AgencyType | string, agencyCode: string): string {
  switch (agencyType) {
    case 'police_force':
    case 'rocu':
    case 'national_policing':
      return 'police';
    case 'home_office':
      return 'home-office';
    case 'local_authority':
      return 'local-authority';
    case 'nca':
      return 'nca';
    case 'regulator':
      return 'glaa';
    case 'health':
      return 'health';
    case 'ngo':
      return agencyCode === 'nspcc' || agencyCode === 'barnardos' ? 'child-ngo' : 'designated-ngo';
    default:
      return 'other';
  }
}

export const firstResponderTypeLabel = (code: string) =>
  firstResponderOrganisationTypes.find((t) => t.code === code)?.label ?? (code === 'other' ? 'Other' : code);
export const FIRST_RESPONDER_TYPES = firstResponderOrganisationTypes.map((t) => ({ code: t.code, label: t.label }));

export const GENDERS = [
  { code: 'female', label: 'Female' },
  { code: 'male', label: 'Male' },
  { code: 'other', label: 'Other' },
  { code: 'unknown', label: 'Not known' },
] as const;
export type Gender = (typeof GENDERS)[number]['code'];
export const genderLabel = (code: string) => GENDERS.find((g) => g.code === code)?.label ?? code;

export const AGE_GROUPS = [
  { code: 'child', label: 'Under 18 (child)' },
  { code: 'adult', label: '18 or over (adult)' },
] as const;
export type AgeGroup = 'child' | 'adult';
export const ageGroupLabel = (code: string) => (code === 'child' ? 'Child' : code === 'adult' ? 'Adult' : 'Not known');
