import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { ErrorResponse, IsoDate } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { changesSince, idb, preconditionRequired } from '../db.js';
import { ReportDto, reportDto, StaleResponse } from '../dto.js';
import { ReportInput, ReportPatch, SubjectInput } from '../model/report.js';
import { etagOf, parseIfMatch } from '../model/versioning.js';
import {
  createReport,
  createSanitisedVersion,
  disseminateReport,
  listDisseminations,
  loadSubjects,
  type ReportFilters,
  searchReports,
  transitionReport,
  updateReport,
  visibleReport,
} from '../store/reports.js';
import { KIND_REPORT } from '../visibility.js';

export const ReportQuery = z.object({
  q: z.string().max(200).optional(),
  code: z.string().max(20).optional(),
  threat: z.enum(['msht', 'oic']).optional(),
  sourceEvaluation: z.coerce.number().int().min(1).max(3).optional(),
  assessment: z.enum(['A', 'B', 'C', 'D', 'E']).optional(),
  handlingCode: z.enum(['P', 'C']).optional(),
  area: z.string().max(60).optional(),
  region: z.string().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  subject: z.string().max(200).optional(),
  subjectKind: z
    .enum(['person', 'phone', 'email', 'vehicle', 'address', 'bank_account', 'ocg', 'location'])
    .optional(),
  status: z.enum(['draft', 'awaiting_review', 'returned', 'approved', 'needs_codes']).optional(),
  owner: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function filtersOf(q: Record<string, unknown>): ReportFilters {
  const f: ReportFilters = {};
  for (const k of [
    'q',
    'code',
    'threat',
    'assessment',
    'handlingCode',
    'area',
    'region',
    'from',
    'to',
    'subject',
    'subjectKind',
    'status',
    'owner',
  ] as const) {
    const v = q[k];
    if (typeof v === 'string' && v.trim()) (f as Record<string, unknown>)[k] = v.trim();
  }
  if (q.sourceEvaluation) f.sourceEvaluation = Number(q.sourceEvaluation);
  return f;
}

export const REPORT_CSV_COLUMNS = [
  'reference',
  'title',
  'status',
  'owning_agency',
  'area',
  'region',
  'grading',
  'threats',
  'crime_codes',
  'reported_on',
  'occurred_on',
];

export function reportsCsv(rows: Awaited<ReturnType<typeof searchReports>>['rows']): string {
  return stringify(
    rows.map((r) => [
      r.reference,
      r.title,
      r.status,
      r.owner_name ?? r.owning_agency_code,
      r.area_name ?? '',
      r.region ?? '',
      r.grading,
      r.threats.join(' '),
      r.crime_codes.join(' '),
      r.reported_on,
      r.occurred_on ?? '',
    ]),
    { header: true, columns: REPORT_CSV_COLUMNS },
  );
}

const Id = z.object({ id: z.uuid() });
const ListItem = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  owningAgency: z.string(),
  area: z.string().nullable(),
  grading: z.string(),
  threats: z.array(z.string()),
  crimeCodes: z.array(z.string()),
  reportedOn: z.string(),
  version: z.number(),
});

export function reportsApi(app: FusionApp, ctx: AppContext) {
  app.get(
    '/api/v1/intelligence-reports',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        tags: ['intelligence'],
        summary: 'Search intelligence reports you may see (text, code, grading, area, date, subject)',
        querystring: ReportQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(ListItem) }) },
      },
    },
    async (req) => {
      const { limit, offset, ...rest } = req.query;
      const res = await searchReports(ctx, req.principal!, filtersOf(rest), { limit, offset });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.reports.search',
        entityKind: KIND_REPORT,
        detail: { filters: rest, count: res.rows.length, ids: res.rows.slice(0, 100).map((r) => r.id) },
      });
      return {
        total: res.total,
        items: res.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          title: r.title,
          status: r.status,
          owningAgency: r.owning_agency_code,
          area: r.area_code,
          grading: r.grading,
          threats: r.threats,
          crimeCodes: r.crime_codes,
          reportedOn: r.reported_on,
          version: r.version,
        })),
      };
    },
  );

  app.get(
    '/api/v1/intelligence-reports/export.csv',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        tags: ['intelligence'],
        summary: 'The same search as CSV (up to 50,000 rows)',
        querystring: ReportQuery.omit({ limit: true, offset: true }),
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

  app.post(
    '/api/v1/intelligence-reports',
    {
      config: { access: 'intelligence.reports.write' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Create an intelligence report (a draft, or submitted for review with submit=true; submission needs crime identifier codes)',
        body: ReportInput,
        response: { 201: ReportDto, 400: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const created = await createReport(ctx, req.principal!, actorFrom(req), req.body);
      const row = await visibleReport(ctx, req.principal!, created.id);
      reply.header('etag', etagOf(row.version)).header('location', `/api/v1/intelligence-reports/${row.id}`);
      return reply.status(201).send(
        await reportDto(ctx, req.principal!, row, await loadSubjects(ctx.db, row.id), {
          sanitisedVersionId: null,
        }),
      );
    },
  );

  app.get(
    '/api/v1/intelligence-reports/:id',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        tags: ['intelligence'],
        summary:
          'One intelligence report (404 when outside your agency, agreements or the handling conditions)',
        params: Id,
        querystring: z.object({ purpose: z.string().max(200).optional() }),
        response: { 200: ReportDto, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      const sanitised = await idb(ctx.db)
        .selectFrom('intel_reports')
        .select('id')
        .where('sanitised_of', '=', row.id)
        .executeTakeFirst();
      const dto = await reportDto(ctx, req.principal!, row, await loadSubjects(ctx.db, row.id), {
        sanitisedVersionId: sanitised?.id ?? null,
      });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.reports.read',
        entityKind: KIND_REPORT,
        entityId: row.id,
        purpose: req.query.purpose ?? 'intelligence',
      });
      return reply.header('etag', etagOf(row.version)).send(dto);
    },
  );

  app.patch(
    '/api/v1/intelligence-reports/:id',
    {
      config: { access: 'intelligence.reports.write' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Change a report. Send If-Match with the ETag you read: a stale edit is refused (412) with the other person’s change',
        params: Id,
        body: ReportPatch,
        response: {
          200: ReportDto,
          404: ErrorResponse,
          412: StaleResponse,
          422: ErrorResponse,
          428: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const expected = parseIfMatch(req.headers['if-match']);
      if (expected === null) throw preconditionRequired();
      await updateReport(ctx, req.principal!, actorFrom(req), req.params.id, expected, req.body);
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      return reply.header('etag', etagOf(row.version)).send(
        await reportDto(ctx, req.principal!, row, await loadSubjects(ctx.db, row.id), {
          sanitisedVersionId: null,
        }),
      );
    },
  );

  app.get(
    '/api/v1/intelligence-reports/:id/history',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        tags: ['intelligence'],
        summary: 'Every accepted change to a report, by version',
        params: Id,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                version: z.number(),
                changedByName: z.string().nullable(),
                changedAt: z.string(),
                changes: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          404: ErrorResponse,
        },
      },
    },
    async (req) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      return { items: await changesSince(ctx.db, KIND_REPORT, row.id, 0, 10_000) };
    },
  );

  const Transition = z.object({ note: z.string().max(2000).optional() });
  for (const [action, access, summary] of [
    [
      'submit',
      'intelligence.reports.write',
      'Submit a report for supervisor review (refused without a crime identifier code)',
    ],
    [
      'approve',
      'intelligence.reports.review',
      'Approve a report (a supervisor of the owning agency who did not write it)',
    ],
    ['return', 'intelligence.reports.review', 'Return a report to its author with a note'],
  ] as const) {
    app.post(
      `/api/v1/intelligence-reports/:id/${action}`,
      {
        config: { access },
        schema: {
          tags: ['intelligence'],
          summary,
          params: Id,
          body: Transition.nullish(),
          response: {
            200: z.object({ id: z.string(), status: z.string(), version: z.number() }),
            404: ErrorResponse,
            409: ErrorResponse,
            412: StaleResponse,
            422: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        const r = await transitionReport(ctx, req.principal!, actorFrom(req), req.params.id, action, {
          note: req.body?.note,
          expectedVersion: parseIfMatch(req.headers['if-match']),
        });
        return reply
          .header('etag', etagOf(r.version))
          .send({ id: req.params.id, status: r.status, version: r.version });
      },
    );
  }

  app.post(
    '/api/v1/intelligence-reports/:id/sanitised-version',
    {
      config: { access: 'intelligence.reports.write' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Create the sanitised version for wider sharing (handling code P) beside the restricted original',
        params: Id,
        body: z.object({
          title: z.string().trim().min(1).max(200),
          narrative: z.string().trim().min(1).max(20000),
          subjects: z.array(SubjectInput).max(200).default([]),
        }),
        response: {
          201: z.object({ id: z.string(), reference: z.string(), status: z.string() }),
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const r = await createSanitisedVersion(ctx, req.principal!, actorFrom(req), req.params.id, req.body);
      return reply.status(201).send({ id: r.id, reference: r.reference, status: r.status });
    },
  );

  const Dissemination = z.object({
    id: z.string(),
    toAgency: z.string(),
    toAgencyName: z.string().nullable(),
    agreementId: z.number().nullable(),
    basis: z.string(),
    purpose: z.string(),
    reportVersion: z.number(),
    disseminatedAt: z.string(),
  });

  app.post(
    '/api/v1/intelligence-reports/:id/disseminations',
    {
      config: { access: 'intelligence.reports.disseminate' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Disseminate an approved report to an agency, recording the agreement or condition that allows it',
        params: Id,
        body: z.object({
          toAgency: z.string().trim().min(1).max(60),
          purpose: z.string().trim().min(1).max(500),
        }),
        response: {
          201: Dissemination,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const d = await disseminateReport(ctx, req.principal!, actorFrom(req), req.params.id, req.body);
      return reply.status(201).send({
        id: d.id,
        toAgency: d.toAgency,
        toAgencyName: d.toAgencyName,
        agreementId: d.agreementId,
        basis: d.basis,
        purpose: req.body.purpose,
        reportVersion: d.reportVersion,
        disseminatedAt: d.disseminatedAt,
      });
    },
  );

  app.get(
    '/api/v1/intelligence-reports/:id/disseminations',
    {
      config: { access: 'intelligence.reports.read' },
      schema: {
        tags: ['intelligence'],
        summary: 'Who a report was disseminated to, and under which agreement',
        params: Id,
        response: { 200: z.object({ items: z.array(Dissemination) }), 404: ErrorResponse },
      },
    },
    async (req) => {
      const row = await visibleReport(ctx, req.principal!, req.params.id);
      const rows = await listDisseminations(ctx.db, row.id);
      return {
        items: rows.map((d) => ({
          id: d.id,
          toAgency: d.to_agency_code,
          toAgencyName: d.to_agency_name,
          agreementId: d.agreement_id,
          basis: d.basis,
          purpose: d.purpose,
          reportVersion: d.report_version,
          disseminatedAt: new Date(d.disseminated_at).toISOString(),
        })),
      };
    },
  );
}
