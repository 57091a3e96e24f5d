import type { RouteExpectation } from '../kernel/access/expectations.js';
import type { Role } from '../kernel/access/roles.js';
import type { AgencyType } from '../kernel/reference/agencies.js';

/**
 * Who may call each of this capability's routes (checked by the access-matrix test). Written from the issue's
 * rules: intelligence staff read, write and disseminate reports, only supervisors review them; debriefs are for
 * law-enforcement agencies' intelligence officers and supervisors (analysts read and coordinate); NCCU contacts
 * for police and the Home Office (first responders log them); the public community form needs no sign-in.
 */
const LAW_ENFORCEMENT: AgencyType[] = [
  'police_force',
  'rocu',
  'nca',
  'home_office',
  'national_policing',
  'regulator',
];
const r = (roles: Role[], agencyTypes?: AgencyType[]) => (agencyTypes ? { roles, agencyTypes } : { roles });

const read = r(['intelligence_officer', 'analyst', 'supervisor', 'ms_lead']);
const write = r(['intelligence_officer', 'analyst', 'supervisor']);
const review = r(['supervisor']);
const importer = r(['integrator', 'analyst', 'supervisor']);
const debriefRead = r(['intelligence_officer', 'supervisor', 'analyst'], LAW_ENFORCEMENT);
const debriefWrite = r(['intelligence_officer', 'supervisor'], LAW_ENFORCEMENT);
const coordinate = r(['intelligence_officer', 'supervisor', 'analyst'], LAW_ENFORCEMENT);
const measures = r(['analyst', 'supervisor', 'ms_lead', 'intelligence_officer']);
const arrivals = r(['analyst', 'supervisor'], ['home_office', 'nca']);
const nccuRead = r(
  ['intelligence_officer', 'first_responder', 'supervisor', 'analyst', 'ms_lead'],
  ['police_force', 'rocu', 'home_office', 'nca'],
);
const nccuWrite = r(
  ['intelligence_officer', 'first_responder', 'supervisor'],
  ['police_force', 'home_office'],
);
const posters = r(['intelligence_officer', 'analyst', 'supervisor', 'partnership_coordinator']);
const plansWrite = r(['analyst', 'supervisor', 'ms_lead']);

export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // Reports: API
  { route: 'GET /api/v1/intelligence-reports', allowed: read },
  { route: 'GET /api/v1/intelligence-reports/export.csv', allowed: read },
  { route: 'POST /api/v1/intelligence-reports', allowed: write },
  { route: 'GET /api/v1/intelligence-reports/:id', allowed: read, recordKind: 'intelligence_report' },
  { route: 'PATCH /api/v1/intelligence-reports/:id', allowed: write, recordKind: 'intelligence_report' },
  { route: 'GET /api/v1/intelligence-reports/:id/history', allowed: read, recordKind: 'intelligence_report' },
  {
    route: 'POST /api/v1/intelligence-reports/:id/submit',
    allowed: write,
    recordKind: 'intelligence_report',
  },
  {
    route: 'POST /api/v1/intelligence-reports/:id/approve',
    allowed: review,
    recordKind: 'intelligence_report',
  },
  {
    route: 'POST /api/v1/intelligence-reports/:id/return',
    allowed: review,
    recordKind: 'intelligence_report',
  },
  {
    route: 'POST /api/v1/intelligence-reports/:id/sanitised-version',
    allowed: write,
    recordKind: 'intelligence_report',
  },
  {
    route: 'POST /api/v1/intelligence-reports/:id/disseminations',
    allowed: write,
    recordKind: 'intelligence_report',
  },
  {
    route: 'GET /api/v1/intelligence-reports/:id/disseminations',
    allowed: read,
    recordKind: 'intelligence_report',
  },
  { route: 'POST /api/v1/intelligence-imports', allowed: importer },
  { route: 'GET /api/v1/intelligence-imports', allowed: importer },
  { route: 'GET /api/v1/intelligence-imports/:id', allowed: importer },
  { route: 'GET /api/v1/intelligence-imports/:id/errors.csv', allowed: importer },
  { route: 'GET /api/v1/intelligence-routes', allowed: read },
  { route: 'GET /api/v1/intelligence/events', allowed: 'any-signed-in' },
  // Debriefs: API
  { route: 'POST /api/v1/debrief-coordination/check', allowed: coordinate },
  { route: 'GET /api/v1/debriefs', allowed: debriefRead },
  { route: 'POST /api/v1/debriefs', allowed: debriefWrite },
  { route: 'GET /api/v1/debriefs/:id', allowed: debriefRead, recordKind: 'debrief' },
  { route: 'PATCH /api/v1/debriefs/:id', allowed: debriefWrite, recordKind: 'debrief' },
  { route: 'GET /api/v1/subject-claims', allowed: coordinate },
  { route: 'POST /api/v1/subject-claims', allowed: coordinate },
  { route: 'POST /api/v1/subject-claims/:id/release', allowed: coordinate },
  { route: 'GET /api/v1/debrief-measures', allowed: measures },
  { route: 'POST /api/v1/arrivals', allowed: arrivals },
  // NCCU: API
  { route: 'GET /api/v1/nccu-contacts', allowed: nccuRead },
  { route: 'GET /api/v1/nccu-contacts/export.csv', allowed: nccuRead },
  { route: 'POST /api/v1/nccu-contacts', allowed: nccuWrite },
  { route: 'GET /api/v1/nccu-contacts/:id', allowed: nccuRead, recordKind: 'nccu_contact' },
  { route: 'PATCH /api/v1/nccu-contacts/:id', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'POST /api/v1/nccu-contacts/:id/document', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'POST /api/v1/nccu-contacts/:id/document/return', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'POST /api/v1/nccu-contacts/:id/document/chase', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'GET /api/v1/nccu-chase-list', allowed: nccuRead },
  { route: 'GET /api/v1/nccu-return-rates', allowed: measures },
  // Community intelligence: API
  { route: 'GET /api/v1/community-submissions', allowed: write },
  { route: 'GET /api/v1/community-submissions/:id', allowed: write },
  { route: 'POST /api/v1/community-submissions/:id/triage', allowed: write },
  { route: 'GET /api/v1/poster-locations', allowed: posters },
  { route: 'POST /api/v1/poster-locations', allowed: posters },
  // Collection plans and problem profiles: API
  { route: 'GET /api/v1/collection-plans', allowed: read },
  { route: 'POST /api/v1/collection-plans', allowed: plansWrite },
  { route: 'GET /api/v1/collection-plans/:id', allowed: read },
  { route: 'POST /api/v1/collection-plans/:id/requirements', allowed: plansWrite },
  { route: 'PUT /api/v1/collection-requirements/:id/reports/:reportId', allowed: plansWrite },
  { route: 'DELETE /api/v1/collection-requirements/:id/reports/:reportId', allowed: plansWrite },
  { route: 'GET /api/v1/problem-profiles', allowed: read },
  { route: 'POST /api/v1/problem-profiles', allowed: plansWrite },
  { route: 'GET /api/v1/problem-profiles/:id', allowed: read },
  { route: 'PATCH /api/v1/problem-profiles/:id', allowed: plansWrite },
  { route: 'PUT /api/v1/problem-profiles/:id/reports/:reportId', allowed: plansWrite },
  // Pages: reports
  { route: 'GET /intelligence', allowed: read },
  { route: 'GET /intelligence/reports', allowed: read },
  { route: 'GET /intelligence/reports/export.csv', allowed: read },
  { route: 'GET /intelligence/review', allowed: review },
  { route: 'GET /intelligence/reports/new', allowed: write },
  { route: 'POST /intelligence/reports/new', allowed: write },
  { route: 'GET /intelligence/reports/:id', allowed: read, recordKind: 'intelligence_report' },
  { route: 'GET /intelligence/reports/:id/edit', allowed: write, recordKind: 'intelligence_report' },
  { route: 'POST /intelligence/reports/:id/edit', allowed: write, recordKind: 'intelligence_report' },
  { route: 'POST /intelligence/reports/:id/submit', allowed: write, recordKind: 'intelligence_report' },
  { route: 'POST /intelligence/reports/:id/review', allowed: review, recordKind: 'intelligence_report' },
  { route: 'POST /intelligence/reports/:id/disseminate', allowed: write, recordKind: 'intelligence_report' },
  { route: 'GET /intelligence/reports/:id/sanitise', allowed: write, recordKind: 'intelligence_report' },
  { route: 'POST /intelligence/reports/:id/sanitise', allowed: write, recordKind: 'intelligence_report' },
  { route: 'GET /intelligence/routes', allowed: read },
  { route: 'GET /intelligence/plans', allowed: read },
  { route: 'GET /intelligence/plans/new', allowed: plansWrite },
  { route: 'POST /intelligence/plans/new', allowed: plansWrite },
  { route: 'GET /intelligence/plans/:id', allowed: read },
  { route: 'POST /intelligence/plans/:id/requirements', allowed: plansWrite },
  { route: 'POST /intelligence/plans/:id/links', allowed: plansWrite },
  { route: 'GET /intelligence/profiles', allowed: read },
  { route: 'GET /intelligence/profiles/new', allowed: plansWrite },
  { route: 'POST /intelligence/profiles/new', allowed: plansWrite },
  { route: 'GET /intelligence/profiles/:id', allowed: read },
  { route: 'POST /intelligence/profiles/:id', allowed: plansWrite },
  { route: 'GET /intelligence/imports', allowed: importer },
  { route: 'POST /intelligence/imports', allowed: importer },
  { route: 'GET /intelligence/imports/:id', allowed: importer },
  { route: 'GET /intelligence/imports/:id/errors.csv', allowed: importer },
  // Pages: debriefs
  { route: 'GET /debriefs', allowed: debriefRead },
  { route: 'GET /debriefs/new', allowed: debriefWrite },
  { route: 'POST /debriefs/new/check', allowed: debriefWrite },
  { route: 'POST /debriefs/new', allowed: debriefWrite },
  { route: 'GET /debriefs/claims', allowed: coordinate },
  { route: 'POST /debriefs/claims', allowed: coordinate },
  { route: 'POST /debriefs/claims/:id/release', allowed: coordinate },
  { route: 'GET /debriefs/measures', allowed: measures },
  { route: 'GET /debriefs/:id', allowed: debriefRead, recordKind: 'debrief' },
  { route: 'GET /debriefs/:id/edit', allowed: debriefWrite, recordKind: 'debrief' },
  { route: 'POST /debriefs/:id/edit', allowed: debriefWrite, recordKind: 'debrief' },
  // Pages: NCCU
  { route: 'GET /nccu', allowed: nccuRead },
  { route: 'GET /nccu/export.csv', allowed: nccuRead },
  { route: 'GET /nccu/new', allowed: nccuWrite },
  { route: 'POST /nccu/new', allowed: nccuWrite },
  { route: 'GET /nccu/chase-list', allowed: nccuRead },
  { route: 'GET /nccu/return-rates', allowed: measures },
  { route: 'GET /nccu/:id', allowed: nccuRead, recordKind: 'nccu_contact' },
  { route: 'POST /nccu/:id/document/send', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'POST /nccu/:id/document/return', allowed: nccuWrite, recordKind: 'nccu_contact' },
  { route: 'POST /nccu/:id/document/chase', allowed: nccuWrite, recordKind: 'nccu_contact' },
  // Pages: community intelligence
  { route: 'GET /report-it', allowed: 'public' },
  { route: 'POST /report-it', allowed: 'public' },
  { route: 'GET /report-it/thanks', allowed: 'public' },
  { route: 'GET /community/posters', allowed: posters },
  { route: 'POST /community/posters', allowed: posters },
  { route: 'GET /community/posters/:code', allowed: posters },
  { route: 'GET /community/posters/:code/qr.svg', allowed: posters },
  { route: 'GET /community/triage', allowed: write },
  { route: 'GET /community/triage/:id', allowed: write },
  { route: 'POST /community/triage/:id', allowed: write },
];
