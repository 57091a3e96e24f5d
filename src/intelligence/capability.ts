import { fileURLToPath } from 'node:url';
import type { Capability } from '../kernel/capability.js';
import { agencies } from './agencies.js';
import { intelligenceDemo } from './demo/demo.js';
import { importBench } from './import/bench.js';
import { intelligenceCli } from './import/cli.js';
import { intelligencePages } from './pages/index.js';
import { FIELD_RULES, PERMISSIONS } from './permissions.js';
import { recordRoutes } from './route-registry.js';
import { communityApi } from './routes/community-api.js';
import { debriefsApi } from './routes/debriefs-api.js';
import { importApi } from './routes/import-api.js';
import { liveApi } from './routes/live-api.js';
import { nccuApi } from './routes/nccu-api.js';
import { pictureApi } from './routes/picture-api.js';
import { plansApi } from './routes/plans-api.js';
import { reportsApi } from './routes/reports-api.js';

/**
 * Intelligence and debriefs (issue 5; DOMAIN §5): graded, coded, findable reports with handling conditions,
 * sanitised versions and dissemination records; standard debriefs coordinated so no one is debriefed twice; NCCU
 * intelligence documents tracked; community intelligence in five languages; the routes picture; collection plans
 * and problem profiles; live updates and optimistic concurrency; bulk import.
 */
export const intelligence: Capability = {
  name: 'intelligence',
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  title: 'Intelligence',
  permissions: PERMISSIONS,
  fieldRules: FIELD_RULES,
  nav: [
    { href: '/intelligence', label: 'Intelligence', action: 'intelligence.reports.read', order: 30 },
    { href: '/debriefs', label: 'Debriefs', action: 'intelligence.debriefs.read', order: 31 },
    { href: '/nccu', label: 'NCCU', action: 'intelligence.nccu.read', order: 32 },
  ],
  home: [
    {
      title: 'Intelligence reports',
      href: '/intelligence/reports',
      description: 'Search graded, coded intelligence you may see; write and submit reports.',
      action: 'intelligence.reports.read',
    },
    {
      title: 'Debriefs',
      href: '/debriefs',
      description:
        'Plan a debrief after checking no other agency has seen the person; record it in the standard structure.',
      action: 'intelligence.debriefs.read',
    },
    {
      title: 'NCCU contacts',
      href: '/nccu',
      description: 'Contacts with the NCCU, intelligence documents due and the chase list.',
      action: 'intelligence.nccu.read',
    },
    {
      title: 'Routes and source countries',
      href: '/intelligence/routes',
      description: 'Where people come from, how they travel and enter the UK, and how that is changing.',
      action: 'intelligence.picture.read',
    },
  ],
  routes: async (app, ctx) => {
    // Reference data is read inside transactions: load it once now (the embedded database has one connection).
    await agencies(ctx);
    recordRoutes(app);
    reportsApi(app, ctx);
    debriefsApi(app, ctx);
    nccuApi(app, ctx);
    communityApi(app, ctx);
    plansApi(app, ctx);
    pictureApi(app, ctx);
    liveApi(app, ctx);
    await importApi(app, ctx);
    await intelligencePages(app, ctx);
  },
  demo: intelligenceDemo,
  bench: { import: importBench },
  cli: intelligenceCli,
};
