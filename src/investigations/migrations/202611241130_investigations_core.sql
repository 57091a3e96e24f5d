-- Investigations, cross-regional allocation records and criminal justice outcomes (DOMAIN §6; seed 002 rec 6-13;
-- seed 004 ownership of OIC investigations). Groups (src/ocg), people (src/entities) and NRM referrals
-- (src/referrals) are linked by id without foreign keys so each capability's migrations stay independent.

CREATE SEQUENCE inv_reference_seq;

CREATE TABLE inv_investigations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  operation_name text NOT NULL CHECK (length(trim(operation_name)) > 0),
  summary text NOT NULL DEFAULT '',
  primary_threat text NOT NULL CHECK (primary_threat IN ('msht', 'oic')),
  offences text[] NOT NULL DEFAULT '{}',
  -- The lead agency owns the record (decideRecord); lead_force_code is the force whose area leads (for police
  -- and ROCUs), rocu_code the ROCU involved.
  lead_agency_code text NOT NULL,
  lead_agency_type text NOT NULL,
  lead_force_code text,
  rocu_code text,
  handling_code text NOT NULL DEFAULT 'P' CHECK (handling_code IN ('P', 'C')),
  handling_conditions jsonb,
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'suspended', 'charged', 'finished', 'no_further_action')),
  opened_on date NOT NULL,
  closed_on date,
  cross_regional boolean NOT NULL DEFAULT false,
  dedicated_team boolean NOT NULL DEFAULT false,
  victim_navigator boolean NOT NULL DEFAULT false,
  evidence_led boolean NOT NULL DEFAULT false,
  financial_investigation boolean NOT NULL DEFAULT false,
  assets_identified_gbp numeric(14, 2) CHECK (assets_identified_gbp >= 0),
  confiscation_ordered_gbp numeric(14, 2) CHECK (confiscation_ordered_gbp >= 0),
  -- Facts the OIC ownership rules reason over (src/investigations/ownership.ts).
  oic_facts jsonb,
  lessons_learnt text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK ((status IN ('finished', 'no_further_action')) = (closed_on IS NOT NULL))
);
CREATE INDEX inv_investigations_lead_idx ON inv_investigations (lead_agency_code);
CREATE INDEX inv_investigations_span_idx ON inv_investigations (primary_threat, opened_on, closed_on);
CREATE INDEX inv_investigations_status_idx ON inv_investigations (status);

CREATE TABLE inv_threats (
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  threat text NOT NULL CHECK (threat IN ('msht', 'oic')),
  subtype text NOT NULL,
  PRIMARY KEY (investigation_id, threat, subtype)
);

CREATE TABLE inv_supporting_forces (
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  force_code text NOT NULL,
  duties text NOT NULL DEFAULT '',
  PRIMARY KEY (investigation_id, force_code)
);

CREATE TABLE inv_groups (
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  ocg_id uuid NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (investigation_id, ocg_id)
);
CREATE INDEX inv_groups_ocg_idx ON inv_groups (ocg_id);

CREATE TABLE inv_subjects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  role text NOT NULL CHECK (role IN ('principal', 'secondary', 'enabler')),
  resides_force_code text,
  person_entity_id text,
  person_record_id text,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inv_subjects_investigation_idx ON inv_subjects (investigation_id);

-- Victims are held by their NRM referral id only: identity stays with the referral.
CREATE TABLE inv_victims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  referral_id text,
  label text NOT NULL,
  is_child boolean NOT NULL DEFAULT false,
  engagement text NOT NULL DEFAULT 'not_yet_contacted' CHECK (engagement IN ('engaged', 'partly_engaged', 'disengaged', 'not_yet_contacted')),
  navigator boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inv_victims_investigation_idx ON inv_victims (investigation_id);
CREATE INDEX inv_victims_referral_idx ON inv_victims (referral_id) WHERE referral_id IS NOT NULL;

-- Cross-regional allocation: the criteria, the recommendation computed from them, the decision and its
-- rationale (required), and each supporting force's duties.
CREATE TABLE inv_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  criteria jsonb NOT NULL,
  recommended_force_code text NOT NULL,
  recommendation_reason text NOT NULL,
  decided_force_code text NOT NULL,
  rationale text NOT NULL CHECK (length(trim(rationale)) >= 10),
  decided_by uuid,
  decided_by_name text NOT NULL,
  decided_by_agency text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inv_allocations_investigation_idx ON inv_allocations (investigation_id, decided_at);

CREATE TABLE inv_allocation_duties (
  allocation_id uuid NOT NULL REFERENCES inv_allocations (id) ON DELETE CASCADE,
  force_code text NOT NULL,
  duties text NOT NULL CHECK (length(trim(duties)) > 0),
  PRIMARY KEY (allocation_id, force_code)
);

CREATE TABLE inv_cps_advice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  requested_on date NOT NULL,
  received_on date,
  accessible boolean,
  effective boolean,
  note text NOT NULL DEFAULT '',
  CHECK (received_on IS NULL OR received_on >= requested_on)
);
CREATE INDEX inv_cps_advice_investigation_idx ON inv_cps_advice (investigation_id);

CREATE TABLE inv_charges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  subject_id uuid REFERENCES inv_subjects (id) ON DELETE SET NULL,
  offence_group text NOT NULL CHECK (offence_group IN ('msa_s1', 'msa_s2', 'drugs', 'sexual', 'violence', 'financial', 'coercive_control', 'immigration', 'other')),
  offence text NOT NULL CHECK (length(trim(offence)) > 0),
  charged_on date NOT NULL,
  s45_raised boolean NOT NULL DEFAULT false,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'convicted', 'acquitted', 'discontinued')),
  outcome_on date,
  sentence_months integer CHECK (sentence_months >= 0),
  CHECK ((outcome = 'pending') = (outcome_on IS NULL)),
  CHECK (sentence_months IS NULL OR outcome = 'convicted')
);
CREATE INDEX inv_charges_investigation_idx ON inv_charges (investigation_id);

CREATE TABLE inv_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id uuid NOT NULL REFERENCES inv_investigations (id) ON DELETE CASCADE,
  subject_id uuid REFERENCES inv_subjects (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('stpo', 'stro')),
  status text NOT NULL CHECK (status IN ('applied', 'granted', 'refused')),
  dated_on date NOT NULL
);
CREATE INDEX inv_orders_investigation_idx ON inv_orders (investigation_id);
