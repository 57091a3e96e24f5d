-- Referrals: NRM referrals and Duty to Notify records, drafts, competent-authority decisions with second review,
-- case-review samples, threshold notices, the children's path, victim support cases, and the non-identifying
-- facts shared with intelligence and matching.

CREATE SEQUENCE referral_reference_seq;

-- A referral (kind 'nrm') or a Duty to Notify (kind 'dtn'). This table holds no identifying field: the victim's
-- identity, for an NRM referral only, is in referral_victims.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('nrm', 'dtn')),
  status text NOT NULL CHECK (status IN ('dtn', 'awaiting_rg', 'rg_review', 'rg_negative', 'rg_reconsideration',
    'awaiting_cg', 'cg_review', 'cg_positive', 'cg_negative', 'cg_reconsideration')),
  threat text NOT NULL DEFAULT 'msht' CHECK (threat = 'msht'),
  age_group text NOT NULL CHECK (age_group IN ('adult', 'child')),
  gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unknown')),
  nationality text NOT NULL,
  exploitation_types text[] NOT NULL,
  force_area text,
  consent boolean,
  agency_code text NOT NULL,
  agency_type text NOT NULL,
  responder_type text NOT NULL,
  responder_user_id uuid,
  competent_authority text NOT NULL DEFAULT 'sca',
  -- Who besides the referring agency sees the referral (handling code C, named agencies).
  handling_code text NOT NULL DEFAULT 'C' CHECK (handling_code IN ('P', 'C')),
  shared_with text[] NOT NULL DEFAULT '{}',
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_on date NOT NULL,
  rg_due_on date,
  rg_outcome text CHECK (rg_outcome IN ('positive', 'negative')),
  rg_issued_on date,
  recovery_ends_on date,
  cg_outcome text CHECK (cg_outcome IN ('positive', 'negative')),
  cg_issued_on date,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'nrm' OR (status = 'dtn' AND age_group = 'adult' AND consent = false)),
  CHECK (kind = 'dtn' OR age_group = 'child' OR consent = true)
);
CREATE INDEX referrals_status_idx ON referrals (status);
CREATE INDEX referrals_agency_idx ON referrals (agency_code, submitted_on DESC);
CREATE INDEX referrals_submitted_idx ON referrals (submitted_on);
CREATE INDEX referrals_shared_idx ON referrals USING gin (shared_with);

-- The potential victim's identity: NRM referrals only (a Duty to Notify never has a row here).
CREATE TABLE referral_victims (
  referral_id uuid PRIMARY KEY REFERENCES referrals(id) ON DELETE CASCADE,
  given_name text,
  family_name text,
  other_names text,
  date_of_birth date,
  account text
);

-- A first responder's unfinished referral, saved after every page; deleted when submitted or discarded.
CREATE TABLE referral_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  agency_code text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}',
  last_step text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_drafts_user_idx ON referral_drafts (user_id, updated_at DESC);

-- Non-identifying facts of every referral and DtN, owned by the competent authority and shared with law
-- enforcement for intelligence (record kind 'referral_facts').
CREATE TABLE referral_facts (
  referral_id uuid PRIMARY KEY REFERENCES referrals(id) ON DELETE CASCADE,
  reference text NOT NULL,
  kind text NOT NULL,
  owning_agency text NOT NULL,
  referring_agency text NOT NULL,
  referring_agency_type text NOT NULL,
  threat text NOT NULL DEFAULT 'msht',
  submitted_on date NOT NULL,
  age_group text NOT NULL,
  gender text NOT NULL,
  nationality text NOT NULL,
  exploitation_types text[] NOT NULL,
  sectors text[] NOT NULL DEFAULT '{}',
  force_areas text[] NOT NULL DEFAULT '{}',
  country_of_origin text,
  transit_countries text[] NOT NULL DEFAULT '{}',
  overseas_countries text[] NOT NULL DEFAULT '{}',
  exploitation_from text,
  exploitation_to text,
  exploitation_ongoing boolean,
  indicators text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX referral_facts_submitted_idx ON referral_facts (submitted_on);
CREATE INDEX referral_facts_forces_idx ON referral_facts USING gin (force_areas);

CREATE TABLE referral_fact_items (
  id bigserial PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral_facts(referral_id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('suspect', 'phone', 'vehicle', 'address')),
  position integer NOT NULL,
  value text NOT NULL,
  normalised text NOT NULL,
  detail jsonb
);
CREATE INDEX referral_fact_items_referral_idx ON referral_fact_items (referral_id);
CREATE INDEX referral_fact_items_value_idx ON referral_fact_items (kind, normalised);

-- Competent-authority decisions: proposed by one decision-maker, issued only when a second upholds them.
CREATE TABLE referral_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('rg', 'cg')),
  outcome text NOT NULL CHECK (outcome IN ('positive', 'negative')),
  reconsideration boolean NOT NULL DEFAULT false,
  reasons text NOT NULL,
  decided_on date NOT NULL,
  decided_by uuid NOT NULL,
  from_status text NOT NULL,
  review_status text NOT NULL DEFAULT 'awaiting' CHECK (review_status IN ('awaiting', 'upheld', 'not_upheld')),
  reviewed_by uuid,
  reviewed_on date,
  review_notes text,
  reviewer_declaration boolean,
  issued_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reviewed_by IS NULL OR reviewed_by <> decided_by),
  CHECK (review_status = 'awaiting' OR reviewer_declaration = true)
);
CREATE INDEX referral_decisions_referral_idx ON referral_decisions (referral_id, created_at);
CREATE INDEX referral_decisions_issued_idx ON referral_decisions (issued_on);

CREATE TABLE referral_reconsiderations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('rg', 'cg')),
  grounds text NOT NULL,
  requested_on date NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Monthly case-review exercise: a random sample of the decisions issued in a month and the reviewer's finding.
CREATE TABLE case_review_samples (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  competent_authority text NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  size integer NOT NULL CHECK (size > 0),
  seed bigint NOT NULL,
  drawn_by uuid NOT NULL,
  drawn_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (competent_authority, month)
);
CREATE TABLE case_review_items (
  sample_id uuid NOT NULL REFERENCES case_review_samples(id) ON DELETE CASCADE,
  decision_id uuid NOT NULL REFERENCES referral_decisions(id),
  position integer NOT NULL,
  finding text CHECK (finding IN ('sound', 'minor', 'unsound')),
  notes text,
  reviewed_by uuid,
  reviewed_at timestamptz,
  PRIMARY KEY (sample_id, decision_id),
  CHECK (finding IS NULL OR reviewed_by IS NOT NULL)
);

-- Changes of decision thresholds and guidance, published by decision-makers and acknowledged by first responders.
CREATE TABLE threshold_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  competent_authority text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  effective_from date NOT NULL,
  published_by uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);
CREATE TABLE threshold_notice_acks (
  notice_id uuid NOT NULL REFERENCES threshold_notices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, user_id)
);

-- Children: children's services notified, the ICTG request, and episodes of going missing from care.
CREATE TABLE referral_children (
  referral_id uuid PRIMARY KEY REFERENCES referrals(id) ON DELETE CASCADE,
  local_authority text NOT NULL,
  la_notified_on date NOT NULL,
  ictg_area boolean NOT NULL,
  ictg_referred boolean,
  missing_from_care boolean NOT NULL DEFAULT false
);
CREATE TABLE missing_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  went_missing_at timestamptz NOT NULL,
  returned_at timestamptz,
  reported_to_police boolean NOT NULL DEFAULT false,
  notes text,
  recorded_by uuid NOT NULL,
  recorded_by_agency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (returned_at IS NULL OR returned_at >= went_missing_at)
);
CREATE INDEX missing_episodes_referral_idx ON missing_episodes (referral_id, went_missing_at DESC);
CREATE INDEX missing_episodes_open_idx ON missing_episodes (returned_at);

-- Victim support. The case belongs to the prime contractor (case management) and is shared, by name, with the
-- providers, navigators and the competent authority that work on it.
CREATE TABLE support_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL UNIQUE REFERENCES referrals(id) ON DELETE CASCADE,
  owning_agency text NOT NULL,
  shared_with text[] NOT NULL DEFAULT '{}',
  opened_on date NOT NULL,
  closed_on date,
  close_reason text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX support_cases_shared_idx ON support_cases USING gin (shared_with);

-- Funding follows the victim: who provided support, from when to when.
CREATE TABLE support_providers (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
  provider text NOT NULL,
  from_on date NOT NULL,
  to_on date,
  reason text,
  CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX support_providers_case_idx ON support_providers (case_id, from_on);
CREATE UNIQUE INDEX support_providers_one_open ON support_providers (case_id) WHERE to_on IS NULL;

CREATE TABLE support_workers (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('navigator', 'vlo')),
  name text NOT NULL,
  agency_code text NOT NULL,
  from_on date NOT NULL,
  to_on date
);

CREATE TABLE support_plan_items (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
  need text NOT NULL,
  action text NOT NULL,
  owner text,
  due_on date,
  done_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_contacts (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
  contact_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('made', 'missed')),
  method text NOT NULL CHECK (method IN ('in-person', 'phone', 'video', 'message')),
  provider text NOT NULL,
  notes text,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_contacts_case_idx ON support_contacts (case_id, contact_on);

CREATE TABLE support_accommodation (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('safe-house', 'outreach', 'local-authority', 'asylum', 'own', 'other')),
  force_area text,
  from_on date NOT NULL,
  to_on date,
  relocation boolean NOT NULL DEFAULT false,
  reason text
);

-- Settings of this capability (the disengagement flag's thresholds).
CREATE TABLE referral_settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_by uuid, updated_at timestamptz NOT NULL DEFAULT now());
INSERT INTO referral_settings (key, value) VALUES ('disengagement', '{"missedContacts": 3, "daysSilent": 28}');
