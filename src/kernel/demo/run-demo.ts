import type { Capability } from '../capability.js';
import type { AppContext } from '../context.js';
import type { DemoSize } from './demo.js';
import { kernelDemo } from './kernel-demo.js';

export interface DemoProgress {
  start(name: string): void;
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

export const noProgress: DemoProgress = { start() {}, update() {}, stop() {} };

/** Runs the kernel's and every capability's demo generator in order. */
export async function runDemo(
  ctx: AppContext,
  capabilities: Capability[],
  opts: { size: DemoSize; seed?: number; progress?: DemoProgress },
): Promise<void> {
  const progress = opts.progress ?? noProgress;
  const generators = [kernelDemo, ...capabilities.flatMap((c) => (c.demo ? [c.demo] : []))].sort((a, b) => a.order - b.order);
  for (const g of generators) {
    progress.start(g.name);
    await g.run(ctx, { size: opts.size, seed: opts.seed ?? 2026, progress: (d, t, l) => progress.update(d, t, l) });
    progress.stop();
  }
  await ctx.db
    .insertInto('settings')
    .values({ key: 'demo', value: JSON.stringify({ size: opts.size, seed: opts.seed ?? 2026, at: new Date().toISOString() }) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: new Date() })))
    .execute();
}

export async function hasDemoData(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('settings').select('key').where('key', '=', 'demo').executeTakeFirst();
  return !!row;
}
