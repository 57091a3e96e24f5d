import { z } from 'zod';

/** The JSON error shape every API error uses. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
    /** On refusals: the access-policy rule that refused. */
    rule: z.string().optional(),
  }),
});

export const Uuid = z.uuid();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
