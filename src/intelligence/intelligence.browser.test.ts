import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, listen, newPage, signIn } from '../../test/support/browser.js';
import { type TestEnv, testEnv } from '../../test/support/context.js';

describe('intelligence pages in a real browser', { timeout: 300_000 }, () => {
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

  const one = async (q: string) => ((await sql.raw(q).execute(env.ctx.db)).rows[0] as { id: string }).id;

  /** Fills and sends the public form in a browser with JavaScript turned off; checks each page with axe in a normal browser. */
  async function publicJourney(
    lang: 'en' | 'sq',
    texts: { error: string; thanks: string; unreviewed: boolean },
  ) {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    const axePage = (await newPage(browser)).page;
    const check = async (label: string) => {
      await axePage.goto(page.url());
      await expectAccessible(axePage, label);
    };
    await page.goto(`${base}/report-it?lang=${lang}&at=bedfordshire-luton-airport-arrivals`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('#unreviewed').count()).toBe(texts.unreviewed ? 1 : 0);
    await check(`public form (${lang})`);
    await page.click('form[action="/report-it"] button[type="submit"]');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toContain(texts.error);
    // The error page is a POST result: check it in place by re-posting in the axe browser.
    await axePage.goto(`${base}/report-it?lang=${lang}&at=bedfordshire-luton-airport-arrivals`);
    await axePage.click('form[action="/report-it"] button[type="submit"]');
    await axePage.waitForLoadState('load');
    await expectAccessible(axePage, `public form with errors (${lang})`);
    await page.check('#concern-3');
    await page.fill(
      '#whatHappened',
      lang === 'sq'
        ? 'Një kamion la njerëz në parkim natën.'
        : 'A lorry dropped people in the car park at night.',
    );
    await page.check('input[name="contact"][value="yes"]');
    await page.fill('#contactDetails', '07700 900321');
    await page.click('form[action="/report-it"] button[type="submit"]');
    await page.waitForLoadState('load');
    expect(page.url()).toContain('/report-it/thanks');
    expect(await page.textContent('main')).toContain(texts.thanks);
    await check(`thanks (${lang})`);
    await noJs.close();
    await axePage.context().close();
  }

  it('takes community intelligence without JavaScript in English and in Albanian, accessibly', async () => {
    await publicJourney('en', { error: 'Select what it is about', thanks: 'Thank you', unreviewed: false });
    await publicJourney('sq', {
      error: 'Zgjidhni për çfarë bëhet fjalë',
      thanks: 'Faleminderit',
      unreviewed: true,
    });
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM intel_community_submissions WHERE contact_details = '07700 900321'`.execute(
      env.ctx.db,
    );
    expect(n.rows[0]!.n).toBe(2);
  });

  it('writes a report (refused without a crime identifier code), reviews and searches it, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'intel@met.demo');
    await page.goto(`${base}/intelligence`);
    await expectAccessible(page, 'intelligence home');
    await page.goto(`${base}/intelligence/reports/new`);
    await expectAccessible(page, 'new report');
    await page.fill('#title', 'Engines delivered to a beach near Gravelines');
    await page.fill('#narrative', 'A van delivers outboard engines the night before launches.');
    await page.check('#sourceEvaluation-2');
    await page.check('#assessment-2');
    await page.fill('#subjects-0-value', 'Dritan Gashi');
    await page.click('button[value="submit"]');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toContain('crime identifier code');
    await expectAccessible(page, 'new report with errors');
    await page.check('input[name="crimeCodes"][value="OIC-SB"]');
    await page.click('button[value="submit"]');
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain('Awaiting review');
    await expectAccessible(page, 'report');
    const url = page.url();
    await page.goto(`${url}/edit`);
    await expectAccessible(page, 'edit report');
    await page.goto(`${url}/sanitise`);
    await expectAccessible(page, 'sanitise report');
    await page.goto(`${base}/intelligence/reports?q=Gravelines&code=OIC-SB`);
    expect(await page.textContent('main')).toContain('Engines delivered');
    await expectAccessible(page, 'search');
    await context.close();

    const sup = await newPage(browser);
    await signIn(sup.page, base, 'supervisor@met.demo');
    await sup.page.goto(`${base}/intelligence/review`);
    await expectAccessible(sup.page, 'review queue');
    await sup.page.goto(url);
    await sup.page.check('#decision');
    await sup.page.click('button:has-text("Record the review")');
    await sup.page.waitForLoadState('load');
    expect(await sup.page.textContent('main')).toContain('Approved');
    await sup.page.selectOption('#toAgency', 'west-yorkshire');
    await sup.page.fill('#purpose', 'Joint operation');
    await sup.page.click('button:has-text("Record the dissemination")');
    await sup.page.waitForLoadState('load');
    expect(await sup.page.textContent('main')).toContain('Agreement: Police intelligence sharing');
    await expectAccessible(sup.page, 'report approved and disseminated');
    await sup.context.close();
  });

  it('checks a person before a debrief and shows who has already debriefed them under another spelling, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'analyst@west-yorkshire.demo');
    await page.goto(`${base}/debriefs`);
    await expectAccessible(page, 'debriefs');
    await page.goto(`${base}/debriefs/new`);
    await expectAccessible(page, 'debrief check');
    await page.fill('#givenName', 'Van An');
    await page.fill('#familyName', 'Nguyen');
    await page.fill('#dateOfBirth', '14/03/1998');
    await page.selectOption('#nationality', 'VN');
    await page.click('button:has-text("Check")');
    await page.waitForLoadState('load');
    expect(await page.textContent('#coordination-matches')).toMatch(/Immigration Enforcement|Kent Police/);
    await expectAccessible(page, 'debrief plan with matches');
    await page.click('button:has-text("Plan the debrief")');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-error-summary')).toBeTruthy();
    await expectAccessible(page, 'debrief plan refused');
    await page.goto(`${base}/debriefs/claims`);
    await expectAccessible(page, 'claims');
    await page.goto(`${base}/debriefs/measures`);
    expect(await page.textContent('main')).toContain('36,704');
    await expectAccessible(page, 'debrief measures');
    const own = await one(
      `SELECT id FROM intel_debriefs WHERE owning_agency_code = 'west-yorkshire' AND status = 'completed' LIMIT 1`,
    );
    await page.goto(`${base}/debriefs/${own}`);
    await expectAccessible(page, 'debrief');
    await page.goto(`${base}/debriefs/${own}/edit`);
    await expectAccessible(page, 'record debrief');
    await page.goto(`${base}/intelligence/routes`);
    await expectAccessible(page, 'routes picture');
    await page.goto(`${base}/intelligence/routes?period=quarter&source=debriefs`);
    await expectAccessible(page, 'routes picture by quarter');
    await context.close();
  });

  it('shows NCCU contacts, the chase list and the return rate (14 of 44), accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'nccu@ie.demo');
    await page.goto(`${base}/nccu`);
    await expectAccessible(page, 'NCCU contacts');
    await page.goto(`${base}/nccu/new`);
    await expectAccessible(page, 'log NCCU contact');
    await page.goto(`${base}/nccu/chase-list`);
    await expectAccessible(page, 'chase list');
    const c = await one(`SELECT id FROM intel_nccu_contacts WHERE document_status = 'due' LIMIT 1`);
    await page.goto(`${base}/nccu/${c}`);
    await expectAccessible(page, 'NCCU contact');
    await context.close();
    const ms = await newPage(browser);
    await signIn(ms.page, base, 'mslead@west-yorkshire.demo');
    await ms.page.goto(`${base}/nccu/return-rates?from=2024-06-01&to=2024-09-30`);
    expect(await ms.page.textContent('#total-returned')).toBe('14 of 44');
    await expectAccessible(ms.page, 'return rates');
    await ms.context.close();
  });

  it('serves community triage, posters, collection plans, profiles and imports to Bedfordshire, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, base, 'intel@bedfordshire.demo');
    const pages: [string, string][] = [
      ['/community/triage', 'triage'],
      ['/community/posters', 'posters'],
      ['/community/posters/bedfordshire-luton-airport-arrivals', 'poster'],
      ['/intelligence/plans', 'plans'],
      ['/intelligence/plans/new', 'new plan'],
      ['/intelligence/profiles', 'profiles'],
      ['/intelligence/profiles/new', 'new profile'],
      ['/intelligence/imports', 'imports'],
    ];
    for (const [p, label] of pages) {
      await page.goto(`${base}${p}`);
      await expectAccessible(page, label);
    }
    await page.goto(`${base}/community/posters/bedfordshire-luton-airport-arrivals`);
    expect(await page.locator('.intel-qr svg').count()).toBe(1);
    const sub = await one(
      `SELECT id FROM intel_community_submissions WHERE owning_agency_code = 'bedfordshire' AND status = 'new' LIMIT 1`,
    );
    await page.goto(`${base}/community/triage/${sub}`);
    await expectAccessible(page, 'triage item');
    await page.check('#action');
    await page.click('button:has-text("Continue")');
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/intelligence\/reports\/[0-9a-f-]{36}\/edit$/);
    const plan = await one(
      `SELECT id FROM intel_collection_plans WHERE owning_agency_code = 'bedfordshire' LIMIT 1`,
    );
    await page.goto(`${base}/intelligence/plans/${plan}`);
    await expectAccessible(page, 'plan');
    const profile = await one(
      `SELECT id FROM intel_problem_profiles WHERE owning_agency_code = 'bedfordshire' LIMIT 1`,
    );
    await page.goto(`${base}/intelligence/profiles/${profile}`);
    await expectAccessible(page, 'profile');
    await page.goto(`${base}/intelligence/imports`);
    await page.fill(
      '#data',
      'title,narrative,crime_codes,source_evaluation,assessment,reported_on\nOne,Text,OIC,2,B,2025-01-01\nTwo,Text,,2,B,2025-01-02',
    );
    await page.click('button:has-text("Import")');
    await page.waitForLoadState('load');
    await env.ctx.jobs.idle();
    const imp = await one(
      `SELECT id FROM intel_imports WHERE agency_code = 'bedfordshire' ORDER BY started_at DESC LIMIT 1`,
    );
    await page.goto(`${base}/intelligence/imports/${imp}`);
    expect(await page.textContent('main')).toContain('Enter at least one crime identifier code');
    await expectAccessible(page, 'import');
    await context.close();
  });
});
