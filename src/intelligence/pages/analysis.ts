/** Pages for the routes picture, collection plans, problem profiles and bulk imports. */
import { z } from 'zod';
import type { Principal } from '../../kernel/access/principal.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { type FieldError, zodFields } from '../../kernel/errors.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencies, forces, regions } from '../agencies.js';
import { flowChart, forceMap, inlineBar, MAP_ATTRIBUTION } from '../charts/svg.js';
import { idb, StaleEdit } from '../db.js';
import { importErrors } from '../import/importer.js';
import { startImportJob } from '../import/run.js';
import { FLOW_COLUMNS } from '../model/picture.js';
import { describeChanges } from '../model/versioning.js';
import { CRIME_CODES, THREAT_LABELS } from '../reference.js';
import { errorsCsv, importOf, importsOf, saveUpload } from '../routes/import-api.js';
import { PictureQuery, picture } from '../routes/picture-api.js';
import {
  addRequirement,
  createPlan,
  createProfile,
  listPlans,
  listProfiles,
  PlanInput,
  ProfileInput,
  ProfilePatch,
  planDetail,
  profileDetail,
  RequirementInput,
  setLink,
  updateProfile,
} from '../store/plans.js';
import { dateOf, errorsOf, type Form, FormBody, int, list, opt, str, withFieldErrors } from './form.js';
import { formatChange } from './reports.js';

async function scopeOptions(ctx: AppContext) {
  return {
    forceOptions: (await forces(ctx)).map((f) => ({ value: f.code, text: f.name })),
    regionOptions: (await regions(ctx)).map((r) => ({ value: r, text: r })),
    codeItems: CRIME_CODES.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}` })),
    threatItems: (['oic', 'msht'] as const).map((t) => ({ value: t, text: THREAT_LABELS[t] })),
  };
}

/** Finds a report by reference (IR-0000123) or id among those the user may see. */
async function reportIdOf(ctx: AppContext, ref: string): Promise<string | null> {
  const v = ref.trim();
  if (/^[0-9a-f-]{36}$/i.test(v)) return v;
  const row = await idb(ctx.db)
    .selectFrom('intel_reports')
    .select('id')
    .where('reference', '=', v.toUpperCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

export function analysisPages(app: FusionApp, ctx: AppContext) {
  // ------------------------------------------------------------------------------------------------ routes picture
  app.get(
    '/intelligence/routes',
    {
      config: { access: 'intelligence.picture.read', page: true },
      schema: { hide: true, querystring: PictureQuery },
    },
    async (req, reply) => {
      const q = req.query;
      const pic = await picture(ctx, req.principal!, q);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.picture.read',
        detail: { records: pic.records },
      });
      const ag = await agencies(ctx);
      const counts = new Map(pic.byForce.map((f) => [f.force, f.n]));
      const maxT = Math.max(1, ...pic.transit.map((t) => t.n));
      return reply.page('intelligence/views/routes.njk', {
        title: 'Routes and source countries',
        pic,
        query: q,
        flowSvg: pic.records
          ? flowChart(pic.flow, FLOW_COLUMNS, {
              id: 'flow',
              title: 'Routes into the UK',
              description: `How ${pic.records} people travelled: source country, last country before the UK, how they entered and where they went. The same figures are in the tables below.`,
            })
          : null,
        mapSvg: pic.byForce.length
          ? forceMap(counts, {
              id: 'map',
              title: 'Where people went in England and Wales',
              description:
                'Police force areas shaded by the number of people whose route ended there. The same figures are in the table beside the map.',
              unit: 'people',
            })
          : null,
        attribution: MAP_ATTRIBUTION(),
        byForce: pic.byForce.map((f) => ({ ...f, name: ag.get(f.force)?.name ?? f.force })),
        transit: pic.transit.map((t) => ({ ...t, bar: inlineBar(t.n, maxT) })),
        columns: FLOW_COLUMNS,
        flowRows: pic.flow.links
          .map((l) => ({
            from: l.from.slice(l.from.indexOf(':') + 1),
            fromColumn: FLOW_COLUMNS[Number(l.from.split(':')[0])],
            to: l.to.slice(l.to.indexOf(':') + 1),
            toColumn: FLOW_COLUMNS[Number(l.to.split(':')[0])],
            value: l.value,
          }))
          .sort((a, b) => b.value - a.value)
          .slice(0, 40),
      });
    },
  );

  // ------------------------------------------------------------------------------------------------ collection plans
  app.get(
    '/intelligence/plans',
    { config: { access: 'intelligence.plans.read', page: true }, schema: { hide: true } },
    async (req, reply) =>
      reply.page('intelligence/views/plans.njk', {
        title: 'Collection plans',
        plans: await listPlans(ctx, req.principal!),
        canWrite: req.principal!.roles.some((r) => ['analyst', 'supervisor', 'ms_lead'].includes(r)),
      }),
  );

  const planForm = async (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    title: 'New collection plan',
    values,
    ...(await scopeOptions(ctx)),
    ...extra,
  });
  const scopeValues = (f: Form, p: Principal) => ({
    scopeKind: str(f, 'scopeKind') || (p.agencyType === 'police_force' ? 'force' : 'region'),
    scopeForce: str(f, 'scopeForce') || (p.agencyType === 'police_force' ? p.agencyCode : ''),
    scopeRegion: str(f, 'scopeRegion') || p.region || '',
    title: str(f, 'title'),
    threat: str(f, 'threat') || 'oic',
    periodFrom: {
      day: str(f, 'periodFrom-day'),
      month: str(f, 'periodFrom-month'),
      year: str(f, 'periodFrom-year'),
    },
    periodTo: { day: str(f, 'periodTo-day'), month: str(f, 'periodTo-month'), year: str(f, 'periodTo-year') },
  });
  const scopeInput = (f: Form, v: ReturnType<typeof scopeValues>, fields: FieldError[]) => {
    const from = dateOf(f, 'periodFrom');
    const to = dateOf(f, 'periodTo');
    if (!from) fields.push({ field: 'periodFrom', message: 'Enter the start of the period' });
    if (!to) fields.push({ field: 'periodTo', message: 'Enter the end of the period' });
    return {
      scopeKind: v.scopeKind,
      scopeCode: v.scopeKind === 'force' ? v.scopeForce : v.scopeRegion,
      title: v.title,
      threat: v.threat,
      periodFrom: from || '2000-01-01',
      periodTo: to || '2000-01-01',
    };
  };

  app.get(
    '/intelligence/plans/new',
    { config: { access: 'intelligence.plans.write', page: true }, schema: { hide: true } },
    async (req, reply) => {
      const y = new Date().getUTCFullYear();
      const values = {
        ...scopeValues({}, req.principal!),
        periodFrom: { day: '1', month: '1', year: String(y) },
        periodTo: { day: '31', month: '12', year: String(y) },
        requirements: [
          { question: '', priority: 'high', codes: [] as string[], target: '3' },
          { question: '', priority: 'medium', codes: [], target: '3' },
          { question: '', priority: 'medium', codes: [], target: '3' },
        ],
      };
      return reply.page('intelligence/views/plan-form.njk', await planForm(values));
    },
  );

  app.post(
    '/intelligence/plans/new',
    { config: { access: 'intelligence.plans.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const f = req.body;
      const v = scopeValues(f, req.principal!);
      const arr = (k: string) =>
        Array.isArray(f[k]) ? (f[k] as string[]) : f[k] !== undefined ? [f[k] as string] : [];
      const requirements = arr('reqQuestion').map((question, i) => ({
        question: question.trim(),
        priority: arr('reqPriority')[i] ?? 'medium',
        codes: list(f, `reqCodes-${i}`),
        target: (arr('reqTarget')[i] ?? '3').trim(),
      }));
      const values = { ...v, requirements };
      const fields: FieldError[] = [];
      const input = {
        ...scopeInput(f, v, fields),
        requirements: requirements
          .filter((r) => r.question)
          .map((r) => ({
            question: r.question,
            priority: r.priority,
            crimeCodes: r.codes,
            targetReports: Number(r.target) || 1,
          })),
      };
      const parsed = PlanInput.safeParse(input);
      if (!parsed.success) fields.push(...zodFields(parsed.error));
      if (fields.length || !parsed.success)
        return reply
          .status(400)
          .page('intelligence/views/plan-form.njk', await planForm(values, errorsOf(fields)));
      const res = await withFieldErrors(() => createPlan(ctx, req.principal!, actorFrom(req), parsed.data));
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/plan-form.njk',
            await planForm(
              values,
              errorsOf(
                res.fields.map((e) =>
                  e.field === 'scopeCode'
                    ? { ...e, field: v.scopeKind === 'force' ? 'scopeForce' : 'scopeRegion' }
                    : e,
                ),
              ),
            ),
          );
      return reply.redirect(`/intelligence/plans/${res.value}`, 303);
    },
  );

  const planPage = async (p: Principal, id: string, extra: Record<string, unknown> = {}) => {
    const d = await planDetail(ctx, p, id);
    const ag = await agencies(ctx);
    return {
      title: d.plan.title,
      ...d,
      scopeName:
        d.plan.scope_kind === 'force'
          ? (ag.get(d.plan.scope_code)?.name ?? d.plan.scope_code)
          : `${d.plan.scope_code} region`,
      own: d.plan.owning_agency_code === p.agencyCode,
      values: {},
      ...(await scopeOptions(ctx)),
      ...extra,
    };
  };

  app.get(
    '/intelligence/plans/:id',
    {
      config: { access: 'intelligence.plans.read', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) =>
      reply.page('intelligence/views/plan.njk', await planPage(req.principal!, req.params.id)),
  );

  app.post(
    '/intelligence/plans/:id/requirements',
    {
      config: { access: 'intelligence.plans.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      const values = {
        question: str(f, 'question'),
        priority: str(f, 'priority') || 'medium',
        codes: list(f, 'codes'),
        target: str(f, 'target') || '3',
        dueOn: { day: str(f, 'dueOn-day'), month: str(f, 'dueOn-month'), year: str(f, 'dueOn-year') },
      };
      const fields: FieldError[] = [];
      const due = dateOf(f, 'dueOn');
      if (due === null) fields.push({ field: 'dueOn', message: 'Enter a real date' });
      const parsed = RequirementInput.safeParse({
        question: values.question,
        priority: values.priority,
        crimeCodes: values.codes,
        targetReports: Number(values.target) || 0,
        dueOn: due || null,
      });
      if (!parsed.success)
        fields.push(
          ...zodFields(parsed.error).map((e) =>
            e.field === 'targetReports'
              ? { field: 'target', message: 'Enter how many reports would answer it (1 or more)' }
              : e,
          ),
        );
      const res =
        fields.length || !parsed.success
          ? { ok: false as const, status: 400, fields }
          : await withFieldErrors(() =>
              addRequirement(ctx, req.principal!, actorFrom(req), req.params.id, parsed.data),
            );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/plan.njk',
            await planPage(req.principal!, req.params.id, { values, ...errorsOf(res.fields) }),
          );
      return reply.redirect(`/intelligence/plans/${req.params.id}`, 303);
    },
  );

  app.post(
    '/intelligence/plans/:id/links',
    {
      config: { access: 'intelligence.plans.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const requirement = str(req.body, 'requirement');
      const reportRef = str(req.body, 'report');
      const linked = str(req.body, 'action') !== 'unlink';
      const fields: FieldError[] = [];
      const reportId = reportRef ? await reportIdOf(ctx, reportRef) : null;
      if (!reportId)
        fields.push({
          field: `report-${requirement}`,
          message: 'Enter the reference of a report you can see, for example IR-0000123',
        });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            setLink(
              ctx,
              req.principal!,
              actorFrom(req),
              { kind: 'requirement', id: requirement },
              reportId!,
              linked,
            ),
          );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/plan.njk',
            await planPage(
              req.principal!,
              req.params.id,
              errorsOf(res.fields.map((e) => ({ ...e, field: `report-${requirement}` }))),
            ),
          );
      return reply.redirect(`/intelligence/plans/${req.params.id}#requirement-${requirement}`, 303);
    },
  );

  // ------------------------------------------------------------------------------------------------ problem profiles
  app.get(
    '/intelligence/profiles',
    { config: { access: 'intelligence.plans.read', page: true }, schema: { hide: true } },
    async (req, reply) =>
      reply.page('intelligence/views/profiles.njk', {
        title: 'Problem profiles',
        profiles: await listProfiles(ctx, req.principal!),
        canWrite: req.principal!.roles.some((r) => ['analyst', 'supervisor', 'ms_lead'].includes(r)),
      }),
  );

  const profileForm = async (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    title: 'New problem profile',
    values,
    ...(await scopeOptions(ctx)),
    ...extra,
  });

  app.get(
    '/intelligence/profiles/new',
    { config: { access: 'intelligence.plans.write', page: true }, schema: { hide: true } },
    async (req, reply) => {
      const y = new Date().getUTCFullYear();
      return reply.page(
        'intelligence/views/profile-form.njk',
        await profileForm({
          ...scopeValues({}, req.principal!),
          periodFrom: { day: '1', month: '1', year: String(y - 1) },
          periodTo: { day: '31', month: '12', year: String(y - 1) },
        }),
      );
    },
  );

  app.post(
    '/intelligence/profiles/new',
    { config: { access: 'intelligence.plans.write', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const f = req.body;
      const v = { ...scopeValues(f, req.principal!), summary: str(f, 'summary') };
      const fields: FieldError[] = [];
      const parsed = ProfileInput.safeParse({ ...scopeInput(f, v, fields), summary: v.summary });
      if (!parsed.success) fields.push(...zodFields(parsed.error));
      if (fields.length || !parsed.success)
        return reply
          .status(400)
          .page('intelligence/views/profile-form.njk', await profileForm(v, errorsOf(fields)));
      const res = await withFieldErrors(() =>
        createProfile(ctx, req.principal!, actorFrom(req), parsed.data),
      );
      if (!res.ok)
        return reply
          .status(res.status)
          .page(
            'intelligence/views/profile-form.njk',
            await profileForm(
              v,
              errorsOf(
                res.fields.map((e) =>
                  e.field === 'scopeCode'
                    ? { ...e, field: v.scopeKind === 'force' ? 'scopeForce' : 'scopeRegion' }
                    : e,
                ),
              ),
            ),
          );
      return reply.redirect(`/intelligence/profiles/${res.value}`, 303);
    },
  );

  const profilePage = async (p: Principal, id: string, extra: Record<string, unknown> = {}) => {
    const d = await profileDetail(ctx, p, id);
    const ag = await agencies(ctx);
    const maxMonth = Math.max(1, ...d.byMonth.map((m) => m.n));
    return {
      title: d.profile.title,
      ...d,
      byMonth: d.byMonth.map((m) => ({ ...m, bar: inlineBar(m.n, maxMonth) })),
      scopeName:
        d.profile.scope_kind === 'force'
          ? (ag.get(d.profile.scope_code)?.name ?? d.profile.scope_code)
          : `${d.profile.scope_code} region`,
      own: d.profile.owning_agency_code === p.agencyCode,
      values: {
        title: d.profile.title,
        summary: d.profile.summary,
        findings: d.profile.findings,
        gaps: d.profile.gaps,
        recommendations: d.profile.recommendations,
        status: d.profile.status,
      },
      version: d.profile.version,
      ...extra,
    };
  };

  app.get(
    '/intelligence/profiles/:id',
    {
      config: { access: 'intelligence.plans.read', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) =>
      reply.page('intelligence/views/profile.njk', await profilePage(req.principal!, req.params.id)),
  );

  app.post(
    '/intelligence/profiles/:id',
    {
      config: { access: 'intelligence.plans.write', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      if (str(f, 'action') === 'link') {
        const reportId = await reportIdOf(ctx, str(f, 'report'));
        const res = !reportId
          ? {
              ok: false as const,
              status: 400,
              fields: [
                {
                  field: 'report',
                  message: 'Enter the reference of a report you can see, for example IR-0000123',
                },
              ],
            }
          : await withFieldErrors(() =>
              setLink(
                ctx,
                req.principal!,
                actorFrom(req),
                { kind: 'profile', id: req.params.id },
                reportId,
                true,
              ),
            );
        if (!res.ok)
          return reply
            .status(res.status)
            .page(
              'intelligence/views/profile.njk',
              await profilePage(
                req.principal!,
                req.params.id,
                errorsOf(res.fields.map((e) => ({ ...e, field: 'report' }))),
              ),
            );
        return reply.redirect(`/intelligence/profiles/${req.params.id}`, 303);
      }
      const values = {
        title: str(f, 'title'),
        summary: str(f, 'summary'),
        findings: str(f, 'findings'),
        gaps: str(f, 'gaps'),
        recommendations: str(f, 'recommendations'),
        status: str(f, 'status') || 'draft',
      };
      const parsed = ProfilePatch.safeParse(values);
      const version = int(f, 'version') ?? 0;
      if (!parsed.success)
        return reply.status(400).page(
          'intelligence/views/profile.njk',
          await profilePage(req.principal!, req.params.id, {
            values,
            ...errorsOf(zodFields(parsed.error)),
          }),
        );
      const res = await withFieldErrors(() =>
        updateProfile(ctx, req.principal!, actorFrom(req), req.params.id, version, parsed.data),
      );
      if (!res.ok) {
        if (res.error instanceof StaleEdit) {
          const d = res.error.detail;
          return reply.status(409).page(
            'intelligence/views/profile.njk',
            await profilePage(req.principal!, req.params.id, {
              values,
              version: d.currentVersion,
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
        return reply
          .status(res.status)
          .page(
            'intelligence/views/profile.njk',
            await profilePage(req.principal!, req.params.id, { values, ...errorsOf(res.fields) }),
          );
      }
      return reply.redirect(`/intelligence/profiles/${req.params.id}?saved=1`, 303);
    },
  );

  // ------------------------------------------------------------------------------------------------ imports
  const importsPage = async (p: Principal, extra: Record<string, unknown> = {}) => ({
    title: 'Bulk import of intelligence reports',
    imports: await importsOf(ctx, p.agencyCode),
    values: { format: 'csv' },
    ...extra,
  });

  app.get(
    '/intelligence/imports',
    { config: { access: 'intelligence.import', page: true }, schema: { hide: true } },
    async (req, reply) => reply.page('intelligence/views/imports.njk', await importsPage(req.principal!)),
  );

  app.post(
    '/intelligence/imports',
    { config: { access: 'intelligence.import', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const format = str(req.body, 'format') === 'ndjson' ? 'ndjson' : 'csv';
      const data = typeof req.body.data === 'string' ? req.body.data : '';
      const legacy = list(req.body, 'allowMissingCodes').includes('yes');
      if (!data.trim())
        return reply.status(400).page(
          'intelligence/views/imports.njk',
          await importsPage(req.principal!, {
            values: { format, allowMissingCodes: legacy },
            ...errorsOf([{ field: 'data', message: 'Paste the rows to import' }]),
          }),
        );
      const file = saveUpload(data.replace(/\r\n/g, '\n'), format);
      const jobId = await startImportJob(ctx, {
        file,
        format,
        defaultAgency: req.principal!.agencyCode,
        allowMissingCodes: legacy,
        actor: actorFrom(req),
        userId: req.principal!.userId,
        title: 'Import of pasted intelligence reports',
      });
      return reply.redirect(`/jobs/${jobId}`, 303);
    },
  );

  app.get(
    '/intelligence/imports/:id',
    {
      config: { access: 'intelligence.import', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const imp = await importOf(ctx, req.principal!.agencyCode, req.params.id);
      const errors = await importErrors(ctx, imp.id, 500);
      return reply.page('intelligence/views/import.njk', {
        title: `Import of ${imp.file_name}`,
        imp,
        rowErrors: errors,
      });
    },
  );

  app.get(
    '/intelligence/imports/:id/errors.csv',
    { config: { access: 'intelligence.import' }, schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const imp = await importOf(ctx, req.principal!.agencyCode, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="import-errors.csv"')
        .send(errorsCsv(await importErrors(ctx, imp.id)));
    },
  );
}

export { opt };
