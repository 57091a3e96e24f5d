/**
 * Incremental resolution: each new person record is compared with its blocking candidates among everything
 * already resolved, joins the entity of its best links (merging entities it bridges, unless an analyst has
 * said their records are different people), or starts a new entity. Links and their explanations are kept;
 * pairs in the review band are proposed to analysts.
 */
import { sql } from 'kysely';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { toEngineRecord } from '../mentions.js';
import type { ScoredPair } from '../matching/types.js';
import { tables } from '../store.js';
import { compactExplanation } from './explanation.js';
import { currentIndex, dropIndex, exclusive, REVIEW_CEILING, REVIEW_FLOOR } from './index-cache.js';
import { guardPerson } from './protected.js';

const SYSTEM: Actor = { userId: null, agencyCode: null, roles: 'system', ip: null };

export interface IncrementalResult {
  resolved: number;
  /** record id -> entity id */
  entities: Record<string, number>;
  links: number;
  proposed: number;
  merged: number;
  created: number;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Resolves the given person records (or every unresolved one when no ids are given) against everything
 * already resolved. Call it after the transaction that recorded the mentions has committed. Safe to call
 * again: records already resolved are skipped.
 */
export async function resolveIncrementally(ctx: AppContext, recordIds?: readonly string[], opts: { actor?: Actor } = {}): Promise<IncrementalResult> {
  return exclusive(ctx, () => resolveNow(ctx, recordIds, opts.actor ?? SYSTEM));
}

async function resolveNow(ctx: AppContext, recordIds: readonly string[] | undefined, actor: Actor): Promise<IncrementalResult> {
  const started = performance.now();
  const out: IncrementalResult = { resolved: 0, entities: {}, links: 0, proposed: 0, merged: 0, created: 0 };
  if (recordIds && recordIds.length === 0) return out;
  const db = tables(ctx.db);
  let q = db
    .selectFrom('person_records')
    .select(['id', 'given_name', 'family_name', 'full_name', 'date_of_birth_text', 'gender', 'nationality', 'address', 'postcode', 'town', 'phone', 'email', 'identifiers'])
    .where('entity_id', 'is', null)
    .orderBy('seq');
  if (recordIds) q = q.where('id', 'in', [...recordIds]);
  else q = q.limit(10_000);
  const pending = await q.execute();
  if (!pending.length) return out;
  const idx = await currentIndex(ctx);
  const resolver = idx.resolver;
  const threshold = idx.model.threshold;

  interface Outcome {
    id: string;
    linked: ScoredPair[];
    proposed: ScoredPair[];
  }
  const outcomes: Outcome[] = [];
  for (const row of pending) {
    if (resolver.store.idIndex.has(row.id)) continue;
    const r = resolver.resolveOne(guardPerson(toEngineRecord(row.id, row), idx.protectedSets), { threshold: REVIEW_FLOOR });
    outcomes.push({
      id: row.id,
      linked: r.matches.filter((m) => m.probability >= threshold),
      proposed: r.matches.filter((m) => m.probability < REVIEW_CEILING),
    });
  }
  if (!outcomes.length) return out;

  // The index already holds the new records: if writing fails, forget it so the next use reloads from the database.
  await ctx.db.transaction().execute(async (trx) => {
    const t = tables(trx);
    // Entities of every record the new ones linked to (this batch's own records are assigned as we go).
    const others = [...new Set(outcomes.flatMap((o) => o.linked.map((m) => (m.left === o.id ? m.right : m.left))))];
    const entityOf = new Map<string, number>();
    for (let i = 0; i < others.length; i += 5000) {
      const rows = await t.selectFrom('person_records').select(['id', 'entity_id']).where('id', 'in', others.slice(i, i + 5000)).where('entity_id', 'is not', null).execute();
      for (const r of rows) entityOf.set(r.id, Number(r.entity_id));
    }
    for (const o of outcomes) {
      const byEntity = new Map<number, number>();
      for (const m of o.linked) {
        const other = m.left === o.id ? m.right : m.left;
        const e = entityOf.get(other);
        if (e !== undefined) byEntity.set(e, Math.max(byEntity.get(e) ?? 0, m.probability));
      }
      const candidates = [...byEntity.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e);
      let entity: number;
      if (!candidates.length) {
        const row = await t.insertInto('entities').values({ kind: 'person', key: null, label: null, merged_into: null }).returning('id').executeTakeFirstOrThrow();
        entity = Number(row.id);
        out.created++;
      } else {
        // Merge the entities this record bridges, oldest id kept, unless analysts rejected a pair across them.
        const keep: number[] = [candidates[0]!];
        for (const e of candidates.slice(1)) {
          const conflict = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM entity_review_decisions d
              JOIN person_records a ON a.id = d.left_record
              JOIN person_records b ON b.id = d.right_record
             WHERE d.decision = 'rejected'
               AND ((a.entity_id = ANY(${keep}) AND b.entity_id = ${e}) OR (b.entity_id = ANY(${keep}) AND a.entity_id = ${e}))`.execute(trx);
          if (conflict.rows[0]!.n === 0) keep.push(e);
        }
        entity = Math.min(...keep);
        const absorbed = keep.filter((e) => e !== entity);
        if (absorbed.length) {
          await t.updateTable('person_records').set({ entity_id: entity }).where('entity_id', 'in', absorbed).execute();
          await t.updateTable('entities').set({ merged_into: entity }).where('id', 'in', absorbed).execute();
          await t.updateTable('entities').set({ merged_into: entity }).where('merged_into', 'in', absorbed).execute();
          for (const [rid, e] of entityOf) if (absorbed.includes(e)) entityOf.set(rid, entity);
          out.merged += absorbed.length;
        }
      }
      entityOf.set(o.id, entity);
      out.entities[o.id] = entity;
      await t.updateTable('person_records').set({ entity_id: entity, resolved_at: new Date() }).where('id', '=', o.id).execute();
      const pairs = new Map<string, ScoredPair & { linked: boolean }>();
      for (const m of o.proposed) pairs.set(`${m.left}|${m.right}`, { ...m, linked: m.probability >= threshold });
      for (const m of o.linked) pairs.set(`${m.left}|${m.right}`, { ...m, linked: true });
      const rows = [...pairs.values()].map((m) => {
        const [left, right] = ordered(m.left, m.right);
        return {
          left_record: left,
          right_record: right,
          probability: m.probability,
          weight: m.weight,
          explanation: JSON.stringify(m.explanation ? compactExplanation(m.explanation) : null),
          model_id: idx.modelId,
          linked: m.linked,
        };
      });
      if (rows.length) {
        await t
          .insertInto('entity_match_links')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['left_record', 'right_record']).doUpdateSet((eb) => ({
              probability: eb.ref('excluded.probability'),
              weight: eb.ref('excluded.weight'),
              explanation: eb.ref('excluded.explanation'),
              model_id: eb.ref('excluded.model_id'),
              linked: eb.ref('excluded.linked'),
            })),
          )
          .execute();
      }
      out.links += o.linked.length;
      out.proposed += rows.filter((r) => !r.linked || r.probability < REVIEW_CEILING).length;
      out.resolved++;
    }
    await ctx.audit.append(trx, actor, [
      {
        action: 'entities.resolve.incremental',
        entityKind: 'person_record',
        entityId: outcomes.length === 1 ? outcomes[0]!.id : undefined,
        detail: { records: out.resolved, links: out.links, merged: out.merged, created: out.created },
      },
    ]);
    await t
      .insertInto('entity_resolution_runs')
      .values({
        kind: 'incremental',
        records: out.resolved,
        links: out.links,
        entities: Object.keys(out.entities).length,
        merged: out.merged,
        created: out.created,
        seconds: (performance.now() - started) / 1000,
        detail: JSON.stringify({}),
      })
      .execute();
  }).catch((e) => {
    dropIndex(ctx);
    throw e;
  });
  return out;
}
