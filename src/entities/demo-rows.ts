/**
 * The demo loader's CSV rows for one synthetic person record: the person_records row (normalised as the matching
 * engine does) and the entity_mentions rows of its phone, email, address and vehicle. Pure, so worker threads can
 * make them while the main thread generates the next records.
 */
import { csvLine } from './bulk.js';
import { forceAreaFor } from './geo/force-areas.js';
import { normaliseVrm } from './matching/normalise.js';
import { addressKey, type PersonMention, PersonMentionSchema, personRow } from './mentions.js';

export interface RowInput {
  index: number;
  id: string;
  agencyCode: string;
  agencyForceArea: string | null;
  sourceId: string;
  role: string;
  threats: string[];
  person: PersonMention;
  fullNameFallback: string;
  vehicleVrm: string | null;
  recordedOn: string;
  reviewDate: string;
  handlingCode: 'P' | 'C';
  conditions: Record<string, unknown> | null;
  seed: number;
}

export const PERSON_COLUMNS = [
  'id', 'agency_code', 'source_kind', 'source_id', 'source_url', 'role_in_source', 'threats', 'given_name', 'family_name', 'full_name',
  'date_of_birth_text', 'date_of_birth', 'dob_precision', 'nationality', 'gender', 'phone', 'phone_e164', 'email', 'address', 'town',
  'postcode', 'identifiers', 'force_area_code', 'handling_code', 'conditions', 'recorded_on', 'review_date', 'norm_given', 'norm_surname',
  'dob_key', 'norm_address', 'norm_town', 'norm_email', 'norm_identifiers', 'norm_sex', 'norm_nationality', 'search_name', 'name_keys',
] as const;
export const MENTION_COLUMNS = ['id', 'kind', 'value', 'key', 'details', 'person_record_id', 'relation', 'agency_code', 'source_kind', 'source_id', 'threats', 'handling_code', 'conditions', 'recorded_on', 'review_date'] as const;

/** Deterministic record ids (a UUID per seed, space and counter) so a seed always gives the same database. */
export function demoUuid(seedHash: number, space: number, n: number): string {
  return `${(seedHash >>> 0).toString(16).padStart(8, '0')}-${space.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function rowsFor(input: RowInput): { people: string; mentions: string } {
  const row = personRow(PersonMentionSchema.parse(input.person), forceAreaFor);
  const { id, agencyCode, threats, handlingCode, conditions, recordedOn, reviewDate } = input;
  const people = csvLine([
    id, agencyCode, 'import', input.sourceId, null, input.role, threats, row.given_name, row.family_name, row.full_name ?? input.fullNameFallback,
    row.date_of_birth_text, row.date_of_birth, row.dob_precision, row.nationality, row.gender, row.phone, row.phone_e164, row.email, row.address, row.town,
    row.postcode, row.identifiers, row.force_area_code ?? input.agencyForceArea, handlingCode, conditions, recordedOn, reviewDate,
    row.norm_given, row.norm_surname, row.dob_key, row.norm_address, row.norm_town, row.norm_email, row.norm_identifiers, row.norm_sex, row.norm_nationality, row.search_name, row.name_keys,
  ]);
  let mentions = '';
  const prov = [agencyCode, 'import', input.sourceId, threats, handlingCode, conditions, recordedOn, reviewDate];
  const add = (k: number, kind: string, value: string, key: string | null, relation: string, details: Record<string, unknown> = {}) => {
    mentions += csvLine([demoUuid(input.seed, 2, input.index * 4 + k), kind, value, key, details, id, relation, ...prov]);
  };
  if (row.phone && row.phone_e164) add(0, 'phone', row.phone, row.phone_e164, 'uses');
  if (row.email && row.norm_email) add(1, 'email', row.email, row.norm_email, 'uses');
  const aKey = addressKey(row.norm_address, row.postcode);
  if (aKey) add(2, 'address', [row.address, row.town, row.postcode].filter(Boolean).join(', '), aKey, 'lives_at', row.postcode ? { postcode: row.postcode } : {});
  if (input.vehicleVrm) add(3, 'vehicle', input.vehicleVrm, normaliseVrm(input.vehicleVrm), 'drives');
  return { people, mentions };
}

/** Rows for a chunk of inputs, concatenated. */
export function chunkRows(inputs: readonly RowInput[]): { people: string; mentions: string } {
  let people = '';
  let mentions = '';
  for (const i of inputs) {
    const r = rowsFor(i);
    people += r.people;
    mentions += r.mentions;
  }
  return { people, mentions };
}
