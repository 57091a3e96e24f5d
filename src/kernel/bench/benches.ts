import type { BenchFn } from '../capability.js';

/** Kernel benchmarks (read path, health). Capabilities add theirs through `Capability.bench`. */
export const KERNEL_BENCHES: Record<string, BenchFn> = {
  // Loaded on demand: the bench pulls in the whole app and autocannon.
  read: async (c) => (await import('./read-bench.js')).readBench(c),
};
