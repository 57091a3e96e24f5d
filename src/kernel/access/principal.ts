import type { AgencyType } from '../reference/agencies.js';
import type { Role } from './roles.js';

/** Who is acting: a signed-in user (session or API token). Built once per request from the database. */
export interface Principal {
  userId: string;
  name: string;
  email: string;
  agencyCode: string;
  agencyName: string;
  agencyType: AgencyType;
  region: string | null;
  forceAreaCode: string | null;
  roles: Role[];
  /** API tokens carry scopes; a session has none (undefined = everything its roles allow). */
  scopes?: string[];
  via: 'session' | 'token';
  /**
   * Identifies this sign-in (hash of the session id, or the API token's id): a purpose stated for a record holds
   * for this session or token only.
   */
  sessionKey?: string;
}

export const hasRole = (p: Principal | null | undefined, ...roles: Role[]) =>
  !!p && roles.some((r) => p.roles.includes(r));
