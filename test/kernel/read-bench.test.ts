import { describe, expect, it } from 'vitest';
import type { BenchLine } from '../../src/kernel/capability.js';
import { readBench } from '../../src/kernel/bench/read-bench.js';

// The bench itself, briefly, on the local PostgreSQL: what it prints must be what it measured. No timing is asserted.
describe('fusion bench read', () => {
  it('prints the audited read and, with --breakdown, the stack alone, each against the bare route of the same run', async () => {
    const lines: BenchLine[] = [];
    await readBench({ print: (l) => lines.push(l), args: { duration: '1', connections: '4', people: '200', breakdown: true } });
    expect(lines.map((l) => l.bench)).toEqual(['read', 'read-stack']);
    const [read, stack] = lines as (BenchLine & Record<string, unknown>)[];
    for (const l of [read!, stack!]) {
      expect(l.unit).toBe('req/s');
      expect(l.value).toBeGreaterThan(0);
      expect(l.baseline).toBe(read!.baseline);
      expect(l.ratio).toBeCloseTo(l.value / Number(l.baseline), 2);
    }
    // Every read answered was audited, once, and the chain verifies after the run.
    expect(read!.read_non2xx).toBe(0);
    expect(read!.read_errors).toBe(0);
    expect(read!.reads_audited).toBeGreaterThan(0);
    expect(read!.audit_entries_written).toBe(read!.reads_audited);
    expect(read!.audit_chain_ok).toBe(true);
    expect(stack!.stack_non2xx).toBe(0);
  }, 120_000);
});
