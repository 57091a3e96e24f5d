/** Small helpers shared by the entities capability's routes and pages. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../kernel/context.js';
import { requirePurpose } from '../kernel/access/purpose.js';
import { NeedToKnow } from './need-to-know.js';
import { agencyDirectory } from './store.js';

export async function needToKnow(ctx: AppContext, req: FastifyRequest, opts: { onward?: boolean } = {}): Promise<NeedToKnow> {
  return new NeedToKnow(req.principal!, ctx, await agencyDirectory(ctx.db), opts.onward ?? false);
}

/** The reason for access the user gave for this person (asked once per record, session and hour). */
export async function purposeFor(req: FastifyRequest, reply: FastifyReply | null, entityId: number): Promise<string> {
  return requirePurpose(req, reply, 'person', String(entityId));
}

export function csvReply(reply: FastifyReply, filename: string, header: string[], rows: unknown[][]) {
  const body = stringify([header, ...rows]);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** ISO date or null, for optional filter fields ("" means not set). */
export function isoOrNull(v: string | undefined | null): string | null {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

export const THREATS = [
  { value: '', text: 'Any threat' },
  { value: 'msht', text: 'Modern slavery and human trafficking (MSHT)' },
  { value: 'oic', text: 'Organised immigration crime (OIC)' },
];
