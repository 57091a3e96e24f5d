import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates arrive as 'YYYY-MM-DD' strings (the kernel sets the pg type parser). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type ReferralTables = {
  referrals: {
    id: Generated<string>;
    reference: string;
    kind: 'nrm' | 'dtn';
    status: string;
    threat: Generated<string>;
    age_group: 'adult' | 'child';
    gender: string;
    nationality: string;
    exploitation_types: string[];
    force_area: string | null;
    consent: boolean | null;
    agency_code: string;
    agency_type: string;
    responder_type: string;
    responder_user_id: string | null;
    competent_authority: Generated<string>;
    handling_code: Generated<'P' | 'C'>;
    shared_with: Generated<string[]>;
    submitted_at: Timestamp;
    submitted_on: DateCol;
    rg_due_on: NullableDate;
    rg_outcome: 'positive' | 'negative' | null;
    rg_issued_on: NullableDate;
    recovery_ends_on: NullableDate;
    cg_outcome: 'positive' | 'negative' | null;
    cg_issued_on: NullableDate;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  referral_victims: {
    referral_id: string;
    given_name: string | null;
    family_name: string | null;
    other_names: string | null;
    date_of_birth: NullableDate;
    account: string | null;
  };
  referral_drafts: {
    id: Generated<string>;
    user_id: string;
    agency_code: string;
    answers: Json<Record<string, unknown>>;
    last_step: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  referral_facts: {
    referral_id: string;
    reference: string;
    kind: string;
    owning_agency: string;
    referring_agency: string;
    referring_agency_type: string;
    threat: Generated<string>;
    submitted_on: DateCol;
    age_group: string;
    gender: string;
    nationality: string;
    exploitation_types: string[];
    sectors: string[];
    force_areas: string[];
    country_of_origin: string | null;
    transit_countries: string[];
    overseas_countries: string[];
    exploitation_from: string | null;
    exploitation_to: string | null;
    exploitation_ongoing: boolean | null;
    indicators: string[];
  };
  referral_fact_items: {
    id: Generated<number>;
    referral_id: string;
    kind: 'suspect' | 'phone' | 'vehicle' | 'address';
    position: number;
    value: string;
    normalised: string;
    detail: Json<Record<string, string> | null>;
  };
  referral_decisions: {
    id: Generated<string>;
    referral_id: string;
    stage: 'rg' | 'cg';
    outcome: 'positive' | 'negative';
    reconsideration: boolean;
    reasons: string;
    decided_on: DateCol;
    decided_by: string;
    from_status: string;
    review_status: Generated<'awaiting' | 'upheld' | 'not_upheld'>;
    reviewed_by: string | null;
    reviewed_on: NullableDate;
    review_notes: string | null;
    reviewer_declaration: boolean | null;
    issued_on: NullableDate;
    created_at: Timestamp;
  };
  referral_reconsiderations: {
    id: Generated<string>;
    referral_id: string;
    stage: 'rg' | 'cg';
    grounds: string;
    requested_on: DateCol;
    recorded_by: string;
    created_at: Timestamp;
  };
  case_review_samples: {
    id: Generated<string>;
    competent_authority: string;
    month: string;
    size: number;
    seed: number;
    drawn_by: string;
    drawn_at: Timestamp;
  };
  case_review_items: {
    sample_id: string;
    decision_id: string;
    position: number;
    finding: 'sound' | 'minor' | 'unsound' | null;
    notes: string | null;
    reviewed_by: string | null;
    reviewed_at: Timestamp | null;
  };
  threshold_notices: {
    id: Generated<string>;
    competent_authority: string;
    title: string;
    body: string;
    effective_from: DateCol;
    published_by: string;
    published_at: Timestamp;
    withdrawn_at: Timestamp | null;
  };
  threshold_notice_acks: {
    notice_id: string;
    user_id: string;
    acknowledged_at: Timestamp;
  };
  referral_children: {
    referral_id: string;
    local_authority: string;
    la_notified_on: DateCol;
    ictg_area: boolean;
    ictg_referred: boolean | null;
    missing_from_care: boolean;
  };
  missing_episodes: {
    id: Generated<string>;
    referral_id: string;
    went_missing_at: Timestamp;
    returned_at: Timestamp | null;
    reported_to_police: boolean;
    notes: string | null;
    recorded_by: string;
    recorded_by_agency: string;
    created_at: Timestamp;
  };
  support_cases: {
    id: Generated<string>;
    referral_id: string;
    owning_agency: string;
    shared_with: string[];
    opened_on: DateCol;
    closed_on: NullableDate;
    close_reason: string | null;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  support_providers: {
    id: Generated<number>;
    case_id: string;
    provider: string;
    from_on: DateCol;
    to_on: NullableDate;
    reason: string | null;
  };
  support_workers: {
    id: Generated<number>;
    case_id: string;
    role: 'navigator' | 'vlo';
    name: string;
    agency_code: string;
    from_on: DateCol;
    to_on: NullableDate;
  };
  support_plan_items: {
    id: Generated<number>;
    case_id: string;
    need: string;
    action: string;
    owner: string | null;
    due_on: NullableDate;
    done_on: NullableDate;
    created_at: Timestamp;
  };
  support_contacts: {
    id: Generated<number>;
    case_id: string;
    contact_on: DateCol;
    outcome: 'made' | 'missed';
    method: 'in-person' | 'phone' | 'video' | 'message';
    provider: string;
    notes: string | null;
    recorded_by: string;
    created_at: Timestamp;
  };
  support_accommodation: {
    id: Generated<number>;
    case_id: string;
    kind: 'safe-house' | 'outreach' | 'local-authority' | 'asylum' | 'own' | 'other';
    force_area: string | null;
    from_on: DateCol;
    to_on: NullableDate;
    relocation: boolean;
    reason: string | null;
  };
  referral_settings: {
    key: string;
    value: Json<unknown>;
    updated_by: string | null;
    updated_at: Timestamp;
  };
};
