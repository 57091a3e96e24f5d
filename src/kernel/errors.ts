import { ZodError } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type. Mapped to `{"error":{"code","message","fields"}}` for the API and to the GOV.UK error summary on pages. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields: FieldError[] = [],
    /** For refusals: the policy rule that refused (shown on the 403 page and in the JSON). */
    public readonly rule?: string,
  ) {
    super(message);
  }

  toJSON() {
    const error: { code: string; message: string; fields: FieldError[]; rule?: string } = {
      code: this.code,
      message: this.message,
      fields: this.fields,
    };
    if (this.rule) error.rule = this.rule;
    return { error };
  }
}

/** A refusal by the access policy: carries the rule and its reason. */
export const refused = (decision: { rule: string; reason: string }) =>
  new AppError(403, 'forbidden', decision.reason, [{ field: 'permission', message: `${decision.rule}: ${decision.reason}` }], decision.rule);

/**
 * Opening this record needs a stated purpose first. Pages are redirected to the purpose question (then back);
 * the API answers 428 and takes the purpose in the `X-Fusion-Purpose` header or from POST /api/v1/purposes.
 */
export class PurposeRequired extends AppError {
  constructor(public readonly questionUrl: string) {
    super(428, 'purpose_required', 'State why you are opening this record: send the X-Fusion-Purpose header or POST /api/v1/purposes first.', [
      { field: 'purpose', message: 'Enter why you are opening this record' },
    ], 'purpose');
  }
}

export const badRequest = (message: string, fields: FieldError[] = []) =>
  new AppError(400, 'invalid_input', message, fields);
export const validationFailed = (fields: FieldError[]) =>
  new AppError(422, 'validation_failed', fields.map((f) => f.message).join(' ') || 'The input is not valid.', fields);
export const notFound = (what = 'record') => new AppError(404, 'not_found', `The ${what} was not found.`);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (reason: string, rule?: string) =>
  new AppError(403, 'forbidden', reason, rule ? [{ field: 'permission', message: `${rule}: ${reason}` }] : [], rule);
export const conflict = (message: string, fields: FieldError[] = []) =>
  new AppError(409, 'conflict', message, fields);
export const preconditionFailed = (message: string) => new AppError(412, 'precondition_failed', message);

/** Turns a zod error into field errors with plain-English messages. */
export function zodFields(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
    return { field, message: humanMessage(field, issue.message) };
  });
}

function humanMessage(field: string, message: string): string {
  if (/^Invalid input: expected (\w+), received undefined$/.test(message)) return `Enter ${labelOf(field)}.`;
  return `${capitalise(labelOf(field))}: ${message.replace(/^Invalid input: /, '')}`;
}

const labelOf = (field: string) => field.split('.').pop()!.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** GOV.UK error summary list: [{ text, href }]. */
export function errorSummary(fields: FieldError[]) {
  return fields.map((f) => ({ text: f.message, href: `#${f.field.replace(/\./g, '-')}` }));
}

/** Per-field message map for GOV.UK components' errorMessage. */
export function errorMap(fields: FieldError[]): Record<string, { text: string }> {
  const map: Record<string, { text: string }> = {};
  for (const f of fields) map[f.field] ??= { text: f.message };
  return map;
}
