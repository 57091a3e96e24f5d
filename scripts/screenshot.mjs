import { chromium } from 'playwright-core';
const [,, url, out, email] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const c = await b.newContext({ viewport: { width: 1200, height: 900 } });
const p = await c.newPage();
if (email) { await p.goto(new URL('/sign-in', url).href); await p.fill('#email', email); await p.fill('#password', 'fusion-demo'); await p.click('button:has-text("Sign in")'); await p.waitForLoadState('load'); }
await p.goto(url); await p.screenshot({ path: out, fullPage: true }); await b.close();
