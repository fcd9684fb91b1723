// Standalone HTML reports in Debian's Chromium (docs/web.md, "Tests"): run by browser_test.cpp on
// the files `parscore rank --format html` and `parscore report --format html` write. Each file
// named on the command line is opened from disk at a phone's 360 px and a desktop's 1280 px:
// axe-core finds no WCAG 2.1 A/AA violation and the browser reports no error; html-validate's
// recommended rules find no error in the file's text, inline styles and a long title allowed (a
// report carries its own style sheet and its rulebook's full title). Exits 1 listing every
// failure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The packages are web/'s (web/package.json, installed by scripts/bootstrap).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { HtmlValidate } = require('html-validate');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off', 'long-title': 'off' },
});
const files = process.argv.slice(2);
const failures = [];
const fail = (what) => failures.push(what);
if (!files.length) fail('usage: node reports.mjs FILE.html…');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

for (const file of files) {
  let html;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`${file}: ${e.message}`);
    continue;
  }
  const report = await validator.validateString(html, file);
  for (const r of report.results)
    for (const m of r.messages) fail(`${file}: html-validate ${m.ruleId} at ${m.line}:${m.column}: ${m.message}`);

  for (const [width, height] of [[360, 800], [1280, 900]]) {
    const where = `${file} at ${width}px`;
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') fail(`${where}: console: ${m.text()}`); });
    page.on('pageerror', (e) => fail(`${where}: ${e.message}`));
    // A self-contained file asks for nothing: any request beyond the file itself is a fault.
    page.on('request', (r) => { if (!r.url().startsWith('file:')) fail(`${where}: requested ${r.url()}`); });
    await page.goto(pathToFileURL(resolve(file)).href);
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    for (const v of result.violations) {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
      fail(`${where}: axe ${v.id} (${v.impact}) on ${v.nodes.length} node(s): ${v.help}\n${nodes.join('\n')}`);
    }
    await context.close();
  }
  console.log(`checked ${file}`);
}

await browser.close();
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('reports: every check passed');
