// Recording in a real browser (docs/web.md, "Recording"), run by pages.mjs: an inspector fills
// the generated form on a phone, meets the server's error beside its field, fixes it and finds the
// inspection in the list; records with the keyboard alone; makes two reports while the server is
// stopped and sees both sent exactly once when it is back; an agency records its self-assessment.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

// A PNG of one pixel: the photo attached from the "camera".
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export function recordingScenarios({ base, passwords, fail, check, signIn, openPage }) {
  const inspectionsOf = async (page, origin) => (await (await page.request.get(origin + '/api/v1/inspections')).json()).length;

  /** Scenario: the generated form at 360 × 800, in Vietnamese. */
  async function recordInTheField() {
    // The server's 422 for the report with an error is a failed request in the browser's log.
    const { context, page, where } = await openPage(360, 800, 'vi-VN', ['status of 422']);
    await signIn(page, 'inspector');
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/record"]')]);
    await check(page, `${where} record`);
    const before = await inspectionsOf(page, base);
    await page.selectOption('#f-unit', 'so-tu-phap');
    await page.fill('#f-date', '2013-10-15');
    await page.selectOption('#f-kind', 'surprise');
    await page.fill('#f-team', 'Nguyễn Văn A, Trần Thị B');
    // Two procedures (the second row added in the page), the same code twice: the server's error.
    await page.fill('#f-rec-procedure-0-code', 'TP-901');
    await page.check('#f-rec-procedure-0-posted');
    await page.selectOption('#f-rec-procedure-0-inter_agency', 'applied');
    await page.fill('#f-rec-procedure-0-online_level', '2');
    await page.click('#k-procedure > button[name="add"]');
    await page.fill('#f-rec-procedure-1-code', 'TP-901');
    await page.selectOption('#f-rec-procedure-1-inter_agency', 'not_required');
    await page.fill('#f-rec-procedure-1-online_level', '0');
    await page.selectOption('#f-rec-violation-0-kind', 'asleep');
    await page.fill('#f-rec-violation-0-person', 'Phạm Văn D');
    await page.check('#f-none-innovation');
    await page.selectOption('#f-fact-one_stop_desk', 'true');
    await page.fill('#f-fact-dossiers_received', '120');
    await page.setInputFiles('#f-photo', { name: 'bàn một cửa.png', mimeType: 'image/png', buffer: PHOTO });
    await page.click('main button[name="status"][value="submitted"]');
    const error = page.locator('#f-rec-procedure-1-code ~ .field-error');
    await error.waitFor({ timeout: 10_000 }).catch(() => fail(`${where}: the duplicate code shows no error beside its field`));
    if ((await page.getAttribute('#f-rec-procedure-1-code', 'aria-invalid')) !== 'true')
      fail(`${where}: the field in error is not marked invalid`);
    if (await inspectionsOf(page, base) !== before) fail(`${where}: a report with an error was stored`);
    await page.fill('#f-rec-procedure-1-code', 'TP-902');
    await Promise.all([page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/), page.click('main button[name="status"][value="submitted"]')]);
    if (!(await page.locator('main a[href*="/attachments/"]').count())) fail(`${where}: the photo is not attached`);
    if (!(await page.locator('main td', { hasText: 'TP-902' }).count())) fail(`${where}: the second procedure is not recorded`);
    const recorded = page.url();
    await reviewRound(new URL(recorded).pathname);
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/inspections"]')]);
    if (!(await page.locator(`main a[href="${new URL(recorded).pathname}"]`).count()))
      fail(`${where}: the new inspection is not in the list`);
    await context.close();
  }

  /** Scenario: the office returns the inspection with a comment; the inspector reads it, amends
   *  and submits again; the office locks it; its history says what the amendment changed. */
  async function reviewRound(path) {
    const office = await openPage(1280, 900, 'en-US');
    await signIn(office.page, 'office');
    await office.page.goto(base + path);
    const comment = 'Ghi lại mức dịch vụ công trực tuyến của TP-901';
    await office.page.fill('#return-comment', comment);
    await Promise.all([office.page.waitForNavigation(), office.page.click('form[action$="/return"] button')]);
    const team = await openPage(360, 800, 'vi-VN');
    const where = `${team.where} review`;
    await signIn(team.page, 'inspector');
    await team.page.goto(base + path);
    if (!(await team.page.locator('.note', { hasText: comment }).count())) fail(`${where}: the inspector does not see the comment`);
    await Promise.all([team.page.waitForNavigation(), team.page.click('main a[href$="/amend"]')]);
    await check(team.page, `${where} amend`);
    if ((await team.page.inputValue('#f-rec-procedure-0-code')) !== 'TP-901') fail(`${where}: the amend form is not filled`);
    await team.page.fill('#f-rec-procedure-0-online_level', '3');
    await team.page.fill('#f-reason', 'Kiểm tra lại mức dịch vụ công trực tuyến');
    await Promise.all([team.page.waitForURL(base + path), team.page.click('main button[name="status"]')]);
    await Promise.all([team.page.waitForNavigation(), team.page.click('form[action$="/submit"] button')]);
    await office.page.goto(base + path);
    await Promise.all([office.page.waitForNavigation(), office.page.click('form[action$="/lock"] button')]);
    if (!(await office.page.locator('.history', { hasText: 'online_level: 2 → 3' }).count()))
      fail(`${where}: the history does not say what the amendment changed: ${await office.page.textContent('.history')}`);
    if (await office.page.locator('main a[href$="/amend"], form[action$="/submit"]').count())
      fail(`${where}: a locked inspection still offers to amend or submit`);
    await check(office.page, `${where} locked`);
    await office.context.close();
    await team.context.close();
  }

  /** Scenario: recording with the keyboard alone, at a desk's width in English. */
  async function recordWithTheKeyboard() {
    const { context, page, where } = await openPage(1280, 900, 'en-US');
    await signIn(page, 'inspector');
    await page.goto(base + '/record');
    const before = await inspectionsOf(page, base);
    const tabTo = async (selector) => {
      for (let i = 0; i < 400; ++i) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
      }
      fail(`${where}: Tab never reaches ${selector}`);
      return false;
    };
    await tabTo('#f-unit');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo('#f-date');
    await page.keyboard.type('10162013');
    await tabTo('#f-none-procedure');
    await page.keyboard.press('Space');
    await tabTo('main button[name="status"][value="draft"]');
    await Promise.all([page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(() => {}),
                       page.keyboard.press('Enter')]);
    if (!/\/inspections\/[0-9a-f-]{36}$/.test(page.url())) fail(`${where}: recording by keyboard ended on ${page.url()}`);
    if (await inspectionsOf(page, base) !== before + 1) fail(`${where}: recording by keyboard stored no inspection`);
    await context.close();
  }

  const freePort = () => new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });

  async function startServer(port) {
    const server = spawn(process.env.PARSCORE_BIN, ['serve', '--db', process.env.PARSCORE_DEMO_DB, '--listen', `127.0.0.1:${port}`],
                         { stdio: ['ignore', 'ignore', 'ignore'] });
    for (let i = 0; i < 200; ++i) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server; } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    fail(`the server on port ${port} did not start`);
    return server;
  }

  const stopServer = (server) => new Promise((resolve) => { server.once('exit', resolve); server.kill('SIGTERM'); });

  /** Scenario: two reports made while the server is stopped are sent once when it is back. */
  async function recordOffline() {
    await recordWithTheKeyboard();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    let server = await startServer(port);
    const { context, page, where } = await openPage(360, 800, 'vi-VN', ['net::ERR_CONNECTION_REFUSED', 'Failed to fetch', 'Failed to load resource']);
    await page.goto(origin + '/sign-in');
    await page.fill('#login', 'inspector');
    await page.fill('#password', passwords.inspector);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await page.goto(origin + '/record');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async () => Boolean(await caches.match(location.href)), null, { timeout: 10_000 })
      .catch(() => fail(`${where}: the recording form was not kept for offline use`));
    const before = await inspectionsOf(page, origin);
    await stopServer(server);
    const report = async (unit, day) => {
      await page.selectOption('#f-unit', unit);
      await page.fill('#f-date', `2013-11-${day}`);
      await page.check('#f-none-violation');
      await page.click('main button[name="status"][value="submitted"]');
    };
    await report('so-tu-phap', '04');
    await page.waitForFunction(() => document.getElementById('outbox').textContent.includes('1'), null, { timeout: 10_000 })
      .catch(() => fail(`${where}: the first offline report is not shown as waiting`));
    await page.reload();  // answered by the service worker: the server is still stopped
    await report('so-y-te', '05');
    await page.waitForFunction(() => document.getElementById('outbox').textContent.includes('2'), null, { timeout: 10_000 })
      .catch(async () => fail(`${where}: the page shows "${await page.textContent('#outbox')}", not 2 waiting`));
    server = await startServer(port);
    await page.reload();  // a page open sends what waits
    await page.waitForFunction(() => document.getElementById('outbox').textContent === '', null, { timeout: 20_000 })
      .catch(async () => fail(`${where}: after the server came back the page still shows "${await page.textContent('#outbox')}"`));
    await page.reload();
    await page.waitForTimeout(1000);
    await check(page, `${where} record after the outbox was sent`);
    const after = await inspectionsOf(page, origin);
    if (after !== before + 2) fail(`${where}: ${after - before} inspections stored from 2 offline reports`);
    await context.close();
    await stopServer(server);
  }

  /** Scenario: an agency records its unit's self-assessment through the same form. */
  async function recordSelfAssessment(page, where) {
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/record"]')]);
    await check(page, `${where} self-assessment`);
    const kinds = await page.locator('#f-kind option').allTextContents();
    if (kinds.length !== 1) fail(`${where}: the agency may choose among ${kinds.length} kinds`);
    if ((await page.locator('#f-unit option').count()) !== 2) fail(`${where}: the agency may choose another unit`);
    await page.selectOption('#f-unit', { index: 1 });
    await page.fill('#f-date', where.startsWith('360') ? '2013-12-01' : '2013-12-02');
    await page.selectOption('#f-fact-one_stop_desk', 'true');
    await page.click('main button[name="status"][value="submitted"]');
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(async () =>
      fail(`${where}: the self-assessment was not recorded: ${await page.locator('.error-summary, #outbox, #rejected').allTextContents()}`));
  }

  return { recordInTheField, recordOffline, recordSelfAssessment };
}
