/** Pages for intelligence reports: search, write, edit (with stale-edit handling), review, sanitise, disseminate. */
import { z } from 'zod';
import { decideAction } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { type FieldError, zodFields } from '../../kernel/errors.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencies, forces, regions } from '../agencies.js';
import { changesSince, idb, jsonOf, StaleEdit } from '../db.js';
import { reportDto } from '../dto.js';
import {
  type ConditionsInput,
  ReportInput,
  ReportPatch,
  type ReportStatus,
  STATUS_LABELS,
  SubjectInput,
} from '../model/report.js';
import { factsFromReport } from '../model/partner-facts.js';
import { describeChanges } from '../model/versioning.js';
import {
  ASSESSMENTS,
  CRIME_CODES,
  HANDLING_CODES,
  SECURITY_MARKINGS,
  SOURCE_EVALUATIONS,
  SOURCE_TYPES,
  SUBJECT_KINDS,
  SUBJECT_LABELS,
  THREAT_LABELS,
} from '../reference.js';
import { filtersOf, ReportQuery, reportsCsv } from '../routes/reports-api.js';
import {
  createReport,
  createSanitisedVersion,
  disseminateReport,
  listDisseminations,
  loadSubjects,
  reportCounts,
  searchReports,
  transitionReport,
  updateReport,
  visibleReport,
} from '../store/reports.js';
import { KIND_REPORT } from '../visibility.js';
import { recommendationsFor } from '../../partners/recommendations.js';
import { engagementsForCase } from '../../partners/store.js';
import {
  codesOf,
  dateOf,
  dateParts,
  errorsOf,
  type Form,
  FormBody,
  int,
  list,
  opt,
  PAGE_SIZE,
  pagination,
  queryString,
  str,
  withFieldErrors,
} from './form.js';

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  narrative: 'narrative',
  sourceType: 'source type',
  sourceEvaluation: 'source evaluation',
  assessment: 'intelligence assessment',
  handlingCode: 'handling code',
  conditions: 'handling conditions',
  securityMarking: 'security marking',
  crimeCodes: 'crime identifier codes',
  threats: 'threats',
  areaCode: 'area',
  occurredOn: 'date it happened',
  subjects: 'subjects',
  status: 'status',
  reviewNote: 'review note',
};
export const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f;

export async function formOptions(ctx: AppContext) {
  const fs = await forces(ctx);
  const ag = await agencies(ctx);
  return {
    codeGroups: (['oic', 'msht'] as const).map((t) => ({
      threat: t,
      label: THREAT_LABELS[t],
      codes: CRIME_CODES.filter((c) => c.threat === t).map((c) => ({
        value: c.code,
        text: `${c.code}: ${c.label}`,
      })),
    })),
    forceOptions: [{ value: '', text: 'Not recorded' }, ...fs.map((f) => ({ value: f.code, text: f.name }))],
    regionOptions: (await regions(ctx)).map((r) => ({ value: r, text: r })),
    sourceEvaluations: SOURCE_EVALUATIONS.map((s) => ({
      value: String(s.value),
      text: `${s.value} - ${s.label}`,
    })),
    assessments: ASSESSMENTS.map((a) => ({ value: a.value, text: `${a.value} - ${a.label}` })),
    handlingCodes: HANDLING_CODES.map((h) => ({ value: h.value, text: `${h.value} - ${h.label}` })),
    sourceTypes: SOURCE_TYPES.map((s) => ({ value: s.value, text: s.label })),
    markings: SECURITY_MARKINGS.map((m) => ({ value: m, text: m })),
    subjectKinds: SUBJECT_KINDS.map((k) => ({ value: k, text: SUBJECT_LABELS[k] })),
    agencyOptions: [...ag.values()]
      .filter((a) =>
        [
          'police_force',
          'rocu',
          'nca',
          'home_office',
          'national_policing',
          'regulator',
          'government',
        ].includes(a.type),
      )
      .map((a) => ({ value: a.code, text: a.name })),
  };
}

interface FormValues {
  title: string;
  narrative: string;
  sourceType: string;
  sourceEvaluation: string;
  assessment: string;
  handlingCode: string;
  namedAgencies: string;
  noOnwardSharing: boolean;
  originatorConsent: boolean;
  consentedAgencies: string;
  conditionsText: string;
  securityMarking: string;
  crimeCodes: string[];
  areaCode: string;
  occurredOn: { day: string; month: string; year: string };
  subjects: { kind: string; value: string; role: string }[];
}

const blankSubjects = (n: number) =>
  Array.from({ length: n }, () => ({ kind: 'person', value: '', role: '' }));

function valuesFromForm(f: Form): FormValues {
  const kinds = list(f, 'subjectKind');
  const vals = (Array.isArray(f.subjectValue) ? f.subjectValue : f.subjectValue ? [f.subjectValue] : []).map(
    (s) => s.trim(),
  );
  const roles = (Array.isArray(f.subjectRole) ? f.subjectRole : f.subjectRole ? [f.subjectRole] : []).map(
    (s) => s.trim(),
  );
  const subjects = vals.map((value, i) => ({ kind: kinds[i] ?? 'person', value, role: roles[i] ?? '' }));
  return {
    title: str(f, 'title'),
    narrative: str(f, 'narrative'),
    sourceType: str(f, 'sourceType') || 'human',
    sourceEvaluation: str(f, 'sourceEvaluation'),
    assessment: str(f, 'assessment'),
    handlingCode: str(f, 'handlingCode') || 'P',
    namedAgencies: str(f, 'namedAgencies'),
    noOnwardSharing: list(f, 'noOnwardSharing').includes('yes'),
    originatorConsent: list(f, 'originatorConsent').includes('yes'),
    consentedAgencies: str(f, 'consentedAgencies'),
    conditionsText: str(f, 'conditionsText'),
    securityMarking: str(f, 'securityMarking') || 'OFFICIAL-SENSITIVE',
    crimeCodes: list(f, 'crimeCodes'),
    areaCode: str(f, 'areaCode'),
    occurredOn: {
      day: str(f, 'occurredOn-day'),
      month: str(f, 'occurredOn-month'),
      year: str(f, 'occurredOn-year'),
    },
    subjects,
  };
}

function inputFromValues(
  v: FormValues,
  f: Form,
): { input?: Omit<ReportInput, 'submit'>; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const occurred = dateOf(f, 'occurredOn');
  if (occurred === null)
    fields.push({
      field: 'occurredOn',
      message: 'Enter the date it happened as a real date, for example 27 3 2025',
    });
  const conditions: ConditionsInput | null =
    v.handlingCode === 'C'
      ? {
          namedAgencies: codesOf(v.namedAgencies),
          noOnwardSharing: v.noOnwardSharing,
          originatorConsent: v.originatorConsent,
          consentedAgencies: codesOf(v.consentedAgencies),
          text: v.conditionsText || undefined,
        }
      : null;
  const raw = {
    title: v.title,
    narrative: v.narrative,
    sourceType: v.sourceType,
    sourceEvaluation: v.sourceEvaluation ? Number(v.sourceEvaluation) : null,
    assessment: v.assessment || null,
    handlingCode: v.handlingCode,
    conditions,
    securityMarking: v.securityMarking,
    crimeCodes: v.crimeCodes,
    areaCode: v.areaCode || null,
    occurredOn: occurred || null,
    subjects: v.subjects
      .filter((s) => s.value)
      .map((s) => ({ kind: s.kind, value: s.value, ...(s.role ? { role: s.role } : {}) })),
  };
  const parsed = ReportInput.omit({ submit: true }).safeParse(raw);
  if (!parsed.success) fields.push(...zodFields(parsed.error));
  return { input: parsed.success ? parsed.data : undefined, fields };
}

export function valuesFromDto(d: Awaited<ReturnType<typeof reportDto>>): FormValues {
  const c = d.conditions ?? {};
  return {
    title: d.title,
    narrative: d.narrative,
    sourceType: d.sourceType,
    sourceEvaluation: d.grading.sourceEvaluation ? String(d.grading.sourceEvaluation) : '',
    assessment: d.grading.assessment ?? '',
    handlingCode: d.grading.handlingCode,
    namedAgencies: (c.namedAgencies ?? []).join(', '),
    noOnwardSharing: !!c.noOnwardSharing,
    originatorConsent: !!c.originatorConsent,
    consentedAgencies: (c.consentedAgencies ?? []).join(', '),
    conditionsText: c.text ?? '',
    securityMarking: d.securityMarking,
    crimeCodes: d.crimeCodes,
    areaCode: d.area?.code ?? '',
    occurredOn: dateParts(d.occurredOn),
    subjects: [
      ...d.subjects.map((s) => ({ kind: s.kind, value: s.value, role: s.role ?? '' })),
      ...blankSubjects(2),
    ],
  };
}

const statusTag = (s: string) => ({
  text: STATUS_LABELS[s as ReportStatus] ?? s,
  classes:
    s === 'approved'
      ? 'govuk-tag--green'
      : s === 'awaiting_review'
        ? 'govuk-tag--blue'
        : s === 'returned'
          ? 'govuk-tag--orange'
          : s === 'needs_codes'
            ? 'govuk-tag--red'
            : 'govuk-tag--grey',
});

async function reportPage(ctx: AppContext, p: Principal, id: string, extra: Record<string, unknown> = {}) {
  const row = await visibleReport(ctx, p, id);
  const sanitised = await idb(ctx.db)
    .selectFrom('intel_reports')
    .select(['id', 'reference', 'status'])
    .where('sanitised_of', '=', row.id)
    .executeTakeFirst();
  const dto = await reportDto(ctx, p, row, await loadSubjects(ctx.db, row.id), {
    sanitisedVersionId: sanitised?.id ?? null,
  });
  const history = await changesSince(ctx.db, KIND_REPORT, row.id, 0, 500);
  const disseminations = await listDisseminations(ctx.db, row.id);
  const opts = await formOptions(ctx);
  const own = row.owning_agency_code === p.agencyCode;
  // Partners to contact (src/partners/README.md), from what the report holds; the report is already access-checked.
  const partnerRecs = recommendationsFor(factsFromReport(dto), { caseKind: 'intelligence_report', caseId: row.id });
  const engaged = decideAction(p, 'partners.engagements.read').allow
    ? await engagementsForCase(ctx.db, p, ctx.agreements.all(), 'intelligence_report', row.id)
    : [];
  return {
    title: `${row.reference}: ${row.title}`,
    marking: row.security_marking,
    report: dto,
    statusTag: statusTag(row.status),
    sanitised,
    history: history.map((h) => ({ ...h, summary: describeChanges([h], fieldLabel)[0] })).reverse(),
    disseminations,
    canEdit: own && p.roles.some((r) => ['intelligence_officer', 'analyst', 'supervisor'].includes(r)),
    canSubmit: own && ['draft', 'returned', 'needs_codes'].includes(row.status),
    canReview:
      own &&
      row.status === 'awaiting_review' &&
      p.roles.includes('supervisor') &&
      row.created_by !== p.userId,
    ownReportAwaiting: own && row.status === 'awaiting_review' && row.created_by === p.userId,
    canDisseminate: row.status === 'approved',
    canSanitise: own && !row.sanitised_of && !sanitised,
    agencyOptions: [
      { value: '', text: 'Choose an agency' },
      ...opts.agencyOptions.filter((a) => a.value !== row.owning_agency_code),
    ],
    conditionAgencies: await Promise.all(
      (dto.conditions?.namedAgencies ?? []).map(async (c) => (await agencies(ctx)).get(c)?.name ?? c),
    ),
    partnerRecs: { ...partnerRecs, engaged: Object.fromEntries(engaged.map((e) => [e.partnerCode, e])) },
    canRecordEngagement: decideAction(p, 'partners.engagements.record').allow,
    returnTo: `/intelligence/reports/${row.id}`,
    ...extra,
  };
}

export function reportPages(app: FusionApp, ctx: AppContext) {
  const page = { schema: { hide: true } } as const;

  app.get(
    '/intelligence',
    { config: { access: 'intelligence.reports.read', page: true }, ...page },
    async (req, reply) => {
      const p = req.principal!;
      const counts = await reportCounts(ctx, p);
      return reply.page('intelligence/views/home.njk', {
        title: 'Intelligence',
        counts,
        isSupervisor: p.roles.includes('supervisor'),
      });
    },
  );

  app.get(
    '/intelligence/reports',
    {
      config: { access: 'intelligence.reports.read', page: true },
      schema: {
        hide: true,
        querystring: ReportQuery.omit({ limit: true, offset: true }).extend({
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const { page: n, ...q } = req.query;
      const res = await searchReports(ctx, p, filtersOf(q), {
        limit: PAGE_SIZE,
        offset: (n - 1) * PAGE_SIZE,
      });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.reports.search',
        entityKind: KIND_REPORT,
        detail: { filters: q, count: res.rows.length, ids: res.rows.map((r) => r.id) },
      });
      const opts = await formOptions(ctx);
      return reply.page('intelligence/views/reports.njk', {
        title: 'Intelligence reports',
        rows: res.rows.map((r) => ({ ...r, statusTag: statusTag(r.status) })),
        total: res.total,
        query: q,
        csvHref: `/intelligence/reports/export.csv${queryString(q)}`,
        pagination: pagination('/intelligence/reports', q, res.total, n),
        ...opts,
      });
    },
  );

  app.get(
    '/intelligence/reports/export.csv',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        hide: true,
        querystring: ReportQuery.omit({ limit: true, offset: true }).extend({ page: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const res = await searchReports(ctx, req.principal!, filtersOf(req.query), {
        limit: 50_000,
        offset: 0,
      });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.reports.export',
        entityKind: KIND_REPORT,
        detail: { filters: req.query, count: res.rows.length },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="intelligence-reports.csv"')
        .send(reportsCsv(res.rows));
    },
  );

  app.get(
    '/intelligence/review',
    { config: { access: 'intelligence.reports.review', page: true }, ...page },
    async (req, reply) => {
      const res = await searchReports(
        ctx,
        req.principal!,
        { status: 'awaiting_review', owner: req.principal!.agencyCode },
        { limit: 200, offset: 0 },
      );
      return reply.page('intelligence/views/review-queue.njk', {
        title: 'Reports awaiting review',
        rows: res.rows,
      });
    },
  );

  const newForm = async (values: FormValues, extra: Record<string, unknown> = {}) => ({
    title: 'Write an intelligence report',
    values,
    action: '/intelligence/reports/new',
    ...(await formOptions(ctx)),
    ...extra,
  });

  app.get(
    '/intelligence/reports/new',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, querystring: z.object({ nccu: z.uuid().optional() }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const values = valuesFromForm({});
      values.subjects = blankSubjects(3);
      if (p.agencyType === 'police_force') values.areaCode = p.agencyCode;
      return reply.page(
        'intelligence/views/report-form.njk',
        await newForm(values, { nccu: req.query.nccu }),
      );
    },
  );

  app.post(
    '/intelligence/reports/new',
    { config: { access: 'intelligence.reports.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const f = req.body;
      const values = valuesFromForm(f);
      const action = str(f, 'action');
      if (action === 'add-subject') {
        values.subjects.push(...blankSubjects(3));
        return reply.page(
          'intelligence/views/report-form.njk',
          await newForm(values, { nccu: opt(f, 'nccu') }),
        );
      }
      const { input, fields } = inputFromValues(values, f);
      if (!input || fields.length)
        return reply
          .status(400)
          .page(
            'intelligence/views/report-form.njk',
            await newForm(values, { nccu: opt(f, 'nccu'), ...errorsOf(fields) }),
          );
      const res = await withFieldErrors(() =>
        createReport(ctx, req.principal!, actorFrom(req), { ...input, submit: action === 'submit' }),
      );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/report-form.njk',
            await newForm(values, { nccu: opt(f, 'nccu'), ...errorsOf(res.fields) }),
          );
      const nccu = opt(f, 'nccu');
      if (nccu) {
        const { documentAction } = await import('../store/nccu.js');
        await documentAction(ctx, req.principal!, actorFrom(req), nccu, {
          kind: 'return',
          reportId: res.value.id,
        }).catch(() => {});
      }
      return reply.redirect(
        `/intelligence/reports/${res.value.id}?flash=${action === 'submit' ? 'submitted' : 'saved'}`,
        303,
      );
    },
  );

  app.get(
    '/intelligence/reports/:id',
    {
      config: { access: 'intelligence.reports.read', page: true },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ flash: z.string().max(40).optional(), engaged: z.string().max(60).optional() }),
      },
    },
    async (req, reply) => {
      const data = await reportPage(ctx, req.principal!, req.params.id);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.reports.read',
        entityKind: KIND_REPORT,
        entityId: req.params.id,
        purpose: 'intelligence',
      });
      const flash = {
        saved: 'The report was saved as a draft.',
        submitted: 'The report was submitted for review.',
        updated: 'Your changes were saved.',
        approved: 'The report was approved.',
        returned: 'The report was returned to its author.',
        disseminated: 'The dissemination was recorded.',
        sanitised: 'The sanitised version was created and submitted for review.',
      }[req.query.flash ?? ''] ?? (req.query.engaged ? 'The partner engagement was recorded on this report.' : undefined);
      return reply.page('intelligence/views/report.njk', { ...data, flash });
    },
  );

  const editForm = async (
    id: string,
    values: FormValues,
    version: number,
    extra: Record<string, unknown> = {},
  ) => ({
    title: 'Change intelligence report',
    values,
    version,
    id,
    action: `/intelligence/reports/${id}/edit`,
    backLink: `/intelligence/reports/${id}`,
    ...(await formOptions(ctx)),
    ...extra,
  });

  app.get(
    '/intelligence/reports/:id/edit',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      const dto = await reportDto(ctx, req.principal!, row, await loadSubjects(ctx.db, row.id), {
        sanitisedVersionId: null,
      });
      return reply.page(
        'intelligence/views/report-form.njk',
        await editForm(row.id, valuesFromDto(dto), row.version, {
          reference: row.reference,
          marking: row.security_marking,
        }),
      );
    },
  );

  app.post(
    '/intelligence/reports/:id/edit',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      const values = valuesFromForm(f);
      const version = int(f, 'version') ?? 0;
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      if (str(f, 'action') === 'add-subject') {
        values.subjects.push(...blankSubjects(3));
        return reply.page(
          'intelligence/views/report-form.njk',
          await editForm(row.id, values, version, { reference: row.reference }),
        );
      }
      const { input, fields } = inputFromValues(values, f);
      if (!input || fields.length)
        return reply
          .status(400)
          .page(
            'intelligence/views/report-form.njk',
            await editForm(row.id, values, version, { reference: row.reference, ...errorsOf(fields) }),
          );
      const patch = ReportPatch.parse({
        ...input,
        subjects: input.subjects.map((s) => SubjectInput.parse(s)),
      });
      const res = await withFieldErrors(() =>
        updateReport(ctx, req.principal!, actorFrom(req), row.id, version, patch),
      );
      if (!res.ok) {
        if (res.error instanceof StaleEdit) {
          // Show the other person's change and the current values beside the user's own (kept in the form).
          const d = res.error.detail;
          const current = await reportDto(
            ctx,
            req.principal!,
            await visibleReport(ctx, req.principal!, row.id),
            await loadSubjects(ctx.db, row.id),
            { sanitisedVersionId: null },
          );
          return reply.status(409).page(
            'intelligence/views/report-form.njk',
            await editForm(row.id, values, d.currentVersion, {
              reference: row.reference,
              stale: {
                lines: describeChanges(d.changesSince, fieldLabel),
                changes: d.changesSince.flatMap((e) =>
                  Object.entries(e.changes).map(([k, c]) => ({
                    field: fieldLabel(k),
                    from: fmt(c.from),
                    to: fmt(c.to),
                    by: e.changedByName,
                    version: e.version,
                  })),
                ),
                current,
              },
              errors: [{ text: res.error.message, href: '#stale' }],
            }),
          );
        }
        return reply
          .status(res.status)
          .page(
            'intelligence/views/report-form.njk',
            await editForm(row.id, values, version, { reference: row.reference, ...errorsOf(res.fields) }),
          );
      }
      return reply.redirect(`/intelligence/reports/${row.id}?flash=updated`, 303);
    },
  );

  app.post(
    '/intelligence/reports/:id/submit',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const res = await withFieldErrors(() =>
        transitionReport(ctx, req.principal!, actorFrom(req), req.params.id, 'submit', {
          expectedVersion: int(req.body, 'version'),
        }),
      );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/report.njk',
            await reportPage(
              ctx,
              req.principal!,
              req.params.id,
              errorsOf(res.fields.map((x) => ({ ...x, field: x.field === 'version' ? 'submit' : x.field }))),
            ),
          );
      return reply.redirect(`/intelligence/reports/${req.params.id}?flash=submitted`, 303);
    },
  );

  app.post(
    '/intelligence/reports/:id/review',
    {
      config: { access: 'intelligence.reports.review', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const decision = str(req.body, 'decision');
      const fields: FieldError[] = [];
      if (decision !== 'approve' && decision !== 'return')
        fields.push({ field: 'decision', message: 'Select whether to approve the report or return it' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            transitionReport(
              ctx,
              req.principal!,
              actorFrom(req),
              req.params.id,
              decision as 'approve' | 'return',
              { note: opt(req.body, 'note'), expectedVersion: int(req.body, 'version') },
            ),
          );
      if (!res.ok)
        return reply.status(res.status).page(
          'intelligence/views/report.njk',
          await reportPage(ctx, req.principal!, req.params.id, {
            ...errorsOf(res.fields),
            reviewValues: { decision, note: str(req.body, 'note') },
          }),
        );
      return reply.redirect(
        `/intelligence/reports/${req.params.id}?flash=${decision === 'approve' ? 'approved' : 'returned'}`,
        303,
      );
    },
  );

  app.post(
    '/intelligence/reports/:id/disseminate',
    {
      config: { access: 'intelligence.reports.disseminate', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const toAgency = str(req.body, 'toAgency');
      const purpose = str(req.body, 'purpose');
      const fields: FieldError[] = [];
      if (!toAgency)
        fields.push({ field: 'toAgency', message: 'Choose the agency you are sharing the report with' });
      if (!purpose) fields.push({ field: 'purpose', message: 'Enter why you are sharing it' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            disseminateReport(ctx, req.principal!, actorFrom(req), req.params.id, { toAgency, purpose }),
          );
      if (!res.ok)
        return reply.status(res.status).page(
          'intelligence/views/report.njk',
          await reportPage(ctx, req.principal!, req.params.id, {
            ...errorsOf(res.fields),
            disseminateValues: { toAgency, purpose },
          }),
        );
      return reply.redirect(`/intelligence/reports/${req.params.id}?flash=disseminated`, 303);
    },
  );

  const sanitiseForm = async (
    p: Principal,
    id: string,
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const row = await visibleReport(ctx, p, id);
    return {
      title: 'Create a sanitised version',
      original: row,
      values,
      backLink: `/intelligence/reports/${id}`,
      marking: row.security_marking,
      ...(await formOptions(ctx)),
      ...extra,
    };
  };

  app.get(
    '/intelligence/reports/:id/sanitise',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      const subjects = await loadSubjects(ctx.db, row.id);
      return reply.page(
        'intelligence/views/sanitise.njk',
        await sanitiseForm(req.principal!, row.id, {
          title: `${row.title} (sanitised)`,
          narrative: row.narrative,
          subjects: subjects.map((s) => ({ id: s.id, kind: s.kind, value: s.value, keep: false })),
        }),
      );
    },
  );

  app.post(
    '/intelligence/reports/:id/sanitise',
    {
      config: { access: 'intelligence.reports.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      const subjects = await loadSubjects(ctx.db, row.id);
      const keep = new Set(list(req.body, 'keepSubject'));
      const values = {
        title: str(req.body, 'title'),
        narrative: str(req.body, 'narrative'),
        subjects: subjects.map((s) => ({
          id: s.id,
          kind: s.kind,
          value: s.value,
          keep: keep.has(String(s.id)),
        })),
      };
      const fields: FieldError[] = [];
      if (!values.title) fields.push({ field: 'title', message: 'Enter a title' });
      if (!values.narrative) fields.push({ field: 'narrative', message: 'Enter the sanitised narrative' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            createSanitisedVersion(ctx, req.principal!, actorFrom(req), row.id, {
              title: values.title,
              narrative: values.narrative,
              subjects: subjects
                .filter((s) => keep.has(String(s.id)))
                .map((s) => ({ kind: s.kind as SubjectInput['kind'], value: s.value })),
            }),
          );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/sanitise.njk',
            await sanitiseForm(req.principal!, row.id, values, errorsOf(res.fields)),
          );
      return reply.redirect(`/intelligence/reports/${res.value.id}?flash=sanitised`, 303);
    },
  );
}

function fmt(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  if (Array.isArray(v))
    return (
      v
        .map((x) => (x && typeof x === 'object' ? Object.values(x).filter(Boolean).join(': ') : String(x)))
        .join('; ') || '(none)'
    );
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${Array.isArray(x) ? x.join(', ') : String(x)}`)
      .join('; ');
  const s = String(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export { fmt as formatChange, jsonOf };
