// Live reload in headless Chromium: a page open in a tab reloads itself after an edit to its minutes
// file, shows an error overlay while the file is broken (keeping the last good page), and clears it
// when the file is fixed. Runs `referat serve` (target/debug/referat; `cargo build` first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { repo, referatBin, launchBrowser } from './lib.mjs';

const MEETING = 'direktionen/2017-03-20.txt';
const DECISION = 'Direktionen godkendte, at politikkerne sendes videre til politisk behandling';
let dir, serve, url, browser;

/** Writes like an editor: a temp file renamed over the original. */
function save(file, data) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.saving`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** The output page (relative URL) whose path contains `hint` and whose text contains `needle`. */
function pageWith(root, hint, needle) {
  for (const entry of fs.readdirSync(root, { recursive: true })) {
    const file = path.join(root, entry);
    if (file.endsWith('.html') && file.includes(hint) && fs.readFileSync(file, 'utf8').includes(needle)) {
      return entry.replace(/index\.html$/, '');
    }
  }
  return null;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-reload-'));
  fs.cpSync(path.join(repo, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.cpSync(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'config.toml'), path.join(dir, 'config.toml'));
  serve = spawn(referatBin(), ['serve', '--port', '0', '--output', 'public'], { cwd: dir });
  let stderr = '';
  serve.stderr.on('data', (d) => { stderr += d; });
  url = await new Promise((resolve, reject) => {
    let out = '';
    serve.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^Serving .* at (http:\/\/\S+)$/m);
      if (m) resolve(m[1]);
    });
    serve.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve.on('exit', r));
    serve.kill('SIGINT');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an open tab reloads after an edit, shows build errors over the last good page, and clears them', async () => {
  const rel = pageWith(path.join(dir, 'public'), '2017-03-20', DECISION);
  assert.ok(rel, 'the meeting page was built');
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const following = page.waitForResponse((r) => r.url().endsWith('/__referat/events'));
  await page.goto(url + rel);
  assert.ok((await page.textContent('body')).includes(DECISION));
  await following;

  // Edit: the tab reloads by itself (the marker set on the old document is gone) and shows the text.
  await page.evaluate(() => { window.__beforeEdit = true; });
  const file = path.join(dir, 'content', MEETING);
  const good = fs.readFileSync(file, 'utf8');
  save(file, good.replace(DECISION, 'Direktionen godkendte LIVE-RELOAD-VIRKER'));
  await page.waitForFunction(() => document.body.innerText.includes('LIVE-RELOAD-VIRKER'), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__beforeEdit), undefined, 'the page was reloaded');

  // Break the file: an overlay names the file, the last good text stays visible underneath.
  save(file, Buffer.concat([Buffer.from(good), Buffer.from([0]), Buffer.from('broken')]));
  const overlay = page.locator('#referat-build-error');
  await overlay.waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await overlay.textContent(), /direktionen\/2017-03-20\.txt/);
  assert.match(await overlay.textContent(), /Siden viser den sidste gode version/);
  assert.equal(await overlay.getAttribute('role'), 'alert');
  assert.ok((await page.textContent('main')).includes('LIVE-RELOAD-VIRKER'), 'the last good page stays');
  fs.mkdirSync(path.join(repo, 'target/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(repo, 'target/screenshots/serve-error-overlay.png') });

  // A new tab opened while the file is broken shows the overlay too.
  const second = await browser.newPage();
  await second.goto(url + rel);
  await second.locator('#referat-build-error').waitFor({ state: 'visible', timeout: 30000 });
  await second.close();

  // Fix it: the tab reloads, the overlay is gone, the fixed text shows.
  save(file, good.replace(DECISION, 'Direktionen godkendte RETTET'));
  await page.waitForFunction(() => document.body.innerText.includes('RETTET'), null, { timeout: 30000 });
  assert.equal(await overlay.count(), 0, 'fixing the file clears the overlay');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a rebuild that ends before the reload script has connected still reloads the tab', async () => {
  // Regression: the script took the build number from the first event it saw, so a page sent
  // just before a rebuild stayed stale until the next edit.
  const file = path.join(dir, 'content', MEETING);
  const before = fs.readFileSync(file, 'utf8');
  const marker = before.match(/Direktionen godkendte (\S+)/)[1];
  const rel = pageWith(path.join(dir, 'public'), '2017-03-20', `Direktionen godkendte ${marker}`);
  const page = await browser.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/__referat/reload.js', async (route) => { await held; await route.continue(); });
  // A deferred script holds back DOMContentLoaded: wait for the page's text instead.
  await page.goto(url + rel, { waitUntil: 'commit' });
  await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), `Direktionen godkendte ${marker}`);
  save(file, before.replace(`Direktionen godkendte ${marker}`, 'Direktionen godkendte FOER-SCRIPTET'));
  const deadline = Date.now() + 30000;
  while (!pageWith(path.join(dir, 'public'), '2017-03-20', 'FOER-SCRIPTET') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(!(await page.textContent('body')).includes('FOER-SCRIPTET'), 'the tab still shows the page sent before');
  release();
  await page.waitForFunction(() => document.body.innerText.includes('FOER-SCRIPTET'), null, { timeout: 30000 });
  await page.close();
});

// Regression (review of serve): a tab whose page did not change in a rebuild reloaded about 12 times a
// second, forever: the reload was answered 304 without the build's number, so the script took the
// page for an old one again.
test('a tab whose page did not change reloads once after a rebuild, not in a loop', async () => {
  const file = path.join(dir, 'content', MEETING);
  const before = fs.readFileSync(file, 'utf8');
  const page = await browser.newPage();
  let loads = 0;
  page.on('load', () => { loads += 1; });
  const following = page.waitForResponse((r) => r.url().endsWith('/__referat/events'));
  await page.goto(`${url}direktionen/2012-11-20/`);
  await following;
  const marker = before.match(/Direktionen godkendte (\S+)/)[1];
  save(file, before.replace(`Direktionen godkendte ${marker}`, 'Direktionen godkendte ANDEN-SIDE'));
  await page.waitForFunction(() => true, null, { timeout: 1000 });
  await new Promise((r) => setTimeout(r, 4000));
  assert.ok(loads <= 2, `${loads} loads in 4 s: one for the page, at most one after the rebuild`);
  await page.close();
});

// Regression (review of serve): the search tab reloaded with the pages, before the new search index
// was published, and kept the old one: a word just added found nothing until a new tab was opened.
test('an open search page reads the new search index once it is published', async () => {
  const file = path.join(dir, 'content', MEETING);
  const before = fs.readFileSync(file, 'utf8');
  const page = await browser.newPage();
  const following = page.waitForResponse((r) => r.url().endsWith('/__referat/events'));
  await page.goto(`${url}soeg/?q=makerspace`);
  await following;
  await page.waitForFunction(() => document.getElementById('search')?.dataset.query === 'makerspace');
  const marker = before.match(/Direktionen godkendte (\S+)/)[1];
  save(file, before.replace(`Direktionen godkendte ${marker}`, 'Direktionen godkendte NYTORDFORSOEG'));
  const deadline = Date.now() + 30000;
  let found = false;
  while (!found && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    // The page may reload at any moment (pages first, then the search index): search again, as a
    // reader would; a step that meets a reload is tried again until the deadline. (A fill that
    // met one waited out its 30 s and failed one of this session's three full runs.)
    const ready = await page
      .waitForFunction(() => document.getElementById('search')?.dataset.ready === 'true', null, { timeout: 10000 })
      .then(() => true, () => false);
    if (!ready) continue;
    const filled = await page.fill('#search-q', 'nytordforsoeg', { timeout: 5000 }).then(() => true, () => false);
    if (!filled) continue;
    await page.waitForFunction(() => document.getElementById('search')?.dataset.query === 'nytordforsoeg', null, { timeout: 10000 }).catch(() => {});
    found = (await page.locator('#search-results li').count().catch(() => 0)) > 0;
  }
  assert.ok(found, 'the open search page finds the word after the index is published');
  await page.close();
});

// Regression (web-team review): when serve's first build failed, the overlay said the page was the
// last good version over a 404 page, since there was none.
test('a first build that fails says there is no good version yet, and the fix shows the site', async () => {
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-reload-first-'));
  fs.cpSync(path.join(repo, 'content'), path.join(own, 'content'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'config.toml'), path.join(own, 'config.toml'));
  const file = path.join(own, 'content', MEETING);
  const good = fs.readFileSync(file);
  fs.writeFileSync(file, Buffer.concat([good, Buffer.from([0])]));
  const child = spawn(referatBin(), ['serve', '--port', '0', '--output', 'public'], { cwd: own });
  try {
    const at = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/^Serving .* at (http:\/\/\S+)$/m);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const page = await browser.newPage();
    await page.goto(at);
    const overlay = page.locator('#referat-build-error');
    await overlay.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await overlay.textContent(), /ingen god version at vise/);
    save(file, good);
    await page.waitForFunction(() => !document.getElementById('referat-build-error') && document.querySelector('main'), null, { timeout: 30000 });
    await page.close();
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGINT');
    await exited;
    fs.rmSync(own, { recursive: true, force: true });
  }
});
