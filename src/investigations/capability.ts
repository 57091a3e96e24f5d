import type { Capability } from '../kernel/capability.js';
import { LAW_ENFORCEMENT_TYPES, RECORDING_TYPES } from '../ocg/model.js';
import { investigationsDemo } from './demo.js';
import { investigationPages } from './pages.js';
import { investigationRoutes } from './routes.js';

const READERS = ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead', 'integrator'] as const;

/**
 * Investigations: lead and supporting forces, OIC ownership rules, cross-regional allocation records, criminal
 * justice outcomes joined to the investigation, the case library and "what works" (DOMAIN §6; seed 002 rec 6-13).
 */
export const investigations: Capability = {
  name: 'investigations',
  title: 'Investigations',
  permissions: {
    'investigations.read': { roles: READERS, agencyTypes: [...LAW_ENFORCEMENT_TYPES, 'prosecutor'], description: 'See investigations' },
    'investigations.write': { roles: ['intelligence_officer', 'analyst', 'supervisor'], agencyTypes: RECORDING_TYPES, description: 'Record and update investigations' },
    'investigations.allocate': { roles: ['supervisor', 'ms_lead'], agencyTypes: ['police_force', 'rocu', 'nca', 'national_policing'], description: 'Decide which force leads a cross-regional investigation' },
    'investigations.library': { roles: [...READERS, 'partnership_coordinator'], description: 'Search the case library of finished investigations' },
    'investigations.statistics': { roles: [...READERS, 'auditor'], agencyTypes: [...LAW_ENFORCEMENT_TYPES, 'prosecutor'], description: 'See what works: national investigation outcomes' },
  },
  fieldRules: {
    investigation_subject: { fields: ['name', 'person_entity_id', 'person_record_id'], roles: ['intelligence_officer', 'analyst'], ownerSees: true },
    investigation_victim: { fields: ['referral_id'], roles: ['intelligence_officer'], ownerSees: true },
  },
  nav: [{ href: '/investigations', label: 'Investigations', action: 'investigations.read', order: 50 }],
  home: [
    { title: 'Investigations', href: '/investigations', description: 'Lead and supporting forces, ownership of OIC cases, cross-regional allocation, charges and outcomes.', action: 'investigations.read' },
    { title: 'Case library', href: '/investigations/library', description: 'Finished cases and their lessons, including evidence-led prosecutions.', action: 'investigations.library' },
    { title: 'What works', href: '/investigations/what-works', description: 'Live investigations over time, charging mix, conviction rate and outcomes by how cases were run.', action: 'investigations.statistics' },
  ],
  routes: (app, ctx) => {
    investigationRoutes(app, ctx);
    investigationPages(app, ctx);
  },
  demo: investigationsDemo,
};
