import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { redact } from '../kernel/access/policy.js';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { type FieldError, validationFailed } from '../kernel/errors.js';
import { FORCES } from '../kernel/reference/forces.js';
import { oicMeasures, oicSeries } from '../performance/data/governance-figures.js';
import { ALERT_LABELS, alertsFor } from './alerts.js';
import { apportion } from './concentration.js';
import {
  DECISIONS,
  DISRUPTION_STATUSES,
  FOUR_P,
  labelOf,
  MAGNITUDES,
  MEMBER_LOCATIONS,
  MEMBER_ROLES,
  OTHER_CRIMINALITY,
  TACTICS,
  THREAT_LABELS,
  THREAT_SUBTYPES,
  subtypeLabel,
} from './model.js';
import { FACTOR_INFO, FACTORS, GRADES, assess, isoDate, nextAssessmentDue, type Grade, type ScoringConfig } from './scoring.js';
import * as service from './service.js';
import * as store from './store.js';
import { barChart, columnChart } from './ui/charts.js';
import { sendCsv } from './ui/csv.js';
import { dateFromParts, type FormField, initialValues, readForm } from './ui/forms.js';
import { may, pagination, pct, queryWithout, rerender } from './ui/page-helpers.js';
import { canSee, metaOf } from './ui/visibility.js';

const FORM = 'ocg/ui/form.njk';
const PER_PAGE = 50;
const Id = z.object({ id: z.uuid() });
const Format = z.enum(['html', 'csv']).optional();
const opts = (list: readonly { code: string; label: string; hint?: string }[]) => list.map((x) => ({ value: x.code, text: x.label, hint: x.hint }));
const FORCE_OPTIONS = FORCES.map((f) => ({ value: f.code, text: f.name }));
const threatText = (threats: { threat: string; subtype: string }[], threat: string) =>
  threats.filter((t) => t.threat === threat).map((t) => subtypeLabel(t.threat, t.subtype)).join(', ');

// ---------------------------------------------------------------------------------------------------------------
// Form definitions

const groupFields = (): FormField[] => [
  { name: 'name', label: 'Name of the group', type: 'text', required: true, noun: 'the name of the group' },
  { name: 'aliases', label: 'Other names (optional)', hint: 'One name on each line', type: 'textarea' },
  { name: 'summary', label: 'Summary (optional)', hint: 'What the group does, where, and how it is structured', type: 'textarea' },
  { name: 'primaryThreat', label: 'Primary criminality', type: 'radios', required: true, options: [{ value: 'oic', text: THREAT_LABELS.oic }, { value: 'msht', text: THREAT_LABELS.msht }], noun: 'the primary criminality' },
  { name: 'oicSubtypes', label: 'Organised immigration crime methods', hint: 'Select all that apply', type: 'checkboxes', options: opts(THREAT_SUBTYPES.oic) },
  { name: 'mshtSubtypes', label: 'Modern slavery and human trafficking: types of exploitation', hint: 'Select all that apply. MSHT and OIC are recorded separately.', type: 'checkboxes', options: opts(THREAT_SUBTYPES.msht) },
  { name: 'otherCriminality', label: 'Other criminality (optional)', type: 'checkboxes', options: opts(OTHER_CRIMINALITY) },
  { name: 'areas', label: 'Force areas where the group operates', type: 'checkboxes', options: FORCE_OPTIONS },
  {
    name: 'handlingCode',
    label: 'Handling code',
    type: 'radios',
    required: true,
    options: [
      { value: 'P', text: 'P: lawful sharing permitted' },
      { value: 'C', text: 'C: sharing permitted with conditions', hint: 'State the conditions below' },
    ],
  },
  { name: 'handlingText', label: 'Handling conditions (for code C)', type: 'textarea' },
];

function groupInputFrom(data: Record<string, unknown>) {
  const lines = (v: unknown) => String(v ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const threats = [
    ...((data.oicSubtypes as string[]) ?? []).map((s) => ({ threat: 'oic' as const, subtype: s })),
    ...((data.mshtSubtypes as string[]) ?? []).map((s) => ({ threat: 'msht' as const, subtype: s })),
  ];
  return {
    name: String(data.name ?? ''),
    aliases: lines(data.aliases),
    summary: String(data.summary ?? ''),
    primaryThreat: data.primaryThreat as 'msht' | 'oic',
    threats,
    otherCriminality: (data.otherCriminality as string[]) ?? [],
    areas: (data.areas as string[]) ?? [],
    handlingCode: (data.handlingCode as 'P' | 'C') ?? 'P',
    handlingConditions: data.handlingText ? { text: String(data.handlingText) } : null,
  };
}
const GROUP_RENAME = { threats: 'oicSubtypes', handlingConditions: 'handlingText' };

const memberFields = (): FormField[] => [
  { name: 'name', label: 'Full name', type: 'text', required: true, noun: 'the member’s name' },
  { name: 'role', label: 'Role in the group', type: 'radios', required: true, options: opts(MEMBER_ROLES), noun: 'the role' },
  { name: 'location', label: 'Where they are', type: 'radios', required: true, options: opts(MEMBER_LOCATIONS), noun: 'where they are' },
  { name: 'country', label: 'Country (optional)', type: 'text', width: '20' },
  { name: 'personEntityId', label: 'Resolved person (entity id, optional)', hint: 'From the person’s page in Entities, when the person has been resolved', type: 'text', width: '20' },
];

const intelFields = (): FormField[] => [
  { name: 'reportId', label: 'Intelligence report reference', hint: 'The reference or id of the report in Intelligence', type: 'text', required: true, width: '20', noun: 'the report reference' },
];

const disruptionFields = (): FormField[] => [
  { name: 'ocgReference', label: 'Group reference (optional)', hint: 'For example OCG-2024-00012. Leave blank to record against the threat only.', type: 'text', width: '20' },
  { name: 'threat', label: 'Threat', type: 'radios', required: true, options: [{ value: 'oic', text: THREAT_LABELS.oic }, { value: 'msht', text: THREAT_LABELS.msht }], noun: 'the threat' },
  { name: 'category', label: '4P category', type: 'radios', required: true, options: opts(FOUR_P), noun: 'the 4P category' },
  { name: 'tactic', label: 'What was done', type: 'select', required: true, options: opts(TACTICS), noun: 'what was done' },
  { name: 'magnitude', label: 'Magnitude', type: 'radios', required: true, options: opts(MAGNITUDES), noun: 'the magnitude' },
  { name: 'evidence', label: 'Evidence for the magnitude', hint: 'What changed for the group, and how you know', type: 'textarea', required: true, noun: 'the evidence for the magnitude' },
  { name: 'disruptedOn', label: 'Date of the disruption', type: 'date', required: true, noun: 'the date of the disruption' },
  { name: 'forceCode', label: 'Force area (optional for police: your own force)', type: 'select', options: FORCE_OPTIONS },
];

// ---------------------------------------------------------------------------------------------------------------

export function ocgPages(app: FusionApp, ctx: AppContext) {
  const page = (access: string) => ({ config: { access, page: true }, schema: { hide: true } });

  // Register ------------------------------------------------------------------------------------------------------
  app.get(
    '/ocgs',
    {
      ...page('ocg.read'),
      schema: {
        hide: true,
        querystring: z.object({
          threat: z.enum(['msht', 'oic', '']).optional(),
          grade: z.enum(['P1', 'P2', 'P3', 'P4', 'none', '']).optional(),
          status: z.enum(['active', 'archived', 'all', '']).optional(),
          force: z.string().max(60).optional(),
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = q.format === 'csv';
      const filter = {
        threat: q.threat || undefined,
        grade: (q.grade || undefined) as Grade | 'none' | undefined,
        status: (q.status || 'active') as 'active' | 'archived' | 'all',
        force: q.force || undefined,
        q: q.q || undefined,
        limit: csv ? 100_000 : PER_PAGE,
        offset: csv ? 0 : (q.page - 1) * PER_PAGE,
      };
      const { rows, total } = await store.listGroups(ctx.db, filter, service.groupVisibility(ctx, req.principal!));
      const visible = rows.filter((r) => canSee(req.principal!, 'ocg', r, ctx.agreements.all()).allow);
      const items = visible.map((r) => ({
        ...r,
        owner: store.agencyName(r.owning_agency_code),
        threatOic: threatText(r.threats, 'oic'),
        threatMsht: threatText(r.threats, 'msht'),
        areaNames: r.areas.map(store.forceName).join(', '),
      }));
      if (csv) {
        return sendCsv(reply, 'ocg-register.csv', [
          { key: 'reference', header: 'Reference' },
          { key: 'name', header: 'Name' },
          { key: 'aliases', header: 'Aliases' },
          { key: 'primary_threat', header: 'Primary threat' },
          { key: 'threatOic', header: 'OIC methods' },
          { key: 'threatMsht', header: 'MSHT exploitation' },
          { key: 'grade', header: 'Grade' },
          { key: 'tier', header: 'Tier' },
          { key: 'score', header: 'Score' },
          { key: 'owner', header: 'Owning agency' },
          { key: 'areaNames', header: 'Force areas' },
          { key: 'next_assessment_due', header: 'Next assessment due' },
          { key: 'member_count', header: 'Members' },
          { key: 'intelligence_count', header: 'Intelligence reports' },
          { key: 'disruption_count', header: 'Disruptions' },
          { key: 'status', header: 'Status' },
        ], items);
      }
      return reply.page('ocg/views/register.njk', {
        title: 'Organised crime groups',
        items,
        total,
        query: q,
        csvHref: `/ocgs?${queryWithout(q, 'page', 'format')}${queryWithout(q, 'page', 'format') ? '&' : ''}format=csv`,
        pagination: pagination('/ocgs', q, q.page, total, PER_PAGE),
        forceOptions: FORCE_OPTIONS,
        canWrite: may(req, 'ocg.write'),
        canAssess: may(req, 'ocg.assess'),
      });
    },
  );

  app.get('/ocgs/new', page('ocg.write'), async (_req, reply) =>
    reply.page(FORM, { title: 'Record an organised crime group', caption: 'OCG register', action: '/ocgs/new', fields: groupFields(), values: { ...initialValues(groupFields()), handlingCode: 'P' }, submitText: 'Record the group', cancelHref: '/ocgs', backLink: '/ocgs' }),
  );

  app.post('/ocgs/new', { ...page('ocg.write'), schema: { hide: true, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const fields = groupFields();
    const { values, data, errors } = readForm(req.body, fields);
    const view = { title: 'Record an organised crime group', caption: 'OCG register', action: '/ocgs/new', fields, values, submitText: 'Record the group', cancelHref: '/ocgs', backLink: '/ocgs' };
    try {
      if (errors.length) throw validationFailed(errors);
      const created = await service.createGroup(ctx, req, groupInputFrom(data) as never);
      return reply.redirect(`/ocgs/${created.id}?done=created`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, view, GROUP_RENAME);
    }
  });

  // Assessment list ----------------------------------------------------------------------------------------------
  app.get(
    '/ocgs/assessments',
    {
      ...page('ocg.assess'),
      schema: {
        hide: true,
        querystring: z.object({
          kind: z.enum(['not_assessed', 'overdue', 'new_intelligence', 'inactive', '']).optional(),
          threat: z.enum(['msht', 'oic', '']).optional(),
          scope: z.enum(['region', 'all', '']).optional(),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const scope = req.query.scope || (p.agencyType === 'rocu' ? 'region' : 'all');
      const queue = await service.assessmentQueue(ctx, p, {
        kind: req.query.kind || undefined,
        threat: req.query.threat || undefined,
        region: scope === 'region' && p.agencyType === 'rocu' ? p.agencyCode : undefined,
      });
      const items = queue.items.map((i) => ({
        ...i.group,
        owner: store.agencyName(i.group.owning_agency_code),
        alerts: i.alerts,
        alertText: i.alerts.map((a) => `${a.label}: ${a.detail}`).join(' | '),
      }));
      if (req.query.format === 'csv') {
        return sendCsv(reply, 'ocg-assessments-due.csv', [
          { key: 'reference', header: 'Reference' },
          { key: 'name', header: 'Name' },
          { key: 'primary_threat', header: 'Primary threat' },
          { key: 'grade', header: 'Grade' },
          { key: 'owner', header: 'Owning agency' },
          { key: 'next_assessment_due', header: 'Next assessment due' },
          { key: 'alertText', header: 'Alerts' },
        ], items);
      }
      return reply.page('ocg/views/assessments.njk', {
        title: 'Assessments due',
        items,
        counts: queue.counts,
        considered: queue.considered,
        config: queue.config.config,
        query: req.query,
        scope,
        isRocu: p.agencyType === 'rocu',
        labels: ALERT_LABELS,
        csvHref: `/ocgs/assessments?${queryWithout({ ...req.query, scope }, 'format')}&format=csv`,
      });
    },
  );

  // Grade mix ----------------------------------------------------------------------------------------------------
  app.get('/ocgs/grades', { ...page('ocg.read'), schema: { hide: true, querystring: z.object({ format: Format }) } }, async (req, reply) => {
    const mix = await store.gradeMix(ctx.db);
    const published = oicMeasures.find((m) => m.id === 'ocg-priority-grades')!;
    const pub = Object.fromEntries((published.breakdown ?? []).map((b) => [b.key, b.value]));
    const pubTotal = GRADES.reduce((s, g) => s + (pub[g] ?? 0), 0);
    const rows = (['oic', 'msht'] as const).flatMap((t) =>
      [...GRADES, 'none'].map((g) => ({
        threat: t,
        grade: g === 'none' ? 'Not yet graded' : g,
        count: mix[t].byGrade[g] ?? 0,
        share: mix[t].total ? (mix[t].byGrade[g] ?? 0) / mix[t].total : null,
        published: t === 'oic' && g !== 'none' ? (pub[g] ?? 0) : null,
        publishedShare: t === 'oic' && g !== 'none' ? (pub[g] ?? 0) / pubTotal : null,
      })),
    );
    if (req.query.format === 'csv') {
      return sendCsv(reply, 'ocg-grade-mix.csv', [
        { key: 'threat', header: 'Primary threat' },
        { key: 'grade', header: 'Grade' },
        { key: 'count', header: 'Groups' },
        { key: 'share', header: 'Share', value: (r) => (r.share === null ? '' : (r.share as number).toFixed(3)) },
        { key: 'published', header: 'Published (APMIS, 1 May 2024)' },
      ], rows);
    }
    const charts = Object.fromEntries(
      (['oic', 'msht'] as const).map((t) => [
        t,
        columnChart(`grades-${t}`, `${THREAT_LABELS[t]}: groups by priority grade`, [...GRADES.map((g) => ({ label: g, value: mix[t].byGrade[g] ?? 0 })), { label: 'Not graded', value: mix[t].byGrade.none ?? 0 }]),
      ]),
    );
    const scaled = mix.oic.total ? apportion(GRADES.map((g) => pub[g] ?? 0), mix.oic.total - (mix.oic.byGrade.none ?? 0)) : [];
    return reply.page('ocg/views/grades.njk', {
      title: 'Groups by priority grade and tier',
      mix,
      rows,
      charts,
      published,
      pub,
      scaled: GRADES.map((g, i) => ({ grade: g, value: scaled[i] ?? 0 })),
      pct,
      breadcrumbs: [{ text: 'Crime groups', href: '/ocgs' }],
    });
  });

  // Scoring configuration ----------------------------------------------------------------------------------------
  app.get('/ocgs/scoring', page('ocg.read'), async (req, reply) => scoringPage(req, reply));
  app.post('/ocgs/scoring', { ...page('ocg.configure'), schema: { hide: true, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const num = (k: string) => {
      const v = String(b[k] ?? '').trim();
      return v === '' ? Number.NaN : Number(v);
    };
    const config: ScoringConfig = {
      weights: { harm: num('weights.harm'), likelihood: num('weights.likelihood'), confidence: num('weights.confidence'), capacity: num('weights.capacity') },
      gradeBands: { P1: num('gradeBands.P1'), P2: num('gradeBands.P2'), P3: num('gradeBands.P3'), P4: num('gradeBands.P4') },
      confidenceBands: { lowMax: num('confidenceBands.lowMax'), highMin: num('confidenceBands.highMin') },
      tierMatrix: Object.fromEntries(GRADES.map((g) => [g, { low: num(`tierMatrix.${g}.low`), medium: num(`tierMatrix.${g}.medium`), high: num(`tierMatrix.${g}.high`) }])) as ScoringConfig['tierMatrix'],
      reviewDays: { P1: num('reviewDays.P1'), P2: num('reviewDays.P2'), P3: num('reviewDays.P3'), P4: num('reviewDays.P4') },
      firstAssessmentDays: num('firstAssessmentDays'),
      lowGrades: (Array.isArray(b.lowGrades) ? b.lowGrades : b.lowGrades ? [b.lowGrades] : []).map(String).filter((g): g is Grade => (GRADES as readonly string[]).includes(g)),
      inactivityDays: num('inactivityDays'),
    };
    try {
      await service.saveConfig(ctx, req, config, String(b.reason ?? ''), Number(b.version));
      return reply.redirect('/ocgs/scoring?done=saved', 303);
    } catch (e) {
      return scoringPage(req, reply, { config, reason: String(b.reason ?? '') }, e);
    }
  });

  async function scoringPage(req: FastifyRequest, reply: FastifyReply, posted?: { config: ScoringConfig; reason: string }, err?: unknown) {
    const [cur, history] = await Promise.all([store.currentConfig(ctx.db), store.configHistory(ctx.db)]);
    const view = {
      title: 'How groups are scored and graded',
      current: cur,
      form: posted?.config ?? cur.config,
      reason: posted?.reason ?? '',
      history,
      factors: FACTORS.map((f) => ({ key: f, ...FACTOR_INFO[f] })),
      grades: GRADES,
      canConfigure: may(req, 'ocg.configure'),
      flash: (req.query as { done?: string })?.done === 'saved' ? `Scoring configuration saved as version ${cur.version}.` : undefined,
      weightTotal: FACTORS.reduce((s, f) => s + cur.config.weights[f], 0),
      breadcrumbs: [{ text: 'Crime groups', href: '/ocgs' }],
    };
    if (err) return rerender(reply, err, 'ocg/views/scoring.njk', view);
    return reply.page('ocg/views/scoring.njk', view);
  }

  // One group ----------------------------------------------------------------------------------------------------
  app.get(
    '/ocgs/:id',
    { ...page('ocg.read'), schema: { hide: true, params: Id, querystring: z.object({ done: z.string().max(30).optional(), format: Format, table: z.enum(['assessments', 'members', '']).optional() }) } },
    async (req, reply) => {
      const r = await service.readGroup(ctx, req, req.params.id);
      const g = r.group;
      const cfg = await store.currentConfig(ctx.db);
      const activity = (await store.activityFor(ctx.db, [g])).get(g.id)!;
      const alerts = alertsFor(activity, isoDate(new Date()), cfg.config);
      const memberMeta = metaOf('ocg_member', g);
      const members = r.members.map((m) => ({ ...m, ...redact(req.principal!, memberMeta, { name: m.name, person_entity_id: m.person_entity_id, person_record_id: m.person_record_id }) }));
      const assessments = r.assessments.map((a) => {
        const ratings = { harm: a.harm, likelihood: a.likelihood, confidence: a.confidence, capacity: a.capacity };
        const res = assess(ratings, a.config as ScoringConfig, a.grade as Grade);
        return { ...a, breakdown: res.breakdown, explanation: res.explanation, decisionLabel: labelOf(DECISIONS, a.decision) };
      });
      if (req.query.format === 'csv' && req.query.table === 'members') {
        return sendCsv(reply, `${g.reference}-members.csv`, [
          { key: 'name', header: 'Name' },
          { key: 'role', header: 'Role' },
          { key: 'location', header: 'Location' },
          { key: 'country', header: 'Country' },
          { key: 'person_entity_id', header: 'Person entity id' },
        ], members);
      }
      if (req.query.format === 'csv') {
        return sendCsv(reply, `${g.reference}-assessments.csv`, [
          { key: 'assessed_at', header: 'Assessed at' },
          { key: 'assessor_name', header: 'Assessor' },
          { key: 'assessor_agency_code', header: 'Agency' },
          { key: 'harm', header: 'Harm' },
          { key: 'likelihood', header: 'Likelihood' },
          { key: 'confidence', header: 'Confidence' },
          { key: 'capacity', header: 'Capacity' },
          { key: 'score', header: 'Score' },
          { key: 'computed_grade', header: 'Computed grade' },
          { key: 'grade', header: 'Grade' },
          { key: 'override_reason', header: 'Override reason' },
          { key: 'tier', header: 'Tier' },
          { key: 'decisionLabel', header: 'Decision' },
          { key: 'rationale', header: 'Rationale' },
          { key: 'next_due', header: 'Next due' },
          { key: 'config_version', header: 'Scoring version' },
        ], assessments);
      }
      const investigations = r.investigations
        .filter((i) => canSee(req.principal!, 'investigation', { id: i.id, owning_agency_code: i.lead_agency_code, owning_agency_type: i.lead_agency_type, handling_code: i.handling_code, handling_conditions: i.handling_conditions }, ctx.agreements.all()).allow)
        .map((i) => ({ ...i, lead: store.agencyName(i.lead_agency_code) }));
      const history = [...assessments].reverse();
      const done = req.query.done;
      const latest = assessments[0];
      return reply.page('ocg/views/group.njk', {
        title: g.name,
        g,
        owner: store.agencyName(g.owning_agency_code),
        isOwner: g.owning_agency_code === req.principal!.agencyCode,
        access: r.decision,
        oicThreats: threatText(g.threats, 'oic'),
        mshtThreats: threatText(g.threats, 'msht'),
        other: g.other_criminality.map((c) => labelOf(OTHER_CRIMINALITY, c)).join(', '),
        areas: g.areas.map(store.forceName).join(', '),
        alerts,
        activity,
        members: members.map((m) => ({ ...m, roleLabel: labelOf(MEMBER_ROLES, m.role), locationLabel: labelOf(MEMBER_LOCATIONS, m.location) })),
        intelligence: r.intelligence,
        assessments,
        latest,
        factorInfo: FACTOR_INFO,
        scoreChart: history.length
          ? columnChart('score-history', 'Score at each assessment', history.map((a) => ({ label: isoDate(a.assessed_at), value: Number(a.score), note: a.grade })), { width: Math.max(360, 80 + history.length * 90) })
          : null,
        disruptions: r.disruptions.map((d) => ({ ...d, categoryLabel: labelOf(FOUR_P, d.category), magnitudeLabel: labelOf(MAGNITUDES, d.magnitude), agency: store.agencyName(d.recording_agency_code) })),
        investigations,
        canAssess: may(req, 'ocg.assess'),
        canWrite: may(req, 'ocg.write'),
        canDisrupt: may(req, 'disruptions.record'),
        canEntities: may(req, 'entities.read'),
        flash: done === 'created' ? 'Group recorded.' : done === 'assessed' && latest ? `Assessment recorded: score ${latest.score}, grade ${latest.grade}, tier ${latest.tier}.` : done === 'member' ? 'Member added.' : done === 'linked' ? 'Intelligence report linked.' : done === 'updated' ? 'Group updated.' : done === 'removed' ? 'Member removed.' : undefined,
        breadcrumbs: [{ text: 'Crime groups', href: '/ocgs' }, { text: g.reference }],
      });
    },
  );

  app.get('/ocgs/:id/edit', { ...page('ocg.write'), schema: { hide: true, params: Id } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    const fields = groupFields();
    const values = initialValues(fields, {
      name: g.name,
      aliases: g.aliases.join('\n'),
      summary: g.summary,
      primaryThreat: g.primary_threat,
      oicSubtypes: g.threats.filter((t) => t.threat === 'oic').map((t) => t.subtype),
      mshtSubtypes: g.threats.filter((t) => t.threat === 'msht').map((t) => t.subtype),
      otherCriminality: g.other_criminality,
      areas: g.areas,
      handlingCode: g.handling_code,
      handlingText: (g.handling_conditions as { text?: string } | null)?.text ?? '',
    });
    return reply.page(FORM, { title: `Change ${g.name}`, caption: g.reference, action: `/ocgs/${g.id}/edit`, fields, values, hidden: { version: g.version }, submitText: 'Save changes', cancelHref: `/ocgs/${g.id}`, backLink: `/ocgs/${g.id}` });
  });

  app.post('/ocgs/:id/edit', { ...page('ocg.write'), schema: { hide: true, params: Id, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    const fields = groupFields();
    const { values, data, errors } = readForm(req.body, fields);
    const version = Number((req.body as Record<string, unknown>).version);
    const view = { title: `Change ${g.name}`, caption: g.reference, action: `/ocgs/${g.id}/edit`, fields, values, hidden: { version }, submitText: 'Save changes', cancelHref: `/ocgs/${g.id}`, backLink: `/ocgs/${g.id}` };
    try {
      if (errors.length) throw validationFailed(errors);
      const input = groupInputFrom(data);
      await service.updateGroup(ctx, req, g.id, input as never, version);
      return reply.redirect(`/ocgs/${g.id}?done=updated`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, view, GROUP_RENAME);
    }
  });

  app.get('/ocgs/:id/members/new', { ...page('ocg.write'), schema: { hide: true, params: Id } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    return reply.page(FORM, { title: 'Add a member', caption: `${g.reference} ${g.name}`, action: `/ocgs/${g.id}/members/new`, fields: memberFields(), values: { ...initialValues(memberFields()), location: 'unknown' }, submitText: 'Add the member', cancelHref: `/ocgs/${g.id}`, backLink: `/ocgs/${g.id}` });
  });

  app.post('/ocgs/:id/members/new', { ...page('ocg.write'), schema: { hide: true, params: Id, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    const fields = memberFields();
    const { values, data, errors } = readForm(req.body, fields);
    const view = { title: 'Add a member', caption: `${g.reference} ${g.name}`, action: `/ocgs/${g.id}/members/new`, fields, values, submitText: 'Add the member', cancelHref: `/ocgs/${g.id}`, backLink: `/ocgs/${g.id}` };
    try {
      if (errors.length) throw validationFailed(errors);
      await service.addMember(ctx, req, g.id, {
        name: String(data.name),
        role: String(data.role),
        location: data.location as 'uk' | 'overseas' | 'unknown',
        country: (data.country as string | null) ?? null,
        personEntityId: (data.personEntityId as string | null) ?? null,
        personRecordId: null,
      });
      return reply.redirect(`/ocgs/${g.id}?done=member`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, view);
    }
  });

  app.post('/ocgs/:id/members/:memberId/remove', { ...page('ocg.write'), schema: { hide: true, params: z.object({ id: z.uuid(), memberId: z.uuid() }) } }, async (req, reply) => {
    await service.removeMember(ctx, req, req.params.id, req.params.memberId);
    return reply.redirect(`/ocgs/${req.params.id}?done=removed`, 303);
  });

  app.get('/ocgs/:id/intelligence/new', { ...page('ocg.write'), schema: { hide: true, params: Id } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    return reply.page(FORM, {
      title: 'Link an intelligence report',
      caption: `${g.reference} ${g.name}`,
      intro: ['New intelligence on a low-graded group puts it on the assessment list, so that the grade is reviewed in the light of it.'],
      action: `/ocgs/${g.id}/intelligence/new`,
      fields: intelFields(),
      values: initialValues(intelFields()),
      submitText: 'Link the report',
      cancelHref: `/ocgs/${g.id}`,
      backLink: `/ocgs/${g.id}`,
    });
  });

  app.post('/ocgs/:id/intelligence/new', { ...page('ocg.write'), schema: { hide: true, params: Id, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, req.params.id);
    const fields = intelFields();
    const { values, data, errors } = readForm(req.body, fields);
    const view = { title: 'Link an intelligence report', caption: `${g.reference} ${g.name}`, action: `/ocgs/${g.id}/intelligence/new`, fields, values, submitText: 'Link the report', cancelHref: `/ocgs/${g.id}`, backLink: `/ocgs/${g.id}` };
    try {
      if (errors.length) throw validationFailed(errors);
      await service.linkIntelligence(ctx, req, g.id, String(data.reportId));
      return reply.redirect(`/ocgs/${g.id}?done=linked`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, view);
    }
  });

  // Assess -------------------------------------------------------------------------------------------------------
  async function assessView(req: any, id: string, values: Record<string, unknown> = {}) {
    const { group: g } = await service.visibleGroup(ctx, req.principal!, id);
    const cfg = await store.currentConfig(ctx.db);
    const activity = (await store.activityFor(ctx.db, [g])).get(g.id)!;
    const today = isoDate(new Date());
    const weightTotal = FACTORS.reduce((s, f) => s + cfg.config.weights[f], 0);
    return {
      title: `Assess ${g.name}`,
      g,
      cfg,
      alerts: alertsFor(activity, today, cfg.config),
      activity,
      factors: FACTORS.map((f) => ({
        key: f,
        ...FACTOR_INFO[f],
        weightShare: weightTotal ? cfg.config.weights[f] / weightTotal : 0,
        items: FACTOR_INFO[f].levels.map((text, i) => ({ value: String(i + 1), text: `${i + 1}: ${text}`, checked: String(values[f] ?? '') === String(i + 1) })),
      })),
      decisions: DECISIONS.map((d) => ({ value: d.code, text: d.label, checked: values.decision === d.code })),
      gradeItems: [{ value: '', text: 'Use the computed grade' }, ...GRADES.map((x) => ({ value: x, text: x, selected: values.gradeOverride === x }))],
      latestByGrade: GRADES.map((x) => ({ grade: x, days: cfg.config.reviewDays[x], date: nextAssessmentDue(today, x, cfg.config) })),
      values,
      pct,
      backLink: `/ocgs/${g.id}`,
    };
  }

  app.get('/ocgs/:id/assess', { ...page('ocg.assess'), schema: { hide: true, params: Id } }, async (req, reply) => {
    const latest = (await store.assessments(ctx.db, req.params.id))[0];
    const values = latest ? { harm: latest.harm, likelihood: latest.likelihood, confidence: latest.confidence, capacity: latest.capacity } : {};
    return reply.page('ocg/views/assess.njk', await assessView(req, req.params.id, values));
  });

  app.post('/ocgs/:id/assess', { ...page('ocg.assess'), schema: { hide: true, params: Id, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const s = (k: string) => String(b[k] ?? '').trim();
    const ratings: Record<string, number> = {};
    const fieldErrors: FieldError[] = [];
    for (const f of FACTORS) {
      const n = Number(s(f));
      if (!s(f) || !Number.isInteger(n) || n < 1 || n > 5) fieldErrors.push({ field: f, message: `Rate ${FACTOR_INFO[f].label.toLowerCase()} from 1 to 5` });
      else ratings[f] = n;
    }
    const nextParts = { day: s('nextDue-day'), month: s('nextDue-month'), year: s('nextDue-year') };
    let nextDue: string | null = null;
    if (nextParts.day || nextParts.month || nextParts.year) {
      nextDue = dateFromParts(nextParts.day, nextParts.month, nextParts.year);
      if (!nextDue) fieldErrors.push({ field: 'nextDue', message: 'The next assessment date must be a real date' });
    }
    const values = { ...ratings, decision: s('decision'), rationale: s('rationale'), gradeOverride: s('gradeOverride'), overrideReason: s('overrideReason'), nextDue: nextParts };
    try {
      if (s('decision') && !DECISIONS.some((d) => d.code === s('decision'))) fieldErrors.push({ field: 'decision', message: 'Select the decision from the list' });
      if (s('gradeOverride') && !(GRADES as readonly string[]).includes(s('gradeOverride'))) fieldErrors.push({ field: 'gradeOverride', message: 'Choose a grade from P1 to P4' });
      if (fieldErrors.length) {
        const cfg = await store.currentConfig(ctx.db);
        const more = service.assessmentErrors({ ratings, decision: s('decision'), rationale: s('rationale'), gradeOverride: (s('gradeOverride') || null) as Grade | null, overrideReason: s('overrideReason'), nextDue: null }, cfg.config, isoDate(new Date())).errors;
        throw validationFailed([...fieldErrors, ...more.filter((m) => !fieldErrors.some((f) => f.field === m.field))]);
      }
      await service.recordAssessment(ctx, req, req.params.id, {
        ratings,
        decision: s('decision'),
        rationale: s('rationale'),
        gradeOverride: (s('gradeOverride') || null) as Grade | null,
        overrideReason: s('overrideReason') || null,
        nextDue,
      });
      return reply.redirect(`/ocgs/${req.params.id}?done=assessed`, 303);
    } catch (e) {
      return rerender(reply, e, 'ocg/views/assess.njk', await assessView(req, req.params.id, values));
    }
  });

  // Disruptions --------------------------------------------------------------------------------------------------
  app.get(
    '/disruptions',
    {
      ...page('disruptions.read'),
      schema: {
        hide: true,
        querystring: z.object({
          threat: z.enum(['msht', 'oic', '']).optional(),
          status: z.enum(['recorded', 'validated', 'rejected', '']).optional(),
          category: z.enum(['pursue', 'prevent', 'protect', 'prepare', '']).optional(),
          year: z.union([z.coerce.number().int().min(2000).max(2100), z.literal('')]).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = q.format === 'csv';
      const { rows, total } = await store.listDisruptions(
        ctx.db,
        {
          threat: q.threat || undefined,
          status: q.status || undefined,
          category: q.category || undefined,
          year: q.year || undefined,
          limit: csv ? 100_000 : PER_PAGE,
          offset: csv ? 0 : (q.page - 1) * PER_PAGE,
        },
        service.disruptionVisibility(ctx, req.principal!),
      );
      const items = rows.map((d) => ({
        ...d,
        agency: store.agencyName(d.recording_agency_code),
        force: store.forceName(d.force_code),
        categoryLabel: labelOf(FOUR_P, d.category),
        magnitudeLabel: labelOf(MAGNITUDES, d.magnitude),
        tacticLabel: labelOf(TACTICS, d.tactic),
        statusLabel: labelOf(DISRUPTION_STATUSES, d.status),
        canValidate: may(req, 'disruptions.validate') && !service.validationRefusal(req.principal!, d),
      }));
      if (csv) {
        return sendCsv(reply, 'disruptions.csv', [
          { key: 'reference', header: 'Reference' },
          { key: 'disrupted_on', header: 'Date' },
          { key: 'threat', header: 'Threat' },
          { key: 'ocg_reference', header: 'Group' },
          { key: 'categoryLabel', header: '4P' },
          { key: 'tacticLabel', header: 'What was done' },
          { key: 'magnitudeLabel', header: 'Magnitude' },
          { key: 'evidence', header: 'Evidence' },
          { key: 'agency', header: 'Recording agency' },
          { key: 'force', header: 'Force area' },
          { key: 'statusLabel', header: 'Status' },
        ], items);
      }
      const qs = queryWithout(q, 'page', 'format');
      return reply.page('ocg/views/disruptions.njk', {
        title: 'Disruptions',
        items,
        total,
        query: q,
        csvHref: `/disruptions?${qs}${qs ? '&' : ''}format=csv`,
        pagination: pagination('/disruptions', q, q.page, total, PER_PAGE),
        canRecord: may(req, 'disruptions.record'),
        canStats: may(req, 'disruptions.statistics'),
        years: Array.from({ length: new Date().getUTCFullYear() - 2019 }, (_, i) => 2020 + i),
      });
    },
  );

  const disruptionView = (values: Record<string, unknown>) => ({
    title: 'Record a disruption',
    caption: 'Disruptions',
    intro: ['Record every disruption against an organised crime group or, when no group is known, against the threat.'],
    action: '/disruptions/new',
    fields: disruptionFields(),
    values,
    submitText: 'Record the disruption',
    cancelHref: '/disruptions',
    backLink: '/disruptions',
  });

  app.get('/disruptions/new', { ...page('disruptions.record'), schema: { hide: true, querystring: z.object({ ocg: z.uuid().optional() }) } }, async (req, reply) => {
    const values: Record<string, unknown> = initialValues(disruptionFields());
    if (req.query.ocg) {
      const { group } = await service.visibleGroup(ctx, req.principal!, req.query.ocg);
      values.ocgReference = group.reference;
      values.threat = group.primary_threat;
    }
    return reply.page(FORM, disruptionView(values));
  });

  app.post('/disruptions/new', { ...page('disruptions.record'), schema: { hide: true, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const fields = disruptionFields();
    const { values, data, errors } = readForm(req.body, fields);
    try {
      let ocgId: string | null = null;
      if (data.ocgReference) {
        const found = await store.tables(ctx.db).selectFrom('ocg_groups').select('id').where('reference', '=', String(data.ocgReference).toUpperCase()).executeTakeFirst();
        if (!found) errors.push({ field: 'ocgReference', message: 'There is no group with this reference' });
        else ocgId = found.id;
      }
      if (errors.length) throw validationFailed(errors);
      const created = await service.createDisruption(ctx, req, {
        ocgId,
        threat: data.threat as 'msht' | 'oic',
        category: String(data.category),
        magnitude: String(data.magnitude),
        tactic: String(data.tactic),
        evidence: String(data.evidence),
        disruptedOn: String(data.disruptedOn),
        forceCode: (data.forceCode as string | null) ?? null,
      });
      return reply.redirect(`/disruptions/${created.id}?done=created`, 303);
    } catch (e) {
      return rerender(reply, e, FORM, disruptionView(values), { ocgId: 'ocgReference' });
    }
  });

  app.get(
    '/disruptions/statistics',
    {
      ...page('disruptions.statistics'),
      schema: {
        hide: true,
        querystring: z.object({
          threat: z.enum(['msht', 'oic']).default('oic'),
          validated: z.enum(['only', 'all', '']).optional(),
          table: z.enum(['year', 'force', 'agency', 'category', 'magnitude']).optional(),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const stats = await store.disruptionStats(ctx.db, { threat: q.threat, validatedOnly: q.validated === 'only' });
      if (q.format === 'csv') {
        const name = `disruptions-${q.threat}-by-${q.table ?? 'year'}.csv`;
        switch (q.table) {
          case 'force':
            return sendCsv(reply, name, [{ key: 'label', header: 'Police force' }, { key: 'key', header: 'Code' }, { key: 'count', header: 'Disruptions recorded' }, { key: 'share', header: 'Share of police disruptions', value: (r: { count: number }) => (stats.policeTotal ? (r.count / stats.policeTotal).toFixed(3) : '') }] as never[], stats.byForce as never[]);
          case 'agency':
            return sendCsv(reply, name, [{ key: 'label', header: 'Recording agency' }, { key: 'type', header: 'Agency type' }, { key: 'count', header: 'Disruptions recorded' }], stats.byAgency as never[]);
          case 'category':
            return sendCsv(reply, name, [{ key: 'category', header: '4P' }, { key: 'police', header: 'Police' }, { key: 'other', header: 'Other agencies' }, { key: 'total', header: 'Total' }], stats.byCategory as never[]);
          case 'magnitude':
            return sendCsv(reply, name, [{ key: 'magnitude', header: 'Magnitude' }, { key: 'count', header: 'Disruptions' }], stats.byMagnitude as never[]);
          default:
            return sendCsv(reply, name, [{ key: 'year', header: 'Year' }, { key: 'police', header: 'Police' }, { key: 'other', header: 'Other agencies' }, { key: 'total', header: 'Total' }], stats.byYear as never[]);
        }
      }
      const publishedYears = oicSeries.find((s) => s.id === 'oic-disruptions-police')!;
      const publishedShare = oicMeasures.find((m) => m.id === 'disruptions-concentration')!;
      const topKeys = new Set(stats.concentration.top.map((t) => t.key));
      const qs = queryWithout(q, 'format', 'table');
      return reply.page('ocg/views/disruption-stats.njk', {
        title: 'Disruption figures',
        stats,
        query: q,
        threatLabel: THREAT_LABELS[q.threat],
        csv: (table: string) => `/disruptions/statistics?${qs}&table=${table}&format=csv`,
        charts: {
          year: columnChart('by-year-police', `Disruptions recorded by police, by year (${q.threat.toUpperCase()})`, stats.byYear.map((y) => ({ label: String(y.year), value: y.police }))),
          yearAll: columnChart('by-year-all', `Disruptions recorded by all agencies, by year (${q.threat.toUpperCase()})`, stats.byYear.map((y) => ({ label: String(y.year), value: y.total }))),
          force: barChart('by-force', 'Disruptions recorded by each police force (top four highlighted)', stats.byForce.slice(0, 20).map((f) => ({ label: f.label, value: f.count, highlight: topKeys.has(f.key) }))),
          agency: barChart('by-agency', 'Disruptions by recording agency', stats.byAgency.slice(0, 15).map((a) => ({ label: a.label, value: a.count }))),
          category: columnChart('by-category', 'Disruptions by 4P category', stats.byCategory.map((c) => ({ label: labelOf(FOUR_P, c.category), value: c.total }))),
        },
        published: q.threat === 'oic' ? { years: publishedYears, share: publishedShare } : null,
        labelOf,
        FOUR_P,
        MAGNITUDES,
        pct,
        breadcrumbs: [{ text: 'Disruptions', href: '/disruptions' }],
      });
    },
  );

  app.get('/disruptions/:id', { ...page('disruptions.read'), schema: { hide: true, params: Id, querystring: z.object({ done: z.string().max(30).optional() }) } }, async (req, reply) => {
    const { disruption: d, decision } = await service.visibleDisruption(ctx, req.principal!, req.params.id);
    const refusal = service.validationRefusal(req.principal!, d);
    return reply.page('ocg/views/disruption.njk', {
      title: `Disruption ${d.reference}`,
      d,
      access: decision,
      agency: store.agencyName(d.recording_agency_code),
      force: store.forceName(d.force_code),
      categoryLabel: labelOf(FOUR_P, d.category),
      magnitudeLabel: labelOf(MAGNITUDES, d.magnitude),
      tacticLabel: labelOf(TACTICS, d.tactic),
      statusLabel: labelOf(DISRUPTION_STATUSES, d.status),
      threatLabel: THREAT_LABELS[d.threat as 'msht' | 'oic'],
      canValidate: may(req, 'disruptions.validate') && !refusal,
      refusal: may(req, 'disruptions.validate') ? refusal : null,
      flash: req.query.done === 'created' ? `Disruption ${d.reference} recorded. A supervisor at your agency will validate it.` : req.query.done === 'validated' ? 'Decision recorded.' : undefined,
      breadcrumbs: [{ text: 'Disruptions', href: '/disruptions' }, { text: d.reference }],
    });
  });

  app.post('/disruptions/:id/validate', { ...page('disruptions.validate'), schema: { hide: true, params: Id, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const decision = String(b.decision ?? '');
    const note = String(b.note ?? '').trim();
    try {
      if (decision !== 'validated' && decision !== 'rejected') throw validationFailed([{ field: 'decision', message: 'Select validate or reject' }]);
      await service.validateDisruption(ctx, req, req.params.id, decision, note || null, b.version ? Number(b.version) : undefined);
      return reply.redirect(`/disruptions/${req.params.id}?done=validated`, 303);
    } catch (e) {
      const { disruption: d, decision: access } = await service.visibleDisruption(ctx, req.principal!, req.params.id);
      return rerender(reply, e, 'ocg/views/disruption.njk', {
        title: `Disruption ${d.reference}`,
        d,
        access,
        agency: store.agencyName(d.recording_agency_code),
        force: store.forceName(d.force_code),
        categoryLabel: labelOf(FOUR_P, d.category),
        magnitudeLabel: labelOf(MAGNITUDES, d.magnitude),
        tacticLabel: labelOf(TACTICS, d.tactic),
        statusLabel: labelOf(DISRUPTION_STATUSES, d.status),
        threatLabel: THREAT_LABELS[d.threat as 'msht' | 'oic'],
        canValidate: !service.validationRefusal(req.principal!, d),
        values: { decision, note },
        breadcrumbs: [{ text: 'Disruptions', href: '/disruptions' }, { text: d.reference }],
      });
    }
  });
}
