import type { Kysely } from 'kysely';
import type { Agreement } from './access/policy.js';
import type { AuditLog } from './audit/audit-log.js';
import type { PrincipalCache } from './auth/principal-cache.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { KernelTables } from './db/tables.js';
import type { JobRunner } from './jobs/jobs.js';
import type { Logger } from './logger.js';

/** What every capability receives: configuration, database, audit, jobs, log and the sharing agreements in force. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<KernelTables>;
  audit: AuditLog;
  jobs: JobRunner;
  log: Logger;
  agreements: AgreementCache;
  /** Who-is-asking answers reused for a few seconds (see auth/principal-cache.ts). */
  principals: PrincipalCache;
}

/** Agreements in force, reloaded after every change here and at least every STALE_MS for changes made elsewhere. */
export class AgreementCache {
  static readonly STALE_MS = 30_000;
  private list: Agreement[] = [];
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  constructor(private readonly db: Kysely<KernelTables>) {}

  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom('sharing_agreements').selectAll().where('withdrawn_at', 'is', null).execute();
    this.loadedAt = Date.now();
    this.list = rows.map((r) => ({
      id: r.id,
      name: r.name,
      fromAgencyCode: r.from_agency_code,
      fromAgencyType: r.from_agency_type,
      toAgencyCode: r.to_agency_code,
      toAgencyType: r.to_agency_type,
      recordKinds: r.record_kinds,
      purposes: r.purposes,
      validFrom: String(r.valid_from).slice(0, 10),
      validUntil: r.valid_until ? String(r.valid_until).slice(0, 10) : null,
      withdrawnAt: null,
    }));
  }

  /** The agreements in force; starts a background reload when the list is older than STALE_MS. */
  all(): readonly Agreement[] {
    if (Date.now() - this.loadedAt > AgreementCache.STALE_MS && !this.loading) {
      this.loading = this.refresh()
        .catch(() => {})
        .finally(() => {
          this.loading = null;
        });
    }
    return this.list;
  }
}
