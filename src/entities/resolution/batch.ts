/**
 * Batch resolution over every person record: index all records, learn the model without labels (analysts'
 * confirmations and rejections refine it), score all candidate pairs, cluster with constraints (confirmed pairs
 * always together, rejected pairs never), and give each cluster a stable entity id: an entity keeps its id as it
 * grows, the larger part keeps it on a split, and a merge keeps the oldest id (the others point to it).
 */
import { sql } from 'kysely';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { assignStableIds } from '../matching/stable-ids.js';
import type { MatchModel } from '../matching/model.js';
import { csvLine, withBulkSession } from '../bulk.js';
import { tables } from '../store.js';
import { compactExplanation } from './explanation.js';
import { dropIndex, exclusive, newResolver, REVIEW_FLOOR, storedToNormalised, streamNormalised } from './index-cache.js';
import { guardNormalised, loadProtectedSets } from './protected.js';

export interface BatchProgress {
  (done: number, total: number, message: string): void;
}

export interface BatchResult {
  records: number;
  links: number;
  proposed: number;
  entities: number;
  created: number;
  merged: number;
  changed: number;
  seconds: number;
  phases: Record<string, number>;
  modelId: number;
}

const SYSTEM: Actor = { userId: null, agencyCode: null, roles: 'system', ip: null };
/** Inputs above this size are scored on two threads (the machine's cores). */
const PARALLEL_FROM = 50_000;

export async function runBatchResolution(ctx: AppContext, opts: { progress?: BatchProgress; actor?: Actor; threads?: number } = {}): Promise<BatchResult> {
  return exclusive(ctx, () => batch(ctx, opts));
}

async function batch(ctx: AppContext, opts: { progress?: BatchProgress; actor?: Actor; threads?: number }): Promise<BatchResult> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const progress = opts.progress ?? (() => {});
  const db = tables(ctx.db);
  const total = Number((await db.selectFrom('person_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // 100 steps: loading 0-25, training and scoring 25-70, clustering 70-75, writing 75-100.
  const step = (from: number, to: number, f: number, message: string) => progress(Math.round(from + (to - from) * Math.min(1, f)), 100, message);

  const protectedSets = await loadProtectedSets(ctx.db);
  const decisions = await db.selectFrom('entity_review_decisions').select(['left_record', 'right_record', 'decision']).execute();
  const confirmed = decisions.filter((d) => d.decision === 'confirmed').map((d) => [d.left_record, d.right_record] as const);
  const rejected = decisions.filter((d) => d.decision === 'rejected').map((d) => [d.left_record, d.right_record] as const);

  const resolver = newResolver();
  const previous = new Map<string, string>();
  let loaded = 0;
  for await (const page of streamNormalised(ctx.db)) {
    for (const r of page) {
      resolver.addNormalised(r.id, guardNormalised(storedToNormalised(r), protectedSets));
      if (r.entity_id !== null) previous.set(r.id, String(r.entity_id));
    }
    loaded += page.length;
    step(0, 25, loaded / Math.max(total, 1), `Loaded ${loaded.toLocaleString('en-GB')} person records`);
  }
  phase('load');
  if (resolver.size < 2) {
    // Nothing to compare: every record is its own entity.
    return writeSingletons(ctx, resolver.store.ids, previous, t0, opts.actor ?? SYSTEM);
  }

  const threads = opts.threads ?? (resolver.size >= PARALLEL_FROM ? 2 : 1);
  const trainProgress = (p: { phase: string; done: number; total: number }) =>
    step(25, 70, p.total ? p.done / p.total : 0.5, p.phase === 'score' ? `Scored ${p.done.toLocaleString('en-GB')} candidate pairs` : 'Learning the model');
  const model: MatchModel =
    threads > 1
      ? await resolver.trainParallel({ confirmed, rejected, threads, onProgress: trainProgress })
      : resolver.train({ confirmed, rejected, onProgress: trainProgress });
  phase('train');
  const pairs = resolver.predict({ threshold: REVIEW_FLOOR });
  // The engine clusters over its last scoring pass (low-probability pairs act as cannot-links).
  const labels = resolver.cluster();
  const groups = new Map<string, string[]>();
  for (const [rec, rep] of labels) {
    const g = groups.get(rep);
    if (g) g.push(rec);
    else groups.set(rep, [rec]);
  }
  let fresh = 0;
  const stable = assignStableIds(previous, [...groups.values()], {
    newId: () => `new:${fresh++}`,
    compareAge: (a, b) => Number(a) - Number(b),
  });
  phase('cluster');
  step(70, 75, 1, `${groups.size.toLocaleString('en-GB')} entities`);

  const modelRow = await db
    .insertInto('entity_match_models')
    .values({ model: JSON.stringify(model), records: resolver.size })
    .returning('id')
    .executeTakeFirstOrThrow();
  const modelId = Number(modelRow.id);

  // New entity ids, from the entities sequence.
  const realId = new Map<string, string>();
  if (stable.created.length) {
    const ids: number[] = [];
    for (let i = 0; i < stable.created.length; i += 100_000) {
      const n = Math.min(100_000, stable.created.length - i);
      const rows = (await sql<{ id: number }>`INSERT INTO entities (kind) SELECT 'person' FROM generate_series(1, ${n}::int) RETURNING id`.execute(ctx.db)).rows;
      for (const r of rows) ids.push(Number(r.id));
    }
    stable.created.forEach((tmp, i) => realId.set(tmp, String(ids[i])));
  }
  const finalId = (id: string) => realId.get(id) ?? id;

  let changed = 0;
  const linked = pairs.filter((p) => p.probability >= model.threshold).length;
  await withBulkSession(ctx.database, async (s) => {
    await s.query('CREATE TEMP TABLE entity_assign_tmp (record_id uuid PRIMARY KEY, entity_id bigint NOT NULL) ON COMMIT DROP');
    const assignments = [...stable.assignment.entries()];
    await s.copyIn(
      'entity_assign_tmp',
      ['record_id', 'entity_id'],
      (function* () {
        let chunk = '';
        let n = 0;
        for (const [rec, ent] of assignments) {
          const e = finalId(ent);
          if (previous.get(rec) === e) continue;
          changed++;
          chunk += `${rec},${e}\n`;
          if (++n % 50_000 === 0) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      })(),
    );
    step(75, 100, 0.2, `Writing ${changed.toLocaleString('en-GB')} changed assignments`);
    await s.query(`UPDATE person_records p SET entity_id = t.entity_id, resolved_at = now() FROM entity_assign_tmp t WHERE p.id = t.record_id`);
    for (const [from, into] of stable.retired) {
      await s.query('UPDATE entities SET merged_into = $1 WHERE id = $2 OR merged_into = $2', [Number(into), Number(from)]);
    }
    step(75, 100, 0.5, 'Writing links and explanations');
    await s.query('TRUNCATE entity_match_links');
    await s.copyIn(
      'entity_match_links',
      ['left_record', 'right_record', 'probability', 'weight', 'explanation', 'model_id', 'linked'],
      (function* () {
        let chunk = '';
        let n = 0;
        for (const p of pairs) {
          const [l, r] = p.left < p.right ? [p.left, p.right] : [p.right, p.left];
          const e = compactExplanation(resolver.explain(l, r));
          chunk += csvLine([l, r, p.probability, p.weight, e, modelId, p.probability >= model.threshold]);
          if (++n % 20_000 === 0) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      })(),
    );
  });
  phase('write');
  const result: BatchResult = {
    records: resolver.size,
    links: linked,
    proposed: pairs.length - linked,
    entities: groups.size,
    created: stable.created.length,
    merged: stable.retired.size,
    changed,
    seconds: Math.round(performance.now() - t0) / 1000,
    phases,
    modelId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await tables(trx)
      .insertInto('entity_resolution_runs')
      .values({ kind: 'batch', records: result.records, links: result.links, entities: result.entities, merged: result.merged, created: result.created, seconds: result.seconds, detail: JSON.stringify({ phases, changed, proposed: result.proposed }) })
      .execute();
    await ctx.audit.append(trx, opts.actor ?? SYSTEM, [{ action: 'entities.resolve.batch', detail: { records: result.records, links: result.links, entities: result.entities, merged: result.merged, created: result.created, modelId } }]);
  });
  step(75, 100, 1, 'Done');
  dropIndex(ctx);
  return result;
}

async function writeSingletons(ctx: AppContext, ids: readonly string[], previous: Map<string, string>, t0: number, actor: Actor): Promise<BatchResult> {
  const db = tables(ctx.db);
  let created = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of ids) {
      if (previous.has(id)) continue;
      const row = await tables(trx).insertInto('entities').values({ kind: 'person', key: null, label: null, merged_into: null }).returning('id').executeTakeFirstOrThrow();
      await tables(trx).updateTable('person_records').set({ entity_id: Number(row.id), resolved_at: new Date() }).where('id', '=', id).execute();
      created++;
    }
    await ctx.audit.append(trx, actor, [{ action: 'entities.resolve.batch', detail: { records: ids.length, created } }]);
  });
  const latest = await db.selectFrom('entity_match_models').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  dropIndex(ctx);
  return { records: ids.length, links: 0, proposed: 0, entities: ids.length, created, merged: 0, changed: created, seconds: (performance.now() - t0) / 1000, phases: {}, modelId: Number(latest?.id ?? 0) };
}
