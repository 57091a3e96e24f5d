import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable column that may be left out of an insert. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** Kernel tables. Each capability declares its own and uses `ctx.db.withTables<ItsTables>()`. */
export interface KernelTables {
  agencies: {
    id: Generated<number>;
    code: string;
    name: string;
    type: string;
    region: string | null;
    force_area_code: string | null;
    rocu_code: string | null;
    parent_code: string | null;
    first_responder: boolean;
    created_at: Timestamp;
  };
  exploitation_types: { code: string; label: string; sort: number };
  threats: { code: string; label: string; description: string };
  users: {
    id: Generated<string>;
    email: string;
    name: string;
    agency_id: number;
    roles: string[];
    password_hash: string | null;
    oidc_subject: string | null;
    failed_logins: Generated<number>;
    locked_until: Date | null;
    disabled: Generated<boolean>;
    demo: Generated<boolean>;
    created_at: Timestamp;
    updated_at: Generated<Date>;
  };
  sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    expires_at: Timestamp;
  };
  api_tokens: {
    id: Generated<string>;
    user_id: string;
    token_hash: string;
    name: string;
    scopes: string[];
    created_at: Timestamp;
    expires_at: Timestamp;
    revoked_at: Timestamp | null;
  };
  sharing_agreements: {
    id: Generated<number>;
    name: string;
    from_agency_code: string | null;
    from_agency_type: string | null;
    to_agency_code: string | null;
    to_agency_type: string | null;
    record_kinds: string[];
    purposes: string[];
    valid_from: ColumnType<string, string | undefined, string>;
    valid_until: string | null;
    created_at: Timestamp;
    withdrawn_at: Optional<Date | string>;
    created_by: Optional<string>;
    notes: Optional<string>;
    updated_at: Generated<Date>;
  };
  audit_log: {
    seq: number;
    at: Timestamp;
    user_id: string | null;
    agency_code: string | null;
    roles: string;
    action: string;
    entity_kind: string | null;
    entity_id: string | null;
    purpose: string | null;
    ip: string | null;
    outcome: string;
    detail: unknown;
    prev_hash: string;
    hash: string;
  };
  jobs: {
    id: Generated<string>;
    kind: string;
    title: string;
    status: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
    done: Generated<number>;
    total: number | null;
    message: string | null;
    params: Generated<unknown>;
    result: unknown | null;
    error: string | null;
    created_by: string | null;
    agency_code: string | null;
    created_at: Timestamp;
    started_at: Timestamp | null;
    finished_at: Timestamp | null;
  };
  retention_decisions: {
    id: Generated<number>;
    entity_kind: string;
    entity_id: string;
    decision: 'retain' | 'dispose';
    reason: string;
    next_review: string | null;
    decided_by: string;
    decided_at: Timestamp;
    agency_code: Optional<string>;
  };
  audit_head: { id: number; seq: number; hash: string; updated_at: Timestamp };
  access_purposes: {
    id: Generated<string>;
    user_id: string;
    agency_code: string;
    session_key: string;
    entity_kind: string;
    entity_id: string;
    purpose: string;
    detail: string | null;
    created_at: Timestamp;
    expires_at: Timestamp;
    review_outcome: Optional<'appropriate' | 'query'>;
    review_note: Optional<string>;
    reviewed_by: Optional<string>;
    reviewed_at: Optional<Date | string>;
  };
  settings: { key: string; value: unknown; updated_at: Timestamp };
  schema_migrations: { name: string; applied_at: Timestamp };
}
