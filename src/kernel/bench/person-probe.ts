import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { decideHit, decideRecord, explainAccess, type HandlingConditions, hitNoHit, type RecordMeta, redact } from '../access/policy.js';
import { requirePurpose } from '../access/purpose.js';
import type { Capability } from '../capability.js';
import { refused, notFound } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { actorFrom } from '../http/server.js';
import type { AgencyType } from '../reference/agencies.js';

/**
 * A person-like record kind used by `fusion bench read` and the kernel's access-matrix and retention tests. It is
 * never part of the running service: its capability is added only by the bench and those tests, and its table is
 * created in their scratch databases. Its read route does exactly what a real person read does: principal from
 * the token (onRequest), route permission (preValidation), load the record, decideRecord, redact, audit.
 */
export const PROBE_KIND = 'probe_person';
export const PROBE_TABLE = 'probe_people';

export async function createProbeTable(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS probe_people (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    given_name text NOT NULL,
    family_name text NOT NULL,
    date_of_birth date,
    nationality text,
    owning_agency_code text NOT NULL,
    owning_agency_type text NOT NULL,
    handling_code text NOT NULL DEFAULT 'P' CHECK (handling_code IN ('P', 'C')),
    conditions jsonb,
    review_date date
  )`.execute(db);
}

export interface ProbePerson {
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  nationality: string | null;
  owning_agency_code: string;
  owning_agency_type: string;
  handling_code: 'P' | 'C';
  conditions: HandlingConditions | null;
  review_date: string | null;
}

export async function insertProbePeople(db: Kysely<any>, people: ProbePerson[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 1000) {
    const rows = await db
      .insertInto(PROBE_TABLE)
      .values(people.slice(i, i + 1000).map((p) => ({ ...p, conditions: p.conditions ? JSON.stringify(p.conditions) : null })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r: { id: string }) => r.id));
  }
  return ids;
}

const PersonOut = z.object({
  id: z.string(),
  reference: z.string(),
  given_name: z.string(),
  family_name: z.string(),
  date_of_birth: z.string().nullable(),
  nationality: z.string().nullable(),
  owning_agency_code: z.string(),
  handling_code: z.enum(['P', 'C']),
});
const Refusal = ErrorResponse.extend({ match: z.object({ contact: z.string(), message: z.string() }).optional() });

export const personProbe: Capability = {
  name: 'probe',
  title: 'Person probe (benchmarks and tests only)',
  permissions: {
    'probe.people.read': { roles: ['intelligence_officer', 'analyst', 'supervisor'], description: 'Read a person record', scope: 'probe' },
  },
  fieldRules: {
    [PROBE_KIND]: { fields: ['given_name', 'family_name', 'date_of_birth'], roles: ['intelligence_officer'], ownerSees: true },
  },
  retention: [
    { kind: PROBE_KIND, label: 'Probe people', table: PROBE_TABLE, idColumn: 'id', reviewColumn: 'review_date', agencyColumn: 'owning_agency_code', titleColumn: 'reference' },
  ],
  routes(app, ctx) {
    app.get(
      '/api/v1/probe/people/:id',
      {
        config: { access: 'probe.people.read' },
        schema: {
          tags: ['probe'],
          summary: 'One person (benchmarks and tests only)',
          params: z.object({ id: z.uuid() }),
          response: { 200: PersonOut, 403: Refusal, 404: ErrorResponse },
        },
      },
      async (req, reply) => {
        const p = req.principal!;
        const row = (await ctx.db
          .selectFrom(PROBE_TABLE as any)
          .select(['id', 'reference', 'given_name', 'family_name', 'date_of_birth', 'nationality', 'owning_agency_code', 'owning_agency_type', 'handling_code', 'conditions'])
          .where('id', '=', req.params.id)
          .executeTakeFirst()) as (ProbePerson & { id: string }) | undefined;
        if (!row) throw notFound('person');
        const meta: RecordMeta = {
          kind: PROBE_KIND,
          id: row.id,
          owningAgencyCode: row.owning_agency_code,
          owningAgencyType: row.owning_agency_type as AgencyType,
          handlingCode: row.handling_code,
          conditions: row.conditions,
        };
        const decision = decideRecord(p, meta, { agreements: ctx.agreements.all() });
        const purpose = decision.allow ? await requirePurpose(req, reply, PROBE_KIND, row.id) : undefined;
        if (!decision.allow) {
          await ctx.audit.record(actorFrom(req), { action: 'probe.person.refused', entityKind: PROBE_KIND, entityId: row.id, outcome: 'refused', detail: { rule: decision.rule } });
          const err = refused(decision);
          if (!decideHit(p, meta).allow) throw err;
          const hit = hitNoHit(meta, row.owning_agency_code);
          return reply.status(403).send({ ...err.toJSON(), match: { contact: hit.contact, message: hit.message } });
        }
        const { owning_agency_type: _t, conditions: _c, ...visible } = redact(p, meta, row as unknown as Record<string, unknown>) as unknown as ProbePerson & { id: string };
        await ctx.audit.record(actorFrom(req), { action: 'probe.person.read', entityKind: PROBE_KIND, entityId: row.id, purpose, detail: { rule: decision.rule } });
        return visible;
      },
    );

    // The read's path without the database (`fusion bench read --breakdown`): the same token, route permission,
    // parameter validation and record decision, on a record held in memory. It answers only the
    // decision, no personal data, so it has nothing to audit; it shows what the HTTP and access stack costs alone.
    const inMemory = (id: string): RecordMeta => ({ kind: PROBE_KIND, id, owningAgencyCode: 'met', owningAgencyType: 'police_force', handlingCode: 'P', conditions: null });
    app.get(
      '/api/v1/probe/decisions/:id',
      {
        config: { access: 'probe.people.read' },
        schema: {
          tags: ['probe'],
          summary: 'The access decision on an in-memory person record (benchmarks and tests only)',
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ allow: z.boolean(), rule: z.string() }) },
        },
      },
      async (req) => {
        const decision = decideRecord(req.principal!, inMemory(req.params.id), { agreements: ctx.agreements.all() });
        return { allow: decision.allow, rule: decision.rule };
      },
    );

    // The same read as a page: asks for the purpose first and explains "Why can I see this?".
    app.get(
      '/probe/people/:id',
      { config: { access: 'probe.people.read', page: true }, schema: { hide: true, params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const p = req.principal!;
        const row = (await ctx.db.selectFrom(PROBE_TABLE as any).selectAll().where('id', '=', req.params.id).executeTakeFirst()) as
          | (ProbePerson & { id: string })
          | undefined;
        if (!row) throw notFound('person');
        const meta: RecordMeta = {
          kind: PROBE_KIND,
          id: row.id,
          owningAgencyCode: row.owning_agency_code,
          owningAgencyType: row.owning_agency_type as AgencyType,
          handlingCode: row.handling_code,
          conditions: row.conditions,
        };
        const decision = decideRecord(p, meta, { agreements: ctx.agreements.all() });
        if (!decision.allow) {
          await ctx.audit.record(actorFrom(req), { action: 'probe.person.refused', entityKind: PROBE_KIND, entityId: row.id, outcome: 'refused', detail: { rule: decision.rule } });
          throw refused(decision);
        }
        const purpose = await requirePurpose(req, reply, PROBE_KIND, row.id);
        const person = redact(p, meta, row as unknown as Record<string, unknown>);
        await ctx.audit.record(actorFrom(req), { action: 'probe.person.read', entityKind: PROBE_KIND, entityId: row.id, purpose, detail: { rule: decision.rule } });
        const why = explainAccess(p, meta, { agreements: ctx.agreements.all(), action: 'probe.people.read', purposeGiven: { purpose } });
        return reply.page('kernel/bench/person.njk', { title: `Person ${row.reference}`, person, why });
      },
    );
  },
};
