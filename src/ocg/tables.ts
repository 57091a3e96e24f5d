import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;

/** The ocg capability's tables (migrations/202611241100_ocg_register.sql). */
export type OcgTables = {
  ocg_scoring_configs: {
    version: Generated<number>;
    config: unknown;
    reason: string;
    changed_by: string | null;
    changed_by_name: string;
    changed_by_agency: string;
    changed_at: Timestamp;
  };
  ocg_groups: {
    id: Generated<string>;
    reference: string;
    name: string;
    aliases: string[];
    summary: string;
    primary_threat: string;
    other_criminality: string[];
    owning_agency_code: string;
    owning_agency_type: string;
    handling_code: string;
    handling_conditions: unknown | null;
    status: Generated<string>;
    grade: string | null;
    tier: number | null;
    score: number | null;
    last_assessed_at: Timestamp | null;
    next_assessment_due: DateText | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  ocg_threats: { ocg_id: string; threat: string; subtype: string };
  ocg_areas: { ocg_id: string; force_code: string; force_area_code: string | null };
  ocg_members: {
    id: Generated<string>;
    ocg_id: string;
    name: string;
    role: string;
    location: string;
    country: string | null;
    person_entity_id: string | null;
    person_record_id: string | null;
    added_by: string | null;
    added_at: Timestamp;
    removed_at: Timestamp | null;
  };
  ocg_intelligence_links: {
    ocg_id: string;
    report_id: string;
    linked_at: Timestamp;
    linked_by: string | null;
    linked_by_agency: string | null;
  };
  ocg_assessments: {
    id: Generated<string>;
    ocg_id: string;
    assessed_at: Timestamp;
    assessed_by: string | null;
    assessor_name: string;
    assessor_agency_code: string;
    harm: number;
    likelihood: number;
    confidence: number;
    capacity: number;
    config_version: number;
    config: unknown;
    score: number;
    computed_grade: string;
    grade: string;
    override_reason: string | null;
    tier: number;
    decision: string;
    rationale: string;
    intelligence_count: number;
    new_intelligence_count: number;
    next_due: DateText | null;
  };
  ocg_disruptions: {
    id: Generated<string>;
    reference: string;
    ocg_id: string | null;
    threat: string;
    category: string;
    magnitude: string;
    tactic: string;
    evidence: string;
    disrupted_on: DateText;
    recording_agency_code: string;
    recording_agency_type: string;
    force_code: string | null;
    status: Generated<string>;
    recorded_by: string | null;
    recorded_by_name: string;
    validated_by: string | null;
    validated_by_name: string | null;
    validated_at: Timestamp | null;
    validation_note: string | null;
    created_at: Timestamp;
    version: Generated<number>;
  };
};
