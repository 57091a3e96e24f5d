-- Trust: an anchor for the audit chain's head, purposes recorded for access to personal records, the life of a
-- data-sharing agreement, and who made retention decisions for which agency.

-- The newest (seq, hash) of the chain, moved forward in the same transaction as every append. Appenders lock
-- this one row (SELECT ... FOR UPDATE), which serialises them across connections and processes; verify compares
-- the end of the chain with it, so deleting the newest entries (tail truncation) is detected.
CREATE TABLE audit_head (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_head (id, seq, hash)
SELECT 1, coalesce(max(seq), 0), coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64))
FROM audit_log;

CREATE FUNCTION audit_head_only_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq > OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_head only moves forward: % refused', TG_OP;
END $$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_only_moves_forward();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_only_moves_forward();

-- "Why are you opening this record?": a purpose stated by a user for one record, valid for a while in one
-- session (or with one API token). The permanent record is the audit entry written with it.
CREATE TABLE access_purposes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  agency_code text NOT NULL,
  session_key text NOT NULL,
  entity_kind text NOT NULL,
  entity_id text NOT NULL,
  purpose text NOT NULL,
  detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  review_outcome text CHECK (review_outcome IN ('appropriate', 'query')),
  review_note text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz
);
CREATE INDEX access_purposes_lookup_idx ON access_purposes (user_id, entity_kind, entity_id, expires_at);
CREATE INDEX access_purposes_agency_idx ON access_purposes (agency_code, created_at);

-- Agreements are withdrawn, never deleted, so the history of what was shared when stays readable.
ALTER TABLE sharing_agreements
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN created_by uuid REFERENCES users(id),
  ADD COLUMN notes text,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE retention_decisions ADD COLUMN agency_code text;
CREATE INDEX retention_decisions_entity_idx ON retention_decisions (entity_kind, entity_id);

CREATE INDEX audit_log_agency_idx ON audit_log (agency_code, at);
CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops);
