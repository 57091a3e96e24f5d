/**
 * Live updates: after a write commits, the store publishes what changed; the server-sent-events route forwards
 * each event only to users allowed to see the record (decided with the kernel policy). One bus per application
 * context, in process: several server processes would relay through PostgreSQL LISTEN/NOTIFY instead.
 */
import { EventEmitter } from 'node:events';
import type { RecordMeta } from '../../kernel/access/policy.js';

export interface LiveEvent {
  /** intelligence_report, debrief, nccu_contact, community_submission, collection_plan, problem_profile */
  kind: string;
  id: string;
  version: number;
  action: string;
  /** Who made the change (shown as "changed by ..."); never personal data of subjects. */
  byName: string | null;
  at: string;
  /** Used to decide who receives the event; not sent. */
  meta: RecordMeta;
}

const buses = new WeakMap<object, EventEmitter>();

export function busFor(ctx: object): EventEmitter {
  let b = buses.get(ctx);
  if (!b) {
    b = new EventEmitter();
    b.setMaxListeners(0);
    buses.set(ctx, b);
  }
  return b;
}

export function publish(ctx: object, e: Omit<LiveEvent, 'at'>): void {
  busFor(ctx).emit('event', { ...e, at: new Date().toISOString() } satisfies LiveEvent);
}

export function subscribe(ctx: object, fn: (e: LiveEvent) => void): () => void {
  const b = busFor(ctx);
  b.on('event', fn);
  return () => b.off('event', fn);
}
