/** Pages for debriefs: coordination check, planning, recording in the standard structure, claims and measures. */
import { z } from 'zod';
import { redact } from '../../kernel/access/policy.js';
import type { Principal } from '../../kernel/access/principal.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import type { FieldError } from '../../kernel/errors.js';
import { zodFields } from '../../kernel/errors.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencies, agencyName, forces } from '../agencies.js';
import { countryName, countryOptions, toCountryCode } from '../countries.js';
import { changesSince, jsonOf, StaleEdit } from '../db.js';
import {
  DEBRIEF_STATUS_LABELS,
  DebriefPatch,
  DebriefPlanInput,
  type DebriefStatus,
} from '../model/debrief.js';
import { describeChanges } from '../model/versioning.js';
import {
  CROSSING_METHODS,
  DEBRIEF_SECTIONS,
  DEBRIEFER_QUALIFICATIONS,
  SUBJECT_TYPES,
  THREAT_LABELS,
  TRANSPORT_MODES,
} from '../reference.js';
import {
  CoordinationRefused,
  coordinationCheck,
  createClaim,
  debriefDto,
  debriefMeasures,
  debriefsByAgency,
  listClaims,
  listDebriefs,
  loadLegs,
  planDebrief,
  releaseClaim,
  updateDebrief,
  visibleDebrief,
} from '../store/debriefs.js';
import { KIND_DEBRIEF, metaOf } from '../visibility.js';
import {
  bool,
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
  str,
  withFieldErrors,
} from './form.js';
import { formatChange } from './reports.js';

const statusTag = (s: string) => ({
  text: DEBRIEF_STATUS_LABELS[s as DebriefStatus] ?? s,
  classes:
    s === 'completed'
      ? 'govuk-tag--green'
      : s === 'agreed'
        ? 'govuk-tag--blue'
        : s === 'declined'
          ? 'govuk-tag--orange'
          : s === 'cancelled'
            ? 'govuk-tag--grey'
            : 'govuk-tag--light-blue',
});

async function options(ctx: AppContext) {
  const fs = await forces(ctx);
  const ag = await agencies(ctx);
  return {
    countries: [{ value: '', text: 'Not known' }, ...countryOptions()],
    forceOptions: [{ value: '', text: 'Not recorded' }, ...fs.map((f) => ({ value: f.code, text: f.name }))],
    subjectTypes: SUBJECT_TYPES.map((s) => ({ value: s.value, text: s.label })),
    qualifications: DEBRIEFER_QUALIFICATIONS.map((q) => ({ value: q.value, text: q.label })),
    transports: [{ value: '', text: 'Not known' }, ...TRANSPORT_MODES.map((t) => ({ value: t, text: t }))],
    crossings: [{ value: '', text: 'Not known' }, ...CROSSING_METHODS.map((t) => ({ value: t, text: t }))],
    threatItems: (['msht', 'oic'] as const).map((t) => ({ value: t, text: THREAT_LABELS[t] })),
    agencyOptions: [
      { value: '', text: 'Choose an agency' },
      ...[...ag.values()]
        .filter((a) =>
          ['police_force', 'rocu', 'nca', 'home_office', 'competent_authority', 'local_authority'].includes(
            a.type,
          ),
        )
        .map((a) => ({ value: a.code, text: a.name })),
    ],
    sections: DEBRIEF_SECTIONS,
  };
}

const identityOf = (f: Form) => ({
  givenName: str(f, 'givenName'),
  familyName: str(f, 'familyName'),
  dateOfBirth: str(f, 'dateOfBirth'),
  nationality: str(f, 'nationality'),
});

function checkIdentity(i: ReturnType<typeof identityOf>): FieldError[] {
  const fields: FieldError[] = [];
  if (!i.givenName)
    fields.push({ field: 'givenName', message: 'Enter the given name as the person gives it' });
  if (!i.familyName)
    fields.push({ field: 'familyName', message: 'Enter the family name as the person gives it' });
  return fields;
}

interface LegValues {
  fromCountry: string;
  toCountry: string;
  transport: string;
  facilitators: string;
  paymentAmount: string;
  paymentCurrency: string;
  paymentMethod: string;
  startedOn: { day: string; month: string; year: string };
}
const blankLeg = (): LegValues => ({
  fromCountry: '',
  toCountry: '',
  transport: '',
  facilitators: '',
  paymentAmount: '',
  paymentCurrency: '',
  paymentMethod: '',
  startedOn: { day: '', month: '', year: '' },
});
const arr = (f: Form, k: string) => {
  const v = f[k];
  return Array.isArray(v) ? v : v !== undefined ? [v] : [];
};

function legsFromForm(f: Form): LegValues[] {
  const n = arr(f, 'legFrom').length;
  return Array.from({ length: n }, (_, i) => ({
    fromCountry: arr(f, 'legFrom')[i] ?? '',
    toCountry: arr(f, 'legTo')[i] ?? '',
    transport: arr(f, 'legTransport')[i] ?? '',
    facilitators: (arr(f, 'legFacilitators')[i] ?? '').trim(),
    paymentAmount: (arr(f, 'legPaymentAmount')[i] ?? '').trim(),
    paymentCurrency: (arr(f, 'legPaymentCurrency')[i] ?? '').trim(),
    paymentMethod: (arr(f, 'legPaymentMethod')[i] ?? '').trim(),
    startedOn: {
      day: str(f, `legs-${i}-startedOn-day`),
      month: str(f, `legs-${i}-startedOn-month`),
      year: str(f, `legs-${i}-startedOn-year`),
    },
  }));
}

const legEmpty = (l: LegValues) =>
  !l.fromCountry && !l.toCountry && !l.transport && !l.facilitators && !l.paymentAmount && !l.paymentMethod;

/** The record form's values from a debrief (for editing) or from a posted form. */
function recordValuesFromDto(d: ReturnType<typeof debriefDto>) {
  const r = (d.recruitment ?? {}) as Record<string, string | null>;
  const c = (d.crossing ?? {}) as Record<string, string | null>;
  const u = (d.ukActivity ?? {}) as Record<string, string | null>;
  return {
    status: d.status,
    approachedOn: dateParts(d.approachedOn),
    consentGiven: d.consentGiven === null ? '' : d.consentGiven ? 'yes' : 'no',
    voluntaryConfirmed: d.voluntaryConfirmed === null ? '' : d.voluntaryConfirmed ? 'yes' : 'no',
    consentNotes: d.consentNotes ?? '',
    interpreterUsed: d.interpreterUsed === null ? '' : d.interpreterUsed ? 'yes' : 'no',
    interpreterLanguage: d.interpreterLanguage ?? '',
    subjectLanguage: d.subjectLanguage ?? '',
    debrieferName: d.debrieferName ?? '',
    debrieferQualification: d.debrieferQualification ?? '',
    qualificationDetail: d.qualificationDetail ?? '',
    debriefedOn: dateParts(d.debriefedOn),
    recruitment: {
      country: r.country ?? '',
      place: r.place ?? '',
      date: r.date ?? '',
      method: r.method ?? '',
      recruiter: r.recruiter ?? '',
      promised: r.promised ?? '',
    },
    legs: [
      ...d.legs.map((l) => ({
        fromCountry: l.fromCountry ?? '',
        toCountry: l.toCountry ?? '',
        transport: l.transport ?? '',
        facilitators: l.facilitators ?? '',
        paymentAmount:
          l.paymentAmount === null || l.paymentAmount === undefined ? '' : String(l.paymentAmount),
        paymentCurrency: l.paymentCurrency ?? '',
        paymentMethod: l.paymentMethod ?? '',
        startedOn: dateParts(l.startedOn),
      })),
      blankLeg(),
    ],
    crossing: {
      method: c.method ?? '',
      place: c.place ?? '',
      date: dateParts(c.date),
      fromCountry: c.fromCountry ?? '',
    },
    ukActivity: {
      arrivalPlace: u.arrivalPlace ?? '',
      areaCode: u.areaCode ?? '',
      work: u.work ?? '',
      accommodation: u.accommodation ?? '',
      controllers: u.controllers ?? '',
      exploitation: u.exploitation ?? '',
    },
    threats: d.threats,
  };
}

function recordValuesFromForm(f: Form) {
  return {
    status: str(f, 'status'),
    approachedOn: {
      day: str(f, 'approachedOn-day'),
      month: str(f, 'approachedOn-month'),
      year: str(f, 'approachedOn-year'),
    },
    consentGiven: str(f, 'consentGiven'),
    voluntaryConfirmed: str(f, 'voluntaryConfirmed'),
    consentNotes: str(f, 'consentNotes'),
    interpreterUsed: str(f, 'interpreterUsed'),
    interpreterLanguage: str(f, 'interpreterLanguage'),
    subjectLanguage: str(f, 'subjectLanguage'),
    debrieferName: str(f, 'debrieferName'),
    debrieferQualification: str(f, 'debrieferQualification'),
    qualificationDetail: str(f, 'qualificationDetail'),
    debriefedOn: {
      day: str(f, 'debriefedOn-day'),
      month: str(f, 'debriefedOn-month'),
      year: str(f, 'debriefedOn-year'),
    },
    recruitment: {
      country: str(f, 'recruitmentCountry'),
      place: str(f, 'recruitmentPlace'),
      date: str(f, 'recruitmentDate'),
      method: str(f, 'recruitmentMethod'),
      recruiter: str(f, 'recruitmentRecruiter'),
      promised: str(f, 'recruitmentPromised'),
    },
    legs: legsFromForm(f),
    crossing: {
      method: str(f, 'crossingMethod'),
      place: str(f, 'crossingPlace'),
      date: {
        day: str(f, 'crossingDate-day'),
        month: str(f, 'crossingDate-month'),
        year: str(f, 'crossingDate-year'),
      },
      fromCountry: str(f, 'crossingFrom'),
    },
    ukActivity: {
      arrivalPlace: str(f, 'ukArrivalPlace'),
      areaCode: str(f, 'ukAreaCode'),
      work: str(f, 'ukWork'),
      accommodation: str(f, 'ukAccommodation'),
      controllers: str(f, 'ukControllers'),
      exploitation: str(f, 'ukExploitation'),
    },
    threats: list(f, 'threats'),
  };
}

function patchFromForm(
  f: Form,
  v: ReturnType<typeof recordValuesFromForm>,
): { patch?: DebriefPatch; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const dates: Record<string, string | null> = {};
  for (const k of ['approachedOn', 'debriefedOn', 'crossingDate']) {
    const d = dateOf(f, k);
    if (d === null) fields.push({ field: k, message: 'Enter a real date, for example 27 3 2025' });
    dates[k] = d || null;
  }
  const legs = v.legs
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => !legEmpty(l))
    .map(({ l, i }) => {
      const started = dateOf(f, `legs-${i}-startedOn`);
      if (started === null)
        fields.push({ field: `legs-${i}-startedOn`, message: `Leg ${i + 1}: enter a real date` });
      const amount = l.paymentAmount ? Number(l.paymentAmount.replace(/[,£€$]/g, '')) : null;
      if (amount !== null && !Number.isFinite(amount))
        fields.push({
          field: `legs-${i}-paymentAmount`,
          message: `Leg ${i + 1}: enter the payment as a number`,
        });
      return {
        fromCountry: l.fromCountry || null,
        toCountry: l.toCountry || null,
        transport: l.transport || null,
        facilitators: l.facilitators || null,
        paymentAmount: amount,
        paymentCurrency: l.paymentCurrency.toUpperCase() || null,
        paymentMethod: l.paymentMethod || null,
        startedOn: started || null,
      };
    });
  const nz = (s: string) => s || null;
  const raw = {
    status: v.status || undefined,
    approachedOn: dates.approachedOn,
    consentGiven: bool(f, 'consentGiven'),
    voluntaryConfirmed: bool(f, 'voluntaryConfirmed'),
    consentNotes: nz(v.consentNotes),
    interpreterUsed: bool(f, 'interpreterUsed'),
    interpreterLanguage: nz(v.interpreterLanguage),
    subjectLanguage: nz(v.subjectLanguage),
    debrieferName: v.debrieferName || undefined,
    debrieferQualification: v.debrieferQualification || undefined,
    qualificationDetail: nz(v.qualificationDetail),
    debriefedOn: dates.debriefedOn,
    recruitment: {
      country: nz(v.recruitment.country),
      place: nz(v.recruitment.place),
      date: nz(v.recruitment.date),
      method: nz(v.recruitment.method),
      recruiter: nz(v.recruitment.recruiter),
      promised: nz(v.recruitment.promised),
    },
    legs,
    crossing: {
      method: nz(v.crossing.method),
      place: nz(v.crossing.place),
      date: dates.crossingDate,
      fromCountry: nz(v.crossing.fromCountry),
    },
    ukActivity: {
      arrivalPlace: nz(v.ukActivity.arrivalPlace),
      areaCode: nz(v.ukActivity.areaCode),
      work: nz(v.ukActivity.work),
      accommodation: nz(v.ukActivity.accommodation),
      controllers: nz(v.ukActivity.controllers),
      exploitation: nz(v.ukActivity.exploitation),
    },
    threats: v.threats,
  };
  const parsed = DebriefPatch.safeParse(raw);
  if (!parsed.success) fields.push(...zodFields(parsed.error));
  return { patch: parsed.success ? parsed.data : undefined, fields };
}

async function debriefView(ctx: AppContext, p: Principal, id: string) {
  const row = await visibleDebrief(ctx, p, id);
  const safe = redact(p, metaOf(KIND_DEBRIEF, row), row);
  const d = debriefDto(safe, await loadLegs(ctx.db, row.id), await agencyName(ctx, row.owning_agency_code));
  const ag = await agencies(ctx);
  const u16 = d.under16Request as { requestingAgency?: string; reason?: string; recordedBy?: string } | null;
  return {
    title: `Debrief ${d.reference}`,
    marking: row.security_marking,
    d,
    statusTag: statusTag(d.status),
    nationality: countryName(d.subject.nationality),
    qualification:
      DEBRIEFER_QUALIFICATIONS.find((q) => q.value === d.debrieferQualification)?.label ??
      d.debrieferQualification,
    under16: u16
      ? { ...u16, agencyName: ag.get(u16.requestingAgency ?? '')?.name ?? u16.requestingAgency }
      : null,
    legs: d.legs.map((l) => ({ ...l, from: countryName(l.fromCountry), to: countryName(l.toCountry) })),
    recruitment: (d.recruitment ?? {}) as Record<string, string>,
    recruitmentCountry: countryName((d.recruitment as Record<string, string> | null)?.country),
    crossing: (d.crossing ?? {}) as Record<string, string>,
    crossingFrom: countryName((d.crossing as Record<string, string> | null)?.fromCountry),
    uk: (d.ukActivity ?? {}) as Record<string, string>,
    ukArea: ag.get((d.ukActivity as Record<string, string> | null)?.areaCode ?? '')?.name ?? '',
    history: (await changesSince(ctx.db, KIND_DEBRIEF, row.id, 0, 500))
      .reverse()
      .map((h) => ({ ...h, summary: describeChanges([h])[0] })),
    canEdit:
      row.owning_agency_code === p.agencyCode &&
      p.roles.some((r) => ['intelligence_officer', 'supervisor'].includes(r)),
  };
}

export function debriefPages(app: FusionApp, ctx: AppContext) {
  app.get(
    '/debriefs',
    {
      config: { access: 'intelligence.debriefs.read', page: true },
      schema: {
        hide: true,
        querystring: z.object({
          status: z.string().max(20).optional(),
          subjectType: z.string().max(20).optional(),
          q: z.string().max(100).optional(),
          mine: z.string().max(5).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const { page: n, ...q } = req.query;
      const res = await listDebriefs(
        ctx,
        p,
        {
          status: q.status || undefined,
          subjectType: q.subjectType || undefined,
          q: q.q,
          owner: q.mine ? p.agencyCode : undefined,
        },
        { limit: PAGE_SIZE, offset: (n - 1) * PAGE_SIZE },
      );
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.list',
        entityKind: KIND_DEBRIEF,
        detail: { ids: res.rows.map((r) => r.id) },
      });
      const ag = await agencies(ctx);
      const rows = res.rows.map((r) => {
        const v = redact(p, metaOf(KIND_DEBRIEF, r), {
          given_name: r.given_name,
          family_name: r.family_name,
        });
        return {
          ...r,
          name: `${v.family_name ?? ''}, ${v.given_name ?? ''}`,
          nationalityName: countryName(r.nationality),
          owner: ag.get(r.owning_agency_code)?.name ?? r.owning_agency_code,
          statusTag: statusTag(r.status),
          date: String(r.debriefed_on ?? r.approached_on ?? r.planned_on ?? '').slice(0, 10),
        };
      });
      return reply.page('intelligence/views/debriefs.njk', {
        title: 'Debriefs',
        rows,
        total: res.total,
        query: q,
        pagination: pagination('/debriefs', q, res.total, n),
        canPlan: p.roles.some((r) => ['intelligence_officer', 'supervisor'].includes(r)),
        statuses: [
          { value: '', text: 'Any' },
          ...Object.entries(DEBRIEF_STATUS_LABELS).map(([value, text]) => ({ value, text })),
        ],
        subjectTypes: [
          { value: '', text: 'Any' },
          ...SUBJECT_TYPES.map((s) => ({ value: s.value, text: s.label })),
        ],
      });
    },
  );

  app.get(
    '/debriefs/new',
    { config: { access: 'intelligence.debriefs.write', page: true }, schema: { hide: true } },
    async (_req, reply) =>
      reply.page('intelligence/views/debrief-check.njk', {
        title: 'Plan a debrief: check the person first',
        values: {},
        ...(await options(ctx)),
      }),
  );

  const planPage = async (
    p: Principal,
    identity: ReturnType<typeof identityOf>,
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const nationality = toCountryCode(identity.nationality) ?? (identity.nationality || null);
    const check =
      (extra.check as Awaited<ReturnType<typeof coordinationCheck>> | undefined) ??
      (await coordinationCheck(ctx, p, { ...identity, nationality }));
    return {
      title: 'Plan a debrief',
      identity,
      nationalityName: countryName(nationality),
      check,
      values,
      ...(await options(ctx)),
      ...extra,
    };
  };

  app.post(
    '/debriefs/new/check',
    { config: { access: 'intelligence.debriefs.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const identity = identityOf(req.body);
      const fields = checkIdentity(identity);
      if (fields.length)
        return reply.status(400).page('intelligence/views/debrief-check.njk', {
          title: 'Plan a debrief: check the person first',
          values: identity,
          ...(await options(ctx)),
          ...errorsOf(fields),
        });
      const data = await planPage(req.principal!, identity, {
        debrieferName: req.principal!.name,
        subjectType: 'migrant',
        areaCode: req.principal!.agencyType === 'police_force' ? req.principal!.agencyCode : '',
        threats: [],
        plannedOn: dateParts(null),
        handlingCode: 'P',
      });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.coordination-check',
        entityKind: KIND_DEBRIEF,
        purpose: 'debrief coordination',
        detail: { matches: data.check.matches.length },
      });
      return reply.page('intelligence/views/debrief-plan.njk', data);
    },
  );

  app.post(
    '/debriefs/new',
    { config: { access: 'intelligence.debriefs.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const f = req.body;
      const identity = identityOf(f);
      const plannedOn = dateOf(f, 'plannedOn');
      const values = {
        subjectType: str(f, 'subjectType'),
        plannedOn: {
          day: str(f, 'plannedOn-day'),
          month: str(f, 'plannedOn-month'),
          year: str(f, 'plannedOn-year'),
        },
        location: str(f, 'location'),
        areaCode: str(f, 'areaCode'),
        debrieferName: str(f, 'debrieferName'),
        debrieferQualification: str(f, 'debrieferQualification'),
        qualificationDetail: str(f, 'qualificationDetail'),
        u16Agency: str(f, 'u16Agency'),
        u16Reason: str(f, 'u16Reason'),
        threats: list(f, 'threats'),
        acknowledge: list(f, 'acknowledgeMatches').includes('yes'),
        coordinationNote: str(f, 'coordinationNote'),
      };
      const fields: FieldError[] = checkIdentity(identity);
      if (plannedOn === null)
        fields.push({
          field: 'plannedOn',
          message: 'Enter the planned date as a real date, for example 27 3 2025',
        });
      if (!values.subjectType) fields.push({ field: 'subjectType', message: 'Select who the subject is' });
      const raw = {
        ...identity,
        nationality: identity.nationality || null,
        dateOfBirth: identity.dateOfBirth || null,
        subjectType: values.subjectType || 'migrant',
        plannedOn: plannedOn || null,
        location: values.location || null,
        areaCode: values.areaCode || null,
        debrieferName: values.debrieferName,
        debrieferQualification: values.debrieferQualification || 'other',
        qualificationDetail: values.qualificationDetail || null,
        under16Request:
          values.u16Agency || values.u16Reason
            ? { requestingAgency: values.u16Agency, reason: values.u16Reason }
            : null,
        threats: values.threats,
        acknowledgeMatches: values.acknowledge,
        coordinationNote: values.coordinationNote || null,
      };
      if (!values.debrieferQualification)
        fields.push({ field: 'debrieferQualification', message: 'Select the debriefer’s qualification' });
      const parsed = DebriefPlanInput.safeParse(raw);
      if (!parsed.success)
        fields.push(
          ...zodFields(parsed.error).map((e) =>
            e.field.startsWith('under16Request') ? { ...e, field: 'under16Request' } : e,
          ),
        );
      if (fields.length || !parsed.success)
        return reply
          .status(400)
          .page(
            'intelligence/views/debrief-plan.njk',
            await planPage(req.principal!, identity, values, errorsOf(fields)),
          );
      const res = await withFieldErrors(() => planDebrief(ctx, req.principal!, actorFrom(req), parsed.data));
      if (!res.ok) {
        const check = res.error instanceof CoordinationRefused ? res.error.result : undefined;
        const fieldErrors = res.fields.map((e) =>
          e.field === 'claim' || e.field === 'acknowledgeMatches'
            ? { field: 'acknowledgeMatches', message: res.error.message }
            : e,
        );
        return reply.status(res.status).page(
          'intelligence/views/debrief-plan.njk',
          await planPage(req.principal!, identity, values, {
            ...errorsOf(fieldErrors),
            ...(check ? { check } : {}),
          }),
        );
      }
      return reply.redirect(`/debriefs/${res.value.id}?flash=planned`, 303);
    },
  );

  app.get(
    '/debriefs/claims',
    { config: { access: 'intelligence.debriefs.coordinate', page: true }, schema: { hide: true } },
    async (req, reply) => {
      const claims = await listClaims(ctx, req.principal!);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.claims.list',
        entityKind: 'subject_claim',
        detail: { count: claims.length },
      });
      return reply.page('intelligence/views/claims.njk', {
        title: 'Subject claims',
        claims: claims.map((c) => ({ ...c, nationalityName: countryName(c.nationality) })),
        values: { days: '30' },
        ...(await options(ctx)),
      });
    },
  );

  app.post(
    '/debriefs/claims',
    {
      config: { access: 'intelligence.debriefs.coordinate', page: true },
      schema: { hide: true, body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      const identity = identityOf(f);
      const values = { ...identity, reason: str(f, 'reason'), days: str(f, 'days') || '30' };
      const fields = checkIdentity(identity);
      if (!values.reason)
        fields.push({ field: 'reason', message: 'Enter why your agency is claiming the person' });
      const days = int(f, 'days');
      if (!days || days < 1 || days > 90)
        fields.push({ field: 'days', message: 'Enter a number of days from 1 to 90' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields, error: null }
        : await withFieldErrors(() =>
            createClaim(ctx, req.principal!, actorFrom(req), {
              ...identity,
              nationality: identity.nationality || null,
              reason: values.reason,
              days: days!,
            }),
          );
      if (!res.ok) {
        const claims = await listClaims(ctx, req.principal!);
        const check = res.error instanceof CoordinationRefused ? res.error.result : undefined;
        return reply.status(res.status).page('intelligence/views/claims.njk', {
          title: 'Subject claims',
          claims,
          values,
          check,
          ...(await options(ctx)),
          ...errorsOf(
            res.fields.map((e) =>
              e.field === 'claim' ? { field: 'givenName', message: res.error!.message } : e,
            ),
          ),
        });
      }
      return reply.redirect('/debriefs/claims', 303);
    },
  );

  app.post(
    '/debriefs/claims/:id/release',
    {
      config: { access: 'intelligence.debriefs.coordinate', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      await releaseClaim(ctx, req.principal!, actorFrom(req), req.params.id);
      return reply.redirect('/debriefs/claims', 303);
    },
  );

  app.get(
    '/debriefs/measures',
    { config: { access: 'intelligence.measures.read', page: true }, schema: { hide: true } },
    async (_req, reply) => {
      const years = await debriefMeasures(ctx.db);
      const byAgency = await debriefsByAgency(ctx.db);
      return reply.page('intelligence/views/debrief-measures.njk', {
        title: 'Debrief rate',
        years,
        byAgency,
        maxArrivals: Math.max(1, ...years.map((y) => y.arrivals)),
      });
    },
  );

  app.get(
    '/debriefs/:id',
    {
      config: { access: 'intelligence.debriefs.read', page: true },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ flash: z.string().max(20).optional() }),
      },
    },
    async (req, reply) => {
      const data = await debriefView(ctx, req.principal!, req.params.id);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.read',
        entityKind: KIND_DEBRIEF,
        entityId: req.params.id,
        purpose: 'intelligence',
      });
      const flash =
        req.query.flash === 'planned'
          ? 'The debrief was planned and the person claimed for your agency for 30 days.'
          : req.query.flash === 'updated'
            ? 'Your changes were saved.'
            : undefined;
      return reply.page('intelligence/views/debrief.njk', { ...data, flash });
    },
  );

  const editPage = async (
    p: Principal,
    id: string,
    values: ReturnType<typeof recordValuesFromDto> | ReturnType<typeof recordValuesFromForm>,
    version: number,
    extra: Record<string, unknown> = {},
  ) => {
    const view = await debriefView(ctx, p, id);
    return {
      ...view,
      title: `Record debrief ${view.d.reference}`,
      values,
      version,
      backLink: `/debriefs/${id}`,
      statuses: Object.entries(DEBRIEF_STATUS_LABELS).map(([value, text]) => ({ value, text })),
      ...(await options(ctx)),
      ...extra,
    };
  };

  app.get(
    '/debriefs/:id/edit',
    {
      config: { access: 'intelligence.debriefs.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const row = await visibleDebrief(ctx, req.principal!, req.params.id);
      const d = debriefDto(row, await loadLegs(ctx.db, row.id), '');
      return reply.page(
        'intelligence/views/debrief-form.njk',
        await editPage(req.principal!, row.id, recordValuesFromDto(d), row.version),
      );
    },
  );

  app.post(
    '/debriefs/:id/edit',
    {
      config: { access: 'intelligence.debriefs.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      const values = recordValuesFromForm(f);
      const version = int(f, 'version') ?? 0;
      if (str(f, 'action') === 'add-leg') {
        values.legs.push(blankLeg());
        return reply.page(
          'intelligence/views/debrief-form.njk',
          await editPage(req.principal!, req.params.id, values, version),
        );
      }
      const { patch, fields } = patchFromForm(f, values);
      if (!patch || fields.length)
        return reply
          .status(400)
          .page(
            'intelligence/views/debrief-form.njk',
            await editPage(req.principal!, req.params.id, values, version, errorsOf(fields)),
          );
      const res = await withFieldErrors(() =>
        updateDebrief(ctx, req.principal!, actorFrom(req), req.params.id, version, patch),
      );
      if (!res.ok) {
        if (res.error instanceof StaleEdit) {
          const d = res.error.detail;
          return reply.status(409).page(
            'intelligence/views/debrief-form.njk',
            await editPage(req.principal!, req.params.id, values, d.currentVersion, {
              stale: {
                lines: describeChanges(d.changesSince),
                changes: d.changesSince.flatMap((e) =>
                  Object.entries(e.changes).map(([k, c]) => ({
                    field: k,
                    from: formatChange(c.from),
                    to: formatChange(c.to),
                    by: e.changedByName,
                    version: e.version,
                  })),
                ),
              },
              errors: [{ text: res.error.message, href: '#stale' }],
            }),
          );
        }
        const mapped = res.fields.map((e) => ({
          ...e,
          field: e.field.replace(/^legs\.(\d+)\./, 'legs-$1-'),
        }));
        return reply
          .status(res.status)
          .page(
            'intelligence/views/debrief-form.njk',
            await editPage(req.principal!, req.params.id, values, version, errorsOf(mapped)),
          );
      }
      return reply.redirect(`/debriefs/${req.params.id}?flash=updated`, 303);
    },
  );
}

export { jsonOf, opt };
