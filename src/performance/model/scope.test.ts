import { describe, expect, it } from 'vitest';
import {
  decideAgency,
  decideScope,
  defaultScope,
  parseScope,
  scopeAgencies,
  scopeForces,
  scopeKey,
  selectableScopes,
} from './scope.js';

const force = {
  agencyCode: 'west-yorkshire',
  agencyType: 'police_force' as const,
  region: 'Yorkshire and the Humber',
};
const national = { agencyCode: 'npcc-msoicu', agencyType: 'national_policing' as const, region: null };
const rocu = { agencyCode: 'rocu-north-west', agencyType: 'rocu' as const, region: null };

describe('scopes', () => {
  it('round-trips scope keys and refuses unknown regions and forces', () => {
    for (const k of ['national', 'region:London', 'force:met']) expect(scopeKey(parseScope(k)!)).toBe(k);
    expect(parseScope('region:Atlantis')).toBeNull();
    expect(parseScope('force:nowhere')).toBeNull();
    expect(parseScope('')).toBeNull();
  });

  it('lists the forces of a region and adds the ROCUs that serve them', () => {
    expect(scopeForces({ level: 'national' })).toBeNull();
    expect(scopeForces({ level: 'region', region: 'North East' })).toEqual([
      'northumbria',
      'durham',
      'cleveland',
    ]);
    expect(scopeAgencies({ level: 'region', region: 'North East' })).toEqual([
      'northumbria',
      'durham',
      'cleveland',
      'rocu-north-east',
    ]);
    expect(scopeAgencies({ level: 'force', force: 'met' })).toEqual(['met']);
  });

  it('opens a force user on their force and a national agency on the nation', () => {
    expect(defaultScope(force)).toEqual({ level: 'force', force: 'west-yorkshire' });
    expect(defaultScope(national)).toEqual({ level: 'national' });
    expect(defaultScope(rocu)).toEqual({ level: 'region', region: 'North West' });
  });

  it('gives national figures to national agencies only', () => {
    expect(decideScope(national, { level: 'national' }).allow).toBe(true);
    expect(decideScope(national, { level: 'force', force: 'kent' }).allow).toBe(true);
    expect(decideScope(force, { level: 'national' }).allow).toBe(false);
    expect(decideScope(force, { level: 'force', force: 'met' }).allow).toBe(false);
    expect(decideScope(force, { level: 'region', region: 'Yorkshire and the Humber' }).allow).toBe(true);
    expect(decideScope(force, { level: 'national' }).reason).toMatch(
      /national figures are for national agencies/,
    );
    // North Wales is served by the North West ROCU although it is in the Wales region.
    expect(decideScope(rocu, { level: 'force', force: 'north-wales' }).allow).toBe(true);
    expect(selectableScopes(national).length).toBeGreaterThan(50);
  });

  it('lets a force see its own and its region’s records only', () => {
    expect(decideAgency(force, 'west-yorkshire')).toBe(true);
    expect(decideAgency(force, 'humberside')).toBe(true);
    expect(decideAgency(force, 'rocu-yorkshire-humber')).toBe(true);
    expect(decideAgency(force, 'met')).toBe(false);
    expect(decideAgency(national, 'met')).toBe(true);
  });
});
