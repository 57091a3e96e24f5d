import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../../test/support/context.js';

/** Many pages with an axe run each; the shared 2-core machine is often loaded. */
const BROWSER_TIMEOUT = 480_000;

describe('organised crime groups and disruptions in a real browser', () => {
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

  /** Opening a group or an investigation asks why (the kernel's reason for access) once per record and hour. */
  const landOn = async (page: Page, re: RegExp) => {
    await page.waitForURL((u) => u.pathname === '/purpose' || re.test(u.href));
    if (new URL(page.url()).pathname === '/purpose') {
      await expectAccessible(page, 'reason for access');
      await page.check('input[name="purpose"][value="law-enforcement"]');
      await page.click('button:has-text("Continue")');
      await page.waitForURL(re);
    }
  };

  const go = async (page: Page, path: string, label = path) => {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status(), label).toBe(200);
    await expectAccessible(page, label);
  };

  it('records a group, links intelligence, assesses it with the breakdown shown, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'ocg@nca.demo');
    await go(page, '/ocgs', 'register');
    expect(await page.textContent('main')).toContain('Organised crime groups');

    await page.click('text=Record a group');
    await expectAccessible(page, 'new group form');
    await page.click('button:has-text("Record the group")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the name of the group');
    await expectAccessible(page, 'new group form with errors');
    await page.fill('#name', 'Browser test crossing network');
    await page.check('input[name="primaryThreat"][value="oic"]');
    await page.check('input[name="oicSubtypes"][value="small_boats"]');
    await page.check('input[name="areas"][value="kent"]');
    await page.check('input[name="handlingCode"][value="P"]');
    await page.click('button:has-text("Record the group")');
    await landOn(page, /\/ocgs\/[0-9a-f-]{36}\?done=created/);
    expect(await page.textContent('main')).toContain('Never assessed');
    await expectAccessible(page, 'group page (new)');
    const groupUrl = page.url().split('?')[0]!;

    await page.click('text=Link an intelligence report');
    await expectAccessible(page, 'link intelligence form');
    await page.fill('#reportId', 'BROWSER-INT-1');
    await page.click('button:has-text("Link the report")');
    await page.waitForURL(/done=linked/);

    await page.click('text=Add a member');
    await expectAccessible(page, 'add member form');
    await page.fill('#name', 'Test Member');
    await page.check('input[name="role"][value="principal"]');
    await page.check('input[name="location"][value="overseas"]');
    await page.click('button:has-text("Add the member")');
    await page.waitForURL(/done=member/);
    expect(await page.textContent('main')).toContain('Test Member');

    await page.click('text=Change details');
    await expectAccessible(page, 'edit group form');
    await page.fill('#summary', 'Boats launched from northern France.');
    await page.click('button:has-text("Save changes")');
    await page.waitForURL(/done=updated/);

    await page.click('text=Assess this group');
    await expectAccessible(page, 'assess form');
    for (const [f, v] of [['harm', '4'], ['likelihood', '4'], ['confidence', '2'], ['capacity', '3']]) await page.check(`input[name="${f}"][value="${v}"]`);
    await page.check('input[name="decision"][value="investigate"]');
    await page.click('button:has-text("Record the assessment")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the reasons for the decision');
    await expectAccessible(page, 'assess form with errors');
    await page.fill('#rationale', 'New report names the UK coordinator; task the ROCU.');
    await page.click('button:has-text("Record the assessment")');
    await page.waitForURL(/done=assessed/);
    const main = await page.textContent('main');
    // 4,4,2,3 with the default weights: 30 + 18.75 + 3.75 + 10 = 62.5 -> P2, low confidence -> tier 3.
    expect(main).toContain('score 62.5, grade P2, tier 3');
    expect(main).toContain('How the latest score was reached');
    await expectAccessible(page, 'group page (assessed)');
    expect(page.url().split('?')[0]).toBe(groupUrl);

    const download = page.waitForEvent('download');
    await page.click('text=Download the assessment history as CSV');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/assessments\.csv$/);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('shows the assessment list, grades, scoring and register pages accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'ocg@nca.demo');
    await go(page, '/ocgs/assessments', 'assessment list');
    expect(await page.textContent('main')).toContain('need assessing');
    await go(page, '/ocgs/assessments?kind=new_intelligence', 'assessment list filtered');
    await go(page, '/ocgs/grades', 'grade mix');
    expect(await page.textContent('main')).toContain('P1 0, P2 14, P3 31, P4 34');
    await go(page, '/ocgs/scoring', 'scoring');
    await page.fill('#reason', '');
    await page.fill('#weights-harm', '-5');
    await page.click('button:has-text("Save the scoring")');
    expect(await page.textContent('.govuk-error-summary')).toContain('weight of harm');
    await expectAccessible(page, 'scoring with errors');
    await go(page, '/ocgs?threat=oic&grade=P4', 'register filtered');
    const download = page.waitForEvent('download');
    await page.click('text=Download this table as CSV');
    expect((await download).suggestedFilename()).toBe('ocg-register.csv');
    await context.close();
  }, BROWSER_TIMEOUT);

  it('records a disruption that another supervisor validates, and shows the figures accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'intel@met.demo');
    await go(page, '/disruptions', 'disruptions');
    await page.click('text=Record a disruption');
    await expectAccessible(page, 'new disruption form');
    await page.check('input[name="threat"][value="oic"]');
    await page.check('input[name="category"][value="pursue"]');
    await page.selectOption('#tactic', 'seizure');
    await page.check('input[name="magnitude"][value="moderate"]');
    await page.fill('#evidence', 'Seizure of two boat engines; no crossings from this group for two months.');
    await page.fill('#disruptedOn-day', '3');
    await page.fill('#disruptedOn-month', '2');
    await page.fill('#disruptedOn-year', '2026');
    await page.click('button:has-text("Record the disruption")');
    await page.waitForURL(/\/disruptions\/[0-9a-f-]{36}\?done=created/);
    await expectAccessible(page, 'disruption page');
    const url = page.url().split('?')[0]!;
    await context.close();

    const sup = await newPage(browser);
    await signIn(sup.page, base, 'supervisor@met.demo');
    await go(sup.page, url.replace(base, ''), 'disruption to validate');
    await sup.page.check('input[name="decision"][value="validated"]');
    await sup.page.click('button:has-text("Record the decision")');
    await sup.page.waitForURL(/done=validated/);
    expect(await sup.page.textContent('main')).toContain('Validated by DS Tom Hughes');
    await go(sup.page, '/disruptions/statistics?threat=oic', 'disruption figures (OIC)');
    expect(await sup.page.textContent('#concentration-text')).toContain('Surrey Police');
    await go(sup.page, '/disruptions/statistics?threat=msht&validated=only', 'disruption figures (MSHT)');
    const download = sup.page.waitForEvent('download');
    await sup.page.click('text=Download disruptions by force as CSV');
    expect((await download).suggestedFilename()).toBe('disruptions-msht-by-force.csv');
    await sup.context.close();
  }, BROWSER_TIMEOUT);
});
