import { RULE_LABELS } from '../kernel/access/policy.js';
import type { Role } from '../kernel/access/roles.js';
import type { Capability } from '../kernel/capability.js';
import { partnersDemo } from './demo.js';
import { PARTNERSHIP_RULE, PARTNERSHIP_RULE_LABEL } from './model/access.js';
import { partnersPages } from './pages.js';
import { partnersRoutes } from './routes.js';

/** People who work cases: they record which partners they engaged. */
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
const PARTNERSHIP_READERS: Role[] = ['partnership_coordinator', 'ms_lead', 'administrator', 'auditor'];
const INCIDENT_RECORDERS: Role[] = ['first_responder', 'intelligence_officer', 'supervisor', 'ms_lead'];

// The 403 page names the rule that refused; this capability's record rule gets a plain name like the kernel's.
RULE_LABELS[PARTNERSHIP_RULE] = PARTNERSHIP_RULE_LABEL;

/**
 * Partners and partnerships (DOMAIN §2, §7, §8): the directory of who can help with what (seed 000),
 * recommendations from case facts with the rule and passage behind each, engagements recorded on cases, the
 * register, map, figures and annual review of anti-slavery partnerships (seed 003), and the National Response
 * Plan checklist for immigration crime incidents (seed 004).
 */
export const partners: Capability = {
  name: 'partners',
  title: 'Partners',
  permissions: {
    'partners.read': { roles: 'any-signed-in', description: 'See the partner directory' },
    'partners.edit': { roles: ['administrator'], description: 'Edit the partner directory' },
    'partners.recommend': {
      roles: 'any-signed-in',
      description: 'Get partner recommendations from case facts',
    },
    'partners.engagements.read': {
      roles: [...CASE_ROLES, 'auditor'],
      description: 'See partners engaged on cases',
    },
    'partners.engagements.record': {
      roles: CASE_ROLES,
      description: 'Record that a partner was engaged on a case',
    },
    'partnerships.read': {
      roles: PARTNERSHIP_READERS,
      description: 'See the register of anti-slavery partnerships',
    },
    'partnerships.edit': {
      roles: ['partnership_coordinator'],
      description: 'Change a partnership you coordinate',
    },
    'partnerships.review': {
      roles: ['partnership_coordinator'],
      description: 'Record the annual review of a partnership you coordinate',
    },
    'partnerships.coordinators': {
      roles: ['administrator'],
      description: 'Choose the coordinators of partnerships',
    },
    'incidents.plan': { roles: 'any-signed-in', description: 'See the National Response Plan' },
    'incidents.read': {
      roles: [...INCIDENT_RECORDERS, 'analyst', 'auditor'],
      description: 'See immigration crime incidents',
    },
    'incidents.record': {
      roles: INCIDENT_RECORDERS,
      description: 'Record immigration crime incidents and their checklist',
    },
  },
  nav: [
    { href: '/partners', label: 'Partners', action: 'partners.read', order: 60 },
    { href: '/partnerships', label: 'Partnerships', action: 'partnerships.read', order: 61 },
    { href: '/response-plan', label: 'Response plan', action: 'incidents.plan', order: 62 },
  ],
  home: [
    {
      title: 'Which partner to call',
      href: '/partners/recommendations',
      description:
        'Enter what you know about a case: Fusion suggests the partners to contact, how to reach them and why.',
      action: 'partners.recommend',
    },
    {
      title: 'Partner directory',
      href: '/partners',
      description:
        'Every agency and charity that can help an investigation, what each can do and how to reach it.',
      action: 'partners.read',
    },
    {
      title: 'National Response Plan',
      href: '/response-plan',
      description:
        'What to do at an immigration crime incident (inland, maritime, aviation), in order, on your phone.',
      action: 'incidents.plan',
    },
    {
      title: 'Anti-slavery partnerships',
      href: '/partnerships',
      description:
        'The register of multi-agency partnerships, its map by police force area and the 2017 survey figures.',
      action: 'partnerships.read',
    },
    {
      title: 'Annual reviews due',
      href: '/partnerships/reviews',
      description: 'Partnerships with no review in the last 12 months, and good practice to share.',
      action: 'partnerships.read',
    },
  ],
  routes: (app, ctx) => {
    partnersRoutes(app, ctx);
    partnersPages(app, ctx);
  },
  demo: partnersDemo,
};
