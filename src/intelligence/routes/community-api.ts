import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { ErrorResponse } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { LANGUAGES } from '../i18n/i18n.js';
import { parseIfMatch } from '../model/versioning.js';
import {
  createPoster,
  listPosters,
  listSubmissions,
  loadSubmission,
  triageSubmission,
} from '../store/community.js';
import { KIND_COMMUNITY } from '../visibility.js';

export function communityApi(app: FusionApp, ctx: AppContext) {
  app.get(
    '/api/v1/community-submissions',
    {
      config: { access: 'intelligence.community.triage' },
      schema: {
        tags: ['community'],
        summary: 'The triage queue: community intelligence received by your force',
        querystring: z.object({
          status: z.enum(['new', 'converted', 'rejected']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      const res = await listSubmissions(ctx, req.principal!, f, { limit, offset });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.community.list',
        entityKind: KIND_COMMUNITY,
        detail: { count: res.rows.length },
      });
      return {
        total: res.total,
        items: res.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          concern: r.concern,
          language: r.language,
          whatHappened: r.what_happened,
          place: r.place,
          receivedAt: new Date(r.received_at).toISOString(),
          status: r.status,
          reportId: r.report_id,
          poster: r.poster_name,
          version: r.version,
        })),
      };
    },
  );

  app.get(
    '/api/v1/community-submissions/:id',
    {
      config: { access: 'intelligence.community.triage' },
      schema: {
        tags: ['community'],
        summary: 'One community submission',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.record(z.string(), z.unknown()), 404: ErrorResponse },
      },
    },
    async (req) => {
      const s = await loadSubmission(ctx, req.principal!, req.params.id);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.community.read',
        entityKind: KIND_COMMUNITY,
        entityId: s.id,
        purpose: 'triage',
      });
      return {
        ...s,
        received_at: new Date(s.received_at).toISOString(),
        triaged_at: s.triaged_at ? new Date(s.triaged_at).toISOString() : null,
      };
    },
  );

  app.post(
    '/api/v1/community-submissions/:id/triage',
    {
      config: { access: 'intelligence.community.triage' },
      schema: {
        tags: ['community'],
        summary: 'Convert a submission into a draft intelligence report to grade, or reject it with a reason',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          action: z.enum(['convert', 'reject']),
          note: z.string().trim().max(2000).optional(),
        }),
        response: {
          200: z.object({ reportId: z.string().nullable(), version: z.number() }),
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (req) =>
      triageSubmission(ctx, req.principal!, actorFrom(req), req.params.id, {
        ...req.body,
        expectedVersion: parseIfMatch(req.headers['if-match']),
      }),
  );

  app.get(
    '/api/v1/poster-locations',
    {
      config: { access: 'intelligence.posters.manage' },
      schema: {
        tags: ['community'],
        summary: 'Poster locations (each has a QR code to the public form)',
        response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (req) => ({
      items: (await listPosters(ctx, req.principal!)).map((p) => ({
        code: p.code,
        name: p.name,
        description: p.description,
        force: p.force_code,
        languages: p.languages,
        poster: `/community/posters/${p.code}`,
        qr: `/community/posters/${p.code}/qr.svg`,
      })),
    }),
  );

  app.post(
    '/api/v1/poster-locations',
    {
      config: { access: 'intelligence.posters.manage' },
      schema: {
        tags: ['community'],
        summary: 'Add a poster location',
        body: z.object({
          name: z.string().trim().min(1).max(120),
          description: z.string().trim().max(500).optional(),
          forceCode: z.string().trim().min(1).max(60),
          languages: z
            .array(z.enum(LANGUAGES))
            .max(10)
            .default([...LANGUAGES]),
        }),
        response: { 201: z.object({ code: z.string(), poster: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const code = await createPoster(ctx, req.principal!, actorFrom(req), req.body);
      return reply.status(201).send({ code, poster: `/community/posters/${code}` });
    },
  );
}
