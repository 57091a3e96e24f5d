import type { RouteExpectation } from '../kernel/access/expectations.js';
import type { Role } from '../kernel/access/roles.js';

const CASE_ROLES: Role[] = [
  'first_responder',
  'decision_maker',
  'second_reviewer',
  'intelligence_officer',
  'analyst',
  'supervisor',
  'support_worker',
  'ms_lead',
];
const ENGAGEMENT_READERS: Role[] = [...CASE_ROLES, 'auditor'];
const PARTNERSHIP_READERS: Role[] = ['partnership_coordinator', 'ms_lead', 'administrator', 'auditor'];
const COORDINATOR: Role[] = ['partnership_coordinator'];
const ADMIN: Role[] = ['administrator'];
const INCIDENT_RECORDERS: Role[] = ['first_responder', 'intelligence_officer', 'supervisor', 'ms_lead'];
const INCIDENT_READERS: Role[] = [...INCIDENT_RECORDERS, 'analyst', 'auditor'];

/**
 * Who may call each of this capability's routes (checked by the access-matrix test). Changing a partnership also
 * needs the record rule "coordinator of this partnership" (src/partners/model/access.ts): any coordinator reaches
 * the route, only the partnership's own coordinators get past it (src/partners/test/partners.api.test.ts).
 */
export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // Directory
  { route: 'GET /api/v1/partners', allowed: 'any-signed-in' },
  { route: 'POST /api/v1/partners', allowed: { roles: ADMIN } },
  { route: 'GET /api/v1/partners/:code', allowed: 'any-signed-in' },
  { route: 'PUT /api/v1/partners/:code', allowed: { roles: ADMIN } },
  { route: 'GET /partners', allowed: 'any-signed-in' },
  { route: 'GET /partners/new', allowed: { roles: ADMIN } },
  { route: 'POST /partners/new', allowed: { roles: ADMIN } },
  { route: 'GET /partners/:code', allowed: 'any-signed-in' },
  { route: 'GET /partners/:code/edit', allowed: { roles: ADMIN } },
  { route: 'POST /partners/:code/edit', allowed: { roles: ADMIN } },
  // Recommendations and engagements
  { route: 'POST /api/v1/partners/recommendations', allowed: 'any-signed-in' },
  { route: 'GET /partners/recommendations', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/partners/engagements', allowed: { roles: ENGAGEMENT_READERS } },
  { route: 'POST /api/v1/partners/engagements', allowed: { roles: CASE_ROLES } },
  { route: 'GET /partners/engagements', allowed: { roles: ENGAGEMENT_READERS } },
  { route: 'POST /partners/engagements', allowed: { roles: CASE_ROLES } },
  // Partnerships
  { route: 'GET /api/v1/partnerships', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /api/v1/partnerships/map', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /api/v1/partnerships/reviews', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /api/v1/partnerships/:id', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'PUT /api/v1/partnerships/:id', allowed: { roles: COORDINATOR } },
  { route: 'PUT /api/v1/partnerships/:id/sharing-agreement', allowed: { roles: COORDINATOR } },
  { route: 'GET /api/v1/partnerships/:id/reviews', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'POST /api/v1/partnerships/:id/reviews', allowed: { roles: COORDINATOR } },
  { route: 'GET /partnerships', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /partnerships/map', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /partnerships/figures', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /partnerships/reviews', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /partnerships/:id', allowed: { roles: PARTNERSHIP_READERS } },
  { route: 'GET /partnerships/:id/edit', allowed: { roles: COORDINATOR } },
  { route: 'POST /partnerships/:id/edit', allowed: { roles: COORDINATOR } },
  { route: 'GET /partnerships/:id/sharing-agreement', allowed: { roles: COORDINATOR } },
  { route: 'POST /partnerships/:id/sharing-agreement', allowed: { roles: COORDINATOR } },
  { route: 'GET /partnerships/:id/reviews/new', allowed: { roles: COORDINATOR } },
  { route: 'POST /partnerships/:id/reviews/new', allowed: { roles: COORDINATOR } },
  { route: 'POST /partnerships/:id/coordinators', allowed: { roles: ADMIN } },
  // National Response Plan and incidents
  { route: 'GET /api/v1/incidents/response-plan/:type', allowed: 'any-signed-in' },
  { route: 'GET /api/v1/incidents', allowed: { roles: INCIDENT_READERS } },
  { route: 'POST /api/v1/incidents', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'GET /api/v1/incidents/:id', allowed: { roles: INCIDENT_READERS }, recordKind: 'incident' },
  { route: 'POST /api/v1/incidents/:id/checklist', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'POST /api/v1/incidents/:id/status', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'GET /response-plan', allowed: 'any-signed-in' },
  { route: 'GET /incidents', allowed: { roles: INCIDENT_READERS } },
  { route: 'GET /incidents/new', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'POST /incidents/new', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'GET /incidents/:id', allowed: { roles: INCIDENT_READERS }, recordKind: 'incident' },
  { route: 'POST /incidents/:id/checklist', allowed: { roles: INCIDENT_RECORDERS } },
  { route: 'POST /incidents/:id/status', allowed: { roles: INCIDENT_RECORDERS } },
];
