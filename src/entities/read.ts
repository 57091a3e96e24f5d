/**
 * Reading the entity model for one user: a person entity with the records they may see (victims redacted), the
 * links between those records with their explanations, the things and relationships recorded with them, and a
 * "match exists: contact X" line for each agency whose records they may not see. Also a thing's page and a
 * person's timeline.
 */
import { sql } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import { defaultModel, type MatchModel } from './matching/model.js';
import { displayName, RELATIONSHIP_LABELS, THING_LABELS, VICTIM_ROLES, type RelationshipKind, type ThingKind } from './mentions.js';
import type { NeedToKnow } from './need-to-know.js';
import { explain, type StoredExplanation } from './resolution/explanation.js';
import { tables } from './store.js';

export const RECORD_COLUMNS = [
  'id',
  'agency_code',
  'source_kind',
  'source_id',
  'source_url',
  'role_in_source',
  'threats',
  'given_name',
  'family_name',
  'full_name',
  'date_of_birth_text',
  'date_of_birth',
  'dob_precision',
  'nationality',
  'gender',
  'phone',
  'email',
  'address',
  'town',
  'postcode',
  'identifiers',
  'force_area_code',
  'handling_code',
  'conditions',
  'recorded_on',
  'review_date',
  'entity_id',
] as const;

export interface PersonRecordView {
  id: string;
  agencyCode: string;
  agencyName: string;
  sourceKind: string;
  sourceId: string;
  sourceUrl: string | null;
  role: string;
  victim: boolean;
  threats: string[];
  name: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  dobPrecision: string | null;
  nationality: string | null;
  gender: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  town: string | null;
  postcode: string | null;
  forceAreaCode: string | null;
  handlingCode: string;
  recordedOn: string;
  reviewDate: string | null;
  entityId: number | null;
  /** Why this user may see it (the policy's reason). */
  why: string;
}

type RecordRow = Record<(typeof RECORD_COLUMNS)[number], any>;

export function recordView(ntk: NeedToKnow, row: RecordRow, why: string): PersonRecordView {
  const r = ntk.redactPerson({ ...row, name: displayName(row) });
  return {
    id: row.id,
    agencyCode: row.agency_code,
    agencyName: ntk.agencies.get(row.agency_code)?.name ?? row.agency_code,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    sourceUrl: row.source_url,
    role: row.role_in_source,
    victim: VICTIM_ROLES.has(row.role_in_source),
    threats: row.threats ?? [],
    name: r.name,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth_text,
    dobPrecision: row.dob_precision,
    nationality: row.nationality,
    gender: row.gender,
    phone: r.phone,
    email: r.email,
    address: r.address,
    town: row.town,
    postcode: r.postcode,
    forceAreaCode: row.force_area_code,
    handlingCode: row.handling_code,
    recordedOn: String(row.recorded_on).slice(0, 10),
    reviewDate: row.review_date ? String(row.review_date).slice(0, 10) : null,
    entityId: row.entity_id === null ? null : Number(row.entity_id),
    why,
  };
}

/** The surviving entity for an id (resolution may have merged it into another); null when unknown. */
export async function currentEntity(ctx: AppContext, id: number): Promise<{ id: number; kind: string; key: string | null; label: string | null } | null> {
  const db = tables(ctx.db);
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const e = await db.selectFrom('entities').select(['id', 'kind', 'key', 'label', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!e) return null;
    if (e.merged_into === null) return { id: Number(e.id), kind: e.kind, key: e.key, label: e.label };
    current = Number(e.merged_into);
  }
  return null;
}

const modelCache = new Map<number, MatchModel>();
export async function modelById(ctx: AppContext, id: number | null): Promise<MatchModel | null> {
  // Links scored before any training used the engine's starting model.
  if (id === null) return defaultModel();
  const hit = modelCache.get(id);
  if (hit) return hit;
  const row = await tables(ctx.db).selectFrom('entity_match_models').select('model').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as MatchModel;
  modelCache.set(id, model);
  return model;
}

export interface LinkView {
  left: string;
  right: string;
  probability: number;
  linked: boolean;
  decision: string | null;
  explanation: ReturnType<typeof explain> | null;
}

export async function linksBetween(ctx: AppContext, ids: readonly string[]): Promise<LinkView[]> {
  if (ids.length < 2) return [];
  const db = tables(ctx.db);
  const rows = await db
    .selectFrom('entity_match_links as l')
    .leftJoin('entity_review_decisions as d', (j) => j.onRef('d.left_record', '=', 'l.left_record').onRef('d.right_record', '=', 'l.right_record'))
    .select(['l.left_record', 'l.right_record', 'l.probability', 'l.linked', 'l.explanation', 'l.model_id', 'd.decision'])
    .where('l.left_record', 'in', [...ids])
    .where('l.right_record', 'in', [...ids])
    .orderBy('l.probability', 'desc')
    .limit(500)
    .execute();
  const out: LinkView[] = [];
  for (const r of rows) {
    const model = await modelById(ctx, r.model_id === null ? null : Number(r.model_id));
    const stored = (typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation) as StoredExplanation | null;
    out.push({
      left: r.left_record,
      right: r.right_record,
      probability: Number(r.probability),
      linked: r.linked,
      decision: r.decision ?? null,
      explanation: stored && model ? explain(stored, model) : null,
    });
  }
  return out;
}

export interface ThingLink {
  entityId: number;
  kind: ThingKind;
  kindLabel: string;
  label: string;
  relation: string | null;
  recordIds: string[];
  /** People (entities) this user can see who share it. */
  sharedWith: number;
}

export interface RelationshipView {
  id: string;
  kind: RelationshipKind;
  label: string;
  relationship: string | null;
  fromRecord: string | null;
  toRecord: string | null;
  otherEntityId: number | null;
  otherKind: string | null;
  otherLabel: string;
  agencyName: string;
  recordedOn: string;
}

export interface PersonEntityView {
  entityId: number;
  records: PersonRecordView[];
  hidden: ReturnType<NeedToKnow['hits']>;
  names: string[];
  datesOfBirth: string[];
  nationalities: string[];
  roles: string[];
  threats: string[];
  victimSomewhere: boolean;
  links: LinkView[];
  things: ThingLink[];
  relationships: RelationshipView[];
}

export async function personEntity(ctx: AppContext, ntk: NeedToKnow, entityId: number): Promise<PersonEntityView> {
  const db = tables(ctx.db);
  const rows = (await db.selectFrom('person_records').select([...RECORD_COLUMNS]).where('entity_id', '=', entityId).orderBy('recorded_on').execute()) as RecordRow[];
  const visible: PersonRecordView[] = [];
  const hiddenRows: RecordRow[] = [];
  for (const r of rows) {
    const d = ntk.decide(r);
    if (d.allow) visible.push(recordView(ntk, r, d.reason));
    else hiddenRows.push(r);
  }
  const ids = visible.map((v) => v.id);
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [links, things, relationships] = await Promise.all([linksBetween(ctx, ids), thingsOf(ctx, ntk, ids), relationshipsOf(ctx, ntk, ids)]);
  return {
    entityId,
    records: visible,
    hidden: ntk.hits(hiddenRows),
    names: uniq(visible.map((v) => v.name)),
    datesOfBirth: uniq(visible.map((v) => v.dateOfBirth)),
    nationalities: uniq(visible.map((v) => v.nationality)),
    roles: uniq(visible.map((v) => v.role)),
    threats: uniq(visible.flatMap((v) => v.threats)),
    victimSomewhere: visible.some((v) => v.victim),
    links,
    things,
    relationships,
  };
}

/** Things recorded with these person records (protected values never appear), with how many visible people share each. */
export async function thingsOf(ctx: AppContext, ntk: NeedToKnow, recordIds: readonly string[]): Promise<ThingLink[]> {
  if (!recordIds.length) return [];
  const rows = await tables(ctx.db)
    .selectFrom('entity_mentions as m')
    .innerJoin('entities as e', 'e.id', 'm.entity_id')
    .select(['m.id', 'm.kind', 'm.relation', 'm.person_record_id', 'm.agency_code', 'm.handling_code', 'm.conditions', 'e.id as entity_id', 'e.label'])
    .where('m.person_record_id', 'in', [...recordIds])
    .where('m.protected', '=', false)
    .execute();
  const byEntity = new Map<number, ThingLink>();
  for (const r of rows) {
    if (!ntk.sees(r)) continue;
    const id = Number(r.entity_id);
    const t = byEntity.get(id) ?? {
      entityId: id,
      kind: r.kind as ThingKind,
      kindLabel: THING_LABELS[r.kind as ThingKind] ?? r.kind,
      label: r.label ?? '',
      relation: r.relation,
      recordIds: [],
      sharedWith: 0,
    };
    t.recordIds.push(r.person_record_id!);
    byEntity.set(id, t);
  }
  if (byEntity.size) {
    const shared = await sql<{ entity_id: number; n: number }>`
      SELECT m.entity_id, count(DISTINCT p.entity_id)::int AS n
        FROM entity_mentions m JOIN person_records p ON p.id = m.person_record_id
       WHERE m.entity_id = ANY(${[...byEntity.keys()]}) AND p.agency_code = ANY(${ntk.visibleAgencyCodes()})
       GROUP BY m.entity_id`.execute(ctx.db);
    for (const s of shared.rows) {
      const t = byEntity.get(Number(s.entity_id));
      if (t) t.sharedWith = Math.max(0, Number(s.n) - 1);
    }
  }
  return [...byEntity.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
}

export async function relationshipsOf(ctx: AppContext, ntk: NeedToKnow, recordIds: readonly string[]): Promise<RelationshipView[]> {
  if (!recordIds.length) return [];
  const db = tables(ctx.db);
  const rels = await db
    .selectFrom('entity_relationships')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', 'in', [...recordIds]), eb('to_id', 'in', [...recordIds])]))
    .limit(500)
    .execute();
  const mine = new Set(recordIds);
  const out: RelationshipView[] = [];
  for (const r of rels) {
    if (!ntk.sees(r)) continue;
    const fromMine = mine.has(r.from_id);
    const otherType = fromMine ? r.to_type : r.from_type;
    const otherId = fromMine ? r.to_id : r.from_id;
    let otherEntityId: number | null = null;
    let otherKind: string | null = null;
    let otherLabel = 'Not recorded';
    if (otherType === 'person') {
      const p = await db.selectFrom('person_records').select([...RECORD_COLUMNS]).where('id', '=', otherId).executeTakeFirst();
      if (p && ntk.sees(p as RecordRow)) {
        otherEntityId = p.entity_id === null ? null : Number(p.entity_id);
        otherKind = 'person';
        otherLabel = String(ntk.redactPerson({ ...(p as RecordRow), name: displayName(p) }).name);
      } else if (p) {
        otherLabel = `A person known to ${ntk.agencies.get(p.agency_code)?.name ?? p.agency_code}`;
      }
    } else {
      const m = await db.selectFrom('entity_mentions').select(['id', 'kind', 'value', 'entity_id', 'protected', 'agency_code', 'handling_code', 'conditions']).where('id', '=', otherId).executeTakeFirst();
      if (m && !m.protected && ntk.sees(m)) {
        otherEntityId = m.entity_id === null ? null : Number(m.entity_id);
        otherKind = m.kind;
        otherLabel = m.value;
      } else if (m?.protected) {
        otherLabel = 'A protected value (withheld)';
      }
    }
    out.push({
      id: r.id,
      kind: r.kind as RelationshipKind,
      label: RELATIONSHIP_LABELS[r.kind as RelationshipKind] ?? r.kind,
      relationship: r.relationship,
      fromRecord: r.from_type === 'person' ? r.from_id : null,
      toRecord: r.to_type === 'person' ? r.to_id : null,
      otherEntityId,
      otherKind,
      otherLabel,
      agencyName: ntk.agencies.get(r.agency_code)?.name ?? r.agency_code,
      recordedOn: String(r.recorded_on).slice(0, 10),
    });
  }
  return out;
}

export interface ThingView {
  entityId: number;
  kind: string;
  kindLabel: string;
  label: string;
  people: { entityId: number | null; name: string; role: string; agencyName: string; relation: string | null; recordedOn: string }[];
  hidden: ReturnType<NeedToKnow['hits']>;
  mentions: number;
}

export async function thingEntity(ctx: AppContext, ntk: NeedToKnow, entity: { id: number; kind: string; label: string | null }): Promise<ThingView> {
  const db = tables(ctx.db);
  const rows = await db
    .selectFrom('entity_mentions as m')
    .leftJoin('person_records as p', 'p.id', 'm.person_record_id')
    .select([
      'm.id',
      'm.agency_code',
      'm.handling_code',
      'm.conditions',
      'm.relation',
      'm.value',
      'm.recorded_on',
      'p.id as pid',
      'p.agency_code as p_agency',
      'p.handling_code as p_handling',
      'p.conditions as p_conditions',
      'p.role_in_source',
      'p.given_name',
      'p.family_name',
      'p.full_name',
      'p.entity_id',
    ])
    .where('m.entity_id', '=', entity.id)
    .where('m.protected', '=', false)
    .orderBy('m.recorded_on', 'desc')
    .limit(1000)
    .execute();
  const people: ThingView['people'] = [];
  const hidden: { id: string; agency_code: string; handling_code: string; conditions: unknown }[] = [];
  for (const r of rows) {
    if (!ntk.sees(r)) {
      hidden.push(r);
      continue;
    }
    if (!r.pid) continue;
    const p = { id: r.pid, agency_code: r.p_agency!, handling_code: r.p_handling!, conditions: r.p_conditions, role_in_source: r.role_in_source, given_name: r.given_name, family_name: r.family_name, full_name: r.full_name };
    if (!ntk.sees(p)) {
      hidden.push(p);
      continue;
    }
    const red = ntk.redactPerson({ ...p, name: displayName(p) });
    people.push({
      entityId: r.entity_id === null ? null : Number(r.entity_id),
      name: String(red.name),
      role: r.role_in_source ?? 'subject',
      agencyName: ntk.agencies.get(r.p_agency!)?.name ?? r.p_agency!,
      relation: r.relation,
      recordedOn: String(r.recorded_on).slice(0, 10),
    });
  }
  return {
    entityId: entity.id,
    kind: entity.kind,
    kindLabel: THING_LABELS[entity.kind as ThingKind] ?? entity.kind,
    label: entity.label ?? '',
    people,
    hidden: ntk.hits(hidden),
    mentions: rows.length,
  };
}

export interface TimelineItem {
  date: string;
  title: string;
  text: string;
  by: string;
  href: string | null;
  threats: string[];
}

/** What happened to a person over time, from the records and the events recorded with them. */
export async function personTimeline(ctx: AppContext, ntk: NeedToKnow, view: PersonEntityView): Promise<TimelineItem[]> {
  const items: TimelineItem[] = view.records.map((r) => ({
    date: r.recordedOn,
    title: `${humanise(r.sourceKind)}: ${humanise(r.role)}`,
    text: `${r.name} recorded as ${humanise(r.role)}${r.threats.length ? ` (${r.threats.map((t) => t.toUpperCase()).join(', ')})` : ''}.`,
    by: r.agencyName,
    href: r.sourceUrl,
    threats: r.threats,
  }));
  const ids = view.records.map((r) => r.id);
  if (ids.length) {
    const events = await tables(ctx.db)
      .selectFrom('entity_mentions')
      .select(['id', 'value', 'details', 'recorded_on', 'agency_code', 'handling_code', 'conditions', 'threats', 'source_url'])
      .where('kind', '=', 'event')
      .where('person_record_id', 'in', ids)
      .execute();
    for (const e of events) {
      if (!ntk.sees(e)) continue;
      const details = (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown>;
      items.push({
        date: typeof details.date === 'string' ? details.date.slice(0, 10) : String(e.recorded_on).slice(0, 10),
        title: typeof details.type === 'string' ? humanise(details.type) : 'Event',
        text: e.value,
        by: ntk.agencies.get(e.agency_code)?.name ?? e.agency_code,
        href: e.source_url,
        threats: e.threats,
      });
    }
  }
  for (const r of view.relationships) {
    items.push({ date: r.recordedOn, title: r.label, text: `${r.relationship ? `${r.relationship}: ` : ''}${r.otherLabel}`, by: r.agencyName, href: null, threats: [] });
  }
  return items.sort((a, b) => b.date.localeCompare(a.date));
}

export const humanise = (s: string) => {
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
};
