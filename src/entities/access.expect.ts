import type { RouteExpectation } from '../kernel/access/expectations.js';
import type { Role } from '../kernel/access/roles.js';

const READ: readonly Role[] = ['intelligence_officer', 'analyst', 'supervisor', 'decision_maker', 'second_reviewer'];
const REVIEW: readonly Role[] = ['intelligence_officer', 'analyst', 'supervisor'];
const RESOLVE: readonly Role[] = ['analyst', 'supervisor', 'administrator'];
const PROTECTED: readonly Role[] = ['administrator', 'supervisor'];
const EXPORT: readonly Role[] = ['intelligence_officer', 'analyst', 'integrator'];
const IMPORT: readonly Role[] = ['integrator', 'administrator'];
const MENTIONS: readonly Role[] = ['integrator', 'intelligence_officer'];

/** Who may call each of this capability's routes (checked by the access-matrix test). */
export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // API
  { route: 'GET /api/v1/entities/search', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/people/:id', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/people/:id/network', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/people/:id/timeline', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/things/:id', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/things/:id/network', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/path', allowed: { roles: READ } },
  { route: 'GET /api/v1/entities/map', allowed: { roles: READ } },
  { route: 'POST /api/v1/entities/mentions', allowed: { roles: MENTIONS } },
  { route: 'GET /api/v1/entities/review', allowed: { roles: REVIEW } },
  { route: 'GET /api/v1/entities/review/:left/:right', allowed: { roles: REVIEW } },
  { route: 'POST /api/v1/entities/review/decisions', allowed: { roles: REVIEW } },
  { route: 'POST /api/v1/entities/people/:id/split', allowed: { roles: REVIEW } },
  { route: 'GET /api/v1/entities/protected-values', allowed: { roles: PROTECTED } },
  { route: 'POST /api/v1/entities/protected-values', allowed: { roles: PROTECTED } },
  { route: 'DELETE /api/v1/entities/protected-values/:id', allowed: { roles: PROTECTED } },
  { route: 'POST /api/v1/entities/resolution/jobs', allowed: { roles: RESOLVE } },
  { route: 'GET /api/v1/entities/resolution/runs', allowed: { roles: RESOLVE } },
  { route: 'GET /api/v1/entities/export/ftm', allowed: { roles: EXPORT } },
  { route: 'POST /api/v1/entities/import/ftm', allowed: { roles: IMPORT } },
  // Pages
  { route: 'GET /entities', allowed: { roles: READ } },
  { route: 'GET /entities/people/:id', allowed: { roles: READ } },
  { route: 'GET /entities/people/:id/chart', allowed: { roles: READ } },
  { route: 'GET /entities/people/:id/timeline', allowed: { roles: READ } },
  { route: 'GET /entities/things/:id', allowed: { roles: READ } },
  { route: 'GET /entities/path', allowed: { roles: READ } },
  { route: 'GET /entities/map', allowed: { roles: READ } },
  { route: 'GET /entities/review', allowed: { roles: REVIEW } },
  { route: 'GET /entities/review/:left/:right', allowed: { roles: REVIEW } },
  { route: 'POST /entities/review/:left/:right', allowed: { roles: REVIEW } },
  { route: 'GET /entities/people/:id/split', allowed: { roles: REVIEW } },
  { route: 'POST /entities/people/:id/split', allowed: { roles: REVIEW } },
  { route: 'GET /entities/protected', allowed: { roles: PROTECTED } },
  { route: 'POST /entities/protected', allowed: { roles: PROTECTED } },
  { route: 'POST /entities/protected/:id/delete', allowed: { roles: PROTECTED } },
  { route: 'GET /entities/resolution', allowed: { roles: RESOLVE } },
  { route: 'POST /entities/resolution', allowed: { roles: RESOLVE } },
];
