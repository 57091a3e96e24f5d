import type { FieldRule, Permission } from '../kernel/access/policy.js';
import type { Role } from '../kernel/access/roles.js';

const READ: Role[] = ['intelligence_officer', 'analyst', 'supervisor', 'ms_lead'];
const WRITE: Role[] = ['intelligence_officer', 'analyst', 'supervisor'];
const DEBRIEF: Role[] = ['intelligence_officer', 'supervisor'];
const NCCU_READ: Role[] = ['intelligence_officer', 'first_responder', 'supervisor', 'analyst', 'ms_lead'];
const NCCU_WRITE: Role[] = ['intelligence_officer', 'first_responder', 'supervisor'];
const LAW_ENFORCEMENT = [
  'police_force',
  'rocu',
  'nca',
  'home_office',
  'national_policing',
  'regulator',
] as const;

/** Every action of the intelligence capability. API tokens need the "intelligence" scope. */
export const PERMISSIONS: Record<string, Permission> = {
  'intelligence.reports.read': {
    roles: READ,
    description: 'Read and search intelligence reports',
    scope: 'intelligence',
  },
  'intelligence.reports.write': {
    roles: WRITE,
    description: 'Write intelligence reports',
    scope: 'intelligence',
  },
  'intelligence.reports.review': {
    roles: ['supervisor'],
    description: 'Review intelligence reports before dissemination',
    scope: 'intelligence',
  },
  'intelligence.reports.disseminate': {
    roles: WRITE,
    description: 'Disseminate approved intelligence reports',
    scope: 'intelligence',
  },
  'intelligence.import': {
    roles: ['integrator', 'analyst', 'supervisor'],
    description: 'Bulk import intelligence reports',
    scope: 'intelligence',
  },
  'intelligence.debriefs.read': {
    roles: [...DEBRIEF, 'analyst'],
    description: 'Read debriefs',
    scope: 'intelligence',
    agencyTypes: LAW_ENFORCEMENT,
  },
  'intelligence.debriefs.write': {
    roles: DEBRIEF,
    description: 'Plan and record debriefs',
    scope: 'intelligence',
    agencyTypes: LAW_ENFORCEMENT,
  },
  'intelligence.debriefs.coordinate': {
    roles: [...DEBRIEF, 'analyst'],
    description: 'Check and claim debrief subjects',
    scope: 'intelligence',
    agencyTypes: LAW_ENFORCEMENT,
  },
  'intelligence.measures.read': {
    roles: ['analyst', 'supervisor', 'ms_lead', 'intelligence_officer'],
    description: 'See debrief and NCCU measures',
    scope: 'intelligence',
  },
  'intelligence.arrivals.write': {
    roles: ['analyst', 'supervisor'],
    description: 'Record arrival figures',
    scope: 'intelligence',
    agencyTypes: ['home_office', 'nca'],
  },
  'intelligence.nccu.read': {
    roles: NCCU_READ,
    description: 'See NCCU contacts and intelligence documents',
    scope: 'intelligence',
    agencyTypes: ['police_force', 'rocu', 'home_office', 'nca'],
  },
  'intelligence.nccu.write': {
    roles: NCCU_WRITE,
    description: 'Log NCCU contacts and return intelligence documents',
    scope: 'intelligence',
    agencyTypes: ['police_force', 'home_office'],
  },
  'intelligence.community.submit': {
    roles: 'public',
    description: 'Tell the police about modern slavery or people smuggling',
  },
  'intelligence.community.triage': {
    roles: WRITE,
    description: 'Triage community intelligence',
    scope: 'intelligence',
  },
  'intelligence.posters.manage': {
    roles: [...WRITE, 'partnership_coordinator'],
    description: 'Make community intelligence posters',
    scope: 'intelligence',
  },
  'intelligence.picture.read': {
    roles: READ,
    description: 'See routes and source countries',
    scope: 'intelligence',
  },
  'intelligence.plans.read': {
    roles: READ,
    description: 'See collection plans and problem profiles',
    scope: 'intelligence',
  },
  'intelligence.plans.write': {
    roles: ['analyst', 'supervisor', 'ms_lead'],
    description: 'Write collection plans and problem profiles',
    scope: 'intelligence',
  },
  'intelligence.live': { roles: 'any-signed-in', description: 'Receive live updates', scope: 'intelligence' },
};

/** Debrief and NCCU subjects' identity: in clear for intelligence roles, pseudonymised for others. */
export const FIELD_RULES: Record<string, FieldRule> = {
  debrief: {
    fields: ['given_name', 'family_name', 'date_of_birth_text', 'date_of_birth'],
    roles: ['intelligence_officer', 'supervisor'],
    ownerSees: true,
  },
  nccu_contact: {
    fields: ['given_name', 'family_name', 'date_of_birth_text'],
    roles: ['intelligence_officer', 'supervisor', 'first_responder'],
    ownerSees: true,
  },
};
