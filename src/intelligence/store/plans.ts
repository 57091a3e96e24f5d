/**
 * Collection plans (requirements, the reports that answer them, the gaps) and problem profiles, per force or
 * region (004 rec 4). A plan or profile is seen by its owning agency and by the forces and ROCU of its scope.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../../kernel/access/principal.js';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { type FieldError, forbidden, notFound, validationFailed } from '../../kernel/errors.js';
import { IsoDate } from '../../kernel/http/schemas.js';
import { agencies, regions } from '../agencies.js';
import { changesSince, idb, recordVersion, StaleEdit } from '../db.js';
import { publish } from '../live/bus.js';
import { diff } from '../model/versioning.js';
import { crimeCode } from '../reference.js';
import { decide, KIND_PLAN, KIND_PROFILE, KIND_REPORT, visibleSql } from '../visibility.js';
import { loadReport } from './reports.js';

const text = (max: number) => z.string().trim().max(max);

export const RequirementInput = z.object({
  question: text(1000).min(1, 'Enter the question the requirement asks'),
  priority: z.enum(['high', 'medium', 'low']).default('medium'),
  crimeCodes: z.array(text(20)).max(10).default([]),
  targetReports: z.number().int().min(1).max(1000).default(3),
  dueOn: IsoDate.nullish(),
});
export type RequirementInput = z.infer<typeof RequirementInput>;

const Scope = {
  scopeKind: z.enum(['force', 'region']),
  scopeCode: text(60).min(1, 'Select the force or region'),
  title: text(200).min(1, 'Enter a title'),
  threat: z.enum(['msht', 'oic']),
  periodFrom: IsoDate,
  periodTo: IsoDate,
};

export const PlanInput = z.object({ ...Scope, requirements: z.array(RequirementInput).max(50).default([]) });
export type PlanInput = z.infer<typeof PlanInput>;
export const ProfileInput = z.object({
  ...Scope,
  summary: text(10000).default(''),
  findings: text(20000).default(''),
  gaps: text(10000).default(''),
  recommendations: text(10000).default(''),
});
export type ProfileInput = z.infer<typeof ProfileInput>;
export const ProfilePatch = z
  .object({
    title: Scope.title.optional(),
    summary: text(10000).optional(),
    findings: text(20000).optional(),
    gaps: text(10000).optional(),
    recommendations: text(10000).optional(),
    status: z.enum(['draft', 'published']).optional(),
  })
  .strict();
export type ProfilePatch = z.infer<typeof ProfilePatch>;

async function checkScope(
  ctx: AppContext,
  i: { scopeKind: string; scopeCode: string; periodFrom: string; periodTo: string },
  codes: string[][],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (i.scopeKind === 'force') {
    const f = (await agencies(ctx)).get(i.scopeCode);
    if (f?.type !== 'police_force')
      errors.push({ field: 'scopeCode', message: `${i.scopeCode} is not a police force` });
  } else if (!(await regions(ctx)).includes(i.scopeCode))
    errors.push({ field: 'scopeCode', message: `${i.scopeCode} is not a policing region` });
  if (i.periodTo < i.periodFrom)
    errors.push({ field: 'periodTo', message: 'The end of the period must be after its start' });
  codes.forEach((cs, n) => {
    const bad = cs.filter((c) => !crimeCode(c.toUpperCase()));
    if (bad.length)
      errors.push({
        field: `requirements.${n}.crimeCodes`,
        message: `Requirement ${n + 1}: code ${bad.join(', ')} is not recognised`,
      });
  });
  return errors;
}

/** Plans and profiles of an agency, or scoped to the principal's force or region. */
function scopeVisible(alias: string, p: Principal): RawBuilder<boolean> {
  const t = sql.ref(alias);
  return sql<boolean>`(${t}.owning_agency_code = ${p.agencyCode}
    OR (${t}.scope_kind = 'force' AND ${t}.scope_code = ${p.agencyCode})
    OR (${t}.scope_kind = 'region' AND ${t}.scope_code = ${p.region ?? ''}))`;
}

export async function createPlan(ctx: AppContext, p: Principal, actor: Actor, input: PlanInput) {
  const errors = await checkScope(
    ctx,
    input,
    input.requirements.map((r) => r.crimeCodes),
  );
  if (errors.length) throw validationFailed(errors);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await idb(trx)
      .insertInto('intel_collection_plans')
      .values({
        owning_agency_code: p.agencyCode,
        owning_agency_type: p.agencyType,
        scope_kind: input.scopeKind,
        scope_code: input.scopeCode,
        title: input.title,
        threat: input.threat,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        created_by: p.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.requirements.length) {
      await idb(trx)
        .insertInto('intel_collection_requirements')
        .values(
          input.requirements.map((r, i) => ({
            plan_id: row.id,
            seq: i + 1,
            question: r.question,
            priority: r.priority,
            crime_codes: r.crimeCodes.map((c) => c.toUpperCase()),
            target_reports: r.targetReports,
            due_on: r.dueOn ?? null,
          })),
        )
        .execute();
    }
    await recordVersion(trx, KIND_PLAN, row.id, 1, p, { created: { from: null, to: input.title } });
    await ctx.audit.append(trx, actor, [
      { action: 'intelligence.plans.create', entityKind: KIND_PLAN, entityId: row.id },
    ]);
    return row.id;
  });
  return id;
}

export async function addRequirement(
  ctx: AppContext,
  p: Principal,
  actor: Actor,
  planId: string,
  r: RequirementInput,
) {
  const plan = await visiblePlan(ctx, p, planId);
  if (plan.owning_agency_code !== p.agencyCode)
    throw forbidden('Only the agency that owns the plan may change it.');
  const bad = r.crimeCodes.filter((c) => !crimeCode(c.toUpperCase()));
  if (bad.length)
    throw validationFailed([{ field: 'crimeCodes', message: `Code ${bad.join(', ')} is not recognised` }]);
  return ctx.db.transaction().execute(async (trx) => {
    const seq = await idb(trx)
      .selectFrom('intel_collection_requirements')
      .select(sql<number>`COALESCE(max(seq), 0)::int + 1`.as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const row = await idb(trx)
      .insertInto('intel_collection_requirements')
      .values({
        plan_id: planId,
        seq: Number(seq?.n ?? 1),
        question: r.question,
        priority: r.priority,
        crime_codes: r.crimeCodes.map((c) => c.toUpperCase()),
        target_reports: r.targetReports,
        due_on: r.dueOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await idb(trx)
      .updateTable('intel_collection_plans')
      .set({ version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', planId)
      .execute();
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.plans.requirement',
        entityKind: KIND_PLAN,
        entityId: planId,
        detail: { requirement: row.id },
      },
    ]);
    return row.id;
  });
}

export async function visiblePlan(ctx: AppContext, p: Principal, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('collection plan');
  const row = await idb(ctx.db)
    .selectFrom('intel_collection_plans as c')
    .selectAll('c')
    .where('c.id', '=', id)
    .where(scopeVisible('c', p))
    .executeTakeFirst();
  if (!row) throw notFound('collection plan');
  return row;
}

export async function listPlans(ctx: AppContext, p: Principal) {
  const rows = await idb(ctx.db)
    .selectFrom('intel_collection_plans as c')
    .leftJoin('agencies as a', 'a.code', 'c.owning_agency_code')
    .select([
      'c.id',
      'c.title',
      'c.scope_kind',
      'c.scope_code',
      'c.threat',
      'c.period_from',
      'c.period_to',
      'c.status',
      'a.name as owner_name',
      'c.version',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM intel_collection_requirements r WHERE r.plan_id = c.id)`.as(
        'requirements',
      ),
    )
    .select(
      sql<number>`(SELECT count(*)::int FROM intel_collection_requirements r WHERE r.plan_id = c.id AND
        (SELECT count(*) FROM intel_report_links l WHERE l.owner_kind = 'requirement' AND l.owner_id = r.id) < r.target_reports)`.as(
        'gaps',
      ),
    )
    .where(scopeVisible('c', p))
    .orderBy('c.period_to', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    period_from: String(r.period_from).slice(0, 10),
    period_to: String(r.period_to).slice(0, 10),
  }));
}

/** A plan with each requirement's linked reports (those the user may see), whether it is met, and suggestions. */
export async function planDetail(ctx: AppContext, p: Principal, id: string) {
  const plan = await visiblePlan(ctx, p, id);
  const reqs = await idb(ctx.db)
    .selectFrom('intel_collection_requirements')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('seq')
    .execute();
  const links = reqs.length
    ? await idb(ctx.db)
        .selectFrom('intel_report_links as l')
        .innerJoin('intel_reports as r', 'r.id', 'l.report_id')
        .select([
          'l.owner_id',
          'r.id',
          'r.reference',
          'r.title',
          'r.status',
          'r.owning_agency_code',
          'r.owning_agency_type',
          'r.handling_code',
          'r.conditions',
          'r.reported_on',
          'r.crime_codes',
        ])
        .where('l.owner_kind', '=', 'requirement')
        .where(
          'l.owner_id',
          'in',
          reqs.map((r) => r.id),
        )
        .execute()
    : [];
  const scopeCol = plan.scope_kind === 'force' ? 'area_code' : 'region';
  const requirements = [];
  for (const r of reqs) {
    const linked = links.filter((l) => l.owner_id === r.id);
    const visibleLinked = linked.filter((l) => decide(ctx, p, KIND_REPORT, l).allow);
    // Suggestions: approved reports in the plan's scope and period carrying the requirement's codes, not yet linked.
    const suggestions = r.crime_codes.length
      ? await idb(ctx.db)
          .selectFrom('intel_reports as x')
          .select([
            'x.id',
            'x.reference',
            'x.title',
            'x.owning_agency_code',
            'x.owning_agency_type',
            'x.handling_code',
            'x.conditions',
            'x.reported_on',
          ])
          .where(visibleSql('x', p, ctx.agreements.all(), KIND_REPORT))
          .where('x.status', '=', 'approved')
          .where(sql.ref(`x.${scopeCol}`), '=', plan.scope_code)
          .where(sql<boolean>`x.crime_codes && ${r.crime_codes}::text[]`)
          .where(sql<boolean>`x.reported_on BETWEEN ${plan.period_from}::date AND ${plan.period_to}::date`)
          .where(
            sql<boolean>`NOT EXISTS (SELECT 1 FROM intel_report_links l WHERE l.owner_kind = 'requirement' AND l.owner_id = ${r.id} AND l.report_id = x.id)`,
          )
          .orderBy('x.reported_on', 'desc')
          .limit(5)
          .execute()
      : [];
    requirements.push({
      ...r,
      due_on: r.due_on ? String(r.due_on).slice(0, 10) : null,
      linkedCount: linked.length,
      hiddenLinked: linked.length - visibleLinked.length,
      linked: visibleLinked.map((l) => ({
        id: l.id,
        reference: l.reference,
        title: l.title,
        status: l.status,
        reportedOn: String(l.reported_on).slice(0, 10),
      })),
      met: linked.length >= r.target_reports,
      suggestions: suggestions
        .filter((s) => decide(ctx, p, KIND_REPORT, s).allow)
        .map((s) => ({
          id: s.id,
          reference: s.reference,
          title: s.title,
          reportedOn: String(s.reported_on).slice(0, 10),
        })),
    });
  }
  return {
    plan: {
      ...plan,
      period_from: String(plan.period_from).slice(0, 10),
      period_to: String(plan.period_to).slice(0, 10),
    },
    requirements,
    gaps: requirements.filter((r) => !r.met).length,
  };
}

/** Links (or unlinks) a report the user may see to a requirement or a profile. */
export async function setLink(
  ctx: AppContext,
  p: Principal,
  actor: Actor,
  owner: { kind: 'requirement' | 'profile'; id: string },
  reportId: string,
  linked: boolean,
) {
  let ownerAgency: string | undefined;
  let recordKind = KIND_PROFILE;
  let recordId = owner.id;
  if (owner.kind === 'requirement') {
    const r = await idb(ctx.db)
      .selectFrom('intel_collection_requirements as r')
      .innerJoin('intel_collection_plans as c', 'c.id', 'r.plan_id')
      .select(['c.owning_agency_code', 'c.id'])
      .where('r.id', '=', owner.id)
      .executeTakeFirst();
    ownerAgency = r?.owning_agency_code;
    recordKind = KIND_PLAN;
    recordId = r?.id ?? owner.id;
  } else {
    const r = await idb(ctx.db)
      .selectFrom('intel_problem_profiles')
      .select('owning_agency_code')
      .where('id', '=', owner.id)
      .executeTakeFirst();
    ownerAgency = r?.owning_agency_code;
  }
  if (!ownerAgency) throw notFound(owner.kind);
  if (ownerAgency !== p.agencyCode) throw forbidden('Only the agency that owns it may link reports.');
  const report = await loadReport(ctx.db, reportId);
  if (!report || !decide(ctx, p, KIND_REPORT, report).allow)
    throw validationFailed([{ field: 'reportId', message: 'The intelligence report was not found' }]);
  await ctx.db.transaction().execute(async (trx) => {
    if (linked) {
      await idb(trx)
        .insertInto('intel_report_links')
        .values({ owner_kind: owner.kind, owner_id: owner.id, report_id: reportId, linked_by: p.userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await idb(trx)
        .deleteFrom('intel_report_links')
        .where('owner_kind', '=', owner.kind)
        .where('owner_id', '=', owner.id)
        .where('report_id', '=', reportId)
        .execute();
    }
    await ctx.audit.append(trx, actor, [
      {
        action: `intelligence.${owner.kind}.${linked ? 'link' : 'unlink'}`,
        entityKind: recordKind,
        entityId: recordId,
        detail: { report: reportId },
      },
    ]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Problem profiles

export async function createProfile(ctx: AppContext, p: Principal, actor: Actor, input: ProfileInput) {
  const errors = await checkScope(ctx, input, []);
  if (errors.length) throw validationFailed(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await idb(trx)
      .insertInto('intel_problem_profiles')
      .values({
        owning_agency_code: p.agencyCode,
        owning_agency_type: p.agencyType,
        scope_kind: input.scopeKind,
        scope_code: input.scopeCode,
        title: input.title,
        threat: input.threat,
        summary: input.summary,
        findings: input.findings,
        gaps: input.gaps,
        recommendations: input.recommendations,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        created_by: p.userId,
        updated_by: p.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordVersion(trx, KIND_PROFILE, row.id, 1, p, { created: { from: null, to: input.title } });
    await ctx.audit.append(trx, actor, [
      { action: 'intelligence.profiles.create', entityKind: KIND_PROFILE, entityId: row.id },
    ]);
    return row.id;
  });
}

export async function visibleProfile(ctx: AppContext, p: Principal, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('problem profile');
  const row = await idb(ctx.db)
    .selectFrom('intel_problem_profiles as c')
    .selectAll('c')
    .where('c.id', '=', id)
    .where(scopeVisible('c', p))
    .executeTakeFirst();
  if (!row) throw notFound('problem profile');
  return {
    ...row,
    period_from: String(row.period_from).slice(0, 10),
    period_to: String(row.period_to).slice(0, 10),
  };
}

export async function listProfiles(ctx: AppContext, p: Principal) {
  const rows = await idb(ctx.db)
    .selectFrom('intel_problem_profiles as c')
    .leftJoin('agencies as a', 'a.code', 'c.owning_agency_code')
    .select([
      'c.id',
      'c.title',
      'c.scope_kind',
      'c.scope_code',
      'c.threat',
      'c.status',
      'c.period_from',
      'c.period_to',
      'a.name as owner_name',
      'c.updated_at',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM intel_report_links l WHERE l.owner_kind = 'profile' AND l.owner_id = c.id)`.as(
        'reports',
      ),
    )
    .where(scopeVisible('c', p))
    .orderBy('c.updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    period_from: String(r.period_from).slice(0, 10),
    period_to: String(r.period_to).slice(0, 10),
  }));
}

export async function updateProfile(
  ctx: AppContext,
  p: Principal,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: ProfilePatch,
) {
  const row = await visibleProfile(ctx, p, id);
  if (row.owning_agency_code !== p.agencyCode)
    throw forbidden('Only the agency that owns the profile may change it.');
  const before = {
    title: row.title,
    summary: row.summary,
    findings: row.findings,
    gaps: row.gaps,
    recommendations: row.recommendations,
    status: row.status,
  };
  const changes = diff(before, patch);
  const version = await ctx.db.transaction().execute(async (trx) => {
    if (row.version !== expectedVersion)
      throw new StaleEdit({
        currentVersion: row.version,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_PROFILE, id, expectedVersion),
      });
    if (!Object.keys(changes).length) return row.version;
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    const updated = await idb(trx)
      .updateTable('intel_problem_profiles')
      .set({ ...after, updated_by: p.userId, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirst();
    if (!updated)
      throw new StaleEdit({
        currentVersion: expectedVersion + 1,
        yourVersion: expectedVersion,
        changesSince: await changesSince(trx, KIND_PROFILE, id, expectedVersion),
      });
    await recordVersion(trx, KIND_PROFILE, id, updated.version, p, changes);
    await ctx.audit.append(trx, actor, [
      {
        action: 'intelligence.profiles.update',
        entityKind: KIND_PROFILE,
        entityId: id,
        detail: { fields: Object.keys(changes) },
      },
    ]);
    return updated.version;
  });
  if (Object.keys(changes).length)
    publish(ctx, {
      kind: KIND_PROFILE,
      id,
      version,
      action: 'updated',
      byName: p.name,
      meta: { kind: KIND_PROFILE, id, owningAgencyCode: row.owning_agency_code },
    });
  return version;
}

/** What the linked reports say, counted: codes, grading, areas and months (only reports the user may see). */
export async function profileDetail(ctx: AppContext, p: Principal, id: string) {
  const profile = await visibleProfile(ctx, p, id);
  const linked = await idb(ctx.db)
    .selectFrom('intel_report_links as l')
    .innerJoin('intel_reports as r', 'r.id', 'l.report_id')
    .leftJoin('agencies as ar', 'ar.code', 'r.area_code')
    .select([
      'r.id',
      'r.reference',
      'r.title',
      'r.status',
      'r.owning_agency_code',
      'r.owning_agency_type',
      'r.handling_code',
      'r.conditions',
      'r.reported_on',
      'r.crime_codes',
      'r.source_evaluation',
      'r.assessment',
      'ar.name as area_name',
    ])
    .where('l.owner_kind', '=', 'profile')
    .where('l.owner_id', '=', id)
    .orderBy('r.reported_on', 'desc')
    .execute();
  const visible = linked.filter((r) => decide(ctx, p, KIND_REPORT, r).allow);
  const count = (f: (r: (typeof visible)[number]) => string[]) => {
    const m = new Map<string, number>();
    for (const r of visible) for (const k of f(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, n]) => ({ key, n }));
  };
  // Unmet requirements of the collection plans in the same scope are the profile's evidence gaps.
  const plans = await idb(ctx.db)
    .selectFrom('intel_collection_plans')
    .select('id')
    .where('scope_kind', '=', profile.scope_kind)
    .where('scope_code', '=', profile.scope_code)
    .where('threat', '=', profile.threat)
    .execute();
  const unmet = plans.length
    ? await sql<{ question: string; plan_id: string; linked: number; target_reports: number }>`
        SELECT r.question, r.plan_id, r.target_reports,
          (SELECT count(*)::int FROM intel_report_links l WHERE l.owner_kind = 'requirement' AND l.owner_id = r.id) AS linked
        FROM intel_collection_requirements r WHERE r.plan_id = ANY(${plans.map((x) => x.id)}::uuid[])
        ORDER BY r.seq`.execute(ctx.db)
    : { rows: [] };
  return {
    profile,
    reports: visible.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      reportedOn: String(r.reported_on).slice(0, 10),
      area: r.area_name,
      grading: `${r.source_evaluation ?? '-'}/${r.assessment ?? '-'}/${r.handling_code}`,
    })),
    hiddenReports: linked.length - visible.length,
    byCode: count((r) => r.crime_codes),
    byArea: count((r) => [r.area_name ?? 'Not recorded']),
    byGrading: count((r) => [`${r.source_evaluation ?? '-'}${r.assessment ?? '-'}`]),
    byMonth: count((r) => [String(r.reported_on).slice(0, 7)]).sort((a, b) => a.key.localeCompare(b.key)),
    unmetRequirements: unmet.rows.filter((r) => r.linked < r.target_reports),
  };
}

export type PlanDb = Kysely<any>;
