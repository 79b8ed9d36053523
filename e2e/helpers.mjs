// Shared helpers for the end-to-end tests: a static server for dist/ on
// loopback, Debian's Chromium driven by playwright-core, and the model's CLI as
// the oracle for every number the page shows.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHOTS = join(ROOT, 'test-results');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// Compressed bodies, by file and modification time (a real host compresses
// once, or ahead of time).
const GZIPPED = new Map();
const gzipOnce = (file, mtime, body) => {
  const key = `${file}:${mtime}`;
  if (!GZIPPED.has(key)) GZIPPED.set(key, gzipSync(body, { level: 9 }));
  return GZIPPED.get(key);
};

/**
 * Serves `dir` under `mount` (e.g. '/' or '/changji-water/') on 127.0.0.1,
 * gzip-compressed for a client that accepts it, as any real host does.
 */
export async function serve(dir, mount = '/') {
  let transform = null;
  let hold = null;
  const served = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      if (!url.pathname.startsWith(mount)) {
        res.writeHead(404).end('not under mount');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(mount.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(dir, rel));
      if (!file.startsWith(normalize(dir))) {
        res.writeHead(403).end();
        return;
      }
      const s = await stat(file).catch(() => null);
      if (!s || !s.isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      // As the README says to publish: names with a content hash cached for good,
      // the page and sw.js revalidated. Trunk writes the hash without leading
      // zeros (one build in sixteen has 15 digits, as 596f8c0573027ed did).
      const cache = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, vary: 'accept-encoding' };
      let body = await readFile(file);
      if (transform && rel === 'index.html') body = Buffer.from(transform(body.toString('utf8')), 'utf8');
      if (hold && rel === 'index.html') {
        // Its first part now, uncompressed, and the rest once released: a slow line.
        const { cut, released } = hold;
        hold = null;
        const text = body.toString('utf8');
        const at = text.indexOf(cut);
        if (at < 0) throw new Error(`serve: "${cut}" is not in index.html`);
        res.writeHead(200, headers);
        served.push(rel);
        res.write(text.slice(0, at));
        await released;
        res.end(text.slice(at));
        return;
      }
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && extname(file) !== '.png') {
        body = transform && rel === 'index.html' ? gzipSync(body) : gzipOnce(file, s.mtimeMs, body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      served.push(rel);
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${mount}`,
    /** Every file sent, in order (whoever asked: the page or its service worker). */
    served,
    /** Changes what index.html says from now on (a "new deployment"). */
    setIndexTransform: (f) => { transform = f; },
    /** Sends the next index.html up to `cut` only; the rest follows when the returned function is called. */
    holdIndexAt: (cut) => {
      let release;
      const released = new Promise((ok) => { release = ok; });
      hold = { cut, released };
      return release;
    },
    close: () => { server.closeAllConnections?.(); server.close(); },
  };
}

/** Launches headless Chromium (Debian's, or CHROMIUM_PATH). */
export async function browser() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // For a measure only, V8's own flags (e.g. CHROMIUM_JS_FLAGS=--no-wasm-lazy-compilation
      // with scripts/trace-start.mjs); the tests and the bench run without.
      ...(process.env.CHROMIUM_JS_FLAGS ? [`--js-flags=${process.env.CHROMIUM_JS_FLAGS}`] : []),
    ],
  });
}

/**
 * Opens `url` in a fresh page that records console errors, page errors and any
 * request to another origin (which it blocks). Waits for `ready` (a test id;
 * the total by default) to render, then for the live page (`livePage`).
 */
export async function open(b, url, { width = 1440, height = 900, origin, acceptDownloads = false, initScript, serviceWorkers = 'allow', ready = 'total', bypassCSP = false } = {}) {
  // Requests a service worker answers never reach page.route: a test that
  // intercepts the page's own requests blocks the worker.
  const context = await b.newContext({ viewport: { width, height }, acceptDownloads, serviceWorkers, bypassCSP });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const own = origin ?? new URL(url).origin;
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== own && u.protocol !== 'data:' && u.protocol !== 'blob:') {
      foreign.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(url);
  await page.getByTestId(ready).waitFor({ timeout: 30000 });
  await livePage(page);
  return { page, context, errors, foreign };
}

/**
 * Waits until the live page has taken the static first screen's place
 * (`#prerender`, scripts/first-scene.mjs; src/components/later.rs swaps them
 * in one task). Before that a test id can answer from the static copy, whose
 * elements are then removed: a locator's `evaluateAll` finds the elements in
 * one call and runs its function in the next, so a swap between the two gives
 * it detached elements (zero-sized, as a story test once saw).
 */
export async function livePage(page) {
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#app:not([hidden])'), null, { timeout: 30000 });
}

/**
 * Sets a range input the way a drag to `value` ends: the value, its `input`
 * event, and the `change` the slider fires when it is let go (which the page
 * takes as the moment to bring the analyses and the charts up to date).
 */
export async function slide(page, id, value) {
  await page.getByTestId(`lever-${id}`).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Scrolls chart `id` into view (charts draw only on or near the screen) and
 * waits until it is drawn. */
export async function chartDrawn(page, id, timeout = 15000) {
  await page.getByTestId(id).scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => Number(document.querySelector(`[data-testid=${t}]`)?.dataset.drawn) > 0, id, { timeout });
}

/**
 * The measuring scripts' scene: the charts panel at the top of the screen
 * (at 1440×900 all four charts fit) and each of them drawn.
 */
export async function chartsInView(page) {
  await page.locator('.charts').waitFor();
  await page.evaluate(() => document.querySelector('.charts').scrollIntoView({ block: 'start' }));
  await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => Number(p.dataset.drawn) > 0));
}

/**
 * For measuring scripts: one page per build directory in `dirs`, each served
 * and opened as the bench opens the explorer (1440×900, the pumped reading so
 * that every step of η moves the total, the four charts drawn on screen), for
 * builds to take turns; a directory may carry a query (`dist?lang=en`).
 * Resolves to `{ builds: [{ dir, page }], close }`.
 */
export async function pagesPerBuild(b, dirs) {
  const servers = [];
  const builds = [];
  for (const spec of dirs) {
    // `DIR?lang=en`: the build in DIR, its page opened with that query too.
    const [dir, query] = spec.split('?');
    const s = await serve(dir);
    servers.push(s);
    const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${s.url}?shortfall=1${query ? `&${query}` : ''}`);
    await chartsInView(page);
    await page.waitForTimeout(1500);
    builds.push({ dir: spec, page });
  }
  return { builds, close: () => servers.forEach((s) => s.close()) };
}

/**
 * One settled input as the bench makes it (e2e/bench.mjs): η set to `v` by
 * `input` then `change`, as a key press fires them; resolves once the analyses
 * and every chart are up to date, as seen by a poll after each frame, to
 * `{ t0, seen, redrawn: [{ at, ms }], analysis }` (performance.now() times; the
 * charts redrawn, each when it began and how long it took; its Monte Carlo, ms).
 */
export function settledInput(page, v) {
  return page.evaluate((v) => new Promise((resolve) => {
    const el = document.querySelector('[data-testid=lever-eta]');
    const results = document.querySelector('.results');
    const plots = [...document.querySelectorAll('.plot')];
    const synced = plots.map((p) => Number(p.dataset.synced));
    const drawn = plots.map((p) => Number(p.dataset.drawn));
    const analysed = Number(results.dataset.analysed);
    const t0 = performance.now();
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const poll = () => {
      if (Number(results.dataset.analysed) > analysed && plots.every((p, k) => Number(p.dataset.synced) > synced[k])) {
        const seen = performance.now();
        const redrawn = plots.filter((p, k) => Number(p.dataset.drawn) > drawn[k])
          .map((p) => ({ at: Number(p.dataset.drawAt), ms: Number(p.dataset.drawMs) }));
        resolve({ t0, seen, redrawn, analysis: Number(results.dataset.analysisMs) });
      } else requestAnimationFrame(() => setTimeout(poll, 0));
    };
    poll();
  }), v);
}

/** The `p`th percentile of `xs` by nearest rank (NaN when there are none). */
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** The four charts' test ids. */
export const CHARTS = ['chart-sources', 'chart-sectors', 'chart-path', 'chart-flow'];

/** A number shown by the page in a data attribute. */
export async function dataNumber(page, testid, attr = 'data-value') {
  return Number(await page.getByTestId(testid).getAttribute(attr));
}

const CLI = join(ROOT, 'target', 'debug', process.platform === 'win32' ? 'scenario.exe' : 'scenario');

/** Runs the model CLI (the oracle) and returns its JSON. */
export function model(args) {
  if (!existsSync(CLI)) {
    execFileSync('cargo', ['build', '-q', '-p', 'changji-model', '--bin', 'scenario'], { cwd: ROOT, stdio: 'inherit' });
  }
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
}

const CATALOGUE = JSON.parse(readFileSync(join(ROOT, 'locales', 'app.json'), 'utf8'));
const literally = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the page says for catalogue key `key` (locales/app.json), as a pattern: the
 * sentence in `lang`, each `%{name}` matching the value `args` gives it (text, or a
 * pattern such as another `says`), or any text.
 * Tests check a message through this rather than a copy of its words, so the words
 * can change in one place; what a number is, they read from its `data-*` hooks.
 */
export function says(key, args = {}, lang = 'zh') {
  const text = CATALOGUE[key]?.[lang];
  if (text === undefined) throw new Error(`no catalogue text ${key} (${lang})`);
  const source = text
    .split(/(%\{\w+\})/)
    .map((part) => {
      const name = part.match(/^%\{(\w+)\}$/)?.[1];
      if (name === undefined) return literally(part);
      if (!(name in args)) return '.*?';
      return args[name] instanceof RegExp ? `(?:${args[name].source})` : literally(String(args[name]));
    })
    .join('');
  return new RegExp(source, 's');
}

/** The value of cap `id` in a CLI result. */
export function cap(result, id) {
  return result.caps.find((c) => c.id === id);
}

/** Saves a screenshot under test-results/. */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Starts Chromium's own trace (`categories`) over a CDP session; returns a
 * function that ends it and resolves to the trace's events
 * (scripts/trace-start.mjs, scripts/trace-settled.mjs).
 */
export async function startTrace(cdp, categories) {
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((ok) => cdp.on('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * Waits until `expression` (JavaScript source) is truthy in the page behind
 * `cdp`, polling every 50 ms through DevTools' own `Runtime.evaluate`.
 * Playwright's `waitForFunction` first injects its own script (several
 * thousand lines): in a trace of a page's start-up its compile is a task of
 * 50–160 ms at 4× CPU slowdown that is not the page's.
 */
export async function waitInPage(cdp, expression, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `Boolean(${expression})`, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > end) throw new Error(`waitInPage: still false after ${timeout} ms: ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const DIST = join(ROOT, 'dist');
export const DIST_SUB = join(ROOT, 'target', 'dist-sub');
export const SUB_PATH = '/changji-water/';

/** Asserts two numbers agree to `tol`. */
export function close(actual, expected, tol = 1e-9) {
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${actual} vs ${expected} (tolerance ${tol})`);
}

let AXE;
/**
 * axe-core's serious and critical violations on the page, one line each (the
 * page must be opened with `bypassCSP`: axe is injected as a script).
 */
export async function axe(page) {
  AXE ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
