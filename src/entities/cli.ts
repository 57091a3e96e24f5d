/**
 * CLI commands: `fusion match` (the BRIEF's stable interface: CSV in, pairs CSV out), `fusion export ftm` and
 * `fusion import ftm <file>` (as a named user, so their access applies), `fusion resolve` (batch resolution).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliHelpers } from '../kernel/capability.js';
import { decideAction } from '../kernel/access/policy.js';
import { loadPrincipal } from '../kernel/auth/principals.js';
import type { AppContext } from '../kernel/context.js';
import { exportFtm, toNdjson } from './ftm/export.js';
import { importFtm } from './ftm/import.js';
import { runMatch } from './matching/run-match.js';
import { NeedToKnow } from './need-to-know.js';
import { runBatchResolution } from './resolution/batch.js';
import { agencyDirectory } from './store.js';

/** An existing top-level command of that name (another capability may have made it), or a new one. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

async function principalByEmail(ctx: AppContext, email: string, helpers: CliHelpers, action: string) {
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!user) helpers.fail(`no user has the email ${email}.`);
  const principal = await loadPrincipal(ctx.db, user.id, 'token', ['*']);
  if (!principal) helpers.fail(`the account ${email} is disabled.`);
  const d = decideAction(principal, action);
  if (!d.allow) helpers.fail(`${email} may not do this: ${d.reason}`);
  return principal;
}

export function entitiesCli(program: Command, helpers: CliHelpers): void {
  program
    .command('match')
    .description('Link two CSV files of person records, or deduplicate one; writes left_id,right_id,probability for pairs above the threshold')
    .requiredOption('--input <file>', 'CSV of person records (give twice to link two files)', (v: string, prev: string[] = []) => [...prev, v])
    .requiredOption('--id <column>', 'column holding each record id')
    .requiredOption('--out <file>', 'where to write the pairs (CSV)')
    .option('--map <mapping>', 'column mapping, e.g. given_name=first,surname=last,date_of_birth=dob')
    .option('--threshold <p>', 'link probability threshold (default 0.5)')
    .option('--threads <n>', 'threads for scoring (default: 2 for large inputs)')
    .action(async (opts: { input: string[]; id: string; out: string; map?: string; threshold?: string; threads?: string }) => {
      if (opts.input.length > 2) helpers.fail('give one --input to deduplicate or two to link.');
      for (const f of opts.input) if (!fs.existsSync(f)) helpers.fail(`the input file ${f} does not exist.`);
      const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
      if (threshold !== undefined && !(threshold > 0 && threshold < 1)) helpers.fail('--threshold must be a probability between 0 and 1.');
      const bars = new Map<string, ReturnType<CliHelpers['progress']>>();
      try {
        const r = await runMatch({
          inputs: opts.input,
          id: opts.id,
          out: opts.out,
          map: opts.map,
          threshold,
          threads: opts.threads ? Number(opts.threads) : undefined,
          onProgress: ({ phase, done, total }) => {
            let bar = bars.get(phase);
            if (!bar) {
              for (const b of bars.values()) b.stop();
              bars.clear();
              bar = helpers.progress(`match: ${phase}`);
              bars.set(phase, bar);
            }
            bar.update(done, total || null);
          },
        });
        for (const b of bars.values()) b.stop();
        process.stdout.write(`${r.pairs} pairs from ${r.records} records written to ${opts.out} in ${r.seconds.toFixed(1)} s.\n`);
      } catch (e) {
        for (const b of bars.values()) b.stop();
        helpers.fail((e as Error).message);
      }
    });

  group(program, 'export', 'Export data in standard formats')
    .command('ftm')
    .description('FollowTheMoney NDJSON of the network around one or more people, as a named user may pass it on')
    .requiredOption('--entity <ids>', 'person entity id(s), comma-separated')
    .requiredOption('--as <email>', 'the user whose access applies (audited as theirs)')
    .option('--depth <n>', 'steps out from the people (1-3)', '1')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (opts: { entity: string; as: string; depth: string; out?: string }) => {
      const seeds = opts.entity.split(',').map((v) => Number(v.trim()));
      if (seeds.some((v) => !Number.isInteger(v) || v <= 0)) helpers.fail('--entity takes person entity ids such as 12 or 12,40.');
      const depth = Number(opts.depth);
      if (![1, 2, 3].includes(depth)) helpers.fail('--depth must be 1, 2 or 3.');
      const { ctx, close } = await helpers.open();
      const principal = await principalByEmail(ctx, opts.as, helpers, 'entities.export');
      const ntk = new NeedToKnow(principal, ctx, await agencyDirectory(ctx.db), true);
      const out = await exportFtm(ctx, ntk, { seeds, depth });
      await ctx.audit.record({ userId: principal.userId, agencyCode: principal.agencyCode, roles: principal.roles.join(','), ip: 'cli' }, { action: 'entities.export.ftm', entityKind: 'person', entityId: seeds.join(','), detail: { entities: out.entities.length, via: 'cli' } });
      const text = toNdjson(out.entities);
      if (opts.out) fs.writeFileSync(opts.out, text);
      else process.stdout.write(text);
      process.stderr.write(`${out.entities.length} FollowTheMoney entities (${out.people} people, ${out.withheldVictims} with identity withheld).\n`);
      await close();
    });

  group(program, 'import', 'Import data in standard formats')
    .command('ftm')
    .description('Import FollowTheMoney NDJSON as mentions owned by a named user’s agency, then resolve the people')
    .argument('<file>', 'NDJSON file of FollowTheMoney entities')
    .requiredOption('--as <email>', 'the importing user (their agency owns the records)')
    .option('--handling <code>', 'handling code P or C', 'P')
    .action(async (file: string, opts: { as: string; handling: string }) => {
      if (!fs.existsSync(file)) helpers.fail(`the file ${file} does not exist.`);
      if (opts.handling !== 'P' && opts.handling !== 'C') helpers.fail('--handling must be P or C.');
      const { ctx, close } = await helpers.open();
      const principal = await principalByEmail(ctx, opts.as, helpers, 'entities.import');
      try {
        const r = await importFtm(ctx, fs.readFileSync(file, 'utf8'), {
          agencyCode: principal.agencyCode,
          handlingCode: opts.handling as 'P' | 'C',
          name: file.split('/').pop(),
          actor: { userId: principal.userId, agencyCode: principal.agencyCode, roles: principal.roles.join(','), ip: 'cli' },
        });
        process.stdout.write(`Imported ${r.entities} entities: ${r.people} people (${r.resolved} resolved), ${r.things} things, ${r.relationships} relationships; ${r.skipped.length} skipped.\n`);
      } catch (e) {
        const fields = (e as { fields?: { message: string }[] }).fields;
        helpers.fail(fields?.length ? fields.slice(0, 5).map((f) => f.message).join(' ') : (e as Error).message);
      }
      await close();
    });

  program
    .command('resolve')
    .description('Resolve every person record into entities (batch), keeping entity ids stable')
    .action(async () => {
      const { ctx, close } = await helpers.open();
      const bar = helpers.progress('resolution');
      const r = await runBatchResolution(ctx, { progress: (d, t, m) => bar.update(d, t, m) });
      bar.stop();
      process.stdout.write(`${r.records} records -> ${r.entities} people (${r.links} links, ${r.proposed} to review, ${r.created} new, ${r.merged} merged) in ${r.seconds.toFixed(1)} s.\n`);
      await close();
    });
}
