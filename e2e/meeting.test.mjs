// Meeting-room features: share link and QR code, CSV export, offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, open, slide, dataNumber, model, cap, DIST, close, chartDrawn, says, livePage } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

test('share shows the exact link as text and as a QR code, and the link reproduces the numbers', async () => {
  const { page, context, errors } = await open(b, s.url);
  await slide(page, 'eta', 0.69);
  await slide(page, 'reuse', 75);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-url').inputValue();
  assert.equal(link, `${s.url}?eta=0.69&reuse=75&v=1`);
  const svg = await page.getByTestId('share-qr').innerHTML();
  assert.match(svg, /<svg[\s\S]*<\/svg>/);
  const total = await dataNumber(page, 'total');
  await context.close();

  const other = await open(b, link);
  close(await dataNumber(other.page, 'total'), total);
  close(total, model(['--set', 'eta=0.69', '--set', 'reuse=75']).total);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
});

test('the CSV export carries the figures the page shows, with a BOM for Excel', async () => {
  const { page, context, errors } = await open(b, `${s.url}?preset=dry-95`, { acceptDownloads: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.equal(download.suggestedFilename(), 'changji-water-dry-95.csv');
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'starts with a byte-order mark');
  const rows = text.replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const row = (id) => rows.find((r) => r[2] === id);
  close(Number(row('total')[3]), await dataNumber(page, 'total'));
  for (const id of ['total', 'groundwater', 'surface', 'other', 'agriculture']) {
    close(Number(row(`cap-${id}`)[3]), await dataNumber(page, `cap-${id}`));
    assert.equal(row(`cap-${id}`)[7], await page.getByTestId(`cap-${id}`).getAttribute('data-state'));
  }
  close(Number(row('cap-groundwater')[3]), cap(model(['--preset', 'dry-95']), 'groundwater').value);
  assert.match(text, says('cap.groundwater'));
  assert.equal(row('runoff')[3], '95');
  assert.deepEqual(errors, []);
  await context.close();
});

async function cachedUrls(page) {
  return page.evaluate(async () => {
    const c = await caches.open('changji-water');
    return (await c.keys()).map((r) => r.url);
  });
}

/** Waits until the service worker has its offline copy of the page, wasm included. */
async function offlineCopy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const c = await caches.open('changji-water');
    return (await c.keys()).some((r) => r.url.endsWith('.wasm'));
  }, null, { timeout: 20000 });
}

test('after the first visit the page loads and works with the network off', async () => {
  const { page, context, errors } = await open(b, s.url);
  await offlineCopy(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('total').waitFor();
  await chartDrawn(page, 'chart-sources');
  await slide(page, 'eta', 0.72);
  close(await dataNumber(page, 'total'), model(['--set', 'eta=0.72']).total);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});

test('the offline copy takes the files the page loaded from the browser cache', async () => {
  // Hashed names are cached for good (as the README says to publish), so the
  // service worker's copy costs a first visit no second download of the wasm.
  // Not `open`: a context that routes requests has no HTTP cache.
  const s2 = await serve(DIST);
  const context = await b.newContext();
  try {
    const page = await context.newPage();
    await page.goto(s2.url);
    await livePage(page);
    await offlineCopy(page);
    const wasm = s2.served.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `the wasm was served ${wasm.length} times: ${wasm}`);
  } finally { await context.close(); s2.close(); }
});

test('a new deployment replaces the cached one', async () => {
  const s2 = await serve(DIST);
  try {
    const { page, context } = await open(b, s2.url);
    await offlineCopy(page);
    // "Deploy" a new index.html, reload online: the new page is served and cached.
    s2.setIndexTransform((html) => html.replace('<head>', '<head><meta name="build" content="second">'));
    await page.reload();
    await page.getByTestId('total').waitFor();
    assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'second');
    await page.waitForTimeout(500);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('total').waitFor();
    assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'second');
    assert.ok((await cachedUrls(page)).some((u) => u.endsWith('.wasm')));
    await context.close();
  } finally { s2.close(); }
});
