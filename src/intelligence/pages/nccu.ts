/** Pages for NCCU contacts: log, view, send/return/chase the intelligence document, chase list, return rates. */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { redact } from '../../kernel/access/policy.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { type FieldError, zodFields } from '../../kernel/errors.js';
import { IsoDate } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencies, forces } from '../agencies.js';
import { inlineBar } from '../charts/svg.js';
import { countryName, countryOptions } from '../countries.js';
import { documentState, NccuContactInput } from '../model/nccu.js';
import { NCCU_INCIDENT_TYPES, NCCU_SUBJECT_ROLES } from '../reference.js';
import {
  chaseList,
  contactChases,
  contactSubjects,
  createContact,
  documentAction,
  listContacts,
  returnRatesByForce,
  visibleContact,
} from '../store/nccu.js';
import { KIND_NCCU, metaOf } from '../visibility.js';
import {
  dateOf,
  errorsOf,
  type Form,
  FormBody,
  list,
  opt,
  PAGE_SIZE,
  pagination,
  queryString,
  str,
  withFieldErrors,
} from './form.js';

const today = () => new Date().toISOString().slice(0, 10);
const DOC_TAGS: Record<string, { text: string; classes: string }> = {
  not_requested: { text: 'No document requested', classes: 'govuk-tag--grey' },
  due: { text: 'Document due', classes: 'govuk-tag--blue' },
  overdue: { text: 'Document overdue', classes: 'govuk-tag--red' },
  returned: { text: 'Document returned', classes: 'govuk-tag--green' },
};
const incidentLabel = (v: string) => NCCU_INCIDENT_TYPES.find((t) => t.value === v)?.label ?? v;

/** The HMICFRS period (June to September 2024) of the 14-of-44 figure, offered as a preset. */
export const SEED_PERIOD = { from: '2024-06-01', to: '2024-09-30' };

interface SubjectValues {
  role: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nationality: string;
}
const blankSubject = (): SubjectValues => ({
  role: 'suspected_irregular_migrant',
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  nationality: '',
});
const arr = (f: Form, k: string) => {
  const v = f[k];
  return Array.isArray(v) ? v : v !== undefined ? [v] : [];
};

function valuesFromForm(f: Form) {
  const n = arr(f, 'subjectRole').length;
  return {
    forceCode: str(f, 'forceCode'),
    contactedAt: {
      day: str(f, 'contactedAt-day'),
      month: str(f, 'contactedAt-month'),
      year: str(f, 'contactedAt-year'),
    },
    incidentType: str(f, 'incidentType'),
    location: str(f, 'location'),
    summary: str(f, 'summary'),
    officerName: str(f, 'officerName'),
    threats: list(f, 'threats'),
    sendDocument: list(f, 'sendDocument').includes('yes'),
    subjects: Array.from({ length: n }, (_, i) => ({
      role: arr(f, 'subjectRole')[i] ?? 'suspected_irregular_migrant',
      givenName: (arr(f, 'subjectGiven')[i] ?? '').trim(),
      familyName: (arr(f, 'subjectFamily')[i] ?? '').trim(),
      dateOfBirth: (arr(f, 'subjectDob')[i] ?? '').trim(),
      nationality: arr(f, 'subjectNationality')[i] ?? '',
    })),
  };
}

export function nccuPages(app: FusionApp, ctx: AppContext) {
  const opts = async () => ({
    forceOptions: [
      { value: '', text: 'Choose a force' },
      ...(await forces(ctx)).map((f) => ({ value: f.code, text: f.name })),
    ],
    incidentTypes: NCCU_INCIDENT_TYPES.map((t) => ({ value: t.value, text: t.label })),
    roles: NCCU_SUBJECT_ROLES.map((r) => ({ value: r.value, text: r.label })),
    countries: [{ value: '', text: 'Not known' }, ...countryOptions()],
  });
  const ListQuery = z.object({
    force: z.string().max(60).optional(),
    document: z.enum(['', 'not_requested', 'due', 'overdue', 'returned']).optional(),
    from: IsoDate.or(z.literal('')).optional(),
    to: IsoDate.or(z.literal('')).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  });

  app.get(
    '/nccu',
    {
      config: { access: 'intelligence.nccu.read', page: true },
      schema: { hide: true, querystring: ListQuery },
    },
    async (req, reply) => {
      const { page: n, ...q } = req.query;
      const res = await listContacts(
        ctx,
        req.principal!,
        {
          force: q.force || undefined,
          document: q.document || undefined,
          from: q.from || undefined,
          to: q.to || undefined,
        },
        { limit: PAGE_SIZE, offset: (n - 1) * PAGE_SIZE },
      );
      const t = today();
      return reply.page('intelligence/views/nccu.njk', {
        title: 'NCCU contacts',
        rows: res.rows.map((r) => ({
          ...r,
          incident: incidentLabel(r.incident_type),
          doc: DOC_TAGS[documentState(r, t)],
        })),
        total: res.total,
        query: q,
        csvHref: `/nccu/export.csv${queryString(q, ['page'])}`,
        pagination: pagination('/nccu', q, res.total, n),
        canLog:
          req.principal!.roles.some((r) =>
            ['intelligence_officer', 'first_responder', 'supervisor'].includes(r),
          ) && ['police_force', 'home_office'].includes(req.principal!.agencyType),
        ...(await opts()),
      });
    },
  );

  app.get(
    '/nccu/export.csv',
    { config: { access: 'intelligence.nccu.read' }, schema: { hide: true, querystring: ListQuery } },
    async (req, reply) => {
      const q = req.query;
      const res = await listContacts(
        ctx,
        req.principal!,
        {
          force: q.force || undefined,
          document: q.document || undefined,
          from: q.from || undefined,
          to: q.to || undefined,
        },
        { limit: 50_000, offset: 0 },
      );
      const t = today();
      const csv = stringify(
        res.rows.map((r) => [
          r.reference,
          r.force_name ?? r.force_code,
          new Date(r.contacted_at).toISOString(),
          r.incident_type,
          r.subjects_count,
          documentState(r, t),
          r.document_sent_on ?? '',
          r.document_due_on ?? '',
          r.document_returned_on ?? '',
          r.chase_count,
        ]),
        {
          header: true,
          columns: [
            'reference',
            'force',
            'contacted_at',
            'incident_type',
            'subjects',
            'document',
            'sent_on',
            'due_on',
            'returned_on',
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

  const newPage = async (values: ReturnType<typeof valuesFromForm>, extra: Record<string, unknown> = {}) => ({
    title: 'Log a contact with the NCCU',
    values,
    ...(await opts()),
    ...extra,
  });

  app.get(
    '/nccu/new',
    { config: { access: 'intelligence.nccu.write', page: true }, schema: { hide: true } },
    async (req, reply) => {
      const p = req.principal!;
      const now = new Date();
      const values = {
        ...valuesFromForm({}),
        forceCode: p.agencyType === 'police_force' ? p.agencyCode : '',
        threats: ['oic'],
        contactedAt: {
          day: String(now.getUTCDate()),
          month: String(now.getUTCMonth() + 1),
          year: String(now.getUTCFullYear()),
        },
        subjects: [blankSubject(), blankSubject(), blankSubject()],
        sendDocument: p.agencyType === 'home_office',
      };
      return reply.page(
        'intelligence/views/nccu-new.njk',
        await newPage(values, { isPolice: p.agencyType === 'police_force' }),
      );
    },
  );

  app.post(
    '/nccu/new',
    { config: { access: 'intelligence.nccu.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const f = req.body;
      const values = valuesFromForm(f);
      const isPolice = req.principal!.agencyType === 'police_force';
      if (str(f, 'action') === 'add-subject') {
        values.subjects.push(blankSubject(), blankSubject());
        return reply.page('intelligence/views/nccu-new.njk', await newPage(values, { isPolice }));
      }
      const fields: FieldError[] = [];
      const contactedOn = dateOf(f, 'contactedAt');
      if (!contactedOn)
        fields.push({
          field: 'contactedAt',
          message: 'Enter the date of the contact, for example 27 3 2025',
        });
      const parsed = NccuContactInput.safeParse({
        forceCode: values.forceCode,
        contactedAt: contactedOn || '2000-01-01',
        incidentType: values.incidentType || undefined,
        location: values.location || null,
        summary: values.summary,
        officerName: values.officerName || null,
        threats: values.threats,
        sendDocument: values.sendDocument,
        subjects: values.subjects
          .filter((s) => s.givenName || s.familyName || s.dateOfBirth)
          .map((s) => ({
            role: s.role,
            givenName: s.givenName || null,
            familyName: s.familyName || null,
            dateOfBirth: s.dateOfBirth || null,
            nationality: s.nationality || null,
          })),
      });
      if (!parsed.success)
        fields.push(
          ...zodFields(parsed.error).map((e) =>
            e.field === 'incidentType'
              ? { field: 'incidentType', message: 'Select what kind of incident it was' }
              : e,
          ),
        );
      if (fields.length || !parsed.success)
        return reply
          .status(400)
          .page('intelligence/views/nccu-new.njk', await newPage(values, { isPolice, ...errorsOf(fields) }));
      const res = await withFieldErrors(() =>
        createContact(ctx, req.principal!, actorFrom(req), parsed.data),
      );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/nccu-new.njk',
            await newPage(values, { isPolice, ...errorsOf(res.fields) }),
          );
      return reply.redirect(`/nccu/${res.value.id}?flash=logged`, 303);
    },
  );

  app.get(
    '/nccu/chase-list',
    {
      config: { access: 'intelligence.nccu.read', page: true },
      schema: { hide: true, querystring: z.object({ force: z.string().max(60).optional() }) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const force = req.query.force ?? (p.agencyType === 'police_force' ? p.agencyCode : '');
      const rows = await chaseList(ctx, p, { force: force || undefined });
      return reply.page('intelligence/views/chase-list.njk', {
        title: 'Intelligence documents to chase',
        rows: rows.map((r) => ({ ...r, incident: incidentLabel(r.incident_type) })),
        force,
        ...(await opts()),
      });
    },
  );

  app.get(
    '/nccu/return-rates',
    {
      config: { access: 'intelligence.measures.read', page: true },
      schema: {
        hide: true,
        querystring: z.object({
          from: IsoDate.or(z.literal('')).optional(),
          to: IsoDate.or(z.literal('')).optional(),
          format: z.enum(['html', 'csv']).default('html'),
        }),
      },
    },
    async (req, reply) => {
      const from = req.query.from || undefined;
      const to = req.query.to || undefined;
      const rates = await returnRatesByForce(ctx, { from, to });
      if (req.query.format === 'csv') {
        const csv = stringify(
          rates.byForce.map((r) => [
            r.forceName,
            r.sent,
            r.returned,
            r.overdue,
            r.rate === null ? '' : r.rate.toFixed(3),
          ]),
          { header: true, columns: ['force', 'documents_sent', 'returned', 'overdue', 'return_rate'] },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="nccu-return-rates.csv"')
          .send(csv);
      }
      const max = Math.max(1, ...rates.byForce.map((r) => r.sent));
      return reply.page('intelligence/views/return-rates.njk', {
        title: 'Intelligence document return rate',
        rates: {
          ...rates,
          byForce: rates.byForce.map((r) => ({
            ...r,
            bar: inlineBar(r.returned, max),
            barSent: inlineBar(r.sent, max),
          })),
        },
        query: { from: from ?? '', to: to ?? '' },
        seedPeriod: SEED_PERIOD,
        csvHref: `/nccu/return-rates${queryString({ from, to, format: 'csv' })}`,
      });
    },
  );

  app.get(
    '/nccu/:id',
    {
      config: { access: 'intelligence.nccu.read', page: true },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ flash: z.string().max(20).optional() }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const row = await visibleContact(ctx, p, req.params.id);
      const meta = metaOf(KIND_NCCU, row);
      const subjects = (await contactSubjects(ctx.db, row.id)).map((s) => ({
        ...redact(p, meta, s),
        nationalityName: countryName(s.nationality),
        roleLabel: NCCU_SUBJECT_ROLES.find((r) => r.value === s.role)?.label ?? s.role,
      }));
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.nccu.read',
        entityKind: KIND_NCCU,
        entityId: row.id,
        purpose: 'intelligence',
      });
      const ag = await agencies(ctx);
      const state = documentState(
        {
          document_status: row.document_status,
          document_due_on: row.document_due_on ? String(row.document_due_on).slice(0, 10) : null,
        },
        today(),
      );
      const flash = {
        logged: 'The contact was logged.',
        send: 'The intelligence document was sent to the force.',
        return: 'The intelligence document was returned.',
        chase: 'The chase was recorded.',
      }[req.query.flash ?? ''];
      return reply.page('intelligence/views/nccu-contact.njk', {
        title: `NCCU contact ${row.reference}`,
        c: {
          ...row,
          document_sent_on: row.document_sent_on ? String(row.document_sent_on).slice(0, 10) : null,
          document_due_on: row.document_due_on ? String(row.document_due_on).slice(0, 10) : null,
          document_returned_on: row.document_returned_on
            ? String(row.document_returned_on).slice(0, 10)
            : null,
        },
        forceName: ag.get(row.force_code)?.name ?? row.force_code,
        ownerName: ag.get(row.owning_agency_code)?.name ?? row.owning_agency_code,
        incident: incidentLabel(row.incident_type),
        subjects,
        chases: await contactChases(ctx.db, row.id),
        doc: DOC_TAGS[state],
        state,
        canSend: row.owning_agency_code === p.agencyCode && row.document_status === 'not_requested',
        canChase: row.owning_agency_code === p.agencyCode && row.document_status === 'due',
        canReturn:
          (row.force_code === p.agencyCode || row.owning_agency_code === p.agencyCode) &&
          row.document_status === 'due',
        canWrite: p.roles.some((r) => ['intelligence_officer', 'first_responder', 'supervisor'].includes(r)),
        flash,
      });
    },
  );

  for (const kind of ['send', 'return', 'chase'] as const) {
    app.post(
      `/nccu/:id/document/${kind}`,
      {
        config: { access: 'intelligence.nccu.write', page: true },
        schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
      },
      async (req, reply) => {
        const action =
          kind === 'send'
            ? { kind }
            : kind === 'return'
              ? { kind, reportId: opt(req.body, 'reportId') }
              : { kind, note: opt(req.body, 'note') };
        await documentAction(ctx, req.principal!, actorFrom(req), req.params.id, action);
        return reply.redirect(`/nccu/${req.params.id}?flash=${kind}`, 303);
      },
    );
  }
}
