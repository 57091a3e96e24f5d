/**
 * FollowTheMoney NDJSON import: people, organisations, addresses, vehicles, vessels, accounts, identity documents,
 * events and the edges between them become mentions and relationships of one source ("ftm_import", the file),
 * owned by the importing agency, then resolved against everything Fusion knows.
 */
import { createHash } from 'node:crypto';
import type { HandlingConditions } from '../../kernel/access/policy.js';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import type { FieldError } from '../../kernel/errors.js';
import { validationFailed } from '../../kernel/errors.js';
import type { MentionBatch, PersonMention, RelationshipMention, ThingMention } from '../mentions.js';
import { resolveIncrementally } from '../resolution/incremental.js';
import { recordMentions } from '../store.js';
import { alpha3FromFtm, type FtmEntity, isA, validateEntity } from './model.js';

export interface ImportOptions {
  agencyCode: string;
  handlingCode?: 'P' | 'C';
  conditions?: HandlingConditions | null;
  /** Name of the file, kept as the source id with a hash of its content. */
  name?: string;
  actor: Actor;
}

export interface ImportResult {
  sourceId: string;
  entities: number;
  people: number;
  things: number;
  relationships: number;
  skipped: { line: number; reason: string }[];
  resolved: number;
}

const MAX_ENTITIES = 20_000;
const CHUNK = 400;

/** Parses NDJSON into entities, naming each bad line; throws a 422 when nothing usable is left or lines are wrong. */
export function parseNdjson(text: string): { entities: FtmEntity[]; errors: FieldError[] } {
  const entities: FtmEntity[] = [];
  const errors: FieldError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      errors.push({ field: `line.${i + 1}`, message: `Line ${i + 1} is not JSON.` });
      return;
    }
    const problems = validateEntity(v);
    if (problems.length) errors.push({ field: `line.${i + 1}`, message: `Line ${i + 1}: ${problems.join('; ')}.` });
    else entities.push(v as FtmEntity);
  });
  if (entities.length > MAX_ENTITIES) errors.push({ field: 'file', message: `The file has ${entities.length} entities; import at most ${MAX_ENTITIES} at a time.` });
  return { entities, errors };
}

const first = (e: FtmEntity, k: string): string | null => e.properties[k]?.[0] ?? null;
const all = (e: FtmEntity, k: string): string[] => e.properties[k] ?? [];

const EDGE_ENDS: Record<string, { kind: RelationshipMention['kind']; from: string; to: string; label: string[] }> = {
  Associate: { kind: 'associate', from: 'person', to: 'associate', label: ['relationship'] },
  Family: { kind: 'family', from: 'person', to: 'relative', label: ['relationship'] },
  Membership: { kind: 'membership', from: 'member', to: 'organization', label: ['role'] },
  Ownership: { kind: 'ownership', from: 'owner', to: 'asset', label: ['role', 'ownershipType'] },
  Payment: { kind: 'payment', from: 'payer', to: 'beneficiary', label: ['purpose'] },
  UnknownLink: { kind: 'unknown_link', from: 'subject', to: 'object', label: ['role'] },
};

export async function importFtm(ctx: AppContext, text: string, opts: ImportOptions): Promise<ImportResult> {
  const { entities, errors } = parseNdjson(text);
  if (errors.length) throw validationFailed(errors.slice(0, 50));
  if (!entities.length) throw validationFailed([{ field: 'file', message: 'The file has no FollowTheMoney entities.' }]);
  const sourceId = `${opts.name ?? 'upload'}#${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const skipped: ImportResult['skipped'] = [];

  const people: PersonMention[] = [];
  const things: { field: keyof MentionBatch; mention: ThingMention }[] = [];
  const edges: RelationshipMention[] = [];
  const thing = (field: keyof MentionBatch, mention: ThingMention) => things.push({ field, mention });

  for (const e of entities) {
    if (isA(e.schema, 'Person')) {
      const addressEntity = first(e, 'addressEntity');
      const address = first(e, 'address') ?? (addressEntity ? first(byId.get(addressEntity) ?? { id: '', schema: 'Address', properties: {} }, 'full') : null);
      const given = first(e, 'firstName');
      const family = first(e, 'lastName');
      const nationality = first(e, 'nationality');
      const passport = all(e, 'passportNumber').map((p) => `passport:${p}`);
      people.push({
        ref: e.id,
        role: 'subject',
        givenName: given,
        familyName: family,
        fullName: given || family ? null : first(e, 'name'),
        dateOfBirth: first(e, 'birthDate'),
        nationality: nationality ? alpha3FromFtm(nationality) : null,
        gender: first(e, 'gender'),
        phone: first(e, 'phone'),
        email: first(e, 'email'),
        address,
        identifiers: passport,
      });
      for (const p of all(e, 'phone').slice(1)) thing('phones', { value: p, person: e.id, relation: 'uses' });
      for (const m of all(e, 'email').slice(1)) thing('emails', { value: m, person: e.id, relation: 'uses' });
    } else if (isA(e.schema, 'Organization') || e.schema === 'LegalEntity') {
      thing('organisations', { ref: e.id, value: first(e, 'name') ?? e.id });
    } else if (e.schema === 'Address') {
      const full = first(e, 'full') ?? [first(e, 'street'), first(e, 'city'), first(e, 'postalCode')].filter(Boolean).join(', ');
      const lat = first(e, 'latitude');
      const lon = first(e, 'longitude');
      if (lat && lon) thing('locations', { ref: e.id, value: full || `${lat},${lon}`, details: { lat: Number(lat), lon: Number(lon) } });
      else if (full) thing('addresses', { ref: e.id, value: full, details: first(e, 'postalCode') ? { postcode: first(e, 'postalCode') } : {} });
    } else if (e.schema === 'Vehicle') {
      const model = first(e, 'model');
      thing('vehicles', { ref: e.id, value: first(e, 'registrationNumber') ?? first(e, 'name') ?? e.id, details: model ? { model } : {} });
    } else if (e.schema === 'Vessel') {
      thing('vessels', { ref: e.id, value: first(e, 'name') ?? e.id, details: { imo: first(e, 'imoNumber'), mmsi: first(e, 'mmsi') } });
    } else if (e.schema === 'BankAccount') {
      thing('accounts', { ref: e.id, value: first(e, 'accountNumber') ?? first(e, 'iban') ?? e.id, details: { iban: first(e, 'iban'), accountNumber: first(e, 'accountNumber') } });
    } else if (isA(e.schema, 'Identification')) {
      thing('documents', { ref: e.id, value: first(e, 'number') ?? first(e, 'passportNumber') ?? e.id, person: first(e, 'holder') ?? undefined, relation: 'holds', details: { type: first(e, 'type') ?? (e.schema === 'Passport' ? 'passport' : null) } });
    } else if (e.schema === 'Event') {
      const involved = all(e, 'involved');
      thing('events', { ref: e.id, value: first(e, 'name') ?? first(e, 'summary') ?? 'Event', person: involved[0], relation: 'involved_in', details: { date: first(e, 'date') ?? first(e, 'startDate'), type: first(e, 'summary') } });
      for (const p of involved.slice(1)) edges.push({ kind: 'unknown_link', from: p, to: e.id, relationship: 'involved in' });
    } else if (e.schema === 'Asset') {
      const name = first(e, 'name') ?? e.id;
      thing('engines', { ref: e.id, value: name.replace(/^Engine /, ''), details: { description: first(e, 'description') } });
    } else if (EDGE_ENDS[e.schema]) {
      const end = EDGE_ENDS[e.schema]!;
      const from = first(e, end.from);
      const to = first(e, end.to);
      if (!from || !to) {
        skipped.push({ line: entities.indexOf(e) + 1, reason: `${e.schema} ${e.id} lacks ${end.from} or ${end.to}` });
        continue;
      }
      edges.push({ kind: end.kind, from, to, relationship: end.label.map((k) => first(e, k)).find(Boolean) ?? null, startDate: dateOnly(first(e, 'startDate') ?? first(e, 'date')) });
    } else {
      skipped.push({ line: entities.indexOf(e) + 1, reason: `${e.schema} is not held by Fusion` });
    }
  }
  // A holder or involved person outside this file: keep the thing, drop the tie.
  const personRefs = new Set(people.map((p) => p.ref));
  for (const t of things) if (t.mention.person && !personRefs.has(t.mention.person)) delete t.mention.person;

  const base = { agencyCode: opts.agencyCode, sourceKind: 'ftm_import', sourceId, handlingCode: opts.handlingCode ?? 'P', conditions: opts.conditions ?? null };
  const refs: Record<string, string> = {};
  const personIds: string[] = [];
  let thingCount = 0;
  let relCount = 0;
  await ctx.db.transaction().execute(async (trx) => {
    // People with the things that belong to them, a chunk at a time; then the other things; then the edges.
    for (let i = 0; i < people.length; i += CHUNK) {
      const chunk = people.slice(i, i + CHUNK);
      const mine = new Set(chunk.map((p) => p.ref));
      const batch: MentionBatch = { ...base, people: chunk };
      for (const t of things) if (t.mention.person && mine.has(t.mention.person)) addThing(batch, t.field, t.mention);
      const r = await recordMentions(trx, batch);
      Object.assign(refs, r.refs);
      personIds.push(...r.people.map((p) => p.id));
      thingCount += r.mentions.length;
    }
    const loose = things.filter((t) => !t.mention.person);
    for (let i = 0; i < loose.length; i += CHUNK) {
      const batch: MentionBatch = { ...base };
      for (const t of loose.slice(i, i + CHUNK)) addThing(batch, t.field, t.mention);
      const r = await recordMentions(trx, batch);
      Object.assign(refs, r.refs);
      thingCount += r.mentions.length;
    }
    const usable = edges.filter((e) => {
      const ok = refs[e.from] && refs[e.to];
      if (!ok) skipped.push({ line: 0, reason: `${e.kind} between ${e.from} and ${e.to}: an end is not in the file` });
      return ok;
    });
    for (let i = 0; i < usable.length; i += CHUNK) {
      const r = await recordMentions(trx, { ...base, relationships: usable.slice(i, i + CHUNK).map((e) => ({ ...e, from: refs[e.from]!, to: refs[e.to]! })) });
      relCount += r.relationships.length;
    }
    await ctx.audit.append(trx, opts.actor, [
      { action: 'entities.import.ftm', entityKind: 'ftm_import', entityId: sourceId, detail: { entities: entities.length, people: personIds.length, things: thingCount, relationships: relCount, skipped: skipped.length } },
    ]);
  });
  const resolved = await resolveIncrementally(ctx, personIds, { actor: opts.actor });
  return { sourceId, entities: entities.length, people: personIds.length, things: thingCount, relationships: relCount, skipped, resolved: resolved.resolved };
}

function addThing(batch: MentionBatch, field: keyof MentionBatch, m: ThingMention): void {
  const b = batch as Record<string, unknown>;
  const list = (b[field] as ThingMention[] | undefined) ?? [];
  list.push(m);
  b[field] = list;
}

function dateOnly(v: string | null): string | null {
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}
