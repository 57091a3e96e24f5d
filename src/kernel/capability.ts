import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FieldRule, Permission } from './access/policy.js';
import type { AppContext } from './context.js';
import type { DemoGenerator } from './demo/demo.js';
import type { RetentionKind } from './retention/registry.js';

export type FusionApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface NavItem {
  href: string;
  label: string;
  /** Shown only to users allowed this permission. */
  action: string;
  order: number;
}

export interface BenchLine {
  bench: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  [extra: string]: unknown;
}

export type BenchFn = (ctx: { print: (line: BenchLine) => void; args: Record<string, string | boolean> }) => Promise<void>;

/**
 * A capability is one folder under src/ (referrals, intelligence, ...). It contributes its permissions, field
 * rules, routes (API and pages), demo data and benchmarks here; src/capabilities.ts lists them. Adding a
 * capability means creating its folder and adding one line there.
 */
export interface Capability {
  name: string;
  title: string;
  nav?: NavItem[];
  permissions?: Record<string, Permission>;
  fieldRules?: Record<string, FieldRule>;
  routes?: (app: FusionApp, ctx: AppContext) => void | Promise<void>;
  demo?: DemoGenerator;
  bench?: Record<string, BenchFn>;
  /** Extra `fusion` CLI commands (import, export, match, ...). */
  cli?: (program: import('commander').Command, helpers: CliHelpers) => void;
  /** Cards on the home page (only those whose action the user may perform are shown). */
  home?: { title: string; href: string; description: string; action: string }[];
  /** Kinds of personal record with a review date (MoPI-style review on the kernel's retention page). */
  retention?: RetentionKind[];
  /** A folder of browser files (scripts, styles) the kernel serves at `/assets/<name>/`, public like all assets. */
  publicDir?: string;
}

export interface CliHelpers {
  /** Opens the configured database (migrated) and returns the context; close it with `close()`. */
  open(): Promise<{ ctx: AppContext; close: () => Promise<void> }>;
  /** A terminal progress bar (on stderr) that prints one final line when not a TTY. */
  progress(label: string): { update(done: number, total?: number | null, message?: string): void; stop(): void };
  /** Exit with one clear sentence. */
  fail(message: string): never;
}
