/**
 * The entities store: the functions other capabilities call to put what their records say about people and
 * things into the shared entity model, inside their own transaction, and small read helpers over it.
 *
 *   const ids = await recordMentions(trx, { agencyCode, sourceKind: 'referral', sourceId, handlingCode, people: [...] });
 *   // after the transaction commits:
 *   await resolveIncrementally(ctx, ids.people.map((p) => p.id));
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AgencyType } from '../kernel/reference/agencies.js';
import { validationFailed, zodFields } from '../kernel/errors.js';
import { forceAreaFor } from './geo/force-areas.js';
import {
  BATCH_THING_FIELDS,
  impliedThings,
  type MentionBatch,
  MentionBatchSchema,
  personRow,
  protectedLookups,
  type ThingKind,
  thingKey,
} from './mentions.js';
import type { EntityTables } from './tables.js';

export type Db = Kysely<any> | Transaction<any>;
export const tables = (db: Db) => db.withTables<EntityTables>() as unknown as Kysely<EntityTables>;

export interface AgencyInfo {
  code: string;
  name: string;
  type: AgencyType;
  forceAreaCode: string | null;
}

// Agencies are reference data written by a migration: read once per database handle.
const agencyCache = new WeakMap<object, Promise<Map<string, AgencyInfo>>>();

export function agencyDirectory(db: Db): Promise<Map<string, AgencyInfo>> {
  const key = db as object;
  let cached = agencyCache.get(key);
  if (!cached) {
    cached = (async () => {
      const rows = await sql<{ code: string; name: string; type: AgencyType; force_area_code: string | null }>`
        SELECT code, name, type, force_area_code FROM agencies`.execute(db);
      return new Map(rows.rows.map((r) => [r.code, { code: r.code, name: r.name, type: r.type, forceAreaCode: r.force_area_code }]));
    })();
    cached.catch(() => agencyCache.delete(key));
    agencyCache.set(key, cached);
  }
  return cached;
}

export interface RecordedMentions {
  /** The person records written, in the order given, with the batch ref when one was given. */
  people: { ref: string | null; id: string }[];
  /** The entity mentions written (including those implied by people's phones, emails, addresses and documents). */
  mentions: { ref: string | null; id: string; kind: ThingKind; entityId: number | null; protected: boolean }[];
  relationships: { id: string }[];
  /** ref -> "person:<uuid>" or "mention:<uuid>", for relationships recorded later. */
  refs: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records what one source record (a referral, a debrief, an intelligence report, an OCG nominal...) says about
 * people, things and their relationships, with its provenance. Call it inside the transaction that writes the
 * source record. Things whose value is on the protected-values list are stored for provenance but never become a
 * link node. Person records stay unresolved until `resolveIncrementally` (or the batch resolution) runs.
 * Throws a 422 AppError with field paths when the batch is not valid.
 */
export async function recordMentions(trx: Db, input: MentionBatch): Promise<RecordedMentions> {
  const parsed = MentionBatchSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(zodFields(parsed.error, 'mentions'));
  const b = parsed.data;
  const db = tables(trx);
  const agencies = await agencyDirectory(trx);
  const agency = agencies.get(b.agencyCode);
  if (!agency) throw validationFailed([{ field: 'mentions.agencyCode', message: `Agency code: there is no agency "${b.agencyCode}".` }]);

  const provenance = {
    agency_code: b.agencyCode,
    source_kind: b.sourceKind,
    source_id: b.sourceId,
    source_url: b.sourceUrl ?? null,
    threats: b.threats ?? [],
    handling_code: b.handlingCode,
    conditions: b.conditions ? JSON.stringify(b.conditions) : null,
    recorded_on: b.recordedOn ?? new Date().toISOString().slice(0, 10),
    review_date: b.reviewDate ?? null,
  };
  const refs: Record<string, string> = {};
  const result: RecordedMentions = { people: [], mentions: [], relationships: [], refs };
  const fields: { field: string; message: string }[] = [];

  // People.
  const personRows = (b.people ?? []).map((p, i) => {
    const id = randomUUID();
    if (p.ref) {
      if (refs[p.ref]) fields.push({ field: `mentions.people.${i}.ref`, message: `Ref "${p.ref}" is used twice.` });
      refs[p.ref] = `person:${id}`;
    }
    result.people.push({ ref: p.ref ?? null, id });
    const row = personRow(p, forceAreaFor);
    return { id, ...provenance, ...row, force_area_code: row.force_area_code ?? agency.forceAreaCode };
  });

  // Things: those listed, then those implied by each person's own fields.
  interface ThingDraft {
    id: string;
    ref: string | null;
    kind: ThingKind;
    value: string;
    key: string | null;
    details: Record<string, unknown>;
    personRecordId: string | null;
    relation: string | null;
  }
  const things: ThingDraft[] = [];
  for (const [field, kind] of BATCH_THING_FIELDS) {
    const list = (b[field] as { ref?: string; value: string; person?: string; relation?: string; details?: Record<string, unknown> }[] | undefined) ?? [];
    list.forEach((t, i) => {
      const id = randomUUID();
      let personRecordId: string | null = null;
      if (t.person) {
        const target = refs[t.person] ?? (t.person.startsWith('person:') && UUID.test(t.person.slice(7)) ? t.person : undefined);
        if (!target?.startsWith('person:')) fields.push({ field: `mentions.${field}.${i}.person`, message: `Person: no person has the ref "${t.person}" in this batch.` });
        else personRecordId = target.slice(7);
      }
      if (t.ref) {
        if (refs[t.ref]) fields.push({ field: `mentions.${field}.${i}.ref`, message: `Ref "${t.ref}" is used twice.` });
        refs[t.ref] = `mention:${id}`;
      }
      const details = t.details ?? {};
      const key = kind === 'event' ? `event:${id}` : thingKey(kind, t.value, details);
      things.push({ id, ref: t.ref ?? null, kind, value: t.value, key, details, personRecordId, relation: t.relation ?? null });
    });
  }
  (b.people ?? []).forEach((p, i) => {
    for (const t of impliedThings(p)) {
      things.push({ id: randomUUID(), ref: null, kind: t.kind, value: t.value, key: thingKey(t.kind, t.value, t.details), details: t.details, personRecordId: personRows[i]!.id, relation: t.relation });
    }
  });

  const relationships = (b.relationships ?? []).map((r, i) => {
    const end = (ref: string, side: 'from' | 'to') => {
      const target = refs[ref] ?? (/^(person|mention):/.test(ref) && UUID.test(ref.replace(/^(person|mention):/, '')) ? ref : undefined);
      if (!target) {
        fields.push({ field: `mentions.relationships.${i}.${side}`, message: `${side === 'from' ? 'From' : 'To'}: "${ref}" is neither a ref in this batch nor "person:<id>" or "mention:<id>".` });
        return { type: 'person' as const, id: '00000000-0000-0000-0000-000000000000' };
      }
      const colon = target.indexOf(':');
      return { type: target.slice(0, colon) as 'person' | 'mention', id: target.slice(colon + 1) };
    };
    const from = end(r.from, 'from');
    const to = end(r.to, 'to');
    return {
      id: randomUUID(),
      kind: r.kind,
      from_type: from.type,
      from_id: from.id,
      to_type: to.type,
      to_id: to.id,
      relationship: r.relationship ?? null,
      details: JSON.stringify(r.details ?? {}),
      start_date: r.startDate ?? null,
      end_date: r.endDate ?? null,
      ...provenance,
    };
  });
  if (fields.length) throw validationFailed(fields);

  // Protected values: which of these things may never become link nodes.
  const lookups = things.flatMap((t, i) => protectedLookups(t.kind, t.value, t.details).map((l) => ({ ...l, i })));
  const protectedThing = new Set<number>();
  if (lookups.length) {
    const hits = await db
      .selectFrom('protected_values')
      .select(['kind', 'key'])
      .where('key', 'in', [...new Set(lookups.map((l) => l.key))])
      .execute();
    const hitSet = new Set(hits.map((h) => `${h.kind}\u0000${h.key}`));
    for (const l of lookups) if (hitSet.has(`${l.kind}\u0000${l.key}`)) protectedThing.add(l.i);
  }

  // Entities of things, by (kind, key); protected things and keyless ones join nothing.
  const wanted = new Map<string, { kind: string; key: string; label: string }>();
  things.forEach((t, i) => {
    if (t.key && !protectedThing.has(i)) wanted.set(`${t.kind}\u0000${t.key}`, { kind: t.kind, key: t.key, label: t.value.slice(0, 200) });
  });
  const entityIds = new Map<string, number>();
  if (wanted.size) {
    const rows = await db
      .insertInto('entities')
      .values([...wanted.values()])
      .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ kind: (eb) => eb.ref('excluded.kind') }))
      .returning(['id', 'kind', 'key'])
      .execute();
    for (const r of rows) entityIds.set(`${r.kind}\u0000${r.key}`, Number(r.id));
  }

  if (personRows.length) {
    for (let i = 0; i < personRows.length; i += 200) await db.insertInto('person_records').values(personRows.slice(i, i + 200) as any).execute();
  }
  if (things.length) {
    const rows = things.map((t, i) => {
      const isProtected = protectedThing.has(i);
      const entityId = !isProtected && t.key ? (entityIds.get(`${t.kind}\u0000${t.key}`) ?? null) : null;
      result.mentions.push({ ref: t.ref, id: t.id, kind: t.kind, entityId, protected: isProtected });
      return {
        id: t.id,
        kind: t.kind,
        value: t.value,
        key: t.key,
        details: JSON.stringify(t.details),
        person_record_id: t.personRecordId,
        relation: t.relation,
        ...provenance,
        entity_id: entityId,
        protected: isProtected,
      };
    });
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('entity_mentions').values(rows.slice(i, i + 200)).execute();
  }
  if (relationships.length) {
    for (let i = 0; i < relationships.length; i += 200) await db.insertInto('entity_relationships').values(relationships.slice(i, i + 200)).execute();
    for (const r of relationships) result.relationships.push({ id: r.id });
  }
  return result;
}

/**
 * Removes what one source record said (when the source record is deleted or re-recorded): its person records,
 * their mentions and its relationships. Entities keep their ids; the next resolution run re-clusters.
 */
export async function forgetMentions(trx: Db, sourceKind: string, sourceId: string): Promise<{ people: number; mentions: number; relationships: number }> {
  const db = tables(trx);
  const rel = await db.deleteFrom('entity_relationships').where('source_kind', '=', sourceKind).where('source_id', '=', sourceId).executeTakeFirst();
  const men = await db.deleteFrom('entity_mentions').where('source_kind', '=', sourceKind).where('source_id', '=', sourceId).executeTakeFirst();
  const gone = await db.deleteFrom('person_records').where('source_kind', '=', sourceKind).where('source_id', '=', sourceId).returning('id').execute();
  if (gone.length) {
    const ids = gone.map((g) => g.id);
    await db.deleteFrom('entity_match_links').where((eb) => eb.or([eb('left_record', 'in', ids), eb('right_record', 'in', ids)])).execute();
  }
  return { people: gone.length, mentions: Number(men.numDeletedRows), relationships: Number(rel.numDeletedRows) };
}

/** The person records one source record mentions (ids, roles, resolved entity), for the source's own pages. */
export async function mentionsOf(db: Db, sourceKind: string, sourceId: string) {
  return tables(db)
    .selectFrom('person_records')
    .select(['id', 'role_in_source', 'entity_id', 'given_name', 'family_name', 'full_name'])
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId)
    .orderBy('seq')
    .execute();
}

export { resolveIncrementally } from './resolution/incremental.js';
