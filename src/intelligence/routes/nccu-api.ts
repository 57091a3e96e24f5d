import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { redact } from '../../kernel/access/policy.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { ErrorResponse, IsoDate } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { preconditionRequired } from '../db.js';
import { StaleResponse } from '../dto.js';
import { documentState, NccuContactInput } from '../model/nccu.js';
import { etagOf, parseIfMatch } from '../model/versioning.js';
import {
  chaseList,
  contactChases,
  contactSubjects,
  createContact,
  documentAction,
  listContacts,
  returnRatesByForce,
  updateContact,
  visibleContact,
} from '../store/nccu.js';
import { KIND_NCCU, metaOf } from '../visibility.js';

const Id = z.object({ id: z.uuid() });
const Period = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
const today = () => new Date().toISOString().slice(0, 10);

export const RatesDto = z.object({
  contacts: z.number(),
  subjects: z.number(),
  total: z.object({
    sent: z.number(),
    returned: z.number(),
    overdue: z.number(),
    rate: z.number().nullable(),
  }),
  byForce: z.array(
    z.object({
      forceCode: z.string(),
      forceName: z.string(),
      sent: z.number(),
      returned: z.number(),
      overdue: z.number(),
      rate: z.number().nullable(),
    }),
  ),
});

export function nccuApi(app: FusionApp, ctx: AppContext) {
  const ListQuery = Period.extend({
    force: z.string().max(60).optional(),
    document: z.enum(['not_requested', 'due', 'overdue', 'returned']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });
  const Item = z.object({
    id: z.string(),
    reference: z.string(),
    force: z.string(),
    contactedAt: z.string(),
    incidentType: z.string(),
    subjects: z.number(),
    document: z.string(),
    documentDueOn: z.string().nullable(),
    version: z.number(),
  });
  const itemOf = (r: Awaited<ReturnType<typeof listContacts>>['rows'][number]) => ({
    id: r.id,
    reference: r.reference,
    force: r.force_code,
    contactedAt: new Date(r.contacted_at).toISOString(),
    incidentType: r.incident_type,
    subjects: r.subjects_count,
    document: documentState(r, today()),
    documentDueOn: r.document_due_on,
    version: r.version,
  });

  app.get(
    '/api/v1/nccu-contacts',
    {
      config: { access: 'intelligence.nccu.read' },
      schema: {
        tags: ['nccu'],
        summary: 'Police contacts with the NCCU you may see',
        querystring: ListQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(Item) }) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      const res = await listContacts(ctx, req.principal!, f, { limit, offset });
      return { total: res.total, items: res.rows.map(itemOf) };
    },
  );

  app.get(
    '/api/v1/nccu-contacts/export.csv',
    {
      config: { access: 'intelligence.nccu.read' },
      schema: {
        tags: ['nccu'],
        summary: 'NCCU contacts as CSV',
        querystring: ListQuery.omit({ limit: true, offset: true }),
      },
    },
    async (req, reply) => {
      const res = await listContacts(ctx, req.principal!, req.query, { limit: 50_000, offset: 0 });
      const csv = stringify(
        res.rows.map((r) => {
          const i = itemOf(r);
          return [
            i.reference,
            r.force_name ?? i.force,
            i.contactedAt,
            i.incidentType,
            i.subjects,
            i.document,
            i.documentDueOn ?? '',
            r.chase_count,
          ];
        }),
        {
          header: true,
          columns: [
            'reference',
            'force',
            'contacted_at',
            'incident_type',
            'subjects',
            'document',
            'document_due_on',
            'chases',
          ],
        },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="nccu-contacts.csv"')
        .send(csv);
    },
  );

  app.post(
    '/api/v1/nccu-contacts',
    {
      config: { access: 'intelligence.nccu.write' },
      schema: {
        tags: ['nccu'],
        summary:
          'Log a police contact with the NCCU and the people involved (sendDocument: the intelligence document becomes due)',
        body: NccuContactInput,
        response: { 201: z.object({ id: z.string(), reference: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await createContact(ctx, req.principal!, actorFrom(req), req.body);
      return reply.status(201).send({ id: row.id, reference: row.reference });
    },
  );

  app.get(
    '/api/v1/nccu-contacts/:id',
    {
      config: { access: 'intelligence.nccu.read' },
      schema: {
        tags: ['nccu'],
        summary: 'One NCCU contact with its subjects and document',
        params: Id,
        response: { 200: z.record(z.string(), z.unknown()), 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await visibleContact(ctx, req.principal!, req.params.id);
      const meta = metaOf(KIND_NCCU, row);
      const subjects = (await contactSubjects(ctx.db, row.id)).map((s) => redact(req.principal!, meta, s));
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.nccu.read',
        entityKind: KIND_NCCU,
        entityId: row.id,
        purpose: 'intelligence',
      });
      return reply.header('etag', etagOf(row.version)).send({
        id: row.id,
        reference: row.reference,
        owningAgency: row.owning_agency_code,
        force: row.force_code,
        contactedAt: new Date(row.contacted_at).toISOString(),
        incidentType: row.incident_type,
        location: row.location,
        summary: row.summary,
        officerName: row.officer_name,
        threats: row.threats,
        subjects: subjects.map((s) => ({
          role: s.role,
          givenName: s.given_name,
          familyName: s.family_name,
          dateOfBirth: s.date_of_birth_text,
          nationality: s.nationality,
        })),
        document: {
          state: documentState(
            {
              document_status: row.document_status,
              document_due_on: row.document_due_on ? String(row.document_due_on).slice(0, 10) : null,
            },
            today(),
          ),
          sentOn: row.document_sent_on,
          dueOn: row.document_due_on,
          returnedOn: row.document_returned_on,
          reportId: row.returned_report_id,
        },
        chases: (await contactChases(ctx.db, row.id)).map((c) => ({
          chasedOn: String(c.chased_on).slice(0, 10),
          note: c.note,
          by: c.by_name,
        })),
        version: row.version,
      });
    },
  );

  app.patch(
    '/api/v1/nccu-contacts/:id',
    {
      config: { access: 'intelligence.nccu.write' },
      schema: {
        tags: ['nccu'],
        summary: 'Change an NCCU contact’s details (If-Match required)',
        params: Id,
        body: z
          .object({
            location: z.string().trim().max(200).nullish(),
            summary: z.string().trim().min(1).max(4000).optional(),
            officerName: z.string().trim().max(120).nullish(),
            incidentType: NccuContactInput.shape.incidentType.optional(),
          })
          .strict(),
        response: {
          200: z.object({ id: z.string(), version: z.number() }),
          404: ErrorResponse,
          412: StaleResponse,
          428: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const expected = parseIfMatch(req.headers['if-match']);
      if (expected === null) throw preconditionRequired();
      const r = await updateContact(ctx, req.principal!, actorFrom(req), req.params.id, expected, req.body);
      return reply.header('etag', etagOf(r.version)).send({ id: req.params.id, version: r.version });
    },
  );

  for (const [path, kind, summary] of [
    ['document', 'send', 'NCCU: send the intelligence document to the force (due in 14 days)'],
    [
      'document/return',
      'return',
      'Force: return the intelligence document, linking the intelligence report it became',
    ],
    ['document/chase', 'chase', 'NCCU: chase a document that is due or overdue'],
  ] as const) {
    app.post(
      `/api/v1/nccu-contacts/:id/${path}`,
      {
        config: { access: 'intelligence.nccu.write' },
        schema: {
          tags: ['nccu'],
          summary,
          params: Id,
          body: z
            .object({ reportId: z.uuid().optional(), note: z.string().trim().max(1000).optional() })
            .nullish(),
          response: {
            200: z.object({ id: z.string(), version: z.number() }),
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            412: StaleResponse,
            422: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        const action =
          kind === 'send'
            ? { kind }
            : kind === 'return'
              ? { kind, reportId: req.body?.reportId ?? null }
              : { kind, note: req.body?.note ?? null };
        const r = await documentAction(
          ctx,
          req.principal!,
          actorFrom(req),
          req.params.id,
          action,
          parseIfMatch(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(r.version)).send({ id: req.params.id, version: r.version });
      },
    );
  }

  app.get(
    '/api/v1/nccu-chase-list',
    {
      config: { access: 'intelligence.nccu.read' },
      schema: {
        tags: ['nccu'],
        summary: 'Intelligence documents sent and not returned, oldest due first',
        querystring: z.object({ force: z.string().max(60).optional() }),
        response: {
          200: z.object({
            items: z.array(
              Item.extend({ overdue: z.boolean(), daysOverdue: z.number(), chases: z.number() }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await chaseList(ctx, req.principal!, req.query)).map((r) => ({
        ...itemOf(r),
        overdue: r.overdue,
        daysOverdue: r.daysOverdue,
        chases: r.chase_count,
      })),
    }),
  );

  app.get(
    '/api/v1/nccu-return-rates',
    {
      config: { access: 'intelligence.measures.read' },
      schema: {
        tags: ['nccu'],
        summary: 'Intelligence-document return rate by force for documents sent in a period',
        querystring: Period,
        response: { 200: RatesDto },
      },
    },
    async (req) => returnRatesByForce(ctx, req.query),
  );
}
