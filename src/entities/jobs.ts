import { z } from 'zod';
/** The batch resolution as a background job with progress (the job page and the API show it). */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../kernel/context.js';
import { actorFrom } from '../kernel/http/server.js';
import { runBatchResolution } from './resolution/batch.js';
import { tables } from './store.js';

/** A full run re-clusters every person record, so whoever starts one says why; the reason is the audit entry's purpose. */
export const ResolutionRequest = z.object({
  reason: z.string({ error: 'Enter why you are running resolution over every record' }).trim().min(3, 'Enter why you are running resolution over every record (at least 3 characters)').max(500, 'The reason must be 500 characters or fewer'),
});

export async function startResolutionJob(ctx: AppContext, req: FastifyRequest, reason: string): Promise<string> {
  const actor = actorFrom(req);
  const id = await ctx.jobs.start(
    { kind: 'entities.resolve', title: 'Resolve every person record', userId: req.principal!.userId, agencyCode: req.principal!.agencyCode },
    async (progress) => {
      const r = await runBatchResolution(ctx, { actor, progress: (done, total, message) => progress(done, total, message) });
      return r;
    },
  );
  await ctx.audit.record(actor, { action: 'entities.resolve.started', entityKind: 'job', entityId: id, purpose: reason });
  return id;
}

export async function recentRuns(ctx: AppContext) {
  const rows = await tables(ctx.db).selectFrom('entity_resolution_runs').selectAll().orderBy('id', 'desc').limit(20).execute();
  return rows.map((r) => ({ ...r, seconds: Number(r.seconds) }));
}
