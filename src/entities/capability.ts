import type { Capability } from '../kernel/capability.js';
import { ENTITY_BENCHES } from './bench.js';
import { entitiesCli } from './cli.js';
import { entitiesDemo } from './demo-loader.js';
import { VICTIM_IDENTITY_FIELDS, VICTIM_KIND } from './need-to-know.js';
import { entityPages } from './pages.js';
import { entityRoutes } from './routes.js';

/**
 * Joining the dots: one entity model fed by every record, entity resolution across agencies with analysts'
 * review, network analysis, link chart, timeline, map, fuzzy search and FollowTheMoney exchange.
 */
export const entities: Capability = {
  name: 'entities',
  title: 'People and networks',
  permissions: {
    'entities.read': {
      roles: ['intelligence_officer', 'analyst', 'supervisor', 'decision_maker', 'second_reviewer'],
      description: 'Find people and see their links, networks, timelines and maps',
    },
    'entities.review': { roles: ['intelligence_officer', 'analyst', 'supervisor'], description: 'Review proposed links between person records' },
    'entities.resolve': { roles: ['analyst', 'supervisor', 'administrator'], description: 'Run entity resolution over every person record' },
    'entities.protected.manage': { roles: ['administrator', 'supervisor'], description: 'Manage protected values' },
    'entities.export': { roles: ['intelligence_officer', 'analyst', 'integrator'], description: 'Export networks as FollowTheMoney' },
    'entities.import': { roles: ['integrator', 'administrator'], description: 'Import FollowTheMoney entities' },
    'entities.mentions.write': { roles: ['integrator', 'intelligence_officer'], description: 'Record people, things and relationships from a source record' },
  },
  fieldRules: {
    // Victims' identity: in clear for the owning agency and for those who decide on or support victims.
    [VICTIM_KIND]: { fields: VICTIM_IDENTITY_FIELDS, roles: ['decision_maker', 'second_reviewer', 'support_worker'], ownerSees: true },
  },
  nav: [
    { href: '/entities', label: 'People', action: 'entities.read', order: 40 },
    { href: '/entities/review', label: 'Review links', action: 'entities.review', order: 41 },
  ],
  home: [
    { title: 'Find a person', href: '/entities', description: 'Search every agency’s records by name in any spelling, date of birth, phone or postcode.', action: 'entities.read' },
    { title: 'Review links', href: '/entities/review', description: 'Confirm or reject the links Fusion proposes between person records.', action: 'entities.review' },
    { title: 'Map of linked records', href: '/entities/map', description: 'Linked person records by police force area.', action: 'entities.read' },
    { title: 'Protected values', href: '/entities/protected', description: 'Safe houses, refuges and helplines that must never link people.', action: 'entities.protected.manage' },
    { title: 'Entity resolution', href: '/entities/resolution', description: 'Run resolution over every person record and see past runs.', action: 'entities.resolve' },
  ],
  async routes(app, ctx) {
    await entityRoutes(app, ctx);
    await entityPages(app, ctx);
  },
  demo: entitiesDemo,
  bench: ENTITY_BENCHES,
  cli: entitiesCli,
};
