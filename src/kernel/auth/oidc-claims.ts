import { isRole, type Role } from '../access/roles.js';

/**
 * Pure: turns the claims an organisation's identity provider asserts into a Fusion identity (agency and roles).
 * Two styles are understood, alone or together:
 *   - an agency claim ("met") and a roles claim (["analyst", "intelligence_officer"] or "analyst intelligence_officer");
 *   - a groups claim with entries "fusion:agency:met" and "fusion:role:analyst" (how Entra ID / Keycloak groups
 *     are usually exported).
 * The identity provider is authoritative: roles are replaced at every sign-in. Roles Fusion does not know are
 * ignored (and reported); an unknown agency, two different agencies, or no role at all refuse the sign-in.
 */
export interface ClaimMapping {
  agencyClaim: string;
  rolesClaim: string;
  groupsClaim: string;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = { agencyClaim: 'agency', rolesClaim: 'roles', groupsClaim: 'groups' };
export const GROUP_PREFIX = 'fusion:';

export interface OidcIdentity {
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
  agencyCode: string;
  roles: Role[];
  ignoredRoles: string[];
}

export type ClaimResult = { ok: true; identity: OidcIdentity } | { ok: false; reason: string };

const strings = (v: unknown): string[] => {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
};

const normaliseRole = (r: string) => r.trim().toLowerCase().replace(/[\s-]+/g, '_');

export function mapClaims(
  claims: Record<string, unknown>,
  agencyCodes: ReadonlySet<string>,
  mapping: ClaimMapping = DEFAULT_CLAIM_MAPPING,
): ClaimResult {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) return { ok: false, reason: 'The identity provider did not say who you are (no subject).' };
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 320) {
    return { ok: false, reason: 'Your organisation account has no email address, which Fusion needs.' };
  }

  const groups = strings(claims[mapping.groupsClaim]);
  const groupAgencies = groups.filter((g) => g.startsWith(`${GROUP_PREFIX}agency:`)).map((g) => g.slice(`${GROUP_PREFIX}agency:`.length));
  const groupRoles = groups.filter((g) => g.startsWith(`${GROUP_PREFIX}role:`)).map((g) => g.slice(`${GROUP_PREFIX}role:`.length));

  const agencies = new Set([...strings(claims[mapping.agencyClaim]).slice(0, 1), ...groupAgencies].map((a) => a.trim().toLowerCase()));
  if (agencies.size === 0) return { ok: false, reason: 'Your organisation account does not say which agency you work for.' };
  if (agencies.size > 1) return { ok: false, reason: `Your organisation account names more than one agency (${[...agencies].join(', ')}).` };
  const agencyCode = [...agencies][0]!;
  if (!agencyCodes.has(agencyCode)) return { ok: false, reason: `Fusion does not know the agency "${agencyCode}".` };

  const asserted = [...strings(claims[mapping.rolesClaim]), ...groupRoles].map(normaliseRole);
  const roles = [...new Set(asserted.filter(isRole))];
  const ignoredRoles = [...new Set(asserted.filter((r) => !isRole(r)))];
  if (roles.length === 0) return { ok: false, reason: 'Your organisation account gives you no Fusion role. Ask your administrator.' };

  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const name = (typeof claims.name === 'string' && claims.name.trim()) || `${given} ${family}`.trim() || email;
  return {
    ok: true,
    identity: {
      subject,
      email,
      emailVerified: claims.email_verified === true,
      name: name.slice(0, 200),
      agencyCode,
      roles,
      ignoredRoles,
    },
  };
}
