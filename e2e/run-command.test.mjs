// The README's run command as a newcomer uses it: `bash scripts/run.sh` serves
// a page with a clean console (no injected reload script for the CSP to block),
// from its own build folder, so the tests' dist/ is untouched beside it. The
// flow chart's labels stay readable at phone, desktop and projector widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, open, DIST, ROOT, chartDrawn } from './helpers.mjs';

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

async function waitForPage(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok && (await r.text()).includes('.wasm')) return true;
    } catch { /* not up yet */ }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  return false;
}

test('the run command serves a page with a clean console, beside the tests\' dist/', { timeout: 15 * 60 * 1000 }, async () => {
  const distBefore = statSync(join(DIST, 'index.html')).mtimeMs;
  const port = 18000 + Math.floor(Math.random() * 1000);
  const child = spawn('bash', ['scripts/run.sh'], {
    cwd: ROOT, env: { ...process.env, PORT: String(port) }, detached: true, stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}/`;
    assert.ok(await waitForPage(url, 14 * 60 * 1000), 'the run command served the page');
    const { page, context, errors, foreign } = await open(b, url);
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.reload();
    await page.getByTestId('total').waitFor();
    await page.waitForTimeout(1500);
    assert.deepEqual(errors, [], 'no console error');
    assert.deepEqual(foreign, []);
    assert.deepEqual(sockets, [], 'no reload socket');
    assert.doesNotMatch(await page.content(), /__trunk_address__|autoreload/);
    await context.close();
    assert.equal(statSync(join(DIST, 'index.html')).mtimeMs, distBefore, 'dist/ untouched');
  } finally {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  }
});

test('the flow chart\'s labels do not overlap at 375, 1440 and 1920 px', async () => {
  const s = await serve(DIST);
  try {
    for (const [width, height] of [[375, 800], [1440, 900], [1920, 1080]]) {
      const { page, context } = await open(b, s.url, { width, height });
      await chartDrawn(page, 'chart-flow');
      const boxes = await page.evaluate(() => [...document.querySelectorAll('[data-testid=chart-flow] .node-label')]
        .map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
      assert.equal(boxes.length, 6, `${width}: six labels`);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [l1, t1, r1, b1] = boxes[i];
          const [l2, t2, r2, b2] = boxes[j];
          assert.ok(!(l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1), `${width} px: labels ${i} and ${j} overlap`);
        }
      }
      const chart = await page.getByTestId('chart-flow').boundingBox();
      for (const [, top, , bottom] of boxes) assert.ok(top >= chart.y - 1 && bottom <= chart.y + chart.height + 1, `${width} px: a label leaves the chart`);
      await context.close();
    }
  } finally {
    s.close();
  }
});
