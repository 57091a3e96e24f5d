import { Command, Option } from 'commander';
import { CAPABILITIES } from '../capabilities.js';
import { closeContext, createApp, openContext } from '../kernel/app.js';
import type { BenchLine, CliHelpers } from '../kernel/capability.js';
import { ConfigError, loadConfig } from '../kernel/config.js';
import { DatabaseUnreachable } from '../kernel/db/database.js';
import { ensureNoDemoUsersInProduction } from '../kernel/demo/kernel-demo.js';
import { hasDemoData, runDemo } from '../kernel/demo/run-demo.js';
import type { DemoSize } from '../kernel/demo/demo.js';
import { KERNEL_BENCHES } from '../kernel/bench/benches.js';
import { rerunWithHeap } from './heap.js';
import { progressBar } from './progress.js';

function fail(message: string): never {
  process.stderr.write(`fusion: ${message}\n`);
  process.exit(1);
}

async function open() {
  try {
    const config = loadConfig();
    const ctx = await openContext(config);
    return { ctx, close: () => closeContext(ctx) };
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DatabaseUnreachable) fail(e.message);
    throw e;
  }
}

const helpers: CliHelpers = { open, progress: progressBar, fail };

const program = new Command('fusion').description('Fusion: one shared picture against modern slavery and organised immigration crime');

program
  .command('serve')
  .description('Run the web server (API and pages)')
  .option('--demo-if-empty', 'load the small demo data set on first start (demo mode only)')
  .action(async (opts: { demoIfEmpty?: boolean }) => {
    const { ctx } = await open();
    if (ctx.config.mode === 'production') {
      const demoUsers = await ensureNoDemoUsersInProduction(ctx.db);
      if (demoUsers > 0) fail(`production mode refuses to start while ${demoUsers} demo accounts exist; use a fresh database.`);
    } else if (opts.demoIfEmpty && !(await hasDemoData(ctx))) {
      ctx.log.info('loading the small demo data set (first start)');
      const bar = progressBar('demo data');
      await runDemo(ctx, CAPABILITIES, {
        size: 'small',
        progress: { start: () => {}, update: (d, t, l) => bar.update(d, t, l), stop: () => {} },
      });
      bar.stop();
    }
    const app = await createApp(ctx, CAPABILITIES);
    try {
      await app.listen({ port: ctx.config.port, host: ctx.config.host });
    } catch (e) {
      fail(`cannot listen on port ${ctx.config.port}: ${(e as Error).message}`);
    }
    process.stderr.write(`Fusion is running at http://localhost:${ctx.config.port} (${ctx.database.kind} database)\n`);
    const shutdown = async () => {
      await app.close();
      await closeContext(ctx);
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => {
    const { ctx, close } = await open();
    const rows = await ctx.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    process.stdout.write(`${rows.length} migrations applied; the database is up to date.\n`);
    await close();
  });

program
  .command('demo')
  .description('Load deterministic synthetic demo data')
  .addOption(new Option('--size <size>', 'how much data').choices(['small', 'large', 'xl']).default('small'))
  .option('--seed <n>', 'random seed', '2026')
  .action(async (opts: { size: DemoSize; seed: string }) => {
    const rerun = opts.size === 'xl' ? rerunWithHeap(10_240) : null;
    if (rerun) process.exit(await rerun);
    const { ctx, close } = await open();
    if (ctx.config.mode === 'production') fail('demo data cannot be loaded in production mode.');
    let bar: ReturnType<typeof progressBar> | null = null;
    const t0 = Date.now();
    await runDemo(ctx, CAPABILITIES, {
      size: opts.size,
      seed: Number(opts.seed),
      progress: {
        start: (name) => {
          bar = progressBar(name);
        },
        update: (d, t, l) => bar?.update(d, t, l),
        stop: () => bar?.stop(),
      },
    });
    const mem = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`Demo data (${opts.size}) loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s; peak memory ${mem.toFixed(0)} MiB.\n`);
    await close();
  });

const audit = program.command('audit').description('Audit log');
audit
  .command('verify')
  .description('Check the whole hash chain and its head anchor; names the first broken entry')
  .option('--expect <seq:hash>', 'also check that entry <seq> still has <hash> (a head printed by an earlier verify, kept outside Fusion)')
  .action(async (opts: { expect?: string }) => {
    let expect: { seq: number; hash: string } | undefined;
    if (opts.expect) {
      const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.expect);
      if (!m) fail('--expect must be <seq>:<hash>, as printed by an earlier verify.');
      expect = { seq: Number(m[1]), hash: m[2]! };
    }
    const { ctx, close } = await open();
    const bar = progressBar('audit verify');
    const t0 = Date.now();
    const result = await ctx.audit.verify((done, total) => bar.update(done, total), expect);
    bar.stop();
    await close();
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (result.ok) {
      process.stdout.write(`Audit chain verified: ${result.checked} entries, no break (${secs} s).\nHead: ${result.head.seq}:${result.head.hash}\n`);
    } else {
      process.stdout.write(`Audit chain BROKEN at entry ${result.brokenAt!.seq}: ${result.brokenAt!.reason}. ${result.checked} entries verified before it.\n`);
      process.exit(2);
    }
  });

const benches: Record<string, import('../kernel/capability.js').BenchFn> = { ...KERNEL_BENCHES };
for (const c of CAPABILITIES) Object.assign(benches, c.bench ?? {});
program
  .command('bench')
  .description(`Benchmarks, each printing JSON lines {bench,value,baseline,ratio,unit}: ${Object.keys(benches).join(', ')}`)
  .argument('<name>', 'which benchmark')
  .allowUnknownOption(true)
  .allowExcessArguments(true)
  .action(async (name: string, _opts: unknown, cmd: Command) => {
    const fn = benches[name];
    if (!fn) fail(`no benchmark called "${name}"; choose one of: ${Object.keys(benches).join(', ')}.`);
    const args: Record<string, string | boolean> = {};
    const rest = cmd.args.slice(1);
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (!a.startsWith('--')) continue;
      const [k, v] = a.slice(2).split('=');
      if (v !== undefined) args[k!] = v;
      else if (rest[i + 1] && !rest[i + 1]!.startsWith('--')) args[k!] = rest[++i]!;
      else args[k!] = true;
    }
    await fn({ print: (line: BenchLine) => process.stdout.write(`${JSON.stringify(line)}\n`), args });
    process.exit(0);
  });

for (const c of CAPABILITIES) c.cli?.(program, helpers);

program.parseAsync(process.argv).catch((e) => {
  if (e instanceof ConfigError || e instanceof DatabaseUnreachable) fail(e.message);
  process.stderr.write(`fusion: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
