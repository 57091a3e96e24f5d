/**
 * Debriefs, the coordination check and subject claims. The check deliberately looks at every agency's debriefs
 * and claims (matched by person, not spelling); what it reveals is decided by the policy: a debrief the user
 * may see is named and linked, any other is answered hit/no-hit ("contact agency X").
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { hitNoHit } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, type FieldError, forbidden, notFound, validationFailed } from '../../kernel/errors.js';
import { agencies } from '../agencies.js';
import {
  compareSubjects,
  isoDateOfBirth,
  matchKeys,
  type SubjectIdentity,
} from '../coordination/person-match.js';
import { toCountryCode } from '../countries.js';
import { changesSince, idb, jsonOf, recordVersion, StaleEdit } from '../db.js';
import { feedPeople } from '../entity-feed.js';
import { publish } from '../live/bus.js';
import {
  checkDebriefState,
  checkQualification,
  checkUnder16,
  DEBRIEF_STATUS_LABELS,
  type DebriefPatch,
  type DebriefPlanInput,
  type DebriefStatus,
  debriefRate,
  type RouteLeg,
} from '../model/debrief.js';
import { normaliseConditions } from '../model/report.js';
import { diff } from '../model/versioning.js';
import type { IntelTables } from '../tables.js';
import { decide, KIND_DEBRIEF, metaOf, visibleSql } from '../visibility.js';

export type DebriefRow = Selectable<IntelTables['intel_debriefs']>;
export type LegRow = Selectable<IntelTables['intel_debrief_legs']>;

const CLAIM_DAYS = 30;
const today = () => new Date().toISOString().slice(0, 10);

export interface CoordinationMatch {
  kind: 'debrief' | 'claim';
  agencyCode: string;
  agencyName: string;
  /** Whether the user may open the record (else a hit/no-hit answer). */
  visible: boolean;
  ownAgency: boolean;
  id: string | null;
  reference: string | null;
  status: string | null;
  date: string | null;
  score: number;
  reasons: string[];
  message: string;
}

export interface CoordinationResult {
  checkedAt: string;
  matches: CoordinationMatch[];
  /** Another agency holds an active claim on this person: do not approach. */
  claimedByOther: boolean;
  /** Already debriefed or approached by another agency. */
  seenElsewhere: boolean;
}

/** Who else has debriefed, approached or claimed this person? */
export async function coordinationCheck(
  ctx: AppContext,
  principal: Principal,
  who: SubjectIdentity,
  opts: { excludeDebriefId?: string; db?: Kysely<any> } = {},
): Promise<CoordinationResult> {
  const db = idb(opts.db ?? ctx.db);
  const keys = matchKeys(who);
  const ag = await agencies(ctx, opts.db);
  const matches: CoordinationMatch[] = [];
  if (keys.length) {
    const debriefs = await db
      .selectFrom('intel_debriefs')
      .select([
        'id',
        'reference',
        'owning_agency_code',
        'owning_agency_type',
        'handling_code',
        'conditions',
        'given_name',
        'family_name',
        'date_of_birth_text',
        'nationality',
        'status',
        'approached_on',
        'debriefed_on',
        'planned_on',
        'created_at',
      ])
      .where(sql<boolean>`match_keys && ${keys}::text[]`)
      .where('status', '!=', 'cancelled')
      .limit(2000)
      .execute();
    for (const d of debriefs) {
      if (d.id === opts.excludeDebriefId) continue;
      const m = compareSubjects(who, {
        givenName: d.given_name,
        familyName: d.family_name,
        dateOfBirth: d.date_of_birth_text,
        nationality: d.nationality,
      });
      if (!m.match) continue;
      const visible = decide(ctx, principal, KIND_DEBRIEF, d).allow;
      const agencyName = ag.get(d.owning_agency_code)?.name ?? d.owning_agency_code;
      const status = d.status as DebriefStatus;
      const date = String(
        d.debriefed_on ?? d.approached_on ?? d.planned_on ?? new Date(d.created_at).toISOString(),
      ).slice(0, 10);
      matches.push({
        kind: 'debrief',
        agencyCode: d.owning_agency_code,
        agencyName,
        visible,
        ownAgency: d.owning_agency_code === principal.agencyCode,
        id: visible ? d.id : null,
        reference: visible ? d.reference : null,
        status: visible ? status : null,
        date: visible ? date : null,
        score: m.score,
        reasons: visible ? m.reasons : [],
        message: visible
          ? `${agencyName}: ${DEBRIEF_STATUS_LABELS[status].toLowerCase()} (${d.reference}, ${date}).`
          : hitNoHit(metaOf(KIND_DEBRIEF, d), agencyName).message,
      });
    }
    const claims = await db
      .selectFrom('intel_subject_claims')
      .select([
        'id',
        'agency_code',
        'given_name',
        'family_name',
        'date_of_birth_text',
        'nationality',
        'expires_on',
        'reason',
      ])
      .where(sql<boolean>`match_keys && ${keys}::text[]`)
      .where('released_at', 'is', null)
      .where(sql<boolean>`expires_on >= current_date`)
      .limit(500)
      .execute();
    for (const c of claims) {
      const m = compareSubjects(who, {
        givenName: c.given_name,
        familyName: c.family_name,
        dateOfBirth: c.date_of_birth_text,
        nationality: c.nationality,
      });
      if (!m.match) continue;
      const own = c.agency_code === principal.agencyCode;
      const agencyName = ag.get(c.agency_code)?.name ?? c.agency_code;
      const expires = String(c.expires_on).slice(0, 10);
      matches.push({
        kind: 'claim',
        agencyCode: c.agency_code,
        agencyName,
        visible: own,
        ownAgency: own,
        id: own ? c.id : null,
        reference: null,
        status: 'claimed',
        date: expires,
        score: m.score,
        reasons: own ? m.reasons : [],
        message: own
          ? `Your agency claimed this person until ${expires}.`
          : `${agencyName} has claimed this person until ${expires}: do not approach them; contact ${agencyName}.`,
      });
    }
  }
  matches.sort((a, b) => Number(b.kind === 'claim') - Number(a.kind === 'claim') || b.score - a.score);
  return {
    checkedAt: new Date().toISOString(),
    matches,
    claimedByOther: matches.some((m) => m.kind === 'claim' && !m.ownAgency),
    seenElsewhere: matches.some((m) => m.kind === 'debrief' && !m.ownAgency),
  };
}

/** Refusal of a plan the coordination check warns about (409), carrying the matches. */
export class CoordinationRefused extends AppError {
  constructor(
    public readonly result: CoordinationResult,
    claimed: boolean,
  ) {
    super(
      409,
      claimed ? 'subject_claimed' : 'coordination_warning',
      claimed
        ? 'Another agency has claimed this person: do not approach them. Contact the agency named below.'
        : 'This person may already have been debriefed or approached by another agency. Contact them first; to plan anyway, confirm that you have.',
      [
        {
          field: claimed ? 'claim' : 'acknowledgeMatches',
          message: result.matches.map((m) => m.message).join(' '),
        },
      ],
    );
  }

  override toJSON() {
    return {
      error: { code: this.code, message: this.message, fields: this.fields, coordination: this.result },
    };
  }
}

async function areaOf(
  ctx: AppContext,
  db: Kysely<any>,
  code: string | null | undefined,
  field = 'areaCode',
): Promise<{ area: string | null; region: string | null; error?: FieldError }> {
  if (!code) return { area: null, region: null };
  const a = (await agencies(ctx, db)).get(code);
  if (a?.type !== 'police_force')
    return { area: null, region: null, error: { field, message: `${code} is not a police force area` } };
  return { area: a.code, region: a.region };
}

function nationalityOf(input: string | null | undefined, errors: FieldError[]): string | null {
  if (!input?.trim()) return null;
  const c = toCountryCode(input);
  if (!c)
    errors.push({
      field: 'nationality',
      message: `Nationality "${input}" is not recognised: use a country name or code`,
    });
  return c;
}

/** Plans a debrief after the coordination check: refused when another agency claimed the person, warned when seen elsewhere. */
export async function planDebrief(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  input: DebriefPlanInput,
) {
  const errors: FieldError[] = [];
  const nationality = nationalityOf(input.nationality, errors);
  const isoDob = isoDateOfBirth(input.dateOfBirth);
  if (input.dateOfBirth?.trim() && !isoDob && !/^\d{4}$/.test(input.dateOfBirth.trim())) {
    errors.push({
      field: 'dateOfBirth',
      message:
        'Enter the date of birth as a real date (for example 2001-04-09 or 9/4/2001), or the year only',
    });
  }
  // With only a year of birth, take the latest possible birthday: the youngest the person can be.
  const yearOnly = /^\s*(\d{4})\s*$/.exec(input.dateOfBirth ?? '');
  errors.push(
    ...checkUnder16(
      isoDob ?? (yearOnly ? `${yearOnly[1]}-12-31` : null),
      input.plannedOn ?? today(),
      input.under16Request,
    ),
  );
  errors.push(...checkQualification(input.debrieferQualification, input.qualificationDetail));
  if (input.under16Request && !(await agencies(ctx)).has(input.under16Request.requestingAgency)) {
    errors.push({
      field: 'under16Request',
      message: `Agency ${input.under16Request.requestingAgency} is not known`,
    });
  }
  const area = await areaOf(ctx, ctx.db, input.areaCode);
  if (area.error) errors.push(area.error);
  if (input.handlingCode === 'C' && !normaliseConditions('C', input.conditions))
    errors.push({ field: 'conditions', message: 'Handling code C needs its conditions' });
  if (errors.length) throw validationFailed(errors);
  const who = {
    givenName: input.givenName,
    familyName: input.familyName,
    dateOfBirth: input.dateOfBirth,
    nationality,
  };
  const created = await ctx.db.transaction().execute(async (trx) => {
    // Serialise plans so two agencies planning the same person at once cannot both pass the check.
    await sql`SELECT pg_advisory_xact_lock(7261040)`.execute(trx);
    const check = await coordinationCheck(ctx, principal, who, { db: trx });
    if (check.claimedByOther) throw new CoordinationRefused(check, true);
    if (check.seenElsewhere && !input.acknowledgeMatches) throw new CoordinationRefused(check, false);
    const keys = matchKeys(who);
    const row = await idb(trx)
      .insertInto('intel_debriefs')
      .values({
        owning_agency_code: principal.agencyCode,
        owning_agency_type: principal.agencyType,
        area_code: area.area,
        region: area.region,
        subject_type: input.subjectType,
        given_name: input.givenName,
        family_name: input.familyName,
        date_of_birth_text: input.dateOfBirth?.trim() || null,
        date_of_birth: isoDob,
        nationality,
        match_keys: keys,
        person_ref: null,
        status: 'planned',
        planned_on: input.plannedOn ?? null,
        location: input.location ?? null,
        approached_on: null,
        consent_given: null,
        voluntary_confirmed: null,
        consent_notes: null,
        interpreter_used: null,
        interpreter_language: null,
        subject_language: null,
        under16_request: input.under16Request
          ? JSON.stringify({
              ...input.under16Request,
              recordedBy: principal.name,
              recordedAt: new Date().toISOString(),
            })
          : null,
        debriefer_user_id: principal.userId,
        debriefer_name: input.debrieferName,
        debriefer_qualification: input.debrieferQualification,
        qualification_detail: input.qualificationDetail ?? null,
        debriefed_on: null,
        recruitment: null,
        border_crossing: null,
        uk_activity: null,
        threats: input.threats,
        handling_code: input.handlingCode,
        conditions:
          input.handlingCode === 'C' ? JSON.stringify(normaliseConditions('C', input.conditions)) : null,
        coordination_note: check.matches.length
          ? [input.coordinationNote, ...check.matches.map((m) => m.message)].filter(Boolean).join(' ')
          : (input.coordinationNote ?? null),
        report_id: null,
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
    // The planning agency claims the person so no one else approaches them meanwhile.
    if (!check.matches.some((m) => m.kind === 'claim' && m.ownAgency)) {
      await idb(trx)
        .insertInto('intel_subject_claims')
        .values({
          agency_code: principal.agencyCode,
          given_name: input.givenName,
          family_name: input.familyName,
          date_of_birth_text: input.dateOfBirth?.trim() || null,
          nationality,
          match_keys: keys,
          reason: `Debrief ${row.reference} planned`,
          claimed_by: principal.userId,
          expires_on: sql`current_date + ${CLAIM_DAYS}::int` as unknown as string,
          released_at: null,
          debrief_id: row.id,
        })
        .execute();
    }
    await feedPeople(
      trx,
      {
        agencyCode: principal.agencyCode,
        kind: KIND_DEBRIEF,
        id: row.id,
        url: `/debriefs/${row.id}`,
        handlingCode: input.handlingCode,
        conditions: input.handlingCode === 'C' ? normaliseConditions('C', input.conditions) : null,
        threats: input.threats,
        recordedOn: today(),
      },
      [
        {
          role:
            input.subjectType === 'victim'
              ? 'potential_victim'
              : input.subjectType === 'offender'
                ? 'suspect'
                : 'migrant',
          givenName: input.givenName,
          familyName: input.familyName,
          dateOfBirth: input.dateOfBirth?.trim() || null,
          nationality,
        },
      ],
    );
    await recordVersion(trx, KIND_DEBRIEF, row.id, 1, principal, { created: { from: null, to: 'planned' } });
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.debriefs.plan',
        entityKind: KIND_DEBRIEF,
        entityId: row.id,
        detail: {
          reference: row.reference,
          coordinationMatches: check.matches.length,
          acknowledged: input.acknowledgeMatches,
        },
      },
    ]);
    return { row, check };
  });
  publish(ctx, {
    kind: KIND_DEBRIEF,
    id: created.row.id,
    version: 1,
    action: 'planned',
    byName: principal.name,
    meta: metaOf(KIND_DEBRIEF, created.row),
  });
  return { id: created.row.id, reference: created.row.reference, coordination: created.check };
}

export async function loadDebrief(db: Kysely<any>, id: string): Promise<DebriefRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return idb(db).selectFrom('intel_debriefs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadLegs(db: Kysely<any>, id: string): Promise<LegRow[]> {
  return idb(db)
    .selectFrom('intel_debrief_legs')
    .selectAll()
    .where('debrief_id', '=', id)
    .orderBy('seq')
    .execute();
}

export async function visibleDebrief(ctx: AppContext, principal: Principal, id: string): Promise<DebriefRow> {
  const row = await loadDebrief(ctx.db, id);
  if (!row || !decide(ctx, principal, KIND_DEBRIEF, row).allow) throw notFound('debrief');
  return row;
}

const legOf = (l: LegRow): RouteLeg => ({
  fromCountry: l.from_country,
  toCountry: l.to_country,
  transport: l.transport,
  facilitators: l.facilitators,
  paymentAmount: l.payment_amount === null ? null : Number(l.payment_amount),
  paymentCurrency: l.payment_currency,
  paymentMethod: l.payment_method,
  startedOn: l.started_on ? String(l.started_on).slice(0, 10) : null,
  notes: l.notes,
});

const day = (v: unknown) => (v ? String(v).slice(0, 10) : null);

function debriefState(r: DebriefRow, legs: LegRow[]) {
  return {
    status: r.status as DebriefStatus,
    plannedOn: day(r.planned_on),
    location: r.location,
    approachedOn: day(r.approached_on),
    consentGiven: r.consent_given,
    voluntaryConfirmed: r.voluntary_confirmed,
    consentNotes: r.consent_notes,
    interpreterUsed: r.interpreter_used,
    interpreterLanguage: r.interpreter_language,
    subjectLanguage: r.subject_language,
    debrieferName: r.debriefer_name,
    debrieferQualification: r.debriefer_qualification,
    qualificationDetail: r.qualification_detail,
    debriefedOn: day(r.debriefed_on),
    recruitment: jsonOf<Record<string, unknown>>(r.recruitment),
    legs: legs.map(legOf),
    crossing: jsonOf<Record<string, unknown>>(r.border_crossing),
    ukActivity: jsonOf<Record<string, unknown>>(r.uk_activity),
    threats: r.threats,
  };
}

const hasValues = (o: Record<string, unknown> | null | undefined) =>
  !!o && Object.values(o).some((v) => v !== null && v !== undefined && v !== '');

/** Records what happened and what the person said, under optimistic concurrency. */
export async function updateDebrief(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: DebriefPatch,
) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadDebrief(trx, id);
    if (!row || !decide(ctx, principal, KIND_DEBRIEF, row).allow) throw notFound('debrief');
    if (row.owning_agency_code !== principal.agencyCode)
      throw forbidden('Only the agency that owns a debrief may change it.');
    if (row.version !== expectedVersion) {
      throw new StaleEdit({
        currentVersion: row.version,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_DEBRIEF, id, expectedVersion),
      });
    }
    const legs = await loadLegs(trx, id);
    const before = debriefState(row, legs);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as typeof before;
    const changes = diff(before, after);
    if (!Object.keys(changes).length) return { row, version: row.version, changes };
    const errors: FieldError[] = [];
    for (const [i, l] of (after.legs ?? []).entries()) {
      for (const f of ['fromCountry', 'toCountry'] as const) {
        if (l[f] && !toCountryCode(l[f]))
          errors.push({
            field: `legs.${i}.${f}`,
            message: `Leg ${i + 1}: country ${l[f]} is not recognised`,
          });
      }
    }
    errors.push(...checkQualification(after.debrieferQualification, after.qualificationDetail));
    errors.push(
      ...checkDebriefState(before.status, {
        status: after.status,
        approachedOn: after.approachedOn,
        consentGiven: after.consentGiven,
        voluntaryConfirmed: after.voluntaryConfirmed,
        interpreterUsed: after.interpreterUsed,
        interpreterLanguage: after.interpreterLanguage,
        debriefedOn: after.debriefedOn,
        hasContent:
          hasValues(after.recruitment) ||
          (after.legs?.length ?? 0) > 0 ||
          hasValues(after.crossing) ||
          hasValues(after.ukActivity),
      }),
    );
    if (after.ukActivity && (after.ukActivity as { areaCode?: string }).areaCode) {
      const a = await areaOf(
        ctx,
        trx,
        (after.ukActivity as { areaCode?: string }).areaCode,
        'ukActivity.areaCode',
      );
      if (a.error) errors.push(a.error);
    }
    if (errors.length) throw validationFailed(errors);
    const updated = await idb(trx)
      .updateTable('intel_debriefs')
      .set({
        status: after.status,
        planned_on: after.plannedOn,
        location: after.location,
        approached_on: after.approachedOn,
        consent_given: after.consentGiven,
        voluntary_confirmed: after.voluntaryConfirmed,
        consent_notes: after.consentNotes,
        interpreter_used: after.interpreterUsed,
        interpreter_language: after.interpreterLanguage,
        subject_language: after.subjectLanguage,
        debriefer_name: after.debrieferName,
        debriefer_qualification: after.debrieferQualification,
        qualification_detail: after.qualificationDetail,
        debriefed_on: after.debriefedOn,
        recruitment: hasValues(after.recruitment) ? JSON.stringify(after.recruitment) : null,
        border_crossing: hasValues(after.crossing) ? JSON.stringify(after.crossing) : null,
        uk_activity: hasValues(after.ukActivity) ? JSON.stringify(after.ukActivity) : null,
        threats: after.threats,
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
        changesSince: await changesSince(trx, KIND_DEBRIEF, id, expectedVersion),
      });
    if (changes.legs) {
      await idb(trx).deleteFrom('intel_debrief_legs').where('debrief_id', '=', id).execute();
      if (after.legs.length) {
        await idb(trx)
          .insertInto('intel_debrief_legs')
          .values(
            after.legs.map((l, i) => ({
              debrief_id: id,
              seq: i + 1,
              from_country: toCountryCode(l.fromCountry) ?? null,
              to_country: toCountryCode(l.toCountry) ?? null,
              transport: l.transport ?? null,
              facilitators: l.facilitators ?? null,
              payment_amount: l.paymentAmount ?? null,
              payment_currency: l.paymentCurrency ?? null,
              payment_method: l.paymentMethod ?? null,
              started_on: l.startedOn ?? null,
              notes: l.notes ?? null,
            })),
          )
          .execute();
      }
    }
    // A completed, declined or cancelled debrief releases the agency's claim on the person.
    if (['completed', 'declined', 'cancelled'].includes(after.status)) {
      await idb(trx)
        .updateTable('intel_subject_claims')
        .set({ released_at: new Date() })
        .where('debrief_id', '=', id)
        .where('released_at', 'is', null)
        .execute();
    }
    await recordVersion(trx, KIND_DEBRIEF, id, updated.version, principal, changes);
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.debriefs.update',
        entityKind: KIND_DEBRIEF,
        entityId: id,
        detail: { version: updated.version, fields: Object.keys(changes) },
      },
    ]);
    return { row, version: updated.version, changes };
  });
  if (Object.keys(result.changes).length) {
    publish(ctx, {
      kind: KIND_DEBRIEF,
      id,
      version: result.version,
      action: 'updated',
      byName: principal.name,
      meta: metaOf(KIND_DEBRIEF, result.row),
    });
  }
  return result;
}

export function debriefDto(r: DebriefRow, legs: LegRow[], agencyName: string) {
  const s = debriefState(r, legs);
  return {
    id: r.id,
    reference: r.reference,
    owningAgency: { code: r.owning_agency_code, name: agencyName },
    areaCode: r.area_code,
    region: r.region,
    subjectType: r.subject_type,
    subject: {
      givenName: r.given_name,
      familyName: r.family_name,
      dateOfBirth: r.date_of_birth_text,
      nationality: r.nationality,
    },
    under16Request: jsonOf<Record<string, string>>(r.under16_request),
    ...s,
    coordinationNote: r.coordination_note,
    handlingCode: r.handling_code,
    securityMarking: r.security_marking,
    reportId: r.report_id,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export interface DebriefFilters {
  status?: string;
  subjectType?: string;
  owner?: string;
  q?: string;
}

export async function listDebriefs(
  ctx: AppContext,
  principal: Principal,
  f: DebriefFilters,
  page: { limit: number; offset: number },
) {
  let q = idb(ctx.db)
    .selectFrom('intel_debriefs as d')
    .leftJoin('agencies as a', 'a.code', 'd.owning_agency_code')
    .where(visibleSql('d', principal, ctx.agreements.all(), KIND_DEBRIEF));
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.subjectType) q = q.where('d.subject_type', '=', f.subjectType);
  if (f.owner) q = q.where('d.owning_agency_code', '=', f.owner);
  if (f.q?.trim())
    q = q.where(
      sql<boolean>`(d.reference ILIKE ${`%${f.q.trim()}%`} OR d.family_name ILIKE ${`%${f.q.trim()}%`} OR d.given_name ILIKE ${`%${f.q.trim()}%`})`,
    );
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const rows = await q
    .select([
      'd.id',
      'd.reference',
      'd.owning_agency_code',
      'd.owning_agency_type',
      'd.handling_code',
      'd.conditions',
      'a.name as owner_name',
      'd.subject_type',
      'd.given_name',
      'd.family_name',
      'd.date_of_birth_text',
      'd.nationality',
      'd.status',
      'd.planned_on',
      'd.approached_on',
      'd.debriefed_on',
      'd.version',
      'd.created_at',
    ])
    .orderBy('d.created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    rows: rows.filter((r) => decide(ctx, principal, KIND_DEBRIEF, r).allow),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Claims

export async function createClaim(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  input: SubjectIdentity & { reason: string; days: number },
) {
  const errors: FieldError[] = [];
  const nationality = nationalityOf(input.nationality, errors);
  if (errors.length) throw validationFailed(errors);
  const who = { ...input, nationality };
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7261040)`.execute(trx);
    const check = await coordinationCheck(ctx, principal, who, { db: trx });
    if (check.claimedByOther) throw new CoordinationRefused(check, true);
    const row = await idb(trx)
      .insertInto('intel_subject_claims')
      .values({
        agency_code: principal.agencyCode,
        given_name: input.givenName ?? null,
        family_name: input.familyName ?? null,
        date_of_birth_text: input.dateOfBirth?.trim() || null,
        nationality,
        match_keys: matchKeys(who),
        reason: input.reason,
        claimed_by: principal.userId,
        expires_on: sql`current_date + ${input.days}::int` as unknown as string,
        released_at: null,
        debrief_id: null,
      })
      .returning(['id', 'expires_on'])
      .executeTakeFirstOrThrow();
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.claims.create',
        entityKind: 'subject_claim',
        entityId: row.id,
        detail: { days: input.days },
      },
    ]);
    return { id: row.id, expiresOn: day(row.expires_on)!, coordination: check };
  });
}

export async function releaseClaim(ctx: AppContext, principal: Principal, actor: Actor, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await idb(trx)
      .selectFrom('intel_subject_claims')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.agency_code !== principal.agencyCode) throw notFound('claim');
    if (row.released_at) return;
    await idb(trx)
      .updateTable('intel_subject_claims')
      .set({ released_at: new Date() })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(trx, actor, [
      { action: 'intelligence.claims.release', entityKind: 'subject_claim', entityId: id },
    ]);
  });
}

export async function listClaims(ctx: AppContext, principal: Principal) {
  const rows = await idb(ctx.db)
    .selectFrom('intel_subject_claims')
    .select([
      'id',
      'given_name',
      'family_name',
      'date_of_birth_text',
      'nationality',
      'reason',
      'claimed_at',
      'expires_on',
      'released_at',
      'debrief_id',
    ])
    .where('agency_code', '=', principal.agencyCode)
    .where('released_at', 'is', null)
    .where(sql<boolean>`expires_on >= current_date`)
    .orderBy('expires_on')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, expires_on: day(r.expires_on)! }));
}

// ---------------------------------------------------------------------------------------------------------------
// Measures

/** Arrivals, approached, agreed and debriefed by year (all agencies: aggregate counts, no personal data). */
export async function debriefMeasures(db: Kysely<any>, opts: { from?: string; to?: string } = {}) {
  const from = opts.from ?? '1900-01-01';
  const to = opts.to ?? '2999-12-31';
  const arrivals = await sql<{ year: number; arrivals: number }>`
    SELECT extract(year FROM month)::int AS year, sum(arrivals)::int AS arrivals FROM intel_arrivals
    WHERE month BETWEEN ${from}::date AND ${to}::date GROUP BY 1`.execute(db);
  const debriefs = await sql<{ year: number; approached: number; agreed: number; debriefed: number }>`
    SELECT extract(year FROM approached_on)::int AS year,
      count(*)::int AS approached,
      count(*) FILTER (WHERE consent_given AND status IN ('agreed', 'completed'))::int AS agreed,
      count(*) FILTER (WHERE status = 'completed')::int AS debriefed
    FROM intel_debriefs WHERE approached_on BETWEEN ${from}::date AND ${to}::date AND subject_type = 'migrant' GROUP BY 1`.execute(
    db,
  );
  const years = new Set([...arrivals.rows.map((r) => r.year), ...debriefs.rows.map((r) => r.year)]);
  return [...years].sort().map((year) => {
    const a = arrivals.rows.find((r) => r.year === year);
    const d = debriefs.rows.find((r) => r.year === year);
    return {
      year,
      ...debriefRate({
        arrivals: a?.arrivals ?? 0,
        approached: d?.approached ?? 0,
        agreed: d?.agreed ?? 0,
        debriefed: d?.debriefed ?? 0,
      }),
    };
  });
}

/** Debriefs by agency and subject type (for the measures page). */
export async function debriefsByAgency(db: Kysely<any>, opts: { from?: string; to?: string } = {}) {
  const r = await sql<{
    agency: string;
    name: string;
    subject_type: string;
    approached: number;
    agreed: number;
    debriefed: number;
  }>`
    SELECT d.owning_agency_code AS agency, a.name, d.subject_type,
      count(*) FILTER (WHERE approached_on IS NOT NULL)::int AS approached,
      count(*) FILTER (WHERE consent_given AND status IN ('agreed', 'completed'))::int AS agreed,
      count(*) FILTER (WHERE status = 'completed')::int AS debriefed
    FROM intel_debriefs d LEFT JOIN agencies a ON a.code = d.owning_agency_code
    WHERE COALESCE(d.approached_on, d.planned_on, d.created_at::date) BETWEEN ${opts.from ?? '1900-01-01'}::date AND ${opts.to ?? '2999-12-31'}::date
    GROUP BY 1, 2, 3 ORDER BY 6 DESC, 2`.execute(db);
  return r.rows;
}

export async function recordArrivals(
  ctx: AppContext,
  actor: Actor,
  rows: { month: string; place: string; arrivals: number; source: string }[],
) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await sql`INSERT INTO intel_arrivals (month, place, arrivals, source) VALUES (date_trunc('month', ${r.month}::date)::date, ${r.place}, ${r.arrivals}, ${r.source})
        ON CONFLICT (month, place) DO UPDATE SET arrivals = EXCLUDED.arrivals, source = EXCLUDED.source`.execute(
        trx,
      );
    }
    await ctx.audit.append(trx, actor, [
      { action: 'intelligence.arrivals.record', entityKind: 'arrivals', detail: { rows: rows.length } },
    ]);
  });
}
