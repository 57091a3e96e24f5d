import { describe, expect, it } from 'vitest';
import { describeChanges, diff, etagOf, parseIfMatch } from './versioning.js';

describe('versions and ETags', () => {
  it('reads If-Match in its usual forms', () => {
    expect(parseIfMatch(etagOf(3))).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch('"abc"')).toBeNull();
  });

  it('records only what an edit changes, and says who changed what', () => {
    const changes = diff(
      { title: 'a', narrative: 'x', codes: ['OIC'] },
      { title: 'b', narrative: 'x', codes: ['OIC'], other: undefined },
    );
    expect(changes).toEqual({ title: { from: 'a', to: 'b' } });
    expect(describeChanges([{ version: 4, changedByName: 'Mina Patel', changedAt: '', changes }])).toEqual([
      'Mina Patel changed title (version 4).',
    ]);
  });
});
