/** `npx fusion import training <file>`: training completion from a CSV file, with a per-row error report. */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Command } from 'commander';
import type { CliHelpers } from '../kernel/capability.js';
import { loadPrincipal } from '../kernel/auth/principals.js';
import { importTraining } from './service.js';

export function performanceCli(program: Command, helpers: CliHelpers) {
  // Capabilities share one `import` parent command.
  const parent =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Bulk import records from CSV or NDJSON files');
  parent
    .command('training')
    .description(
      'Import training completion (columns force, course, as_of, completed, relevant_headcount); any problem rejects the whole file with a per-row report',
    )
    .argument('<file>', 'a .csv file with a header row')
    .option(
      '--user <email>',
      'the Fusion user the import is recorded against (their force limits the rows they may import)',
    )
    .option('--errors <file>', 'where to write the per-row error report (CSV)')
    .action(async (file: string, opts: { user?: string; errors?: string }) => {
      if (!fs.existsSync(file)) helpers.fail(`there is no file ${file}.`);
      const text = fs.readFileSync(file, 'utf8');
      const { ctx, close } = await helpers.open();
      let principal = null;
      if (opts.user) {
        const u = await (ctx.db as any)
          .selectFrom('users')
          .select('id')
          .where('email', '=', opts.user.toLowerCase())
          .executeTakeFirst();
        if (!u) {
          await close();
          helpers.fail(`there is no user ${opts.user}.`);
        }
        principal = await loadPrincipal(ctx.db, u.id, 'session');
      }
      const bar = helpers.progress('import training');
      const result = await importTraining(
        ctx,
        {
          principal,
          audit: {
            userId: principal?.userId ?? null,
            agencyCode: principal?.agencyCode ?? null,
            roles: principal ? principal.roles.join(',') : 'cli',
            ip: 'cli',
          },
        },
        path.basename(file),
        text,
      );
      bar.update(result.total, result.total);
      bar.stop();
      await close();
      if (result.errors.length) {
        const out = opts.errors ?? `${file.replace(/\.[^.]+$/, '')}.errors.csv`;
        fs.writeFileSync(
          out,
          stringify([
            ['row', 'column', 'value', 'problem'],
            ...result.errors.map((e) => [e.row, e.field, e.value, e.message]),
          ]),
        );
        process.stdout.write(
          `Nothing imported: ${result.errors.length} problems in ${result.total} rows. Error report: ${path.resolve(out)}\n`,
        );
        for (const e of result.errors.slice(0, 10))
          process.stdout.write(`  row ${e.row || '-'} ${e.field}: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(
        `Imported ${result.imported} rows of training completion (import ${result.id}).\n`,
      );
    });
}
