import type { RouteExpectation } from './access/expectations.js';

const ADMIN = { roles: ['administrator'] } as const;
const AUDITOR = { roles: ['auditor'] } as const;
const SUPERVISOR = { roles: ['supervisor'] } as const;
const REVIEWER = { roles: ['supervisor', 'administrator'] } as const;

/** Kernel routes (service, sign-in, tokens) and the trust pages and APIs. Static files under /assets/ are public. */
export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  { route: 'GET /healthz', allowed: 'public' },
  { route: 'GET /api/openapi.json', allowed: 'public' },
  { route: 'GET /api/docs', allowed: 'public' },
  { route: 'POST /api/v1/tokens', allowed: 'public' },
  { route: 'GET /api/v1/tokens', allowed: 'any-signed-in' },
  { route: 'DELETE /api/v1/tokens/:id', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/me', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/jobs/:id', allowed: 'any-signed-in' },
  { route: 'GET /jobs/:id', allowed: 'any-signed-in' },
  { route: 'GET /', allowed: 'public' },
  { route: 'GET /accessibility', allowed: 'public' },
  { route: 'GET /sign-in', allowed: 'public' },
  { route: 'POST /sign-in', allowed: 'public' },
  { route: 'POST /sign-out', allowed: 'public' },
  { route: 'GET /sign-in/oidc', allowed: 'public' },
  { route: 'GET /sign-in/oidc/callback', allowed: 'public' },

  // Users of one's own agency
  { route: 'GET /api/v1/admin/users', allowed: ADMIN },
  { route: 'POST /api/v1/admin/users', allowed: ADMIN },
  { route: 'GET /api/v1/admin/users/:id', allowed: ADMIN },
  { route: 'PATCH /api/v1/admin/users/:id', allowed: ADMIN },
  { route: 'POST /api/v1/admin/users/:id/unlock', allowed: ADMIN },
  { route: 'GET /admin/users', allowed: ADMIN },
  { route: 'GET /admin/users/new', allowed: ADMIN },
  { route: 'POST /admin/users/new', allowed: ADMIN },
  { route: 'GET /admin/users/:id', allowed: ADMIN },
  { route: 'POST /admin/users/:id', allowed: ADMIN },
  { route: 'POST /admin/users/:id/unlock', allowed: ADMIN },

  // One's own API tokens
  { route: 'GET /account/tokens', allowed: 'any-signed-in' },
  { route: 'POST /account/tokens', allowed: 'any-signed-in' },
  { route: 'POST /account/tokens/:id/revoke', allowed: 'any-signed-in' },

  // Data-sharing agreements: everyone reads them; administrators share their own agency's records
  { route: 'GET /api/v1/agreements', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/agreements/:id', allowed: 'any-signed-in' },
  { route: 'POST /api/v1/agreements', allowed: ADMIN },
  { route: 'PATCH /api/v1/agreements/:id', allowed: ADMIN },
  { route: 'POST /api/v1/agreements/:id/withdraw', allowed: ADMIN },
  { route: 'GET /agreements', allowed: 'any-signed-in' },
  { route: 'GET /agreements/new', allowed: ADMIN },
  { route: 'POST /agreements/new', allowed: ADMIN },
  { route: 'GET /agreements/:id', allowed: 'any-signed-in' },
  { route: 'POST /agreements/:id', allowed: ADMIN },
  { route: 'POST /agreements/:id/withdraw', allowed: ADMIN },

  // Audit
  { route: 'GET /api/v1/audit', allowed: AUDITOR },
  { route: 'GET /api/v1/audit/head', allowed: AUDITOR },
  { route: 'GET /audit', allowed: AUDITOR },
  { route: 'GET /audit/export.csv', allowed: AUDITOR },
  { route: 'POST /audit/verify', allowed: AUDITOR },

  // Reason for access
  { route: 'POST /api/v1/purposes', allowed: 'any-signed-in' },
  { route: 'GET /purpose', allowed: 'any-signed-in' },
  { route: 'POST /purpose', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/purposes', allowed: SUPERVISOR },
  { route: 'GET /purposes', allowed: SUPERVISOR },
  { route: 'GET /purposes/:id', allowed: SUPERVISOR },
  { route: 'POST /purposes/:id', allowed: SUPERVISOR },

  // Retention review
  { route: 'GET /api/v1/retention/overdue', allowed: REVIEWER },
  { route: 'POST /api/v1/retention/:kind/:id/decisions', allowed: REVIEWER },
  { route: 'GET /retention', allowed: REVIEWER },
  { route: 'GET /retention/:kind/:id', allowed: REVIEWER },
  { route: 'POST /retention/:kind/:id', allowed: REVIEWER },
];
