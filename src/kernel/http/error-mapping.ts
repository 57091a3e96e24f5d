import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

/**
 * Maps anything thrown while handling a request to an AppError. Bad input of every kind (schema, content type,
 * size, database constraint) becomes a 4xx with the field and the reason; only genuine faults are 5xx.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const fields: FieldError[] = error.validation.map((v) => {
      const p = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const field = p ? `${where === 'body' ? '' : `${where}.`}${p}` : where;
      return { field, message: `${field}: ${v.message ?? 'is not valid'}` };
    });
    return new AppError(400, 'invalid_input', 'The request is not valid.', fields);
  }
  const e = error as { statusCode?: number; code?: string; message?: string; validation?: unknown[] };
  if (e?.validation) {
    return new AppError(400, 'invalid_input', e.message ?? 'The request is not valid.', [
      { field: 'body', message: e.message ?? 'The request is not valid.' },
    ]);
  }
  // PostgreSQL: data exceptions (22xxx) and integrity violations (23xxx) are the client's input.
  if (typeof e?.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(e.code)) {
    const pg = error as { code: string; column?: string; constraint?: string; detail?: string };
    const field = pg.column ?? pg.constraint ?? 'body';
    if (pg.code === '23505') return new AppError(409, 'conflict', 'A record with these details already exists.', [{ field, message: 'already exists' }]);
    if (pg.code.startsWith('23')) return new AppError(422, 'constraint_violation', 'The input breaks a rule of the data.', [{ field, message: 'breaks a rule of the data' }]);
    return new AppError(400, 'invalid_input', 'A value is not valid.', [{ field, message: 'is not a valid value' }]);
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'too_large' : e.statusCode === 415 ? 'unsupported_media_type' : e.statusCode === 429 ? 'rate_limited' : 'invalid_input';
    const message = e.statusCode === 429 ? 'Too many attempts. Wait a minute and try again.' : (e.message ?? 'The request is not valid.');
    return new AppError(e.statusCode, code, message, [{ field: 'request', message }]);
  }
  return new AppError(500, 'internal', 'Something went wrong. The error has been logged.');
}
