import type { AppContext } from '../context.js';
import type { AgencyType } from '../reference/agencies.js';
import type { HandlingConditions } from './policy.js';
import type { Role } from './roles.js';

/**
 * The access matrix's expectation table, written by people independently of the permission rows so that the
 * matrix test compares two statements of the rule. Each capability keeps its own in `src/<cap>/access.expect.ts`.
 */
export interface RouteExpectation {
  /** HTTP method and Fastify route URL, e.g. 'GET /api/v1/referrals/:id'. */
  route: string;
  /** Who may call it: any of these roles (and, if given, only from these kinds of agency). */
  allowed:
    | 'public'
    | 'any-signed-in'
    | { roles: readonly Role[]; agencyTypes?: readonly AgencyType[] };
  /**
   * For routes that read one record: the kind of record, so the matrix can also vary owning agency and handling
   * code (P; C with named agencies) and expect refusal outside ownership/agreements/conditions.
   */
  recordKind?: string;
  /**
   * Optional, for recordKind routes: creates one record owned by `owner` with the given handling code and returns
   * the URL that reads it (with any headers the read needs). The matrix then reads it as every user and checks
   * that the route answers as `decideRecord` does (200 when allowed, 403 or 404 when not).
   */
  sample?: (
    ctx: AppContext,
    owner: { agencyCode: string; agencyType: AgencyType },
    handling: { code: 'P' | 'C'; conditions: HandlingConditions | null },
  ) => Promise<{ url: string; headers?: Record<string, string> }>;
}
