import { describe, expect, it } from 'vitest';
import type { Principal } from '../../kernel/access/principal.js';
import { decidePartnershipEdit, PARTNERSHIP_RULE } from './access.js';

const principal = (over: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  name: 'Mark Dunn',
  email: 'coordinator@la-leeds.demo',
  agencyCode: 'la-leeds',
  agencyName: 'Leeds City Council',
  agencyType: 'local_authority',
  region: null,
  forceAreaCode: null,
  roles: ['partnership_coordinator'],
  via: 'session',
  ...over,
});

describe('who may change a partnership', () => {
  const wy = { name: 'West Yorkshire network', coordinatingAgencyCode: null, coordinatorUserIds: ['u1'] };

  it('lets a linked coordinator change it', () => {
    expect(decidePartnershipEdit(principal(), wy)).toMatchObject({ allow: true, rule: PARTNERSHIP_RULE });
  });

  it('lets coordinators of the coordinating agency change it', () => {
    const p = { name: 'X', coordinatingAgencyCode: 'la-leeds', coordinatorUserIds: [] };
    expect(decidePartnershipEdit(principal({ userId: 'u9' }), p).allow).toBe(true);
  });

  it("refuses another partnership's coordinator, naming the rule", () => {
    const d = decidePartnershipEdit(principal({ userId: 'u2', agencyCode: 'la-hillingdon' }), wy);
    expect(d).toMatchObject({ allow: false, rule: PARTNERSHIP_RULE });
    expect(d.reason).toContain('West Yorkshire network');
  });

  it('refuses a linked user who no longer holds the coordinator role', () => {
    expect(decidePartnershipEdit(principal({ roles: ['first_responder'] }), wy).allow).toBe(false);
  });
});
