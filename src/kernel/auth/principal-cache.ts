import type { Principal } from '../access/principal.js';

/** How long a resolved principal is reused. Changes made in this process invalidate at once; others within this. */
export const PRINCIPAL_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  principal: Principal | null;
  csrf: string;
  expires: number;
}

/**
 * Resolving who is asking costs two queries (token or session, then user and agency). The hot path (an
 * access-checked read) reuses the answer for a few seconds, keyed by the hash of the bearer token or session id,
 * never the secret itself. Revoking a token, signing out, disabling a user or changing roles invalidates the
 * user's entries in this process; other processes see the change within PRINCIPAL_TTL_MS.
 */
export class PrincipalCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = PRINCIPAL_TTL_MS) {}

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, principal: Principal | null, csrf = ''): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { principal, csrf, expires: Date.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forget every entry of one user (roles changed, disabled, token revoked, signed out). */
  invalidateUser(userId: string): void {
    for (const [k, e] of this.entries) if (e.principal?.userId === userId) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
