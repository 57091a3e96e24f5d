-- Kernel: reference data, identity, sessions, tokens, data-sharing agreements, audit chain, jobs, retention.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE agencies (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  type text NOT NULL,
  region text,
  force_area_code text,
  rocu_code text,
  parent_code text,
  first_responder boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_type_idx ON agencies (type);

CREATE TABLE exploitation_types (code text PRIMARY KEY, label text NOT NULL, sort integer NOT NULL);
CREATE TABLE threats (code text PRIMARY KEY, label text NOT NULL, description text NOT NULL);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  agency_id integer NOT NULL REFERENCES agencies(id),
  roles text[] NOT NULL DEFAULT '{}',
  password_hash text,
  oidc_subject text UNIQUE,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_agency_idx ON users (agency_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

-- Which kinds of record flow from one agency (or agency type) to another, for what purpose, until when.
CREATE TABLE sharing_agreements (
  id serial PRIMARY KEY,
  name text NOT NULL,
  from_agency_code text,
  from_agency_type text,
  to_agency_code text,
  to_agency_type text,
  record_kinds text[] NOT NULL,
  purposes text[] NOT NULL DEFAULT '{}',
  valid_from date NOT NULL DEFAULT current_date,
  valid_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_agency_code IS NOT NULL OR from_agency_type IS NOT NULL),
  CHECK (to_agency_code IS NOT NULL OR to_agency_type IS NOT NULL)
);

-- Tamper-evident audit: each row's hash covers the previous row's hash and the canonical row.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id uuid,
  agency_code text,
  roles text NOT NULL DEFAULT '',
  action text NOT NULL,
  entity_kind text,
  entity_id text,
  purpose text,
  ip text,
  outcome text NOT NULL DEFAULT 'ok',
  detail jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_kind, entity_id);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  done bigint NOT NULL DEFAULT 0,
  total bigint,
  message text,
  params jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error text,
  created_by uuid REFERENCES users(id),
  agency_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);

-- MoPI-style review of personal records: every decision to retain or dispose is kept.
CREATE TABLE retention_decisions (
  id serial PRIMARY KEY,
  entity_kind text NOT NULL,
  entity_id text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('retain', 'dispose')),
  reason text NOT NULL,
  next_review date,
  decided_by uuid NOT NULL REFERENCES users(id),
  decided_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
