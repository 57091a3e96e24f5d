import { spawn } from 'node:child_process';
import v8 from 'node:v8';

/**
 * Node's default heap limit (about 4 GiB here) is too small for the `xl` demo on the embedded database: PGlite,
 * the generator and the batch resolution of a million records share one process. Rather than ask every user for
 * NODE_OPTIONS, a command that needs more runs itself again with a larger limit (stdio and signals passed through)
 * and resolves to the child's exit code; null means the current process already has enough.
 */
export function rerunWithHeap(mib: number): Promise<number> | null {
  if (v8.getHeapStatistics().heap_size_limit >= mib * 1024 * 1024 * 0.95) return null;
  if (process.env.FUSION_HEAP_RERUN) return null;
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${mib}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, FUSION_HEAP_RERUN: '1' },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, forward(s));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
