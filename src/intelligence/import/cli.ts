/** `npx fusion import intelligence <file>`: the bulk import from the command line, with a progress bar. */
import path from 'node:path';
import type { Command } from 'commander';
import type { CliHelpers } from '../../kernel/capability.js';
import { idb } from '../db.js';
import type { ImportResult } from './importer.js';
import { startImportJob, summary, systemActor, writeErrorReport } from './run.js';

export function intelligenceCli(program: Command, helpers: CliHelpers) {
  // Other capabilities may add their own `import <thing>` subcommands: share one parent command.
  const parent =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Bulk import records from CSV or NDJSON files');
  parent
    .command('intelligence')
    .description(
      'Import intelligence reports from a CSV or NDJSON file (resumable: run it again after a crash; rows are never imported twice)',
    )
    .argument('<file>', 'a .csv file with a header row, or an .ndjson file of one JSON object per line')
    .option('--agency <code>', 'owning agency for rows without an owning_agency column (e.g. met, nca)')
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option(
      '--allow-missing-codes',
      'legacy mode: keep rows without crime identifier codes as "needs codes" instead of refusing them',
    )
    .option('--batch-size <rows>', 'rows per transaction', '20000')
    .option('--user <email>', 'the Fusion user the import is recorded against')
    .option('--errors <file>', 'where to write the per-row error report (CSV)')
    .action(
      async (
        file: string,
        opts: {
          agency?: string;
          format?: string;
          allowMissingCodes?: boolean;
          batchSize: string;
          user?: string;
          errors?: string;
        },
      ) => {
        if (opts.format && !['csv', 'ndjson'].includes(opts.format))
          helpers.fail('--format must be csv or ndjson.');
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 100)
          helpers.fail('--batch-size must be a whole number of at least 100.');
        const { ctx, close } = await helpers.open();
        let userId: string | null = null;
        let agencyCode = opts.agency ?? null;
        if (opts.user) {
          const u = await idb(ctx.db)
            .selectFrom('users as u')
            .innerJoin('agencies as a', 'a.id', 'u.agency_id')
            .select(['u.id', 'a.code'])
            .where('u.email', '=', opts.user.toLowerCase())
            .executeTakeFirst();
          if (!u) helpers.fail(`there is no user ${opts.user}.`);
          userId = u.id;
          agencyCode ??= u.code;
        }
        const bar = helpers.progress('import intelligence');
        const jobId = await startImportJob(ctx, {
          file,
          format: opts.format as 'csv' | 'ndjson' | undefined,
          defaultAgency: agencyCode,
          allowMissingCodes: !!opts.allowMissingCodes,
          batchSize,
          actor: { ...systemActor(agencyCode), userId },
          userId,
          onProgress: (d, t, m) => bar.update(d, t || null, m),
        });
        await ctx.jobs.idle();
        bar.stop();
        const job = await ctx.jobs.get(jobId);
        if (job?.status !== 'succeeded') {
          await close();
          helpers.fail(job?.error ?? 'the import failed.');
        }
        const result = (typeof job.result === 'string' ? JSON.parse(job.result) : job.result) as ImportResult;
        process.stdout.write(`${summary(result)}.\n`);
        if (result.warnings.length) process.stdout.write(`${result.warnings.join('\n')}\n`);
        if (result.errors) {
          const out = opts.errors ?? `${file.replace(/\.[^.]+$/, '')}.errors.csv`;
          const n = await writeErrorReport(ctx, result.importId, out);
          process.stdout.write(`Error report (${n} problems): ${path.resolve(out)}\n`);
        }
        process.stdout.write(`Import ${result.importId}; job ${jobId}.\n`);
        await close();
      },
    );
}
