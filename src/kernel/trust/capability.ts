import type { Capability } from '../capability.js';
import { agreementRoutes } from './agreements-routes.js';
import { auditRoutes } from './audit-routes.js';
import { purposeRoutes } from './purposes-routes.js';
import { retentionRoutes } from './retention-routes.js';
import { tokenPages } from './tokens-routes.js';
import { userRoutes } from './users-routes.js';

/** Security and trust pages and APIs: users, tokens, agreements, audit search, purposes, retention. */
export const trust: Capability = {
  name: 'trust',
  title: 'Security and trust',
  permissions: {
    'trust.users.manage': { roles: ['administrator'], description: 'Manage the users of your agency', scope: 'users' },
    'trust.agreements.read': { roles: 'any-signed-in', description: 'See the data-sharing agreements', scope: 'agreements' },
    'trust.agreements.manage': { roles: ['administrator'], description: "Share your agency's records through agreements", scope: 'agreements' },
    'trust.audit.search': { roles: ['auditor'], description: 'Search and export the audit', scope: 'audit' },
    'trust.audit.verify': { roles: ['auditor'], description: 'Verify the audit chain', scope: 'audit' },
    'trust.purposes.state': { roles: 'any-signed-in', description: 'State why you are opening a record', scope: false },
    'trust.purposes.review': { roles: ['supervisor'], description: 'Review the purposes your agency gave for access', scope: 'purposes' },
    'trust.retention.review': { roles: ['supervisor', 'administrator'], description: 'Review records due for retention review', scope: 'retention' },
  },
  nav: [
    { href: '/admin/users', label: 'Users', action: 'trust.users.manage', order: 900 },
    { href: '/agreements', label: 'Agreements', action: 'trust.agreements.manage', order: 910 },
    { href: '/audit', label: 'Audit', action: 'trust.audit.search', order: 920 },
    { href: '/purposes', label: 'Purposes', action: 'trust.purposes.review', order: 930 },
    { href: '/retention', label: 'Reviews due', action: 'trust.retention.review', order: 940 },
  ],
  home: [
    { title: 'Users', href: '/admin/users', description: 'Add users to your agency, change their roles, disable or unlock accounts.', action: 'trust.users.manage' },
    { title: 'Audit', href: '/audit', description: 'Search every read and write, export it, and verify the hash chain.', action: 'trust.audit.search' },
    { title: 'Purposes given for access', href: '/purposes', description: "Review why your team opened people's records.", action: 'trust.purposes.review' },
    { title: 'Reviews due', href: '/retention', description: 'Records past their review date: retain or dispose.', action: 'trust.retention.review' },
    { title: 'Data-sharing agreements', href: '/agreements', description: 'Which records flow between agencies, for what purpose, until when.', action: 'trust.agreements.read' },
    { title: 'Your API tokens', href: '/account/tokens', description: 'Create, list and revoke tokens for programs that call the API.', action: 'kernel.tokens.manage' },
  ],
  async routes(app, ctx) {
    await userRoutes(app, ctx);
    await tokenPages(app, ctx);
    await agreementRoutes(app, ctx);
    await auditRoutes(app, ctx);
    await purposeRoutes(app, ctx);
    await retentionRoutes(app, ctx);
  },
};
