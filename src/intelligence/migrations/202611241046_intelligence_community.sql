-- Community intelligence: poster locations (each with a QR code to the public form) and the submissions the
-- public form receives, triaged into graded intelligence reports (004: Bedfordshire's multilingual posters).

CREATE TABLE intel_poster_locations (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,60}$'),
  name text NOT NULL,
  description text,
  -- the force that receives what the poster brings in
  force_code text NOT NULL,
  languages text[] NOT NULL DEFAULT ARRAY['en'],
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE intel_community_ref_seq;

CREATE TABLE intel_community_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE DEFAULT ('CI-' || lpad(nextval('intel_community_ref_seq')::text, 6, '0')),
  -- the force the submission is routed to (from the poster location, or chosen on the form)
  owning_agency_code text NOT NULL,
  poster_code text,
  language text NOT NULL,
  concern text NOT NULL,
  what_happened text NOT NULL,
  place text,
  when_text text,
  people text,
  vehicles text,
  contact_allowed boolean NOT NULL DEFAULT false,
  contact_details text,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'converted', 'rejected')),
  triaged_by uuid,
  triaged_at timestamptz,
  triage_note text,
  report_id uuid,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX intel_community_owner_idx ON intel_community_submissions (owning_agency_code, status, received_at DESC);
