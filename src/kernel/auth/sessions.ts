import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/tables.js';
import { newToken, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'fusion_session';
/** Idle time-out. Drafts (e.g. referrals) are saved server-side, so a time-out never loses work. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export async function createSession(db: Kysely<KernelTables>, userId: string) {
  const id = newToken();
  const csrf = newToken(24);
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256(id),
      user_id: userId,
      csrf_token: csrf,
      expires_at: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    })
    .execute();
  return { id, csrf };
}

export async function findSession(db: Kysely<KernelTables>, id: string) {
  const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256(id)).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (new Date(row.expires_at).getTime() < now || new Date(row.last_seen_at).getTime() + SESSION_IDLE_MS < now) {
    await db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
    return null;
  }
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', row.id_hash).execute();
  }
  return { userId: row.user_id, csrf: row.csrf_token };
}

export async function destroySession(db: Kysely<KernelTables>, id: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(id)).execute();
}
