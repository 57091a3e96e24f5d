import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decideAction } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, errorSummary, type FieldError, notFound, zodFields } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { asList, csvReply, dateFromParts } from '../kernel/trust/forms.js';
import { barChart } from './charts.js';
import { partnershipPicture2025, partnershipSurvey2017 } from './data/partnership-survey-figures.js';
import { INCIDENT_TYPES, RESPONSE_PHASES, responsePlanFor } from './data/response-plan.js';
import type { IncidentType } from './data/types.js';
import {
  classOf,
  colourClasses,
  forceAreaNames,
  MAP_ATTRIBUTION,
  renderForceAreaMap,
  swatch,
} from './map.js';
import {
  ACTIVITIES,
  CHALLENGES,
  FUNDING_SOURCES,
  GAPS,
  LEVELS,
  labelOf,
  levelLabel,
  MEMBER_TYPES,
  ORGANISATION_TYPES,
  PROGRESS_MEASURES,
} from './model/categories.js';
import {
  BOOLEAN_FACT_GROUPS,
  EXPLOITATION_TYPES,
  factsFromForm,
  formFromFacts,
  SECTORS,
  SETTINGS,
  SUPPORT_NEEDS,
  UK_NATIONS,
} from './model/facts.js';
import { surveyComparisons } from './model/figures.js';
import { checklistProgress } from './model/incidents.js';
import { OUTCOME_MEASURES, OUTPUT_MEASURES, PROGRESS_RATINGS, ratingOf } from './model/reviews.js';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  isCaseKind,
  recommendationsFor,
  seedPassage,
  staticEntry,
} from './recommendations.js';
import { directoryInputOf, patchOf, reviewInputOf } from './routes.js';
import {
  EngagementInput,
  IncidentInput,
  IsaInput,
  kindLabel,
  PARTNER_KINDS,
  PartnerCreate,
  PartnershipPatchInput,
  PartnerUpdate,
  ReviewInput,
} from './schemas.js';
import * as svc from './service.js';
import * as store from './store.js';

type Form = Record<string, string | string[] | undefined>;
const FormBody = z.record(
  z.string(),
  z.union([z.string().max(10_000), z.array(z.string().max(2_000)).max(200)]),
);
const Query = z.record(z.string(), z.union([z.string().max(500), z.array(z.string().max(200)).max(60)]));
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const opt = (v: string | string[] | undefined) => str(v) || null;
const lines = (v: string | string[] | undefined) =>
  str(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const triState = (v: string | string[] | undefined) =>
  str(v) === 'yes' ? true : str(v) === 'no' ? false : null;
const triText = (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const intOrNull = (v: string | string[] | undefined): number | null | 'bad' => {
  const s = str(v).replace(/,/g, '');
  if (!s) return null;
  return /^\d{1,7}$/.test(s) ? Number(s) : 'bad';
};
const invalid = (
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  fields: FieldError[],
  status = 400,
) =>
  reply
    .status(status)
    .page(template, { ...data, errors: errorSummary(fields), fieldErrors: errorMap(fields) });
const safeReturn = (v: string | undefined, fallback: string) =>
  v && /^\/[A-Za-z0-9/_?=&.%+,:-]*$/.test(v) && !v.startsWith('//') ? v : fallback;
const datePartsOf = (iso: string | null) => {
  if (!iso) return { day: '', month: '', year: '' };
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y };
};
const allowed = (req: FastifyRequest, action: string) =>
  !!req.principal && decideAction(req.principal, action).allow;
const seedLabel = (ref: { seed: string; where: string; quote?: string }) => seedPassage(ref as never);
const partnerLinks = (codes: readonly string[]) =>
  codes.map((code) => ({ code, name: staticEntry(code).shortName ?? staticEntry(code).name }));

const PARTNERSHIP_NAV = (current: string) =>
  [
    { text: 'Register', href: '/partnerships' },
    { text: 'Map', href: '/partnerships/map' },
    { text: 'Figures', href: '/partnerships/figures' },
    { text: 'Annual reviews', href: '/partnerships/reviews' },
  ].map((i) => ({ ...i, active: i.href === current }));

/** Options lists the templates turn into GOV.UK items. */
const VOCAB = {
  levels: LEVELS,
  activities: ACTIVITIES,
  organisationTypes: ORGANISATION_TYPES,
  memberTypes: MEMBER_TYPES,
  progressMeasures: PROGRESS_MEASURES,
  fundingSources: FUNDING_SOURCES,
  gaps: GAPS,
  challenges: CHALLENGES,
};

export function partnersPages(app: FusionApp, ctx: AppContext) {
  // ===== Directory ============================================================================================
  app.get(
    '/partners',
    { config: { access: 'partners.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const q = req.query as Form;
      const filter = {
        q: str(q.q) || undefined,
        kind: PARTNER_KINDS.some((k) => k.value === str(q.kind)) ? str(q.kind) : undefined,
        source: ['seed-000', 'reference-data', 'added'].includes(str(q.source)) ? str(q.source) : undefined,
        only24x7: str(q.only24x7) === 'yes',
      };
      const partners = await store.searchDirectory(ctx.db, filter);
      if (str(q.format) === 'csv') {
        return csvReply(
          reply,
          'partner-directory.csv',
          [
            'code',
            'name',
            'kind',
            'source',
            'capabilities',
            'when_to_engage',
            'how_to_reach',
            'available_24x7',
            'public_phone',
            'public_email',
            'restrictions',
          ],
          partners.map((p) => [
            p.code,
            p.name,
            p.kind,
            p.source,
            p.capabilities.join(' | '),
            p.whenToEngage,
            p.howToReach,
            p.available24x7 === null ? '' : p.available24x7 ? 'yes' : 'no',
            p.publicContact?.phone,
            p.publicContact?.email,
            p.restrictions.join(' | '),
          ]),
        );
      }
      const csvQuery = new URLSearchParams({
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.source ? { source: filter.source } : {}),
        format: 'csv',
      }).toString();
      return reply.page('partners/views/directory.njk', {
        title: 'Partner directory',
        partners: partners.map((p) => ({ ...p, kindLabel: kindLabel(p.kind) })),
        filter,
        kinds: PARTNER_KINDS,
        csvQuery,
        canEdit: allowed(req, 'partners.edit'),
      });
    },
  );

  const directoryForm = (p?: store.DirectoryEntry | null) => ({
    name: p?.name ?? '',
    shortName: p?.shortName ?? '',
    kind: p?.kind ?? '',
    capabilities: (p?.capabilities ?? []).join('\n'),
    whenToEngage: p?.whenToEngage ?? '',
    howToReach: p?.howToReach ?? '',
    available24x7: triText(p?.available24x7 ?? null),
    publicPhone: p?.publicContact?.phone ?? '',
    publicEmail: p?.publicContact?.email ?? '',
    publicWebsite: p?.publicContact?.website ?? '',
    restrictions: (p?.restrictions ?? []).join('\n'),
    version: p?.version ?? '',
  });
  const directoryBody = (b: Form) => ({
    name: str(b.name),
    shortName: opt(b.shortName),
    kind: str(b.kind),
    capabilities: lines(b.capabilities),
    whenToEngage: str(b.whenToEngage),
    howToReach: opt(b.howToReach),
    available24x7: triState(b.available24x7),
    publicPhone: opt(b.publicPhone),
    publicEmail: opt(b.publicEmail),
    publicWebsite: opt(b.publicWebsite),
    restrictions: lines(b.restrictions),
  });

  app.get(
    '/partners/new',
    { config: { access: 'partners.edit', page: true }, schema: { hide: true } },
    async (_req, reply) =>
      reply.page('partners/views/directory-form.njk', {
        title: 'Add an organisation',
        values: directoryForm(),
        kinds: PARTNER_KINDS,
        creating: true,
        backLink: '/partners',
      }),
  );

  app.post(
    '/partners/new',
    { config: { access: 'partners.edit', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const b = req.body as Form;
      const data = {
        title: 'Add an organisation',
        values: { ...b, code: str(b.code) },
        kinds: PARTNER_KINDS,
        creating: true,
        backLink: '/partners',
      };
      const parsed = PartnerCreate.safeParse({ ...directoryBody(b), code: str(b.code) });
      if (!parsed.success)
        return invalid(reply, 'partners/views/directory-form.njk', data, zodFields(parsed.error), 400);
      try {
        await svc.addPartner(ctx, req, parsed.data.code, directoryInputOf(parsed.data));
      } catch (e) {
        if (e instanceof AppError && e.status === 409)
          return invalid(reply, 'partners/views/directory-form.njk', data, e.fields, 409);
        throw e;
      }
      return reply.redirect(`/partners/${parsed.data.code}?saved=1`, 303);
    },
  );

  app.get(
    '/partners/recommendations',
    { config: { access: 'partners.recommend', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const q = req.query as Form;
      const parsed = factsFromForm(q);
      const caseKind = isCaseKind(str(q.caseKind)) ? (str(q.caseKind) as (typeof CASE_KINDS)[number]) : null;
      const caseId = str(q.caseId).slice(0, 100) || null;
      const fields: FieldError[] = [...parsed.errors];
      if (caseId && !caseKind)
        fields.push({ field: 'caseKind', message: 'Choose what kind of case the id belongs to' });
      const caseIdCheck = caseId ? EngagementInput.shape.caseId.safeParse(caseId) : null;
      if (caseIdCheck && !caseIdCheck.success)
        fields.push({
          field: 'caseId',
          message: 'The case id must be its id or reference: letters, numbers and - _ . / only',
        });
      const engaged =
        caseKind && caseId && allowed(req, 'partners.engagements.read')
          ? await store.listEngagements(ctx.db, req.principal!, ctx.agreements.all(), { caseKind, caseId })
          : [];
      const view =
        parsed.asked && !fields.length
          ? recommendationsFor(parsed.facts, {
              caseKind,
              caseId,
              directory: await store.directoryViews(ctx.db),
            })
          : null;
      return reply.status(fields.length ? 400 : 200).page('partners/views/recommendations.njk', {
        title: 'Which partners to contact',
        values: {
          ...formFromFacts(parsed.facts),
          ...(parsed.errors.length ? q : {}),
          caseKind: caseKind ?? '',
          caseId: caseId ?? '',
        },
        errors: fields.length ? errorSummary(fields) : undefined,
        fieldErrors: errorMap(fields),
        partnerRecs: view
          ? { ...view, engaged: Object.fromEntries(engaged.map((e) => [e.partnerCode, e])) }
          : null,
        canRecordEngagement: allowed(req, 'partners.engagements.record'),
        returnTo: req.url,
        engagedNow: str(q.engaged) || null,
        groups: BOOLEAN_FACT_GROUPS.map((g) => ({
          legend: g.legend,
          items: g.facts.map(([value, text]) => ({ value, text })),
        })),
        exploitationTypes: EXPLOITATION_TYPES,
        sectors: SECTORS,
        settings: SETTINGS,
        supportNeeds: SUPPORT_NEEDS,
        nations: UK_NATIONS,
        caseKinds: CASE_KINDS.map((k) => ({ value: k, text: CASE_KIND_LABELS[k] })),
      });
    },
  );

  app.post(
    '/partners/engagements',
    { config: { access: 'partners.engagements.record', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const b = req.body as Form;
      const returnTo = safeReturn(str(b.returnTo), '/partners/engagements');
      const parsed = EngagementInput.safeParse({
        partnerCode: str(b.partnerCode),
        caseKind: str(b.caseKind),
        caseId: str(b.caseId),
        ruleId: opt(b.ruleId),
        note: opt(b.note),
      });
      if (!parsed.success)
        throw new AppError(
          400,
          'invalid_input',
          'The engagement could not be recorded: the case or partner is missing.',
          zodFields(parsed.error),
        );
      await store.recordEngagement(
        ctx,
        req.principal!,
        {
          ...parsed.data,
          ruleId: parsed.data.ruleId || null,
          note: parsed.data.note || null,
          engagedOn: svc.todayIso(),
        },
        { auditActor: actorFrom(req) },
      );
      const sep = returnTo.includes('?') ? '&' : '?';
      return reply.redirect(
        `${returnTo.replace(/[?&]engaged=[^&]*/g, '')}${sep}engaged=${encodeURIComponent(parsed.data.partnerCode)}`,
        303,
      );
    },
  );

  app.get(
    '/partners/engagements',
    {
      config: { access: 'partners.engagements.read', page: true },
      schema: { hide: true, querystring: Query },
    },
    async (req, reply) => {
      const q = req.query as Form;
      const caseKind = isCaseKind(str(q.caseKind)) ? str(q.caseKind) : undefined;
      const caseId = str(q.caseId) || undefined;
      const rows = await store.listEngagements(ctx.db, req.principal!, ctx.agreements.all(), {
        caseKind,
        caseId,
      });
      if (str(q.format) === 'csv') {
        return csvReply(
          reply,
          'partner-engagements.csv',
          [
            'engaged_on',
            'partner',
            'case_kind',
            'case_id',
            'rule',
            'note',
            'agency',
            'recorded_by',
            'recorded_at',
          ],
          rows.map((e) => [
            e.engagedOn,
            e.partnerName,
            e.caseKind,
            e.caseId,
            e.ruleId,
            e.note,
            e.agencyCode,
            e.recordedByName,
            e.recordedAt,
          ]),
        );
      }
      return reply.page('partners/views/engagements.njk', {
        title: 'Partners engaged on cases',
        rows: rows.map((e) => ({
          ...e,
          caseKindLabel: CASE_KIND_LABELS[e.caseKind as keyof typeof CASE_KIND_LABELS] ?? e.caseKind,
        })),
        filter: { caseKind: caseKind ?? '', caseId: caseId ?? '' },
        caseKinds: CASE_KINDS.map((k) => ({ value: k, text: CASE_KIND_LABELS[k] })),
        csvQuery: new URLSearchParams({
          ...(caseKind ? { caseKind } : {}),
          ...(caseId ? { caseId } : {}),
          format: 'csv',
        }).toString(),
      });
    },
  );

  app.get(
    '/partners/:code',
    {
      config: { access: 'partners.read', page: true },
      schema: { hide: true, params: z.object({ code: z.string().max(80) }), querystring: Query },
    },
    async (req, reply) => {
      const p = await store.getPartner(ctx.db, req.params.code);
      if (!p) throw notFound('partner');
      const parent = p.parentCode ? await store.getPartner(ctx.db, p.parentCode) : undefined;
      return reply.page('partners/views/partner.njk', {
        title: p.name,
        partner: {
          ...p,
          kindLabel: kindLabel(p.kind),
          seeds: p.seedRefs.map(seedLabel),
          availableText: p.available24x7 === null ? 'Not known' : p.available24x7 ? 'Yes' : 'No',
        },
        parent,
        canEdit: allowed(req, 'partners.edit'),
        flash: str((req.query as Form).saved) ? 'The directory entry was saved.' : undefined,
        backLink: '/partners',
      });
    },
  );

  app.get(
    '/partners/:code/edit',
    {
      config: { access: 'partners.edit', page: true },
      schema: { hide: true, params: z.object({ code: z.string().max(80) }) },
    },
    async (req, reply) => {
      const p = await store.getPartner(ctx.db, req.params.code);
      if (!p) throw notFound('partner');
      return reply.page('partners/views/directory-form.njk', {
        title: `Change ${p.name}`,
        partner: p,
        values: directoryForm(p),
        kinds: PARTNER_KINDS,
        backLink: `/partners/${p.code}`,
      });
    },
  );

  app.post(
    '/partners/:code/edit',
    {
      config: { access: 'partners.edit', page: true },
      schema: { hide: true, params: z.object({ code: z.string().max(80) }), body: FormBody },
    },
    async (req, reply) => {
      const p = await store.getPartner(ctx.db, req.params.code);
      if (!p) throw notFound('partner');
      const b = req.body as Form;
      const data = {
        title: `Change ${p.name}`,
        partner: p,
        values: b,
        kinds: PARTNER_KINDS,
        backLink: `/partners/${p.code}`,
      };
      const parsed = PartnerUpdate.safeParse({ ...directoryBody(b), version: Number(str(b.version)) || 0 });
      if (!parsed.success)
        return invalid(reply, 'partners/views/directory-form.njk', data, zodFields(parsed.error), 400);
      try {
        await svc.editPartner(ctx, req, p.code, directoryInputOf(parsed.data), parsed.data.version);
      } catch (e) {
        if (e instanceof AppError && e.status === 409)
          return invalid(
            reply,
            'partners/views/directory-form.njk',
            { ...data, values: { ...b, version: String((await store.getPartner(ctx.db, p.code))!.version) } },
            e.fields,
            409,
          );
        throw e;
      }
      return reply.redirect(`/partners/${p.code}?saved=1`, 303);
    },
  );

  // ===== Partnerships =========================================================================================
  app.get(
    '/partnerships',
    { config: { access: 'partnerships.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const q = req.query as Form;
      const level = LEVELS.some((l) => l.value === str(q.level)) ? str(q.level) : undefined;
      const activity = ACTIVITIES.some((a) => a.value === str(q.activity)) ? str(q.activity) : undefined;
      const names = forceAreaNames();
      const forceArea = names.has(str(q.forceArea)) ? str(q.forceArea) : undefined;
      const rows = await svc.partnershipSummaries(ctx, {
        level,
        activity,
        forceAreaCode: forceArea,
        q: str(q.q) || undefined,
      });
      if (str(q.format) === 'csv') {
        return csvReply(
          reply,
          'partnerships.csv',
          [
            'id',
            'name',
            'level',
            'area',
            'force_areas',
            'activities',
            'chair',
            'coordinator',
            'source',
            'last_reviewed_on',
            'review_overdue',
            'sharing_agreement',
          ],
          rows.map((r) => [
            r.p.id,
            r.p.name,
            r.p.level,
            r.p.area,
            r.p.forceAreaCodes.join(' '),
            r.p.activities.join(' '),
            r.p.chairType,
            r.p.coordinatorType,
            r.p.source,
            r.lastReviewedOn,
            r.status.overdue ? 'yes' : 'no',
            r.hasSharingAgreement ? 'yes' : 'no',
          ]),
        );
      }
      const mine = req.principal!.roles.includes('partnership_coordinator')
        ? new Set(
            await store.partnershipIdsCoordinatedBy(ctx.db, req.principal!.userId, req.principal!.agencyCode),
          )
        : new Set<string>();
      return reply.page('partners/views/partnerships.njk', {
        title: 'Anti-slavery partnerships',
        subnav: PARTNERSHIP_NAV('/partnerships'),
        rows: rows.map((r) => ({
          ...r,
          levelLabel: levelLabel(r.p.level),
          forces: r.p.forceAreaCodes.map((c) => names.get(c) ?? c).join(', '),
          activityLabels: r.p.activities.map((a) => labelOf(ACTIVITIES, a)),
          mine: mine.has(r.p.id),
        })),
        mine: rows.filter((r) => mine.has(r.p.id)),
        filter: {
          level: level ?? '',
          activity: activity ?? '',
          q: str(q.q),
          forceArea: forceArea ?? '',
          forceAreaName: forceArea ? names.get(forceArea) : null,
        },
        vocab: VOCAB,
        survey: partnershipSurvey2017,
        csvQuery: new URLSearchParams({
          ...(level ? { level } : {}),
          ...(activity ? { activity } : {}),
          ...(forceArea ? { forceArea } : {}),
          format: 'csv',
        }).toString(),
      });
    },
  );

  app.get(
    '/partnerships/map',
    { config: { access: 'partnerships.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const q = req.query as Form;
      const level = LEVELS.some((l) => l.value === str(q.level)) ? str(q.level) : undefined;
      const activity = ACTIVITIES.some((a) => a.value === str(q.activity)) ? str(q.activity) : undefined;
      const measure = str(q.measure) === 'sharing' ? 'sharing' : 'partnerships';
      const f = await svc.mapFigures(ctx, { level, activity });
      const values = measure === 'sharing' ? f.sharing : f.counts;
      const max = Math.max(0, ...values.values());
      const classes = colourClasses(max);
      const names = forceAreaNames();
      const filterWords = [
        level ? `${levelLabel(level).toLowerCase()} level` : '',
        activity ? `doing ${labelOf(ACTIVITIES, activity).toLowerCase()}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const title =
        measure === 'sharing'
          ? 'Where partners can share: partnerships with a data-sharing agreement in force, by police force area'
          : 'Anti-slavery partnerships by police force area';
      const svg = renderForceAreaMap({
        id: 'partnership-map',
        title,
        summary: `${measure === 'sharing' ? 'Partnerships whose information-sharing agreement is given effect by a data-sharing agreement in force' : 'Number of partnerships'} per police force area${filterWords ? ` (${filterWords})` : ''}; a partnership covering several areas counts in each.`,
        values,
        classes,
      });
      const table = [...names.entries()]
        .map(([code, name]) => ({
          code,
          name,
          partnerships: f.counts.get(code) ?? 0,
          sharing: f.sharing.get(code) ?? 0,
        }))
        .sort(
          (a, b) =>
            (measure === 'sharing' ? b.sharing - a.sharing : b.partnerships - a.partnerships) ||
            a.name.localeCompare(b.name),
        );
      if (str(q.format) === 'csv')
        return csvReply(
          reply,
          'partnerships-by-force-area.csv',
          ['force_area_code', 'force_area', 'partnerships', 'partnerships_that_can_share'],
          table.map((t) => [t.code, t.name, t.partnerships, t.sharing]),
        );
      return reply.page('partners/views/map.njk', {
        title: 'Map of partnerships',
        subnav: PARTNERSHIP_NAV('/partnerships/map'),
        svg,
        legend: classes.map((c) => ({
          swatch: swatch(c.colour),
          label: c.label,
          count: table.filter(
            (t) => classOf(classes, measure === 'sharing' ? t.sharing : t.partnerships) === c,
          ).length,
        })),
        table,
        filter: { level: level ?? '', activity: activity ?? '', measure },
        vocab: VOCAB,
        matching: f.matching,
        areasWithAny: table.filter((t) => (measure === 'sharing' ? t.sharing : t.partnerships) > 0).length,
        attribution: MAP_ATTRIBUTION,
        csvQuery: new URLSearchParams({
          ...(level ? { level } : {}),
          ...(activity ? { activity } : {}),
          measure,
          format: 'csv',
        }).toString(),
      });
    },
  );

  app.get(
    '/partnerships/figures',
    { config: { access: 'partnerships.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const ps = await store.listPartnerships(ctx.db);
      const figures = surveyComparisons(ps);
      if (str((req.query as Form).format) === 'csv') {
        return csvReply(
          reply,
          'partnership-figures.csv',
          ['figure', 'category', 'partnerships_in_register', 'rank_in_2017_chart'],
          figures.flatMap((f) => f.rows.map((r) => [f.figure, r.label, r.count, r.surveyRank])),
        );
      }
      return reply.page('partners/views/figures.njk', {
        title: 'Partnership figures',
        subnav: PARTNERSHIP_NAV('/partnerships/figures'),
        figures: figures.map((f) => ({
          ...f,
          svg: barChart(
            `fig-${f.id}`,
            `${f.title} (partnerships in the register)`,
            f.rows
              .filter((r) => r.count > 0 || r.surveyRank !== null)
              .map((r) => ({ label: r.label, value: r.count })),
          ),
        })),
        survey: partnershipSurvey2017,
        picture2025: partnershipPicture2025,
      });
    },
  );

  app.get(
    '/partnerships/reviews',
    { config: { access: 'partnerships.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const [summaries, reviews] = await Promise.all([
        svc.partnershipSummaries(ctx),
        store.listReviews(ctx.db, undefined, 100),
      ]);
      const overdue = summaries
        .filter((s) => s.status.overdue)
        .sort(
          (a, b) =>
            (a.lastReviewedOn ?? '').localeCompare(b.lastReviewedOn ?? '') ||
            a.p.name.localeCompare(b.p.name),
        );
      if (str((req.query as Form).format) === 'csv') {
        return csvReply(
          reply,
          'partnerships-overdue-for-review.csv',
          ['id', 'name', 'level', 'last_reviewed_on', 'due_on'],
          overdue.map((o) => [o.p.id, o.p.name, o.p.level, o.lastReviewedOn, o.status.dueOn]),
        );
      }
      const names = new Map(summaries.map((s) => [s.p.id, s.p.name]));
      return reply.page('partners/views/reviews.njk', {
        title: 'Annual reviews of partnerships',
        subnav: PARTNERSHIP_NAV('/partnerships/reviews'),
        overdue: overdue.map((o) => ({ ...o, levelLabel: levelLabel(o.p.level) })),
        total: summaries.length,
        reviewedInYear: summaries.length - overdue.length,
        reviews: reviews.map((r) => ({
          ...r,
          partnershipName: names.get(r.partnershipId) ?? r.partnershipId,
          rating: ratingOf(r.progressRating),
        })),
        goodPractice: reviews
          .filter((r) => r.shareGoodPractice && r.goodPractice)
          .map((r) => ({ ...r, partnershipName: names.get(r.partnershipId) ?? r.partnershipId })),
        outputs: OUTPUT_MEASURES,
        outcomes: OUTCOME_MEASURES,
      });
    },
  );

  const PartnershipParams = z.object({ id: z.string().max(80) });

  app.get(
    '/partnerships/:id',
    {
      config: { access: 'partnerships.read', page: true },
      schema: { hide: true, params: PartnershipParams, querystring: Query },
    },
    async (req, reply) => {
      const d = await svc.partnershipDetail(ctx, req.params.id);
      const decision = await svc.editDecision(ctx, req.principal!, d.p);
      const names = forceAreaNames();
      const saved = str((req.query as Form).saved);
      return reply.page('partners/views/partnership.njk', {
        title: d.p.name,
        subnav: PARTNERSHIP_NAV(''),
        d,
        p: {
          ...d.p,
          levelLabel: levelLabel(d.p.level),
          forces: d.p.forceAreaCodes.map((c) => names.get(c) ?? c),
          chair: labelOf(ORGANISATION_TYPES, d.p.chairType),
          coordinator: labelOf(ORGANISATION_TYPES, d.p.coordinatorType),
          members: d.p.memberTypes.map((k) => labelOf(MEMBER_TYPES, k)),
          activityLabels: d.p.activities.map((k) => labelOf(ACTIVITIES, k)),
          measureLabels: d.p.progressMeasures.map((k) => labelOf(PROGRESS_MEASURES, k)),
          fundingLabels: d.p.fundingSources.map((k) => labelOf(FUNDING_SOURCES, k)),
          gapLabels: d.p.gaps.map((k) => labelOf(GAPS, k)),
          challengeLabels: d.p.challenges.map((k) => labelOf(CHALLENGES, k)),
          seeds: d.p.seedRefs.map(seedLabel),
          notes: d.p.seedNotes.map((n) => ({ text: n.text, seed: seedLabel(n.seedRef) })),
        },
        reviews: d.reviews.map((r) => ({ ...r, rating: ratingOf(r.progressRating) })),
        outputs: OUTPUT_MEASURES,
        outcomes: OUTCOME_MEASURES,
        canEdit: decision.allow,
        editReason: decision.reason,
        canManageCoordinators: allowed(req, 'partnerships.coordinators'),
        flash:
          saved === 'review'
            ? 'The annual review was recorded.'
            : saved === 'isa'
              ? 'The information-sharing agreement was saved.'
              : saved === 'coordinators'
                ? 'The coordinators were updated.'
                : saved
                  ? 'The partnership was saved.'
                  : undefined,
        backLink: '/partnerships',
      });
    },
  );

  const partnershipFormValues = (p: store.Partnership) => ({
    chairType: p.chairType ?? '',
    coordinatorType: p.coordinatorType ?? '',
    memberTypes: p.memberTypes,
    memberNames: p.memberNames.join('\n'),
    activities: p.activities,
    otherActivities: p.otherActivities ?? '',
    governanceDocuments: triText(p.governanceDocuments),
    governanceNotes: p.governanceNotes ?? '',
    actionPlan: triText(p.actionPlan),
    actionPlanNotes: p.actionPlanNotes ?? '',
    progressMeasures: p.progressMeasures,
    progressNotes: p.progressNotes ?? '',
    fundingSources: p.fundingSources,
    fundingNotes: p.fundingNotes ?? '',
    gaps: p.gaps,
    challenges: p.challenges,
    gapsNotes: p.gapsNotes ?? '',
    meetingFrequency: p.meetingFrequency ?? '',
    version: String(p.version),
  });

  app.get(
    '/partnerships/:id/edit',
    {
      config: { access: 'partnerships.edit', page: true },
      schema: { hide: true, params: PartnershipParams },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      return reply.page('partners/views/partnership-form.njk', {
        title: `Change ${p.name}`,
        p,
        values: partnershipFormValues(p),
        vocab: VOCAB,
        backLink: `/partnerships/${p.id}`,
      });
    },
  );

  app.post(
    '/partnerships/:id/edit',
    {
      config: { access: 'partnerships.edit', page: true },
      schema: { hide: true, params: PartnershipParams, body: FormBody },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      const b = req.body as Form;
      const data = {
        title: `Change ${p.name}`,
        p,
        values: {
          ...b,
          memberTypes: asList(b.memberTypes),
          activities: asList(b.activities),
          progressMeasures: asList(b.progressMeasures),
          fundingSources: asList(b.fundingSources),
          gaps: asList(b.gaps),
          challenges: asList(b.challenges),
        },
        vocab: VOCAB,
        backLink: `/partnerships/${p.id}`,
      };
      const parsed = PartnershipPatchInput.safeParse({
        version: Number(str(b.version)) || 0,
        chairType: opt(b.chairType),
        coordinatorType: opt(b.coordinatorType),
        memberTypes: asList(b.memberTypes),
        memberNames: lines(b.memberNames),
        activities: asList(b.activities),
        otherActivities: opt(b.otherActivities),
        governanceDocuments: triState(b.governanceDocuments),
        governanceNotes: opt(b.governanceNotes),
        actionPlan: triState(b.actionPlan),
        actionPlanNotes: opt(b.actionPlanNotes),
        progressMeasures: asList(b.progressMeasures),
        progressNotes: opt(b.progressNotes),
        fundingSources: asList(b.fundingSources),
        fundingNotes: opt(b.fundingNotes),
        gaps: asList(b.gaps),
        challenges: asList(b.challenges),
        gapsNotes: opt(b.gapsNotes),
        meetingFrequency: opt(b.meetingFrequency),
      });
      if (!parsed.success)
        return invalid(
          reply,
          'partners/views/partnership-form.njk',
          data,
          zodFields(parsed.error).map((f) => ({ ...f, field: f.field.split('.')[0]! })),
          400,
        );
      try {
        await svc.editPartnership(ctx, req, p.id, patchOf(parsed.data), parsed.data.version);
      } catch (e) {
        if (e instanceof AppError && e.status === 409) {
          const now = (await store.getPartnership(ctx.db, p.id))!;
          return invalid(
            reply,
            'partners/views/partnership-form.njk',
            { ...data, values: { ...data.values, version: String(now.version) } },
            e.fields,
            409,
          );
        }
        throw e;
      }
      return reply.redirect(`/partnerships/${p.id}?saved=1`, 303);
    },
  );

  const isaPage = async (p: store.Partnership, values: Record<string, unknown>) => {
    const ticked = new Set(asList(values.sharingAgreementIds as string | string[] | undefined));
    return {
      title: `Information-sharing agreement: ${p.name}`,
      p,
      values,
      agreementItems: (await svc.allAgreements(ctx)).map((a) => ({
        value: String(a.id),
        text: a.name,
        hint: {
          text: `${a.status === 'in-force' ? 'In force' : `Not in force (${a.status.replace(/-/g, ' ')})`}. Shares ${a.recordKinds.join(', ').replace(/_/g, ' ')} records.`,
        },
        checked: ticked.has(String(a.id)),
      })),
      backLink: `/partnerships/${p.id}`,
    };
  };

  app.get(
    '/partnerships/:id/sharing-agreement',
    {
      config: { access: 'partnerships.edit', page: true },
      schema: { hide: true, params: PartnershipParams },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      const isa = await store.getIsa(ctx.db, p.id);
      const s = datePartsOf(isa?.signedOn ?? null);
      const r = datePartsOf(isa?.reviewOn ?? null);
      return reply.page(
        'partners/views/isa-form.njk',
        await isaPage(p, {
          title: isa?.title ?? '',
          'signedOn-day': s.day,
          'signedOn-month': s.month,
          'signedOn-year': s.year,
          'reviewOn-day': r.day,
          'reviewOn-month': r.month,
          'reviewOn-year': r.year,
          parties: isa?.parties ?? '',
          notes: isa?.notes ?? '',
          sharingAgreementIds: (isa?.sharingAgreementIds ?? []).map(String),
          version: isa ? String(isa.version) : '',
        }),
      );
    },
  );

  app.post(
    '/partnerships/:id/sharing-agreement',
    {
      config: { access: 'partnerships.edit', page: true },
      schema: { hide: true, params: PartnershipParams, body: FormBody },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      const b = req.body as Form;
      const values = { ...b, sharingAgreementIds: asList(b.sharingAgreementIds) };
      const fields: FieldError[] = [];
      const signedOn = dateFromParts(
        str(b['signedOn-day']),
        str(b['signedOn-month']),
        str(b['signedOn-year']),
      );
      const reviewOn = dateFromParts(
        str(b['reviewOn-day']),
        str(b['reviewOn-month']),
        str(b['reviewOn-year']),
      );
      if (signedOn === null)
        fields.push({ field: 'signedOn', message: 'The date signed must be a real date, like 31 3 2026' });
      if (reviewOn === null)
        fields.push({ field: 'reviewOn', message: 'The review date must be a real date, like 31 3 2027' });
      const parsed = IsaInput.safeParse({
        title: str(b.title),
        signedOn: signedOn || null,
        reviewOn: reviewOn || null,
        parties: opt(b.parties),
        notes: opt(b.notes),
        sharingAgreementIds: asList(b.sharingAgreementIds).map(Number),
        version: str(b.version) ? Number(str(b.version)) : undefined,
      });
      if (!parsed.success)
        fields.push(...zodFields(parsed.error).map((f) => ({ ...f, field: f.field.split('.')[0]! })));
      if (parsed.success && !fields.length)
        fields.push(
          ...svc.checkIsaDates({
            signedOn: parsed.data.signedOn ?? null,
            reviewOn: parsed.data.reviewOn ?? null,
          }),
        );
      if (fields.length || !parsed.success)
        return invalid(reply, 'partners/views/isa-form.njk', await isaPage(p, values), fields, 400);
      const d = parsed.data;
      try {
        await svc.saveSharingAgreement(
          ctx,
          req,
          p.id,
          {
            title: d.title,
            signedOn: d.signedOn ?? null,
            reviewOn: d.reviewOn ?? null,
            parties: d.parties || null,
            notes: d.notes || null,
            sharingAgreementIds: d.sharingAgreementIds,
          },
          d.version,
        );
      } catch (e) {
        if (e instanceof AppError && (e.status === 412 || e.status === 422))
          return invalid(
            reply,
            'partners/views/isa-form.njk',
            await isaPage(p, values),
            e.fields.length ? e.fields : [{ field: 'title', message: e.message }],
            e.status,
          );
        throw e;
      }
      return reply.redirect(`/partnerships/${p.id}?saved=isa`, 303);
    },
  );

  const reviewPage = (p: store.Partnership, values: Record<string, unknown>) => ({
    title: `Annual review: ${p.name}`,
    p,
    values,
    outputs: OUTPUT_MEASURES,
    outcomes: OUTCOME_MEASURES,
    ratings: PROGRESS_RATINGS.map((r) => ({ value: r.value, text: r.text })),
    backLink: `/partnerships/${p.id}`,
  });

  app.get(
    '/partnerships/:id/reviews/new',
    {
      config: { access: 'partnerships.review', page: true },
      schema: { hide: true, params: PartnershipParams },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      const last = (await store.listReviews(ctx.db, p.id, 1))[0];
      const today = svc.todayIso();
      const start = datePartsOf(last ? last.periodEnd : `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
      const end = datePartsOf(today);
      return reply.page(
        'partners/views/review-form.njk',
        reviewPage(p, {
          'periodStart-day': start.day,
          'periodStart-month': start.month,
          'periodStart-year': start.year,
          'periodEnd-day': end.day,
          'periodEnd-month': end.month,
          'periodEnd-year': end.year,
        }),
      );
    },
  );

  app.post(
    '/partnerships/:id/reviews/new',
    {
      config: { access: 'partnerships.review', page: true },
      schema: { hide: true, params: PartnershipParams, body: FormBody },
    },
    async (req, reply) => {
      const p = await svc.partnershipForChange(ctx, req, req.params.id);
      const b = req.body as Form;
      const fields: FieldError[] = [];
      const dates: Record<string, string> = {};
      for (const [field, label] of [
        ['periodStart', 'start of the period'],
        ['periodEnd', 'end of the period'],
      ] as const) {
        const v = dateFromParts(str(b[`${field}-day`]), str(b[`${field}-month`]), str(b[`${field}-year`]));
        if (!v) fields.push({ field, message: `Enter the ${label} as a real date, like 1 4 2025` });
        else dates[field] = v;
      }
      const measures = (ms: readonly { key: string; label: string }[]) => {
        const out: Record<string, number | null> = {};
        for (const m of ms) {
          const v = intOrNull(b[m.key]);
          if (v === 'bad')
            fields.push({
              field: m.key,
              message: `${m.label} must be a whole number, or left blank if not measured`,
            });
          else out[m.key] = v;
        }
        return out;
      };
      const outputs = measures(OUTPUT_MEASURES);
      const outcomes = measures(OUTCOME_MEASURES);
      const parsed = ReviewInput.safeParse({
        periodStart: dates.periodStart ?? '2000-01-01',
        periodEnd: dates.periodEnd ?? '2000-01-01',
        outputs,
        outcomes,
        progressRating: str(b.progressRating) || undefined,
        progressSummary: str(b.progressSummary),
        goodPractice: opt(b.goodPractice),
        shareGoodPractice: str(b.shareGoodPractice) === 'yes',
        gapsChallenges: opt(b.gapsChallenges),
        nextActions: opt(b.nextActions),
      });
      if (!parsed.success) {
        for (const f of zodFields(parsed.error)) {
          const field = f.field.split('.')[0]!;
          if (field === 'progressRating')
            fields.push({ field, message: 'Choose how the partnership is progressing' });
          else if (!fields.some((x) => x.field === field)) fields.push({ ...f, field });
        }
      }
      if (fields.length || !parsed.success)
        return invalid(reply, 'partners/views/review-form.njk', reviewPage(p, b), fields, 400);
      try {
        await svc.recordReview(ctx, req, p.id, reviewInputOf(parsed.data));
      } catch (e) {
        if (e instanceof AppError && e.status === 422)
          return invalid(reply, 'partners/views/review-form.njk', reviewPage(p, b), e.fields, 422);
        throw e;
      }
      return reply.redirect(`/partnerships/${p.id}?saved=review`, 303);
    },
  );

  app.post(
    '/partnerships/:id/coordinators',
    {
      config: { access: 'partnerships.coordinators', page: true },
      schema: { hide: true, params: PartnershipParams, body: FormBody },
    },
    async (req, reply) => {
      const p = await svc.loadPartnership(ctx, req.params.id);
      const b = req.body as Form;
      const removeId = str(b.remove);
      if (removeId) {
        await ctx.db.transaction().execute(async (trx) => {
          if (await store.removeCoordinator(trx, p.id, removeId)) {
            await ctx.audit.append(trx, actorFrom(req), [
              {
                action: 'partnerships.coordinator.removed',
                entityKind: 'partnership',
                entityId: p.id,
                detail: { user: removeId },
              },
            ]);
          }
        });
        return reply.redirect(`/partnerships/${p.id}?saved=coordinators`, 303);
      }
      const email = str(b.email).toLowerCase();
      const user = email ? await store.findUserByEmail(ctx.db, email) : undefined;
      const fail = (message: string) =>
        new AppError(422, 'validation_failed', message, [{ field: 'email', message }]);
      if (!user) throw fail('Enter the email address of a Fusion user');
      if (!user.roles.includes('partnership_coordinator'))
        throw fail(`${user.name} does not have the partnership coordinator role`);
      await ctx.db.transaction().execute(async (trx) => {
        if (await store.addCoordinator(trx, p.id, user.id, req.principal!.userId)) {
          await ctx.audit.append(trx, actorFrom(req), [
            {
              action: 'partnerships.coordinator.added',
              entityKind: 'partnership',
              entityId: p.id,
              detail: { user: user.id },
            },
          ]);
        }
      });
      return reply.redirect(`/partnerships/${p.id}?saved=coordinators`, 303);
    },
  );

  // ===== National Response Plan and incidents =================================================================
  app.get(
    '/response-plan',
    { config: { access: 'incidents.plan', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const type = (INCIDENT_TYPES.find((t) => t.type === str((req.query as Form).type))?.type ??
        'inland') as IncidentType;
      const items = responsePlanFor(type);
      return reply.page('partners/views/response-plan.njk', {
        title: 'National Response Plan',
        type,
        typeLabel: INCIDENT_TYPES.find((t) => t.type === type)!.label,
        types: INCIDENT_TYPES,
        phases: RESPONSE_PHASES.map((ph) => ({
          ...ph,
          items: items
            .filter((i) => i.phase === ph.phase)
            .map((i) => ({ ...i, seed: seedLabel(i.seedRef), partnerLinks: partnerLinks(i.partners) })),
        })).filter((ph) => ph.items.length),
        canRecord: allowed(req, 'incidents.record'),
        canSeeIncidents: allowed(req, 'incidents.read'),
      });
    },
  );

  app.get(
    '/incidents',
    { config: { access: 'incidents.read', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const rows = await store.listIncidents(ctx.db, req.principal!, ctx.agreements.all());
      const totals = new Map(INCIDENT_TYPES.map((t) => [t.type, responsePlanFor(t.type).length]));
      if (str((req.query as Form).format) === 'csv') {
        return csvReply(
          reply,
          'incidents.csv',
          [
            'reference',
            'type',
            'occurred_at',
            'location',
            'people_found',
            'children_found',
            'status',
            'checklist_done',
            'checklist_total',
            'agency',
          ],
          rows.map((i) => [
            i.reference,
            i.type,
            i.occurredAt,
            i.location,
            i.peopleFound,
            i.childrenFound,
            i.status,
            i.done,
            totals.get(i.type as IncidentType),
            i.agencyCode,
          ]),
        );
      }
      return reply.page('partners/views/incidents.njk', {
        title: 'Immigration crime incidents',
        rows: rows.map((i) => ({
          ...i,
          total: totals.get(i.type as IncidentType) ?? 0,
          typeLabel: INCIDENT_TYPES.find((t) => t.type === i.type)?.label ?? i.type,
        })),
        canRecord: allowed(req, 'incidents.record'),
      });
    },
  );

  const incidentFormPage = (values: Record<string, unknown>) => ({
    title: 'Record an immigration crime incident',
    values,
    types: INCIDENT_TYPES.map((t) => ({ value: t.type, text: t.label, hint: t.examples })),
    forceAreas: [...forceAreaNames().entries()]
      .map(([value, text]) => ({ value, text }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    backLink: '/incidents',
  });

  app.get(
    '/incidents/new',
    { config: { access: 'incidents.record', page: true }, schema: { hide: true, querystring: Query } },
    async (req, reply) => {
      const now = new Date();
      const london = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(now);
      const d = datePartsOf(now.toISOString().slice(0, 10));
      const type = str((req.query as Form).type);
      return reply.page(
        'partners/views/incident-form.njk',
        incidentFormPage({
          type,
          'occurredOn-day': d.day,
          'occurredOn-month': d.month,
          'occurredOn-year': d.year,
          occurredTime: london,
        }),
      );
    },
  );

  app.post(
    '/incidents/new',
    { config: { access: 'incidents.record', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const b = req.body as Form;
      const fields: FieldError[] = [];
      const day = dateFromParts(
        str(b['occurredOn-day']),
        str(b['occurredOn-month']),
        str(b['occurredOn-year']),
      );
      const time = str(b.occurredTime);
      if (!day)
        fields.push({ field: 'occurredOn', message: 'Enter the date of the incident, like 3 5 2026' });
      if (!/^([01]?\d|2[0-3])[:.][0-5]\d$/.test(time))
        fields.push({ field: 'occurredTime', message: 'Enter the time in 24-hour format, like 14:30' });
      let occurredAt = '';
      if (day && !fields.length) {
        const [h, m] = time.split(/[:.]/).map(Number) as [number, number];
        occurredAt = londonToIso(day, h, m);
      }
      const people = intOrNull(b.peopleFound);
      const children = intOrNull(b.childrenFound);
      if (people === 'bad')
        fields.push({ field: 'peopleFound', message: 'People found must be a whole number' });
      if (children === 'bad')
        fields.push({ field: 'childrenFound', message: 'Children found must be a whole number' });
      const parsed = IncidentInput.safeParse({
        type: str(b.type) || undefined,
        occurredAt: occurredAt || '2000-01-01T00:00:00Z',
        location: str(b.location),
        forceAreaCode: opt(b.forceAreaCode),
        summary: str(b.summary),
        peopleFound: people === 'bad' ? null : people,
        childrenFound: children === 'bad' ? null : children,
      });
      if (!parsed.success) {
        for (const f of zodFields(parsed.error)) {
          const field = f.field.split('.')[0]!;
          fields.push(field === 'type' ? { field, message: 'Choose the type of incident' } : { ...f, field });
        }
      }
      if (fields.length || !parsed.success)
        return invalid(reply, 'partners/views/incident-form.njk', incidentFormPage(b), fields, 400);
      const d = parsed.data;
      try {
        const r = await svc.createIncidentFor(ctx, req, {
          type: d.type,
          occurredAt: d.occurredAt,
          location: d.location,
          forceAreaCode: d.forceAreaCode ?? null,
          summary: d.summary ?? '',
          peopleFound: d.peopleFound ?? null,
          childrenFound: d.childrenFound ?? null,
        });
        return reply.redirect(`/incidents/${r.id}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.status === 422)
          return invalid(
            reply,
            'partners/views/incident-form.njk',
            incidentFormPage(b),
            e.fields.map((f) => (f.field === 'occurredAt' ? { ...f, field: 'occurredOn' } : f)),
            422,
          );
        throw e;
      }
    },
  );

  const incidentPage = async (req: FastifyRequest, id: string) => {
    const i = await svc.incidentFor(ctx, req, id);
    const ticks = await store.incidentTicks(ctx.db, i.id);
    const progress = checklistProgress(i.type as IncidentType, ticks);
    const notes = new Map(ticks.map((t) => [t.itemId, t.note]));
    return {
      title: `Incident ${i.reference}`,
      i,
      typeLabel: INCIDENT_TYPES.find((t) => t.type === i.type)?.label ?? i.type,
      forceArea: i.forceAreaCode ? (forceAreaNames().get(i.forceAreaCode) ?? i.forceAreaCode) : null,
      peopleText:
        i.peopleFound === null
          ? 'Not recorded'
          : `${i.peopleFound}${i.childrenFound ? `, of whom ${i.childrenFound} appear to be children` : ''}`,
      progress: {
        ...progress,
        phases: progress.phases.map((ph) => ({
          ...ph,
          items: ph.items.map((it) => ({
            ...it,
            note: notes.get(it.id) ?? null,
            seed: seedLabel(it.seedRef),
            partnerNames: partnerLinks(it.partners).map((x) => x.name),
          })),
        })),
      },
      canTick: allowed(req, 'incidents.record') && i.agencyCode === req.principal!.agencyCode,
      closed: i.status === 'closed',
      remaining: progress.total - progress.done,
      backLink: '/incidents',
    };
  };
  const STATUS_FLASH: Record<string, string> = {
    closed: 'The incident was closed.',
    open: 'The incident was reopened.',
  };

  app.get(
    '/incidents/:id',
    {
      config: { access: 'incidents.read', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), querystring: Query },
    },
    async (req, reply) =>
      reply.page('partners/views/incident.njk', {
        ...(await incidentPage(req, req.params.id)),
        flash: str((req.query as Form).saved)
          ? 'The checklist was saved.'
          : STATUS_FLASH[str((req.query as Form).status)],
      }),
  );

  app.post(
    '/incidents/:id/checklist',
    {
      config: { access: 'incidents.record', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const b = req.body as Form;
      const i = await store.getIncident(ctx.db, req.params.id);
      if (!i) throw notFound('incident');
      const posted = new Set(asList(b.items));
      const existing = new Set((await store.incidentTicks(ctx.db, i.id)).map((t) => t.itemId));
      const tick = [...posted]
        .filter((x) => !existing.has(x))
        .map((itemId) => ({ itemId, note: opt(b[`note-${itemId}`])?.slice(0, 1000) ?? null }));
      const untick = [...existing].filter((x) => !posted.has(x));
      await svc.updateChecklist(ctx, req, i.id, tick, untick);
      return reply.redirect(`/incidents/${i.id}?saved=1`, 303);
    },
  );

  app.post(
    '/incidents/:id/status',
    {
      config: { access: 'incidents.record', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const b = req.body as Form;
      const status = str(b.status);
      const version = str(b.version);
      const change = {
        status: status === 'closed' ? ('closed' as const) : ('open' as const),
        version: /^\d{1,9}$/.test(version) ? Number(version) : undefined,
        confirmRemaining: asList(b.confirmRemaining).includes('yes'),
      };
      const again = async (fields: FieldError[], code: number) =>
        invalid(reply, 'partners/views/incident.njk', await incidentPage(req, req.params.id), fields, code);
      if (status !== 'closed' && status !== 'open')
        return again([{ field: 'status-form', message: 'Choose whether to close or reopen the incident' }], 400);
      try {
        const i = await svc.setIncidentStatusFor(ctx, req, req.params.id, change);
        return reply.redirect(`/incidents/${i.id}?status=${i.status}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.status === 422) return again(e.fields, 422);
        if (e instanceof AppError && e.status === 409)
          return again([{ field: 'status-form', message: e.message }], 409);
        throw e;
      }
    },
  );
}

/** A wall-clock time in London on a day, as an ISO instant (British Summer Time applied when in force). */
export function londonToIso(day: string, hour: number, minute: number): string {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hour12: false,
  }).format(guess);
  const offsetHours = (Number(parts) - hour + 24) % 24;
  return new Date(guess.getTime() - offsetHours * 3_600_000).toISOString();
}
