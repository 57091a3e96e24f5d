import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible as axeCheck, launchBrowser, listen, newPage, signIn } from '../../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../../test/support/context.js';
import { searchableColumnCount, tablesContaining } from './helpers.js';

/**
 * The referral pages in Chromium: a first responder completes an adult referral with consent, another records
 * a Duty to Notify (and the name typed is then found nowhere in the database), the competent authority decides
 * and reviews, support and statistics pages render, and every page passes axe.
 */
/** Generous: the machine is shared, and axe takes seconds a page; durations are reported, never asserted. */
const SLOW = 300_000;

describe('referral pages in a real browser', () => {
  let env: TestEnv;
  let browser: Browser;
  let base: string;
  let referralUrl = '';
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    env = await testEnv('embedded', 'demo');
    base = await listen(env.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    console.log('referral journey timings (ms):', timings);
    await browser?.close();
    await env?.close();
  });

  let axeMs = 0;
  /** axe on the page, timed apart so the journey's own duration can be reported. */
  const expectAccessible = async (page: Page, label: string) => {
    const t = Date.now();
    await axeCheck(page, label);
    axeMs += Date.now() - t;
  };
  const cont = async (page: Page) => {
    await Promise.all([page.waitForLoadState('load'), page.click('#continue')]);
  };
  const heading = (page: Page) => page.textContent('h1');

  it('plays a first responder completing an adult referral with consent', async () => {
    const { context, page } = await newPage(browser);
    const started = Date.now();
    axeMs = 0;
    await signIn(page, base, 'officer@met.demo');
    await page.goto(`${base}/referrals/new`);
    await expectAccessible(page, 'start page');
    await page.click('#start');
    await page.waitForURL(/\/person$/);
    await expectAccessible(page, 'person page');
    // A mistake first: the error summary names it and the page stays accessible.
    await page.fill('#givenName', 'Mirela');
    await page.fill('#familyName', 'Dushku');
    await page.fill('#dateOfBirth-day', '3');
    await page.fill('#dateOfBirth-month', '7');
    await page.fill('#dateOfBirth-year', '2099');
    await page.check('input[name="ageGroup"][value="adult"]');
    await page.check('input[name="gender"][value="female"]');
    await page.selectOption('#nationality', 'AL');
    await cont(page);
    expect(await page.textContent('.govuk-error-summary')).toContain('Date of birth must be in the past');
    await expectAccessible(page, 'person page with an error');
    await page.fill('#dateOfBirth-year', '1998');
    await cont(page);
    expect(await heading(page)).toContain('Consent');
    await expectAccessible(page, 'consent page');
    await page.check('input[name="consent"][value="yes"]');
    await cont(page);
    expect(await heading(page)).toContain('The exploitation');
    await expectAccessible(page, 'exploitation page');
    await page.check('input[name="exploitationTypes"][value="labour"]');
    await page.check('input[name="sectors"][value="nail-bar"]');
    await page.selectOption('#forceArea', 'met');
    await page.selectOption('#countryOfOrigin', 'AL');
    await page.fill('#transitCountries', 'Italy, France');
    await cont(page);
    await expectAccessible(page, 'indicators page');
    await page.check('input[name="indicators"][value="control.no-id"]');
    await page.check('input[name="indicators"][value="work.long-hours"]');
    await page.fill('#account', 'Found working at a nail bar with no passport; the manager holds her wages.');
    await cont(page);
    await expectAccessible(page, 'suspects page');
    await page.fill('#suspects', 'Gent Leka');
    await page.fill('#phones', '07700 900777');
    await page.fill('#vehicles', 'LK28 XRV');
    await cont(page);
    expect(await heading(page)).toContain('Check your answers');
    expect(await page.textContent('main')).toContain('Mirela Dushku');
    await expectAccessible(page, 'check your answers');
    // The competent authority's new guidance must be acknowledged before submitting.
    await Promise.all([page.waitForLoadState('load'), page.click('#submit')]);
    expect(await page.textContent('.govuk-error-summary')).toContain("latest guidance");
    await expectAccessible(page, 'check your answers with an error');
    await page.check('input[name="acknowledgeNotices"]');
    await Promise.all([page.waitForLoadState('load'), page.click('#submit')]);
    expect(await page.textContent('.govuk-panel')).toContain('Referral submitted');
    expect(await page.textContent('.govuk-panel')).toMatch(/NRM-\d{4}-\d{6}/);
    timings.adultReferral = Date.now() - started;
    timings.adultReferralWithoutAxe = timings.adultReferral - axeMs;
    await expectAccessible(page, 'referral submitted');
    await page.click('text=View the referral');
    await page.waitForLoadState('load');
    referralUrl = page.url();
    expect(await page.textContent('main')).toContain('Mirela Dushku');
    await expectAccessible(page, 'referral page');
    await context.close();
  }, SLOW);

  it('plays a first responder recording a Duty to Notify, and no table holds the name typed', async () => {
    const given = 'Zorvathine';
    const family = 'Kemmerlight';
    expect(await tablesContaining(env.ctx.db, given)).toEqual([]);
    const { context, page } = await newPage(browser);
    const started = Date.now();
    axeMs = 0;
    await signIn(page, base, 'officer@west-midlands.demo');
    await page.goto(`${base}/referrals/new`);
    await page.click('#start');
    await page.waitForURL(/\/person$/);
    await page.fill('#givenName', given);
    await page.fill('#familyName', family);
    await page.fill('#otherNames', `${given} ${family}`);
    await page.check('input[name="ageGroup"][value="adult"]');
    await page.check('input[name="gender"][value="male"]');
    await page.selectOption('#nationality', 'VN');
    await cont(page);
    // Typed and saved: the draft holds the name until the person declines.
    expect((await tablesContaining(env.ctx.db, given)).length).toBeGreaterThan(0);
    await page.check('input[name="consent"][value="no"]');
    await cont(page);
    expect(await page.textContent('main')).toContain('Duty to Notify');
    await expectAccessible(page, 'exploitation page of a DtN');
    await page.check('input[name="exploitationTypes"][value="criminal"]');
    await page.check('input[name="sectors"][value="cannabis-cultivation"]');
    await page.selectOption('#forceArea', 'west-midlands');
    await cont(page);
    await page.check('input[name="indicators"][value="fear.fears-deportation"]');
    expect(await page.$('#account')).toBeNull();
    await cont(page);
    await page.fill('#addresses', '22 Canal Street, Birmingham B1 2JX');
    await cont(page);
    expect(await heading(page)).toContain('Duty to Notify');
    expect(await page.textContent('main')).not.toContain(given);
    await expectAccessible(page, 'check your answers of a DtN');
    const ack = await page.$('input[name="acknowledgeNotices"]');
    if (ack) await ack.check();
    await Promise.all([page.waitForLoadState('load'), page.click('#submit')]);
    expect(await page.textContent('.govuk-panel')).toContain('Duty to Notify recorded');
    timings.dutyToNotify = Date.now() - started;
    timings.dutyToNotifyWithoutAxe = timings.dutyToNotify - axeMs;
    await expectAccessible(page, 'DtN recorded');
    await context.close();
    // Every text and JSON column of every table: drafts, referrals, facts, audit detail, sessions, jobs...
    expect(await searchableColumnCount(env.ctx.db)).toBeGreaterThan(100);
    expect(await tablesContaining(env.ctx.db, given)).toEqual([]);
    expect(await tablesContaining(env.ctx.db, family)).toEqual([]);
    // The facts still count.
    expect(await tablesContaining(env.ctx.db, 'Canal Street')).toContain('public.referral_fact_items.value');
  }, SLOW);

  it('autosaves what is typed on a question page, so the same user finds it in a new browser', async () => {
    const first = await newPage(browser);
    await signIn(first.page, base, 'glaa@glaa.demo');
    await first.page.goto(`${base}/referrals/new`);
    await Promise.all([first.page.waitForURL(/\/person$/), first.page.click('#start')]);
    const personUrl = first.page.url();
    // Typed, never submitted: no Continue, no "Save and come back later".
    await first.page.fill('#givenName', 'Ilvaria');
    await first.page.fill('#familyName', 'Quenneth');
    await first.page.check('input[name="gender"][value="female"]');
    const status = first.page.locator('#autosave-status');
    await status.filter({ hasText: /^Saved at (\d{1,2}:\d{2}(am|pm)|midday|midnight)$/ }).waitFor({ timeout: 20_000 });
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expectAccessible(first.page, 'person page after an autosave');
    // An answer that breaks a rule is not saved, and the status says why in plain English.
    await first.page.fill('#dateOfBirth-day', '31');
    await first.page.fill('#dateOfBirth-month', '2');
    await first.page.fill('#dateOfBirth-year', '1990');
    await status.filter({ hasText: 'Not saved yet: Date of birth must be a real date' }).waitFor({ timeout: 20_000 });
    await expectAccessible(first.page, 'person page with an autosave refused');
    // The same user, in a new browser context (as after a time-out on another machine), finds the typed answers.
    const second = await newPage(browser);
    await signIn(second.page, base, 'glaa@glaa.demo');
    await second.page.goto(`${base}/referrals/new`);
    expect(await second.page.textContent('main')).toContain('Ilvaria Quenneth');
    await second.page.goto(personUrl);
    expect(await second.page.inputValue('#givenName')).toBe('Ilvaria');
    expect(await second.page.inputValue('#familyName')).toBe('Quenneth');
    expect(await second.page.isChecked('input[name="gender"][value="female"]')).toBe(true);
    expect(await second.page.inputValue('#dateOfBirth-day')).toBe('');
    expect(await second.page.textContent('#autosave-status')).toBe('');
    await expectAccessible(second.page, 'person page resumed from an autosaved draft');
    await first.context.close();
    await second.context.close();
  }, SLOW);

  it('shows the golden hour guide on a phone, with who to call', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${base}/referrals/guide`);
    expect(await heading(page)).toContain('golden hour');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'golden hour guide on a phone');
    await page.check('input[name="age"][value="adult"]');
    await page.selectOption('#nationality', 'AL');
    await page.check('input[name="type"][value="labour"]');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Show who to call")')]);
    const text = await page.textContent('main');
    expect(text).toContain('Gangmasters and Labour Abuse Authority');
    expect(text).toContain('National Command and Control Unit');
    await expectAccessible(page, 'who to call');
    await context.close();
  }, SLOW);

  it('lets the competent authority decide and a different decision-maker review, accessibly', async () => {
    expect(referralUrl).toMatch(/\/referrals\/[0-9a-f-]{36}$/);
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'decision@sca.demo');
    for (const path of ['/referrals', '/referrals/decisions', '/referrals/notices', '/referrals/case-reviews']) {
      await page.goto(`${base}${path}`);
      await expectAccessible(page, path);
    }
    await page.click('.govuk-table a.govuk-link >> nth=0');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'case-review sample');
    await page.goto(referralUrl);
    await page.click('text=Make the reasonable grounds decision');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'decision page');
    await page.check('input[name="outcome"][value="positive"]');
    await page.fill('#reasons', 'No passport, wages withheld and long hours: reasonable grounds to believe she is a victim.');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Send for second review")')]);
    expect(await page.textContent('main')).toContain('Awaiting second review');
    expect(await page.$('text=Review this decision')).toBeNull();
    await context.close();

    const second = await newPage(browser);
    await signIn(second.page, base, 'reviewer@sca.demo');
    await second.page.goto(referralUrl);
    await second.page.click('text=Review this decision');
    await second.page.waitForLoadState('load');
    await expectAccessible(second.page, 'second review page');
    await second.page.check('input[name="upheld"][value="yes"]');
    await Promise.all([second.page.waitForLoadState('load'), second.page.click('button:has-text("Record the review")')]);
    expect(await second.page.textContent('.govuk-error-summary')).toContain('not been involved in any asylum or immigration decision');
    await expectAccessible(second.page, 'second review with an error');
    await second.page.check('input[name="declaresNoImmigrationInvolvement"]');
    await second.page.check('input[name="upheld"][value="yes"]');
    await Promise.all([second.page.waitForLoadState('load'), second.page.click('button:has-text("Record the review")')]);
    expect(await second.page.textContent('main')).toContain('Recovery period ends');
    await expectAccessible(second.page, 'referral after the decision');
    await second.context.close();
  }, SLOW);

  it('renders the statistics tables for the demo data and downloads them as CSV', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'decision@sca.demo');
    await page.goto(`${base}/referrals/statistics`);
    expect(await page.textContent('#backlog-count')).toMatch(/^\d[\d,]*$/);
    for (const id of ['exploitation-by-age', 'nationality', 'first-responder', 'force-area', 'rg-outcomes', 'cg-outcomes', 'dtn', 'backlog', 'rg-timeliness']) {
      expect(await page.$(`#table-${id}`), id).not.toBeNull();
    }
    expect(await page.textContent('#table-nationality')).toContain('[c]');
    await expectAccessible(page, 'statistics');
    const href = await page.getAttribute('a[href*="/first-responder/export.csv"]', 'href');
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toBe('Category,NRM referrals,Duty to Notify,Total');
    await page.goto(`${base}/referrals/statistics?publication=no&from=2020-01-01`);
    expect(await page.textContent('#table-nationality')).not.toContain('[c]');
    await expectAccessible(page, 'statistics without suppression');
    await context.close();
  }, SLOW);

  it('shows support cases, the quarterly report, facts and children missing from care, accessibly', async () => {
    const nav = await newPage(browser);
    await signIn(nav.page, base, 'navigator@salvation-army.demo');
    await nav.page.goto(`${base}/referrals/support`);
    await expectAccessible(nav.page, 'support cases');
    await nav.page.click('.govuk-table a.govuk-link >> nth=0');
    await nav.page.waitForLoadState('load');
    await expectAccessible(nav.page, 'support case');
    await nav.page.click('summary:has-text("Log a contact")');
    await nav.page.check('input[name="outcome"][value="missed"]');
    await Promise.all([nav.page.waitForLoadState('load'), nav.page.click('button:has-text("Log contact")')]);
    expect(await nav.page.textContent('main')).toContain('Missed');
    await nav.page.goto(`${base}/referrals/support?flagged=yes`);
    await expectAccessible(nav.page, 'disengaged cases');
    await nav.page.goto(`${base}/referrals/support/report`);
    await expectAccessible(nav.page, 'quarterly report');
    await nav.context.close();

    const analyst = await newPage(browser);
    await signIn(analyst.page, base, 'analyst@nca.demo');
    await analyst.page.goto(`${base}/referrals/facts`);
    expect(await analyst.page.textContent('main')).toContain('Gent Leka');
    expect(await analyst.page.textContent('main')).not.toContain('Mirela');
    await expectAccessible(analyst.page, 'referral facts');
    await analyst.context.close();

    const la = await newPage(browser);
    await signIn(la.page, base, 'safeguarding@la-hillingdon.demo');
    for (const path of ['/referrals/children', '/referrals/notices']) {
      await la.page.goto(`${base}${path}`);
      await expectAccessible(la.page, path);
    }
    await la.context.close();
  }, SLOW);
});
