// Security: the shipped Content-Security-Policy holds while every feature is
// used (no violation reported), and no request leaves the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, slide, DIST } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

test('a strict CSP ships with the page and nothing violates it', async () => {
  const { page, context, errors, foreign } = await open(b, s.url, { acceptDownloads: true, initScript: () => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  } });
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-eval'|\*/);
  // Exercise every feature.
  await slide(page, 'eta', 0.7);
  await slide(page, 'cotton', 230);
  await page.getByTestId('preset').selectOption('dry-95');
  await page.getByTestId('lang').click();
  await page.getByTestId('share').click();
  await page.getByTestId('share-qr').locator('svg').waitFor();
  await page.getByTestId('pin').click();
  await slide(page, 'reuse', 80);
  await page.getByTestId('saved-save').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-sources-png').click()]);
  await page.getByTestId('solve-apply').click();
  await page.getByTestId('undo').click();
  await page.getByTestId('attribution').locator('summary').click();
  await page.getByTestId('wf-from').waitFor();
  await page.getByTestId('total').click();
  await page.getByTestId('prov-link-primary').click();
  await page.getByTestId('prov-close').click();
  await page.getByTestId('present').click();
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
