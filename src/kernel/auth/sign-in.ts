import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/tables.js';
import { verifyPassword } from './passwords.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'locked' };

/** Checks a password; locks the account for 15 minutes after 5 failures in a row. */
export async function checkCredentials(db: Kysely<KernelTables>, email: string, password: string): Promise<SignInResult> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'failed_logins', 'locked_until', 'disabled'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.disabled) {
    await verifyPassword(password, null);
    return { ok: false, reason: 'invalid' };
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(password, user.password_hash))) {
    const failed = user.failed_logins + 1;
    await db
      .updateTable('users')
      .set({
        failed_logins: failed >= MAX_FAILED_LOGINS ? 0 : failed,
        locked_until: failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MS) : null,
      })
      .where('id', '=', user.id)
      .execute();
    return { ok: false, reason: failed >= MAX_FAILED_LOGINS ? 'locked' : 'invalid' };
  }
  if (user.failed_logins > 0 || user.locked_until) {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  }
  return { ok: true, userId: user.id };
}

export const LOCKED_MESSAGE = 'This account is locked after too many failed attempts. Try again in 15 minutes.';
export const INVALID_MESSAGE = 'Enter a correct email address and password.';
