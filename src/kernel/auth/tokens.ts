import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/tables.js';
import { newToken, sha256 } from './secrets.js';

export const TOKEN_PREFIX = 'fus_';
export const DEFAULT_TOKEN_TTL_MS = 8 * 60 * 60 * 1000;
export const MAX_TOKEN_TTL_HOURS = 90 * 24;

/** API tokens are shown once and stored only as a hash; they are scoped, expire and can be revoked. */
export async function issueToken(
  db: Kysely<KernelTables>,
  userId: string,
  opts: { name?: string; scopes?: string[]; ttlMs?: number } = {},
) {
  const token = TOKEN_PREFIX + newToken();
  const ttl = Math.min(opts.ttlMs ?? DEFAULT_TOKEN_TTL_MS, MAX_TOKEN_TTL_HOURS * 3_600_000);
  const expiresAt = new Date(Date.now() + ttl);
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      token_hash: sha256(token),
      name: opts.name ?? 'API token',
      scopes: opts.scopes ?? ['*'],
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt };
}

export async function findToken(db: Kysely<KernelTables>, token: string) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'scopes', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || new Date(row.expires_at).getTime() < Date.now()) return null;
  return { id: row.id, userId: row.user_id, scopes: row.scopes };
}

export async function revokeToken(db: Kysely<KernelTables>, id: string, userId: string) {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A user's tokens, newest first, without their hashes. */
export async function listTokens(db: Kysely<KernelTables>, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const now = Date.now();
  return rows.map((r) => {
    const status: TokenStatus = r.revoked_at ? 'revoked' : new Date(r.expires_at).getTime() < now ? 'expired' : 'active';
    return {
      id: r.id,
      name: r.name,
      scopes: r.scopes,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      status,
    };
  });
}
