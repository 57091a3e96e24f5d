import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fieldRuleKinds } from '../access/policy.js';
import { purposeLabel } from '../access/purpose.js';
import type { FusionApp } from '../capability.js';
import type { AppContext } from '../context.js';
import { errorMap, errorSummary, type FieldError, forbidden, notFound, validationFailed } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../reference/agencies.js';
import { retentionKinds } from '../retention/registry.js';
import {
  AGREEMENT_PURPOSES,
  type AgreementChange,
  AgreementChange as AgreementChangeSchema,
  type AgreementInput,
  AgreementInput as AgreementInputSchema,
  agreementStatus,
  checkAgreement,
  checkAgreementChange,
  mayManageAgreement,
} from './agreements-model.js';
import { asList, csvReply, DatePartsForm, dateFromParts, FormList, todayIso } from './forms.js';

const AgreementOut = z.object({
  id: z.number(),
  name: z.string(),
  fromAgencyCode: z.string().nullable(),
  fromAgencyType: z.string().nullable(),
  toAgencyCode: z.string().nullable(),
  toAgencyType: z.string().nullable(),
  recordKinds: z.array(z.string()),
  purposes: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(['in-force', 'not-yet', 'ended', 'withdrawn']),
});
type AgreementOut = z.infer<typeof AgreementOut>;
const Id = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Data-sharing agreements: everyone may read them; administrators share their own agency's records. */
export async function agreementRoutes(app: FusionApp, ctx: AppContext) {
  type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
  const baseQuery = () => ctx.db.selectFrom('sharing_agreements').selectAll();
  const toOut = (r: Row): AgreementOut => ({
    id: r.id,
    name: r.name,
    fromAgencyCode: r.from_agency_code,
    fromAgencyType: r.from_agency_type,
    toAgencyCode: r.to_agency_code,
    toAgencyType: r.to_agency_type,
    recordKinds: r.record_kinds,
    purposes: r.purposes,
    validFrom: String(r.valid_from).slice(0, 10),
    validUntil: r.valid_until ? String(r.valid_until).slice(0, 10) : null,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    notes: r.notes,
    status: agreementStatus(r, todayIso()),
  });
  const listAll = async () => (await baseQuery().orderBy('name').orderBy('id').limit(5000).execute()).map(toOut);
  const one = async (id: number) => {
    const r = await baseQuery().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('agreement');
    return r;
  };
  const agencyNames = async () => new Map((await ctx.db.selectFrom('agencies').select(['code', 'name']).orderBy('name').execute()).map((a) => [a.code, a.name]));

  /** Kinds of record Fusion knows about: those in agreements, with field rules, or under retention review. */
  const knownKinds = async () => {
    const kinds = new Set<string>();
    for (const a of await baseQuery().select('record_kinds').execute()) for (const k of a.record_kinds) if (k !== '*') kinds.add(k);
    for (const r of retentionKinds()) kinds.add(r.kind);
    for (const k of fieldRuleKinds()) kinds.add(k);
    return [...kinds].sort();
  };

  const create = async (req: FastifyRequest, input: AgreementInput) => {
    const codes = new Set((await agencyNames()).keys());
    const checked = checkAgreement(input, req.principal!.agencyCode, codes, todayIso());
    if (!checked.ok) throw validationFailed(checked.fields);
    const v = checked.value;
    const id = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('sharing_agreements')
        .values({
          name: v.name,
          from_agency_code: req.principal!.agencyCode,
          from_agency_type: null,
          to_agency_code: v.toAgencyCode,
          to_agency_type: v.toAgencyType,
          record_kinds: v.recordKinds,
          purposes: v.purposes,
          valid_from: v.validFrom,
          valid_until: v.validUntil,
          notes: v.notes,
          created_by: req.principal!.userId,
          withdrawn_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.audit.append(trx, actorFrom(req), [{ action: 'agreements.created', entityKind: 'sharing_agreement', entityId: String(row.id), detail: { ...v } }]);
      return row.id;
    });
    await ctx.agreements.refresh();
    return id;
  };

  const managed = async (req: FastifyRequest, id: number) => {
    const r = await one(id);
    if (!mayManageAgreement(req.principal!.agencyCode, r)) {
      throw forbidden('Only an administrator of the agency whose records an agreement shares may change it.', 'agreement-owner');
    }
    return r;
  };

  const change = async (req: FastifyRequest, id: number, c: AgreementChange) => {
    const r = await managed(req, id);
    if (r.withdrawn_at) throw validationFailed([{ field: 'validUntil', message: 'A withdrawn agreement cannot be changed' }]);
    const fields = checkAgreementChange(c, String(r.valid_from).slice(0, 10));
    if (fields.length) throw validationFailed(fields);
    const set: { valid_until?: string | null; notes?: string | null } = {};
    if (c.validUntil !== undefined) set.valid_until = c.validUntil?.trim() || null;
    if (c.notes !== undefined) set.notes = c.notes?.trim() || null;
    if (Object.keys(set).length === 0) return;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('sharing_agreements').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.append(trx, actorFrom(req), [
        { action: 'agreements.changed', entityKind: 'sharing_agreement', entityId: String(id), detail: { from: { validUntil: r.valid_until, notes: r.notes }, to: set } },
      ]);
    });
    await ctx.agreements.refresh();
  };

  const withdraw = async (req: FastifyRequest, id: number) => {
    const r = await managed(req, id);
    if (r.withdrawn_at) return;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('sharing_agreements').set({ withdrawn_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
      await ctx.audit.append(trx, actorFrom(req), [{ action: 'agreements.withdrawn', entityKind: 'sharing_agreement', entityId: String(id) }]);
    });
    await ctx.agreements.refresh();
  };

  // ---- API ----

  app.get(
    '/api/v1/agreements',
    {
      config: { access: 'trust.agreements.read' },
      schema: { tags: ['agreements'], summary: 'Data-sharing agreements (in force, ended and withdrawn)', response: { 200: z.object({ agreements: z.array(AgreementOut) }) } },
    },
    async () => ({ agreements: await listAll() }),
  );

  app.get(
    '/api/v1/agreements/:id',
    {
      config: { access: 'trust.agreements.read' },
      schema: { tags: ['agreements'], summary: 'One data-sharing agreement', params: Id, response: { 200: AgreementOut, 404: ErrorResponse } },
    },
    async (req) => toOut(await one(req.params.id)),
  );

  app.post(
    '/api/v1/agreements',
    {
      config: { access: 'trust.agreements.manage' },
      schema: {
        tags: ['agreements'],
        summary: "Share your agency's records with another agency (or kind of agency)",
        body: AgreementInputSchema,
        response: { 201: AgreementOut, 422: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(toOut(await one(await create(req, req.body)))),
  );

  app.patch(
    '/api/v1/agreements/:id',
    {
      config: { access: 'trust.agreements.manage' },
      schema: {
        tags: ['agreements'],
        summary: "Change an agreement's end date or notes",
        params: Id,
        body: AgreementChangeSchema,
        response: { 200: AgreementOut, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req) => {
      await change(req, req.params.id, req.body);
      return toOut(await one(req.params.id));
    },
  );

  app.post(
    '/api/v1/agreements/:id/withdraw',
    {
      config: { access: 'trust.agreements.manage' },
      schema: { tags: ['agreements'], summary: 'Withdraw an agreement (it stops sharing at once)', params: Id, response: { 200: AgreementOut, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req) => {
      await withdraw(req, req.params.id);
      return toOut(await one(req.params.id));
    },
  );

  // ---- Pages ----

  const describe = (a: AgreementOut, names: Map<string, string>) => ({
    ...a,
    from: a.fromAgencyCode ? (names.get(a.fromAgencyCode) ?? a.fromAgencyCode) : `Every ${AGENCY_TYPE_LABELS[a.fromAgencyType as keyof typeof AGENCY_TYPE_LABELS]?.toLowerCase() ?? a.fromAgencyType}`,
    to: a.toAgencyCode ? (names.get(a.toAgencyCode) ?? a.toAgencyCode) : `Every ${AGENCY_TYPE_LABELS[a.toAgencyType as keyof typeof AGENCY_TYPE_LABELS]?.toLowerCase() ?? a.toAgencyType}`,
    purposeLabels: a.purposes.map(purposeLabel),
  });

  app.get(
    '/agreements',
    {
      config: { access: 'trust.agreements.read', page: true },
      schema: { hide: true, querystring: z.object({ format: z.enum(['csv']).optional() }) },
    },
    async (req, reply) => {
      const names = await agencyNames();
      const list = (await listAll()).map((a) => describe(a, names));
      if (req.query.format === 'csv') {
        return csvReply(
          reply,
          'agreements.csv',
          ['id', 'name', 'from', 'to', 'record_kinds', 'purposes', 'valid_from', 'valid_until', 'status'],
          list.map((a) => [a.id, a.name, a.from, a.to, a.recordKinds.join(' '), a.purposes.join(' '), a.validFrom, a.validUntil, a.status]),
        );
      }
      const canManage = req.principal!.roles.includes('administrator');
      return reply.page('kernel/trust/views/agreements.njk', { title: 'Data-sharing agreements', agreements: list, canManage });
    },
  );

  const formData = async (extra: Record<string, unknown> = {}) => {
    const names = await agencyNames();
    return {
      title: 'New data-sharing agreement',
      agencyOptions: [{ value: '', text: 'Choose an agency' }, ...[...names].map(([code, name]) => ({ value: code, text: name }))],
      typeOptions: [{ value: '', text: 'Choose a kind of agency' }, ...AGENCY_TYPES.map((t) => ({ value: t, text: AGENCY_TYPE_LABELS[t] }))],
      kindOptions: (await knownKinds()).map((k) => ({ value: k, text: k.replace(/_/g, ' ') })),
      purposeOptions: AGREEMENT_PURPOSES.map((p) => ({ value: p, text: purposeLabel(p) })),
      values: { recordKinds: [], purposes: [], recipient: 'agency' },
      ...extra,
    };
  };

  app.get('/agreements/new', { config: { access: 'trust.agreements.manage', page: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.page('kernel/trust/views/agreement-new.njk', await formData()),
  );

  const NewForm = z.object({
    name: z.string().max(200).optional(),
    recipient: z.enum(['agency', 'type']).optional(),
    toAgencyCode: z.string().max(100).optional(),
    toAgencyType: z.string().max(60).optional(),
    recordKinds: FormList,
    otherKinds: z.string().max(500).optional(),
    purposes: FormList,
    notes: z.string().max(2000).optional(),
    'validFrom-day': DatePartsForm.day,
    'validFrom-month': DatePartsForm.month,
    'validFrom-year': DatePartsForm.year,
    'validUntil-day': DatePartsForm.day,
    'validUntil-month': DatePartsForm.month,
    'validUntil-year': DatePartsForm.year,
  });

  app.post('/agreements/new', { config: { access: 'trust.agreements.manage', page: true }, schema: { hide: true, body: NewForm } }, async (req, reply) => {
    const b = req.body;
    const fields: FieldError[] = [];
    const from = dateFromParts(b['validFrom-day'], b['validFrom-month'], b['validFrom-year']);
    const until = dateFromParts(b['validUntil-day'], b['validUntil-month'], b['validUntil-year']);
    if (from === null) fields.push({ field: 'validFrom', message: 'The start date must be a real date' });
    if (until === null) fields.push({ field: 'validUntil', message: 'The end date must be a real date' });
    const type = (AGENCY_TYPES as readonly string[]).includes(b.toAgencyType ?? '') ? (b.toAgencyType as AgreementInput['toAgencyType']) : null;
    const input: AgreementInput = {
      name: b.name ?? '',
      toAgencyCode: b.recipient === 'agency' ? b.toAgencyCode || null : null,
      toAgencyType: b.recipient === 'type' ? type : null,
      recordKinds: [...asList(b.recordKinds), ...(b.otherKinds ?? '').split(/[\s,]+/).filter(Boolean)],
      purposes: asList(b.purposes),
      validFrom: from || undefined,
      validUntil: until || null,
      notes: b.notes || null,
    };
    try {
      if (fields.length) throw validationFailed(fields);
      const id = await create(req, input);
      return reply.redirect(`/agreements/${id}?done=created`, 303);
    } catch (e) {
      const f = (e as { fields?: FieldError[] }).fields;
      if (!f?.length) throw e;
      const mapped = f.map((x) => (x.field === 'toAgencyCode' && b.recipient === 'type' ? { ...x, field: 'toAgencyType' } : x));
      return reply.status(422).page(
        'kernel/trust/views/agreement-new.njk',
        await formData({
          values: { ...b, recordKinds: asList(b.recordKinds), purposes: asList(b.purposes), recipient: b.recipient ?? 'agency' },
          errors: errorSummary(mapped.map((x) => (x.field === 'validFrom' || x.field === 'validUntil' ? { ...x, field: `${x.field}-day` } : x))),
          fieldErrors: errorMap(mapped),
        }),
      );
    }
  });

  const detail = async (req: FastifyRequest, id: number, extra: Record<string, unknown> = {}) => {
    const r = await one(id);
    const a = describe(toOut(r), await agencyNames());
    const canManage = req.principal!.roles.includes('administrator') && mayManageAgreement(req.principal!.agencyCode, r) && !r.withdrawn_at;
    return { title: a.name, agreement: a, canManage, values: { validUntil: a.validUntil ?? '' }, ...extra };
  };

  app.get(
    '/agreements/:id',
    { config: { access: 'trust.agreements.read', page: true }, schema: { hide: true, params: Id, querystring: z.object({ done: z.string().max(40).optional() }) } },
    async (req, reply) => {
      const flash = { created: 'The agreement has been made.', saved: 'The agreement has been changed.', withdrawn: 'The agreement has been withdrawn: it shares nothing from now on.' }[req.query.done ?? ''];
      return reply.page('kernel/trust/views/agreement.njk', await detail(req, req.params.id, { flash }));
    },
  );

  app.post(
    '/agreements/:id',
    {
      config: { access: 'trust.agreements.manage', page: true },
      schema: { hide: true, params: Id, body: z.object({ validUntil: z.string().max(10).optional(), notes: z.string().max(2000).optional() }) },
    },
    async (req, reply) => {
      try {
        await change(req, req.params.id, { validUntil: req.body.validUntil ?? undefined, notes: req.body.notes });
        return reply.redirect(`/agreements/${req.params.id}?done=saved`, 303);
      } catch (e) {
        const f = (e as { fields?: FieldError[]; status?: number }).fields;
        if (!f?.length || (e as { status?: number }).status !== 422) throw e;
        return reply
          .status(422)
          .page('kernel/trust/views/agreement.njk', await detail(req, req.params.id, { values: req.body, errors: errorSummary(f), fieldErrors: errorMap(f) }));
      }
    },
  );

  app.post('/agreements/:id/withdraw', { config: { access: 'trust.agreements.manage', page: true }, schema: { hide: true, params: Id } }, async (req, reply) => {
    await withdraw(req, req.params.id);
    return reply.redirect(`/agreements/${req.params.id}?done=withdrawn`, 303);
  });
}
