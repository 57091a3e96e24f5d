import { z } from 'zod';
import { redact } from '../../kernel/access/policy.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { ErrorResponse, IsoDate } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { agencyName } from '../agencies.js';
import { toCountryCode } from '../countries.js';
import { preconditionRequired } from '../db.js';
import { StaleResponse } from '../dto.js';
import { DEBRIEF_STATUSES, DebriefPatch, DebriefPlanInput, SubjectIdentityInput } from '../model/debrief.js';
import { etagOf, parseIfMatch } from '../model/versioning.js';
import {
  coordinationCheck,
  createClaim,
  debriefDto,
  debriefMeasures,
  debriefsByAgency,
  listClaims,
  listDebriefs,
  loadLegs,
  planDebrief,
  recordArrivals,
  releaseClaim,
  updateDebrief,
  visibleDebrief,
} from '../store/debriefs.js';
import { KIND_DEBRIEF, metaOf } from '../visibility.js';

const Id = z.object({ id: z.uuid() });

export const CoordinationDto = z.object({
  checkedAt: z.string(),
  claimedByOther: z.boolean(),
  seenElsewhere: z.boolean(),
  matches: z.array(
    z.object({
      kind: z.enum(['debrief', 'claim']),
      agencyCode: z.string(),
      agencyName: z.string(),
      visible: z.boolean(),
      ownAgency: z.boolean(),
      id: z.string().nullable(),
      reference: z.string().nullable(),
      status: z.string().nullable(),
      date: z.string().nullable(),
      score: z.number(),
      reasons: z.array(z.string()),
      message: z.string(),
    }),
  ),
});

const CoordinationError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
    coordination: CoordinationDto,
  }),
});

const DebriefDto = z
  .object({
    id: z.string(),
    reference: z.string(),
    owningAgency: z.object({ code: z.string(), name: z.string() }),
    subjectType: z.string(),
    subject: z.object({
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      nationality: z.string().nullable(),
    }),
    status: z.string(),
    version: z.number(),
  })
  .passthrough();

export function debriefsApi(app: FusionApp, ctx: AppContext) {
  app.post(
    '/api/v1/debrief-coordination/check',
    {
      config: { access: 'intelligence.debriefs.coordinate' },
      schema: {
        tags: ['debriefs'],
        summary:
          'Before planning a debrief: has any agency already debriefed, approached or claimed this person (matched by person, not spelling)?',
        body: SubjectIdentityInput,
        response: { 200: CoordinationDto, 400: ErrorResponse },
      },
    },
    async (req) => {
      const nationality = toCountryCode(req.body.nationality) ?? req.body.nationality ?? null;
      const result = await coordinationCheck(ctx, req.principal!, { ...req.body, nationality });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.coordination-check',
        entityKind: KIND_DEBRIEF,
        purpose: 'debrief coordination',
        detail: { matches: result.matches.length, claimed: result.claimedByOther },
      });
      return result;
    },
  );

  app.get(
    '/api/v1/debriefs',
    {
      config: { access: 'intelligence.debriefs.read' },
      schema: {
        tags: ['debriefs'],
        summary: 'Debriefs you may see',
        querystring: z.object({
          status: z.enum(DEBRIEF_STATUSES).optional(),
          subjectType: z.enum(['victim', 'migrant', 'offender']).optional(),
          owner: z.string().max(60).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      const res = await listDebriefs(ctx, req.principal!, f, { limit, offset });
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.list',
        entityKind: KIND_DEBRIEF,
        detail: { filters: f, ids: res.rows.slice(0, 100).map((r) => r.id) },
      });
      return {
        total: res.total,
        items: res.rows.map((r) => {
          const v = redact(req.principal!, metaOf(KIND_DEBRIEF, r), {
            given_name: r.given_name,
            family_name: r.family_name,
            date_of_birth_text: r.date_of_birth_text,
          });
          return {
            id: r.id,
            reference: r.reference,
            owningAgency: r.owning_agency_code,
            subjectType: r.subject_type,
            givenName: v.given_name,
            familyName: v.family_name,
            dateOfBirth: v.date_of_birth_text,
            nationality: r.nationality,
            status: r.status,
            plannedOn: r.planned_on ? String(r.planned_on).slice(0, 10) : null,
            debriefedOn: r.debriefed_on ? String(r.debriefed_on).slice(0, 10) : null,
            version: r.version,
          };
        }),
      };
    },
  );

  app.post(
    '/api/v1/debriefs',
    {
      config: { access: 'intelligence.debriefs.write' },
      schema: {
        tags: ['debriefs'],
        summary:
          'Plan a debrief. Runs the coordination check: 409 subject_claimed when another agency claimed the person; 409 coordination_warning when debriefed or approached elsewhere unless acknowledgeMatches',
        body: DebriefPlanInput,
        response: {
          201: z.object({ id: z.string(), reference: z.string(), coordination: CoordinationDto }),
          409: CoordinationError,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await planDebrief(ctx, req.principal!, actorFrom(req), req.body)),
  );

  app.get(
    '/api/v1/debriefs/:id',
    {
      config: { access: 'intelligence.debriefs.read' },
      schema: {
        tags: ['debriefs'],
        summary: 'One debrief in the standard structure',
        params: Id,
        response: { 200: DebriefDto, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await visibleDebrief(ctx, req.principal!, req.params.id);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.debriefs.read',
        entityKind: KIND_DEBRIEF,
        entityId: row.id,
        purpose: 'intelligence',
      });
      const safe = redact(req.principal!, metaOf(KIND_DEBRIEF, row), row);
      return reply
        .header('etag', etagOf(row.version))
        .send(
          debriefDto(safe, await loadLegs(ctx.db, row.id), await agencyName(ctx, row.owning_agency_code)),
        );
    },
  );

  app.patch(
    '/api/v1/debriefs/:id',
    {
      config: { access: 'intelligence.debriefs.write' },
      schema: {
        tags: ['debriefs'],
        summary:
          'Record the approach, consent, interpreter and the four sections. Send If-Match: a stale edit is refused (412)',
        params: Id,
        body: DebriefPatch,
        response: {
          200: DebriefDto,
          404: ErrorResponse,
          412: StaleResponse,
          422: ErrorResponse,
          428: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const expected = parseIfMatch(req.headers['if-match']);
      if (expected === null) throw preconditionRequired();
      await updateDebrief(ctx, req.principal!, actorFrom(req), req.params.id, expected, req.body);
      const row = await visibleDebrief(ctx, req.principal!, req.params.id);
      return reply
        .header('etag', etagOf(row.version))
        .send(debriefDto(row, await loadLegs(ctx.db, row.id), await agencyName(ctx, row.owning_agency_code)));
    },
  );

  app.get(
    '/api/v1/subject-claims',
    {
      config: { access: 'intelligence.debriefs.coordinate' },
      schema: {
        tags: ['debriefs'],
        summary: 'Your agency’s active claims on debrief subjects',
        response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (req) => {
      const rows = await listClaims(ctx, req.principal!);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.claims.list',
        entityKind: 'subject_claim',
        detail: { count: rows.length },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          givenName: r.given_name,
          familyName: r.family_name,
          dateOfBirth: r.date_of_birth_text,
          nationality: r.nationality,
          reason: r.reason,
          expiresOn: r.expires_on,
          debriefId: r.debrief_id,
        })),
      };
    },
  );

  app.post(
    '/api/v1/subject-claims',
    {
      config: { access: 'intelligence.debriefs.coordinate' },
      schema: {
        tags: ['debriefs'],
        summary:
          'Claim a subject so no other agency approaches them (refused 409 when another agency holds a claim)',
        body: SubjectIdentityInput.extend({
          reason: z.string().trim().min(1).max(500),
          days: z.number().int().min(1).max(90).default(30),
        }),
        response: {
          201: z.object({ id: z.string(), expiresOn: z.string(), coordination: CoordinationDto }),
          409: CoordinationError,
          422: ErrorResponse,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createClaim(ctx, req.principal!, actorFrom(req), req.body)),
  );

  app.post(
    '/api/v1/subject-claims/:id/release',
    {
      config: { access: 'intelligence.debriefs.coordinate' },
      schema: {
        tags: ['debriefs'],
        summary: 'Release your agency’s claim',
        params: Id,
        response: { 204: z.null(), 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      await releaseClaim(ctx, req.principal!, actorFrom(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  const Period = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
  app.get(
    '/api/v1/debrief-measures',
    {
      config: { access: 'intelligence.measures.read' },
      schema: {
        tags: ['debriefs'],
        summary:
          'Debrief rate: arrivals, approached, agreed and debriefed by year (migrant debriefs), and debriefs by agency',
        querystring: Period,
        response: {
          200: z.object({
            years: z.array(z.record(z.string(), z.unknown())),
            byAgency: z.array(z.record(z.string(), z.unknown())),
          }),
        },
      },
    },
    async (req) => ({
      years: await debriefMeasures(ctx.db, req.query),
      byAgency: await debriefsByAgency(ctx.db, req.query),
    }),
  );

  app.post(
    '/api/v1/arrivals',
    {
      config: { access: 'intelligence.arrivals.write' },
      schema: {
        tags: ['debriefs'],
        summary: 'Record irregular arrivals by month and place (the denominator of the debrief rate)',
        body: z.object({
          rows: z
            .array(
              z.object({
                month: IsoDate,
                place: z.string().trim().min(1).max(100),
                arrivals: z.number().int().min(0).max(1_000_000),
                source: z.string().trim().min(1).max(200),
              }),
            )
            .min(1)
            .max(1000),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await recordArrivals(ctx, actorFrom(req), req.body.rows);
      return reply.status(204).send(null);
    },
  );
}
