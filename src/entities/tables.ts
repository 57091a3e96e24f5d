import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: 'YYYY-MM-DD' strings on both drivers (see src/kernel/db/database.ts). */
type DateColumn = ColumnType<string, string | undefined, string>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

/** The tables of the entities capability (migrations in ./migrations). */
export type EntityTables = {
  entities: {
    id: Generated<number>;
    kind: string;
    key: string | null;
    label: string | null;
    merged_into: number | null;
    created_at: Generated<Date>;
  };
  person_records: {
    id: Generated<string>;
    seq: Generated<number>;
    agency_code: string;
    source_kind: string;
    source_id: string;
    source_url: string | null;
    role_in_source: string;
    threats: string[];
    given_name: string | null;
    family_name: string | null;
    full_name: string | null;
    date_of_birth_text: string | null;
    date_of_birth: string | null;
    dob_precision: 'day' | 'year' | 'placeholder' | null;
    nationality: string | null;
    gender: string | null;
    phone: string | null;
    phone_e164: string | null;
    email: string | null;
    address: string | null;
    town: string | null;
    postcode: string | null;
    identifiers: string[];
    force_area_code: string | null;
    handling_code: 'P' | 'C';
    conditions: Json | null;
    recorded_on: DateColumn;
    review_date: string | null;
    created_at: Generated<Date>;
    entity_id: number | null;
    resolved_at: Date | null;
    norm_given: string | null;
    norm_surname: string | null;
    dob_key: string | null;
    norm_address: string | null;
    norm_town: string | null;
    norm_email: string | null;
    norm_identifiers: string | null;
    norm_sex: string | null;
    norm_nationality: string | null;
    search_name: string | null;
    name_keys: string[];
  };
  entity_mentions: {
    id: Generated<string>;
    kind: string;
    value: string;
    key: string | null;
    details: Json<Record<string, unknown>>;
    person_record_id: string | null;
    relation: string | null;
    agency_code: string;
    source_kind: string;
    source_id: string;
    source_url: string | null;
    threats: string[];
    handling_code: 'P' | 'C';
    conditions: Json | null;
    recorded_on: DateColumn;
    review_date: string | null;
    created_at: Generated<Date>;
    entity_id: number | null;
    protected: Generated<boolean>;
  };
  entity_relationships: {
    id: Generated<string>;
    kind: string;
    from_type: 'person' | 'mention';
    from_id: string;
    to_type: 'person' | 'mention';
    to_id: string;
    relationship: string | null;
    details: Json<Record<string, unknown>>;
    start_date: string | null;
    end_date: string | null;
    agency_code: string;
    source_kind: string;
    source_id: string;
    source_url: string | null;
    threats: string[];
    handling_code: 'P' | 'C';
    conditions: Json | null;
    recorded_on: DateColumn;
    review_date: string | null;
    created_at: Generated<Date>;
  };
  protected_values: {
    id: Generated<string>;
    kind: 'address' | 'postcode' | 'phone' | 'email';
    value: string;
    key: string;
    reason: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  entity_match_models: {
    id: Generated<number>;
    model: Json;
    records: number;
    trained_at: Generated<Date>;
  };
  entity_match_links: {
    left_record: string;
    right_record: string;
    probability: number;
    weight: number;
    explanation: Json;
    model_id: number | null;
    linked: boolean;
    created_at: Generated<Date>;
  };
  entity_review_decisions: {
    left_record: string;
    right_record: string;
    decision: 'confirmed' | 'rejected' | 'unsure';
    note: string | null;
    decided_by: string;
    agency_code: string;
    decided_at: Generated<Date>;
  };
  entity_resolution_runs: {
    id: Generated<number>;
    kind: 'batch' | 'incremental';
    records: number;
    links: number;
    entities: number;
    merged: number;
    created: number;
    seconds: number;
    detail: Json<Record<string, unknown>>;
    finished_at: Generated<Date>;
  };
  demo_truth: {
    record_id: string;
    truth_id: string;
    household_id: string | null;
    network_id: string | null;
  };
  demo_networks: {
    network_id: string;
    name: string;
    threat: string;
    members: number;
  };
};
