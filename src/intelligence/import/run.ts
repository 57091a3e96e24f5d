/** Runs an import as a background job (progress on the job page and the CLI bar) and writes its error report. */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../kernel/audit/audit-log.js';
import type { AppContext } from '../../kernel/context.js';
import { type ImportOptions, type ImportResult, importErrors, importReports } from './importer.js';

export async function startImportJob(
  ctx: AppContext,
  opts: Omit<ImportOptions, 'jobId' | 'onProgress'> & {
    title?: string;
    onProgress?: ImportOptions['onProgress'];
  },
): Promise<string> {
  let jobId = '';
  jobId = await ctx.jobs.start(
    {
      kind: 'intelligence.import',
      title: opts.title ?? `Import intelligence reports from ${path.basename(opts.file)}`,
      params: { file: path.basename(opts.file), agency: opts.defaultAgency ?? null },
      userId: opts.userId ?? null,
      agencyCode: opts.actor.agencyCode,
    },
    async (progress) =>
      importReports(ctx, {
        ...opts,
        jobId,
        onProgress: (d, t, m) => {
          progress(d, t, m);
          opts.onProgress?.(d, t, m);
        },
      }),
  );
  return jobId;
}

export async function writeErrorReport(ctx: AppContext, importId: string, file: string): Promise<number> {
  const rows = await importErrors(ctx, importId);
  fs.writeFileSync(
    file,
    stringify(
      rows.map((r) => [r.row_no, r.field, r.message]),
      { header: true, columns: ['row', 'field', 'message'] },
    ),
  );
  return rows.length;
}

export function summary(r: ImportResult): string {
  return [
    `${r.imported.toLocaleString('en-GB')} reports imported from ${r.total.toLocaleString('en-GB')} rows`,
    r.duplicates ? `${r.duplicates.toLocaleString('en-GB')} already imported (skipped)` : null,
    r.errors ? `${r.errors.toLocaleString('en-GB')} rows refused (see the error report)` : null,
    r.resumed ? 'resumed an unfinished import of the same file' : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export const systemActor = (agencyCode: string | null): Actor => ({
  userId: null,
  agencyCode,
  roles: 'system',
  ip: null,
});
