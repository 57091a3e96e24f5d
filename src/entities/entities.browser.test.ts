import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../test/support/context.js';

/** Answers the reason-for-access question (the trust capability's page) when Fusion asks it. */
async function open(page: Page, url: string) {
  await page.goto(url);
  if (new URL(page.url()).pathname === '/purpose') {
    await page.check('input[name="purpose"][value="intelligence"]');
    await page.click('button:has-text("Continue")');
    await page.waitForLoadState('load');
  }
}

describe('people and networks in a real browser', () => {
  let env: TestEnv;
  let browser: Browser;
  let base: string;
  let entityId: number;
  let name: string;

  beforeAll(async () => {
    env = await testEnv('embedded', 'demo');
    base = await listen(env.app);
    browser = await launchBrowser();
    // A demo network member the NCA analyst may see, with several records.
    const row = await sql<{ entity_id: number; given_name: string; family_name: string }>`
      SELECT p.entity_id, p.given_name, p.family_name FROM person_records p JOIN demo_truth t ON t.record_id = p.id
       WHERE t.network_id IS NOT NULL AND p.agency_code = 'nca' AND p.given_name IS NOT NULL AND p.family_name IS NOT NULL
       ORDER BY p.seq LIMIT 1`.execute(env.ctx.db);
    entityId = Number(row.rows[0]!.entity_id);
    name = `${row.rows[0]!.given_name} ${row.rows[0]!.family_name}`;
  });
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('finds a person and opens them, accessibly', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@nca.demo');
    await page.goto(`${base}/entities`);
    await expectAccessible(page, 'search');
    await page.fill('#name', 'x');
    await page.click('button:has-text("Search")');
    expect(await page.textContent('.govuk-error-summary')).toContain('at least 2 letters');
    await expectAccessible(page, 'search error');
    await page.fill('#name', name);
    await page.click('button:has-text("Search")');
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('found');
    await expectAccessible(page, 'search results');
    await open(page, `${base}/entities/people/${entityId}`);
    expect(await page.textContent('main')).toContain('Records');
    await expectAccessible(page, 'person');
    await context.close();
  });

  it('draws the link chart, expands it and filters it, accessibly', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@nca.demo');
    await open(page, `${base}/entities/people/${entityId}/chart?depth=1`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('link-chart')?.dataset.state ?? ''), null, { timeout: 20_000 });
    const state = await page.getAttribute('#link-chart', 'data-state');
    const status = await page.textContent('#link-chart-status');
    if (state !== 'ready') {
      // Only a browser without WebGL may fall back; the table below still lists every link.
      expect(status).toMatch(/WebGL/i);
    } else {
      expect(status).toMatch(/Showing \d+ (person|people)/);
      expect(await page.locator('#link-chart canvas').count()).toBeGreaterThan(0);
      // Expanding a node (click, or the keyboard route beside the chart) adds its links.
      expect(await page.isVisible('#link-chart-expand-button')).toBe(true);
      await page.click('#link-chart-expand-button');
      await page.waitForFunction(() => document.getElementById('link-chart')?.dataset.expanded === '1', null, { timeout: 20_000 });
      expect(await page.textContent('#link-chart-status')).toMatch(/new nodes? around/);
    }
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'link chart');
    // Filtering by threat reloads with the same links table, narrowed.
    await page.selectOption('#threat', 'oic');
    await page.click('button:has-text("Apply filters")');
    await page.waitForLoadState('load');
    expect(page.url()).toContain('threat=oic');
    await expectAccessible(page, 'link chart filtered');
    await context.close();
  });

  it('shows the timeline, the map and the path between two people, accessibly', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@nca.demo');
    await open(page, `${base}/entities/people/${entityId}/timeline`);
    expect(await page.locator('.moj-timeline__item').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'timeline');
    await open(page, `${base}/entities/map?entity=${entityId}`);
    expect(await page.locator('svg.fusion-map path').count()).toBe(45);
    await expectAccessible(page, 'map of a network');
    await page.goto(`${base}/entities/map`);
    expect(await page.locator('table tbody tr').count()).toBe(45);
    await expectAccessible(page, 'map');
    await page.goto(`${base}/entities/path?from=${entityId}&to=${entityId + 1}`);
    await expectAccessible(page, 'path');
    await context.close();
  });

  it('lets an analyst review a proposed link with its explanation, accessibly', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@nca.demo');
    await page.goto(`${base}/entities/review`);
    await expectAccessible(page, 'review queue');
    const first = page.locator('table a:has-text("Review")').first();
    expect(await first.count()).toBe(1);
    await first.click();
    await page.waitForLoadState('load');
    expect(await page.textContent('h1')).toContain('Are these the same person?');
    await page.click('.govuk-details__summary');
    expect(await page.textContent('.govuk-details__text')).toContain('Date of birth');
    await expectAccessible(page, 'review pair');
    await page.click('button:has-text("Save decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select whether');
    await expectAccessible(page, 'review pair error');
    await page.check('input[name="decision"][value="unsure"]');
    await page.click('button:has-text("Save decision")');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/entities/review');
    await context.close();
  });

  it('lets an administrator manage protected values, accessibly', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'admin@met.demo');
    await page.goto(`${base}/entities/protected`);
    expect(await page.textContent('main')).toContain('08000 121 700');
    await expectAccessible(page, 'protected values');
    await page.click('button:has-text("Protect this value")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select the kind of value');
    await expectAccessible(page, 'protected values error');
    await page.check('input[name="kind"][value="phone"]');
    await page.fill('#value', '0800 555 0199');
    await page.fill('#reason', 'Support provider switchboard');
    await page.click('button:has-text("Protect this value")');
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('0800 555 0199');
    await page.goto(`${base}/entities/resolution`);
    await expectAccessible(page, 'resolution');
    // A full run asks why, like the API does.
    await page.click('button:has-text("Run resolution over every record")');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter why you are running resolution');
    await expectAccessible(page, 'resolution error');
    await page.fill('#reason', 'Analysts confirmed many links this week');
    await page.click('button:has-text("Run resolution over every record")');
    await page.waitForURL(/\/jobs\//);
    const started = await sql<{ purpose: string }>`SELECT purpose FROM audit_log WHERE action = 'entities.resolve.started' ORDER BY seq DESC LIMIT 1`.execute(env.ctx.db);
    expect(started.rows[0]?.purpose).toBe('Analysts confirmed many links this week');
    await context.close();
  });
});
