-- Partners and partnerships (DOMAIN §2, §7, §8; seeds 000, 003, 004): the partner directory, engagements with
-- partners on cases, the register of anti-slavery partnerships with coordinators, information-sharing agreements
-- and annual reviews, and immigration crime incidents with their National Response Plan checklist. Cases of other
-- capabilities (referrals, intelligence reports, investigations) are linked by id without foreign keys.

-- Who can help with what, and how to reach them. Seed 000 entries and the kernel's reference agencies are loaded
-- by the next migration; administrators edit entries and add new ones.
CREATE TABLE partner_directory (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  short_name text,
  kind text NOT NULL,
  parent_code text,
  -- The kernel agency this entry describes, when there is one (agencies.code).
  agency_code text,
  source text NOT NULL CHECK (source IN ('seed-000', 'reference-data', 'added')),
  listing text NOT NULL DEFAULT 'section' CHECK (listing IN ('section', 'mentioned', 'reference')),
  capabilities text[] NOT NULL DEFAULT '{}',
  when_to_engage text NOT NULL DEFAULT '',
  how_to_reach text,
  -- true/false only where a source says so; null when not known.
  available_24x7 boolean,
  -- Public contact details only where the seed prints them for public use.
  public_phone text,
  public_email text,
  public_website text,
  restrictions text[] NOT NULL DEFAULT '{}',
  -- Passages behind the entry: [{seed, where, quote}].
  seed_refs jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
CREATE INDEX partner_directory_kind_idx ON partner_directory (kind);
CREATE INDEX partner_directory_agency_idx ON partner_directory (agency_code);

-- A partner engaged on a case: recorded by a user of an agency, visible to that agency (and any agency an
-- agreement shares 'partner_engagement' records with).
CREATE TABLE partner_engagements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_code text NOT NULL REFERENCES partner_directory(code),
  case_kind text NOT NULL CHECK (case_kind IN ('referral', 'intelligence_report', 'investigation', 'incident')),
  case_id text NOT NULL CHECK (length(case_id) BETWEEN 1 AND 100),
  -- The recommendation rule that suggested the partner (null when engaged without one).
  rule_id text,
  engaged_on date NOT NULL,
  note text,
  agency_code text NOT NULL,
  agency_type text NOT NULL,
  recorded_by uuid,
  recorded_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_engagements_case_idx ON partner_engagements (case_kind, case_id);
CREATE INDEX partner_engagements_agency_idx ON partner_engagements (agency_code, recorded_at DESC);
CREATE INDEX partner_engagements_partner_idx ON partner_engagements (partner_code);

-- The register of multi-agency anti-slavery partnerships; the 42 of seed 003 Appendix 1 are marked '2017 survey'.
-- Category columns hold the keys of seed 003's survey figures (src/partners/model/categories.ts).
CREATE TABLE partnerships (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  components text[] NOT NULL DEFAULT '{}',
  level text NOT NULL CHECK (level IN ('local', 'sub-regional', 'regional', 'national', 'other')),
  area text NOT NULL,
  nation text NOT NULL CHECK (nation IN ('england', 'wales', 'scotland', 'northern-ireland')),
  force_area_codes text[] NOT NULL DEFAULT '{}',
  chair_type text,
  coordinator_type text,
  member_types text[] NOT NULL DEFAULT '{}',
  member_names text[] NOT NULL DEFAULT '{}',
  activities text[] NOT NULL DEFAULT '{}',
  other_activities text,
  governance_documents boolean,
  governance_notes text,
  action_plan boolean,
  action_plan_notes text,
  progress_measures text[] NOT NULL DEFAULT '{}',
  progress_notes text,
  funding_sources text[] NOT NULL DEFAULT '{}',
  funding_notes text,
  gaps text[] NOT NULL DEFAULT '{}',
  challenges text[] NOT NULL DEFAULT '{}',
  gaps_notes text,
  meeting_frequency text,
  -- Agency whose partnership coordinators coordinate it (besides the users linked in partnership_coordinators).
  coordinating_agency_code text,
  source text NOT NULL CHECK (source IN ('2017 survey', 'added')),
  appendix_group text,
  appendix_number integer,
  appendix_notes text[] NOT NULL DEFAULT '{}',
  -- What seed 003 says of it: [{text, seedRef}] and the passages behind the details.
  seed_notes jsonb NOT NULL DEFAULT '[]',
  seed_refs jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
CREATE INDEX partnerships_level_idx ON partnerships (level);
CREATE INDEX partnerships_forces_idx ON partnerships USING gin (force_area_codes);
CREATE INDEX partnerships_activities_idx ON partnerships USING gin (activities);

CREATE TABLE partnership_coordinators (
  partnership_id text NOT NULL REFERENCES partnerships(id),
  user_id uuid NOT NULL REFERENCES users(id),
  added_by uuid,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, user_id)
);
CREATE INDEX partnership_coordinators_user_idx ON partnership_coordinators (user_id);

-- The partnership's own information-sharing agreement, and the kernel's data-sharing agreements (which the access
-- policy enforces) that give it effect: partners can actually share only where one of those is in force.
CREATE TABLE partnership_isas (
  partnership_id text PRIMARY KEY REFERENCES partnerships(id),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  signed_on date,
  review_on date,
  parties text,
  notes text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE partnership_isa_agreements (
  partnership_id text NOT NULL REFERENCES partnership_isas(partnership_id) ON DELETE CASCADE,
  sharing_agreement_id integer NOT NULL REFERENCES sharing_agreements(id),
  PRIMARY KEY (partnership_id, sharing_agreement_id)
);

-- Annual review with the same output and outcome measures every time (src/partners/model/reviews.ts).
CREATE TABLE partnership_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id text NOT NULL REFERENCES partnerships(id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  reviewed_on date NOT NULL,
  outputs jsonb NOT NULL DEFAULT '{}',
  outcomes jsonb NOT NULL DEFAULT '{}',
  progress_rating text NOT NULL CHECK (progress_rating IN ('on-track', 'some-concerns', 'off-track')),
  progress_summary text NOT NULL,
  good_practice text,
  share_good_practice boolean NOT NULL DEFAULT false,
  gaps_challenges text,
  next_actions text,
  reviewed_by uuid,
  reviewed_by_name text NOT NULL,
  agency_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);
CREATE INDEX partnership_reviews_partnership_idx ON partnership_reviews (partnership_id, reviewed_on DESC);

-- An immigration crime incident (inland, maritime, aviation) and its National Response Plan checklist.
CREATE SEQUENCE incident_reference_seq;
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('inland', 'maritime', 'aviation')),
  threat text NOT NULL DEFAULT 'oic' CHECK (threat IN ('oic', 'msht')),
  occurred_at timestamptz NOT NULL,
  location text NOT NULL CHECK (length(trim(location)) > 0),
  force_area_code text,
  summary text NOT NULL DEFAULT '',
  people_found integer CHECK (people_found >= 0),
  children_found integer CHECK (children_found >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  agency_code text NOT NULL,
  agency_type text NOT NULL,
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX incidents_agency_idx ON incidents (agency_code, occurred_at DESC);

CREATE TABLE incident_checklist (
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  item_id text NOT NULL,
  done_at timestamptz NOT NULL DEFAULT now(),
  done_by uuid,
  done_by_name text NOT NULL,
  note text,
  PRIMARY KEY (incident_id, item_id)
);
