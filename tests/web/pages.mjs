// The web application in Debian's Chromium (docs/web.md, "Tests"): run by browser_test.cpp
// against `parscore demo --serve`, with the demo accounts' passwords in PARSCORE_PASSWORDS
// ({"office": "…", …}). Each page is checked at a phone's 360 px and a desktop's 1280 px, in
// Vietnamese and in English: axe-core finds no WCAG 2.1 AA violation, html-validate's
// recommended rules find no error, and the browser reports no error (a refused script or style
// would be one: the pages' policy allows nothing inline). Exits 1 listing every failure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { recordingScenarios } from './recording.mjs';

// The packages are web/'s (web/package.json, installed by scripts/bootstrap).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { HtmlValidate } = require('html-validate');
const base = process.argv[2];
const passwords = JSON.parse(process.env.PARSCORE_PASSWORDS);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Whitespace left by the templates' section tags is no fault of the page.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } });
const failures = [];
const weights = [];
let lastDocument = null;  // the response of the page's last navigation
const fail = (what) => failures.push(what);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

/** axe-core and html-validate on the page as it is now; `where` names it in failures. */
async function check(page, where) {
  // evaluate() runs through the DevTools protocol, which the page's policy does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of result.violations)
    fail(`${where}: axe ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  // The page as the server sent it (a form's answer too), not as the browser re-serialises it.
  const html = await lastDocument.text();
  // A light page: its HTML, style sheets and scripts together under 150 KB (uncompressed).
  const assets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')]
    .map((e) => e.href || e.src));
  let bytes = Buffer.byteLength(html);
  for (const url of assets) bytes += (await (await page.request.get(url)).body()).length;
  if (bytes > 150 * 1024) fail(`${where}: the page weighs ${bytes} bytes of HTML, CSS and JavaScript`);
  weights.push(`${where}: ${bytes}`);
  const report = await validator.validateString(html);
  for (const r of report.results)
    for (const m of r.messages) fail(`${where}: html-validate ${m.ruleId} at ${m.line}:${m.column}: ${m.message}`);
}

async function signIn(page, login) {
  await page.goto(base + '/');
  await page.fill('#login', login);
  await page.fill('#password', passwords[login]);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

// A draft rulebook that loads: the demo's, with another number of one-stop desk staff required.
const draft = readFileSync(new URL('../../rules/hoa-binh-2013/rulebook.yaml', import.meta.url), 'utf8')
  .replace('min_desk_staff: 2', 'min_desk_staff: 4');
const { recordInTheField, recordOffline, recordSelfAssessment } =
  recordingScenarios({ base, passwords, fail, check: (...a) => check(...a), signIn: (...a) => signIn(...a),
                       openPage: (...a) => openPage(...a) });

/** A fresh browser context at that size and language, its page watched for errors. `expected`
 *  lists console messages the scenario causes on purpose (a stopped server's refused requests). */
async function openPage(width, height, locale, expected = []) {
  const where = `${width}px ${locale}`;
  const context = await browser.newContext({ viewport: { width, height }, locale, acceptDownloads: true });
  const page = await context.newPage();
  // A page answered with an error status (a refused sign-in is 401) is logged by the browser as
  // a failed load: that one is expected; any other error (a refused script or style) is not.
  let documentStatus = 200;
  page.on('response', (r) => {
    if (!r.request().isNavigationRequest() || r.request().frame() !== page.mainFrame()) return;
    documentStatus = r.status();
    if (r.status() < 300 || r.status() >= 400) lastDocument = r;
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (m.text().includes(`status of ${documentStatus}`) && documentStatus >= 400) return;
    if (expected.some((e) => m.text().includes(e))) return;
    fail(`${where} ${page.url()}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(`${where} ${page.url()}: ${e.message}`));
  // Markup from input (a unit's name, a comment) must never run.
  page.on('dialog', (d) => { fail(`${where} ${page.url()}: a script ran: ${d.message()}`); d.dismiss(); });
  return { context, page, where };
}

for (const [width, height, locale] of [[360, 800, 'vi-VN'], [1280, 900, 'en-US']]) {
  const { context, page, where } = await openPage(width, height, locale);

  await page.goto(base + '/');
  if (!page.url().endsWith('/sign-in')) fail(`${where}: / went to ${page.url()}, not the sign-in page`);
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== locale.slice(0, 2)) fail(`${where}: the sign-in page is in "${lang}"`);
  await check(page, `${where} sign-in`);

  await page.fill('#login', 'office');
  await page.fill('#password', 'not-the-password');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  if (!(await page.isVisible('.error'))) fail(`${where}: a wrong password shows no error`);
  await check(page, `${where} sign-in refused`);

  await signIn(page, 'office');
  if (!/\/years\/2013\/ranking$/.test(page.url())) fail(`${where}: office landed on ${page.url()}`);
  const rows = await page.locator('main table tbody tr').count();
  if (rows < 20) fail(`${where}: the ranking shows ${rows} rows`);
  if ((await page.locator('svg.chart rect').count()) < 20) fail(`${where}: the chart has too few bars`);
  if (!(await page.locator('main table th a', { hasText: '<img src=x onerror=alert(1)>' }).count()))
    fail(`${where}: the unit named with markup is not shown as text`);
  await check(page, `${where} ranking`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('main a[href$=".xlsx"]')]);
  const xlsx = readFileSync(await download.path());
  if (!download.suggestedFilename().endsWith('.xlsx') || xlsx.subarray(0, 2).toString() !== 'PK')
    fail(`${where}: the XLSX download is ${download.suggestedFilename()}, ${xlsx.length} bytes`);

  // A unit, a criterion explained, and the inspection behind it.
  await Promise.all([page.waitForNavigation(), page.click('main table tbody tr:nth-child(3) th a')]);
  if (!/\/years\/2013\/units\//.test(page.url())) fail(`${where}: a unit's link went to ${page.url()}`);
  if ((await page.locator('main details').count()) < 5) fail(`${where}: the unit page explains too few items`);
  await check(page, `${where} unit`);
  const inspection = page.locator('main > ul > li > a[href^="/inspections/"]').first();
  await Promise.all([page.waitForNavigation(), inspection.click()]);
  if (!/\/inspections\/[0-9a-f-]{36}$/.test(page.url())) fail(`${where}: an inspection's link went to ${page.url()}`);
  await check(page, `${where} inspection`);
  // The office returns it with a comment: the form posts with the session's token.
  const comment = `Bổ sung biên bản ${width} <script>alert(1)</script>`;
  await page.fill('#return-comment', comment);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/return"] button')]);
  if (!(await page.locator('.note', { hasText: comment }).count())) fail(`${where}: the return's comment is not shown`);
  await check(page, `${where} inspection returned`);
  // The province's indicators and the gap between self-assessment and inspections.
  for (const what of ['summary', 'gap']) {
    const answer = await page.goto(`${base}/years/2013/${what}`);
    if (answer.status() !== 200 || !(await page.locator('main table tbody tr').count()))
      fail(`${where}: the ${what} page answered ${answer.status()} without its table`);
    await check(page, `${where} ${what}`);
  }

  // Publishing asks to confirm first.
  await page.goto(base + '/publications');
  await check(page, `${where} publications`);
  await page.fill('#p-year', '2013');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/publications"] button')]);
  await check(page, `${where} publish confirmation`);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/publications"] button')]);
  if (!(await page.locator('.notice, .error').count())) fail(`${where}: publishing answered nothing`);
  await page.goto(base + '/years/2013/ranking');

  // Keyboard only: the skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  if (first !== '#main') fail(`${where}: the first Tab reaches ${first}, not the skip link`);

  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);
  if (!page.url().endsWith('/sign-in')) fail(`${where}: signing out went to ${page.url()}`);

  await signIn(page, 'inspector');
  if (!page.url().endsWith('/inspections')) fail(`${where}: the inspector landed on ${page.url()}`);
  await page.selectOption('#f-kind', 'self');
  // htmx replaces the results in place and puts the filters in the address.
  await page.click('.filters button');
  await page.waitForURL(/kind=self/, { timeout: 10_000 }).catch(() => fail(`${where}: the filters did not apply: ${page.url()}`));
  const kinds = await page.locator('#results tbody tr td:nth-child(3)').allTextContents();
  if (!kinds.length || new Set(kinds).size !== 1) fail(`${where}: the filtered list shows kinds ${[...new Set(kinds)]}`);
  await check(page, `${where} inspections`);
  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);

  // An admin adds an account; its first sign-in asks for a new password.
  await signIn(page, 'admin');
  await page.goto(base + '/audit');
  await check(page, `${where} audit`);
  await page.goto(base + '/accounts');
  await check(page, `${where} accounts`);
  const login = `lan${width}`;
  await page.fill('#a-login', login);
  await page.fill('#a-name', 'Lê Thị Lan');
  await page.selectOption('#a-role', 'inspector');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/accounts"] button')]);
  const generated = (await page.textContent('.secret'))?.trim();
  if (!generated) fail(`${where}: no generated password shown`);
  await check(page, `${where} account added`);
  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);
  passwords[login] = generated;
  await signIn(page, login);
  if (!page.url().endsWith('/password')) fail(`${where}: the new account's first sign-in went to ${page.url()}`);
  await check(page, `${where} password`);
  await page.fill('#current', generated);
  await page.fill('#new', 'mật-khẩu-riêng-của-Lan');
  await page.fill('#repeat', 'mật-khẩu-riêng-của-Lan');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  if (!page.url().endsWith('/inspections')) fail(`${where}: after the password change: ${page.url()}`);
  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);

  // An author checks a draft: each diagnostic at its line.
  await signIn(page, 'author');
  await page.goto(base + '/rulebooks');
  await check(page, `${where} rulebooks`);
  if (await page.locator('button[formaction="/rulebooks/adopt"]').count()) fail(`${where}: an author may adopt`);
  await page.fill('#r-text', 'parscore: 1\nid: nhap\ncolour: red\n');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/rulebooks/check"] button[type=submit]:not([formaction])')]);
  if (!(await page.locator('.source li.flagged').count())) fail(`${where}: the draft's errors are not shown at their lines`);
  await check(page, `${where} rulebook checked`);
  // Fixed — the demo's rulebook with four staff required at the one-stop desk — and compared
  // with the adopted one on the year's evidence: what-if.
  await page.fill('#r-year', '2013');
  await page.fill('#r-text', draft);
  await Promise.all([page.waitForNavigation(), page.click('button[formaction="/rulebooks/compare"]')]);
  if (!(await page.locator('main table tbody tr').count() > 1)) fail(`${where}: the what-if comparison lists no unit`);
  await check(page, `${where} rulebook compared`);
  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);
  // The office adopts it, for an earlier year with no evidence, so that the rest of the run (which
  // lands on the latest year's ranking) is unchanged.
  await signIn(page, 'office');
  await page.goto(base + '/rulebooks');
  await page.fill('#r-year', width === 360 ? '2010' : '2011');
  await page.fill('#r-text', draft);
  await Promise.all([page.waitForNavigation(), page.click('button[formaction="/rulebooks/adopt"]')]);
  if (!(await page.locator('.notice').count())) fail(`${where}: the office's adoption says nothing`);
  await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);

  await signIn(page, 'agency');
  const agencyRows = await page.locator('main table tbody tr').count();
  if (agencyRows !== 1) fail(`${where}: the agency sees ${agencyRows} rows, not its unit's alone`);
  await check(page, `${where} agency ranking`);
  // Another unit's page answers as one that does not exist.
  const other = await page.goto(base + '/years/2013/units/so-xay-dung');
  if (other.status() !== 404) fail(`${where}: another unit's page answered ${other.status()} to the agency`);
  await recordSelfAssessment(page, where);
  await context.close();
}

await recordInTheField();
await recordOffline();
await browser.close();
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(weights.join('\n'));
console.log('pages: every check passed');
