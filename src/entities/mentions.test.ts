import { describe, expect, it } from 'vitest';
import { addressKey, addressParts, impliedThings, MentionBatchSchema, nameKeys, parseDateOfBirth, PersonMentionSchema, personRow, protectedKey, thingKey } from './mentions.js';
import { forceAreaFor } from './geo/force-areas.js';
import { classBreaks, colourFor, PALETTE, renderMap } from './geo/map.js';
import { compactExplanation, explain } from './resolution/explanation.js';
import { defaultModel } from './matching/model.js';
import { countryCode, validateEntity } from './ftm/model.js';
import { csvField, csvLine } from './bulk.js';

describe('person mentions', () => {
  it('normalises a person as the matching engine does, with search keys that ignore spelling', () => {
    const row = personRow(PersonMentionSchema.parse({ role: 'victim', givenName: 'Mohammed', familyName: 'Nguyễn', dateOfBirth: '09/04/1990', phone: '07700 900123', postcode: 'ls62ab' }), forceAreaFor);
    expect(row.norm_given).toBe('mohammed');
    expect(row.norm_surname).toBe('nguyen');
    expect(row.date_of_birth).toBe('1990-04-09');
    expect(row.dob_precision).toBe('day');
    expect(row.phone_e164).toBe('+447700900123');
    expect(row.postcode).toBe('LS6 2AB');
    expect(row.force_area_code).toBe('E23000010'); // West Yorkshire, from the postcode district
    expect(row.name_keys).toEqual(nameKeys('muhammad', 'nguyen'));
  });

  it('keeps year-only and placeholder dates with their precision', () => {
    expect(parseDateOfBirth('1990')).toMatchObject({ date: '1990-01-01', precision: 'year' });
    expect(parseDateOfBirth('01/01/1985')).toMatchObject({ date: '1985-01-01', precision: 'placeholder' });
    expect(parseDateOfBirth('31/02/1990')).toMatchObject({ date: null, precision: 'day' });
    expect(parseDateOfBirth('not a date')).toEqual({ date: null, precision: null, key: null });
  });

  it('splits a full name written alone', () => {
    const row = personRow(PersonMentionSchema.parse({ fullName: 'GASHI Arben' }), forceAreaFor);
    expect(row.norm_surname).toBe('gashi');
    expect(row.norm_given).toBe('arben');
  });

  it('implies the things a person record holds', () => {
    const kinds = impliedThings(PersonMentionSchema.parse({ phone: '07700900123', email: 'a@example.org', address: '3 High St', postcode: 'LS6 2AB', identifiers: ['passport:123456789'] })).map((t) => t.kind);
    expect(kinds).toEqual(['phone', 'email', 'address', 'document']);
  });

  it('refuses a batch without provenance and names the field', () => {
    const r = MentionBatchSchema.safeParse({ agencyCode: 'met', sourceKind: '', sourceId: 'x' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['sourceKind']);
  });
});

describe('thing keys', () => {
  it('keys an address by postcode and numbers, so abbreviations and the town do not matter', () => {
    const a = thingKey('address', 'Flat 3, 45 Ashbury Road, Leeds LS6 2AB');
    expect(a).toBe('LS6 2AB|3 45');
    expect(thingKey('address', '45 Ashbury Rd Flat 3', { postcode: 'ls6 2ab' })).toBe(a);
    expect(thingKey('address', 'Flat 4, 45 Ashbury Road, LS6 2AB')).not.toBe(a);
    expect(addressKey(null, null)).toBeNull();
    expect(addressParts('Hope House, 14 Sanctuary Road, Leeds LS7 3QP').postcode).toBe('LS7 3QP');
  });

  it('keys phones, vehicles, documents, vessels, engines and organisations', () => {
    expect(thingKey('phone', '+44 7700 900123')).toBe('+447700900123');
    expect(thingKey('vehicle', 'ab12 cde')).toBe('AB12CDE');
    expect(thingKey('document', '123 456 789', { type: 'passport' })).toBe('passport:123456789');
    expect(thingKey('vessel', 'Sea Star', { imo: 'IMO 9074729' })).toBe('id:IMO9074729');
    expect(thingKey('engine', 'yam-40-778812')).toBe('YAM40778812');
    expect(thingKey('organisation', 'Anything', { ocgId: 'ocg-7' })).toBe('ocg:ocg-7');
    expect(thingKey('event', 'Crossing')).toBeNull();
  });

  it('keys protected values the same way as the things they protect', () => {
    expect(protectedKey('phone', '08000 121 700')).toBe(thingKey('phone', '0800 0121700'));
    expect(protectedKey('address', 'Hope House, 14 Sanctuary Road, Leeds LS7 3QP')).toBe(thingKey('address', '14 Sanctuary Rd, LS7 3QP'));
    expect(protectedKey('email', 'not an email')).toBeNull();
  });
});

describe('map', () => {
  it('renders every force area with its figure and a legend, with the same figures as rows', () => {
    const map = renderMap(new Map([['E23000010', { records: 12, people: 5 }], ['E23000001', { records: 40, people: 20 }], ['X', { records: 3, people: 1 }]]), 'Linked records');
    expect(map.rows).toHaveLength(45);
    expect(map.rows.find((r) => r.code === 'E23000010')).toMatchObject({ records: 12, people: 5 });
    expect(map.unplaced).toBe(3);
    expect(map.svg).toContain('role="img"');
    expect(map.svg.match(/<path /g)!.length).toBe(45);
    expect(map.svg).toContain('12 linked records');
  });

  it('classes counts into the palette, zero in its own colour', () => {
    const breaks = classBreaks([0, 1, 2, 3, 10, 50]);
    expect(colourFor(0, breaks)).toBe(PALETTE[0]);
    expect(colourFor(50, breaks)).toBe(PALETTE[4]);
  });
});

describe('explanations', () => {
  it('round-trips a compact explanation into weights per field from the model', () => {
    const model = defaultModel();
    const levels = model.comparisons.map((c) => c.levels.length - 1);
    const stored = compactExplanation({
      priorWeight: -10,
      matchWeight: 0,
      probability: 0.9,
      namesSwapped: false,
      veto: null,
      comparisons: levels.map((l, i) => ({ comparison: model.comparisons[i]!.name, level: l, label: '', weight: 0, tfAdjustment: i === 0 ? -1.5 : 0, left: null, right: null })),
    });
    const e = explain(stored, model);
    expect(e.comparisons[0]).toMatchObject({ field: 'given_name', label: 'Given name', outcome: 'exact', tfAdjustment: -1.5, agrees: true });
    const top = model.comparisons[1]!.levels.at(-1)!;
    expect(e.comparisons[1]!.weight).toBeCloseTo(Math.log2(top.m / top.u), 1);
  });
});

describe('FollowTheMoney model and COPY encoding', () => {
  it('validates entities against the real schema files', () => {
    expect(validateEntity({ id: 'x', schema: 'Person', properties: { name: ['A'], phone: ['+447700900123'] } })).toEqual([]);
    expect(validateEntity({ id: 'x', schema: 'Person', properties: { shoeSize: ['9'] } })[0]).toContain('no property "shoeSize"');
    expect(validateEntity({ id: 'x', schema: 'Phone', properties: {} })[0]).toContain('not a FollowTheMoney schema');
    expect(validateEntity({ id: 'x', schema: 'Thing', properties: {} })[0]).toContain('abstract');
    expect(countryCode('ALB')).toBe('al');
    expect(countryCode('GB')).toBe('gb');
  });

  it('encodes COPY fields: NULL unquoted, text quoted, arrays as literals', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(['x', 'y"z'])).toBe('"{""x"",""y\\""z""}"');
    expect(csvLine([1, 'a', null, true])).toBe('1,"a",,t\n');
  });
});
