import type { AppContext } from '../context.js';

export type DemoSize = 'small' | 'large' | 'xl';

export interface DemoOptions {
  size: DemoSize;
  seed: number;
  /** Reports progress of this generator (drives the CLI bar and the job page). */
  progress: (done: number, total: number, label?: string) => void;
}

/**
 * Each capability adds its own demo data by providing a generator. Generators run in `order` (people before
 * the referrals that mention them) and must be deterministic for a given seed and size.
 */
export interface DemoGenerator {
  name: string;
  order: number;
  run(ctx: AppContext, opts: DemoOptions): Promise<void>;
}

export const DEMO_PASSWORD = 'fusion-demo';
