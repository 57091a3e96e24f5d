import type { RouteExpectation } from '../kernel/access/expectations.js';
import { createInvestigation } from './store.js';

/** Makes one investigation led by the given agency, with the given handling code, for the matrix to read as everyone. */
const investigationSample: RouteExpectation['sample'] = async (ctx, owner, handling) => {
  const i = await createInvestigation(
    ctx.db,
    {
      operationName: 'Matrix',
      summary: '',
      primaryThreat: 'msht',
      threats: [{ threat: 'msht', subtype: 'labour' }],
      offences: [],
      leadForceCode: null,
      supportingForces: [],
      openedOn: '2026-01-01',
      crossRegional: false,
      dedicatedTeam: false,
      victimNavigator: false,
      evidenceLed: false,
      financialInvestigation: false,
      assetsIdentifiedGbp: null,
      confiscationOrderedGbp: null,
      oicFacts: null,
      handlingCode: handling.code,
      handlingConditions: handling.conditions as Record<string, unknown> | null,
    },
    { userId: null, name: 'Access matrix', agencyCode: owner.agencyCode, agencyType: owner.agencyType },
  );
  return { url: `/api/v1/investigations/${i.id}`, headers: { 'x-fusion-purpose': 'law-enforcement' } };
};

/** Who may call each of this capability's routes (checked by the access-matrix test). */
const LE = ['police_force', 'rocu', 'nca', 'national_policing', 'home_office', 'regulator'] as const;
const read = { roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator'], agencyTypes: [...LE, 'prosecutor'] } as const;
const write = { roles: ['intelligence_officer', 'analyst', 'supervisor'], agencyTypes: ['police_force', 'rocu', 'nca', 'home_office', 'regulator'] } as const;
const allocate = { roles: ['supervisor', 'ms_lead'], agencyTypes: ['police_force', 'rocu', 'nca', 'national_policing'] } as const;
const library = { roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator', 'partnership_coordinator'] } as const;
const statistics = { roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator', 'auditor'], agencyTypes: [...LE, 'prosecutor'] } as const;

export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // API
  { route: 'GET /api/v1/investigations', allowed: read },
  { route: 'POST /api/v1/investigations', allowed: write },
  { route: 'POST /api/v1/investigations/ownership-suggestion', allowed: read },
  { route: 'POST /api/v1/investigations/allocation-recommendation', allowed: read },
  { route: 'GET /api/v1/investigations/library', allowed: library },
  { route: 'GET /api/v1/investigations/what-works', allowed: statistics },
  { route: 'GET /api/v1/investigations/:id', allowed: read, recordKind: 'investigation', sample: investigationSample },
  { route: 'PATCH /api/v1/investigations/:id', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/subjects', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/victims', allowed: write, recordKind: 'investigation' },
  { route: 'PATCH /api/v1/investigations/:id/victims/:victimId', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/groups', allowed: write, recordKind: 'investigation' },
  { route: 'DELETE /api/v1/investigations/:id/groups/:ocgId', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/cps-advice', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/charges', allowed: write, recordKind: 'investigation' },
  { route: 'PATCH /api/v1/investigations/:id/charges/:chargeId', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/orders', allowed: write, recordKind: 'investigation' },
  { route: 'POST /api/v1/investigations/:id/allocations', allowed: allocate, recordKind: 'investigation' },
  // Pages
  { route: 'GET /investigations', allowed: read },
  { route: 'GET /investigations/new', allowed: write },
  { route: 'POST /investigations/new', allowed: write },
  { route: 'GET /investigations/ownership', allowed: read },
  { route: 'GET /investigations/library', allowed: library },
  { route: 'GET /investigations/what-works', allowed: statistics },
  { route: 'GET /investigations/:id', allowed: read, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/edit', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/edit', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/subjects/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/subjects/new', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/victims/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/victims/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/victims/:victimId/engagement', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/groups/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/groups/new', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/cps-advice/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/cps-advice/new', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/charges/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/charges/new', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/charges/:chargeId/outcome', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/charges/:chargeId/outcome', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/orders/new', allowed: write, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/orders/new', allowed: write, recordKind: 'investigation' },
  { route: 'GET /investigations/:id/allocation', allowed: allocate, recordKind: 'investigation' },
  { route: 'POST /investigations/:id/allocation', allowed: allocate, recordKind: 'investigation' },
];
