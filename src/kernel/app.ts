import type { Capability, FusionApp } from './capability.js';
import { AuditLog } from './audit/audit-log.js';
import { PrincipalCache } from './auth/principal-cache.js';
import type { Config } from './config.js';
import { AgreementCache, type AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { buildServer } from './http/server.js';
import { JobRunner } from './jobs/jobs.js';
import { createLogger, type Logger } from './logger.js';

export interface OpenContextOptions {
  /** Skip migrations (the caller has run them). */
  skipMigrations?: boolean;
  loadDataDir?: Blob;
  logger?: Logger;
}

/** Opens the database, applies migrations and builds the shared context. */
export async function openContext(config: Config, opts: OpenContextOptions = {}): Promise<AppContext> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    loadDataDir: opts.loadDataDir,
  });
  if (!opts.skipMigrations) {
    await migrate(database.db, (name) => log.info({ migration: name }, 'migration applied'));
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    audit: new AuditLog(database.db),
    jobs: new JobRunner(database.db, log),
    log,
    agreements: new AgreementCache(database.db),
    principals: new PrincipalCache(),
  };
  await ctx.agreements.refresh();
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.idle();
  await ctx.audit.flush();
  await ctx.database.close();
}

export async function createApp(ctx: AppContext, capabilities: Capability[]): Promise<FusionApp> {
  const app = await buildServer(ctx, capabilities);
  await app.ready();
  return app;
}
