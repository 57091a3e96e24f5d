-- Intelligence reports: narrative, structured subjects, 3x5x2 grading with handling conditions, crime identifier
-- codes (mandatory once submitted), threats (msht / oic, kept distinct), supervisor review, a sanitised version
-- beside the restricted original, dissemination records, version history for optimistic concurrency, and the
-- bookkeeping of bulk imports (idempotency keys, per-row errors).

-- The one normaliser for searchable subject values, used by every insert path (API and set-based import) and by
-- search, so a value is found however it was typed. Written without regular expressions and declared STABLE so
-- PostgreSQL inlines it: it runs once per subject of a million-row import.
CREATE FUNCTION intel_subject_norm(kind text, value text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN NULL
    WHEN kind = 'phone' THEN CASE
      WHEN left(translate(value, ' +-().', ''), 4) = '0044' THEN '0' || substr(translate(value, ' +-().', ''), 5)
      WHEN left(translate(value, ' +-().', ''), 2) = '44' AND length(translate(value, ' +-().', '')) > 10 THEN '0' || substr(translate(value, ' +-().', ''), 3)
      ELSE translate(value, ' +-().', '') END
    WHEN kind IN ('vehicle', 'bank_account') THEN upper(translate(value, ' -./', ''))
    WHEN kind = 'email' THEN lower(btrim(value))
    ELSE btrim(replace(replace(replace(replace(replace(replace(replace(lower(unaccent(value)), '-', ' '), '.', ' '), ',', ' '), '''', ''), '/', ' '), '   ', ' '), '  ', ' '))
  END
$$;

-- A date written YYYY-MM-DD, or NULL when it is not a real date: set-based import validation cannot let one bad
-- row's cast abort the whole statement. No regular expressions, STABLE so it is inlined (see above).
CREATE FUNCTION intel_try_date(t text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN length(t) <> 10 OR substr(t, 5, 1) <> '-' OR substr(t, 8, 1) <> '-' OR translate(t, '0123456789', '') <> '--' THEN NULL
    WHEN substr(t, 1, 4) < '1900' OR substr(t, 1, 4) > '2100' OR substr(t, 6, 2) < '01' OR substr(t, 6, 2) > '12' OR substr(t, 9, 2) < '01' THEN NULL
    WHEN substr(t, 9, 2) > CASE substr(t, 6, 2)
        WHEN '02' THEN CASE WHEN substr(t, 1, 4)::int % 4 = 0 AND (substr(t, 1, 4)::int % 100 <> 0 OR substr(t, 1, 4)::int % 400 = 0) THEN '29' ELSE '28' END
        WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END THEN NULL
    ELSE t::date
  END
$$;

CREATE SEQUENCE intel_report_ref_seq;

CREATE TABLE intel_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE DEFAULT ('IR-' || lpad(nextval('intel_report_ref_seq')::text, 7, '0')),
  owning_agency_code text NOT NULL,
  owning_agency_type text NOT NULL,
  -- force code of the area the intelligence concerns, and its region
  area_code text,
  region text,
  title text NOT NULL,
  narrative text NOT NULL,
  source_type text NOT NULL DEFAULT 'human',
  -- 3x5x2: source evaluation 1-3, intelligence assessment A-E, handling code P or C with conditions
  source_evaluation smallint CHECK (source_evaluation BETWEEN 1 AND 3),
  assessment char(1) CHECK (assessment IN ('A', 'B', 'C', 'D', 'E')),
  handling_code char(1) NOT NULL DEFAULT 'P' CHECK (handling_code IN ('P', 'C')),
  conditions jsonb,
  security_marking text NOT NULL DEFAULT 'OFFICIAL-SENSITIVE',
  threats text[] NOT NULL DEFAULT '{}',
  crime_codes text[] NOT NULL DEFAULT '{}',
  -- draft -> awaiting_review -> approved | returned; needs_codes = legacy import without crime identifier codes
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting_review', 'returned', 'approved', 'needs_codes')),
  occurred_on date,
  reported_on date NOT NULL DEFAULT current_date,
  -- the sanitised version for wider sharing points at its restricted original
  sanitised_of uuid,
  debrief_id uuid,
  community_submission_id uuid,
  nccu_contact_id uuid,
  external_id text,
  -- md5 of the idempotency key ("ext:<agency>:<external id>" or "file:<sha256>:<row>") for imported rows
  import_key uuid UNIQUE,
  import_id uuid,
  import_row integer,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text,
  version integer NOT NULL DEFAULT 1,
  -- Submitted and approved reports always carry codes and a full grading (004 rec 6): the database refuses otherwise.
  CONSTRAINT intel_reports_coded CHECK (status IN ('draft', 'needs_codes') OR cardinality(crime_codes) > 0),
  CONSTRAINT intel_reports_graded CHECK (status IN ('draft', 'needs_codes') OR (source_evaluation IS NOT NULL AND assessment IS NOT NULL)),
  CONSTRAINT intel_reports_threat CHECK (threats <@ ARRAY['msht', 'oic']::text[])
);
CREATE INDEX intel_reports_owner_idx ON intel_reports (owning_agency_code, reported_on DESC);
CREATE INDEX intel_reports_status_idx ON intel_reports (status) WHERE status IN ('awaiting_review', 'needs_codes', 'returned');
CREATE INDEX intel_reports_codes_idx ON intel_reports USING gin (crime_codes);
CREATE INDEX intel_reports_sanitised_idx ON intel_reports (sanitised_of) WHERE sanitised_of IS NOT NULL;

CREATE TABLE intel_report_subjects (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  -- No foreign key: subjects are only written with their report, in the same transaction, and a per-row key check
  -- was measured at a third of a bulk import's time.
  report_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'phone', 'email', 'vehicle', 'address', 'bank_account', 'ocg', 'location')),
  value text NOT NULL,
  normalised text NOT NULL,
  -- role (suspect, victim, facilitator...), date of birth, nationality, notes
  details jsonb
);
CREATE INDEX intel_report_subjects_report_idx ON intel_report_subjects (report_id);
CREATE INDEX intel_report_subjects_value_idx ON intel_report_subjects (kind, normalised text_pattern_ops);

-- What each accepted edit changed, so a refused stale edit can show the other person's change.
CREATE TABLE intel_record_versions (
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  version integer NOT NULL,
  changed_by uuid,
  changed_by_name text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changes jsonb NOT NULL,
  PRIMARY KEY (record_kind, record_id, version)
);

CREATE TABLE intel_disseminations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES intel_reports (id),
  report_version integer NOT NULL,
  to_agency_code text NOT NULL,
  -- the data-sharing agreement that allowed it, or the handling condition that named the recipient
  agreement_id integer,
  basis text NOT NULL,
  purpose text NOT NULL,
  disseminated_by uuid NOT NULL,
  disseminated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intel_disseminations_report_idx ON intel_disseminations (report_id);

CREATE TABLE intel_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_sha256 text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'ndjson')),
  default_agency_code text,
  allow_missing_codes boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'failed')),
  total_rows integer,
  imported_rows integer NOT NULL DEFAULT 0,
  duplicate_rows integer NOT NULL DEFAULT 0,
  error_rows integer NOT NULL DEFAULT 0,
  job_id uuid,
  created_by uuid,
  agency_code text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX intel_imports_file_idx ON intel_imports (file_sha256);

CREATE TABLE intel_import_errors (
  import_id uuid NOT NULL REFERENCES intel_imports (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  field text NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (import_id, row_no, field)
);
