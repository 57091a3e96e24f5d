/** Community intelligence: poster locations, public submissions and their triage into graded reports. */
import { type Kysely, sql } from 'kysely';
import QRCode from 'qrcode';
import type { Principal } from '../../kernel/access/principal.js';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, type FieldError, forbidden, notFound, validationFailed } from '../../kernel/errors.js';
import { agencies } from '../agencies.js';
import { changesSince, idb, recordVersion, StaleEdit } from '../db.js';
import { LANGUAGES, type Language } from '../i18n/i18n.js';
import { publish } from '../live/bus.js';
import { KIND_COMMUNITY } from '../visibility.js';
import { insertReport } from './reports.js';

export const CONCERNS = ['forced_work', 'sexual_exploitation', 'people_smuggling', 'other'] as const;
export type Concern = (typeof CONCERNS)[number];

/** The crime identifier codes a concern suggests to the triaging officer (MSHT and OIC kept apart). */
export const CONCERN_CODES: Record<Concern, string[]> = {
  forced_work: ['MSHT-LAB'],
  sexual_exploitation: ['MSHT-SEX'],
  people_smuggling: ['OIC'],
  other: [],
};

export interface SubmissionInput {
  concern: string | undefined;
  whatHappened: string | undefined;
  place?: string;
  whenText?: string;
  people?: string;
  vehicles?: string;
  contact?: string;
  contactDetails?: string;
}

/** Field errors as translation keys (the public form shows them in the reader's language). */
export function checkSubmission(s: SubmissionInput): { field: string; key: string }[] {
  const errors: { field: string; key: string }[] = [];
  if (!s.concern || !(CONCERNS as readonly string[]).includes(s.concern))
    errors.push({ field: 'concern', key: 'errorConcern' });
  const what = (s.whatHappened ?? '').trim();
  if (!what) errors.push({ field: 'whatHappened', key: 'errorWhat' });
  else if (what.length > 5000) errors.push({ field: 'whatHappened', key: 'errorWhatLong' });
  if (s.contact === 'yes' && !(s.contactDetails ?? '').trim())
    errors.push({ field: 'contactDetails', key: 'errorContact' });
  return errors;
}

const clip = (v: string | undefined, n: number) => (v ?? '').trim().slice(0, n) || null;

/** Stores a public submission for the force of the poster location (or the default receiving force). */
export async function createSubmission(
  ctx: AppContext,
  actor: Actor,
  input: SubmissionInput,
  where: { posterCode: string | null; language: Language; forceCode: string },
) {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await idb(trx)
      .insertInto('intel_community_submissions')
      .values({
        owning_agency_code: where.forceCode,
        poster_code: where.posterCode,
        language: where.language,
        concern: input.concern!,
        what_happened: input.whatHappened!.trim().slice(0, 5000),
        place: clip(input.place, 500),
        when_text: clip(input.whenText, 200),
        people: clip(input.people, 2000),
        vehicles: clip(input.vehicles, 1000),
        contact_allowed: input.contact === 'yes',
        contact_details: input.contact === 'yes' ? clip(input.contactDetails, 300) : null,
        triaged_by: null,
        triaged_at: null,
        triage_note: null,
        report_id: null,
      })
      .returning(['id', 'reference', 'owning_agency_code'])
      .executeTakeFirstOrThrow();
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.community.submit',
        entityKind: KIND_COMMUNITY,
        entityId: r.id,
        detail: { poster: where.posterCode, language: where.language },
      },
    ]);
    return r;
  });
  publish(ctx, {
    kind: KIND_COMMUNITY,
    id: row.id,
    version: 1,
    action: 'received',
    byName: null,
    meta: { kind: KIND_COMMUNITY, id: row.id, owningAgencyCode: row.owning_agency_code },
  });
  return row;
}

export async function posterLocation(db: Kysely<any>, code: string | null | undefined) {
  if (!code || !/^[a-z0-9-]{2,61}$/.test(code)) return undefined;
  return idb(db).selectFrom('intel_poster_locations').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listPosters(ctx: AppContext, principal: Principal) {
  return idb(ctx.db)
    .selectFrom('intel_poster_locations as p')
    .leftJoin('agencies as a', 'a.code', 'p.force_code')
    .select([
      'p.code',
      'p.name',
      'p.description',
      'p.force_code',
      'a.name as force_name',
      'p.languages',
      'p.created_at',
    ])
    .where((eb) =>
      principal.agencyType === 'police_force' ? eb('p.force_code', '=', principal.agencyCode) : eb.val(true),
    )
    .orderBy('p.name')
    .execute();
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

export async function createPoster(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  input: { name: string; description?: string | null; forceCode: string; languages: string[] },
) {
  const errors: FieldError[] = [];
  const force = (await agencies(ctx)).get(input.forceCode);
  if (force?.type !== 'police_force')
    errors.push({
      field: 'forceCode',
      message: 'Select the force that will receive what the poster brings in',
    });
  else if (principal.agencyType === 'police_force' && force.code !== principal.agencyCode)
    errors.push({ field: 'forceCode', message: 'A force makes posters for its own area' });
  const langs = [...new Set(['en', ...input.languages])].filter((l) =>
    (LANGUAGES as readonly string[]).includes(l),
  );
  const base = slugify(input.name);
  if (base.length < 2)
    errors.push({ field: 'name', message: 'Enter the name of the place (letters or numbers)' });
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    let code = `${force!.code}-${base}`.slice(0, 60);
    for (let i = 2; await posterLocation(trx, code); i++) code = `${force!.code}-${base}-${i}`.slice(0, 60);
    await idb(trx)
      .insertInto('intel_poster_locations')
      .values({
        code,
        name: input.name,
        description: input.description ?? null,
        force_code: force!.code,
        languages: langs,
        created_by: principal.userId,
      })
      .execute();
    await ctx.audit.append(trx, actor, [
      { action: 'intelligence.posters.create', entityKind: 'poster_location', entityId: code },
    ]);
    return code;
  });
}

/** The QR code of a poster: the public form's address, with the location so submissions reach the right force. */
export async function posterQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#0b0c0c', light: '#ffffff' },
  });
}

export async function listSubmissions(
  ctx: AppContext,
  principal: Principal,
  f: { status?: string },
  page: { limit: number; offset: number },
) {
  let q = idb(ctx.db)
    .selectFrom('intel_community_submissions as s')
    .leftJoin('intel_poster_locations as p', 'p.code', 's.poster_code')
    .where('s.owning_agency_code', '=', principal.agencyCode);
  if (f.status) q = q.where('s.status', '=', f.status as 'new');
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const rows = await q
    .select([
      's.id',
      's.reference',
      's.concern',
      's.language',
      's.what_happened',
      's.place',
      's.received_at',
      's.status',
      's.report_id',
      'p.name as poster_name',
      's.version',
    ])
    .orderBy('s.received_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total?.n ?? 0), rows };
}

export async function loadSubmission(ctx: AppContext, principal: Principal, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('submission');
  const row = await idb(ctx.db)
    .selectFrom('intel_community_submissions as s')
    .leftJoin('intel_poster_locations as p', 'p.code', 's.poster_code')
    .selectAll('s')
    .select('p.name as poster_name')
    .where('s.id', '=', id)
    .executeTakeFirst();
  // Community submissions are shared with no one: only the receiving force sees them.
  if (!row || row.owning_agency_code !== principal.agencyCode) throw notFound('submission');
  return row;
}

/**
 * Triage: convert into a draft intelligence report (narrative from the submission, community source, the codes
 * the concern suggests; the officer completes the grading and submits it for review) or reject with a reason.
 */
export async function triageSubmission(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { action: 'convert' | 'reject'; note?: string | null; expectedVersion?: number | null },
) {
  const sub = await loadSubmission(ctx, principal, id);
  if (sub.status !== 'new')
    throw new AppError(409, 'conflict', `This submission has already been ${sub.status}.`, [
      { field: 'status', message: sub.status },
    ]);
  if (input.expectedVersion && input.expectedVersion !== sub.version) {
    throw new StaleEdit({
      currentVersion: sub.version,
      yourVersion: input.expectedVersion,
      changesSince: await changesSince(ctx.db, KIND_COMMUNITY, id, input.expectedVersion),
    });
  }
  if (input.action === 'reject' && !input.note?.trim())
    throw validationFailed([{ field: 'note', message: 'Say why the submission is not being taken further' }]);
  if (!principal.roles.some((r) => ['intelligence_officer', 'analyst', 'supervisor'].includes(r)))
    throw forbidden('Only intelligence staff triage submissions.');
  const result = await ctx.db.transaction().execute(async (trx) => {
    let reportId: string | null = null;
    if (input.action === 'convert') {
      const lines = [
        `Community intelligence ${sub.reference} received ${new Date(sub.received_at).toISOString().slice(0, 10)}${sub.poster_name ? ` via the poster at ${sub.poster_name}` : ''} (language: ${sub.language}).`,
        '',
        sub.what_happened,
        sub.place ? `\nWhere: ${sub.place}` : '',
        sub.when_text ? `When: ${sub.when_text}` : '',
        sub.people ? `People: ${sub.people}` : '',
        sub.vehicles ? `Vehicles: ${sub.vehicles}` : '',
      ].filter((l) => l !== '');
      const r = await insertReport(
        ctx,
        trx,
        principal,
        {
          title: `Community intelligence: ${sub.concern.replace(/_/g, ' ')}${sub.place ? ` at ${sub.place.slice(0, 80)}` : ''}`,
          narrative: lines.join('\n'),
          sourceType: 'community',
          sourceEvaluation: 2,
          assessment: null,
          handlingCode: 'P',
          conditions: null,
          securityMarking: 'OFFICIAL-SENSITIVE',
          crimeCodes: CONCERN_CODES[sub.concern as Concern] ?? [],
          areaCode: principal.agencyType === 'police_force' ? principal.agencyCode : null,
          occurredOn: null,
          subjects: [],
          submit: false,
        },
        { status: 'draft', communitySubmissionId: id, sourceType: 'community' },
      );
      reportId = r.id;
    }
    const updated = await idb(trx)
      .updateTable('intel_community_submissions')
      .set({
        status: input.action === 'convert' ? 'converted' : 'rejected',
        triaged_by: principal.userId,
        triaged_at: new Date(),
        triage_note: input.note?.trim() || null,
        report_id: reportId,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('status', '=', 'new')
      .where('version', '=', sub.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated)
      throw new StaleEdit(
        {
          currentVersion: sub.version + 1,
          yourVersion: sub.version,
          changesSince: await changesSince(trx, KIND_COMMUNITY, id, sub.version),
        },
        409,
      );
    await recordVersion(trx, KIND_COMMUNITY, id, updated.version, principal, {
      status: { from: 'new', to: input.action === 'convert' ? 'converted' : 'rejected' },
    });
    await ctx.audit.append(trx, actor, [
      {
        action: `intelligence.community.${input.action}`,
        entityKind: KIND_COMMUNITY,
        entityId: id,
        detail: { reportId },
      },
    ]);
    return { reportId, version: updated.version };
  });
  publish(ctx, {
    kind: KIND_COMMUNITY,
    id,
    version: result.version,
    action: input.action,
    byName: principal.name,
    meta: { kind: KIND_COMMUNITY, id, owningAgencyCode: sub.owning_agency_code },
  });
  return result;
}
