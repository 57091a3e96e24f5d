import { describe, expect, it } from 'vitest';
import { canonicalFullName } from './recording.js';
import { foldDiacritics, nameKey } from './transliteration.js';
import { buildTransliterationSet } from './transliteration-set.js';
import type { PersonRecordDraft } from './types.js';
import { formatDob, joinCompound, NAME_WRITING_KINDS } from './variants.js';

describe('buildTransliterationSet', () => {
  const set = buildTransliterationSet({ people: 3000, seed: 8 });
  const byTruth = new Map<string, PersonRecordDraft[]>();
  for (const r of set.records) byTruth.set(r.truthId, [...(byTruth.get(r.truthId) ?? []), r]);

  it('makes the number of people asked for, each with 2 to 4 records from different agencies', () => {
    expect(set.people).toHaveLength(3000);
    expect(byTruth.size).toBe(3000);
    for (const records of byTruth.values()) {
      expect(records.length).toBeGreaterThanOrEqual(2);
      expect(records.length).toBeLessThanOrEqual(4);
      expect(new Set(records.map((r) => r.agencyCode)).size).toBe(records.length);
    }
    expect(new Set(set.records.map((r) => r.recordId)).size).toBe(set.records.length);
  });

  it('covers the Albanian, Vietnamese, Arabic and Tigrinya traditions only', () => {
    const groups = new Map<string, number>();
    for (const p of set.people) groups.set(p.group, (groups.get(p.group) ?? 0) + 1);
    expect([...groups.keys()].sort()).toEqual(['albanian', 'arabic', 'tigrinya', 'vietnamese']);
    for (const n of groups.values()) expect(n).toBeGreaterThan(500);
    const nationalities = new Set(set.people.map((p) => p.nationality));
    for (const n of nationalities) expect(['AL', 'VN', 'SD', 'SY', 'EG', 'IQ', 'ER', 'ET']).toContain(n);
  });

  it('writes every record of a name differently from its canonical form', () => {
    const people = new Map(set.people.map((p) => [p.truthId, p]));
    for (const r of set.records) {
      expect(r.variantKinds.some((k) => NAME_WRITING_KINDS.has(k))).toBe(true);
      const p = people.get(r.truthId)!;
      const canonical = [
        canonicalFullName(p.name),
        p.name.given.map(joinCompound).join(' '),
        p.name.family.map(joinCompound).join(' '),
      ];
      expect([r.fullName, r.givenName, r.familyName]).not.toEqual(canonical);
    }
    const transliterated = set.records.filter((r) => r.variantKinds.includes('transliteration')).length;
    expect(transliterated / set.records.length).toBeGreaterThan(0.5);
  });

  it('includes the classic spellings of one name', () => {
    const spellings = new Set(
      set.records
        .flatMap((r) => (r.fullName + ' ' + (r.familyName ?? '')).split(/\s+/))
        .map((t) => foldDiacritics(t).toLowerCase()),
    );
    for (const s of ['mohammed', 'muhammad', 'gashaj', 'tesfaye', 'nguyen'])
      expect(spellings.has(s), s).toBe(true);
  });

  it('never gives two people the same canonical name and date of birth', () => {
    const keys = set.people.map((p) => `${nameKey(canonicalFullName(p.name))}|${formatDob(p.dob, 'iso')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic by seed', () => {
    expect(buildTransliterationSet({ people: 200, seed: 8 }).records).toEqual(
      buildTransliterationSet({ people: 200, seed: 8 }).records,
    );
    expect(buildTransliterationSet({ people: 200, seed: 9 }).records).not.toEqual(
      buildTransliterationSet({ people: 200, seed: 8 }).records,
    );
  });
});
