import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The investigations capability's tables (migrations/202611241130_investigations_core.sql). */
export type InvestigationTables = {
  inv_investigations: {
    id: Generated<string>;
    reference: string;
    operation_name: string;
    summary: string;
    primary_threat: string;
    offences: string[];
    lead_agency_code: string;
    lead_agency_type: string;
    lead_force_code: string | null;
    rocu_code: string | null;
    handling_code: string;
    handling_conditions: unknown | null;
    status: string;
    opened_on: string;
    closed_on: string | null;
    cross_regional: boolean;
    dedicated_team: boolean;
    victim_navigator: boolean;
    evidence_led: boolean;
    financial_investigation: boolean;
    assets_identified_gbp: number | null;
    confiscation_ordered_gbp: number | null;
    oic_facts: unknown | null;
    lessons_learnt: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  inv_threats: { investigation_id: string; threat: string; subtype: string };
  inv_supporting_forces: { investigation_id: string; force_code: string; duties: string };
  inv_groups: { investigation_id: string; ocg_id: string; linked_at: Timestamp };
  inv_subjects: {
    id: Generated<string>;
    investigation_id: string;
    name: string;
    role: string;
    resides_force_code: string | null;
    person_entity_id: string | null;
    person_record_id: string | null;
    added_at: Timestamp;
  };
  inv_victims: {
    id: Generated<string>;
    investigation_id: string;
    referral_id: string | null;
    label: string;
    is_child: boolean;
    engagement: string;
    navigator: boolean;
    updated_at: Timestamp;
  };
  inv_allocations: {
    id: Generated<string>;
    investigation_id: string;
    criteria: unknown;
    recommended_force_code: string;
    recommendation_reason: string;
    decided_force_code: string;
    rationale: string;
    decided_by: string | null;
    decided_by_name: string;
    decided_by_agency: string;
    decided_at: Timestamp;
  };
  inv_allocation_duties: { allocation_id: string; force_code: string; duties: string };
  inv_cps_advice: {
    id: Generated<string>;
    investigation_id: string;
    requested_on: string;
    received_on: string | null;
    accessible: boolean | null;
    effective: boolean | null;
    note: string;
  };
  inv_charges: {
    id: Generated<string>;
    investigation_id: string;
    subject_id: string | null;
    offence_group: string;
    offence: string;
    charged_on: string;
    s45_raised: boolean;
    outcome: string;
    outcome_on: string | null;
    sentence_months: number | null;
  };
  inv_orders: {
    id: Generated<string>;
    investigation_id: string;
    subject_id: string | null;
    kind: string;
    status: string;
    dated_on: string;
  };
};
