import type { RouteExpectation } from '../kernel/access/expectations.js';
import { createGroup } from './store.js';

/** Makes one group owned by the given agency, with the given handling code, for the matrix to read as everyone. */
const groupSample: RouteExpectation['sample'] = async (ctx, owner, handling) => {
  const g = await createGroup(
    ctx.db,
    {
      name: 'Access matrix sample group',
      aliases: [],
      summary: '',
      primaryThreat: 'oic',
      threats: [{ threat: 'oic', subtype: 'small_boats' }],
      otherCriminality: [],
      areas: [],
      handlingCode: handling.code,
      handlingConditions: handling.conditions as Record<string, unknown> | null,
    },
    { userId: null, name: 'Access matrix', agencyCode: owner.agencyCode, agencyType: owner.agencyType },
  );
  return { url: `/api/v1/ocgs/${g.id}`, headers: { 'x-fusion-purpose': 'law-enforcement' } };
};

/** Who may call each of this capability's routes (checked by the access-matrix test). */
const LE = ['police_force', 'rocu', 'nca', 'national_policing', 'home_office', 'regulator'] as const;
const RECORDERS = ['police_force', 'rocu', 'nca', 'home_office', 'regulator'] as const;
const read = { roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator'], agencyTypes: LE } as const;
const write = { roles: ['intelligence_officer', 'analyst', 'supervisor'], agencyTypes: RECORDERS } as const;
const assess = { roles: ['analyst', 'supervisor', 'intelligence_officer'], agencyTypes: ['nca', 'rocu'] } as const;
const configure = { roles: ['supervisor'], agencyTypes: ['nca', 'rocu'] } as const;
const validate = { roles: ['supervisor'], agencyTypes: RECORDERS } as const;
const statistics = { roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator', 'auditor'], agencyTypes: LE } as const;

export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // API: groups
  { route: 'GET /api/v1/ocgs', allowed: read },
  { route: 'POST /api/v1/ocgs', allowed: write },
  { route: 'GET /api/v1/ocgs/assessment-list', allowed: assess },
  { route: 'GET /api/v1/ocgs/grade-mix', allowed: read },
  { route: 'GET /api/v1/ocgs/scoring-config', allowed: read },
  { route: 'PUT /api/v1/ocgs/scoring-config', allowed: configure },
  { route: 'POST /api/v1/ocgs/score', allowed: read },
  { route: 'GET /api/v1/ocgs/by-report/:reportId', allowed: read },
  { route: 'GET /api/v1/ocgs/:id', allowed: read, recordKind: 'ocg', sample: groupSample },
  { route: 'PATCH /api/v1/ocgs/:id', allowed: write, recordKind: 'ocg' },
  { route: 'POST /api/v1/ocgs/:id/members', allowed: write, recordKind: 'ocg' },
  { route: 'DELETE /api/v1/ocgs/:id/members/:memberId', allowed: write, recordKind: 'ocg' },
  { route: 'GET /api/v1/ocgs/:id/intelligence', allowed: read, recordKind: 'ocg' },
  { route: 'POST /api/v1/ocgs/:id/intelligence', allowed: write, recordKind: 'ocg' },
  { route: 'DELETE /api/v1/ocgs/:id/intelligence/:reportId', allowed: write, recordKind: 'ocg' },
  { route: 'GET /api/v1/ocgs/:id/assessments', allowed: read, recordKind: 'ocg' },
  { route: 'POST /api/v1/ocgs/:id/assessments', allowed: assess, recordKind: 'ocg' },
  // API: disruptions
  { route: 'GET /api/v1/disruptions', allowed: read },
  { route: 'POST /api/v1/disruptions', allowed: write },
  { route: 'GET /api/v1/disruptions/statistics', allowed: statistics },
  { route: 'GET /api/v1/disruptions/:id', allowed: read, recordKind: 'disruption' },
  { route: 'POST /api/v1/disruptions/:id/validation', allowed: validate, recordKind: 'disruption' },
  // Pages: groups
  { route: 'GET /ocgs', allowed: read },
  { route: 'GET /ocgs/new', allowed: write },
  { route: 'POST /ocgs/new', allowed: write },
  { route: 'GET /ocgs/assessments', allowed: assess },
  { route: 'GET /ocgs/grades', allowed: read },
  { route: 'GET /ocgs/scoring', allowed: read },
  { route: 'POST /ocgs/scoring', allowed: configure },
  { route: 'GET /ocgs/:id', allowed: read, recordKind: 'ocg' },
  { route: 'GET /ocgs/:id/edit', allowed: write, recordKind: 'ocg' },
  { route: 'POST /ocgs/:id/edit', allowed: write, recordKind: 'ocg' },
  { route: 'GET /ocgs/:id/members/new', allowed: write, recordKind: 'ocg' },
  { route: 'POST /ocgs/:id/members/new', allowed: write, recordKind: 'ocg' },
  { route: 'POST /ocgs/:id/members/:memberId/remove', allowed: write, recordKind: 'ocg' },
  { route: 'GET /ocgs/:id/intelligence/new', allowed: write, recordKind: 'ocg' },
  { route: 'POST /ocgs/:id/intelligence/new', allowed: write, recordKind: 'ocg' },
  { route: 'GET /ocgs/:id/assess', allowed: assess, recordKind: 'ocg' },
  { route: 'POST /ocgs/:id/assess', allowed: assess, recordKind: 'ocg' },
  // Pages: disruptions
  { route: 'GET /disruptions', allowed: read },
  { route: 'GET /disruptions/new', allowed: write },
  { route: 'POST /disruptions/new', allowed: write },
  { route: 'GET /disruptions/statistics', allowed: statistics },
  { route: 'GET /disruptions/:id', allowed: read, recordKind: 'disruption' },
  { route: 'POST /disruptions/:id/validate', allowed: validate, recordKind: 'disruption' },
];
