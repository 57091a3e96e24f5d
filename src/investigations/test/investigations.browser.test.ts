import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../../test/support/context.js';

/** Many pages with an axe run each; the shared 2-core machine is often loaded. */
const BROWSER_TIMEOUT = 480_000;

describe('investigations in a real browser', () => {
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
  const date = async (page: Page, id: string, iso: string) => {
    const [y, m, d] = iso.split('-');
    await page.fill(`#${id}-day`, String(Number(d)));
    await page.fill(`#${id}-month`, String(Number(m)));
    await page.fill(`#${id}-year`, y!);
  };

  it('records an investigation with its criminal justice outcomes and allocates the lead, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'supervisor@met.demo');
    await go(page, '/investigations', 'investigations');
    await page.click('text=Record an investigation');
    await expectAccessible(page, 'new investigation form');
    await page.fill('#operationName', 'Browserbird');
    await page.check('input[name="primaryThreat"][value="msht"]');
    await page.check('input[name="mshtSubtypes"][value="criminal"]');
    await page.check('input[name="offences"][value="msa_s2"]');
    await date(page, 'openedOn', '2025-02-01');
    await page.check('input[name="supportingForces"][value="kent"]');
    for (const q of ['dedicatedTeam', 'financialInvestigation', 'victimNavigator', 'evidenceLed']) await page.check(`input[name="${q}"][value="yes"]`);
    await page.check('input[name="handlingCode"][value="P"]');
    await page.click('button:has-text("Record the investigation")');
    await landOn(page, /\/investigations\/[0-9a-f-]{36}\?done=created/);
    await expectAccessible(page, 'investigation page (new)');
    const url = page.url().split('?')[0]!.replace(base, '');

    await page.click('text=Add a subject');
    await expectAccessible(page, 'add subject form');
    await page.fill('#name', 'Browser Subject');
    await page.check('input[name="role"][value="principal"]');
    await page.selectOption('#residesForceCode', 'kent');
    await page.click('button:has-text("Add the subject")');
    await page.waitForURL(/done=subject/);

    await page.click('text=Add a victim');
    await expectAccessible(page, 'add victim form');
    await page.fill('#referralId', 'NRM-BROWSER-1');
    await page.check('input[name="isChild"][value="yes"]');
    await page.check('input[name="engagement"][value="partly_engaged"]');
    await page.check('input[name="navigator"][value="yes"]');
    await page.click('button:has-text("Add the victim")');
    await page.waitForURL(/done=victim/);
    await page.selectOption('select[name="engagement"]', 'engaged');
    await page.click('button:has-text("Update")');
    await page.waitForURL(/done=engagement/);

    await page.click('text=Record a request for early advice');
    await expectAccessible(page, 'early advice form');
    await date(page, 'requestedOn', '2025-03-01');
    await page.check('input[name="accessible"][value="yes"]');
    await page.click('button:has-text("Record the request")');
    await page.waitForURL(/done=advice/);

    await page.click('text=Record a charge');
    await expectAccessible(page, 'charge form');
    await page.selectOption('#subjectId', { index: 1 });
    await page.check('input[name="group"][value="msa_s2"]');
    await page.fill('#offence', 's2 Modern Slavery Act 2015');
    await date(page, 'chargedOn', '2025-05-01');
    await page.check('input[name="s45Raised"][value="no"]');
    await page.check('input[name="outcome"][value="convicted"]');
    await page.click('button:has-text("Record the charge")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the date of the outcome');
    await expectAccessible(page, 'charge form with errors');
    await page.check('input[name="outcome"][value="pending"]');
    await page.click('button:has-text("Record the charge")');
    await page.waitForURL(/done=charge/);
    await page.click('text=Record outcome');
    await expectAccessible(page, 'charge outcome form');
    await page.check('input[name="outcome"][value="convicted"]');
    await date(page, 'outcomeOn', '2025-09-01');
    await page.fill('#sentenceMonths', '66');
    await page.click('button:has-text("Record the outcome")');
    await page.waitForURL(/done=outcome/);
    expect(await page.textContent('main')).toContain('5.5 years');

    await page.click('text=Record an order');
    await expectAccessible(page, 'order form');
    await page.check('input[name="kind"][value="stpo"]');
    await page.check('input[name="status"][value="granted"]');
    await date(page, 'datedOn', '2025-09-02');
    await page.click('button:has-text("Record the order")');
    await page.waitForURL(/done=order/);

    await page.click('text=Link a group');
    await expectAccessible(page, 'link group form');
    await page.fill('#reference', 'OCG-NOPE-1');
    await page.click('button:has-text("Link the group")');
    expect(await page.textContent('.govuk-error-summary')).toContain('There is no group with this reference');
    await page.goto(`${base}${url}`);

    // Cross-regional allocation: recommendation, refusal without rationale, then the decision.
    await page.click('text=Decide which force leads');
    await expectAccessible(page, 'allocation form');
    await page.fill('#c0-victims', '4');
    await page.fill('#c0-evidence', '2');
    await page.fill('#c1-victims', '1');
    await page.click('button:has-text("Work out the recommendation")');
    expect(await page.textContent('#recommendation')).toContain('Metropolitan Police');
    await expectAccessible(page, 'allocation with recommendation');
    await page.fill('#duties-kent', 'Arrest the principal suspect who lives in Kent.');
    await page.click('button:has-text("Record the decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the rationale');
    await expectAccessible(page, 'allocation with errors');
    await page.fill('#rationale', 'Most victims and the evidence are in London; Kent supports.');
    await page.click('button:has-text("Record the decision")');
    await page.waitForURL(/done=allocated/);
    const main = await page.textContent('main');
    expect(main).toContain('Metropolitan Police leads');
    expect(main).toContain('Arrest the principal suspect who lives in Kent.');
    await expectAccessible(page, 'investigation page (complete)');

    await page.click('text=Update status and details');
    await expectAccessible(page, 'update investigation form');
    await page.check('input[name="status"][value="finished"]');
    await date(page, 'closedOn', '2025-09-03');
    await page.fill('#lessonsLearnt', 'Browserbird lesson: cell-site evidence proved control without victim testimony.');
    await page.click('button:has-text("Save changes")');
    await page.waitForURL(/done=updated/);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('shows the ownership rules, the case library and what works accessibly, with CSV downloads', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'supervisor@met.demo');
    await go(page, '/investigations/ownership', 'ownership rules');
    await page.check('input[name="facts"][value="fatality"]');
    await page.check('input[name="facts"][value="s25"]');
    await page.click('button:has-text("Suggest the owner")');
    expect(await page.textContent('#suggestion')).toContain('The police force for the area');
    await expectAccessible(page, 'ownership suggestion');

    await go(page, '/investigations/library', 'case library');
    await page.fill('#q', 'Browserbird');
    await page.click('button:has-text("Search")');
    expect(await page.textContent('main')).toContain('Operation Browserbird');
    await expectAccessible(page, 'case library search');

    await go(page, '/investigations/what-works', 'what works');
    expect(await page.textContent('main')).toContain('Charging mix by type of exploitation');
    const download = page.waitForEvent('download');
    await page.click('text=Download the charging mix as CSV');
    expect((await download).suggestedFilename()).toBe('charging-mix.csv');
    await go(page, '/investigations?threat=oic', 'investigations filtered');
    const list = page.waitForEvent('download');
    await page.click('text=Download this table as CSV');
    expect((await list).suggestedFilename()).toBe('investigations.csv');
    await context.close();
  }, BROWSER_TIMEOUT);
});
