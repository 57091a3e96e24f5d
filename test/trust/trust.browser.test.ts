import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeTable, insertProbePeople, PROBE_KIND, personProbe } from '../../src/kernel/bench/person-probe.js';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../support/browser.js';
import { createUser, type TestEnv, testEnv } from '../support/context.js';

/** Claims the in-process identity provider asserts for each account (its login form accepts any password). */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'sso-analyst': { sub: 'sso-analyst', email: 'sso.analyst@west-yorkshire.police.uk', email_verified: true, name: 'Sam Single-Sign-On', agency: 'west-yorkshire', roles: ['analyst', 'intelligence_officer'] },
  'sso-nobody': { sub: 'sso-nobody', email: 'nobody@example.org', email_verified: true, name: 'No Role', agency: 'west-yorkshire', roles: ['wizard'] },
};

describe('trust in a real browser', () => {
  let env: TestEnv;
  let browser: Browser;
  let base: string;
  let idp: http.Server;
  let issuer: string;
  let personId: string;

  beforeAll(async () => {
    // The identity provider's address must be known before Fusion starts, Fusion's before the provider's client.
    idp = http.createServer();
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;
    env = await testEnv(
      'embedded',
      'demo',
      { oidc: { issuer, clientId: 'fusion', clientSecret: 'fusion-test-client-secret', scope: 'openid email profile', agencyClaim: 'agency', rolesClaim: 'roles', groupsClaim: 'groups' } },
      { extraCapabilities: [personProbe] },
    );
    await createProbeTable(env.ctx.db);
    [personId] = await insertProbePeople(env.ctx.db, [
      { reference: 'BR1', given_name: 'Ana', family_name: 'Hoxha', date_of_birth: '1990-01-02', nationality: 'ALB', owning_agency_code: 'met', owning_agency_type: 'police_force', handling_code: 'P', conditions: null, review_date: '2020-01-01' },
    ]);
    base = await listen(env.app);
    // oidc-provider ships no type definitions.
    const { default: Provider } = (await import('oidc-provider' as string)) as { default: new (issuer: string, config: unknown) => { callback(): http.RequestListener } };
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'fusion',
          client_secret: 'fusion-test-client-secret',
          redirect_uris: [`${base}/sign-in/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'agency', 'roles'] },
      findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ACCOUNTS[id] ?? { sub: id } }),
      pkce: { required: () => true },
      cookies: { keys: ['a-test-cookie-key'] },
    });
    idp.on('request', provider.callback());
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await env?.close();
    idp?.close();
  });

  it('signs a user in through the organisation identity provider (OIDC, code + PKCE) onto the home page with the mapped agency and roles', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}/sign-in`);
    await page.click("text=Sign in with your organisation's account");
    await page.waitForURL((u) => u.href.startsWith(issuer));
    await page.fill('input[name="login"]', 'sso-analyst');
    await page.fill('input[name="password"]', 'anything');
    await page.click('button[type="submit"]');
    await page.waitForLoadState('load');
    if (page.url().startsWith(issuer)) await page.click('button:has-text("Continue")');
    await page.waitForURL(`${base}/`);
    const main = await page.textContent('main');
    expect(main).toContain('West Yorkshire Police');
    expect(main).toContain('Analyst');
    expect(main).toContain('Intelligence officer');
    expect(await page.textContent('.fusion-identity')).toContain('Sam Single-Sign-On');
    await expectAccessible(page, 'home after single sign-on');
    const user = await env.ctx.db.selectFrom('users').select(['oidc_subject', 'roles', 'password_hash']).where('email', '=', 'sso.analyst@west-yorkshire.police.uk').executeTakeFirstOrThrow();
    expect(user).toEqual({ oidc_subject: `${issuer}#sso-analyst`, roles: ['analyst', 'intelligence_officer'], password_hash: null });
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['auth.oidc.provisioned', 'auth.sign-in']).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.oidc.provisioned', 'auth.sign-in']));
    await context.close();
  }, 120_000);

  it('refuses an identity that carries no Fusion role, with an accessible error summary', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}/sign-in/oidc`);
    await page.fill('input[name="login"]', 'sso-nobody');
    await page.fill('input[name="password"]', 'anything');
    await page.click('button[type="submit"]');
    await page.waitForLoadState('load');
    if (page.url().startsWith(issuer)) await page.click('button:has-text("Continue")');
    await page.waitForURL((u) => u.href.startsWith(base));
    expect(await page.textContent('.govuk-error-summary')).toContain('no Fusion role');
    await expectAccessible(page, 'single sign-on refused');
    await context.close();
  }, 120_000);

  it('serves every trust page accessibly: users, tokens, agreements, audit, purposes, retention, why', async () => {
    await createUser(env.ctx, { email: 'trust.officer@met.test', name: 'Trust Officer', agency: 'met', roles: ['administrator', 'auditor', 'supervisor', 'intelligence_officer'], password: 'trust-officer-password' });
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'trust.officer@met.test', 'trust-officer-password');
    const nav = await page.textContent('.govuk-service-navigation');
    for (const item of ['Users', 'Agreements', 'Audit', 'Purposes', 'Reviews due']) expect(nav).toContain(item);
    await expectAccessible(page, 'home with trust cards');

    // Users
    await page.goto(`${base}/admin/users`);
    await expectAccessible(page, 'users');
    await page.click('text=Add a user');
    await page.click('button:has-text("Add user")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter an email address');
    await expectAccessible(page, 'add user (errors)');
    await page.fill('#name', 'Browser Made');
    await page.fill('#email', 'browser.made@met.test');
    await page.check('input[value="analyst"]');
    await page.click('button:has-text("Add user")');
    await expect.poll(() => page.textContent('h1')).toContain('Browser Made');
    await expectAccessible(page, 'one user');

    // Tokens
    await page.goto(`${base}/account/tokens`);
    await page.fill('#name', 'browser token');
    await page.check('input[name="scopes"][value="agreements"]');
    await page.click('button:has-text("Create token")');
    expect(await page.inputValue('#new-token')).toMatch(/^fus_/);
    await expectAccessible(page, 'tokens (created)');

    // Agreements
    await page.goto(`${base}/agreements/new`);
    await page.click('button:has-text("Make the agreement")');
    await expectAccessible(page, 'new agreement (errors)');
    await page.fill('#name', 'Met to Leeds (browser)');
    await page.check('input[name="recipient"][value="agency"]');
    await page.selectOption('#toAgencyCode', 'la-leeds');
    await page.fill('#otherKinds', PROBE_KIND);
    await page.check('input[name="purposes"][value="safeguarding"]');
    await page.click('button:has-text("Make the agreement")');
    await expect.poll(() => page.textContent('h1')).toContain('Met to Leeds (browser)');
    await expectAccessible(page, 'one agreement');
    await page.goto(`${base}/agreements`);
    await expectAccessible(page, 'agreements');

    // Reason for access and "why can I see this?"
    await page.goto(`${base}/probe/people/${personId}`);
    expect(page.url()).toContain('/purpose?');
    await page.click('button:has-text("Continue")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select why you are opening this record');
    await expectAccessible(page, 'purpose question (errors)');
    await page.check('input[name="purpose"][value="law-enforcement"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL(`${base}/probe/people/${personId}`);
    await page.click('text=Why can I see this?');
    expect(await page.textContent('.fusion-why')).toContain('owns this record');
    await expectAccessible(page, 'person with why');
    await page.goto(`${base}/purposes`);
    await expectAccessible(page, 'purposes');
    await page.click('table a >> nth=0');
    await page.check('input[name="outcome"][value="appropriate"]');
    await page.click('button:has-text("Save review")');
    await expectAccessible(page, 'purposes after review');

    // Retention
    await page.goto(`${base}/retention`);
    expect(await page.textContent('table')).toContain('BR1');
    await expectAccessible(page, 'reviews due');
    await page.click('table a:has-text("Review") >> nth=0');
    await page.click('button:has-text("Record the decision")');
    await expectAccessible(page, 'retention decision (errors)');
    await page.check('input[name="decision"][value="dispose"]');
    await page.fill('#reason', 'No longer needed for any purpose');
    await page.click('button:has-text("Record the decision")');
    await expect.poll(() => page.textContent('.govuk-notification-banner')).toContain('dispose');

    // Audit
    await page.goto(`${base}/audit`);
    await expectAccessible(page, 'audit');
    await page.fill('#action', 'users.');
    await page.click('button:has-text("Search")');
    expect(await page.textContent('table')).toContain('users.created');
    await page.click('button:has-text("Verify the whole chain")');
    await expect.poll(async () => { await page.reload(); return page.textContent('main'); }, { timeout: 30_000 }).toContain('no break');
    await expectAccessible(page, 'audit verify job');
    await context.close();
  }, 300_000);
});
