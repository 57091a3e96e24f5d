import pino, { type Logger } from 'pino';

/**
 * Logs carry ids, never personal data: request bodies and query strings are not logged, and these paths
 * are redacted in case a caller passes a record by mistake.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'email',
  '*.email',
  'name',
  '*.givenName',
  '*.familyName',
  '*.fullName',
  '*.dateOfBirth',
  '*.phone',
  '*.address',
  'body',
  '*.body',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
export type { Logger };
