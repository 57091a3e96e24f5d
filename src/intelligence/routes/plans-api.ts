import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { ErrorResponse } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { preconditionRequired } from '../db.js';
import { StaleResponse } from '../dto.js';
import { etagOf, parseIfMatch } from '../model/versioning.js';
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
  visibleProfile,
} from '../store/plans.js';

const Id = z.object({ id: z.uuid() });
const Any = z.record(z.string(), z.unknown());

export function plansApi(app: FusionApp, ctx: AppContext) {
  app.get(
    '/api/v1/collection-plans',
    {
      config: { access: 'intelligence.plans.read' },
      schema: {
        tags: ['plans'],
        summary: 'Collection plans of your agency and your force or region',
        response: { 200: z.object({ items: z.array(Any) }) },
      },
    },
    async (req) => ({
      items: await listPlans(ctx, req.principal!),
    }),
  );
  app.post(
    '/api/v1/collection-plans',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Create a collection plan with its requirements',
        body: PlanInput,
        response: { 201: z.object({ id: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await createPlan(ctx, req.principal!, actorFrom(req), req.body) }),
  );
  app.get(
    '/api/v1/collection-plans/:id',
    {
      config: { access: 'intelligence.plans.read' },
      schema: {
        tags: ['plans'],
        summary: 'A plan: requirements, linked reports, gaps and suggested reports',
        params: Id,
        response: { 200: Any, 404: ErrorResponse },
      },
    },
    async (req) => planDetail(ctx, req.principal!, req.params.id),
  );
  app.post(
    '/api/v1/collection-plans/:id/requirements',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Add a requirement to a plan',
        params: Id,
        body: RequirementInput,
        response: { 201: z.object({ id: z.string() }), 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await addRequirement(ctx, req.principal!, actorFrom(req), req.params.id, req.body) }),
  );
  app.put(
    '/api/v1/collection-requirements/:id/reports/:reportId',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Link a report to a requirement',
        params: z.object({ id: z.uuid(), reportId: z.uuid() }),
        response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      await setLink(
        ctx,
        req.principal!,
        actorFrom(req),
        { kind: 'requirement', id: req.params.id },
        req.params.reportId,
        true,
      );
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/v1/collection-requirements/:id/reports/:reportId',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Unlink a report from a requirement',
        params: z.object({ id: z.uuid(), reportId: z.uuid() }),
        response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      await setLink(
        ctx,
        req.principal!,
        actorFrom(req),
        { kind: 'requirement', id: req.params.id },
        req.params.reportId,
        false,
      );
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/problem-profiles',
    {
      config: { access: 'intelligence.plans.read' },
      schema: {
        tags: ['plans'],
        summary: 'Problem profiles of your agency and your force or region',
        response: { 200: z.object({ items: z.array(Any) }) },
      },
    },
    async (req) => ({
      items: await listProfiles(ctx, req.principal!),
    }),
  );
  app.post(
    '/api/v1/problem-profiles',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Create a problem profile',
        body: ProfileInput,
        response: { 201: z.object({ id: z.string() }), 422: ErrorResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await createProfile(ctx, req.principal!, actorFrom(req), req.body) }),
  );
  app.get(
    '/api/v1/problem-profiles/:id',
    {
      config: { access: 'intelligence.plans.read' },
      schema: {
        tags: ['plans'],
        summary:
          'A problem profile with its linked reports counted by code, area, grading and month, and the unmet collection requirements',
        params: Id,
        response: { 200: Any, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const d = await profileDetail(ctx, req.principal!, req.params.id);
      return reply.header('etag', etagOf(d.profile.version)).send(d);
    },
  );
  app.patch(
    '/api/v1/problem-profiles/:id',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Edit a problem profile (If-Match required)',
        params: Id,
        body: ProfilePatch,
        response: {
          200: z.object({ id: z.string(), version: z.number() }),
          404: ErrorResponse,
          412: StaleResponse,
          428: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const expected = parseIfMatch(req.headers['if-match']);
      if (expected === null) throw preconditionRequired();
      const version = await updateProfile(
        ctx,
        req.principal!,
        actorFrom(req),
        req.params.id,
        expected,
        req.body,
      );
      return reply.header('etag', etagOf(version)).send({ id: req.params.id, version });
    },
  );
  app.put(
    '/api/v1/problem-profiles/:id/reports/:reportId',
    {
      config: { access: 'intelligence.plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Link a report to a problem profile',
        params: z.object({ id: z.uuid(), reportId: z.uuid() }),
        response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      await visibleProfile(ctx, req.principal!, req.params.id);
      await setLink(
        ctx,
        req.principal!,
        actorFrom(req),
        { kind: 'profile', id: req.params.id },
        req.params.reportId,
        true,
      );
      return reply.status(204).send(null);
    },
  );
}
