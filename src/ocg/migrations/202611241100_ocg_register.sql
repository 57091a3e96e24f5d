-- OCG register (the SOC master list), MoRiLE-style assessments, intelligence links and disruptions (DOMAIN §6).
-- Records of other capabilities (people, intelligence reports, investigations) are linked by id, without foreign
-- keys, so each capability's migrations stay independent.

-- Scoring configuration: every change is a new version, so each assessment names the configuration it used.
-- Version 0 (no row) is the built-in default in src/ocg/scoring.ts.
CREATE TABLE ocg_scoring_configs (
  version serial PRIMARY KEY,
  config jsonb NOT NULL,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by uuid,
  changed_by_name text NOT NULL,
  changed_by_agency text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE ocg_reference_seq;

CREATE TABLE ocg_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  aliases text[] NOT NULL DEFAULT '{}',
  summary text NOT NULL DEFAULT '',
  primary_threat text NOT NULL CHECK (primary_threat IN ('msht', 'oic')),
  other_criminality text[] NOT NULL DEFAULT '{}',
  owning_agency_code text NOT NULL,
  owning_agency_type text NOT NULL,
  handling_code text NOT NULL DEFAULT 'P' CHECK (handling_code IN ('P', 'C')),
  handling_conditions jsonb,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  -- The latest assessment's outcome, kept here so lists and counts need no join.
  grade text CHECK (grade IN ('P1', 'P2', 'P3', 'P4')),
  tier smallint CHECK (tier BETWEEN 1 AND 4),
  score numeric(5, 1),
  last_assessed_at timestamptz,
  next_assessment_due date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX ocg_groups_owner_idx ON ocg_groups (owning_agency_code);
CREATE INDEX ocg_groups_threat_grade_idx ON ocg_groups (primary_threat, grade);
CREATE INDEX ocg_groups_due_idx ON ocg_groups (next_assessment_due) WHERE status = 'active';
CREATE INDEX ocg_groups_name_trgm ON ocg_groups USING gin (name gin_trgm_ops);

-- MSHT sub-threats and OIC methods, one row each; the two threats are never merged into one code.
CREATE TABLE ocg_threats (
  ocg_id uuid NOT NULL REFERENCES ocg_groups (id) ON DELETE CASCADE,
  threat text NOT NULL CHECK (threat IN ('msht', 'oic')),
  subtype text NOT NULL,
  PRIMARY KEY (ocg_id, threat, subtype),
  CHECK (
    (threat = 'msht' AND subtype IN ('sexual', 'labour', 'criminal', 'domestic_servitude', 'organ_harvesting'))
    OR (threat = 'oic' AND subtype IN ('small_boats', 'clandestine_vehicle', 'visa_abuse', 'document_fraud', 'common_travel_area', 'air'))
  )
);

-- Force areas where the group operates (force code and its GSS area code).
CREATE TABLE ocg_areas (
  ocg_id uuid NOT NULL REFERENCES ocg_groups (id) ON DELETE CASCADE,
  force_code text NOT NULL,
  force_area_code text,
  PRIMARY KEY (ocg_id, force_code)
);
CREATE INDEX ocg_areas_force_idx ON ocg_areas (force_code);

-- Members. person_entity_id / person_record_id point at the resolved person in src/entities when known.
CREATE TABLE ocg_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ocg_id uuid NOT NULL REFERENCES ocg_groups (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  role text NOT NULL CHECK (role IN ('principal', 'lieutenant', 'facilitator', 'recruiter', 'transporter', 'controller', 'enabler', 'money_launderer', 'associate')),
  location text NOT NULL DEFAULT 'unknown' CHECK (location IN ('uk', 'overseas', 'unknown')),
  country text,
  person_entity_id text,
  person_record_id text,
  added_by uuid,
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX ocg_members_group_idx ON ocg_members (ocg_id);
CREATE INDEX ocg_members_person_idx ON ocg_members (person_entity_id) WHERE person_entity_id IS NOT NULL;

-- Intelligence reports (src/intelligence) linked to a group; linked_at drives the "new intelligence" alert.
CREATE TABLE ocg_intelligence_links (
  ocg_id uuid NOT NULL REFERENCES ocg_groups (id) ON DELETE CASCADE,
  report_id text NOT NULL CHECK (length(trim(report_id)) > 0),
  linked_at timestamptz NOT NULL DEFAULT now(),
  linked_by uuid,
  linked_by_agency text,
  PRIMARY KEY (ocg_id, report_id)
);
CREATE INDEX ocg_intelligence_links_report_idx ON ocg_intelligence_links (report_id);
CREATE INDEX ocg_intelligence_links_time_idx ON ocg_intelligence_links (ocg_id, linked_at);

-- Every assessment, with the ratings, the weights it used and its outcome: the history the page shows.
CREATE TABLE ocg_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ocg_id uuid NOT NULL REFERENCES ocg_groups (id) ON DELETE CASCADE,
  assessed_at timestamptz NOT NULL DEFAULT now(),
  assessed_by uuid,
  assessor_name text NOT NULL,
  assessor_agency_code text NOT NULL,
  harm smallint NOT NULL CHECK (harm BETWEEN 1 AND 5),
  likelihood smallint NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  confidence smallint NOT NULL CHECK (confidence BETWEEN 1 AND 5),
  capacity smallint NOT NULL CHECK (capacity BETWEEN 1 AND 5),
  config_version integer NOT NULL,
  config jsonb NOT NULL,
  score numeric(5, 1) NOT NULL,
  computed_grade text NOT NULL CHECK (computed_grade IN ('P1', 'P2', 'P3', 'P4')),
  grade text NOT NULL CHECK (grade IN ('P1', 'P2', 'P3', 'P4')),
  override_reason text,
  tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 4),
  decision text NOT NULL CHECK (decision IN ('investigate', 'disrupt', 'develop_intelligence', 'monitor', 'archive')),
  rationale text NOT NULL CHECK (length(trim(rationale)) > 0),
  intelligence_count integer NOT NULL DEFAULT 0,
  new_intelligence_count integer NOT NULL DEFAULT 0,
  next_due date,
  CHECK (grade = computed_grade OR length(trim(coalesce(override_reason, ''))) > 0)
);
CREATE INDEX ocg_assessments_group_idx ON ocg_assessments (ocg_id, assessed_at);

CREATE SEQUENCE ocg_disruption_reference_seq;

-- Disruptions recorded against a group, or against a threat when no group is known (APMIS, seed 004).
CREATE TABLE ocg_disruptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  ocg_id uuid REFERENCES ocg_groups (id),
  threat text NOT NULL CHECK (threat IN ('msht', 'oic')),
  category text NOT NULL CHECK (category IN ('pursue', 'prevent', 'protect', 'prepare')),
  magnitude text NOT NULL CHECK (magnitude IN ('major', 'moderate', 'minor')),
  tactic text NOT NULL,
  evidence text NOT NULL CHECK (length(trim(evidence)) > 0),
  disrupted_on date NOT NULL,
  recording_agency_code text NOT NULL,
  recording_agency_type text NOT NULL,
  force_code text,
  status text NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'validated', 'rejected')),
  recorded_by uuid,
  recorded_by_name text NOT NULL,
  validated_by uuid,
  validated_by_name text,
  validated_at timestamptz,
  validation_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (status = 'recorded' OR validated_by_name IS NOT NULL)
);
CREATE INDEX ocg_disruptions_group_idx ON ocg_disruptions (ocg_id, disrupted_on);
CREATE INDEX ocg_disruptions_stats_idx ON ocg_disruptions (threat, recording_agency_type, disrupted_on);
CREATE INDEX ocg_disruptions_recorder_idx ON ocg_disruptions (recording_agency_code);
