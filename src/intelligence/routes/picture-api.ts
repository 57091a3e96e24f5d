import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { IsoDate } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { countryName } from '../countries.js';
import { byForce, flows, overTime, transitCounts } from '../model/picture.js';
import { debriefRoutes, referralRoutes } from '../store/picture.js';

export const PictureQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  threat: z.enum(['msht', 'oic']).optional(),
  source: z.enum(['all', 'debriefs', 'referrals']).default('all'),
  period: z.enum(['year', 'quarter']).default('year'),
});
export type PictureQuery = z.infer<typeof PictureQuery>;

export async function picture(
  ctx: AppContext,
  principal: NonNullable<import('fastify').FastifyRequest['principal']>,
  q: PictureQuery,
) {
  const records = [
    ...(q.source !== 'referrals' ? await debriefRoutes(ctx, principal, q) : []),
    ...(q.source !== 'debriefs' ? await referralRoutes(ctx, principal, q) : []),
  ];
  return {
    records: records.length,
    fromDebriefs: records.filter((r) => r.source === 'debrief').length,
    fromReferrals: records.filter((r) => r.source === 'referral').length,
    flow: flows(records),
    sourcesOverTime: overTime(records, (r) => (r.origin ? countryName(r.origin) : null), q.period),
    crossingsOverTime: overTime(
      records.filter((r) => r.source === 'debrief'),
      (r) => r.crossing,
      q.period,
    ),
    transit: transitCounts(records),
    byForce: [...byForce(records).entries()].map(([force, n]) => ({ force, n })).sort((a, b) => b.n - a.n),
  };
}

export function pictureApi(app: FusionApp, ctx: AppContext) {
  app.get(
    '/api/v1/intelligence-routes',
    {
      config: { access: 'intelligence.picture.read' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Routes and source countries from debriefs and referral facts you may see: flows, change over time, transit countries and UK force areas',
        querystring: PictureQuery,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => {
      const p = await picture(ctx, req.principal!, req.query);
      await ctx.audit.record(actorFrom(req), {
        action: 'intelligence.picture.read',
        detail: { records: p.records },
      });
      return p;
    },
  );
}
