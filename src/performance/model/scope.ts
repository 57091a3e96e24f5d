import type { Principal } from '../../kernel/access/principal.js';
import type { AgencyType } from '../../kernel/reference/agencies.js';
import { FORCES, ROCUS } from '../../kernel/reference/forces.js';

/**
 * What a dashboard covers: the nation, a policing region or one force. Pure: which forces and agencies are in
 * a scope, how a scope is written in a URL, and which scopes a user may see (force-scoped users default to their
 * force; national figures go to national agencies).
 */
export type Scope =
  | { level: 'national' }
  | { level: 'region'; region: string }
  | { level: 'force'; force: string };

export const NATIONAL: Scope = { level: 'national' };

export const REGIONS: readonly string[] = [...new Set(FORCES.map((f) => f.region))];
const FORCE_BY_CODE = new Map(FORCES.map((f) => [f.code, f]));

export const forceName = (code: string) => FORCE_BY_CODE.get(code)?.name ?? code;
export const forceRegion = (code: string) => FORCE_BY_CODE.get(code)?.region ?? null;
export const isForce = (code: string) => FORCE_BY_CODE.has(code);
export const rocuName = (code: string) => ROCUS.find((r) => r.code === code)?.name ?? code;

/** Forces in a scope; null for the nation (every force). */
export function scopeForces(scope: Scope): string[] | null {
  if (scope.level === 'national') return null;
  if (scope.level === 'force') return [scope.force];
  return FORCES.filter((f) => f.region === scope.region).map((f) => f.code);
}

/** Agencies whose records count for a scope: its forces, plus for a region the ROCUs that serve them. */
export function scopeAgencies(scope: Scope): string[] | null {
  const forces = scopeForces(scope);
  if (!forces) return null;
  if (scope.level === 'force') return forces;
  const rocus = [
    ...new Set(forces.map((f) => FORCE_BY_CODE.get(f)?.rocuCode).filter((r): r is string => !!r)),
  ];
  return [...forces, ...rocus];
}

/** 'national' | 'region:London' | 'force:met'. */
export function scopeKey(scope: Scope): string {
  return scope.level === 'national'
    ? 'national'
    : scope.level === 'region'
      ? `region:${scope.region}`
      : `force:${scope.force}`;
}

export function parseScope(value: string | undefined | null): Scope | null {
  if (!value || value === 'national') return value === 'national' ? NATIONAL : null;
  const [level, ...rest] = value.split(':');
  const arg = rest.join(':');
  if (level === 'region' && REGIONS.includes(arg)) return { level: 'region', region: arg };
  if (level === 'force' && isForce(arg)) return { level: 'force', force: arg };
  return null;
}

export function scopeLabel(scope: Scope): string {
  if (scope.level === 'national') return 'All forces (national)';
  if (scope.level === 'region') return `${scope.region} region`;
  return forceName(scope.force);
}

/** Kinds of agency that see national figures (and any region or force). */
export const NATIONAL_AGENCY_TYPES: readonly AgencyType[] = [
  'nca',
  'national_policing',
  'home_office',
  'competent_authority',
  'government',
  'prosecutor',
  'regulator',
];

type Who = Pick<Principal, 'agencyCode' | 'agencyType' | 'region'>;

/** The forces a ROCU serves. */
const rocuForces = (rocu: string) => FORCES.filter((f) => f.rocuCode === rocu).map((f) => f.code);

export interface ScopeDecision {
  allow: boolean;
  reason: string;
}

/** May this user see figures for this scope? */
export function decideScope(who: Who, scope: Scope): ScopeDecision {
  if (NATIONAL_AGENCY_TYPES.includes(who.agencyType))
    return { allow: true, reason: 'National agencies see national, regional and force figures.' };
  const own = homeScopes(who);
  const allowed = own.some((s) => scopeKey(s) === scopeKey(scope));
  return allowed
    ? { allow: true, reason: 'Your agency sees figures for its own force and region.' }
    : {
        allow: false,
        reason: `Your agency sees figures for ${own.length ? own.map(scopeLabel).join(', ') : 'no force or region'} only; national figures are for national agencies.`,
      };
}

/** The scopes a user without national reach may see: own force and region (a ROCU: its forces and their regions). */
export function homeScopes(who: Who): Scope[] {
  if (NATIONAL_AGENCY_TYPES.includes(who.agencyType)) return [NATIONAL];
  if (who.agencyType === 'police_force' && isForce(who.agencyCode)) {
    const region = forceRegion(who.agencyCode)!;
    return [
      { level: 'force', force: who.agencyCode },
      { level: 'region', region },
    ];
  }
  if (who.agencyType === 'rocu') {
    const forces = rocuForces(who.agencyCode);
    const regions = [...new Set(forces.map((f) => forceRegion(f)!))];
    return [
      ...regions.map((region): Scope => ({ level: 'region', region })),
      ...forces.map((force): Scope => ({ level: 'force', force })),
    ];
  }
  if (who.region && REGIONS.includes(who.region)) return [{ level: 'region', region: who.region }];
  return [];
}

/** Where a user's dashboard opens: national agencies on the nation, force-scoped users on their force. */
export function defaultScope(who: Who): Scope | null {
  return homeScopes(who)[0] ?? null;
}

/** Every scope a user may choose, for the picker. */
export function selectableScopes(who: Who): Scope[] {
  if (NATIONAL_AGENCY_TYPES.includes(who.agencyType)) {
    return [
      NATIONAL,
      ...REGIONS.map((region): Scope => ({ level: 'region', region })),
      ...FORCES.map((f): Scope => ({ level: 'force', force: f.code })),
    ];
  }
  return homeScopes(who);
}

/** May this user see records (peer reviews, signals) of this agency? Same reach as the dashboards. */
export function decideAgency(who: Who, agencyCode: string): boolean {
  if (NATIONAL_AGENCY_TYPES.includes(who.agencyType)) return true;
  if (who.agencyCode === agencyCode) return true;
  const forces = new Set(homeScopes(who).flatMap((s) => scopeAgencies(s) ?? []));
  return forces.has(agencyCode);
}
