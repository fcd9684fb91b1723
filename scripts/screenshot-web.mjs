// Pictures of the web application for docs/web.md: serves a fresh demo province in Vietnamese
// (`parscore --lang vi demo --serve` in a temporary folder, on a free port of this machine),
// signs in as each role in Debian's Chromium and photographs the main pages at a phone's 360 px
// and a desktop's 1280 px. Needs the built program and the packages of web/package-lock.json
// (scripts/bootstrap installs them).
//
// usage: node scripts/screenshot-web.mjs [PROGRAM] [OUT]   (default: build/parscore docs/images)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const program = resolve(process.argv[2] ?? 'build/parscore');
const out = resolve(process.argv[3] ?? 'docs/images');
const work = mkdtempSync(join(tmpdir(), 'parscore-shots-'));

const server = spawn(program, ['--lang', 'vi', 'demo', '--serve', '--listen', '127.0.0.1:0'], { cwd: work });
let printed = '', logged = '';
server.stdout.on('data', (d) => { printed += d; });
server.stderr.on('data', (d) => { logged += d; });
const base = await new Promise((done, failed) => {
  const started = Date.now();
  const poll = setInterval(() => {
    const url = logged.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)/);
    if (url) { clearInterval(poll); done(url[1]); }
    if (Date.now() - started > 120000) { clearInterval(poll); failed(new Error(`no server: ${logged}`)); }
  }, 100);
});
const passwords = {};
for (const m of printed.matchAll(/^(admin|office|author|inspector|agency) +\S+ +\S+ +(\S+)$/gm)) passwords[m[1]] = m[2];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
async function as(login, width, shots) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.fill('#login', login);
  await page.fill('#password', passwords[login]);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await shots(page, async (name) => {
    await page.screenshot({ path: join(out, `web-${name}-${width}.png`) });
    console.log(`wrote ${join(out, `web-${name}-${width}.png`)}`);
  });
  await context.close();
}
try {
  for (const width of [360, 1280]) {
    await as('office', width, async (page, shot) => {
      await shot('ranking');
      await Promise.all([page.waitForNavigation(), page.click('main table tbody tr:nth-child(6) th a')]);
      await page.locator('main details').first().click();
      await shot('unit');
      await Promise.all([page.waitForNavigation(),
                         page.locator('main > ul > li > a[href^="/inspections/"]').first().click()]);
      await shot('inspection');
    });
  }
  await as('inspector', 360, async (page, shot) => {
    await shot('inspections');
    await page.goto(base + '/record');
    await page.selectOption('#f-unit', 'so-tu-phap');
    await page.fill('#f-date', '2013-10-15');
    await page.locator('#k-procedure').scrollIntoViewIfNeeded();
    await shot('record');
    // The server's error beside its field: the same procedure code twice.
    await page.fill('#f-rec-procedure-0-code', 'TP-001');
    await page.click('#k-procedure > button[name="add"]');
    await page.fill('#f-rec-procedure-1-code', 'TP-001');
    await page.click('main button[name="status"][value="submitted"]');
    await page.locator('.field-error').first().waitFor();
    await page.locator('#f-rec-procedure-1-code').scrollIntoViewIfNeeded();
    await shot('record-error');
  });
  await as('inspector', 1280, async (page, shot) => { await page.goto(base + '/record'); await shot('record'); });
  await as('author', 1280, async (page, shot) => {
    await page.goto(base + '/rulebooks');
    await page.fill('#r-text', 'parscore: 1\nid: du_thao\ntitle: Bản dự thảo\ncolour: đỏ\n');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]:not([formaction])')]);
    await page.screenshot({ path: join(out, 'web-rulebook-check-1280.png'), fullPage: true });
    console.log('wrote web-rulebook-check-1280.png');
  });
  await as('admin', 1280, async (page, shot) => { await page.goto(base + '/accounts'); await shot('accounts'); });
  const anonymous = await browser.newPage({ viewport: { width: 360, height: 640 }, locale: 'vi-VN' });
  await anonymous.goto(base + '/sign-in');
  await anonymous.screenshot({ path: join(out, 'web-sign-in-360.png') });
  console.log(`wrote ${join(out, 'web-sign-in-360.png')}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
