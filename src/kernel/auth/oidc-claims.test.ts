import { describe, expect, it } from 'vitest';
import { mapClaims } from './oidc-claims.js';

const agencies = new Set(['met', 'nca']);
const base = { sub: 's1', email: 'A.Person@Met.Police.uk', email_verified: true, name: 'A Person' };

describe('mapping identity-provider claims to agency and roles', () => {
  it('reads an agency claim and a roles claim (array or string), ignoring unknown roles', () => {
    const r = mapClaims({ ...base, agency: 'met', roles: ['Analyst', 'intelligence-officer', 'wizard'] }, agencies);
    expect(r).toMatchObject({ ok: true, identity: { agencyCode: 'met', roles: ['analyst', 'intelligence_officer'], ignoredRoles: ['wizard'], email: 'a.person@met.police.uk' } });
    expect(mapClaims({ ...base, agency: 'met', roles: 'analyst supervisor' }, agencies)).toMatchObject({ ok: true, identity: { roles: ['analyst', 'supervisor'] } });
  });
  it('reads fusion: groups', () => {
    const r = mapClaims({ ...base, groups: ['staff', 'fusion:agency:nca', 'fusion:role:auditor'] }, agencies);
    expect(r).toMatchObject({ ok: true, identity: { agencyCode: 'nca', roles: ['auditor'] } });
  });
  it('refuses unknown or conflicting agencies, no role, no email', () => {
    expect(mapClaims({ ...base, agency: 'mars', roles: ['analyst'] }, agencies)).toMatchObject({ ok: false });
    expect(mapClaims({ ...base, agency: 'met', groups: ['fusion:agency:nca'], roles: ['analyst'] }, agencies)).toMatchObject({ ok: false });
    expect(mapClaims({ ...base, agency: 'met', roles: ['wizard'] }, agencies)).toMatchObject({ ok: false, reason: expect.stringContaining('no Fusion role') });
    expect(mapClaims({ sub: 's', agency: 'met', roles: ['analyst'] }, agencies)).toMatchObject({ ok: false });
    expect(mapClaims({ ...base, sub: undefined, agency: 'met', roles: ['analyst'] }, agencies)).toMatchObject({ ok: false });
  });
  it('honours configured claim names', () => {
    const r = mapClaims({ ...base, org: 'met', fusion_roles: ['analyst'] }, agencies, { agencyClaim: 'org', rolesClaim: 'fusion_roles', groupsClaim: 'grp' });
    expect(r.ok).toBe(true);
  });
});
