import type { Kysely, Transaction } from 'kysely';
import * as client from 'openid-client';
import type { Config } from '../config.js';
import type { KernelTables } from '../db/tables.js';
import type { OidcIdentity } from './oidc-claims.js';

type OidcConfig = NonNullable<Config['oidc']>;

/**
 * OpenID Connect single sign-on (authorization code flow with PKCE, state and nonce) through `openid-client`.
 * The provider's metadata is discovered once per process and reused; a failed discovery is retried next time.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

export function oidcClient(cfg: OidcConfig, mode: Config['mode']): Promise<client.Configuration> {
  const key = `${cfg.issuer}|${cfg.clientId}`;
  let p = discovered.get(key);
  if (!p) {
    // Plain http only for a provider on this machine outside production (tests, local development).
    const local = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(cfg.issuer);
    const insecure = cfg.issuer.startsWith('http:') && local && mode !== 'production';
    p = client.discovery(
      new URL(cfg.issuer),
      cfg.clientId,
      undefined,
      client.ClientSecretBasic(cfg.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    p.catch(() => discovered.delete(key));
    discovered.set(key, p);
  }
  return p;
}

export interface OidcStart {
  url: URL;
  /** Kept in a signed, short-lived cookie until the provider sends the user back. */
  state: { v: string; s: string; n: string; r: string; next: string };
}

export async function startOidc(cfg: OidcConfig, mode: Config['mode'], redirectUri: string, next: string): Promise<OidcStart> {
  const config = await oidcClient(cfg, mode);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: cfg.scope ?? 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state: { v: verifier, s: state, n: nonce, r: redirectUri, next } };
}

/** Exchanges the code, checks state, nonce and PKCE, and returns the ID token's claims merged with userinfo. */
export async function finishOidc(
  cfg: OidcConfig,
  mode: Config['mode'],
  saved: OidcStart['state'],
  search: string,
): Promise<Record<string, unknown>> {
  const config = await oidcClient(cfg, mode);
  const current = new URL(saved.r);
  current.search = search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: saved.v,
    expectedState: saved.s,
    expectedNonce: saved.n,
    idTokenExpected: true,
  });
  const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  let userinfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && typeof claims.sub === 'string') {
    userinfo = (await client.fetchUserInfo(config, tokens.access_token, claims.sub)) as Record<string, unknown>;
  }
  // The ID token is signed and checked: its claims win over userinfo's.
  return { ...userinfo, ...claims };
}

export type ProvisionResult =
  | { ok: true; userId: string; created: boolean; changed: Record<string, { from: unknown; to: unknown }> }
  | { ok: false; reason: string };

/**
 * Finds the Fusion account for an identity (by issuer and subject), creating it on first sign-in and bringing its
 * agency, roles and name in line with the provider's claims. An existing password account with the same email is
 * linked only if the provider verified the email and the agency matches; otherwise the sign-in is refused rather
 * than letting one identity take over another's account.
 */
export async function provisionOidcUser(
  trx: Transaction<KernelTables> | Kysely<KernelTables>,
  issuer: string,
  id: OidcIdentity,
): Promise<ProvisionResult> {
  const subjectKey = `${issuer}#${id.subject}`;
  const agency = await trx.selectFrom('agencies').select(['id', 'code']).where('code', '=', id.agencyCode).executeTakeFirst();
  if (!agency) return { ok: false, reason: `Fusion does not know the agency "${id.agencyCode}".` };
  let user = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'agency_id', 'roles', 'disabled', 'oidc_subject'])
    .where('oidc_subject', '=', subjectKey)
    .executeTakeFirst();
  if (!user) {
    const byEmail = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'agency_id', 'roles', 'disabled', 'oidc_subject'])
      .where('email', '=', id.email)
      .executeTakeFirst();
    if (byEmail) {
      if (byEmail.oidc_subject || !id.emailVerified || byEmail.agency_id !== agency.id) {
        return { ok: false, reason: 'A Fusion account with this email address already exists. Ask your administrator to link it to your organisation account.' };
      }
      await trx.updateTable('users').set({ oidc_subject: subjectKey, updated_at: new Date() }).where('id', '=', byEmail.id).execute();
      user = { ...byEmail, oidc_subject: subjectKey };
    }
  }
  if (!user) {
    const row = await trx
      .insertInto('users')
      .values({
        email: id.email,
        name: id.name,
        agency_id: agency.id,
        roles: id.roles,
        password_hash: null,
        oidc_subject: subjectKey,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, userId: row.id, created: true, changed: {} };
  }
  if (user.disabled) return { ok: false, reason: 'Your Fusion account is disabled. Ask your administrator.' };
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  const sameRoles = [...user.roles].sort().join(',') === [...id.roles].sort().join(',');
  if (!sameRoles) changed.roles = { from: user.roles, to: id.roles };
  if (user.agency_id !== agency.id) changed.agency = { from: user.agency_id, to: agency.code };
  if (user.name !== id.name) changed.name = { from: user.name, to: id.name };
  if (Object.keys(changed).length) {
    await trx
      .updateTable('users')
      .set({ roles: id.roles, agency_id: agency.id, name: id.name, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
  }
  return { ok: true, userId: user.id, created: false, changed };
}
