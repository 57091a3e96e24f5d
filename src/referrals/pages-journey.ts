import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FusionApp } from '../kernel/capability.js';
import type { AppContext } from '../kernel/context.js';
import { AppError, errorMap, type FieldError, notFound, validationFailed } from '../kernel/errors.js';
import { actorFrom } from '../kernel/http/server.js';
import { agencyName } from './access.js';
import {
  ageGroupLabel,
  exploitationLabel,
  exploitationTypes,
  FORCE_AREAS,
  forceName,
  GENDERS,
  genderLabel,
  indicatorByCode,
  indicatorGroups,
  LOCAL_AUTHORITIES,
  SECTORS,
  sectorLabel,
} from './catalogue.js';
import { ictgAvailable } from './model/children.js';
import { allCountries, COMMON_NATIONALITIES, countryName, UNKNOWN_NATIONALITY } from './model/countries.js';
import { formatIsoDate, todayInUk } from './model/dates.js';
import {
  type Answers,
  autosaveProblems,
  checkAnswers,
  FIELD_STEP,
  type Form,
  isDtn,
  isStep,
  mergePage,
  nextStep,
  outcomeOf,
  QUESTION_STEPS,
  readPage,
  type Step,
  STEP_TITLES,
  stepsFor,
  previousStep,
} from './model/journey.js';
import { partnerAdvice, factsFromAnswers } from './partners-advice.js';
import * as svc from './service.js';
import { createDraft, deleteDraft, DRAFT_RETENTION_DAYS, getDraft, listDrafts, listReferralFacts, purgeStaleDrafts, saveDraft, unacknowledgedNotices } from './store.js';

/**
 * The referral journey's pages: start (with your drafts), one question page per step, check your answers,
 * submitted. Each page saves the draft server-side when continued, and its script (public/autosave.mjs) saves what
 * is typed a few seconds after each change, so a session time-out loses at most those seconds.
 */

export const FormBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const DraftParams = z.object({ id: z.uuid() });
const caller = (req: FastifyRequest): svc.Caller => ({ principal: req.principal!, actor: actorFrom(req) });

const monthParts = (v: string | undefined) => (v ? { month: String(Number(v.slice(5, 7))), year: v.slice(0, 4) } : { month: '', year: '' });
const dateParts = (v: string | undefined) => (v ? { day: String(Number(v.slice(8, 10))), month: String(Number(v.slice(5, 7))), year: v.slice(0, 4) } : { day: '', month: '', year: '' });
const yn = (v: boolean | undefined) => (v === true ? 'yes' : v === false ? 'no' : undefined);
const names = (codes: string[] | undefined) => (codes ?? []).map(countryName).join(', ');

/** The form values a step shows for saved answers. */
export function formValues(step: Step, a: Answers): Record<string, unknown> {
  switch (step) {
    case 'person': {
      const d = dateParts(a.dateOfBirth);
      return {
        givenName: a.givenName,
        familyName: a.familyName,
        otherNames: a.otherNames,
        'dateOfBirth-day': d.day,
        'dateOfBirth-month': d.month,
        'dateOfBirth-year': d.year,
        gender: a.gender,
        nationality: a.nationality,
        ageGroup: a.ageGroup,
      };
    }
    case 'consent':
      return { consent: yn(a.consent) };
    case 'exploitation': {
      const f = monthParts(a.exploitationFrom);
      const t = monthParts(a.exploitationTo);
      return {
        exploitationTypes: a.exploitationTypes ?? [],
        sectors: a.sectors ?? [],
        forceArea: a.forceAreas?.[0],
        otherForceAreas: a.forceAreas?.slice(1) ?? [],
        countryOfOrigin: a.countryOfOrigin,
        transitCountries: names(a.transitCountries),
        overseasCountries: names(a.overseasCountries),
        'exploitationFrom-month': f.month,
        'exploitationFrom-year': f.year,
        exploitationOngoing: yn(a.exploitationOngoing),
        'exploitationTo-month': t.month,
        'exploitationTo-year': t.year,
      };
    }
    case 'indicators':
      return { indicators: a.indicators ?? [], account: a.account };
    case 'suspects':
      return { suspects: (a.suspects ?? []).join('\n'), phones: (a.phones ?? []).join('\n'), vehicles: (a.vehicles ?? []).join('\n'), addresses: (a.addresses ?? []).join('\n') };
    case 'child': {
      const d = dateParts(a.laNotifiedOn);
      const known = LOCAL_AUTHORITIES.some((l) => l.code === a.localAuthority);
      return {
        localAuthority: a.localAuthority ? (known ? a.localAuthority : 'other') : undefined,
        localAuthorityOther: known ? '' : a.localAuthority,
        'laNotifiedOn-day': d.day,
        'laNotifiedOn-month': d.month,
        'laNotifiedOn-year': d.year,
        ictgReferred: yn(a.ictgReferred),
        missingFromCare: yn(a.missingFromCare),
      };
    }
    default:
      return {};
  }
}

/** Posted values, shaped for re-display after an error (checkbox groups as lists). */
function postedValues(form: Form): Record<string, unknown> {
  const out: Record<string, unknown> = { ...form };
  for (const k of ['exploitationTypes', 'sectors', 'otherForceAreas', 'indicators']) {
    const v = form[k];
    out[k] = Array.isArray(v) ? v : v ? [v] : [];
  }
  return out;
}

const countriesSorted = allCountries();
const nationalityItems = [
  { value: '', text: 'Select a nationality' },
  ...COMMON_NATIONALITIES.map((c) => ({ value: c, text: countryName(c) })),
  { value: UNKNOWN_NATIONALITY, text: 'Not known' },
  { value: '-', text: '── All countries ──', disabled: true },
  ...countriesSorted.filter((c) => !COMMON_NATIONALITIES.includes(c.code)).map((c) => ({ value: c.code, text: c.name })),
];
const originItems = [{ value: '', text: 'Not known' }, ...countriesSorted.map((c) => ({ value: c.code, text: c.name }))];
const forceItems = [{ value: '', text: 'Select a force area' }, ...FORCE_AREAS.map((f) => ({ value: f.code, text: f.name }))];

function stepData(step: Step, a: Answers) {
  const common = { genderItems: GENDERS.map((g) => ({ value: g.code, text: g.label })) };
  switch (step) {
    case 'person':
      return { ...common, nationalityItems };
    case 'exploitation':
      return {
        exploitationItems: exploitationTypes.map((t) => ({ value: t.code, text: t.label, hint: { text: t.examples.slice(0, 3).join(', ') || t.description } })),
        sectorItems: SECTORS.map((s) => ({ value: s.code, text: s.label })),
        forceItems,
        otherForceItems: FORCE_AREAS.map((f) => ({ value: f.code, text: f.name })),
        originItems,
      };
    case 'indicators':
      return { indicatorGroups: indicatorGroups.map((g) => ({ code: g.code, label: g.label, items: g.items.map((i) => ({ value: i.code, text: i.label })) })) };
    case 'child':
      return {
        laItems: LOCAL_AUTHORITIES.map((l) => ({ value: l.code, text: l.name })),
        ictgArea: ictgAvailable(a.forceAreas?.[0]),
        forceAreaName: forceName(a.forceAreas?.[0]) || 'this area',
      };
    default:
      return {};
  }
}

function caption(step: Step, a: Answers) {
  const steps: Step[] = stepsFor(a).filter((s) => s !== 'check');
  const i = steps.indexOf(step);
  const what = isDtn(a) ? 'Duty to Notify' : 'Referral';
  return i >= 0 ? `${what}: page ${i + 1} of ${steps.length}` : what;
}

/** The check-your-answers sections (values as lines of text; the template escapes them). */
export function checkSections(a: Answers, draftId: string) {
  const href = (s: Step) => `/referrals/drafts/${draftId}/${s}?change=1`;
  const dtn = isDtn(a);
  const sections: { title: string; href: string; rows: { key: string; lines: string[] }[] }[] = [];
  const person: { key: string; lines: string[] }[] = [];
  if (!dtn) {
    person.push({ key: 'Name', lines: [[a.givenName, a.familyName].filter(Boolean).join(' ')].filter(Boolean) });
    if (a.otherNames) person.push({ key: 'Other names', lines: [a.otherNames] });
    person.push({ key: 'Date of birth', lines: a.dateOfBirth ? [formatIsoDate(a.dateOfBirth)] : [] });
  }
  person.push({ key: 'Age when exploited', lines: a.ageGroup ? [ageGroupLabel(a.ageGroup)] : [] });
  person.push({ key: 'Gender', lines: a.gender ? [genderLabel(a.gender)] : [] });
  person.push({ key: 'Nationality', lines: a.nationality ? [countryName(a.nationality)] : [] });
  sections.push({ title: STEP_TITLES.person, href: href('person'), rows: person });
  if (a.ageGroup !== 'child') {
    sections.push({
      title: STEP_TITLES.consent,
      href: href('consent'),
      rows: [{ key: 'Consents to an NRM referral', lines: a.consent === undefined ? [] : [a.consent ? 'Yes' : 'No: Duty to Notify'] }],
    });
  }
  const when = [a.exploitationFrom ? `From ${a.exploitationFrom}` : '', a.exploitationOngoing ? 'still happening' : a.exploitationTo ? `to ${a.exploitationTo}` : ''].filter(Boolean).join(' ');
  sections.push({
    title: STEP_TITLES.exploitation,
    href: href('exploitation'),
    rows: [
      { key: 'Type', lines: (a.exploitationTypes ?? []).map(exploitationLabel) },
      { key: 'Where or what work', lines: (a.sectors ?? []).map(sectorLabel) },
      { key: 'Force areas', lines: (a.forceAreas ?? []).map((f) => forceName(f)) },
      { key: 'Route', lines: [[a.countryOfOrigin, ...(a.transitCountries ?? [])].filter((c): c is string => !!c).map(countryName).join(' → ')].filter(Boolean) },
      { key: 'Exploited overseas in', lines: (a.overseasCountries ?? []).map(countryName) },
      { key: 'When', lines: when ? [when] : [] },
    ],
  });
  const byGroup = indicatorGroups
    .map((g) => ({ g, items: (a.indicators ?? []).filter((c) => c.startsWith(`${g.code}.`)).map((c) => indicatorByCode(c)?.label ?? c) }))
    .filter((x) => x.items.length);
  sections.push({
    title: STEP_TITLES.indicators,
    href: href('indicators'),
    rows: [
      { key: 'Indicators', lines: byGroup.map((x) => `${x.g.label}: ${x.items.join('; ')}`) },
      ...(dtn ? [] : [{ key: 'What you saw and heard', lines: a.account ? [a.account] : [] }]),
    ],
  });
  sections.push({
    title: STEP_TITLES.suspects,
    href: href('suspects'),
    rows: [
      { key: 'Suspected exploiters', lines: a.suspects ?? [] },
      { key: 'Phone numbers', lines: a.phones ?? [] },
      { key: 'Vehicles', lines: a.vehicles ?? [] },
      { key: 'Addresses', lines: a.addresses ?? [] },
    ],
  });
  if (a.ageGroup === 'child') {
    const la = LOCAL_AUTHORITIES.find((l) => l.code === a.localAuthority)?.name ?? a.localAuthority;
    sections.push({
      title: STEP_TITLES.child,
      href: href('child'),
      rows: [
        { key: "Children's services notified", lines: la ? [`${la}${a.laNotifiedOn ? `, ${formatIsoDate(a.laNotifiedOn)}` : ''}`] : [] },
        {
          key: 'Independent Child Trafficking Guardian',
          lines: ictgAvailable(a.forceAreas?.[0]) ? (a.ictgReferred === undefined ? [] : [a.ictgReferred ? 'Requested' : 'Not requested']) : ['No ICTG service in this area'],
        },
        { key: 'Missing from care now', lines: a.missingFromCare === undefined ? [] : [a.missingFromCare ? 'Yes' : 'No'] },
      ],
    });
  }
  return sections;
}

function draftLabel(a: Answers) {
  const who = isDtn(a) ? 'Duty to Notify' : [a.givenName, a.familyName].filter(Boolean).join(' ') || 'Referral';
  const types = (a.exploitationTypes ?? []).map(exploitationLabel).join(', ');
  return [who, a.ageGroup ? ageGroupLabel(a.ageGroup).toLowerCase() : '', types].filter(Boolean).join(', ');
}

async function loadDraft(ctx: AppContext, req: FastifyRequest, id: string) {
  const d = await getDraft(ctx.db, id, req.principal!.userId);
  if (!d) throw notFound('draft');
  await ctx.audit.record(actorFrom(req), { action: 'referrals.draft.read', entityKind: 'referral_draft', entityId: d.id, purpose: 'referral' });
  return d;
}

function questionStep(step: string): Step {
  if (!isStep(step) || step === 'check' || !(QUESTION_STEPS as string[]).includes(step)) throw notFound('page');
  return step;
}

/**
 * Saves one question page into the draft, in one transaction with its audit record (the step, never what was
 * typed). Continue keeps every valid answer and returns the page's problems to show; an autosave refuses the
 * whole page, writing nothing, when an answer given breaks a rule (unanswered questions are fine).
 */
async function savePage(ctx: AppContext, req: FastifyRequest, draftId: string, step: Step, form: Form, how: 'continue' | 'autosave') {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await getDraft(trx, draftId, req.principal!.userId);
    if (!d) throw notFound('draft');
    const page = readPage(step, form, d.answers, todayInUk());
    if (how === 'autosave') {
      const problems = autosaveProblems(step, form, page);
      if (problems.length) throw validationFailed(problems);
    }
    const merged = mergePage(d.answers, page);
    const savedAt = new Date();
    await saveDraft(trx, d.id, req.principal!.userId, merged, step);
    // Only the page saved is audited, never what was typed on it.
    await ctx.audit.append(trx, actorFrom(req), [
      { action: 'referrals.draft.saved', entityKind: 'referral_draft', entityId: d.id, detail: how === 'autosave' ? { step, autosave: true } : { step } },
    ]);
    return { answers: merged, errors: page.errors, savedAt };
  });
}

function renderStep(reply: FastifyReply, draftId: string, step: Step, a: Answers, extra: Record<string, unknown>) {
  const prev = previousStep(step, a);
  return reply.page('referrals/views/question.njk', {
    title: STEP_TITLES[step],
    caption: caption(step, a),
    step,
    dtn: isDtn(a),
    action: `/referrals/drafts/${draftId}/${step}`,
    autosaveAction: `/referrals/drafts/${draftId}/${step}/autosave`,
    backLink: prev ? `/referrals/drafts/${draftId}/${prev}` : '/referrals/new',
    ...stepData(step, a),
    ...extra,
  });
}

export async function journeyPages(app: FusionApp, ctx: AppContext) {
  app.get('/referrals/new', { config: { access: 'referrals.refer', page: true }, schema: { hide: true } }, async (req, reply) => {
    // Drafts are not kept for ever: an abandoned one may hold a name that was never submitted.
    await ctx.db.transaction().execute(async (trx) => {
      const purged = await purgeStaleDrafts(trx);
      if (purged) await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.purged', entityKind: 'referral_draft', detail: { count: purged, olderThanDays: DRAFT_RETENTION_DAYS } }]);
    });
    const drafts = await listDrafts(ctx.db, req.principal!.userId);
    return reply.page('referrals/views/new.njk', {
      title: 'Refer a potential victim',
      drafts: drafts.map((d) => ({ label: draftLabel(d.answers), updatedAt: d.updatedAt, href: `/referrals/drafts/${d.id}/${d.lastStep && isStep(d.lastStep) ? d.lastStep : 'person'}` })),
      retentionDays: DRAFT_RETENTION_DAYS,
      flash: (req.query as { saved?: string }).saved ? 'Your draft is saved. Carry on from your drafts below.' : undefined,
    });
  });

  app.post('/referrals/drafts', { config: { access: 'referrals.refer', page: true }, schema: { hide: true, body: FormBody.optional() } }, async (req, reply) => {
    await svc.assertMayRefer(ctx.db, req.principal!);
    const d = await ctx.db.transaction().execute(async (trx) => {
      const created = await createDraft(trx, req.principal!.userId, req.principal!.agencyCode);
      await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.created', entityKind: 'referral_draft', entityId: created.id }]);
      return created;
    });
    return reply.redirect(`/referrals/drafts/${d.id}/person`, 303);
  });

  app.get(
    '/referrals/drafts/:id/check',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams } },
    async (req, reply) => renderCheck(ctx, req, reply, await loadDraft(ctx, req, req.params.id), []),
  );

  app.get(
    '/referrals/drafts/:id/:step',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams.extend({ step: z.string().max(20) }), querystring: z.object({ change: z.string().max(2).optional() }) } },
    async (req, reply) => {
      const d = await loadDraft(ctx, req, req.params.id);
      const step = req.params.step;
      if (!isStep(step) || step === 'check' || !stepsFor(d.answers).includes(step)) return reply.redirect(`/referrals/drafts/${d.id}/check`, 303);
      const notices = step === 'person' ? await unacknowledgedNotices(ctx.db, req.principal!.userId, todayInUk()) : [];
      return renderStep(reply, d.id, step, d.answers, { values: formValues(step, d.answers), change: !!req.query.change, notices });
    },
  );

  app.post(
    '/referrals/drafts/:id/:step',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams.extend({ step: z.string().max(20) }), body: FormBody } },
    async (req, reply) => {
      const step = questionStep(req.params.step);
      const form = req.body as Form;
      const { answers, errors } = await savePage(ctx, req, req.params.id, step, form, 'continue');
      const saveOnly = form.action === 'save';
      if (saveOnly) return reply.redirect('/referrals/new?saved=1', 303);
      if (errors.length) {
        const values = { ...formValues(step, answers), ...postedValues(form) };
        // Identity typed on the page of an adult who has declined is not shown back.
        if (isDtn(answers)) for (const k of ['givenName', 'familyName', 'otherNames', 'account']) delete values[k];
        return renderStep(reply.status(422), req.params.id, step, answers, {
          values,
          change: !!form.change,
          errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
          fieldErrors: errorMap(errors),
        });
      }
      // A change returns to the check page, which points to any page the change has made necessary.
      const next = form.change ? 'check' : nextStep(step, answers);
      return reply.redirect(`/referrals/drafts/${req.params.id}/${next}`, 303);
    },
  );

  // The page's script saves what is typed a few seconds after each change (and when the tab is hidden), so a
  // time-out or a lost connection never costs more than those seconds. Unanswered questions are allowed; an answer
  // that breaks a rule refuses the whole save (422, fields named) and changes nothing. JSON in and out.
  app.post(
    '/referrals/drafts/:id/:step/autosave',
    { config: { access: 'referrals.refer' }, schema: { hide: true, params: DraftParams.extend({ step: z.string().max(20) }), body: FormBody } },
    async (req) => {
      const step = questionStep(req.params.step);
      const saved = await savePage(ctx, req, req.params.id, step, req.body as Form, 'autosave');
      return { saved: true, step, savedAt: saved.savedAt.toISOString() };
    },
  );

  app.post(
    '/referrals/drafts/:id/submit',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams, body: FormBody.optional() } },
    async (req, reply) => {
      const d = await loadDraft(ctx, req, req.params.id);
      const form = (req.body ?? {}) as Form;
      try {
        const out = await svc.submitReferral(ctx, caller(req), d.answers, { draftId: d.id, acknowledgeNotices: form.acknowledgeNotices === 'yes' });
        return reply.redirect(`/referrals/${out.id}/submitted`, 303);
      } catch (e) {
        if (e instanceof AppError && (e.status === 422 || e.status === 409)) return renderCheck(ctx, req, reply.status(422), d, e.fields);
        throw e;
      }
    },
  );

  app.post(
    '/referrals/drafts/:id/delete',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams, body: FormBody.optional() } },
    async (req, reply) => {
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await deleteDraft(trx, req.params.id, req.principal!.userId))) throw notFound('draft');
        await ctx.audit.append(trx, actorFrom(req), [{ action: 'referrals.draft.discarded', entityKind: 'referral_draft', entityId: req.params.id }]);
      });
      return reply.redirect('/referrals/new', 303);
    },
  );

  app.get(
    '/referrals/:id/submitted',
    { config: { access: 'referrals.refer', page: true }, schema: { hide: true, params: DraftParams } },
    async (req, reply) => {
      const r = await svc.visibleReferral(ctx, req.principal!, req.params.id);
      const facts = await listReferralFacts(ctx.db, { referralIds: [r.id] });
      const f = facts[0];
      const partners = f
        ? partnerAdvice(
            factsFromAnswers({
              nationality: f.nationality,
              ageGroup: f.ageGroup as 'adult' | 'child',
              exploitationTypes: f.exploitationTypes,
              sectors: f.sectors,
              countryOfOrigin: f.countryOfOrigin ?? undefined,
              transitCountries: f.transitCountries,
              overseasCountries: f.overseasCountries,
            }),
          ).slice(0, 6)
        : [];
      return reply.page('referrals/views/submitted.njk', { title: r.kind === 'dtn' ? 'Duty to Notify recorded' : 'Referral submitted', r, partners, recoveryDays: ctx.config.recoveryPeriodDays });
    },
  );
}

async function renderCheck(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, d: { id: string; answers: Answers }, extraErrors: FieldError[]) {
  const a = d.answers;
  const problems = [...checkAnswers(a, todayInUk()), ...extraErrors.filter((e) => !FIELD_STEP[e.field] || e.field === 'acknowledgeNotices')];
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    if (seen.has(p.field)) return false;
    seen.add(p.field);
    return true;
  });
  const notices = await unacknowledgedNotices(ctx.db, req.principal!.userId, todayInUk());
  return reply.page('referrals/views/check.njk', {
    title: 'Check your answers',
    caption: isDtn(a) ? 'Duty to Notify' : 'Referral',
    outcome: outcomeOf(a),
    ageGroup: a.ageGroup,
    sections: checkSections(a, d.id),
    notices,
    submitAction: `/referrals/drafts/${d.id}/submit`,
    deleteAction: `/referrals/drafts/${d.id}/delete`,
    backLink: `/referrals/drafts/${d.id}/${stepsFor(a).filter((s) => s !== 'check').pop()}`,
    errors: unique.map((e) => ({
      text: e.message,
      href: FIELD_STEP[e.field] ? `/referrals/drafts/${d.id}/${FIELD_STEP[e.field]}?change=1#${e.field}` : `#${e.field}`,
    })),
    fieldErrors: errorMap(unique),
    agency: agencyName(req.principal!.agencyCode),
  });
}
