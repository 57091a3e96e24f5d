/** NCCU contacts, their subjects, the intelligence document each force owes, chases and return rates. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Principal } from '../../kernel/access/principal.js';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, forbidden, notFound, validationFailed } from '../../kernel/errors.js';
import { agencies } from '../agencies.js';
import { toCountryCode } from '../countries.js';
import { changesSince, idb, recordVersion, StaleEdit } from '../db.js';
import { feedPeople } from '../entity-feed.js';
import { publish } from '../live/bus.js';
import { dueDate, type NccuContactInput, returnRates } from '../model/nccu.js';
import { diff } from '../model/versioning.js';
import type { IntelTables } from '../tables.js';
import { decide, KIND_NCCU, KIND_REPORT, metaOf, visibleSql } from '../visibility.js';
import { loadReport } from './reports.js';

export type NccuRow = Selectable<IntelTables['intel_nccu_contacts']>;
const NCCU_ROLE_TO_ENTITY: Record<string, string> = {
  suspected_irregular_migrant: 'migrant',
  suspected_facilitator: 'suspect',
  potential_victim: 'potential_victim',
  other: 'other',
};
const today = () => new Date().toISOString().slice(0, 10);
const day = (v: unknown) => (v ? String(v).slice(0, 10) : null);

export async function createContact(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  input: NccuContactInput,
) {
  const force = (await agencies(ctx)).get(input.forceCode);
  if (force?.type !== 'police_force')
    throw validationFailed([{ field: 'forceCode', message: `${input.forceCode} is not a police force` }]);
  if (principal.agencyType === 'police_force' && principal.agencyCode !== force.code) {
    throw validationFailed([{ field: 'forceCode', message: 'A force logs its own contacts with the NCCU' }]);
  }
  const contactedAt = new Date(
    input.contactedAt.length === 10 ? `${input.contactedAt}T12:00:00Z` : input.contactedAt,
  );
  if (contactedAt.getTime() > Date.now() + 3600_000)
    throw validationFailed([{ field: 'contactedAt', message: 'The contact cannot be in the future' }]);
  const sentOn = input.sendDocument ? today() : null;
  const created = await ctx.db.transaction().execute(async (trx) => {
    const row = await idb(trx)
      .insertInto('intel_nccu_contacts')
      .values({
        owning_agency_code: principal.agencyCode,
        owning_agency_type: principal.agencyType,
        force_code: force.code,
        region: force.region,
        contacted_at: contactedAt,
        incident_type: input.incidentType,
        location: input.location ?? null,
        summary: input.summary,
        officer_name: input.officerName ?? null,
        threats: input.threats,
        subjects_count: input.subjects.length,
        document_status: sentOn ? 'due' : 'not_requested',
        document_sent_on: sentOn,
        document_due_on: sentOn ? dueDate(sentOn) : null,
        document_returned_on: null,
        returned_report_id: null,
        last_chased_on: null,
        conditions: null,
        created_by: principal.userId,
        updated_by: principal.userId,
      })
      .returning([
        'id',
        'reference',
        'owning_agency_code',
        'owning_agency_type',
        'handling_code',
        'conditions',
      ])
      .executeTakeFirstOrThrow();
    if (input.subjects.length) {
      await idb(trx)
        .insertInto('intel_nccu_subjects')
        .values(
          input.subjects.map((s) => ({
            contact_id: row.id,
            role: s.role,
            given_name: s.givenName ?? null,
            family_name: s.familyName ?? null,
            date_of_birth_text: s.dateOfBirth ?? null,
            nationality: toCountryCode(s.nationality) ?? s.nationality ?? null,
          })),
        )
        .execute();
    }
    await feedPeople(
      trx,
      {
        agencyCode: principal.agencyCode,
        kind: KIND_NCCU,
        id: row.id,
        url: `/nccu/${row.id}`,
        handlingCode: 'P',
        conditions: null,
        threats: input.threats,
        recordedOn: contactedAt.toISOString().slice(0, 10),
      },
      input.subjects.map((s) => ({
        role: NCCU_ROLE_TO_ENTITY[s.role] ?? 'other',
        givenName: s.givenName ?? null,
        familyName: s.familyName ?? null,
        dateOfBirth: s.dateOfBirth ?? null,
        nationality: toCountryCode(s.nationality) ?? s.nationality ?? null,
      })),
    );
    await recordVersion(trx, KIND_NCCU, row.id, 1, principal, { created: { from: null, to: row.reference } });
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.nccu.create',
        entityKind: KIND_NCCU,
        entityId: row.id,
        detail: { force: force.code, subjects: input.subjects.length, documentSent: !!sentOn },
      },
    ]);
    return row;
  });
  publish(ctx, {
    kind: KIND_NCCU,
    id: created.id,
    version: 1,
    action: 'created',
    byName: principal.name,
    meta: metaOf(KIND_NCCU, created),
  });
  return created;
}

export async function loadContact(db: Kysely<any>, id: string): Promise<NccuRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return idb(db).selectFrom('intel_nccu_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function visibleContact(ctx: AppContext, principal: Principal, id: string) {
  const row = await loadContact(ctx.db, id);
  if (!row || !decide(ctx, principal, KIND_NCCU, row).allow) throw notFound('NCCU contact');
  return row;
}

export async function contactSubjects(db: Kysely<any>, id: string) {
  return idb(db)
    .selectFrom('intel_nccu_subjects')
    .selectAll()
    .where('contact_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function contactChases(db: Kysely<any>, id: string) {
  return idb(db)
    .selectFrom('intel_nccu_chases as c')
    .leftJoin('users as u', 'u.id', 'c.chased_by')
    .select(['c.chased_on', 'c.note', 'u.name as by_name'])
    .where('c.contact_id', '=', id)
    .orderBy('c.id')
    .execute();
}

type DocAction =
  | { kind: 'send' }
  | { kind: 'return'; reportId: string | null }
  | { kind: 'chase'; note: string | null };

/** NCCU sends the document; the force returns it (linking its intelligence report); the NCCU chases it. */
export async function documentAction(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  action: DocAction,
  expectedVersion: number | null = null,
) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContact(trx, id);
    if (!row || !decide(ctx, principal, KIND_NCCU, row).allow) throw notFound('NCCU contact');
    if (expectedVersion !== null && expectedVersion !== row.version) {
      throw new StaleEdit({
        currentVersion: row.version,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_NCCU, id, expectedVersion),
      });
    }
    const isOwner = row.owning_agency_code === principal.agencyCode;
    const isForce = row.force_code === principal.agencyCode;
    let set: Record<string, unknown> = {};
    let changes: Record<string, unknown> = {};
    if (action.kind === 'send') {
      if (!isOwner)
        throw forbidden(
          'Only the NCCU (the agency that logged the contact) sends the intelligence document.',
        );
      if (row.document_status !== 'not_requested')
        throw new AppError(409, 'conflict', 'The intelligence document has already been sent.', [
          { field: 'document', message: 'already sent' },
        ]);
      const sent = today();
      set = { document_status: 'due', document_sent_on: sent, document_due_on: dueDate(sent) };
      changes = { documentStatus: { from: 'not_requested', to: 'due' } };
    } else if (action.kind === 'return') {
      if (!isForce && !isOwner)
        throw forbidden('Only the force that contacted the NCCU returns its intelligence document.');
      if (row.document_status !== 'due')
        throw new AppError(
          409,
          'conflict',
          row.document_status === 'returned'
            ? 'The document has already been returned.'
            : 'No document has been sent for this contact yet.',
          [{ field: 'document', message: row.document_status }],
        );
      if (action.reportId) {
        const rep = await loadReport(trx, action.reportId);
        if (!rep || !decide(ctx, principal, KIND_REPORT, rep).allow)
          throw validationFailed([{ field: 'reportId', message: 'The intelligence report was not found' }]);
        if (rep.owning_agency_code !== principal.agencyCode)
          throw validationFailed([{ field: 'reportId', message: 'Link a report your agency wrote' }]);
      }
      set = {
        document_status: 'returned',
        document_returned_on: today(),
        returned_report_id: action.reportId,
      };
      changes = { documentStatus: { from: 'due', to: 'returned' } };
    } else {
      if (!isOwner) throw forbidden('Only the NCCU chases its intelligence documents.');
      if (row.document_status !== 'due')
        throw new AppError(409, 'conflict', 'Only a document that is due can be chased.', [
          { field: 'document', message: row.document_status },
        ]);
      await idb(trx)
        .insertInto('intel_nccu_chases')
        .values({ contact_id: id, chased_on: today(), chased_by: principal.userId, note: action.note })
        .execute();
      set = { last_chased_on: today(), chase_count: row.chase_count + 1 };
      changes = { chased: { from: row.last_chased_on ? day(row.last_chased_on) : null, to: today() } };
    }
    const updated = await idb(trx)
      .updateTable('intel_nccu_contacts')
      .set({
        ...set,
        updated_by: principal.userId,
        updated_at: new Date(),
        version: sql`version + 1`,
      } as never)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated)
      throw new StaleEdit({
        currentVersion: row.version + 1,
        yourVersion: row.version,
        changesSince: await changesSince(trx, KIND_NCCU, id, row.version),
      });
    await recordVersion(trx, KIND_NCCU, id, updated.version, principal, changes);
    await ctx.audit.append(trx, actor, [
      { action: `intelligence.nccu.document.${action.kind}`, entityKind: KIND_NCCU, entityId: id },
    ]);
    return { row, version: updated.version };
  });
  publish(ctx, {
    kind: KIND_NCCU,
    id,
    version: result.version,
    action: `document-${action.kind}`,
    byName: principal.name,
    meta: metaOf(KIND_NCCU, result.row),
  });
  return result;
}

/** Edits the incident details under optimistic concurrency. */
export async function updateContact(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: { location?: string | null; summary?: string; officerName?: string | null; incidentType?: string },
) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContact(trx, id);
    if (!row || !decide(ctx, principal, KIND_NCCU, row).allow) throw notFound('NCCU contact');
    if (row.owning_agency_code !== principal.agencyCode)
      throw forbidden('Only the agency that logged the contact may change it.');
    if (row.version !== expectedVersion)
      throw new StaleEdit({
        currentVersion: row.version,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_NCCU, id, expectedVersion),
      });
    const before = {
      location: row.location,
      summary: row.summary,
      officerName: row.officer_name,
      incidentType: row.incident_type,
    };
    const changes = diff(before, patch);
    if (!Object.keys(changes).length) return { row, version: row.version, changes };
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    const updated = await idb(trx)
      .updateTable('intel_nccu_contacts')
      .set({
        location: after.location ?? null,
        summary: after.summary!,
        officer_name: after.officerName ?? null,
        incident_type: after.incidentType!,
        updated_by: principal.userId,
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated)
      throw new StaleEdit({
        currentVersion: expectedVersion + 1,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_NCCU, id, expectedVersion),
      });
    await recordVersion(trx, KIND_NCCU, id, updated.version, principal, changes);
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.nccu.update',
        entityKind: KIND_NCCU,
        entityId: id,
        detail: { fields: Object.keys(changes) },
      },
    ]);
    return { row, version: updated.version, changes };
  });
  if (Object.keys(result.changes).length)
    publish(ctx, {
      kind: KIND_NCCU,
      id,
      version: result.version,
      action: 'updated',
      byName: principal.name,
      meta: metaOf(KIND_NCCU, result.row),
    });
  return result;
}

export interface ContactFilters {
  force?: string;
  document?: 'not_requested' | 'due' | 'overdue' | 'returned';
  from?: string;
  to?: string;
}

export async function listContacts(
  ctx: AppContext,
  principal: Principal,
  f: ContactFilters,
  page: { limit: number; offset: number },
) {
  let q = idb(ctx.db)
    .selectFrom('intel_nccu_contacts as c')
    .leftJoin('agencies as a', 'a.code', 'c.force_code')
    .where(visibleSql('c', principal, ctx.agreements.all(), KIND_NCCU));
  if (f.force) q = q.where('c.force_code', '=', f.force);
  if (f.document === 'overdue')
    q = q.where('c.document_status', '=', 'due').where(sql<boolean>`c.document_due_on < current_date`);
  else if (f.document) q = q.where('c.document_status', '=', f.document);
  if (f.from) q = q.where(sql<boolean>`c.contacted_at >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`c.contacted_at < ${f.to}::date + 1`);
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const rows = await q
    .select([
      'c.id',
      'c.reference',
      'c.owning_agency_code',
      'c.owning_agency_type',
      'c.handling_code',
      'c.conditions',
      'c.force_code',
      'a.name as force_name',
      'c.contacted_at',
      'c.incident_type',
      'c.location',
      'c.subjects_count',
      'c.document_status',
      'c.document_sent_on',
      'c.document_due_on',
      'c.document_returned_on',
      'c.chase_count',
      'c.last_chased_on',
      'c.version',
    ])
    .orderBy('c.contacted_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    rows: rows
      .filter((r) => decide(ctx, principal, KIND_NCCU, r).allow)
      .map((r) => ({
        ...r,
        document_sent_on: day(r.document_sent_on),
        document_due_on: day(r.document_due_on),
        document_returned_on: day(r.document_returned_on),
        last_chased_on: day(r.last_chased_on),
      })),
  };
}

/** Documents sent and not yet returned, oldest due date first: the chase list. */
export async function chaseList(ctx: AppContext, principal: Principal, f: { force?: string } = {}) {
  const res = await listContacts(
    ctx,
    principal,
    { document: 'due', force: f.force },
    { limit: 2000, offset: 0 },
  );
  const t = today();
  return res.rows
    .map((r) => ({
      ...r,
      overdue: !!r.document_due_on && r.document_due_on < t,
      daysOverdue:
        r.document_due_on && r.document_due_on < t
          ? Math.round((Date.parse(t) - Date.parse(r.document_due_on)) / 86_400_000)
          : 0,
    }))
    .sort((a, b) => (a.document_due_on ?? '').localeCompare(b.document_due_on ?? ''));
}

/** Return rate by force for documents sent in a period (aggregate counts: no personal data). */
export async function returnRatesByForce(ctx: AppContext, opts: { from?: string; to?: string } = {}) {
  const r = await sql<{ force_code: string; name: string; sent: number; returned: number; overdue: number }>`
    SELECT c.force_code, a.name,
      count(*)::int AS sent,
      count(*) FILTER (WHERE document_status = 'returned')::int AS returned,
      count(*) FILTER (WHERE document_status = 'due' AND document_due_on < current_date)::int AS overdue
    FROM intel_nccu_contacts c LEFT JOIN agencies a ON a.code = c.force_code
    WHERE document_sent_on IS NOT NULL AND document_sent_on BETWEEN ${opts.from ?? '1900-01-01'}::date AND ${opts.to ?? '2999-12-31'}::date
    GROUP BY 1, 2 ORDER BY 3 DESC, 2`.execute(ctx.db);
  const contacts = await sql<{ contacts: number; subjects: number }>`
    SELECT count(*)::int AS contacts, COALESCE(sum(subjects_count), 0)::int AS subjects FROM intel_nccu_contacts
    WHERE contacted_at >= ${opts.from ?? '1900-01-01'}::date AND contacted_at < ${opts.to ?? '2999-12-31'}::date + 1`.execute(
    ctx.db,
  );
  return {
    ...returnRates(
      r.rows.map((x) => ({
        forceCode: x.force_code,
        forceName: x.name ?? x.force_code,
        sent: x.sent,
        returned: x.returned,
        overdue: x.overdue,
      })),
    ),
    contacts: contacts.rows[0]?.contacts ?? 0,
    subjects: contacts.rows[0]?.subjects ?? 0,
  };
}
