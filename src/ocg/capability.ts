import type { Capability } from '../kernel/capability.js';
import { ocgDemo } from './demo.js';
import { RECORDING_TYPES, LAW_ENFORCEMENT_TYPES } from './model.js';
import { ocgPages } from './pages.js';
import { ocgRoutes } from './routes.js';

const READERS = ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator'] as const;
const WRITERS = ['intelligence_officer', 'analyst', 'supervisor'] as const;

/**
 * Organised crime groups (the SOC master list) with MoRiLE-style assessment and the alerts that break the vicious
 * circle, and disruptions with their national counts (DOMAIN §6; seed 004 rec 7).
 */
export const ocg: Capability = {
  name: 'ocg',
  title: 'Organised crime groups',
  permissions: {
    'ocg.read': { roles: READERS, agencyTypes: LAW_ENFORCEMENT_TYPES, description: 'See the OCG register' },
    'ocg.write': { roles: WRITERS, agencyTypes: RECORDING_TYPES, description: 'Record groups, members and intelligence links' },
    'ocg.assess': { roles: ['analyst', 'supervisor', 'intelligence_officer'], agencyTypes: ['nca', 'rocu'], description: 'Assess and grade organised crime groups' },
    'ocg.configure': { roles: ['supervisor'], agencyTypes: ['nca', 'rocu'], description: 'Change how groups are scored and graded' },
    'disruptions.read': { roles: READERS, agencyTypes: LAW_ENFORCEMENT_TYPES, description: 'See disruptions' },
    'disruptions.record': { roles: WRITERS, agencyTypes: RECORDING_TYPES, description: 'Record disruptions' },
    'disruptions.validate': { roles: ['supervisor'], agencyTypes: RECORDING_TYPES, description: 'Validate disruptions' },
    'disruptions.statistics': { roles: [...READERS, 'auditor'], agencyTypes: LAW_ENFORCEMENT_TYPES, description: 'See national disruption figures' },
  },
  fieldRules: {
    // Names of members are shown to intelligence roles; others (e.g. an MS lead elsewhere) see a pseudonym.
    ocg_member: { fields: ['name', 'person_entity_id', 'person_record_id'], roles: ['intelligence_officer', 'analyst'], ownerSees: true },
  },
  nav: [
    { href: '/ocgs', label: 'Crime groups', action: 'ocg.read', order: 40 },
    { href: '/disruptions', label: 'Disruptions', action: 'disruptions.read', order: 41 },
  ],
  home: [
    { title: 'Organised crime groups', href: '/ocgs', description: 'The SOC master list: members, threats, grades and scores, with their history.', action: 'ocg.read' },
    { title: 'Assessments due', href: '/ocgs/assessments', description: 'Groups never assessed or overdue, low-graded groups with new intelligence, and groups with no activity.', action: 'ocg.assess' },
    { title: 'Disruption figures', href: '/disruptions/statistics', description: 'Disruptions by year, force, agency and 4P, and how concentrated recording is.', action: 'disruptions.statistics' },
  ],
  routes: (app, ctx) => {
    ocgRoutes(app, ctx);
    ocgPages(app, ctx);
  },
  demo: ocgDemo,
};
