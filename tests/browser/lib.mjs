// Shared helpers for the browser tests: build the site, serve a folder over HTTP (counting
// requests and bytes, like a static host would see them), and start Debian's headless Chromium.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The release or debug binary built by `cargo build`; tests call `cargo build` first. */
export function referatBin() {
  const profile = process.env.REFERAT_PROFILE || 'debug';
  return path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), profile, 'referat');
}

// The temp folders of the sites built, removed when the test process exits (they were left in
// /tmp, four sites a run).
const built = [];
process.on('exit', () => built.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Builds `content` (default: the repo's content/) into a fresh temp folder and returns its path. */
export function buildSite({ content = path.join(repo, 'content'), baseUrl = 'http://127.0.0.1/' } = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-site-'));
  built.push(out);
  const output = path.join(out, 'public');
  execFileSync(referatBin(), ['build', '--content', content, '--output', output, '--base-url', baseUrl,
    '--config', path.join(repo, 'config.toml'), '--templates', path.join(repo, 'templates')], { stdio: 'pipe' });
  return output;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8' };

/**
 * Serves `root` on a free loopback port, under `prefix` (e.g. '/referater/').
 * Returns { url, stats, close }, where stats counts { requests, bytes, paths } since the last reset().
 */
export async function serveDir(root, prefix = '/') {
  const stats = { requests: 0, bytes: 0, paths: [] };
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    p = path.normalize(p.slice(prefix.length));
    let file = path.join(root, p);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) { status = 404; file = path.join(root, '404.html'); }
    const body = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from('not found');
    stats.requests += 1; stats.bytes += body.length; stats.paths.push(req.url);
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-length': body.length });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return {
    url, stats,
    reset() { stats.requests = 0; stats.bytes = 0; stats.paths = []; },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in `page` and returns its violations. */
export async function axe(page) {
  const source = fs.readFileSync(path.join(repo, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
