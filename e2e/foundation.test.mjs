// The site loads cleanly, contacts no other host, and works under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, DIST, DIST_SUB, SUB_PATH } from './helpers.mjs';

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test('the page loads with no console error and draws every chart', async () => {
  const s = await serve(DIST);
  try {
    const { page, context, errors, foreign } = await open(b, s.url);
    for (const id of ['chart-sources', 'chart-sectors', 'chart-path', 'chart-flow']) {
      await page.waitForFunction((t) => Number(document.querySelector(`[data-testid=${t}]`)?.dataset.drawn) > 0, id, { timeout: 15000 });
    }
    assert.ok(await page.evaluate(() => typeof window.Plotly?.react === 'function'), 'plotly.js served by the site');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
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
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=chart-sources]')?.dataset.drawn) > 0, null, { timeout: 15000 });
    assert.equal(await page.getByTestId('lever-eta').inputValue(), '0.7');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    // The URL keeps the sub-path when the page writes the scenario back.
    await page.waitForTimeout(400);
    assert.ok(new URL(page.url()).pathname.startsWith(SUB_PATH), page.url());
    await context.close();
  } finally { s.close(); }
});
