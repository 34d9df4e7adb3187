// The published site in a real browser: valid HTML (Nu HTML Checker) and no WCAG 2.1 A/AA
// violations (axe-core) on every page type, keyboard and print basics, the header search form,
// links under a sub-path, and screenshots of the meeting page at phone and desktop width
// (written to target/screenshots/ to be looked at).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildSite, serveDir, launchBrowser, axe, repo } from './lib.mjs';

// One page of every type, relative to the site root.
const PAGES = {
  front: '',
  body: 'direktionen/',
  meeting: 'direktionen/2017-03-20/',
  meetingMarkdown: 'direktionen/2012-11-20/',
  case: 'sager/16-26813.html',
  cases: 'sager/',
  casesOfYear: 'sager/2017/',
  search: 'soeg/',
  notFound: 'findes-ikke/',
};
const MEETING_WITH_TABLES = PAGES.meetingMarkdown;
const shots = path.join(repo, 'target', 'screenshots');

let site, server, browser;

before(async () => {
  site = buildSite();
  server = await serveDir(site, '/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function htmlFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
}

test('the Nu HTML Checker reports no errors on any page', () => {
  const files = htmlFiles(site);
  assert.ok(files.length >= 7, `expected every page type, got ${files.length} files`);
  const vnu = path.join(repo, 'tests/browser/node_modules/vnu-jar/build/dist/vnu.jar');
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', ...files], { stdio: 'pipe' });
  } catch (e) {
    assert.fail(`vnu errors:\n${e.stderr?.toString() || e.message}`);
  }
});

for (const [kind, rel] of Object.entries(PAGES)) {
  test(`axe-core finds no WCAG 2.1 A/AA violations on the ${kind} page`, async () => {
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const res = await page.goto(server.url + rel);
      assert.equal(res.status(), kind === 'notFound' ? 404 : 200, rel);
      assert.equal(await page.getAttribute('html', 'lang'), 'da');
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${rel} at ${width}px: ${JSON.stringify(violations, null, 2)}`);
      await page.close();
    }
  });
}

test('headings are in order and every page has the landmarks', async () => {
  const page = await browser.newPage();
  for (const rel of Object.values(PAGES)) {
    await page.goto(server.url + rel);
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 1, `${rel} starts with h1`);
    assert.equal(levels.filter((l) => l === 1).length, 1, `${rel} has one h1`);
    levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1] + 1, `${rel}: h${levels[i - 1]} → h${l}`));
    for (const sel of ['header', 'main#indhold', 'footer', 'nav[aria-label="Hovedmenu"]', '[role="search"]']) {
      assert.equal(await page.locator(sel).count(), 1, `${rel}: ${sel}`);
    }
    // The search page has its own search form in place of the header's (one search box, not two).
    assert.equal(await page.locator('form.header-search').count(), rel === PAGES.search ? 0 : 1, `${rel}: header search`);
  }
  await page.close();
});

test('the skip link comes first, is visible on focus and leads to the content', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + PAGES.meeting);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    text: document.activeElement.textContent,
    href: document.activeElement.getAttribute('href'),
    top: document.activeElement.getBoundingClientRect().top,
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  assert.equal(focused.text, 'Gå til indhold');
  assert.equal(focused.href, '#indhold');
  assert.ok(focused.top >= 0, 'visible when focused');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focused links show a focus outline');
  await page.close();
});

test('the header search form sends the query to the search page', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + PAGES.case);
  await page.fill('#sidehoved-soeg', 'handicappolitik');
  await Promise.all([page.waitForURL(/\/soeg\/\?q=handicappolitik$/), page.press('#sidehoved-soeg', 'Enter')]);
  await page.close();
});

test('the meeting page fits a phone and prints without navigation', async () => {
  fs.mkdirSync(shots, { recursive: true });
  for (const [width, rel] of [[375, PAGES.meeting], [1280, PAGES.meeting], [375, MEETING_WITH_TABLES]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(server.url + rel);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${rel} at ${width}px scrolls sideways by ${overflow}px`);
    const name = `site-${rel.replace(/\W+/g, '-')}${width}.png`;
    await page.screenshot({ path: path.join(shots, name), fullPage: width === 1280 });
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto(server.url + PAGES.meeting);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false, 'no header in print');
  assert.equal(await page.locator('.agenda').isVisible(), false, 'no link list in print');
  assert.equal(await page.locator('#punkt-3').isVisible(), true, 'the minutes print');
  await page.close();
});

test('a table is a tab stop only while it scrolls sideways', async () => {
  const seen = { stops: 0, fits: 0 };
  for (const rel of [MEETING_WITH_TABLES, PAGES.casesOfYear]) {
    for (const width of [320, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(server.url + rel);
      await page.waitForLoadState('load');
      const wraps = await page.$$eval('.table-wrap', (ws) =>
        ws.map((w) => ({ scrolls: w.scrollWidth > w.clientWidth, stop: w.getAttribute('tabindex') === '0' })));
      assert.ok(wraps.length > 0, `${rel} has tables`);
      for (const w of wraps) {
        assert.equal(w.stop, w.scrolls, `${rel} at ${width}px: a table that ${w.scrolls ? 'scrolls' : 'fits'}`);
        seen[w.stop ? 'stops' : 'fits'] += 1;
      }
      await page.close();
    }
  }
  assert.ok(seen.stops > 0 && seen.fits > 0, JSON.stringify(seen));
  // Narrowed after loading, a table that starts to scroll gets its stop back.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + PAGES.casesOfYear);
  await page.setViewportSize({ width: 320, height: 900 });
  await page.waitForFunction(() => document.querySelector('.table-wrap').getAttribute('tabindex') === '0');
  await page.close();
});

test('the site loads nothing from other hosts', async () => {
  const page = await browser.newPage();
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
  for (const rel of Object.values(PAGES)) await page.goto(server.url + rel);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('under a sub-path every link on every page type leads to a page', async () => {
  const sub = buildSite({ baseUrl: 'https://example.dk/referater/' });
  const srv = await serveDir(sub, '/referater/');
  try {
    const page = await browser.newPage();
    const seen = new Set();
    for (const rel of Object.values(PAGES)) {
      await page.goto(srv.url + rel);
      const hrefs = await page.$$eval('a[href], link[href]', (as) => as.map((a) => a.href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(srv.url).origin) continue;
        if (url.pathname === new URL(page.url()).pathname) {
          // An anchor on this very page (the 404 page is served at any address).
          if (url.hash) assert.equal(await page.locator(url.hash).count(), 1, `${rel}: ${url.hash}`);
          continue;
        }
        const key = url.pathname + url.hash;
        if (seen.has(key)) continue;
        seen.add(key);
        const res = await fetch(url);
        assert.equal(res.status, 200, `${rel} links to ${key}`);
        if (url.hash) {
          const html = await res.text();
          assert.ok(html.includes(`id="${url.hash.slice(1)}"`), `${rel} links to missing anchor ${url.pathname}${url.hash}`);
        }
      }
    }
    assert.ok(seen.size > 10, `checked ${seen.size} links`);
    await page.close();
  } finally {
    await srv.close();
  }
});
