/**
 * The in-memory resolver of a running Fusion process: every resolved person record indexed by the matching
 * engine, so one new record is compared with its candidates only (incremental resolution in milliseconds).
 * Loaded on first use and kept in step with the database: records resolved by other processes, analysts'
 * decisions and changes to the protected-values list are picked up before each use.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import { Resolver } from '../matching/engine.js';
import { defaultModel, type MatchModel } from '../matching/model.js';
import type { NormalisedRecord } from '../matching/types.js';
import { type Db, tables } from '../store.js';
import { guardNormalised, loadProtectedSets, type ProtectedSets, protectedStamp } from './protected.js';

/** Identifier types unique to one person: two records holding different values are never linked. */
export const STRICT_IDENTIFIER_TYPES = ['passport', 'nino', 'pnc', 'cro', 'ho_ref'];
/** Pairs from this probability up are kept: linked at the model's threshold, proposed for review below it. */
export const REVIEW_FLOOR = 0.2;
/** Linked pairs below this probability are also proposed for review. */
export const REVIEW_CEILING = 0.9;
const PAGE = 20_000;

export interface ResolutionIndex {
  resolver: Resolver;
  model: MatchModel;
  modelId: number | null;
  protectedSets: ProtectedSets;
  /** Latest resolved_at loaded, and latest decision loaded. */
  resolvedMark: string;
  decisionMark: string;
}

interface Holder {
  index: ResolutionIndex | null;
  loading: Promise<ResolutionIndex> | null;
  queue: Promise<unknown>;
}

const holders = new WeakMap<AppContext, Holder>();

function holderOf(ctx: AppContext): Holder {
  let h = holders.get(ctx);
  if (!h) {
    h = { index: null, loading: null, queue: Promise.resolve() };
    holders.set(ctx, h);
  }
  return h;
}

/** Runs `fn` alone among this process's resolution work (one writer of the index at a time). */
export function exclusive<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  const h = holderOf(ctx);
  const run = h.queue.then(fn, fn);
  h.queue = run.catch(() => {});
  return run;
}

/** Forgets the index (after a batch run rewrote every assignment, or in tests). */
export function dropIndex(ctx: AppContext): void {
  const h = holderOf(ctx);
  h.index = null;
  h.loading = null;
}

export async function latestModel(db: Db): Promise<{ id: number | null; model: MatchModel }> {
  const row = await tables(db).selectFrom('entity_match_models').select(['id', 'model']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return { id: null, model: defaultModel() };
  const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as MatchModel;
  return { id: Number(row.id), model };
}

export function newResolver(model?: MatchModel, seed = 42): Resolver {
  return new Resolver({ model, threshold: model?.threshold ?? 0.5, strictIdentifierTypes: STRICT_IDENTIFIER_TYPES, seed });
}

export interface StoredNormalised {
  id: string;
  seq: number;
  entity_id: number | null;
  norm_given: string | null;
  norm_surname: string | null;
  dob_key: string | null;
  norm_address: string | null;
  postcode: string | null;
  norm_town: string | null;
  phone_e164: string | null;
  norm_email: string | null;
  norm_identifiers: string | null;
  norm_sex: string | null;
  norm_nationality: string | null;
}

export const NORMALISED_COLUMNS = [
  'id',
  'seq',
  'entity_id',
  'norm_given',
  'norm_surname',
  'dob_key',
  'norm_address',
  'postcode',
  'norm_town',
  'phone_e164',
  'norm_email',
  'norm_identifiers',
  'norm_sex',
  'norm_nationality',
] as const;

export function storedToNormalised(r: StoredNormalised): NormalisedRecord {
  return {
    given: r.norm_given,
    surname: r.norm_surname,
    dob: r.dob_key,
    address: r.norm_address,
    postcode: r.postcode,
    town: r.norm_town,
    phone: r.phone_e164,
    email: r.norm_email,
    identifiers: r.norm_identifiers,
    sex: r.norm_sex,
    nationality: r.norm_nationality,
  };
}

/** Streams person records (normalised columns) in sequence order, a page at a time. */
export async function* streamNormalised(db: Db, where: { resolvedOnly?: boolean; resolvedAfter?: string } = {}): AsyncGenerator<StoredNormalised[]> {
  let after = 0;
  for (;;) {
    let q = tables(db).selectFrom('person_records').select([...NORMALISED_COLUMNS]).where('seq', '>', after);
    if (where.resolvedOnly) q = q.where('entity_id', 'is not', null);
    if (where.resolvedAfter) q = q.where('resolved_at', '>=', new Date(where.resolvedAfter));
    const rows = (await q.orderBy('seq').limit(PAGE).execute()) as unknown as StoredNormalised[];
    if (!rows.length) return;
    yield rows;
    after = Number(rows[rows.length - 1]!.seq);
    if (rows.length < PAGE) return;
  }
}

async function marks(db: Db): Promise<{ resolved: string; decision: string }> {
  const r = await sql<{ resolved: string | null; decision: string | null }>`
    SELECT (SELECT max(resolved_at)::text FROM person_records) AS resolved,
           (SELECT max(decided_at)::text FROM entity_review_decisions) AS decision`.execute(db);
  return { resolved: r.rows[0]!.resolved ?? '1970-01-01', decision: r.rows[0]!.decision ?? '1970-01-01' };
}

async function applyDecisions(db: Db, resolver: Resolver, since?: string): Promise<void> {
  let q = tables(db).selectFrom('entity_review_decisions').select(['left_record', 'right_record', 'decision']);
  if (since) q = q.where('decided_at', '>=', new Date(since));
  for (const d of await q.execute()) {
    if (d.decision === 'rejected') resolver.reject(d.left_record, d.right_record);
    else if (d.decision === 'confirmed') resolver.confirm(d.left_record, d.right_record);
  }
}

async function load(ctx: AppContext, onProgress?: (done: number) => void): Promise<ResolutionIndex> {
  const db = ctx.db;
  const m = await marks(db);
  const { id, model } = await latestModel(db);
  const protectedSets = await loadProtectedSets(db);
  const resolver = newResolver(model);
  let n = 0;
  for await (const page of streamNormalised(db, { resolvedOnly: true })) {
    for (const r of page) resolver.addNormalised(r.id, guardNormalised(storedToNormalised(r), protectedSets));
    n += page.length;
    onProgress?.(n);
  }
  await applyDecisions(db, resolver);
  return { resolver, model, modelId: id, protectedSets, resolvedMark: m.resolved, decisionMark: m.decision };
}

/**
 * The process's index, loaded on first use and brought up to date: a changed protected-values list or a newer
 * model rebuilds it; records resolved elsewhere and new decisions are added.
 */
export async function currentIndex(ctx: AppContext): Promise<ResolutionIndex> {
  const h = holderOf(ctx);
  if (!h.index) {
    h.loading ??= load(ctx);
    try {
      h.index = await h.loading;
    } finally {
      h.loading = null;
    }
    return h.index;
  }
  const idx = h.index;
  const [stamp, latest] = await Promise.all([protectedStamp(ctx.db), tables(ctx.db).selectFrom('entity_match_models').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst()]);
  if (stamp !== idx.protectedSets.stamp || (latest && Number(latest.id) !== idx.modelId)) {
    dropIndex(ctx);
    return currentIndex(ctx);
  }
  const m = await marks(ctx.db);
  if (m.resolved > idx.resolvedMark) {
    for await (const page of streamNormalised(ctx.db, { resolvedOnly: true, resolvedAfter: idx.resolvedMark })) {
      for (const r of page) {
        if (idx.resolver.store.idIndex.has(r.id)) continue;
        idx.resolver.addNormalised(r.id, guardNormalised(storedToNormalised(r), idx.protectedSets));
      }
    }
    idx.resolvedMark = m.resolved;
  }
  if (m.decision > idx.decisionMark) {
    await applyDecisions(ctx.db, idx.resolver, idx.decisionMark);
    idx.decisionMark = m.decision;
  }
  return idx;
}

/** Loads the index now (a server start can warm it in the background). */
export async function warmIndex(ctx: AppContext): Promise<number> {
  return exclusive(ctx, async () => (await currentIndex(ctx)).resolver.size);
}
