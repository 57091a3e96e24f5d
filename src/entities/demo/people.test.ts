import { isValid as isValidPostcode } from 'postcode';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CODES } from './agencies.js';
import { collectPeople, generatePeople, recordTarget, SIZE_RECORDS } from './people.js';
import { formatPhone, isFictionalUkPhone } from './phones.js';
import { addressLine } from './places.js';
import { canonicalFullName } from './recording.js';
import { foldDiacritics } from './transliteration.js';
import type { HouseholdTruth, NetworkTruth, PersonRecordDraft, TruePerson } from './types.js';
import { formatDob, joinCompound, VARIANT_KINDS, type VariantKind } from './variants.js';
import { SYNTHETIC_VRM_PATTERN } from './vehicles.js';

const small = collectPeople({ size: 'small', seed: 11 });
const medium = collectPeople({ size: 20_000, seed: 5 });
const peopleById = new Map<string, TruePerson>(medium.people.map((p) => [p.truthId, p]));

const NAME_KINDS = new Set<VariantKind>(VARIANT_KINDS.slice(0, VARIANT_KINDS.indexOf('dob-missing')));
const hasAny = (r: PersonRecordDraft, prefix: string) => r.variantKinds.some((k) => k.startsWith(prefix));

describe('generatePeople: size and determinism', () => {
  it('produces exactly the requested number of records', () => {
    expect(small.records).toHaveLength(2000);
    expect(medium.records).toHaveLength(20_000);
    expect(collectPeople({ size: 777, seed: 1 }).records).toHaveLength(777);
    expect(recordTarget('large')).toBe(100_000);
    expect(recordTarget('xl')).toBeGreaterThanOrEqual(1_000_000);
    expect(() => recordTarget(0)).toThrow(RangeError);
  });

  it('streams the large size to exactly 100,000 records', () => {
    let n = 0;
    for (const _ of generatePeople({ size: 'large', seed: 2, shuffleWindow: 0 })) n++;
    expect(n).toBe(SIZE_RECORDS.large);
  });

  it('yields the first xl records after making only a few thousand people', () => {
    let people = 0;
    const stream = generatePeople({ size: 'xl', seed: 3, onPerson: () => people++ });
    for (let i = 0; i < 10; i++) expect(stream.next().done).toBe(false);
    expect(people).toBeLessThan(10_000);
    stream.return(undefined);
  });

  it('gives identical output for the same seed and different output for another', () => {
    const again = collectPeople({ size: 'small', seed: 11 });
    expect(again.records).toEqual(small.records);
    expect(again.groups).toEqual(small.groups);
    const other = collectPeople({ size: 'small', seed: 12 });
    expect(other.records.map((r) => r.fullName)).not.toEqual(small.records.map((r) => r.fullName));
  });

  it('only reorders records when the shuffle window changes', () => {
    const inOrder = collectPeople({ size: 'small', seed: 11, shuffleWindow: 0 }).records;
    const byId = (a: PersonRecordDraft, b: PersonRecordDraft) => a.recordId.localeCompare(b.recordId);
    expect(inOrder.map((r) => r.recordId)).not.toEqual(small.records.map((r) => r.recordId));
    expect(inOrder.slice().sort(byId)).toEqual(small.records.slice().sort(byId));
  });
});

describe('generatePeople: records', () => {
  it('has unique record ids and tags only known variant kinds', () => {
    expect(new Set(medium.records.map((r) => r.recordId)).size).toBe(medium.records.length);
    const known = new Set<string>(VARIANT_KINDS);
    for (const r of medium.records) for (const k of r.variantKinds) expect(known.has(k), k).toBe(true);
  });

  it('uses only Ofcom drama phone numbers, valid postcodes and reserved email domains', () => {
    for (const r of medium.records) {
      if (r.phone !== null) expect(isFictionalUkPhone(r.phone), r.phone).toBe(true);
      if (r.postcode !== null) expect(isValidPostcode(r.postcode), r.postcode).toBe(true);
      if (r.email !== null) expect(r.email.toLowerCase()).toMatch(/@(mail\.)?example\.(com|org|net)$/);
      if (r.vehicleVrm !== null) expect(r.vehicleVrm).toMatch(SYNTHETIC_VRM_PATTERN);
    }
  });

  it('keeps the ground truth consistent across every record of a person', () => {
    const byTruth = new Map<string, PersonRecordDraft[]>();
    for (const r of medium.records) byTruth.set(r.truthId, [...(byTruth.get(r.truthId) ?? []), r]);
    expect(byTruth.size).toBe(medium.people.length);
    for (const [truthId, records] of byTruth) {
      const person = peopleById.get(truthId)!;
      expect(records.length).toBeLessThanOrEqual(6);
      expect(new Set(records.map((r) => r.agencyCode)).size).toBe(records.length);
      for (const r of records) {
        expect(r.nationality).toBe(person.nationality);
        expect(r.householdId).toBe(person.householdId);
        expect(r.networkId).toBe(person.networkId);
        if (r.gender !== 'unknown') expect(r.gender).toBe(person.gender);
        if (r.vehicleVrm !== null) expect(person.vehicleVrms).toContain(r.vehicleVrm);
      }
    }
    const perPerson = medium.records.length / medium.people.length;
    expect(perPerson).toBeGreaterThan(1.7);
    expect(perPerson).toBeLessThan(2.5);
  });

  it('writes the canonical details exactly where no variant is tagged', () => {
    let checkedNames = 0;
    for (const r of medium.records) {
      const p = peopleById.get(r.truthId)!;
      const name = r.variantKinds.includes('alias') ? p.alias! : p.name;
      if (!r.variantKinds.some((k) => NAME_KINDS.has(k))) {
        checkedNames++;
        expect(r.fullName).toBe(canonicalFullName(name));
        expect(r.givenName).toBe(name.given.map(joinCompound).join(' '));
        expect(r.familyName).toBe(name.family.map(joinCompound).join(' '));
      }
      if (!hasAny(r, 'dob-')) {
        expect(r.dateOfBirth).toBe(formatDob(p.dob, 'iso'));
        expect(r.dobPrecision).toBe('day');
      }
      const onlyFormat = r.variantKinds.filter((k) => k.startsWith('dob-'));
      if (onlyFormat.length === 1 && onlyFormat[0].startsWith('dob-format-')) {
        expect(r.dateOfBirth).toBe(formatDob(p.dob, onlyFormat[0].slice('dob-format-'.length) as 'text'));
      }
      if (p.phones.length > 0 && !hasAny(r, 'phone-'))
        expect(r.phone).toBe(formatPhone(p.phones[0], 'national'));
      if (p.phones.length === 0) expect(r.phone).toBeNull();
      if (
        !r.variantKinds.some(
          (k) => k.startsWith('address') || k.startsWith('postcode') || k === 'town-missing',
        )
      ) {
        expect(r.addressLine).toBe(addressLine(p.address));
        expect(r.town).toBe(p.address.town);
        expect(r.postcode).toBe(p.address.postcode);
      }
      if (p.email && !hasAny(r, 'email-')) expect(r.email).toBe(p.email);
    }
    expect(checkedNames).toBeGreaterThan(1000);
  });

  it('applies what each tag claims', () => {
    const seen = new Set<string>();
    for (const r of medium.records) {
      const p = peopleById.get(r.truthId)!;
      const has = (k: VariantKind) => r.variantKinds.includes(k);
      for (const k of r.variantKinds) seen.add(k);
      if (has('dob-missing')) expect(r.dateOfBirth).toBeNull();
      if (has('dob-year-only')) {
        expect(r.dateOfBirth).toBe(String(p.dob.year));
        expect(r.dobPrecision).toBe('year');
      }
      if (has('dob-placeholder')) {
        expect(r.dobPrecision).toBe('placeholder');
        expect(r.dateOfBirth).toMatch(/^(01\/01\/|01-01-|01\.01\.|1 Jan )\d{4}$|^\d{4}-01-01$/);
      }
      if (has('dob-day-month-swapped') && !has('dob-year-mistyped')) {
        expect(r.dateOfBirth).toContain(String(p.dob.year));
        expect(r.dateOfBirth).not.toBe(formatDob(p.dob, 'iso'));
      }
      if (has('name-upper-case')) expect(r.fullName).toBe(r.fullName.toUpperCase());
      if (has('name-lower-case')) expect(r.fullName).toBe(r.fullName.toLowerCase());
      if (has('diacritics-dropped') && !has('unicode-decomposed'))
        expect(foldDiacritics(r.fullName)).toBe(r.fullName);
      if (has('unicode-decomposed')) expect(r.fullName.normalize('NFC')).not.toBe(r.fullName);
      if (has('name-unsplit')) {
        expect(r.givenName).toBeNull();
        expect(r.familyName).toBeNull();
      }
      if (has('given-initial') && !has('name-order-swapped') && !has('name-unsplit'))
        expect(r.givenName).toHaveLength(1);
      if (has('postcode-no-space')) expect(r.postcode).not.toContain(' ');
      if (has('postcode-missing')) expect(r.postcode).toBeNull();
      if (has('address-missing')) expect([r.addressLine, r.town, r.postcode]).toEqual([null, null, null]);
      if (has('address-previous'))
        expect(r.addressLine!.toLowerCase()).toContain(p.previousAddress!.street.toLowerCase().split(' ')[0]);
      if (has('phone-missing')) expect(r.phone).toBeNull();
      if (has('phone-format-e164')) expect(r.phone).toMatch(/^\+44\d{10}$/);
      if (has('phone-format-international')) expect(r.phone).toMatch(/^\+44 /);
      if (has('phone-format-digits-only')) expect(r.phone).toMatch(/^44\d{10}$/);
      if (has('phone-format-compact')) expect(r.phone).toMatch(/^0\d{10}$/);
      if (has('email-case-changed')) expect(r.email!.toLowerCase()).toBe(p.email);
      if (has('gender-unknown')) expect(r.gender).toBe('unknown');
      if (has('alias')) expect(p.alias).not.toBeNull();
      if (has('name-order-swapped') && !has('name-unsplit') && !has('given-initial')) {
        expect(r.givenName).not.toBeNull();
      }
    }
    // The 20,000-record set exercises nearly every kind.
    const missing = VARIANT_KINDS.filter((k) => !seen.has(k));
    expect(missing).toEqual([]);
  });

  it('restricts records to the agencies asked for', () => {
    const { records } = collectPeople({ size: 500, seed: 4, agencies: ['met', 'nca', 'salvation-army'] });
    expect(new Set(records.map((r) => r.agencyCode))).toEqual(new Set(['met', 'nca', 'salvation-army']));
    expect(DEFAULT_AGENCY_CODES).toEqual(
      expect.arrayContaining(['met', 'gmp', 'nca', 'ie-nccu', 'salvation-army']),
    );
  });
});

describe('generatePeople: households, networks and shared places', () => {
  const households = medium.groups.filter((g): g is HouseholdTruth => g.kind === 'household');
  const networks = medium.groups.filter((g): g is NetworkTruth => g.kind === 'network');

  it('makes households of different people sharing a surname and an address', () => {
    expect(households.length).toBeGreaterThan(100);
    const baseSurname = (p: TruePerson) =>
      p.name.family.map((t) => t.replace(/ska$/, 'ski').replace(/cka$/, 'cki')).join(' ');
    for (const h of households) {
      const members = h.memberTruthIds.map((id) => peopleById.get(id)!);
      expect(new Set(h.memberTruthIds).size).toBe(h.memberTruthIds.length);
      expect(h.memberTruthIds.length).toBeLessThanOrEqual(8);
      expect(new Set(members.map(baseSurname)).size).toBe(1);
      expect(new Set(members.map((m) => m.name.given[0])).size).toBe(members.length);
      for (const m of members) {
        expect(m.householdId).toBe(h.householdId);
        expect(addressLine(m.address)).toBe(addressLine(h.address));
        expect(m.address.postcode).toBe(h.address.postcode);
        if (h.sharedPhone) expect(m.phones).toContain(h.sharedPhone);
      }
    }
    expect(households.filter((h) => h.memberTruthIds.length >= 2).length).toBeGreaterThan(100);
    // Twins: same surname, address and birthday, different people.
    const twins = households.filter((h) => {
      const dobs = h.memberTruthIds.map((id) => JSON.stringify(peopleById.get(id)!.dob));
      return new Set(dobs).size < dobs.length;
    });
    expect(twins.length).toBeGreaterThan(0);
    expect(households.some((h) => h.sharedPhone !== null)).toBe(true);
  });

  it('makes networks of 3 to 15 people sharing phones, vehicles and addresses', () => {
    expect(networks.length).toBeGreaterThan(5);
    for (const n of networks) {
      const members = n.members.map((m) => peopleById.get(m.truthId)!);
      expect(members.length).toBeLessThanOrEqual(15);
      expect(n.members.filter((m) => m.role === 'principal')).toHaveLength(1);
      expect(['msht', 'oic']).toContain(n.threat);
      for (const m of members) {
        expect(m.networkId).toBe(n.networkId);
        expect(m.phones.some((ph) => n.phones.includes(ph))).toBe(true);
      }
      const ids = new Set(n.members.map((m) => m.truthId));
      for (const v of n.vehicles) {
        expect(ids.has(v.keeperTruthId)).toBe(true);
        expect(peopleById.get(v.keeperTruthId)!.vehicleVrms).toContain(v.vrm);
        expect(v.vrm).toMatch(SYNTHETIC_VRM_PATTERN);
      }
    }
    const complete = networks.slice(0, -1);
    expect(complete.every((n) => n.members.length >= 3)).toBe(true);
  });

  it('has addresses and phones shared by strangers', () => {
    const related = (a: TruePerson, b: TruePerson) =>
      (a.householdId !== null && a.householdId === b.householdId) ||
      (a.networkId !== null && a.networkId === b.networkId);
    const strangersShare = (keyOf: (p: TruePerson) => string[]) => {
      const byKey = new Map<string, TruePerson[]>();
      for (const p of medium.people) for (const k of keyOf(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
      let count = 0;
      for (const group of byKey.values()) {
        if (group.length > 1 && group.some((a) => group.some((b) => a !== b && !related(a, b)))) count++;
      }
      return count;
    };
    const building = (p: TruePerson) => [`${p.address.number} ${p.address.street}|${p.address.postcode}`];
    expect(strangersShare(building)).toBeGreaterThan(5);
    expect(strangersShare((p) => p.phones)).toBeGreaterThan(3);
  });

  it('draws about 23% UK nationals, most of the children', () => {
    const gb = medium.people.filter((p) => p.nationality === 'GB').length / medium.people.length;
    expect(gb).toBeGreaterThan(0.19);
    expect(gb).toBeLessThan(0.28);
    const children = medium.people.filter((p) => p.isChild && p.householdId === null && p.networkId === null);
    const gbChildren = children.filter((p) => p.nationality === 'GB').length / children.length;
    expect(gbChildren).toBeGreaterThan(0.5);
  });

  it("sends children to children's services, not adult-only services", () => {
    const children = new Set(
      medium.people.filter((p) => p.isChild && p.networkId === null).map((p) => p.truthId),
    );
    const childRecords = medium.records.filter((r) => children.has(r.truthId));
    expect(childRecords.length).toBeGreaterThan(1000);
    for (const r of childRecords)
      expect(['salvation-army', 'glaa', 'medaille-trust']).not.toContain(r.agencyCode);
    expect(childRecords.some((r) => r.agencyCode === 'barnardos')).toBe(true);
  });
});
