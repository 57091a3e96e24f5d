import { fileURLToPath } from 'node:url';
import type { Permission } from '../kernel/access/policy.js';
import type { Capability } from '../kernel/capability.js';
import type { AgencyType } from '../kernel/reference/agencies.js';
import { REFERRAL_IDENTITY_FIELDS } from './access.js';
import { referralsDemo } from './demo.js';
import { referralPages } from './pages.js';
import { referralRoutes } from './routes.js';

const COMPETENT_AUTHORITY: AgencyType[] = ['competent_authority'];
/** Kinds of agency that include designated first responders; the organisation itself is checked on each referral. */
const FIRST_RESPONDER_TYPES: AgencyType[] = ['police_force', 'rocu', 'nca', 'home_office', 'regulator', 'local_authority', 'ngo'];

export const REFERRAL_PERMISSIONS: Record<string, Permission> = {
  'referrals.refer': { roles: ['first_responder'], agencyTypes: FIRST_RESPONDER_TYPES, description: 'Make an NRM referral or Duty to Notify' },
  'referrals.read': {
    roles: ['first_responder', 'decision_maker', 'second_reviewer', 'support_worker', 'supervisor'],
    description: 'See the referrals made by or shared with your organisation',
  },
  'referrals.guide': { roles: 'public', description: 'Read the golden hour guide' },
  'referrals.decide': { roles: ['decision_maker'], agencyTypes: COMPETENT_AUTHORITY, description: 'Make reasonable and conclusive grounds decisions' },
  'referrals.queue': {
    roles: ['decision_maker', 'second_reviewer'],
    agencyTypes: COMPETENT_AUTHORITY,
    description: 'See cases awaiting a decision or a second review',
  },
  'referrals.review': { roles: ['second_reviewer'], agencyTypes: COMPETENT_AUTHORITY, description: 'Review a decision as the second decision-maker' },
  'referrals.reconsider': {
    roles: ['decision_maker', 'first_responder', 'support_worker'],
    description: 'Record a request to reconsider a negative decision',
  },
  'referrals.case-review': {
    roles: ['decision_maker', 'second_reviewer'],
    agencyTypes: COMPETENT_AUTHORITY,
    description: 'Run the monthly case-review exercise',
  },
  'referrals.notices.publish': { roles: ['decision_maker'], agencyTypes: COMPETENT_AUTHORITY, description: 'Publish changes of decision thresholds and guidance' },
  'referrals.notices.read': {
    roles: ['first_responder', 'decision_maker', 'second_reviewer'],
    description: 'Read and acknowledge the competent authority’s threshold notices',
  },
  'referrals.children': {
    roles: ['first_responder', 'support_worker', 'supervisor', 'partnership_coordinator'],
    description: 'Record and review children missing from care',
  },
  'referrals.support.read': { roles: ['support_worker', 'decision_maker'], description: 'See victim support cases' },
  'referrals.support.write': { roles: ['support_worker'], description: 'Keep victim support cases' },
  'referrals.support.report': {
    roles: ['support_worker', 'decision_maker', 'supervisor', 'ms_lead'],
    description: 'See the quarterly support report per provider',
  },
  'referrals.support.settings': { roles: ['support_worker', 'decision_maker'], description: 'Set when disengagement is flagged' },
  'referrals.facts': {
    roles: ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead'],
    description: 'See the non-identifying facts of referrals for intelligence',
  },
  'referrals.statistics': {
    roles: ['analyst', 'ms_lead', 'decision_maker', 'second_reviewer', 'supervisor', 'partnership_coordinator', 'auditor'],
    description: 'See referral and decision statistics',
  },
};

export const referrals: Capability = {
  name: 'referrals',
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  title: 'Referrals',
  permissions: REFERRAL_PERMISSIONS,
  fieldRules: {
    // Victim identity: the referring organisation, and in the named agencies those who act on it.
    referral: { fields: REFERRAL_IDENTITY_FIELDS, roles: ['decision_maker', 'second_reviewer', 'first_responder', 'support_worker'], ownerSees: true },
    support_case: { fields: REFERRAL_IDENTITY_FIELDS, roles: ['support_worker', 'decision_maker'], ownerSees: true },
  },
  nav: [
    { href: '/referrals', label: 'Referrals', action: 'referrals.read', order: 20 },
    { href: '/referrals/support', label: 'Victim support', action: 'referrals.support.read', order: 21 },
    { href: '/referrals/statistics', label: 'NRM statistics', action: 'referrals.statistics', order: 22 },
  ],
  home: [
    { title: 'Make a referral or Duty to Notify', href: '/referrals/new', description: 'Refer a potential victim to the NRM in minutes; drafts are saved as you go.', action: 'referrals.refer' },
    { title: 'Golden hour guide', href: '/referrals/guide', description: 'What to do in the first hour with a potential victim, and who to call.', action: 'referrals.guide' },
    { title: 'NRM decisions and second reviews', href: '/referrals/decisions', description: 'Reasonable and conclusive grounds decisions, second reviews and the recovery period.', action: 'referrals.queue' },
    { title: 'Victim support cases', href: '/referrals/support', description: 'Providers, navigators, plans, contacts, accommodation and disengagement.', action: 'referrals.support.read' },
    { title: 'Children missing from care', href: '/referrals/children', description: 'Missing episodes of trafficked children, for the multi-agency review.', action: 'referrals.children' },
    { title: 'NRM statistics', href: '/referrals/statistics', description: 'Official-statistics tables, the backlog and decision timeliness, with CSV.', action: 'referrals.statistics' },
    { title: 'Referral facts', href: '/referrals/facts', description: 'Countries, routes, exploitation, places, suspects, phones and vehicles from referrals.', action: 'referrals.facts' },
  ],
  routes: async (app, ctx) => {
    await referralRoutes(app, ctx);
    await referralPages(app, ctx);
  },
  demo: referralsDemo,
};
