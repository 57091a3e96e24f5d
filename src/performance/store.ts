/**
 * SQL over the performance capability's own tables: governance signals, peer reviews and their enhancement plans,
 * the recommendations tracker and training completion.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { FORCES } from '../kernel/reference/forces.js';
import type { IsoDate } from './model/dates.js';
import type { ItemInput, ReviewPatch, UpdateInput } from './model/peer-review.js';
import type { SignalRow, SignalsInput } from './model/governance.js';
import type { RecommendationStatus } from './model/recommendations.js';
import type { TrainingRow } from './model/training.js';
import { type Scope, scopeAgencies, scopeForces } from './model/scope.js';

export type Db = Kysely<any> | Transaction<any>;

export interface Actor {
  userId: string | null;
  name: string;
  agencyCode: string;
}

const day = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);
const arr = (forces: string[]) => sql`${sql.val(forces)}::text[]`;

// ---------------------------------------------------------------------------------------------------------------
// Governance signals

export async function listSignals(db: Db, forces: string[] | null) {
  let q = db.selectFrom('perf_governance_signals').selectAll();
  if (forces) q = q.where('force_code', 'in', forces.length ? forces : ['']);
  const rows = await q.execute();
  return rows.map((r: any) => ({ ...r, as_of: day(r.as_of) })) as (SignalRow & {
    meeting_frequency: string | null;
    notes: string;
    as_of: string;
    updated_by_name: string;
    version: number;
  })[];
}

export async function getSignals(db: Db, force: string) {
  return (await listSignals(db, [force]))[0] ?? null;
}

/** Creates or replaces a force's signals; a stale version is refused (returns null). */
export async function saveSignals(
  trx: Db,
  force: string,
  s: SignalsInput,
  actor: Actor,
): Promise<number | null> {
  const values = {
    msht_in_control_strategy: s.msht_in_control_strategy,
    oic_in_control_strategy: s.oic_in_control_strategy,
    governance_meetings: s.governance_meetings,
    meeting_frequency: s.meeting_frequency,
    performance_measures: s.performance_measures,
    dedicated_team: s.dedicated_team,
    team_location: s.team_location,
    notes: s.notes,
    as_of: s.as_of,
    updated_by: actor.userId,
    updated_by_name: actor.name,
  };
  const existing = await trx
    .selectFrom('perf_governance_signals')
    .select('version')
    .where('force_code', '=', force)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    await trx
      .insertInto('perf_governance_signals')
      .values({ force_code: force, ...values })
      .execute();
    return 1;
  }
  if (s.version !== undefined && s.version !== existing.version) return null;
  const r = await trx
    .updateTable('perf_governance_signals')
    .set({ ...values, updated_at: new Date(), version: sql`version + 1` as any })
    .where('force_code', '=', force)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

// ---------------------------------------------------------------------------------------------------------------
// Peer reviews

export async function listReviews(db: Db, agencies: string[] | null) {
  const rows = await sql<any>`
    SELECT r.*, a.name AS agency_name,
           (SELECT count(*)::int FROM perf_plan_items i WHERE i.review_id = r.id) AS items,
           (SELECT count(*)::int FROM perf_plan_items i WHERE i.review_id = r.id AND i.status = 'done') AS items_done,
           (SELECT count(*)::int FROM perf_plan_items i WHERE i.review_id = r.id AND i.status IN ('not_started', 'in_progress') AND i.due_on < current_date) AS items_overdue
      FROM perf_peer_reviews r LEFT JOIN agencies a ON a.code = r.agency_code
     ${agencies ? sql`WHERE r.agency_code = ANY(${arr(agencies)})` : sql``}
     ORDER BY r.fieldwork_on DESC, r.reference`.execute(db);
  return rows.rows.map(reviewOut);
}

const reviewOut = (r: any) => ({
  ...r,
  fieldwork_on: day(r.fieldwork_on)!,
  reported_on: day(r.reported_on),
  revisit_due_on: day(r.revisit_due_on),
  revisited_on: day(r.revisited_on),
});

export async function getReview(db: Db, id: string) {
  const r =
    await sql<any>`SELECT r.*, a.name AS agency_name FROM perf_peer_reviews r LEFT JOIN agencies a ON a.code = r.agency_code WHERE r.id = ${id}::uuid`.execute(
      db,
    );
  return r.rows[0] ? reviewOut(r.rows[0]) : null;
}

export async function reviewDetail(db: Db, id: string) {
  const review = await getReview(db, id);
  if (!review) return null;
  const areas = await db
    .selectFrom('perf_peer_review_areas')
    .selectAll()
    .where('review_id', '=', id)
    .execute();
  const items = (
    await db.selectFrom('perf_plan_items').selectAll().where('review_id', '=', id).orderBy('number').execute()
  ).map(itemOut);
  const updates = (
    await db
      .selectFrom('perf_plan_updates as u')
      .innerJoin('perf_plan_items as i', 'i.id', 'u.item_id')
      .select([
        'u.id',
        'u.item_id',
        'u.status',
        'u.note',
        'u.evidence',
        'u.recorded_on',
        'u.recorded_by_name',
        'u.recorded_by_agency',
        'u.created_at',
      ])
      .where('i.review_id', '=', id)
      .orderBy('u.recorded_on')
      .orderBy('u.id')
      .execute()
  ).map((u: any) => ({ ...u, recorded_on: day(u.recorded_on)! }));
  return { review, areas, items, updates };
}

const itemOut = (i: any) => ({ ...i, due_on: day(i.due_on)!, completed_on: day(i.completed_on) });

export async function createReview(
  trx: Db,
  input: {
    agency_code: string;
    agency_type: string;
    region: string | null;
    fieldwork_on: string;
    reported_on: string | null;
    revisit_due_on: string | null;
    lead_reviewer: string;
    summary: string;
    areas: { area: string; rating: string | null; findings: string; good_practice: string }[];
  },
  actor: Actor,
): Promise<{ id: string; reference: string }> {
  const seq = await sql<{ n: number }>`SELECT nextval('perf_peer_review_seq')::int AS n`.execute(trx);
  const reference = `PR-${input.fieldwork_on.slice(0, 4)}-${String(seq.rows[0]!.n).padStart(4, '0')}`;
  const row = await trx
    .insertInto('perf_peer_reviews')
    .values({
      reference,
      agency_code: input.agency_code,
      agency_type: input.agency_type,
      region: input.region,
      status: input.reported_on ? 'reported' : 'planned',
      fieldwork_on: input.fieldwork_on,
      reported_on: input.reported_on,
      revisit_due_on: input.revisit_due_on,
      lead_reviewer: input.lead_reviewer,
      summary: input.summary,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.areas.length)
    await trx
      .insertInto('perf_peer_review_areas')
      .values(input.areas.map((a) => ({ review_id: row.id, ...a })))
      .execute();
  return { id: row.id, reference };
}

/** Applies a patch; returns the new version, or null when the expected version is stale. */
export async function updateReview(trx: Db, id: string, p: ReviewPatch): Promise<number | null> {
  const cur = await trx
    .selectFrom('perf_peer_reviews')
    .select('version')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!cur) return null;
  if (p.version !== undefined && p.version !== cur.version) return null;
  const set: Record<string, unknown> = { updated_at: new Date(), version: sql`version + 1` };
  for (const k of [
    'status',
    'reported_on',
    'revisit_due_on',
    'revisited_on',
    'lead_reviewer',
    'summary',
  ] as const)
    if (p[k] !== undefined) set[k] = p[k];
  const r = await trx
    .updateTable('perf_peer_reviews')
    .set(set)
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  for (const a of p.areas ?? []) {
    await trx
      .insertInto('perf_peer_review_areas')
      .values({ review_id: id, ...a })
      .onConflict((oc) =>
        oc
          .columns(['review_id', 'area'])
          .doUpdateSet({ rating: a.rating, findings: a.findings, good_practice: a.good_practice }),
      )
      .execute();
  }
  return r.version;
}

export async function addItem(
  trx: Db,
  reviewId: string,
  i: ItemInput,
): Promise<{ id: string; number: number }> {
  const n = await sql<{
    n: number;
  }>`SELECT coalesce(max(number), 0)::int + 1 AS n FROM perf_plan_items WHERE review_id = ${reviewId}::uuid`.execute(
    trx,
  );
  const number = n.rows[0]!.n;
  const row = await trx
    .insertInto('perf_plan_items')
    .values({ review_id: reviewId, number, area: i.area, text: i.text, owner: i.owner, due_on: i.due_on })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number };
}

export async function getItem(db: Db, reviewId: string, itemId: string) {
  const i = await db
    .selectFrom('perf_plan_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  return i ? itemOut(i) : null;
}

/** Records progress on a plan item and moves its status; null when the expected version is stale. */
export async function addUpdate(
  trx: Db,
  itemId: string,
  u: UpdateInput,
  actor: Actor,
): Promise<number | null> {
  const cur = await trx
    .selectFrom('perf_plan_items')
    .select(['version'])
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!cur || (u.version !== undefined && u.version !== cur.version)) return null;
  await trx
    .insertInto('perf_plan_updates')
    .values({
      item_id: itemId,
      status: u.status,
      note: u.note,
      evidence: u.evidence,
      recorded_on: u.recorded_on,
      recorded_by: actor.userId,
      recorded_by_name: actor.name,
      recorded_by_agency: actor.agencyCode,
    })
    .execute();
  const r = await trx
    .updateTable('perf_plan_items')
    .set({
      status: u.status,
      completed_on: u.status === 'done' ? u.recorded_on : null,
      updated_at: new Date(),
      version: sql`version + 1` as any,
    })
    .where('id', '=', itemId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

// ---------------------------------------------------------------------------------------------------------------
// Recommendations tracker

export interface RecommendationFilter {
  source?: string;
  status?: RecommendationStatus;
  overdueOn?: IsoDate;
}

export async function listRecommendations(db: Db, f: RecommendationFilter = {}) {
  let q = db.selectFrom('perf_recommendations').selectAll();
  if (f.source) q = q.where('source', '=', f.source);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.overdueOn)
    q = q.where('deadline', '<', f.overdueOn).where('status', 'in', ['not_started', 'in_progress']);
  const rows = await q
    .orderBy(sql`CASE source WHEN '004' THEN 1 WHEN '002' THEN 2 WHEN '001' THEN 3 ELSE 4 END`)
    .orderBy('number')
    .execute();
  return rows.map(recOut);
}

const recOut = (r: any) => ({ ...r, deadline: day(r.deadline), status_on: day(r.status_on) });

export async function getRecommendation(db: Db, idOrCode: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  const r = await db
    .selectFrom('perf_recommendations')
    .selectAll()
    .where(isUuid ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  return r ? recOut(r) : null;
}

export async function recommendationUpdates(db: Db, id: string) {
  const rows = await db
    .selectFrom('perf_recommendation_updates')
    .selectAll()
    .where('recommendation_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((u: any) => ({ ...u, recorded_on: day(u.recorded_on)! }));
}

export async function setRecommendationStatus(
  trx: Db,
  id: string,
  s: { status: RecommendationStatus; evidence: string; recorded_on: IsoDate; version?: number },
  actor: Actor,
): Promise<number | null> {
  const cur = await trx
    .selectFrom('perf_recommendations')
    .select('version')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!cur || (s.version !== undefined && s.version !== cur.version)) return null;
  await trx
    .insertInto('perf_recommendation_updates')
    .values({
      recommendation_id: id,
      status: s.status,
      evidence: s.evidence,
      recorded_on: s.recorded_on,
      recorded_by: actor.userId,
      recorded_by_name: actor.name,
      recorded_by_agency: actor.agencyCode,
    })
    .execute();
  const r = await trx
    .updateTable('perf_recommendations')
    .set({
      status: s.status,
      evidence: s.evidence,
      status_on: s.recorded_on,
      updated_by: actor.userId,
      updated_by_name: actor.name,
      updated_at: new Date(),
      version: sql`version + 1` as any,
    })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

// ---------------------------------------------------------------------------------------------------------------
// Training

export async function listCourses(db: Db) {
  return db.selectFrom('perf_courses').selectAll().orderBy('sort').execute();
}

/** The latest figures of each force for each course (optionally one course), in force order. */
export async function latestCompletion(db: Db, forces: string[] | null, course?: string) {
  const r = await sql<{
    force_code: string;
    course_code: string;
    as_of: string;
    completed: number;
    relevant_headcount: number | null;
  }>`
    SELECT DISTINCT ON (force_code, course_code) force_code, course_code, as_of::text AS as_of, completed, relevant_headcount
      FROM perf_training_completion
     WHERE TRUE ${course ? sql`AND course_code = ${course}` : sql``} ${forces ? sql`AND force_code = ANY(${arr(forces)})` : sql``}
     ORDER BY force_code, course_code, as_of DESC`.execute(db);
  const order = new Map(FORCES.map((f, i) => [f.code, i]));
  return r.rows.sort(
    (a, b) =>
      (order.get(a.force_code) ?? 999) - (order.get(b.force_code) ?? 999) ||
      a.course_code.localeCompare(b.course_code),
  );
}

/** Completions of one course over time in a scope: the sum, on each date, of each force's latest figures then. */
export async function completionSeries(db: Db, forces: string[] | null, course: string) {
  const r = await sql<{ as_of: string; completed: number; headcount: number }>`
    WITH dates AS (SELECT DISTINCT as_of FROM perf_training_completion WHERE course_code = ${course})
    SELECT d.as_of::text AS as_of, coalesce(sum(t.completed), 0)::int AS completed, coalesce(sum(t.relevant_headcount), 0)::int AS headcount
      FROM dates d
      LEFT JOIN LATERAL (
        SELECT DISTINCT ON (force_code) force_code, completed, relevant_headcount FROM perf_training_completion
         WHERE course_code = ${course} AND as_of <= d.as_of ${forces ? sql`AND force_code = ANY(${arr(forces)})` : sql``}
         ORDER BY force_code, as_of DESC) t ON TRUE
     GROUP BY d.as_of ORDER BY d.as_of`.execute(db);
  return r.rows;
}

export async function importTraining(
  trx: Db,
  file: string,
  rows: TrainingRow[],
  errors: { row: number; field: string; value: string; message: string }[],
  total: number,
  actor: Actor,
) {
  const imp = await trx
    .insertInto('perf_training_imports')
    .values({
      file_name: file.slice(0, 200),
      status: errors.length ? 'rejected' : 'imported',
      rows_total: total,
      rows_imported: errors.length ? 0 : rows.length,
      rows_rejected: new Set(errors.map((e) => e.row)).size,
      imported_by: actor.userId,
      agency_code: actor.agencyCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (errors.length) {
    const seen = new Set<string>();
    const unique = errors.filter((e) => !seen.has(`${e.row}|${e.field}`) && seen.add(`${e.row}|${e.field}`));
    for (let i = 0; i < unique.length; i += 1000) {
      await trx
        .insertInto('perf_training_import_errors')
        .values(
          unique.slice(i, i + 1000).map((e) => ({
            import_id: imp.id,
            row_no: e.row,
            field: e.field,
            value: e.value.slice(0, 200),
            message: e.message,
          })),
        )
        .execute();
    }
    return imp.id;
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('perf_training_completion')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, import_id: imp.id })))
      .onConflict((oc) =>
        oc.columns(['force_code', 'course_code', 'as_of']).doUpdateSet((eb) => ({
          completed: eb.ref('excluded.completed'),
          relevant_headcount: eb.ref('excluded.relevant_headcount'),
          import_id: eb.ref('excluded.import_id'),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
  return imp.id;
}

export async function getImport(db: Db, id: string) {
  return db.selectFrom('perf_training_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function importErrors(db: Db, id: string) {
  return db
    .selectFrom('perf_training_import_errors')
    .selectAll()
    .where('import_id', '=', id)
    .orderBy('row_no')
    .orderBy('field')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Figures of this capability for the dashboards

export async function planFigures(db: Db, scope: Scope, today: IsoDate) {
  const agencies = scopeAgencies(scope);
  const r = await sql<{
    items: number;
    done: number;
    overdue: number;
    reviews: number;
    revisits_overdue: number;
  }>`
    SELECT (SELECT count(*)::int FROM perf_plan_items i JOIN perf_peer_reviews r ON r.id = i.review_id ${agencies ? sql`WHERE r.agency_code = ANY(${arr(agencies)})` : sql``}) AS items,
           (SELECT count(*)::int FROM perf_plan_items i JOIN perf_peer_reviews r ON r.id = i.review_id WHERE i.status = 'done' ${agencies ? sql`AND r.agency_code = ANY(${arr(agencies)})` : sql``}) AS done,
           (SELECT count(*)::int FROM perf_plan_items i JOIN perf_peer_reviews r ON r.id = i.review_id WHERE i.status IN ('not_started', 'in_progress') AND i.due_on < ${today}::date ${agencies ? sql`AND r.agency_code = ANY(${arr(agencies)})` : sql``}) AS overdue,
           (SELECT count(*)::int FROM perf_peer_reviews r WHERE r.reported_on IS NOT NULL ${agencies ? sql`AND r.agency_code = ANY(${arr(agencies)})` : sql``}) AS reviews,
           (SELECT count(*)::int FROM perf_peer_reviews r WHERE r.status = 'reported' AND r.revisited_on IS NULL AND r.revisit_due_on < ${today}::date ${agencies ? sql`AND r.agency_code = ANY(${arr(agencies)})` : sql``}) AS revisits_overdue`.execute(
    db,
  );
  return r.rows[0]!;
}

export async function signalsInScope(db: Db, scope: Scope) {
  return listSignals(db, scopeForces(scope));
}
