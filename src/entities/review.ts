/**
 * Analysts' review of proposed links: confirm, reject, mark unsure, or split an entity. Decisions are kept for
 * ever (one per pair), are never proposed again, and are used by every later run: confirmed pairs always share an
 * entity, rejected pairs never do. A rejection or a split re-clusters the entity at once over its remaining links;
 * a confirmation merges two entities (the older id survives).
 */
import { sql } from 'kysely';
import type { Actor } from '../kernel/audit/audit-log.js';
import type { AppContext } from '../kernel/context.js';
import { conflict, notFound, validationFailed } from '../kernel/errors.js';
import { clusterMembers, clusterPairs } from './matching/cluster.js';
import { assignStableIds } from './matching/stable-ids.js';
import { type NeedToKnow, visibilitySql } from './need-to-know.js';
import { linksBetween, RECORD_COLUMNS, recordView, type LinkView, type PersonRecordView } from './read.js';
import { currentIndex, exclusive, REVIEW_CEILING } from './resolution/index-cache.js';
import { type Db, tables } from './store.js';

export type Decision = 'confirmed' | 'rejected' | 'unsure';
export const DECISIONS: { value: Decision; text: string; hint: string }[] = [
  { value: 'confirmed', text: 'Same person', hint: 'These records describe one person: they are always kept together.' },
  { value: 'rejected', text: 'Different people', hint: 'These records describe two people: they are never joined again.' },
  { value: 'unsure', text: 'Not sure', hint: 'Take the pair off the queue without changing the link.' },
];

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export interface QueueItem {
  left: string;
  right: string;
  probability: number;
  linked: boolean;
  leftName: string;
  rightName: string;
  leftAgency: string;
  rightAgency: string;
}

/** Undecided pairs in the review band whose two records this user may see, most uncertain first. */
export async function reviewQueue(ctx: AppContext, ntk: NeedToKnow, opts: { limit?: number; offset?: number } = {}): Promise<{ items: QueueItem[]; total: number }> {
  const limit = Math.min(opts.limit ?? 50, 200);
  const band = sql`(NOT l.linked OR l.probability < ${REVIEW_CEILING})`;
  const rows = await sql<{ left_record: string; right_record: string; probability: number; linked: boolean }>`
    SELECT l.left_record, l.right_record, l.probability, l.linked
      FROM entity_match_links l
      JOIN person_records a ON a.id = l.left_record
      JOIN person_records b ON b.id = l.right_record
     WHERE ${band}
       AND NOT EXISTS (SELECT 1 FROM entity_review_decisions d WHERE d.left_record = l.left_record AND d.right_record = l.right_record)
       AND ${visibilitySql(ntk, 'a')} AND ${visibilitySql(ntk, 'b')}
     ORDER BY abs(l.probability - 0.5), l.left_record
     LIMIT ${limit} OFFSET ${opts.offset ?? 0}`.execute(ctx.db);
  const total = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM entity_match_links l
      JOIN person_records a ON a.id = l.left_record
      JOIN person_records b ON b.id = l.right_record
     WHERE ${band}
       AND NOT EXISTS (SELECT 1 FROM entity_review_decisions d WHERE d.left_record = l.left_record AND d.right_record = l.right_record)
       AND ${visibilitySql(ntk, 'a')} AND ${visibilitySql(ntk, 'b')}`.execute(ctx.db);
  const ids = rows.rows.flatMap((r) => [r.left_record, r.right_record]);
  const records = ids.length ? await tables(ctx.db).selectFrom('person_records').select([...RECORD_COLUMNS]).where('id', 'in', ids).execute() : [];
  const view = new Map<string, PersonRecordView>();
  for (const r of records) {
    const d = ntk.decide(r);
    if (d.allow) view.set(r.id, recordView(ntk, r, d.reason));
  }
  const items: QueueItem[] = [];
  for (const r of rows.rows) {
    const a = view.get(r.left_record);
    const b = view.get(r.right_record);
    if (!a || !b) continue;
    items.push({ left: a.id, right: b.id, probability: Number(r.probability), linked: r.linked, leftName: a.name, rightName: b.name, leftAgency: a.agencyName, rightAgency: b.agencyName });
  }
  return { items, total: total.rows[0]!.n };
}

export interface PairView {
  left: PersonRecordView;
  right: PersonRecordView;
  link: LinkView | null;
  decision: { decision: Decision; note: string | null; decidedAt: string } | null;
}

/** Both records of a pair (each must be visible to the user), the link's explanation and any decision. */
export async function pairView(ctx: AppContext, ntk: NeedToKnow, a: string, b: string): Promise<PairView> {
  const [left, right] = ordered(a, b);
  const rows = await tables(ctx.db).selectFrom('person_records').select([...RECORD_COLUMNS]).where('id', 'in', [left, right]).execute();
  const views = new Map<string, PersonRecordView>();
  for (const r of rows) {
    const d = ntk.decide(r);
    if (d.allow) views.set(r.id, recordView(ntk, r, d.reason));
  }
  const l = views.get(left);
  const r = views.get(right);
  if (!l || !r) throw notFound('pair of records');
  const [link] = await linksBetween(ctx, [left, right]);
  const d = await tables(ctx.db).selectFrom('entity_review_decisions').select(['decision', 'note', 'decided_at']).where('left_record', '=', left).where('right_record', '=', right).executeTakeFirst();
  return { left: l, right: r, link: link ?? null, decision: d ? { decision: d.decision, note: d.note, decidedAt: new Date(d.decided_at).toISOString() } : null };
}

export interface DecisionOutcome {
  decision: Decision;
  /** Entity of each record after the decision. */
  entities: Record<string, number>;
  merged: boolean;
  split: boolean;
}

/** Records a decision on a pair and applies it to the entities at once. */
export async function decidePair(
  ctx: AppContext,
  ntk: NeedToKnow,
  actor: Actor,
  input: { left: string; right: string; decision: Decision; note?: string | null },
): Promise<DecisionOutcome> {
  if (input.left === input.right) throw validationFailed([{ field: 'right', message: 'Choose two different records.' }]);
  const [left, right] = ordered(input.left, input.right);
  await pairView(ctx, ntk, left, right); // both visible, else 404
  return exclusive(ctx, async () => {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      await t
        .insertInto('entity_review_decisions')
        .values({ left_record: left, right_record: right, decision: input.decision, note: input.note ?? null, decided_by: ntk.principal.userId, agency_code: ntk.principal.agencyCode })
        .onConflict((oc) => oc.columns(['left_record', 'right_record']).doUpdateSet({ decision: input.decision, note: input.note ?? null, decided_by: ntk.principal.userId, agency_code: ntk.principal.agencyCode, decided_at: new Date() }))
        .execute();
      const ents = await t.selectFrom('person_records').select(['id', 'entity_id']).where('id', 'in', [left, right]).execute();
      const ea = Number(ents.find((e) => e.id === left)!.entity_id);
      const eb = Number(ents.find((e) => e.id === right)!.entity_id);
      let merged = false;
      let split = false;
      if (input.decision === 'confirmed' && ea !== eb) {
        if (await rejectionAcross(trx, ea, eb)) {
          throw conflict('An analyst has said that some records of these two people are different people. Split them first, or review those decisions.');
        }
        await mergeEntities(trx, Math.min(ea, eb), [Math.max(ea, eb)]);
        merged = true;
      } else if (input.decision === 'rejected' && ea === eb) {
        split = (await reclusterEntity(trx, ea)) > 1;
      }
      await ctx.audit.append(trx, actor, [
        { action: `entities.review.${input.decision}`, entityKind: 'person_record_pair', entityId: `${left}|${right}`, detail: { merged, split, entities: [ea, eb] } },
      ]);
      const after = await t.selectFrom('person_records').select(['id', 'entity_id']).where('id', 'in', [left, right]).execute();
      return { decision: input.decision, entities: Object.fromEntries(after.map((r) => [r.id, Number(r.entity_id)])), merged, split };
    });
    const idx = await currentIndex(ctx);
    if (input.decision === 'rejected') idx.resolver.reject(left, right);
    if (input.decision === 'confirmed') idx.resolver.confirm(left, right);
    return outcome;
  });
}

/** Splits the chosen records out of an entity into a new one; stored as rejections between the two groups. */
export async function splitEntity(ctx: AppContext, ntk: NeedToKnow, actor: Actor, entityId: number, recordIds: string[]): Promise<{ kept: number; created: number; rejections: number }> {
  const rows = await tables(ctx.db).selectFrom('person_records').select(['id', 'agency_code', 'handling_code', 'conditions']).where('entity_id', '=', entityId).execute();
  if (!rows.length) throw notFound('person');
  const visible = new Set(rows.filter((r) => ntk.sees(r)).map((r) => r.id));
  const chosen = [...new Set(recordIds)];
  if (!chosen.length) throw validationFailed([{ field: 'records', message: 'Select the records that describe someone else.' }]);
  if (chosen.some((id) => !visible.has(id))) throw validationFailed([{ field: 'records', message: 'Select records of this person that you can see.' }]);
  if (chosen.length >= rows.length) throw validationFailed([{ field: 'records', message: 'Leave at least one record with this person.' }]);
  const rest = rows.map((r) => r.id).filter((id) => !chosen.includes(id));
  // The split is kept as rejections between the two groups (bounded: the largest entities are reviewed in parts).
  const pairs: [string, string][] = [];
  for (const a of chosen.slice(0, 200)) for (const b of rest.slice(0, 200)) pairs.push(ordered(a, b));
  return exclusive(ctx, async () => {
    const result = await ctx.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      for (let i = 0; i < pairs.length; i += 1000) {
        await t
          .insertInto('entity_review_decisions')
          .values(pairs.slice(i, i + 1000).map(([l, r]) => ({ left_record: l, right_record: r, decision: 'rejected' as const, note: 'split', decided_by: ntk.principal.userId, agency_code: ntk.principal.agencyCode })))
          .onConflict((oc) => oc.columns(['left_record', 'right_record']).doUpdateSet({ decision: 'rejected', note: 'split', decided_by: ntk.principal.userId, agency_code: ntk.principal.agencyCode, decided_at: new Date() }))
          .execute();
      }
      const created = await t.insertInto('entities').values({ kind: 'person', key: null, label: null, merged_into: null }).returning('id').executeTakeFirstOrThrow();
      await t.updateTable('person_records').set({ entity_id: Number(created.id), resolved_at: new Date() }).where('id', 'in', chosen).execute();
      await ctx.audit.append(trx, actor, [{ action: 'entities.review.split', entityKind: 'person', entityId: String(entityId), detail: { records: chosen, newEntity: Number(created.id), rejections: pairs.length } }]);
      return { kept: entityId, created: Number(created.id), rejections: pairs.length };
    });
    const idx = await currentIndex(ctx);
    for (const [l, r] of pairs) idx.resolver.reject(l, r);
    return result;
  });
}

async function rejectionAcross(trx: Db, a: number, b: number): Promise<boolean> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM entity_review_decisions d
      JOIN person_records x ON x.id = d.left_record
      JOIN person_records y ON y.id = d.right_record
     WHERE d.decision = 'rejected' AND ((x.entity_id = ${a} AND y.entity_id = ${b}) OR (x.entity_id = ${b} AND y.entity_id = ${a}))`.execute(trx);
  return r.rows[0]!.n > 0;
}

export async function mergeEntities(trx: Db, keep: number, absorbed: number[]): Promise<void> {
  const t = tables(trx);
  await t.updateTable('person_records').set({ entity_id: keep }).where('entity_id', 'in', absorbed).execute();
  await t.updateTable('entities').set({ merged_into: keep }).where((eb) => eb.or([eb('id', 'in', absorbed), eb('merged_into', 'in', absorbed)])).execute();
}

/**
 * Re-clusters one entity over its own linked pairs, honouring decisions (confirmed pairs joined, rejected pairs
 * kept apart). The largest part keeps the id; other parts get new ids. Returns the number of parts.
 */
export async function reclusterEntity(trx: Db, entityId: number, probabilityOf?: (left: string, right: string) => number | null): Promise<number> {
  const t = tables(trx);
  const records = (await t.selectFrom('person_records').select('id').where('entity_id', '=', entityId).orderBy('id').execute()).map((r) => r.id);
  if (records.length < 2) return records.length;
  const index = new Map(records.map((id, i) => [id, i]));
  const links = await t.selectFrom('entity_match_links').select(['left_record', 'right_record', 'probability', 'linked']).where('left_record', 'in', records).where('right_record', 'in', records).execute();
  const decisions = await t.selectFrom('entity_review_decisions').select(['left_record', 'right_record', 'decision']).where('left_record', 'in', records).where('right_record', 'in', records).execute();
  const edges: { a: number; b: number; probability: number }[] = [];
  for (const l of links) {
    let p = Number(l.probability);
    if (probabilityOf) {
      const fresh = probabilityOf(l.left_record, l.right_record);
      if (fresh !== null) {
        p = fresh;
        await t.updateTable('entity_match_links').set({ probability: p, linked: p >= 0.5 }).where('left_record', '=', l.left_record).where('right_record', '=', l.right_record).execute();
      }
    } else if (!l.linked) continue;
    if (p >= 0.5) edges.push({ a: index.get(l.left_record)!, b: index.get(l.right_record)!, probability: p });
  }
  const mustLink = decisions.filter((d) => d.decision === 'confirmed').map((d) => [index.get(d.left_record)!, index.get(d.right_record)!] as [number, number]);
  const cannotLink = decisions.filter((d) => d.decision === 'rejected').map((d) => [index.get(d.left_record)!, index.get(d.right_record)!] as [number, number]);
  const groups = clusterMembers(clusterPairs(records.length, edges, { threshold: 0.5, mustLink, cannotLink })).map((g) => g.map((i) => records[i]!));
  if (groups.length < 2) return 1;
  const previous = new Map(records.map((id) => [id, String(entityId)]));
  let n = 0;
  const stable = assignStableIds(previous, groups, { newId: () => `new:${n++}`, compareAge: (a, b) => Number(a) - Number(b) });
  const real = new Map<string, number>();
  for (const tmp of stable.created) {
    const row = await t.insertInto('entities').values({ kind: 'person', key: null, label: null, merged_into: null }).returning('id').executeTakeFirstOrThrow();
    real.set(tmp, Number(row.id));
  }
  for (const [rec, ent] of stable.assignment) {
    const id = real.get(ent) ?? Number(ent);
    if (id !== entityId) await t.updateTable('person_records').set({ entity_id: id, resolved_at: new Date() }).where('id', '=', rec).execute();
  }
  return groups.length;
}
