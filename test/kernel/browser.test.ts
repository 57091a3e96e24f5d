import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../support/browser.js';
import { type TestEnv, testEnv } from '../support/context.js';

describe('web shell in a real browser', () => {
  let env: TestEnv;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    env = await testEnv('embedded', 'demo');
    base = await listen(env.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('signs a demo user in and shows their agency and role on the home page, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}/`);
    await expectAccessible(page, 'home (signed out)');
    await page.goto(`${base}/sign-in`);
    await expectAccessible(page, 'sign-in');
    await signIn(page, base, 'analyst@west-yorkshire.demo');
    await expect.poll(() => page.textContent('main')).toContain('West Yorkshire Police');
    expect(await page.textContent('.fusion-identity')).toContain('Aisha Rahman');
    await expectAccessible(page, 'home (signed in)');
    await context.close();
  });

  it('shows the sign-in error summary for a wrong password, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@west-yorkshire.demo', 'wrong-password');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter a correct email address and password');
    await expectAccessible(page, 'sign-in error');
    await context.close();
  });

  it('serves the API index, accessibility statement and a not-found page accessibly', async () => {
    const { context, page } = await newPage(browser);
    for (const path of ['/api/docs', '/accessibility', '/no-such-page']) {
      await page.goto(`${base}${path}`);
      await expectAccessible(page, path);
    }
    await context.close();
  });
});
