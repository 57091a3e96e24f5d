import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../../test/support/context.js';

/** The partners capability's pages in Chromium: main journeys, and axe on every page. */
// axe on a loaded shared machine takes seconds per page: generous limits, never assertions about time.
const SLOW = 300_000;
describe('partners and partnerships in a real browser', () => {
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

  const visit = async (page: Page, path: string, label = path) => {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status(), label).toBeLessThan(400);
    await expectAccessible(page, label);
  };

  it(
    'finds partners, gets recommendations from case facts and marks one as engaged',
    async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, base, 'officer@met.demo');
      await visit(page, '/partners');
      await page.fill('#q', 'fingerprints');
      await page.click('button:has-text("Search")');
      expect(await page.textContent('main')).toContain(
        'Immigration Enforcement National Command and Control Unit',
      );
      await expectAccessible(page, 'directory search');
      await visit(page, '/partners/nccu');
      expect(await page.textContent('main')).toContain('24/7');
      await visit(page, '/partners/ndfu');

      await visit(page, '/partners/recommendations', 'recommendations (empty)');
      await page.selectOption('#caseKind', 'referral');
      await page.fill('#caseId', 'NRM-BROWSER-1');
      await page.fill('#age', '17');
      await page.fill('#nationalities', 'Vietnam');
      await page.check('input[name="facts"][value="potentialVictim"]');
      await page.check('input[name="exploitationTypes"][value="criminal"]');
      await page.check('input[name="sectors"][value="nail-bar"]');
      await page.fill('#countries', 'Vietnam, France');
      await page.click('button:has-text("Show partners to contact")');
      const results = (await page.textContent('main'))!;
      expect(results).toContain('Immigration Enforcement National Command and Control Unit');
      expect(results).toContain('Contact now');
      expect(results).toContain('Joint International Crime Centre');
      expect(results).toContain('Vietnam (not covered by Europol)');
      expect(results).toContain('The person is a child (under 18), from their age.');
      await page.click('#partner-nccu summary');
      expect(await page.textContent('#partner-nccu')).toContain(
        'NCCU should be contacted immediately when police are dealing with any foreign national person.',
      );
      await expectAccessible(page, 'recommendations (results)');
      await page.click('#partner-nccu button:has-text("as engaged")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain('The engagement was recorded');
      expect(await page.textContent('#partner-nccu')).toContain('Engaged on');
      await expectAccessible(page, 'recommendations (engaged)');
      await visit(page, '/partners/engagements?caseKind=referral&caseId=NRM-BROWSER-1', 'engagements');
      expect(await page.textContent('main')).toContain(
        'Immigration Enforcement National Command and Control Unit',
      );

      await page.goto(`${base}/partners/recommendations?age=old&countries=Atlantis`);
      expect(await page.textContent('.govuk-error-summary')).toContain('Atlantis');
      await expectAccessible(page, 'recommendations (errors)');
      await context.close();
    },
    SLOW,
  );

  it(
    'lets an administrator change a directory entry, with errors shown accessibly',
    async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, base, 'admin@met.demo');
      await visit(page, '/partners/new', 'add organisation');
      await page.click('button:has-text("Save")');
      expect(await page.textContent('.govuk-error-summary')).toContain('There is a problem');
      await expectAccessible(page, 'add organisation (errors)');
      await visit(page, '/partners/iom/edit', 'edit IOM');
      await page.fill('#howToReach', 'Telephone 0207 811 6000 (office hours).');
      await page.click('button:has-text("Save")');
      await page.waitForLoadState('load');
      expect(page.url()).toContain('/partners/iom?saved=1');
      expect(await page.textContent('main')).toContain('office hours');
      await expectAccessible(page, 'IOM after edit');
      await context.close();
    },
    SLOW,
  );

  it(
    'shows the register, the map of all 42 partnerships, the figures and the reviews to an MS lead',
    async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, base, 'msoicu@npcc.demo');
      await visit(page, '/partnerships');
      expect(await page.textContent('caption')).toContain('42 partnerships');
      await page.selectOption('#level', 'national');
      await page.click('button:has-text("Filter")');
      expect(await page.textContent('caption')).toContain('3 partnerships');
      await expectAccessible(page, 'register filtered');

      await visit(page, '/partnerships/map', 'map');
      const map = page.locator('svg[role="img"]').first();
      expect(await map.locator('path').count()).toBe(45);
      expect(await map.locator('title').first().textContent()).toBe(
        'Anti-slavery partnerships by police force area',
      );
      expect(await map.locator('path[data-area="E23000001"]').getAttribute('data-count')).toBe('2');
      expect(await map.locator('path[data-area="W15000001"]').getAttribute('data-count')).toBe('1');
      const box = await map.boundingBox();
      expect(box!.height).toBeGreaterThan(300);
      expect(await page.textContent('main')).toContain('42 partnerships match');
      await page.selectOption('#activity', 'training');
      await page.click('button:has-text("Update the map")');
      expect(page.url()).toContain('activity=training');
      await expectAccessible(page, 'map filtered by activity');
      await page.goto(`${base}/partnerships/map?measure=sharing`);
      expect(
        await page.locator('svg[role="img"] path[data-area="E23000010"]').getAttribute('data-count'),
      ).toBe('1');
      await expectAccessible(page, 'map of sharing');

      await visit(page, '/partnerships/figures', 'figures');
      expect(await page.locator('svg[role="img"]').count()).toBe(6);
      await visit(page, '/partnerships/reviews', 'reviews');
      expect(await page.textContent('#overdue ~ table')).toContain(
        'Human Trafficking & Modern Slavery London Working Group',
      );
      await visit(page, '/partnerships/wales-partnerships', 'partnership detail');
      await context.close();
    },
    SLOW,
  );

  it(
    'lets a coordinator edit and review their own partnership and record its sharing agreement, but not another',
    async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, base, 'coordinator@la-leeds.demo');
      await visit(page, '/partnerships/west-yorkshire-atms', 'own partnership');
      await page.click('a:has-text("Change the partnership")');
      await expectAccessible(page, 'edit partnership');
      await page.check('input[name="activities"][value="awareness"]');
      await page.check('input[name="fundingSources"][value="opcc"]');
      await page.click('button:has-text("Save the partnership")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain('The partnership was saved');
      expect(await page.textContent('main')).toContain('Community awareness raising');

      await page.goto(`${base}/partnerships/west-yorkshire-atms/reviews/new`);
      await expectAccessible(page, 'review form');
      await page.fill('#meetingsHeld', 'four');
      await page.click('button:has-text("Record the review")');
      expect(await page.textContent('.govuk-error-summary')).toContain(
        'Partnership meetings held must be a whole number',
      );
      await expectAccessible(page, 'review form (errors)');
      await page.fill('#meetingsHeld', '4');
      await page.fill('#frontlineStaffTrained', '120');
      await page.check('input[name="progressRating"][value="on-track"]');
      await page.fill('#progressSummary', 'Five local fora met every quarter.');
      await page.click('button:has-text("Record the review")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain(
        'The annual review was recorded',
      );

      await page.goto(`${base}/partnerships/west-yorkshire-atms/sharing-agreement`);
      await expectAccessible(page, 'sharing agreement form');
      await page.click('button:has-text("Save the agreement")');
      await page.waitForLoadState('load');
      expect(await page.textContent('main')).toContain(
        'West Yorkshire anti-trafficking network: police to Leeds City Council',
      );

      const refused = await page.goto(`${base}/partnerships/london-working-group/edit`);
      expect(refused?.status()).toBe(403);
      expect(await page.textContent('main')).toContain('Coordinator of this partnership');
      await expectAccessible(page, 'refused edit');
      await context.close();
    },
    SLOW,
  );

  it(
    'runs the National Response Plan checklist for an incident on a phone',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await signIn(page, base, 'officer@west-midlands.demo');
      await visit(page, '/response-plan');
      await visit(page, '/response-plan?type=maritime', 'response plan (maritime)');
      expect(await page.textContent('main')).toContain('Maritime and Coastguard Agency');
      await visit(page, '/incidents');
      await page.click('a:has-text("Record an incident")');
      await expectAccessible(page, 'incident form');
      await page.click('button:has-text("Record and open the checklist")');
      expect(await page.textContent('.govuk-error-summary')).toContain('Choose the type of incident');
      await expectAccessible(page, 'incident form (errors)');
      await page.check('input[name="type"][value="inland"]');
      await page.fill('#location', 'Lay-by on the A45, Coventry');
      await page.fill('#peopleFound', '7');
      await page.click('button:has-text("Record and open the checklist")');
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/\/incidents\/[0-9a-f-]{36}$/);
      await expectAccessible(page, 'incident checklist');
      await page.check('input[name="items"][value="welfare-first"]');
      await page.check('input[name="items"][value="hidden-in-vehicle"]');
      await page.check('input[name="items"][value="contact-nccu"]');
      await page.click('button:has-text("Save the checklist")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain('The checklist was saved');
      expect(await page.textContent('main')).toContain('3 of');
      expect(await page.textContent('main')).toContain('Done');
      expect(await page.textContent('main')).toContain('Welfare and safety come first');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await expectAccessible(page, 'incident checklist (ticked)');
      await context.close();
    },
    SLOW,
  );

  it(
    'closes an incident through its page after confirming the remaining actions, and reopens it',
    async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, base, 'officer@met.demo');
      await visit(page, '/incidents/new', 'incident form');
      await page.check('input[name="type"][value="aviation"]');
      await page.fill('#location', 'Heathrow Terminal 4');
      await page.click('button:has-text("Record and open the checklist")');
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/\/incidents\/[0-9a-f-]{36}$/);
      expect(await page.textContent('main')).toContain('Open');
      await page.click('button:has-text("Close incident")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-error-summary')).toContain('Confirm the remaining');
      await expectAccessible(page, 'close incident (errors)');
      await page.click('.govuk-error-summary a');
      await page.check('#confirmRemaining');
      await page.click('button:has-text("Close incident")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain('The incident was closed');
      expect(await page.textContent('.govuk-summary-list .govuk-tag')).toBe('Closed');
      expect(await page.locator('input[name="items"]').count()).toBe(0);
      expect(await page.textContent('main')).toContain('Reopen it to change its checklist');
      await expectAccessible(page, 'closed incident');
      await visit(page, '/incidents', 'incidents with a closed one');
      expect(await page.textContent('tbody')).toContain('Closed');
      await page.goBack();
      await page.click('button:has-text("Reopen incident")');
      await page.waitForLoadState('load');
      expect(await page.textContent('.govuk-notification-banner')).toContain('The incident was reopened');
      expect(await page.textContent('.govuk-summary-list .govuk-tag')).toBe('Open');
      await context.close();
    },
    SLOW,
  );
});
