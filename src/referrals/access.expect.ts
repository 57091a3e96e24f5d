import type { RouteExpectation } from '../kernel/access/expectations.js';
import type { Role } from '../kernel/access/roles.js';
import type { AgencyType } from '../kernel/reference/agencies.js';

/**
 * Who may call each of this capability's routes (checked by the access-matrix test). Written from the issue's
 * rules, not copied from capability.ts: first responders refer (only from first-responder kinds of agency),
 * the competent authority decides and reviews, support workers keep support cases, intelligence roles read
 * the non-identifying facts, the golden hour guide is open to all.
 */
const FIRST_RESPONDER_AGENCIES: AgencyType[] = ['police_force', 'rocu', 'nca', 'home_office', 'regulator', 'local_authority', 'ngo'];
const CA: AgencyType[] = ['competent_authority'];
const roles = (r: Role[], agencyTypes?: AgencyType[]) => (agencyTypes ? { roles: r, agencyTypes } : { roles: r });

const refer = roles(['first_responder'], FIRST_RESPONDER_AGENCIES);
const read = roles(['first_responder', 'decision_maker', 'second_reviewer', 'support_worker', 'supervisor']);
const decide = roles(['decision_maker'], CA);
const review = roles(['second_reviewer'], CA);
const queue = roles(['decision_maker', 'second_reviewer'], CA);
const reconsider = roles(['decision_maker', 'first_responder', 'support_worker']);
const caseReview = roles(['decision_maker', 'second_reviewer'], CA);
const noticesRead = roles(['first_responder', 'decision_maker', 'second_reviewer']);
const noticesPublish = roles(['decision_maker'], CA);
const children = roles(['first_responder', 'support_worker', 'supervisor', 'partnership_coordinator']);
const supportRead = roles(['support_worker', 'decision_maker']);
const supportWrite = roles(['support_worker']);
const supportReport = roles(['support_worker', 'decision_maker', 'supervisor', 'ms_lead']);
const supportSettings = roles(['support_worker', 'decision_maker']);
const facts = roles(['intelligence_officer', 'analyst', 'supervisor', 'ms_lead']);
const statistics = roles(['analyst', 'ms_lead', 'decision_maker', 'second_reviewer', 'supervisor', 'partnership_coordinator', 'auditor']);

export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // API
  { route: 'GET /api/v1/referrals', allowed: read },
  { route: 'POST /api/v1/referrals', allowed: refer },
  { route: 'GET /api/v1/referrals/:id', allowed: read, recordKind: 'referral' },
  { route: 'GET /api/v1/referrals/drafts', allowed: refer },
  { route: 'POST /api/v1/referrals/drafts', allowed: refer },
  { route: 'GET /api/v1/referrals/drafts/:id', allowed: refer },
  { route: 'PATCH /api/v1/referrals/drafts/:id', allowed: refer },
  { route: 'DELETE /api/v1/referrals/drafts/:id', allowed: refer },
  { route: 'POST /api/v1/referrals/drafts/:id/submit', allowed: refer },
  { route: 'GET /api/v1/referrals/decisions/queue', allowed: queue },
  { route: 'POST /api/v1/referrals/:id/decisions', allowed: decide },
  { route: 'POST /api/v1/referrals/:id/decisions/:decisionId/review', allowed: review },
  { route: 'POST /api/v1/referrals/:id/reconsiderations', allowed: reconsider },
  { route: 'GET /api/v1/referrals/case-reviews', allowed: caseReview },
  { route: 'POST /api/v1/referrals/case-reviews', allowed: caseReview },
  { route: 'GET /api/v1/referrals/case-reviews/:id', allowed: caseReview },
  { route: 'PUT /api/v1/referrals/case-reviews/:id/items/:decisionId', allowed: caseReview },
  { route: 'GET /api/v1/referrals/notices', allowed: noticesRead },
  { route: 'POST /api/v1/referrals/notices', allowed: noticesPublish },
  { route: 'POST /api/v1/referrals/notices/:id/withdrawal', allowed: noticesPublish },
  { route: 'POST /api/v1/referrals/notices/:id/acknowledgements', allowed: noticesRead },
  { route: 'GET /api/v1/referrals/children/missing', allowed: children },
  { route: 'POST /api/v1/referrals/:id/missing-episodes', allowed: children },
  { route: 'PATCH /api/v1/referrals/:id/missing-episodes/:episodeId', allowed: children },
  { route: 'GET /api/v1/referrals/support-cases', allowed: supportRead },
  { route: 'GET /api/v1/referrals/support-cases/:id', allowed: supportRead, recordKind: 'support_case' },
  { route: 'POST /api/v1/referrals/support-cases/:id/providers', allowed: supportWrite },
  { route: 'POST /api/v1/referrals/support-cases/:id/workers', allowed: supportWrite },
  { route: 'POST /api/v1/referrals/support-cases/:id/plan-items', allowed: supportWrite },
  { route: 'POST /api/v1/referrals/support-cases/:id/contacts', allowed: supportWrite },
  { route: 'POST /api/v1/referrals/support-cases/:id/accommodation', allowed: supportWrite },
  { route: 'POST /api/v1/referrals/support-cases/:id/closure', allowed: supportWrite },
  { route: 'PATCH /api/v1/referrals/support-cases/:id/plan-items/:itemId', allowed: supportWrite },
  { route: 'GET /api/v1/referrals/support-report', allowed: supportReport },
  { route: 'GET /api/v1/referrals/support-settings', allowed: supportRead },
  { route: 'PUT /api/v1/referrals/support-settings', allowed: supportSettings },
  { route: 'GET /api/v1/referrals/facts', allowed: facts },
  { route: 'GET /api/v1/referrals/statistics', allowed: statistics },
  { route: 'GET /api/v1/referrals/statistics/:table', allowed: statistics },
  { route: 'GET /api/v1/referrals/measures', allowed: statistics },
  { route: 'GET /api/v1/referrals/guide', allowed: 'public' },
  // Pages
  { route: 'GET /referrals/new', allowed: refer },
  { route: 'POST /referrals/drafts', allowed: refer },
  { route: 'GET /referrals/drafts/:id/check', allowed: refer },
  { route: 'GET /referrals/drafts/:id/:step', allowed: refer },
  { route: 'POST /referrals/drafts/:id/:step', allowed: refer },
  { route: 'POST /referrals/drafts/:id/:step/autosave', allowed: refer },
  { route: 'POST /referrals/drafts/:id/submit', allowed: refer },
  { route: 'POST /referrals/drafts/:id/delete', allowed: refer },
  { route: 'GET /referrals/:id/submitted', allowed: refer },
  { route: 'GET /referrals', allowed: read },
  { route: 'GET /referrals/guide', allowed: 'public' },
  { route: 'GET /referrals/:id', allowed: read, recordKind: 'referral' },
  { route: 'POST /referrals/:id/reconsideration', allowed: reconsider },
  { route: 'POST /referrals/:id/missing-episodes', allowed: children },
  { route: 'POST /referrals/:id/missing-episodes/:episodeId/returned', allowed: children },
  { route: 'GET /referrals/decisions', allowed: queue },
  { route: 'GET /referrals/:id/decide', allowed: decide },
  { route: 'POST /referrals/:id/decide', allowed: decide },
  { route: 'GET /referrals/:id/decisions/:decisionId/review', allowed: review },
  { route: 'POST /referrals/:id/decisions/:decisionId/review', allowed: review },
  { route: 'GET /referrals/case-reviews', allowed: caseReview },
  { route: 'POST /referrals/case-reviews', allowed: caseReview },
  { route: 'GET /referrals/case-reviews/:id', allowed: caseReview },
  { route: 'POST /referrals/case-reviews/:id/items/:decisionId', allowed: caseReview },
  { route: 'GET /referrals/notices', allowed: noticesRead },
  { route: 'POST /referrals/notices', allowed: noticesPublish },
  { route: 'POST /referrals/notices/:id/acknowledge', allowed: noticesRead },
  { route: 'POST /referrals/notices/:id/withdraw', allowed: noticesPublish },
  { route: 'GET /referrals/children', allowed: children },
  { route: 'GET /referrals/support', allowed: supportRead },
  { route: 'GET /referrals/support/report', allowed: supportReport },
  { route: 'POST /referrals/support/settings', allowed: supportSettings },
  { route: 'GET /referrals/support/:id', allowed: supportRead, recordKind: 'support_case' },
  { route: 'POST /referrals/support/:id/:action', allowed: supportWrite },
  { route: 'GET /referrals/statistics', allowed: statistics },
  { route: 'GET /referrals/statistics/:table/export.csv', allowed: statistics },
  { route: 'GET /referrals/facts', allowed: facts },
];
