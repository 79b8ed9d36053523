// The site loads cleanly, contacts no other host, and works under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, livePage, chartDrawn, model, close, dataNumber, slide, CHARTS, DIST, DIST_SUB, SUB_PATH } from './helpers.mjs';

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test('the page loads with no console error and draws every chart', async () => {
  const s = await serve(DIST);
  try {
    const { page, context, errors, foreign } = await open(b, s.url);
    for (const id of CHARTS) await chartDrawn(page, id);
    assert.ok(await page.evaluate(() => typeof window.Plotly?.react === 'function'), 'plotly.js served by the site');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
  } finally { s.close(); }
});

test('plotly.js is fetched only when a chart comes near the screen, and checked', async () => {
  const s = await serve(DIST);
  try {
    const { page, context, errors } = await open(b, s.url, { width: 1280, height: 720 });
    const fetched = [];
    page.on('request', (r) => { if (/plotly/.test(r.url())) fetched.push(r.url()); });
    await page.waitForTimeout(500);
    // The charts are below the first screen: the numbers came without plotly.js.
    assert.ok(await page.getByTestId('chart-sources').evaluate((el) => el.getBoundingClientRect().top > innerHeight + 300));
    assert.equal(await page.evaluate(() => typeof window.Plotly), 'undefined');
    assert.deepEqual(fetched, []);
    const meta = await page.locator('meta[name=plotly-src]').evaluate((m) => ({ src: m.content, sri: m.dataset.integrity }));
    assert.match(meta.sri ?? '', /^sha384-/, 'the deferred script keeps its integrity value');
    await chartDrawn(page, 'chart-sources');
    assert.equal(fetched.length, 1, 'fetched once');
    assert.ok(fetched[0].endsWith(meta.src));
    // Drawn at the size of its box.
    const [box, svg] = await page.getByTestId('chart-sources').evaluate((el) => [el.clientWidth, el.querySelector('svg.main-svg').getAttribute('width')]);
    assert.ok(Math.abs(Number(svg) - box) <= 1, `drawn ${svg} px wide in a ${box} px box`);
    assert.deepEqual(errors, []);
    await context.close();
  } finally { s.close(); }
});

test('a chart whose library cannot be loaded says so, and the numbers still work', async () => {
  const s = await serve(DIST);
  try {
    const { page, context, errors } = await open(b, s.url, { serviceWorkers: 'block' });
    await page.route(/plotly/, (route) => route.abort());
    await page.getByTestId('chart-sources').scrollIntoViewIfNeeded();
    await page.locator('.chart-fallback').first().waitFor();
    // Its text alternative still has the figures, and follows a settled change.
    const chart = page.locator('figure.chart').filter({ has: page.getByTestId('chart-sources') });
    const rows = () => chart.evaluate((f) => [...f.querySelectorAll('.chart-data tbody tr')].map((r) => r.textContent).join('|'));
    await chart.locator('.chart-data summary').click();
    await chart.locator('.chart-data tbody tr').first().waitFor();
    const table = await rows();
    await slide(page, 'eta', 0.72);
    await page.waitForFunction((t) => [...document.querySelector('[data-testid=chart-sources]').closest('figure')
      .querySelectorAll('.chart-data tbody tr')].map((r) => r.textContent).join('|') !== t, table);
    const before = await dataNumber(page, 'total');
    await page.getByTestId('lever-eta').evaluate((el) => { el.value = '0.7'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    // The numbers still follow the model although no chart can be drawn.
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid=total]').dataset.value) !== t, before);
    close(await dataNumber(page, 'total'), model(['--set', 'eta=0.7']).total);
    assert.ok(await page.getByTestId('total').isVisible());
    assert.ok(errors.every((e) => /plotly|ERR_FAILED|Failed to load/.test(e)), errors.join('\n'));
    await context.close();
  } finally { s.close(); }
});

test('no request goes to any host but the page\'s own', async () => {
  const s = await serve(DIST);
  try {
    const { page, context, foreign } = await open(b, `${s.url}?preset=dry-95&lang=en`);
    await page.getByTestId('lang').click();
    await page.getByTestId('preset').selectOption('status-2020');
    await page.waitForTimeout(300);
    assert.deepEqual(foreign, []);
    await context.close();
  } finally { s.close(); }
});

test('it works when served under a sub-path', async () => {
  const s = await serve(DIST_SUB, SUB_PATH);
  try {
    const { page, context, errors, foreign } = await open(b, `${s.url}?eta=0.7`);
    await chartDrawn(page, 'chart-sources');
    assert.equal(await page.getByTestId('lever-eta').inputValue(), '0.7');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    // The URL keeps the sub-path when the page writes the scenario back.
    await page.waitForTimeout(400);
    assert.ok(new URL(page.url()).pathname.startsWith(SUB_PATH), page.url());
    await context.close();
  } finally { s.close(); }
});

// Loads the explorer with every request routed (Playwright then bypasses the
// HTTP cache, so each fetch of the wasm reaches the server), `answer` deciding
// for the worker's script; returns the page's workers and errors.
async function loadRouted(url, { answer = (r) => r.continue(), initScript } = {}) {
  const context = await b.newContext({ serviceWorkers: 'block' });
  if (initScript) await context.addInitScript(initScript);
  await context.route('**/*', (r) => (/wasm-compile\.js$/.test(r.request().url()) ? answer(r) : r.continue()));
  const page = await context.newPage();
  const workers = [];
  const errors = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByTestId('total').waitFor({ timeout: 30000 });
  await livePage(page);
  return { page, context, workers, errors };
}

const wasmServed = (s) => s.served.filter((f) => f.endsWith('.wasm')).length;

test('the WebAssembly is compiled in a worker from the one download, next to the wasm under a sub-path too', async () => {
  for (const [dir, mount] of [[DIST, '/'], [DIST_SUB, SUB_PATH]]) {
    const s = await serve(dir, mount);
    try {
      const { page, context, workers, errors } = await loadRouted(s.url);
      assert.deepEqual(workers, [`${mount}wasm-compile.js`]);
      assert.equal(wasmServed(s), 1, 'the page fetched the wasm once and the worker compiled that response');
      close(await dataNumber(page, 'total'), model([]).total);
      assert.deepEqual(errors, []);
      await context.close();
    } finally { s.close(); }
  }
});

test('without the worker the page compiles the wasm itself: its script missing, or no workers at all', async () => {
  const s = await serve(DIST);
  try {
    // The worker's script is gone: the body went to it, so the page fetches the wasm again.
    const gone = await loadRouted(s.url, { answer: (r) => r.fulfill({ status: 404, body: 'gone' }) });
    close(await dataNumber(gone.page, 'total'), model([]).total);
    assert.equal(wasmServed(s), 2);
    assert.ok(gone.errors.every((e) => /404|Failed to load/.test(e)), gone.errors.join('\n'));
    await gone.context.close();
    // A browser without workers: the page compiles the one response.
    const none = await loadRouted(s.url, { initScript: () => { delete window.Worker; } });
    assert.deepEqual(none.workers, []);
    close(await dataNumber(none.page, 'total'), model([]).total);
    assert.equal(wasmServed(s), 3);
    assert.deepEqual(none.errors, []);
    await none.context.close();
  } finally { s.close(); }
});
