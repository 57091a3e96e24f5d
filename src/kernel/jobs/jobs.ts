import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/tables.js';
import type { Logger } from '../logger.js';

export interface Progress {
  /** Report progress; cheap to call often (writes are throttled). */
  (done: number, total?: number | null, message?: string): void;
}

export type JobFn = (progress: Progress) => Promise<unknown>;

/**
 * In-process background jobs with progress stored in the database, so a page (and the API) can show a
 * progress bar and the result survives a restart. The CLI runs the same functions with a terminal bar.
 */
export class JobRunner {
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Kysely<KernelTables>,
    private readonly log: Logger,
  ) {}

  async start(
    opts: { kind: string; title: string; params?: unknown; userId?: string | null; agencyCode?: string | null },
    fn: JobFn,
  ): Promise<string> {
    const row = await this.db
      .insertInto('jobs')
      .values({
        kind: opts.kind,
        title: opts.title,
        params: JSON.stringify(opts.params ?? {}),
        created_by: opts.userId ?? null,
        agency_code: opts.agencyCode ?? null,
        total: null,
        message: null,
        result: null,
        error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = row.id;
    const p = this.run(id, fn);
    this.running.add(p);
    p.finally(() => this.running.delete(p));
    return id;
  }

  private async run(id: string, fn: JobFn) {
    let last = 0;
    let latest: { done: number; total: number | null; message: string | null } | null = null;
    let writing: Promise<unknown> = Promise.resolve();
    const write = () => {
      if (!latest) return;
      const v = latest;
      latest = null;
      writing = writing.then(() =>
        this.db.updateTable('jobs').set({ done: v.done, total: v.total, message: v.message }).where('id', '=', id).execute(),
      );
    };
    const progress: Progress = (done, total = null, message) => {
      latest = { done, total: total ?? null, message: message ?? null };
      const now = Date.now();
      if (now - last > 250) {
        last = now;
        write();
      }
    };
    try {
      await this.db.updateTable('jobs').set({ status: 'running', started_at: new Date() }).where('id', '=', id).execute();
      const result = await fn(progress);
      write();
      await writing;
      await this.db
        .updateTable('jobs')
        .set({ status: 'succeeded', finished_at: new Date(), result: JSON.stringify(result ?? null) })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      this.log.warn({ job: id, err: (e as Error).message }, 'job failed');
      await writing.catch(() => {});
      await this.db
        .updateTable('jobs')
        .set({ status: 'failed', finished_at: new Date(), error: (e as Error).message })
        .where('id', '=', id)
        .execute()
        .catch(() => {});
    }
  }

  get(id: string) {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Waits for every job started in this process (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
