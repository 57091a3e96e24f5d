import type { Capability } from '../kernel/capability.js';
import { performanceCli } from './cli.js';
import { FigureCache } from './measures.js';
import { performanceDemo } from './demo.js';
import { performancePages } from './pages.js';
import { performanceRoutes } from './routes.js';

/** Who sees the dashboards, reviews, tracker and training: MS leads, supervisors, analysts and auditors. */
export const READERS = ['ms_lead', 'supervisor', 'analyst', 'auditor'] as const;

/**
 * Performance and learning (issue 9; DOMAIN §8): force, regional and national dashboards built on every other
 * capability's records, governance signals per force, MSOICU peer reviews with enhancement plans, the
 * inspection recommendations tracker and training completion.
 */
export const performance: Capability = {
  name: 'performance',
  title: 'Performance',
  permissions: {
    'performance.dashboard': {
      roles: READERS,
      description: 'See performance dashboards and governance signals',
    },
    'performance.governance.update': {
      roles: ['ms_lead'],
      agencyTypes: ['police_force', 'national_policing'],
      description: "Record a force's governance signals",
    },
    'performance.peer-reviews.read': {
      roles: READERS,
      description: 'See peer reviews and enhancement plans',
    },
    'performance.peer-reviews.write': {
      roles: ['ms_lead'],
      agencyTypes: ['national_policing'],
      description: 'Record and edit peer reviews',
    },
    'performance.peer-reviews.progress': {
      roles: ['ms_lead'],
      agencyTypes: ['police_force', 'rocu', 'national_policing'],
      description: 'Record progress on an enhancement plan',
    },
    'performance.recommendations.read': { roles: READERS, description: 'See the recommendations tracker' },
    'performance.recommendations.update': {
      roles: ['ms_lead', 'supervisor'],
      description: 'Record the status of a recommendation',
    },
    'performance.training.read': { roles: READERS, description: 'See training completion' },
    'performance.training.import': {
      roles: ['ms_lead', 'analyst'],
      agencyTypes: ['police_force', 'national_policing'],
      description: 'Import training completion figures',
    },
  },
  nav: [{ href: '/performance', label: 'Performance', action: 'performance.dashboard', order: 80 }],
  home: [
    {
      title: 'Performance dashboard',
      href: '/performance',
      description:
        'Referrals, decisions, investigations, disruptions, debriefs, intelligence and training for your force, region or the nation.',
      action: 'performance.dashboard',
    },
    {
      title: 'Recommendations tracker',
      href: '/performance/recommendations',
      description:
        'Inspection and strategy recommendations with owners, deadlines, status and evidence; overdue ones highlighted.',
      action: 'performance.recommendations.read',
    },
    {
      title: 'Peer reviews',
      href: '/performance/peer-reviews',
      description: 'MSOICU peer reviews and their enhancement plans, tracked to done, with revisits.',
      action: 'performance.peer-reviews.read',
    },
  ],
  routes: (app, ctx) => {
    // One cache of computed figures per app (per database).
    const figures = new FigureCache();
    performanceRoutes(app, ctx, figures);
    performancePages(app, ctx, figures);
  },
  demo: performanceDemo,
  bench: { dashboard: async (c) => (await import('./bench.js')).dashboardBench(c) },
  cli: performanceCli,
};
