/** The public community-intelligence form (no sign-in, five languages), posters with QR codes, and triage. */
import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import type { FieldError } from '../../kernel/errors.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencies, forces } from '../agencies.js';
import { isLanguage, LANGUAGES, type Language, languageChoices, translation } from '../i18n/i18n.js';
import {
  CONCERNS,
  checkSubmission,
  createPoster,
  createSubmission,
  listPosters,
  listSubmissions,
  loadSubmission,
  posterLocation,
  posterQrSvg,
  triageSubmission,
} from '../store/community.js';
import { KIND_COMMUNITY } from '../visibility.js';
import { errorsOf, FormBody, list, opt, PAGE_SIZE, pagination, str, withFieldErrors } from './form.js';

/** Submissions with no poster and no area go to the national Joint Fusion Cell to route. */
const NATIONAL_RECEIVER = 'nca-jfc';

function baseUrl(ctx: AppContext, req: { protocol: string; host: string }) {
  return (ctx.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
}

export function communityPages(app: FusionApp, ctx: AppContext) {
  const publicQuery = z.object({ lang: z.string().max(5).optional(), at: z.string().max(61).optional() });

  const formData = async (
    lang: Language,
    at: string | null,
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const t = translation(lang);
    const poster = await posterLocation(ctx.db, at);
    const s = t.strings;
    return {
      title: s.title,
      htmlLang: lang,
      t: s,
      reviewed: t.reviewed,
      lang,
      at: poster?.code ?? '',
      posterName: poster?.name ?? null,
      languages: languageChoices(lang).map((l) => ({
        ...l,
        href: `/report-it?lang=${l.code}${poster ? `&at=${poster.code}` : ''}`,
      })),
      concerns: CONCERNS.map((c) => ({ value: c, text: s[`concern_${c}`] })),
      forceOptions: poster
        ? []
        : [
            { value: '', text: s.areaUnknown },
            ...(await forces(ctx)).map((f) => ({ value: f.code, text: f.name })),
          ],
      values,
      ...extra,
    };
  };

  app.get(
    '/report-it',
    {
      config: { access: 'intelligence.community.submit', page: true },
      schema: { hide: true, querystring: publicQuery },
    },
    async (req, reply) => {
      const lang: Language = isLanguage(req.query.lang) ? req.query.lang : 'en';
      return reply.page('intelligence/views/report-it.njk', await formData(lang, req.query.at ?? null, {}));
    },
  );

  app.post(
    '/report-it',
    {
      config: {
        access: 'intelligence.community.submit',
        page: true,
        rateLimit: { max: 20, timeWindow: 60_000 },
      },
      schema: { hide: true, body: FormBody },
    },
    async (req, reply) => {
      const f = req.body;
      const lang: Language = isLanguage(str(f, 'lang')) ? (str(f, 'lang') as Language) : 'en';
      const t = translation(lang).strings;
      const input = {
        concern: str(f, 'concern') || undefined,
        whatHappened: str(f, 'whatHappened'),
        place: str(f, 'place'),
        whenText: str(f, 'whenText'),
        people: str(f, 'people'),
        vehicles: str(f, 'vehicles'),
        contact: str(f, 'contact'),
        contactDetails: str(f, 'contactDetails'),
        area: str(f, 'area'),
      };
      const poster = await posterLocation(ctx.db, opt(f, 'at'));
      const errs = checkSubmission(input);
      const ag = await agencies(ctx);
      const areaOk = !input.area || ag.get(input.area)?.type === 'police_force';
      if (errs.length || !areaOk) {
        const fields: FieldError[] = errs.map((e) => ({ field: e.field, message: t[e.key]! }));
        // Errors in the reader's language: the layout's own summary is English, so the page draws its own.
        const { errors, fieldErrors } = errorsOf(fields);
        return reply
          .status(400)
          .page(
            'intelligence/views/report-it.njk',
            await formData(lang, poster?.code ?? null, input, { publicErrors: errors, fieldErrors }),
          );
      }
      const forceCode = poster?.force_code ?? (input.area || NATIONAL_RECEIVER);
      const row = await createSubmission(ctx, actorFrom(req), input, {
        posterCode: poster?.code ?? null,
        language: lang,
        forceCode,
      });
      return reply.redirect(
        `/report-it/thanks?lang=${lang}&ref=${encodeURIComponent(row.reference)}${poster ? `&at=${poster.code}` : ''}`,
        303,
      );
    },
  );

  app.get(
    '/report-it/thanks',
    {
      config: { access: 'intelligence.community.submit', page: true },
      schema: { hide: true, querystring: publicQuery.extend({ ref: z.string().max(20).optional() }) },
    },
    async (req, reply) => {
      const lang: Language = isLanguage(req.query.lang) ? req.query.lang : 'en';
      const t = translation(lang);
      const ref = /^CI-\d{6}$/.test(req.query.ref ?? '') ? req.query.ref : null;
      return reply.page('intelligence/views/report-it-thanks.njk', {
        title: t.strings.thanksTitle,
        htmlLang: lang,
        t: t.strings,
        reviewed: t.reviewed,
        ref,
        againHref: `/report-it?lang=${lang}${req.query.at ? `&at=${encodeURIComponent(req.query.at)}` : ''}`,
      });
    },
  );

  // ------------------------------------------------------------------------------------------------ posters

  const postersPage = async (
    req: { principal: import('../../kernel/access/principal.js').Principal | null },
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const p = req.principal!;
    return {
      title: 'Community intelligence posters',
      posters: await listPosters(ctx, p),
      values,
      forceOptions: [
        { value: '', text: 'Choose a force' },
        ...(await forces(ctx))
          .filter((f) => p.agencyType !== 'police_force' || f.code === p.agencyCode)
          .map((f) => ({ value: f.code, text: f.name })),
      ],
      languageItems: LANGUAGES.filter((l) => l !== 'en').map((l) => ({
        value: l,
        text: `${translation(l).language}${translation(l).reviewed ? '' : ' (draft translation, not yet checked)'}`,
      })),
      ...extra,
    };
  };

  app.get(
    '/community/posters',
    { config: { access: 'intelligence.posters.manage', page: true }, schema: { hide: true } },
    async (req, reply) =>
      reply.page(
        'intelligence/views/posters.njk',
        await postersPage(req, {
          forceCode: req.principal!.agencyType === 'police_force' ? req.principal!.agencyCode : '',
          languages: LANGUAGES.filter((l) => l !== 'en'),
        }),
      ),
  );

  app.post(
    '/community/posters',
    { config: { access: 'intelligence.posters.manage', page: true }, schema: { hide: true, body: FormBody } },
    async (req, reply) => {
      const values = {
        name: str(req.body, 'name'),
        description: str(req.body, 'description'),
        forceCode: str(req.body, 'forceCode'),
        languages: list(req.body, 'languages'),
      };
      const fields: FieldError[] = [];
      if (!values.name)
        fields.push({ field: 'name', message: 'Enter the name of the place where the poster will go' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            createPoster(ctx, req.principal!, actorFrom(req), {
              ...values,
              description: values.description || null,
            }),
          );
      if (!res.ok)
        return reply
          .status(res.status)
          .page('intelligence/views/posters.njk', await postersPage(req, values, errorsOf(res.fields)));
      return reply.redirect(`/community/posters/${res.value}`, 303);
    },
  );

  app.get(
    '/community/posters/:code',
    {
      config: { access: 'intelligence.posters.manage', page: true },
      schema: { hide: true, params: z.object({ code: z.string().max(61) }) },
    },
    async (req, reply) => {
      const poster = await posterLocation(ctx.db, req.params.code);
      if (!poster) return reply.callNotFound();
      const url = `${baseUrl(ctx, req)}/report-it?at=${poster.code}`;
      const svg = (await posterQrSvg(url)).replace(
        '<svg ',
        `<svg role="img" aria-label="QR code for ${url}" `,
      );
      const langs = poster.languages.filter(isLanguage);
      return reply.page('intelligence/views/poster.njk', {
        title: `Poster: ${poster.name}`,
        poster,
        url,
        qr: svg,
        forceName: (await agencies(ctx)).get(poster.force_code)?.name ?? poster.force_code,
        lines: langs.map((l) => ({
          code: l,
          headline: translation(l).strings.posterHeadline,
          scan: translation(l).strings.posterScan,
          reviewed: translation(l).reviewed,
          language: translation(l).language,
        })),
        helpline: translation('en').strings.helpline,
        emergency: translation('en').strings.emergency,
      });
    },
  );

  app.get(
    '/community/posters/:code/qr.svg',
    {
      config: { access: 'intelligence.posters.manage' },
      schema: { hide: true, params: z.object({ code: z.string().max(61) }) },
    },
    async (req, reply) => {
      const poster = await posterLocation(ctx.db, req.params.code);
      if (!poster) return reply.callNotFound();
      return reply
        .type('image/svg+xml')
        .header('content-disposition', `inline; filename="${poster.code}.svg"`)
        .send(await posterQrSvg(`${baseUrl(ctx, req)}/report-it?at=${poster.code}`));
    },
  );

  // ------------------------------------------------------------------------------------------------ triage

  app.get(
    '/community/triage',
    {
      config: { access: 'intelligence.community.triage', page: true },
      schema: {
        hide: true,
        querystring: z.object({
          status: z.enum(['new', 'converted', 'rejected', 'all']).default('new'),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
      },
    },
    async (req, reply) => {
      const { status, page: n } = req.query;
      const res = await listSubmissions(
        ctx,
        req.principal!,
        { status: status === 'all' ? undefined : status },
        { limit: PAGE_SIZE, offset: (n - 1) * PAGE_SIZE },
      );
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.community.list',
        entityKind: KIND_COMMUNITY,
        detail: { count: res.rows.length },
      });
      return reply.page('intelligence/views/triage.njk', {
        title: 'Community intelligence to triage',
        rows: res.rows.map((r) => ({
          ...r,
          languageName: isLanguage(r.language) ? translation(r.language).language : r.language,
        })),
        total: res.total,
        status,
        pagination: pagination('/community/triage', { status }, res.total, n),
      });
    },
  );

  const triagePage = async (
    p: import('../../kernel/access/principal.js').Principal,
    id: string,
    extra: Record<string, unknown> = {},
  ) => {
    const s = await loadSubmission(ctx, p, id);
    return {
      title: `Community intelligence ${s.reference}`,
      s,
      languageName: isLanguage(s.language) ? translation(s.language).language : s.language,
      concern: translation('en').strings[`concern_${s.concern}`] ?? s.concern,
      values: {},
      ...extra,
    };
  };

  app.get(
    '/community/triage/:id',
    {
      config: { access: 'intelligence.community.triage', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const data = await triagePage(req.principal!, req.params.id);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.community.read',
        entityKind: KIND_COMMUNITY,
        entityId: req.params.id,
        purpose: 'triage',
      });
      return reply.page('intelligence/views/triage-item.njk', data);
    },
  );

  app.post(
    '/community/triage/:id',
    {
      config: { access: 'intelligence.community.triage', page: true },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: FormBody },
    },
    async (req, reply) => {
      const action = str(req.body, 'action');
      const note = opt(req.body, 'note');
      const fields: FieldError[] = [];
      if (action !== 'convert' && action !== 'reject')
        fields.push({ field: 'action', message: 'Select what to do with the submission' });
      const res = fields.length
        ? { ok: false as const, status: 400, fields }
        : await withFieldErrors(() =>
            triageSubmission(ctx, req.principal!, actorFrom(req), req.params.id, {
              action: action as 'convert' | 'reject',
              note,
            }),
          );
      if (!res.ok)
        return reply.status(res.status).page(
          'intelligence/views/triage-item.njk',
          await triagePage(req.principal!, req.params.id, {
            values: { action, note },
            ...errorsOf(res.fields),
          }),
        );
      if (res.value.reportId) return reply.redirect(`/intelligence/reports/${res.value.reportId}/edit`, 303);
      return reply.redirect('/community/triage', 303);
    },
  );
}
