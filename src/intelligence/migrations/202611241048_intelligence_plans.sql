-- Collection plans (requirements, the reports that answer them, and the gaps) and problem profiles per force and
-- region (004 rec 4: forces lack intelligence collection plans and OIC problem profiles).

CREATE TABLE intel_collection_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owning_agency_code text NOT NULL,
  owning_agency_type text NOT NULL,
  -- a force (force code) or a region (region name)
  scope_kind text NOT NULL CHECK (scope_kind IN ('force', 'region')),
  scope_code text NOT NULL,
  title text NOT NULL,
  threat text NOT NULL CHECK (threat IN ('msht', 'oic')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (period_to >= period_from)
);

CREATE TABLE intel_collection_requirements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES intel_collection_plans (id) ON DELETE CASCADE,
  seq smallint NOT NULL,
  question text NOT NULL,
  priority text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
  crime_codes text[] NOT NULL DEFAULT '{}',
  -- how many linked reports satisfy the requirement
  target_reports integer NOT NULL DEFAULT 1 CHECK (target_reports > 0),
  due_on date,
  UNIQUE (plan_id, seq)
);

CREATE TABLE intel_problem_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owning_agency_code text NOT NULL,
  owning_agency_type text NOT NULL,
  scope_kind text NOT NULL CHECK (scope_kind IN ('force', 'region')),
  scope_code text NOT NULL,
  title text NOT NULL,
  threat text NOT NULL CHECK (threat IN ('msht', 'oic')),
  summary text NOT NULL DEFAULT '',
  findings text NOT NULL DEFAULT '',
  gaps text NOT NULL DEFAULT '',
  recommendations text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- Reports linked to a requirement or a profile (one table: the link's owner is a requirement or a profile).
CREATE TABLE intel_report_links (
  owner_kind text NOT NULL CHECK (owner_kind IN ('requirement', 'profile')),
  owner_id uuid NOT NULL,
  report_id uuid NOT NULL REFERENCES intel_reports (id),
  linked_by uuid,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_kind, owner_id, report_id)
);
CREATE INDEX intel_report_links_report_idx ON intel_report_links (report_id);
