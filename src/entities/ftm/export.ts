/**
 * FollowTheMoney export of a network or a selection of people, as one user may pass it on: only records the
 * policy lets them disseminate (onward), victims' identity withheld unless the policy allows it, protected
 * values never included. Phones and email addresses are Person properties (FtM has no phone schema); things
 * become Address, Vehicle, Vessel, BankAccount, Identification, Organization, Event and Asset entities;
 * relationships become Associate, Family, Membership, Ownership, Payment and UnknownLink edges.
 */
import type { AppContext } from '../../kernel/context.js';
import { buildNetwork, type GraphFilter } from '../graph.js';
import { displayName, type ThingKind } from '../mentions.js';
import type { NeedToKnow } from '../need-to-know.js';
import { normaliseAddress, normaliseEmail, normalisePhone, normalisePostcode } from '../matching/normalise.js';
import { RECORD_COLUMNS } from '../read.js';
import { loadProtectedSets, protectedFields } from '../resolution/protected.js';
import { tables } from '../store.js';
import { countryCode, type FtmEntity, validateEntity } from './model.js';

export const personFtmId = (entityId: number) => `fusion-person-${entityId}`;
export const thingFtmId = (kind: string, entityId: number) => `fusion-${kind.replace(/_/g, '-')}-${entityId}`;

const THING_SCHEMA: Record<ThingKind, string | null> = {
  phone: null,
  email: null,
  address: 'Address',
  location: 'Address',
  vehicle: 'Vehicle',
  vessel: 'Vessel',
  engine: 'Asset',
  bank_account: 'BankAccount',
  document: 'Identification',
  organisation: 'Organization',
  event: 'Event',
};

const EDGE: Record<string, { schema: string; source: string; target: string }> = {
  associate: { schema: 'Associate', source: 'person', target: 'associate' },
  family: { schema: 'Family', source: 'person', target: 'relative' },
  membership: { schema: 'Membership', source: 'member', target: 'organization' },
  ownership: { schema: 'Ownership', source: 'owner', target: 'asset' },
  payment: { schema: 'Payment', source: 'payer', target: 'beneficiary' },
  unknown_link: { schema: 'UnknownLink', source: 'subject', target: 'object' },
};

const push = (props: Record<string, string[]>, key: string, value: string | null | undefined) => {
  if (value === null || value === undefined || value === '') return;
  const list = props[key] ?? (props[key] = []);
  if (!list.includes(value)) list.push(value);
};

export interface ExportResult {
  entities: FtmEntity[];
  people: number;
  withheldVictims: number;
  omittedProtected: number;
}

export async function exportFtm(ctx: AppContext, ntk: NeedToKnow, opts: { seeds: number[]; depth?: number; filter?: GraphFilter }): Promise<ExportResult> {
  const network = await buildNetwork(ctx, ntk, { seeds: opts.seeds, depth: opts.depth ?? 1, filter: opts.filter, maxNodes: 2000 });
  const protectedSets = await loadProtectedSets(ctx.db);
  const db = tables(ctx.db);
  const out: FtmEntity[] = [];
  const people = new Map<number, FtmEntity>();
  let withheldVictims = 0;
  let omittedProtected = 0;

  const personIds = network.nodes.filter((n) => n.kind === 'person').map((n) => n.entityId);
  // biome-ignore lint/suspicious/noExplicitAny: rows of RECORD_COLUMNS
  const recordsByEntity = new Map<number, any[]>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db.selectFrom('person_records').select([...RECORD_COLUMNS, 'phone_e164', 'norm_address']).where('entity_id', 'in', personIds.slice(i, i + 1000)).execute();
    for (const r of rows) {
      if (!ntk.sees(r)) continue;
      const list = recordsByEntity.get(Number(r.entity_id)) ?? [];
      list.push(r);
      recordsByEntity.set(Number(r.entity_id), list);
    }
  }
  for (const id of personIds) {
    const records = recordsByEntity.get(id) ?? [];
    if (!records.length) continue;
    const props: Record<string, string[]> = {};
    let withheld = false;
    for (const r of records) {
      const red = ntk.redactPerson({ ...r, name: displayName(r) });
      if (red.given_name !== r.given_name || red.name !== displayName(r)) withheld = true;
      push(props, 'name', String(red.name));
      if (red.given_name === r.given_name) {
        push(props, 'firstName', r.given_name);
        push(props, 'lastName', r.family_name);
        if (r.date_of_birth && r.dob_precision === 'day') push(props, 'birthDate', String(r.date_of_birth).slice(0, 10));
        else if (r.date_of_birth && r.dob_precision === 'year') push(props, 'birthDate', String(r.date_of_birth).slice(0, 4));
        const f = protectedFields(
          { phone: r.phone_e164 ?? normalisePhone(r.phone), email: normaliseEmail(r.email), address: r.norm_address ?? normaliseAddress(r.address), postcode: normalisePostcode(r.postcode) },
          protectedSets,
        );
        if (f.phone || f.email || f.address) omittedProtected++;
        if (!f.phone) push(props, 'phone', r.phone_e164 ?? r.phone);
        if (!f.email) push(props, 'email', r.email);
        if (!f.address && (r.address || r.postcode)) push(props, 'address', [r.address, r.town, r.postcode].filter(Boolean).join(', '));
        for (const ident of r.identifiers ?? []) if (String(ident).toLowerCase().startsWith('passport:')) push(props, 'passportNumber', String(ident).slice(9));
      }
      push(props, 'nationality', countryCode(r.nationality));
      if (r.gender === 'female' || r.gender === 'male') push(props, 'gender', r.gender);
      push(props, 'publisher', ntk.agencies.get(r.agency_code)?.name ?? r.agency_code);
      push(props, 'notes', `${r.role_in_source} in ${r.source_kind.replace(/_/g, ' ')} ${r.source_id}`);
    }
    if (withheld) withheldVictims++;
    const ent: FtmEntity = { id: personFtmId(id), schema: 'Person', properties: props };
    people.set(id, ent);
    out.push(ent);
  }

  // Things as entities (phones and emails as Person properties).
  const nodeToFtm = new Map<string, string>();
  for (const n of network.nodes) if (n.kind === 'person' && people.has(n.entityId)) nodeToFtm.set(n.id, personFtmId(n.entityId));
  const thingNodes = network.nodes.filter((n) => n.kind !== 'person');
  const detailsOf = new Map<number, Record<string, unknown>>();
  if (thingNodes.length) {
    const rows = await db
      .selectFrom('entity_mentions')
      .select(['entity_id', 'details', 'value', 'agency_code', 'handling_code', 'conditions', 'id'])
      .where('entity_id', 'in', thingNodes.map((n) => n.entityId))
      .where('protected', '=', false)
      .execute();
    for (const r of rows) {
      if (!ntk.sees(r)) continue;
      const d = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>;
      detailsOf.set(Number(r.entity_id), { ...(detailsOf.get(Number(r.entity_id)) ?? {}), ...d, _value: r.value });
    }
  }
  for (const n of thingNodes) {
    const kind = n.kind as ThingKind;
    const schema = THING_SCHEMA[kind];
    if (!schema) continue;
    const d = detailsOf.get(n.entityId) ?? {};
    const props: Record<string, string[]> = {};
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
    switch (kind) {
      case 'address':
        push(props, 'full', n.label);
        push(props, 'postalCode', str(d.postcode));
        break;
      case 'location':
        push(props, 'full', n.label);
        push(props, 'latitude', str(d.lat));
        push(props, 'longitude', str(d.lon));
        break;
      case 'vehicle':
        push(props, 'registrationNumber', n.label);
        push(props, 'model', [str(d.make), str(d.model)].filter(Boolean).join(' ') || null);
        push(props, 'name', n.label);
        break;
      case 'vessel':
        push(props, 'name', n.label);
        push(props, 'imoNumber', str(d.imo));
        push(props, 'mmsi', str(d.mmsi));
        break;
      case 'engine':
        push(props, 'name', `Engine ${n.label}`);
        push(props, 'description', [str(d.make), str(d.supplier) ? `supplied by ${str(d.supplier)}` : null].filter(Boolean).join(', ') || null);
        break;
      case 'bank_account':
        push(props, 'accountNumber', str(d.accountNumber) ?? n.label);
        push(props, 'iban', str(d.iban));
        break;
      case 'document':
        push(props, 'number', n.label.includes(':') ? n.label.slice(n.label.indexOf(':') + 1) : n.label);
        push(props, 'type', str(d.type));
        break;
      case 'organisation':
        push(props, 'name', n.label);
        break;
      case 'event':
        push(props, 'name', n.label);
        push(props, 'date', str(d.date));
        push(props, 'summary', str(d.type));
        break;
    }
    const id = thingFtmId(kind, n.entityId);
    nodeToFtm.set(n.id, id);
    out.push({ id, schema, properties: props });
  }

  // Person -> thing facts: properties, holders, addresses; other things as unknown links or ownership.
  for (const e of network.edges) {
    const src = network.nodes.find((n) => n.id === e.source);
    const dst = network.nodes.find((n) => n.id === e.target);
    if (!src || !dst) continue;
    if (e.id.startsWith('m')) {
      const [person, thing] = src.kind === 'person' ? [src, dst] : [dst, src];
      const p = people.get(person.entityId);
      if (!p) continue;
      const victimWithheld = (p.properties.firstName ?? []).length === 0 && (p.properties.name ?? []).some((x) => x.startsWith('[withheld'));
      if (victimWithheld) continue;
      if (thing.kind === 'phone') push(p.properties, 'phone', thing.label);
      else if (thing.kind === 'email') push(p.properties, 'email', thing.label);
      else if (thing.kind === 'address') push(p.properties, 'addressEntity', nodeToFtm.get(thing.id));
      else if (thing.kind === 'document') {
        const doc = out.find((x) => x.id === nodeToFtm.get(thing.id));
        if (doc) push(doc.properties, 'holder', p.id);
      } else if (thing.kind === 'event') {
        const ev = out.find((x) => x.id === nodeToFtm.get(thing.id));
        if (ev) push(ev.properties, 'involved', p.id);
      } else if (nodeToFtm.has(thing.id)) {
        const owns = /own|keeper/.test(e.kind);
        out.push({
          id: `fusion-link-${e.id.slice(1)}`,
          schema: owns ? 'Ownership' : 'UnknownLink',
          properties: owns ? { owner: [p.id], asset: [nodeToFtm.get(thing.id)!], role: [e.label] } : { subject: [p.id], object: [nodeToFtm.get(thing.id)!], role: [e.label] },
        });
      }
      continue;
    }
    const edge = EDGE[e.kind];
    const a = nodeToFtm.get(e.source);
    const b = nodeToFtm.get(e.target);
    if (!edge || !a || !b) continue;
    const props: Record<string, string[]> = { [edge.source]: [a], [edge.target]: [b] };
    if (e.kind === 'associate' || e.kind === 'family') push(props, 'relationship', e.label);
    else push(props, e.kind === 'payment' ? 'purpose' : 'role', e.label);
    if (e.date) push(props, 'date', e.date);
    push(props, 'publisher', e.agencyName);
    out.push({ id: `fusion-rel-${e.id.slice(1)}`, schema: edge.schema, properties: props });
  }
  for (const ent of out) {
    const errors = validateEntity(ent);
    if (errors.length) throw new Error(`FtM export produced an invalid ${ent.schema}: ${errors.join('; ')}`);
  }
  return { entities: out, people: people.size, withheldVictims, omittedProtected };
}

export function toNdjson(entities: readonly FtmEntity[]): string {
  return entities.map((e) => JSON.stringify(e)).join('\n') + (entities.length ? '\n' : '');
}
