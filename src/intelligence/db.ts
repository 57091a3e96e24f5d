import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../kernel/access/principal.js';
import type { KernelTables } from '../kernel/db/tables.js';
import { AppError, type FieldError } from '../kernel/errors.js';
import type { StaleDetail, VersionEntry } from './model/versioning.js';
import type { IntelTables } from './tables.js';

export type IntelDb = Kysely<IntelTables & KernelTables>;

/** The intelligence tables (and the kernel's) on a database handle or a transaction. */
export const idb = (db: Kysely<any> | Transaction<any>): IntelDb => db as unknown as IntelDb;

/** A stale edit: refused with what the other person changed since the editor's version. */
export class StaleEdit extends AppError {
  constructor(
    public readonly detail: StaleDetail,
    status: 409 | 412 = 412,
  ) {
    super(
      status,
      status === 412 ? 'precondition_failed' : 'conflict',
      `Someone else changed this record since you opened it (now version ${detail.currentVersion}). Your change was not saved: look at their change and try again.`,
      [
        {
          field: 'version',
          message: `The record is at version ${detail.currentVersion}, not ${detail.yourVersion ?? 'the one you sent'}.`,
        },
      ],
    );
  }

  override toJSON() {
    return { error: { code: this.code, message: this.message, fields: this.fields, current: this.detail } };
  }
}

export const preconditionRequired = () =>
  new AppError(
    428,
    'precondition_required',
    'Send the version you are changing in an If-Match header (the ETag of the record) so that no one else’s change is overwritten.',
    [{ field: 'If-Match', message: 'Send If-Match with the record’s ETag.' }],
  );

/** Version history rows since a version (for the stale-edit answer). */
export async function changesSince(
  db: Kysely<any>,
  kind: string,
  id: string,
  since: number | null,
  limit = 50,
): Promise<VersionEntry[]> {
  const rows = await idb(db)
    .selectFrom('intel_record_versions')
    .select(['version', 'changed_by_name', 'changed_at', 'changes'])
    .where('record_kind', '=', kind)
    .where('record_id', '=', id)
    .where('version', '>', since ?? 0)
    .orderBy('version')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    version: r.version,
    changedByName: r.changed_by_name,
    changedAt: new Date(r.changed_at).toISOString(),
    changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as VersionEntry['changes'],
  }));
}

export async function recordVersion(
  trx: Kysely<any>,
  kind: string,
  id: string,
  version: number,
  principal: Principal | null,
  changes: Record<string, unknown>,
): Promise<void> {
  await idb(trx)
    .insertInto('intel_record_versions')
    .values({
      record_kind: kind,
      record_id: id,
      version,
      changed_by: principal?.userId ?? null,
      changed_by_name: principal ? `${principal.name} (${principal.agencyName})` : 'Fusion',
      changes: JSON.stringify(changes),
    })
    .execute();
}

export function fieldError(field: string, message: string): FieldError {
  return { field, message };
}

export const jsonOf = <T>(v: unknown): T | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);
