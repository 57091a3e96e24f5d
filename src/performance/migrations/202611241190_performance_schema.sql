-- Performance and learning (DOMAIN §8; seeds 002, 003, 004): governance signals per force, MSOICU peer reviews
-- with their enhancement plans and progress updates, the inspection recommendations tracker, and training
-- completion per force. The dashboards' measures read the other capabilities' tables and need no table here.

-- Governance signals of each force's MSHT/OIC response (seed 002: control strategy 59%, governance meetings 81%,
-- performance measures 54%, dedicated team 55% and where it sits). One row per force: its current answers.
CREATE TABLE perf_governance_signals (
  force_code text PRIMARY KEY,
  msht_in_control_strategy text NOT NULL CHECK (msht_in_control_strategy IN ('yes', 'no', 'unsure')),
  oic_in_control_strategy text NOT NULL CHECK (oic_in_control_strategy IN ('yes', 'no', 'unsure')),
  governance_meetings text NOT NULL CHECK (governance_meetings IN ('yes', 'no', 'unsure')),
  meeting_frequency text CHECK (meeting_frequency IN ('monthly', 'bi-monthly', 'quarterly', 'ad-hoc')),
  performance_measures text NOT NULL CHECK (performance_measures IN ('yes', 'no', 'unsure')),
  dedicated_team text NOT NULL CHECK (dedicated_team IN ('yes', 'no', 'unsure')),
  team_location text CHECK (team_location IN ('fib', 'safeguarding', 'soc', 'exploitation', 'cid', 'operational', 'unclear')),
  notes text NOT NULL DEFAULT '',
  as_of date NOT NULL,
  updated_by uuid,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (dedicated_team = 'yes' OR team_location IS NULL),
  CHECK (governance_meetings = 'yes' OR meeting_frequency IS NULL)
);

-- MSOICU peer reviews of a force or ROCU over the five areas (004), ending in an enhancement plan, with a revisit.
CREATE SEQUENCE perf_peer_review_seq;
CREATE TABLE perf_peer_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  agency_code text NOT NULL,
  agency_type text NOT NULL CHECK (agency_type IN ('police_force', 'rocu')),
  region text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'reported', 'revisited', 'closed')),
  fieldwork_on date NOT NULL,
  reported_on date,
  revisit_due_on date,
  revisited_on date,
  lead_reviewer text NOT NULL CHECK (length(trim(lead_reviewer)) > 0),
  summary text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (reported_on IS NULL OR reported_on >= fieldwork_on),
  CHECK (revisited_on IS NULL OR reported_on IS NOT NULL)
);
CREATE INDEX perf_peer_reviews_agency_idx ON perf_peer_reviews (agency_code, fieldwork_on DESC);

CREATE TABLE perf_peer_review_areas (
  review_id uuid NOT NULL REFERENCES perf_peer_reviews (id) ON DELETE CASCADE,
  area text NOT NULL CHECK (area IN ('leadership_governance', 'intelligence', 'operational_response', 'investigations', 'training')),
  rating text CHECK (rating IN ('effective', 'partly_effective', 'needs_improvement')),
  findings text NOT NULL DEFAULT '',
  good_practice text NOT NULL DEFAULT '',
  PRIMARY KEY (review_id, area)
);

-- The enhancement plan: the review's recommendations, each with an owner and a due date.
CREATE TABLE perf_plan_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES perf_peer_reviews (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  area text NOT NULL CHECK (area IN ('leadership_governance', 'intelligence', 'operational_response', 'investigations', 'training')),
  text text NOT NULL CHECK (length(trim(text)) > 0),
  owner text NOT NULL CHECK (length(trim(owner)) > 0),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'not_accepted')),
  completed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (review_id, number),
  CHECK ((status = 'done') = (completed_on IS NOT NULL))
);
CREATE INDEX perf_plan_items_due_idx ON perf_plan_items (due_on) WHERE status IN ('not_started', 'in_progress');

-- Progress updates on a plan item, each with its evidence.
CREATE TABLE perf_plan_updates (
  id bigserial PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES perf_plan_items (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'not_accepted')),
  note text NOT NULL CHECK (length(trim(note)) > 0),
  evidence text NOT NULL DEFAULT '',
  recorded_on date NOT NULL,
  recorded_by uuid,
  recorded_by_name text NOT NULL,
  recorded_by_agency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX perf_plan_updates_item_idx ON perf_plan_updates (item_id, recorded_on);

-- Inspection and strategy recommendations (seed 004's ten, seed 002's thirteen, seed 001's 37 actions, seed 003's
-- twelve), each with its owner, deadline, status and evidence. Loaded from src/performance/data by a migration.
CREATE TABLE perf_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  source text NOT NULL,
  source_title text NOT NULL,
  number integer NOT NULL,
  theme text NOT NULL,
  text text NOT NULL,
  sub_items text[] NOT NULL DEFAULT '{}',
  owner text,
  -- Who may record progress besides the MSOICU: agencies by code or by kind (derived from the owner's name).
  owner_agencies text[] NOT NULL DEFAULT '{}',
  owner_agency_types text[] NOT NULL DEFAULT '{}',
  partners text[] NOT NULL DEFAULT '{}',
  deadline date,
  deadline_text text,
  recurrence text,
  note text,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'superseded')),
  evidence text NOT NULL DEFAULT '',
  status_on date,
  updated_by uuid,
  updated_by_name text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX perf_recommendations_source_idx ON perf_recommendations (source, number);

CREATE TABLE perf_recommendation_updates (
  id bigserial PRIMARY KEY,
  recommendation_id uuid NOT NULL REFERENCES perf_recommendations (id) ON DELETE CASCADE,
  status text NOT NULL,
  evidence text NOT NULL DEFAULT '',
  recorded_on date NOT NULL,
  recorded_by uuid,
  recorded_by_name text NOT NULL,
  recorded_by_agency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX perf_recommendation_updates_idx ON perf_recommendation_updates (recommendation_id, created_at);

-- Courses (Hydra, the OIC e-learning and its four modules, MSHT training) and completion per force.
CREATE TABLE perf_courses (
  code text PRIMARY KEY,
  name text NOT NULL,
  threat text NOT NULL,
  provider text NOT NULL,
  format text NOT NULL,
  audience text NOT NULL,
  parent_code text REFERENCES perf_courses (code),
  recommended_by text,
  sort integer NOT NULL
);

-- A snapshot of completions for one force and course on a date, against the force's relevant headcount for it.
CREATE TABLE perf_training_completion (
  force_code text NOT NULL,
  course_code text NOT NULL REFERENCES perf_courses (code),
  as_of date NOT NULL,
  completed integer NOT NULL CHECK (completed >= 0),
  relevant_headcount integer CHECK (relevant_headcount >= 0),
  import_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (force_code, course_code, as_of),
  CHECK (relevant_headcount IS NULL OR completed <= relevant_headcount)
);
CREATE INDEX perf_training_latest_idx ON perf_training_completion (course_code, force_code, as_of DESC);

CREATE TABLE perf_training_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('imported', 'rejected')),
  rows_total integer NOT NULL,
  rows_imported integer NOT NULL,
  rows_rejected integer NOT NULL,
  imported_by uuid,
  agency_code text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE perf_training_import_errors (
  import_id uuid NOT NULL REFERENCES perf_training_imports (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  field text NOT NULL,
  value text NOT NULL DEFAULT '',
  message text NOT NULL,
  PRIMARY KEY (import_id, row_no, field)
);
