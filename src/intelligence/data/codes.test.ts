import { describe, expect, it } from 'vitest';
import { exploitationTypes } from '../../referrals/data/exploitation.js';
import {
  identifierCode,
  identifierCodes,
  missingIdentifierCodes,
  requiredIdentifierCodes,
  threatsOf,
  UMBRELLA_CODE,
} from './codes.js';

describe('crime identifier codes', () => {
  it('has unique Fusion-defined codes whose parents exist and share their threat', () => {
    const codes = identifierCodes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of identifierCodes) {
      expect(c.code).toMatch(/^FUS-(MSHT|OIC)(-[A-Z]+)?$/);
      expect(c.definedBy).toBe('fusion');
      if (c.parent !== null) {
        const parent = identifierCode(c.parent);
        expect(parent, c.code).toBeDefined();
        expect(parent?.threat).toBe(c.threat);
      }
    }
  });

  it('keeps MSHT and OIC in separate trees with one mandatory umbrella each', () => {
    const umbrellas = identifierCodes.filter((c) => c.parent === null);
    expect(umbrellas.map((c) => [c.code, c.threat, c.mandatory])).toEqual([
      ['FUS-OIC', 'OIC', true],
      ['FUS-MSHT', 'MSHT', true],
    ]);
    for (const c of identifierCodes) {
      expect(c.code.startsWith(UMBRELLA_CODE[c.threat])).toBe(true);
    }
    expect(identifierCode('FUS-OIC')?.mirrors).toMatch(/August 2023/);
  });

  it('has an MSHT sub-code for every exploitation type', () => {
    const covered = identifierCodes.filter((c) => c.threat === 'MSHT').map((c) => c.exploitationType);
    for (const t of exploitationTypes) expect(covered, t.code).toContain(t.code);
  });

  it('works out the codes a report must carry and which are missing', () => {
    expect(requiredIdentifierCodes({ threats: ['OIC'], oicMethods: ['small-boat'] })).toEqual([
      'FUS-OIC',
      'FUS-OIC-SB',
    ]);
    expect(
      requiredIdentifierCodes({
        threats: ['MSHT', 'OIC'],
        exploitationTypes: ['labour'],
        oicMethods: ['clandestine-vehicle'],
      }),
    ).toEqual(['FUS-MSHT', 'FUS-MSHT-LAB', 'FUS-OIC', 'FUS-OIC-CV']);
    expect(requiredIdentifierCodes({ threats: [] })).toEqual([]);
    expect(missingIdentifierCodes({ threats: ['OIC'] }, ['FUS-MSHT'])).toEqual(['FUS-OIC']);
    expect(
      missingIdentifierCodes({ threats: ['MSHT'], exploitationTypes: ['sexual'] }, [
        'FUS-MSHT',
        'FUS-MSHT-SEX',
      ]),
    ).toEqual([]);
  });

  it('reads the threats back from codes without merging them', () => {
    expect(threatsOf(['FUS-OIC-SB'])).toEqual(['OIC']);
    expect(threatsOf(['FUS-MSHT-CRIM', 'FUS-OIC', 'junk'])).toEqual(['MSHT', 'OIC']);
    expect(threatsOf([])).toEqual([]);
  });
});
