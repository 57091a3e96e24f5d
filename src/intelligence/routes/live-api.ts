import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { decideRecord } from '../../kernel/access/policy.js';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { subscribe } from '../live/bus.js';

/** Server-sent events of changes the user may see. */
export function liveApi(app: FusionApp, ctx: AppContext) {
  const open = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get(
    '/api/v1/intelligence/events',
    {
      config: { access: 'intelligence.live' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Server-sent events: "change" events {kind,id,version,action,byName,at} for records you may see',
        querystring: z.object({ kinds: z.string().max(200).optional(), id: z.uuid().optional() }),
      },
    },
    async (req, reply) => {
      const principal = req.principal!;
      const kinds = req.query.kinds ? new Set(req.query.kinds.split(',')) : null;
      const only = req.query.id ?? null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 5000\n\n');
      open.add(res);
      const unsubscribe = subscribe(ctx, (e) => {
        if (kinds && !kinds.has(e.kind)) return;
        if (only && e.id !== only) return;
        if (!decideRecord(principal, e.meta, { agreements: ctx.agreements.all() }).allow) return;
        res.write(
          `event: change\ndata: ${JSON.stringify({ kind: e.kind, id: e.id, version: e.version, action: e.action, byName: e.byName, at: e.at })}\n\n`,
        );
      });
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
      const stop = () => {
        clearInterval(ping);
        unsubscribe();
        open.delete(res);
      };
      req.raw.on('close', stop);
      res.on('close', stop);
    },
  );
}

