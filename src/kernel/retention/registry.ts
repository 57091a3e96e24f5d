import type { Transaction } from 'kysely';

/**
 * Kinds of personal record under MoPI-style review. A capability lists its kinds in `Capability.retention`; the
 * kernel's retention page finds the overdue ones across all kinds, and records each decision (retain with a next
 * review date, or dispose) in `retention_decisions` with an audit entry.
 */
export interface RetentionKind {
  /** Record kind as the access policy knows it (e.g. 'person', 'referral'). */
  kind: string;
  /** Plural label for the page (e.g. 'People'). */
  label: string;
  /** The capability's table and its columns (plain SQL identifiers). */
  table: string;
  idColumn: string;
  /** A `date` column: when the record is next due for review. */
  reviewColumn: string;
  /** The owning agency's code: reviewers see their own agency's records only. */
  agencyColumn: string;
  /** A column with a short, non-identifying title to list (e.g. a reference number); defaults to the id. */
  titleColumn?: string;
  /** Link to the record's own page. */
  href?: (id: string) => string;
  /**
   * Carries out a decision to dispose (delete or anonymise) in the decision's transaction. Without it the decision
   * is recorded, the review date is cleared (the record leaves the overdue list) and the owning capability acts on
   * `retention_decisions`.
   */
  dispose?: (trx: Transaction<any>, id: string) => Promise<void>;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const kinds = new Map<string, RetentionKind>();

export function registerRetention(k: RetentionKind): void {
  for (const col of [k.table, k.idColumn, k.reviewColumn, k.agencyColumn, k.titleColumn ?? k.idColumn]) {
    if (!IDENT.test(col)) throw new Error(`Retention kind ${k.kind}: "${col}" is not a plain SQL identifier.`);
  }
  const existing = kinds.get(k.kind);
  if (existing && existing.table !== k.table) throw new Error(`Retention kind ${k.kind} is registered twice.`);
  kinds.set(k.kind, k);
}

export function retentionKinds(): RetentionKind[] {
  return [...kinds.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export function retentionKind(kind: string): RetentionKind | undefined {
  return kinds.get(kind);
}
