-- Debriefs of victims, migrants and offenders in one standard structure (001 §53): recruitment -> transit route
-- (legs) -> border crossing -> activity in the UK; consent and voluntariness, interpreter, under-16 requests and the
-- debriefer's qualification (004 rec 3). Subject claims and match keys let agencies coordinate so no person is
-- approached or debriefed twice. Arrivals feed the debrief-rate measures.

CREATE SEQUENCE intel_debrief_ref_seq;

CREATE TABLE intel_debriefs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE DEFAULT ('DB-' || lpad(nextval('intel_debrief_ref_seq')::text, 6, '0')),
  owning_agency_code text NOT NULL,
  owning_agency_type text NOT NULL,
  area_code text,
  region text,
  subject_type text NOT NULL CHECK (subject_type IN ('victim', 'migrant', 'offender')),
  given_name text,
  family_name text,
  date_of_birth_text text,
  date_of_birth date,
  -- ISO 3166-1 alpha-2
  nationality text,
  -- blocking keys of the coordination matcher (src/intelligence/coordination/person-match.ts)
  match_keys text[] NOT NULL DEFAULT '{}',
  person_ref text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'declined', 'agreed', 'completed', 'cancelled')),
  planned_on date,
  location text,
  approached_on date,
  consent_given boolean,
  voluntary_confirmed boolean,
  consent_notes text,
  interpreter_used boolean,
  interpreter_language text,
  subject_language text,
  under16_request jsonb,
  debriefer_user_id uuid,
  debriefer_name text,
  debriefer_qualification text,
  qualification_detail text,
  debriefed_on date,
  recruitment jsonb,
  border_crossing jsonb,
  uk_activity jsonb,
  threats text[] NOT NULL DEFAULT '{}',
  handling_code char(1) NOT NULL DEFAULT 'P' CHECK (handling_code IN ('P', 'C')),
  conditions jsonb,
  security_marking text NOT NULL DEFAULT 'OFFICIAL-SENSITIVE',
  coordination_note text,
  report_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT intel_debriefs_threat CHECK (threats <@ ARRAY['msht', 'oic']::text[])
);
CREATE INDEX intel_debriefs_keys_idx ON intel_debriefs USING gin (match_keys);
CREATE INDEX intel_debriefs_owner_idx ON intel_debriefs (owning_agency_code, created_at DESC);

CREATE TABLE intel_debrief_legs (
  debrief_id uuid NOT NULL REFERENCES intel_debriefs (id) ON DELETE CASCADE,
  seq smallint NOT NULL,
  from_country text,
  to_country text,
  transport text,
  facilitators text,
  payment_amount numeric(12, 2),
  payment_currency text,
  payment_method text,
  started_on date,
  notes text,
  PRIMARY KEY (debrief_id, seq)
);

CREATE TABLE intel_subject_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_code text NOT NULL,
  given_name text,
  family_name text,
  date_of_birth_text text,
  nationality text,
  match_keys text[] NOT NULL DEFAULT '{}',
  reason text NOT NULL,
  claimed_by uuid,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  expires_on date NOT NULL,
  released_at timestamptz,
  debrief_id uuid
);
CREATE INDEX intel_subject_claims_keys_idx ON intel_subject_claims USING gin (match_keys);

-- Irregular arrivals by month and place (Border Force figures), the denominator of the debrief rate.
CREATE TABLE intel_arrivals (
  month date NOT NULL,
  place text NOT NULL,
  arrivals integer NOT NULL CHECK (arrivals >= 0),
  source text NOT NULL,
  PRIMARY KEY (month, place)
);
