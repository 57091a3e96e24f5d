import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { badRequest, notFound } from '../../kernel/errors.js';
import { ErrorResponse } from '../../kernel/http/schemas.js';
import { actorFrom } from '../../kernel/http/server.js';
import { idb } from '../db.js';
import { importErrors } from '../import/importer.js';
import { startImportJob } from '../import/run.js';

const MAX_UPLOAD = 50 * 1024 * 1024;

/** Saves uploaded text to a private temporary file for the import job. */
export function saveUpload(text: string, format: 'csv' | 'ndjson'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-intel-import-'));
  const file = path.join(dir, `upload.${format}`);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

export async function importsOf(ctx: AppContext, agencyCode: string) {
  return idb(ctx.db)
    .selectFrom('intel_imports')
    .select([
      'id',
      'file_name',
      'format',
      'status',
      'total_rows',
      'imported_rows',
      'duplicate_rows',
      'error_rows',
      'job_id',
      'started_at',
      'finished_at',
    ])
    .where('agency_code', '=', agencyCode)
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();
}

export async function importOf(ctx: AppContext, agencyCode: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('import');
  const row = await idb(ctx.db)
    .selectFrom('intel_imports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.agency_code !== agencyCode) throw notFound('import');
  return row;
}

export function errorsCsv(rows: { row_no: number; field: string; message: string }[]) {
  return stringify(
    rows.map((r) => [r.row_no, r.field, r.message]),
    { header: true, columns: ['row', 'field', 'message'] },
  );
}

const ImportDto = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  status: z.string(),
  totalRows: z.number().nullable(),
  importedRows: z.number(),
  duplicateRows: z.number(),
  errorRows: z.number(),
  jobId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
const dto = (r: Awaited<ReturnType<typeof importsOf>>[number]) => ({
  id: r.id,
  fileName: r.file_name,
  format: r.format,
  status: r.status,
  totalRows: r.total_rows,
  importedRows: r.imported_rows,
  duplicateRows: r.duplicate_rows,
  errorRows: r.error_rows,
  jobId: r.job_id,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

export async function importApi(app: FusionApp, ctx: AppContext) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/x-ndjson', 'application/ndjson'],
      { parseAs: 'string', bodyLimit: MAX_UPLOAD },
      (_req, body, done) => done(null, body),
    );
    (scope as unknown as FusionApp).post(
      '/api/v1/intelligence-imports',
      {
        config: { access: 'intelligence.import' },
        bodyLimit: MAX_UPLOAD,
        schema: {
          tags: ['intelligence'],
          summary:
            'Bulk import reports: send a CSV (text/csv) or NDJSON (application/x-ndjson) body. Runs as a job; rows already imported are skipped, so sending the same file again is safe',
          querystring: z.object({
            agency: z.string().max(60).optional(),
            allowMissingCodes: z.enum(['true', 'false']).optional(),
            fileName: z.string().max(200).optional(),
          }),
          response: { 202: z.object({ jobId: z.string(), job: z.string() }), 400: ErrorResponse },
        },
      },
      async (req, reply) => {
        const type = String(req.headers['content-type'] ?? '');
        const format = type.startsWith('text/csv') ? 'csv' : 'ndjson';
        if (typeof req.body !== 'string' || !req.body.trim())
          throw badRequest('Send the file as the request body.', [{ field: 'body', message: 'empty' }]);
        const p = req.principal!;
        const file = saveUpload(req.body, format);
        const jobId = await startImportJob(ctx, {
          file,
          format,
          title: `Import intelligence reports${req.query.fileName ? ` from ${req.query.fileName}` : ''}`,
          defaultAgency: req.query.agency && p.roles.includes('integrator') ? req.query.agency : p.agencyCode,
          allowMissingCodes: req.query.allowMissingCodes === 'true',
          actor: actorFrom(req),
          userId: p.userId,
        });
        return reply
          .status(202)
          .header('location', `/api/v1/jobs/${jobId}`)
          .send({ jobId, job: `/api/v1/jobs/${jobId}` });
      },
    );
  });

  app.get(
    '/api/v1/intelligence-imports',
    {
      config: { access: 'intelligence.import' },
      schema: {
        tags: ['intelligence'],
        summary: 'Your agency’s imports',
        response: { 200: z.object({ items: z.array(ImportDto) }) },
      },
    },
    async (req) => ({ items: (await importsOf(ctx, req.principal!.agencyCode)).map(dto) }),
  );

  app.get(
    '/api/v1/intelligence-imports/:id',
    {
      config: { access: 'intelligence.import' },
      schema: {
        tags: ['intelligence'],
        summary: 'One import and its counts',
        params: z.object({ id: z.uuid() }),
        response: { 200: ImportDto, 404: ErrorResponse },
      },
    },
    async (req) => dto(await importOf(ctx, req.principal!.agencyCode, req.params.id)),
  );

  app.get(
    '/api/v1/intelligence-imports/:id/errors.csv',
    {
      config: { access: 'intelligence.import' },
      schema: {
        tags: ['intelligence'],
        summary: 'The per-row error report of an import (CSV: row, field, message)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const imp = await importOf(ctx, req.principal!.agencyCode, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${imp.file_name.replace(/[^\w.-]/g, '_')}.errors.csv"`,
        )
        .send(errorsCsv(await importErrors(ctx, imp.id)));
    },
  );
}
