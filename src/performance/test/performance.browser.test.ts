import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../../test/support/context.js';

/** The performance pages in Chromium: the main journeys, and axe on every page. */
describe('performance pages in a real browser', () => {
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

  it('shows the national dashboard, switches to a force, prints, and every page passes axe', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'msoicu@npcc.demo');
    await page.goto(`${base}/performance`);
    expect(await page.textContent('h1')).toContain('All forces (national)');
    expect(await page.locator('.perf-measure').count()).toBeGreaterThanOrEqual(14);
    expect(await page.locator('svg.perf-chart').count()).toBeGreaterThan(2);
    await expectAccessible(page, 'national dashboard');
    await page.selectOption('#scope', 'force:gmp');
    await page.check('#publication');
    await page.click('button:has-text("Show figures")');
    await page.waitForLoadState('load');
    expect(await page.textContent('h1')).toContain('Greater Manchester Police');
    expect(page.url()).toContain('publication=yes');
    await expectAccessible(page, 'force dashboard for publication');
    await page.click('a:has-text("Printable view")');
    await page.waitForLoadState('load');
    expect(await page.locator('.perf-picker').count()).toBe(0);
    await expectAccessible(page, 'printable view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.fusion-org-header').isVisible()).toBe(false);
    await context.close();
  });

  it('lists the seed recommendations with their deadlines, overdue highlighted, and records progress', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'msoicu@npcc.demo');
    await page.goto(`${base}/performance/recommendations`);
    const r1 = page.locator('#rec-004-R1');
    expect(await r1.textContent()).toContain('31 December 2025');
    expect(await r1.textContent()).toContain('Overdue');
    expect(await page.locator('#rec-004-R2').textContent()).toContain('30 April 2026');
    expect(await page.locator('#rec-002-R1').count()).toBe(1);
    expect(await page.locator('#rec-001-A37').count()).toBe(1);
    await expectAccessible(page, 'recommendations');
    await page.click('#rec-004-R8 a');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'recommendation');
    await page.check('input[name="status"][value="done"]');
    await page.fill('#evidence', '');
    await page.click('button:has-text("Save the status")');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the evidence');
    await expectAccessible(page, 'recommendation with an error');
    await page.fill('#evidence', 'Hydra delivered in every force; attendance registers held by the MSOICU');
    await page.click('button:has-text("Save the status")');
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('Hydra delivered in every force');
    await page.goto(`${base}/performance/recommendations?overdue=yes`);
    expect(await page.locator('#rec-004-R8').count()).toBe(0);
    await context.close();
  });

  it('opens a peer review and its enhancement plan, adds a recommendation and records progress', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'msoicu@npcc.demo');
    await page.goto(`${base}/performance/peer-reviews`);
    await expectAccessible(page, 'peer reviews');
    await page.click('a:has-text("Record a peer review")');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'new peer review');
    await page.selectOption('#agency_code', 'rocu-south-west');
    await page.fill('#fieldwork_on', '2026-09-01');
    await page.fill('#reported_on', '2026-10-15');
    await page.fill('#revisit_due_on', '2027-10-15');
    await page.selectOption('#rating_training', 'needs_improvement');
    await page.fill('#findings_training', 'Few investigators have completed Hydra.');
    await page.click('button:has-text("Save the review")');
    await page.waitForLoadState('load');
    expect(await page.textContent('h1')).toContain('South West Regional Organised Crime Unit');
    await expectAccessible(page, 'peer review');
    await page.click('a:has-text("Add a recommendation")');
    await page.waitForLoadState('load');
    await page.click('button:has-text("Add the recommendation")');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select the area');
    await expectAccessible(page, 'add recommendation with errors');
    await page.selectOption('#area', 'training');
    await page.fill('#text', 'Deliver Hydra to every ROCU investigator.');
    await page.fill('#owner', 'ROCU head of investigations');
    await page.fill('#due_on', '2026-11-01');
    await page.click('button:has-text("Add the recommendation")');
    await page.waitForLoadState('load');
    const row = page.locator('#plan tbody tr').first();
    expect(await row.textContent()).toContain('Overdue');
    await row.locator('a').click();
    await page.waitForLoadState('load');
    await expectAccessible(page, 'plan recommendation');
    await page.check('input[name="status"][value="in_progress"]');
    await page.fill('#note', 'Two courses booked.');
    await page.click('button:has-text("Record progress")');
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('Two courses booked.');
    await context.close();
  });

  it('shows governance signals and training, imports a file with a problem report, as a force MS lead', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'mslead@west-yorkshire.demo');
    await page.goto(`${base}/performance`);
    expect(await page.textContent('h1')).toContain('West Yorkshire Police');
    await page.goto(`${base}/performance/governance`);
    expect(await page.textContent('#signal-counts')).toContain('Seed 002');
    await expectAccessible(page, 'governance');
    await page.click('a:has-text("West Yorkshire Police")');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'governance form');
    await page.goto(`${base}/performance/training`);
    expect(await page.textContent('#completion')).toContain('West Yorkshire Police');
    await expectAccessible(page, 'training');
    await page.goto(`${base}/performance/training/import`);
    await expectAccessible(page, 'training import');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-')), 'completion.csv');
    fs.writeFileSync(
      file,
      'force,course,as_of,completed,relevant_headcount\nwest-yorkshire,oic-elearning,2026-11-01,900,3300\nmet,oic-elearning,2026-11-01,10,20\n',
    );
    await page.setInputFiles('#file', file);
    await page.click('button:has-text("Import")');
    await page.waitForLoadState('load');
    expect(await page.textContent('#problems')).toContain('your own force only');
    await expectAccessible(page, 'import problems');
    fs.writeFileSync(
      file,
      'force,course,as_of,completed,relevant_headcount\nwest-yorkshire,oic-elearning,2026-11-01,900,3300\n',
    );
    await page.setInputFiles('#file', file);
    await page.click('button:has-text("Import")');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-panel')).toContain('1 row');
    await expectAccessible(page, 'import done');
    await context.close();
  });
});
