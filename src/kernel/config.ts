import path from 'node:path';
import { z } from 'zod';

/** The one place settings are read. Everything else receives a validated Config. */
export const DEFAULT_SECRET = 'fusion-development-secret-change-me';

const schema = z.object({
  mode: z.enum(['development', 'demo', 'production', 'test']),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'must look like postgres://user@host:port/database')
    .optional(),
  secret: z.string().min(16, 'must be at least 16 characters'),
  demoUsers: z.boolean(),
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  oidc: z
    .object({
      issuer: z.string().url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      /** Scopes asked for; the claims below must come back in the ID token or from the userinfo endpoint. */
      scope: z.string().min(1).default('openid email profile'),
      /** Claim holding the agency code (e.g. "met"). */
      agencyClaim: z.string().min(1).default('agency'),
      /** Claim holding Fusion roles (array, or a space/comma-separated string). */
      rolesClaim: z.string().min(1).default('roles'),
      /** Claim holding groups such as "fusion:agency:met" and "fusion:role:analyst" (an alternative to the two above). */
      groupsClaim: z.string().min(1).default('groups'),
    })
    .optional(),
  recoveryPeriodDays: z.coerce.number().int().min(1).max(365),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

const ENV_NAMES: Record<string, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'FUSION_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  secret: 'FUSION_SECRET',
  mode: 'FUSION_MODE',
  publicUrl: 'FUSION_PUBLIC_URL',
  logLevel: 'LOG_LEVEL',
  recoveryPeriodDays: 'FUSION_RECOVERY_PERIOD_DAYS',
  oidc: 'FUSION_OIDC_ISSUER, FUSION_OIDC_CLIENT_ID or FUSION_OIDC_CLIENT_SECRET',
};

/** Reads the environment; throws ConfigError with one plain sentence when a setting is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const mode = (env.FUSION_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'demo')) as Config['mode'];
  const oidcIssuer = env.FUSION_OIDC_ISSUER;
  const raw = {
    mode,
    port: env.PORT ?? '3000',
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.FUSION_DATA_DIR ?? '.fusion'),
    databaseUrl: env.DATABASE_URL || undefined,
    secret: env.FUSION_SECRET ?? DEFAULT_SECRET,
    demoUsers: mode !== 'production',
    publicUrl: env.FUSION_PUBLIC_URL || undefined,
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.FUSION_OIDC_CLIENT_ID,
          clientSecret: env.FUSION_OIDC_CLIENT_SECRET,
          scope: env.FUSION_OIDC_SCOPE || undefined,
          agencyClaim: env.FUSION_OIDC_AGENCY_CLAIM || undefined,
          rolesClaim: env.FUSION_OIDC_ROLES_CLAIM || undefined,
          groupsClaim: env.FUSION_OIDC_GROUPS_CLAIM || undefined,
        }
      : undefined,
    recoveryPeriodDays: env.FUSION_RECOVERY_PERIOD_DAYS ?? '45',
    ...overrides,
  };
  if (env.PORT !== undefined && !/^\d+$/.test(env.PORT)) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, but it is "${env.PORT}".`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const name = ENV_NAMES[key] ?? key;
    throw new ConfigError(`${name} is not valid: ${issue.message}.`);
  }
  const config = parsed.data;
  if (config.mode === 'production' && config.secret === DEFAULT_SECRET) {
    throw new ConfigError('FUSION_SECRET must be set to a secret of your own in production; the default secret is refused.');
  }
  return config;
}
