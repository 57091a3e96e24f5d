/** The batch resolution as a background job with progress (the job page and the API show it). */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../kernel/context.js';
import { actorFrom } from '../kernel/http/server.js';
import { runBatchResolution } from './resolution/batch.js';
import { tables } from './store.js';

export async function startResolutionJob(ctx: AppContext, req: FastifyRequest, reason = 'Started from the entity resolution page'): Promise<string> {
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
