import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decideAction, redact } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, errorSummary, type FieldError, validationFailed } from '../kernel/errors.js';
import { FORCES } from '../kernel/reference/forces.js';
import { labelOf as ocgLabel, subtypeLabel, THREAT_LABELS, THREAT_SUBTYPES } from '../ocg/model.js';
import { agencyName, forceName, tables as ocgTables } from '../ocg/store.js';
import { columnChart, stackedBars } from '../ocg/ui/charts.js';
import { sendCsv } from '../ocg/ui/csv.js';
import { type FormField, initialValues, readForm } from '../ocg/ui/forms.js';
import { may, pagination, pct, queryWithout, rerender } from '../ocg/ui/page-helpers.js';
import { metaOf } from '../ocg/ui/visibility.js';
import { recommendationsFor } from '../partners/recommendations.js';
import { engagementsForCase } from '../partners/store.js';
import { CAPACITY_LEVELS, type Candidate, CRITERIA } from './allocation.js';
import {
  CHARACTERISTICS,
  CHARGE_GROUPS,
  CHARGE_OUTCOMES,
  ENGAGEMENT,
  labelOf,
  OFFENCES,
  ORDER_KINDS,
  ORDER_STATUSES,
  STATUSES,
  SUBJECT_ROLES,
} from './model.js';
import { factsFromInvestigation } from './partner-facts.js';
import { NO_FACTS, OIC_FACT_LABELS, type OicFacts, OWNER_LABELS, OWNERSHIP_RULES, followsSuggestion, suggestOwner } from './ownership.js';
import * as service from './service.js';
import * as store from './store.js';
import { whatWorks } from './what-works.js';

const FORM = 'ocg/ui/form.njk';
const PER_PAGE = 50;
const Id = z.object({ id: z.uuid() });
const Body = z.record(z.string(), z.unknown());
const Format = z.enum(['html', 'csv']).optional();
const opts = (list: readonly { code: string; label: string }[]) => list.map((x) => ({ value: x.code, text: x.label }));
const FORCE_OPTIONS = FORCES.map((f) => ({ value: f.code, text: f.name }));
const FACT_OPTIONS = (Object.keys(OIC_FACT_LABELS) as (keyof OicFacts)[]).map((k) => ({ value: k, text: OIC_FACT_LABELS[k] }));
const factsFrom = (list: unknown): OicFacts => ({ ...NO_FACTS, ...Object.fromEntries(((list as string[]) ?? []).filter((k) => k in NO_FACTS).map((k) => [k, true])) });
const factList = (f: unknown) => Object.entries((f as Record<string, boolean> | null) ?? {}).filter(([, v]) => v).map(([k]) => k);
const lines = (v: unknown) => String(v ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

const createFields = (): FormField[] => [
  { name: 'operationName', label: 'Operation name', type: 'text', required: true, width: '20', noun: 'the operation name' },
  { name: 'summary', label: 'Summary', type: 'textarea' },
  { name: 'primaryThreat', label: 'Primary threat', type: 'radios', required: true, options: [{ value: 'msht', text: THREAT_LABELS.msht }, { value: 'oic', text: THREAT_LABELS.oic }], noun: 'the primary threat' },
  { name: 'mshtSubtypes', label: 'Types of exploitation (MSHT)', type: 'checkboxes', options: opts(THREAT_SUBTYPES.msht) },
  { name: 'oicSubtypes', label: 'Organised immigration crime methods', type: 'checkboxes', options: opts(THREAT_SUBTYPES.oic) },
  { name: 'offences', label: 'Offences under investigation', type: 'checkboxes', options: opts(OFFENCES) },
  { name: 'openedOn', label: 'Date the investigation opened', type: 'date', required: true, noun: 'the date the investigation opened' },
  { name: 'leadForceCode', label: 'Force area leading (for ROCU and national investigations)', type: 'select', options: FORCE_OPTIONS },
  { name: 'supportingForces', label: 'Supporting forces', type: 'checkboxes', options: FORCE_OPTIONS },
  { name: 'oicFacts', label: 'For organised immigration crime: what applies', hint: 'Used to suggest which agency should own the investigation', type: 'checkboxes', options: FACT_OPTIONS },
  { name: 'dedicatedTeam', label: 'Is a dedicated MSHT team investigating?', type: 'yesno', required: true },
  { name: 'financialInvestigation', label: 'Is there a financial investigation?', type: 'yesno', required: true },
  { name: 'victimNavigator', label: 'Is a victim navigator supporting victims?', type: 'yesno', required: true },
  { name: 'evidenceLed', label: 'Is it evidence-led (not relying on victim testimony)?', type: 'yesno', required: true },
  { name: 'groupReferences', label: 'Organised crime groups (optional)', hint: 'References such as OCG-2024-00012, one on each line', type: 'textarea' },
  { name: 'handlingCode', label: 'Handling code', type: 'radios', required: true, options: [{ value: 'P', text: 'P: lawful sharing permitted' }, { value: 'C', text: 'C: sharing permitted with conditions' }] },
  { name: 'handlingText', label: 'Handling conditions (for code C)', type: 'textarea' },
];

const editFields = (): FormField[] => [
  { name: 'status', label: 'Status', type: 'radios', required: true, options: opts(STATUSES), noun: 'the status' },
  { name: 'closedOn', label: 'Date closed (for finished or no further action)', type: 'date' },
  { name: 'summary', label: 'Summary', type: 'textarea' },
  { name: 'offences', label: 'Offences under investigation', type: 'checkboxes', options: opts(OFFENCES) },
  { name: 'dedicatedTeam', label: 'Is a dedicated MSHT team investigating?', type: 'yesno', required: true },
  { name: 'financialInvestigation', label: 'Is there a financial investigation?', type: 'yesno', required: true },
  { name: 'assetsIdentifiedGbp', label: 'Assets identified (£)', type: 'number', min: 0, max: 1e12, width: '10' },
  { name: 'confiscationOrderedGbp', label: 'Confiscation ordered (£)', type: 'number', min: 0, max: 1e12, width: '10' },
  { name: 'victimNavigator', label: 'Is a victim navigator supporting victims?', type: 'yesno', required: true },
  { name: 'evidenceLed', label: 'Is it evidence-led (not relying on victim testimony)?', type: 'yesno', required: true },
  { name: 'oicFacts', label: 'For organised immigration crime: what applies', type: 'checkboxes', options: FACT_OPTIONS },
  { name: 'lessonsLearnt', label: 'Lessons learnt (shared in the case library once finished)', hint: 'What worked, what did not, and what others should do. No personal details.', type: 'textarea' },
];

const subjectOptions = async (ctx: AppContext, id: string) =>
  (await store.tables(ctx.db).selectFrom('inv_subjects').select(['id', 'role']).where('investigation_id', '=', id).orderBy('added_at').execute()).map((s, i) => ({ value: s.id, text: `Subject ${i + 1} (${labelOf(SUBJECT_ROLES, s.role).toLowerCase()})` }));

export function investigationPages(app: FusionApp, ctx: AppContext) {
  const page = (access: string) => ({ config: { access, page: true }, schema: { hide: true } });

  /** A GET + POST pair for a small form about one investigation. */
  function partForm(
    path: string,
    access: string,
    def: {
      title: string;
      submit: string;
      fields: (req: FastifyRequest, id: string) => Promise<FormField[]> | FormField[];
      initial?: (inv: store.Investigation) => Record<string, unknown>;
      /** Hidden fields (the version read, for optimistic concurrency). */
      hidden?: (inv: store.Investigation) => Record<string, unknown>;
      intro?: string[];
      save: (req: FastifyRequest, inv: store.Investigation, data: Record<string, any>) => Promise<unknown>;
      done: string;
      params?: z.ZodObject<any>;
    },
  ) {
    const params = def.params ?? Id;
    const view = async (req: FastifyRequest, inv: store.Investigation, values: Record<string, unknown>, hidden = def.hidden?.(inv)) => ({
      title: def.title,
      hidden,
      caption: `Operation ${inv.operation_name} (${inv.reference})`,
      intro: def.intro,
      action: req.url.split('?')[0],
      fields: await def.fields(req, inv.id),
      values,
      submitText: def.submit,
      cancelHref: `/investigations/${inv.id}`,
      backLink: `/investigations/${inv.id}`,
    });
    app.get(path, { ...page(access), schema: { hide: true, params } }, async (req, reply) => {
      const { inv } = await service.visibleInvestigation(ctx, req.principal!, (req.params as { id: string }).id);
      const fields = await def.fields(req, inv.id);
      return reply.page(FORM, await view(req, inv, initialValues(fields, def.initial?.(inv) ?? {})));
    });
    app.post(path, { ...page(access), schema: { hide: true, params, body: Body } }, async (req, reply) => {
      const { inv } = await service.visibleInvestigation(ctx, req.principal!, (req.params as { id: string }).id);
      const fields = await def.fields(req, inv.id);
      const { values, data, errors } = readForm(req.body as Record<string, unknown>, fields);
      try {
        if (errors.length) throw validationFailed(errors);
        await def.save(req, inv, data);
        return reply.redirect(`/investigations/${inv.id}?done=${def.done}`, 303);
      } catch (e) {
        const posted = def.hidden ? Object.fromEntries(Object.keys(def.hidden(inv)).map((k) => [k, (req.body as Record<string, unknown>)[k]])) : undefined;
        return rerender(reply, e, FORM, await view(req, inv, values, posted));
      }
    });
  }

  // List ---------------------------------------------------------------------------------------------------------
  app.get(
    '/investigations',
    {
      ...page('investigations.read'),
      schema: {
        hide: true,
        querystring: z.object({
          threat: z.enum(['msht', 'oic', '']).optional(),
          status: z.enum(['live', 'suspended', 'charged', 'finished', 'no_further_action', '']).optional(),
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = q.format === 'csv';
      const { rows, total } = await store.listInvestigations(
        ctx.db,
        { threat: q.threat || undefined, status: q.status || undefined, q: q.q || undefined, limit: csv ? 100_000 : PER_PAGE, offset: csv ? 0 : (q.page - 1) * PER_PAGE },
        service.visibility(ctx, req.principal!),
      );
      const items = rows
        .filter((i) => service.mayView(ctx, req.principal!, i).allow)
        .map((i) => ({
          ...i,
          lead: agencyName(i.lead_agency_code),
          leadForce: forceName(i.lead_force_code),
          statusLabel: labelOf(STATUSES, i.status),
          types: i.threats.map((t) => subtypeLabel(t.threat, t.subtype)).join(', '),
        }));
      if (csv) {
        return sendCsv(reply, 'investigations.csv', [
          { key: 'reference', header: 'Reference' },
          { key: 'operation_name', header: 'Operation' },
          { key: 'primary_threat', header: 'Primary threat' },
          { key: 'types', header: 'Exploitation types and methods' },
          { key: 'lead', header: 'Lead agency' },
          { key: 'leadForce', header: 'Lead force area' },
          { key: 'statusLabel', header: 'Status' },
          { key: 'opened_on', header: 'Opened' },
          { key: 'closed_on', header: 'Closed' },
          { key: 'victim_count', header: 'Victims' },
          { key: 'charge_count', header: 'Charges' },
          { key: 'cross_regional', header: 'Cross-regional' },
        ], items);
      }
      const qs = queryWithout(q, 'page', 'format');
      return reply.page('investigations/views/list.njk', {
        title: 'Investigations',
        items,
        total,
        query: q,
        csvHref: `/investigations?${qs}${qs ? '&' : ''}format=csv`,
        pagination: pagination('/investigations', q, q.page, total, PER_PAGE),
        canWrite: may(req, 'investigations.write'),
        canStats: may(req, 'investigations.statistics'),
        canLibrary: may(req, 'investigations.library'),
        statuses: STATUSES,
      });
    },
  );

  const createView = (values: Record<string, unknown>) => ({
    title: 'Record an investigation',
    caption: 'Investigations',
    intro: ['Your agency will lead the investigation and own the record. MSHT and OIC are recorded separately; a case can concern both.'],
    action: '/investigations/new',
    fields: createFields(),
    values,
    submitText: 'Record the investigation',
    cancelHref: '/investigations',
    backLink: '/investigations',
  });
  app.get('/investigations/new', page('investigations.write'), async (_req, reply) => reply.page(FORM, createView({ ...initialValues(createFields()), handlingCode: 'P' })));
  app.post('/investigations/new', { ...page('investigations.write'), schema: { hide: true, body: Body } }, async (req, reply) => {
    const { values, data, errors } = readForm(req.body as Record<string, unknown>, createFields());
    try {
      const refs = lines(data.groupReferences).map((r) => r.toUpperCase());
      const found = refs.length ? await ocgTables(ctx.db).selectFrom('ocg_groups').select(['id', 'reference']).where('reference', 'in', refs).execute() : [];
      const missing = refs.filter((r) => !found.some((f) => f.reference === r));
      if (missing.length) errors.push({ field: 'groupReferences', message: `There is no group with the reference ${missing.join(', ')}` });
      if (errors.length) throw validationFailed(errors);
      const threats = [
        ...((data.mshtSubtypes as string[]) ?? []).map((s) => ({ threat: 'msht' as const, subtype: s })),
        ...((data.oicSubtypes as string[]) ?? []).map((s) => ({ threat: 'oic' as const, subtype: s })),
      ];
      const created = await service.createInvestigation(ctx, req, {
        operationName: String(data.operationName),
        summary: String(data.summary ?? ''),
        primaryThreat: data.primaryThreat as 'msht' | 'oic',
        threats,
        offences: (data.offences as never[]) ?? [],
        leadForceCode: (data.leadForceCode as string | null) ?? null,
        supportingForces: ((data.supportingForces as string[]) ?? []).map((f) => ({ forceCode: f, duties: '' })),
        openedOn: String(data.openedOn),
        crossRegional: ((data.supportingForces as string[]) ?? []).some((f) => FORCES.find((x) => x.code === f)?.region !== FORCES.find((x) => x.code === (data.leadForceCode ?? req.principal!.agencyCode))?.region),
        dedicatedTeam: !!data.dedicatedTeam,
        victimNavigator: !!data.victimNavigator,
        evidenceLed: !!data.evidenceLed,
        financialInvestigation: !!data.financialInvestigation,
        assetsIdentifiedGbp: null,
        confiscationOrderedGbp: null,
        oicFacts: factList(Object.fromEntries(((data.oicFacts as string[]) ?? []).map((k) => [k, true]))).length ? factsFrom(data.oicFacts) : null,
        handlingCode: (data.handlingCode as 'P' | 'C') ?? 'P',
        handlingConditions: data.handlingText ? { text: String(data.handlingText) } : null,
        ocgIds: found.map((f) => f.id),
      });
      return reply.redirect(`/investigations/${created.id}?done=created`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, createView(values), { threats: 'mshtSubtypes', handlingConditions: 'handlingText', ocgIds: 'groupReferences' });
    }
  });

  // Ownership rules, library, what works ------------------------------------------------------------------------
  app.get(
    '/investigations/ownership',
    { ...page('investigations.read'), schema: { hide: true, querystring: z.object({ facts: z.union([z.string().max(40), z.array(z.string().max(40)).max(20)]).optional(), asked: z.string().max(5).optional() }) } },
    async (req, reply) => {
      const chosen = req.query.facts === undefined ? [] : Array.isArray(req.query.facts) ? req.query.facts : [req.query.facts];
      const facts = factsFrom(chosen);
      return reply.page('investigations/views/ownership.njk', {
        title: 'Who owns an organised immigration crime investigation',
        items: FACT_OPTIONS.map((o) => ({ ...o, checked: chosen.includes(o.value) })),
        asked: !!req.query.asked,
        suggestion: req.query.asked ? suggestOwner(facts) : null,
        rules: OWNERSHIP_RULES.map((r) => ({ id: r.id, owner: OWNER_LABELS[r.owner], reason: r.reason, quote: r.quote })),
        breadcrumbs: [{ text: 'Investigations', href: '/investigations' }],
      });
    },
  );

  app.get(
    '/investigations/library',
    {
      ...page('investigations.library'),
      schema: {
        hide: true,
        querystring: z.object({
          q: z.string().max(200).optional(),
          threat: z.enum(['msht', 'oic', '']).optional(),
          type: z.string().max(40).optional(),
          evidenceLed: z.enum(['yes', 'no', '']).optional(),
          outcome: z.enum(['convicted', 'charged', 'not_charged', '']).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = q.format === 'csv';
      const r = await store.library(ctx.db, {
        q: q.q || undefined,
        threat: q.threat || undefined,
        type: q.type || undefined,
        evidenceLed: q.evidenceLed ? q.evidenceLed === 'yes' : undefined,
        outcome: q.outcome || undefined,
        limit: csv ? 100_000 : 20,
        offset: csv ? 0 : (q.page - 1) * 20,
      });
      const items = r.rows.map((c) => ({
        ...c,
        lead: agencyName(c.lead_agency_code),
        types: c.threats.map((t) => subtypeLabel(t.threat, t.subtype)).join(', '),
        chargeText: c.charge_groups.map((g) => labelOf(CHARGE_GROUPS, g)).join(', '),
      }));
      if (csv) {
        return sendCsv(reply, 'case-library.csv', [
          { key: 'reference', header: 'Reference' },
          { key: 'operation_name', header: 'Operation' },
          { key: 'primary_threat', header: 'Primary threat' },
          { key: 'types', header: 'Types' },
          { key: 'lead', header: 'Lead agency' },
          { key: 'opened_on', header: 'Opened' },
          { key: 'closed_on', header: 'Closed' },
          { key: 'evidence_led', header: 'Evidence-led' },
          { key: 'charges', header: 'Charges' },
          { key: 'convictions', header: 'Convictions' },
          { key: 'chargeText', header: 'Charge groups' },
          { key: 'summary', header: 'Summary' },
          { key: 'lessons_learnt', header: 'Lessons learnt' },
        ], items);
      }
      const qs = queryWithout(q, 'page', 'format');
      return reply.page('investigations/views/library.njk', {
        title: 'Case library',
        items,
        total: r.total,
        query: q,
        types: [...THREAT_SUBTYPES.msht, ...THREAT_SUBTYPES.oic].map((t) => ({ value: t.code, text: t.label })),
        csvHref: `/investigations/library?${qs}${qs ? '&' : ''}format=csv`,
        pagination: pagination('/investigations/library', q, q.page, r.total, 20),
        breadcrumbs: [{ text: 'Investigations', href: '/investigations' }],
      });
    },
  );

  app.get(
    '/investigations/what-works',
    { ...page('investigations.statistics'), schema: { hide: true, querystring: z.object({ table: z.enum(['live', 'mix', 'outcomes', 'conviction']).optional(), format: Format }) } },
    async (req, reply) => {
      const w = await whatWorks(ctx);
      if (req.query.format === 'csv') {
        switch (req.query.table) {
          case 'mix':
            return sendCsv(reply, 'charging-mix.csv', [{ key: 'type', header: 'Exploitation type' }, ...CHARGE_GROUPS.map((g) => ({ key: g.code, header: g.long, value: (r: any) => r.counts[g.code] })), { key: 'total', header: 'All charges' }, { key: 'msaShare', header: 'Share under the MSA', value: (r: any) => (r.msaShare === null ? '' : r.msaShare.toFixed(3)) }] as never[], w.chargingMix as never[]);
          case 'outcomes':
            return sendCsv(reply, 'outcomes-by-characteristic.csv', [
              { key: 'label', header: 'Characteristic' },
              { key: 'with_n', header: 'Closed cases with it', value: (r: any) => r.with.n },
              { key: 'with_charged', header: 'Charged (with)', value: (r: any) => r.with.charged?.toFixed(3) ?? '' },
              { key: 'with_convicted', header: 'Convicted (with)', value: (r: any) => r.with.convicted?.toFixed(3) ?? '' },
              { key: 'without_n', header: 'Closed cases without it', value: (r: any) => r.without.n },
              { key: 'without_charged', header: 'Charged (without)', value: (r: any) => r.without.charged?.toFixed(3) ?? '' },
              { key: 'without_convicted', header: 'Convicted (without)', value: (r: any) => r.without.convicted?.toFixed(3) ?? '' },
            ] as never[], w.msht.outcomeRates as never[]);
          case 'conviction':
            return sendCsv(reply, 'conviction-rate.csv', [{ key: 'threat', header: 'Threat' }, { key: 'finished', header: 'Defendants with a finished prosecution' }, { key: 'convicted', header: 'Convicted' }, { key: 'rate', header: 'Conviction rate' }], [
              { threat: 'msht', ...w.msht.conviction, rate: w.msht.conviction.rate?.toFixed(3) ?? '' },
              { threat: 'oic', ...w.oic.conviction, rate: w.oic.conviction.rate?.toFixed(3) ?? '' },
            ]);
          default:
            return sendCsv(reply, 'live-investigations.csv', [{ key: 'year', header: 'Year' }, { key: 'at', header: 'Counted on' }, { key: 'msht', header: 'Live MSHT investigations' }, { key: 'oic', header: 'Live OIC investigations' }], w.liveOverTime);
        }
      }
      return reply.page('investigations/views/what-works.njk', {
        title: 'What works',
        w,
        charts: {
          live: columnChart('live-msht', 'Live MSHT investigations at the end of each year', w.liveOverTime.map((l) => ({ label: String(l.year), value: l.msht, note: l.at.endsWith('12-31') ? undefined : 'to date' }))),
          liveOic: columnChart('live-oic', 'Live OIC investigations at the end of each year', w.liveOverTime.map((l) => ({ label: String(l.year), value: l.oic }))),
          mix: stackedBars('charging-mix', 'Charges by type of exploitation: MSA offences and the alternatives used', w.chargingMix.map((r) => ({ label: ocgLabel(THREAT_SUBTYPES.msht, r.type), segments: r.counts })), CHARGE_GROUPS.map((g) => ({ key: g.code, label: g.label }))),
        },
        typeLabel: (t: string) => ocgLabel(THREAT_SUBTYPES.msht, t),
        groups: CHARGE_GROUPS,
        pct,
        breadcrumbs: [{ text: 'Investigations', href: '/investigations' }],
      });
    },
  );

  // One investigation --------------------------------------------------------------------------------------------
  app.get('/investigations/:id', { ...page('investigations.read'), schema: { hide: true, params: Id, querystring: z.object({ done: z.string().max(30).optional(), engaged: z.string().max(60).optional() }) } }, async (req, reply) => {
    const r = await service.readInvestigation(ctx, req, req.params.id);
    const inv = r.inv;
    const p = req.principal!;
    // Partners to contact (src/partners/README.md), from what the investigation holds; it is already access-checked.
    const partnerRecs = recommendationsFor(
      factsFromInvestigation({
        threats: inv.threats,
        offences: inv.offences,
        oicFacts: inv.oic_facts as Partial<OicFacts> | null,
        financialInvestigation: inv.financial_investigation,
        victims: r.victims,
        linkedGroups: r.groups.length,
        groupCountries: await store.overseasMemberCountries(ctx.db, r.groups.map((g) => g.ocg_id)),
      }),
      { caseKind: 'investigation', caseId: inv.id },
    );
    const engaged = decideAction(p, 'partners.engagements.read').allow ? await engagementsForCase(ctx.db, p, ctx.agreements.all(), 'investigation', inv.id) : [];
    const owned = { id: inv.id, owning_agency_code: inv.lead_agency_code, owning_agency_type: inv.lead_agency_type, handling_code: inv.handling_code, handling_conditions: inv.handling_conditions };
    const subjects = r.subjects.map((s, i) => ({ ...s, ...redact(p, metaOf('investigation_subject', owned), { name: s.name, person_entity_id: s.person_entity_id }), n: i + 1, roleLabel: labelOf(SUBJECT_ROLES, s.role), resides: forceName(s.resides_force_code) }));
    const subjectNo = new Map(subjects.map((s) => [s.id, s.n]));
    const supporting = new Set(r.supporting.map((s) => s.force_code));
    const contributor = inv.lead_agency_code === p.agencyCode || supporting.has(p.agencyCode);
    const done: Record<string, string> = {
      created: 'Investigation recorded.',
      updated: 'Investigation updated.',
      subject: 'Subject added.',
      victim: 'Victim added.',
      engagement: 'Engagement updated.',
      group: 'Group linked.',
      advice: 'CPS early advice recorded.',
      charge: 'Charge recorded.',
      outcome: 'Outcome recorded.',
      order: 'Order recorded.',
      allocated: 'Allocation decision recorded.',
    };
    return reply.page('investigations/views/investigation.njk', {
      title: `Operation ${inv.operation_name}`,
      inv,
      access: r.decision,
      lead: agencyName(inv.lead_agency_code),
      leadForce: forceName(inv.lead_force_code),
      rocu: agencyName(inv.rocu_code),
      statusLabel: labelOf(STATUSES, inv.status),
      mshtTypes: inv.threats.filter((t) => t.threat === 'msht').map((t) => subtypeLabel('msht', t.subtype)).join(', '),
      oicTypes: inv.threats.filter((t) => t.threat === 'oic').map((t) => subtypeLabel('oic', t.subtype)).join(', '),
      offences: inv.offences.map((o) => labelOf(OFFENCES, o)),
      ownership: r.ownership,
      follows: r.ownership ? followsSuggestion(r.ownership, inv.lead_agency_code, inv.lead_agency_type) : null,
      facts: factList(inv.oic_facts).map((k) => OIC_FACT_LABELS[k as keyof OicFacts]),
      supporting: r.supporting.map((s) => ({ ...s, name: forceName(s.force_code) })),
      groups: r.groupSummaries,
      subjects,
      victims: r.victims.map((v) => ({ ...v, ...redact(p, metaOf('investigation_victim', owned), { referral_id: v.referral_id }), engagementLabel: labelOf(ENGAGEMENT, v.engagement), items: ENGAGEMENT.map((e) => ({ value: e.code, text: e.label, selected: e.code === v.engagement })) })),
      allocations: r.allocations.map((a) => ({
        ...a,
        recommended: forceName(a.recommended_force_code),
        decided: forceName(a.decided_force_code),
        scored: ((a.criteria as { scored?: (Candidate & { total: number; points: Record<string, number> })[] }).scored ?? []).map((c) => ({ ...c, name: forceName(c.forceCode) })),
        duties: a.duties.map((d) => ({ ...d, name: forceName(d.force_code) })),
      })),
      criteria: CRITERIA,
      advice: r.advice,
      charges: r.charges.map((c) => ({ ...c, groupLabel: labelOf(CHARGE_GROUPS, c.offence_group), outcomeLabel: labelOf(CHARGE_OUTCOMES, c.outcome), subject: c.subject_id ? `Subject ${subjectNo.get(c.subject_id) ?? ''}` : 'Not recorded' })),
      orders: r.orders.map((o) => ({ ...o, kindLabel: labelOf(ORDER_KINDS, o.kind), statusLabel: labelOf(ORDER_STATUSES, o.status), subject: o.subject_id ? `Subject ${subjectNo.get(o.subject_id) ?? ''}` : 'Not recorded' })),
      isLead: inv.lead_agency_code === p.agencyCode,
      canContribute: may(req, 'investigations.write') && contributor,
      canAllocate: may(req, 'investigations.allocate'),
      canEntities: may(req, 'entities.read'),
      characteristics: CHARACTERISTICS,
      partnerRecs: { ...partnerRecs, engaged: Object.fromEntries(engaged.map((e) => [e.partnerCode, e])) },
      canRecordEngagement: decideAction(p, 'partners.engagements.record').allow,
      returnTo: `/investigations/${inv.id}`,
      flash: req.query.done ? done[req.query.done] : req.query.engaged ? 'The partner engagement was recorded on this investigation.' : undefined,
      breadcrumbs: [{ text: 'Investigations', href: '/investigations' }, { text: inv.reference }],
    });
  });

  partForm('/investigations/:id/edit', 'investigations.write', {
    title: 'Update the investigation',
    submit: 'Save changes',
    fields: () => editFields(),
    initial: (i) => ({
      status: i.status,
      closedOn: i.closed_on,
      summary: i.summary,
      offences: i.offences,
      dedicatedTeam: i.dedicated_team,
      financialInvestigation: i.financial_investigation,
      assetsIdentifiedGbp: i.assets_identified_gbp,
      confiscationOrderedGbp: i.confiscation_ordered_gbp,
      victimNavigator: i.victim_navigator,
      evidenceLed: i.evidence_led,
      oicFacts: factList(i.oic_facts),
      lessonsLearnt: i.lessons_learnt,
    }),
    hidden: (i) => ({ version: i.version }),
    save: (req, inv, d) =>
      service.updateInvestigation(
        ctx,
        req,
        inv.id,
        {
          status: d.status,
          closedOn: d.closedOn ?? undefined,
          summary: d.summary ?? '',
          offences: d.offences,
          dedicatedTeam: d.dedicatedTeam,
          financialInvestigation: d.financialInvestigation,
          assetsIdentifiedGbp: d.assetsIdentifiedGbp,
          confiscationOrderedGbp: d.confiscationOrderedGbp,
          victimNavigator: d.victimNavigator,
          evidenceLed: d.evidenceLed,
          oicFacts: (d.oicFacts as string[]).length ? factsFrom(d.oicFacts) : null,
          lessonsLearnt: d.lessonsLearnt,
        },
        Number((req.body as Record<string, unknown>).version) || inv.version,
      ),
    done: 'updated',
  });

  partForm('/investigations/:id/subjects/new', 'investigations.write', {
    title: 'Add a subject',
    submit: 'Add the subject',
    fields: () => [
      { name: 'name', label: 'Full name', type: 'text', required: true, noun: 'the name' },
      { name: 'role', label: 'Role', type: 'radios', required: true, options: opts(SUBJECT_ROLES), noun: 'the role' },
      { name: 'residesForceCode', label: 'Force area where they live', hint: 'Used when deciding which force leads a cross-regional case', type: 'select', options: FORCE_OPTIONS },
      { name: 'personEntityId', label: 'Resolved person (entity id, optional)', type: 'text', width: '20' },
    ],
    save: (req, inv, d) => service.addSubject(ctx, req, inv.id, { name: d.name, role: d.role, residesForceCode: d.residesForceCode ?? null, personEntityId: d.personEntityId ?? null, personRecordId: null }),
    done: 'subject',
  });

  partForm('/investigations/:id/victims/new', 'investigations.write', {
    title: 'Add a victim',
    submit: 'Add the victim',
    intro: ['Victims are held by their NRM referral only: their identity stays with the referral.'],
    fields: () => [
      { name: 'referralId', label: 'NRM referral reference (optional)', type: 'text', width: '20' },
      { name: 'isChild', label: 'Is the victim a child?', type: 'yesno', required: true },
      { name: 'engagement', label: 'Engagement with the investigation', type: 'radios', required: true, options: opts(ENGAGEMENT), noun: 'the engagement' },
      { name: 'navigator', label: 'Is a victim navigator supporting them?', type: 'yesno', required: true },
    ],
    initial: () => ({ engagement: 'not_yet_contacted' }),
    save: (req, inv, d) => service.addVictim(ctx, req, inv.id, { referralId: d.referralId ?? null, label: null, isChild: !!d.isChild, engagement: d.engagement, navigator: !!d.navigator }),
    done: 'victim',
  });

  app.post('/investigations/:id/victims/:victimId/engagement', { ...page('investigations.write'), schema: { hide: true, params: z.object({ id: z.uuid(), victimId: z.uuid() }), body: Body } }, async (req, reply) => {
    const engagement = String((req.body as Record<string, unknown>).engagement ?? '');
    if (!ENGAGEMENT.some((e) => e.code === engagement)) throw validationFailed([{ field: 'engagement', message: 'Choose the engagement from the list' }]);
    await service.updateVictim(ctx, req, req.params.id, req.params.victimId, { engagement });
    return reply.redirect(`/investigations/${req.params.id}?done=engagement`, 303);
  });

  partForm('/investigations/:id/groups/new', 'investigations.write', {
    title: 'Link an organised crime group',
    submit: 'Link the group',
    fields: () => [{ name: 'reference', label: 'Group reference', hint: 'For example OCG-2024-00012', type: 'text', required: true, width: '20', noun: 'the group reference' }],
    save: async (req, inv, d) => {
      const g = await ocgTables(ctx.db).selectFrom('ocg_groups').select('id').where('reference', '=', String(d.reference).toUpperCase()).executeTakeFirst();
      if (!g) throw validationFailed([{ field: 'reference', message: 'There is no group with this reference' }]);
      return service.linkGroup(ctx, req, inv.id, g.id);
    },
    done: 'group',
  });

  partForm('/investigations/:id/cps-advice/new', 'investigations.write', {
    title: 'Record a request for CPS early advice',
    submit: 'Record the request',
    fields: () => [
      { name: 'requestedOn', label: 'Date requested', type: 'date', required: true, noun: 'the date requested' },
      { name: 'receivedOn', label: 'Date advice received (if received)', type: 'date' },
      { name: 'accessible', label: 'Was early advice accessible?', type: 'yesno' },
      { name: 'effective', label: 'Was the advice effective?', type: 'yesno' },
      { name: 'note', label: 'Notes', type: 'textarea' },
    ],
    save: (req, inv, d) => service.addAdvice(ctx, req, inv.id, { requestedOn: d.requestedOn, receivedOn: d.receivedOn ?? null, accessible: d.accessible ?? null, effective: d.effective ?? null, note: d.note ?? '' }),
    done: 'advice',
  });

  partForm('/investigations/:id/charges/new', 'investigations.write', {
    title: 'Record a charge',
    submit: 'Record the charge',
    intro: ['Use the Modern Slavery Act where it applies; record other offences charged instead so the charging mix can be seen.'],
    fields: async (_req, id) => [
      { name: 'subjectId', label: 'Subject', type: 'select', options: await subjectOptions(ctx, id) },
      { name: 'group', label: 'Offence group', type: 'radios', required: true, options: CHARGE_GROUPS.map((g) => ({ value: g.code, text: g.long })), noun: 'the offence group' },
      { name: 'offence', label: 'Offence charged', hint: 'For example: s2 Modern Slavery Act 2015, arranging travel with a view to exploitation', type: 'text', required: true, noun: 'the offence charged' },
      { name: 'chargedOn', label: 'Date charged', type: 'date', required: true, noun: 'the date charged' },
      { name: 's45Raised', label: 'Did the defendant raise the statutory defence (s45)?', type: 'yesno', required: true },
      { name: 'outcome', label: 'Outcome', type: 'radios', required: true, options: opts(CHARGE_OUTCOMES), noun: 'the outcome' },
      { name: 'outcomeOn', label: 'Date of the outcome', type: 'date' },
      { name: 'sentenceMonths', label: 'Custodial sentence (months, for a conviction)', type: 'number', min: 0, max: 1200 },
    ],
    initial: () => ({ outcome: 'pending' }),
    save: (req, inv, d) =>
      service.addCharge(ctx, req, inv.id, { subjectId: d.subjectId ?? null, group: d.group, offence: d.offence, chargedOn: d.chargedOn, s45Raised: !!d.s45Raised, outcome: d.outcome, outcomeOn: d.outcomeOn ?? null, sentenceMonths: d.sentenceMonths ?? null }),
    done: 'charge',
  });

  partForm('/investigations/:id/charges/:chargeId/outcome', 'investigations.write', {
    title: 'Record the outcome of a charge',
    submit: 'Record the outcome',
    params: z.object({ id: z.uuid(), chargeId: z.uuid() }),
    fields: () => [
      { name: 'outcome', label: 'Outcome', type: 'radios', required: true, options: opts(CHARGE_OUTCOMES), noun: 'the outcome' },
      { name: 'outcomeOn', label: 'Date of the outcome', type: 'date' },
      { name: 'sentenceMonths', label: 'Custodial sentence (months, for a conviction)', type: 'number', min: 0, max: 1200 },
      { name: 's45Raised', label: 'Did the defendant raise the statutory defence (s45)?', type: 'yesno' },
    ],
    save: (req, inv, d) =>
      service.setChargeOutcome(ctx, req, inv.id, (req.params as { chargeId: string }).chargeId, { outcome: d.outcome, outcomeOn: d.outcomeOn ?? null, sentenceMonths: d.sentenceMonths ?? null, s45Raised: d.s45Raised ?? undefined }),
    done: 'outcome',
  });

  partForm('/investigations/:id/orders/new', 'investigations.write', {
    title: 'Record a civil order',
    submit: 'Record the order',
    fields: async (_req, id) => [
      { name: 'subjectId', label: 'Subject', type: 'select', options: await subjectOptions(ctx, id) },
      { name: 'kind', label: 'Order', type: 'radios', required: true, options: opts(ORDER_KINDS), noun: 'the kind of order' },
      { name: 'status', label: 'Status', type: 'radios', required: true, options: opts(ORDER_STATUSES), noun: 'the status' },
      { name: 'datedOn', label: 'Date', type: 'date', required: true, noun: 'the date' },
    ],
    save: (req, inv, d) => service.addOrder(ctx, req, inv.id, { subjectId: d.subjectId ?? null, kind: d.kind, status: d.status, datedOn: d.datedOn }),
    done: 'order',
  });

  // Cross-regional allocation ------------------------------------------------------------------------------------
  const ROWS = 5;
  async function allocationView(inv: store.Investigation, values: Record<string, string>, withRecommendation: boolean) {
    const candidates = readCandidates(values).candidates;
    const rec = withRecommendation && candidates.length ? service.recommendation(candidates) : null;
    return {
      title: 'Decide which force leads',
      inv,
      rows: Array.from({ length: ROWS }, (_, i) => ({
        i,
        force: values[`c${i}-force`] ?? '',
        forceItems: [{ value: '', text: 'Choose a force' }, ...FORCE_OPTIONS.map((o) => ({ ...o, selected: o.value === values[`c${i}-force`] }))],
        victims: values[`c${i}-victims`] ?? '',
        harm: values[`c${i}-harm`] ?? '',
        suspects: values[`c${i}-suspects`] ?? '',
        evidence: values[`c${i}-evidence`] ?? '',
        capacityItems: CAPACITY_LEVELS.map((c) => ({ value: c, text: c.charAt(0).toUpperCase() + c.slice(1), selected: (values[`c${i}-capacity`] ?? 'medium') === c })),
      })),
      rec: rec ? { ...rec, name: forceName(rec.forceCode), candidates: rec.candidates.map((c) => ({ ...c, name: forceName(c.forceCode) })) } : null,
      decideItems: candidates.map((c) => ({ value: c.forceCode, text: forceName(c.forceCode), checked: (values.decidedForceCode || rec?.forceCode) === c.forceCode })),
      duties: candidates.map((c) => ({ code: c.forceCode, name: forceName(c.forceCode), value: values[`duties-${c.forceCode}`] ?? '' })),
      rationale: values.rationale ?? '',
      criteria: CRITERIA,
      backLink: `/investigations/${inv.id}`,
    };
  }

  function readCandidates(values: Record<string, string>) {
    const candidates: Candidate[] = [];
    const errors: FieldError[] = [];
    for (let i = 0; i < ROWS; i++) {
      const force = values[`c${i}-force`];
      if (!force) continue;
      if (!FORCES.some((f) => f.code === force)) {
        errors.push({ field: `c${i}-force`, message: 'Choose a force from the list' });
        continue;
      }
      const int = (k: string, label: string, max = 100000) => {
        const v = (values[`c${i}-${k}`] ?? '').trim();
        const n = v === '' ? 0 : Number(v);
        if (!Number.isFinite(n) || n < 0 || n > max || (k !== 'harm' && !Number.isInteger(n))) errors.push({ field: `c${i}-${k}`, message: `${label} for ${forceName(force)} must be a whole number${k === 'harm' ? ' from 0 to 5' : ''}` });
        return Number.isFinite(n) ? n : 0;
      };
      const capacity = (values[`c${i}-capacity`] ?? 'medium') as Candidate['capacity'];
      candidates.push({ forceCode: force, victims: int('victims', 'Victims'), harm: int('harm', 'Harm', 5), suspects: int('suspects', 'Principal suspects'), evidenceSites: int('evidence', 'Evidence locations'), capacity: CAPACITY_LEVELS.includes(capacity) ? capacity : 'medium' });
    }
    return { candidates, errors };
  }

  const flat = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')]));

  app.get('/investigations/:id/allocation', { ...page('investigations.allocate'), schema: { hide: true, params: Id } }, async (req, reply) => {
    const { inv } = await service.visibleInvestigation(ctx, req.principal!, req.params.id);
    const details = await store.investigationDetails(ctx.db, inv.id);
    const forces = [...new Set([inv.lead_force_code, ...details.supporting.map((s) => s.force_code), ...details.subjects.map((s) => s.resides_force_code)].filter((f): f is string => !!f))].slice(0, ROWS);
    const values: Record<string, string> = {};
    forces.forEach((f, i) => {
      values[`c${i}-force`] = f;
      values[`c${i}-suspects`] = String(details.subjects.filter((s) => s.role === 'principal' && s.resides_force_code === f).length);
    });
    return reply.page('investigations/views/allocation.njk', await allocationView(inv, values, false));
  });

  app.post('/investigations/:id/allocation', { ...page('investigations.allocate'), schema: { hide: true, params: Id, body: Body } }, async (req, reply) => {
    const { inv } = await service.visibleInvestigation(ctx, req.principal!, req.params.id);
    const values = flat(req.body as Record<string, unknown>);
    const { candidates, errors } = readCandidates(values);
    const render = async (fields: FieldError[], status = 422) =>
      reply.status(status).page('investigations/views/allocation.njk', { ...(await allocationView(inv, values, candidates.length > 0)), errors: errorSummary(fields), fieldErrors: errorMap(fields) });
    if (errors.length) return render(errors);
    if (values.action !== 'decide') {
      if (candidates.length < 2) return render([{ field: 'c0-force', message: 'Enter at least two forces' }]);
      return reply.page('investigations/views/allocation.njk', await allocationView(inv, values, true));
    }
    const duties = Object.fromEntries(candidates.map((c) => [c.forceCode, values[`duties-${c.forceCode}`] ?? '']));
    try {
      await service.allocate(ctx, req, inv.id, { candidates, decidedForceCode: values.decidedForceCode || null, rationale: values.rationale || null, duties });
      return reply.redirect(`/investigations/${inv.id}?done=allocated`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      const fields = e.fields.map((f) => {
        const m = /^candidates\.(\d+)\.(\w+)$/.exec(f.field);
        if (m) return { ...f, field: `c${m[1]}-${m[2] === 'evidenceSites' ? 'evidence' : m[2]}` };
        if (f.field === 'candidates') return { ...f, field: 'c0-force' };
        if (f.field.startsWith('duties.')) return { ...f, field: `duties-${f.field.slice(7)}` };
        return f;
      });
      return render(fields, e.status);
    }
  });
}

