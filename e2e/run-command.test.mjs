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

/** Starts the run command on a free port; its stderr is collected. */
function runCommand() {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const child = spawn('bash', ['scripts/run.sh'], {
    cwd: ROOT, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // 'close', not 'exit': the process can exit before its stderr has been read
  // to the end (what stopped it is the last thing it writes); at most 5 s more,
  // should a child it started still hold the stream.
  const exited = new Promise((ok) => {
    child.on('close', ok);
    child.on('exit', () => setTimeout(ok, 5000));
  });
  return { port, url: `http://127.0.0.1:${port}/`, child, exited, stderr: () => stderr };
}

test('the run command serves a page with a clean console, beside the tests\' dist/ and another server', { timeout: 20 * 60 * 1000 }, async () => {
  const distBefore = statSync(join(DIST, 'index.html')).mtimeMs;
  const first = runCommand();
  let second = null;
  try {
    assert.ok(await waitForPage(first.url, 14 * 60 * 1000), 'the run command served the page');
    const { page, context, errors, foreign } = await open(b, first.url);
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

    // A second server beside it (another terminal, another port), then stopped:
    // it says what stopped it, and the first one goes on serving.
    second = runCommand();
    assert.ok(await waitForPage(second.url, 5 * 60 * 1000), 'the second server served the page');
    process.kill(-second.child.pid, 'SIGTERM');
    await second.exited;
    assert.match(second.stderr(), /run\.sh: stopped by SIGTERM/);
    second = null;
    await new Promise((ok) => setTimeout(ok, 2000));
    assert.ok(await waitForPage(first.url, 10000), 'the first server still serves');
    assert.equal(first.child.exitCode, null, `the first server is running (stderr: ${first.stderr().slice(-400)})`);
  } finally {
    for (const r of [second, first]) {
      if (r) try { process.kill(-r.child.pid, 'SIGTERM'); } catch { /* gone */ }
    }
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

test('a drag with the charts on screen: the numbers follow every frame, the charts catch up after', async () => {
  const { model, cap, close, CHARTS } = await import('./helpers.mjs');
  const s = await serve(DIST);
  try {
    // Pumped reading: agricultural use is the whole demand, so it moves with η
    // on every frame (held at the groundwater cap, low η leaves it flat).
    const { page, context, errors } = await open(b, `${s.url}?shortfall=1`, { width: 1440, height: 900 });
    await page.locator('.charts').waitFor();
    await page.evaluate(() => document.querySelector('.charts').scrollIntoView({ block: 'start' }));
    for (const id of CHARTS) await chartDrawn(page, id);
    const before = await page.evaluate(() => performance.now());
    // 50 frames: each sets η one slider step (0.005) further and fires `input`, as a drag does;
    // the next frame reads the agricultural card before moving again.
    const seen = await page.evaluate(() => new Promise((done) => {
      const input = document.querySelector('[data-testid=lever-eta]');
      const card = document.querySelector('[data-testid=cap-agriculture]');
      const out = [];
      let k = 0;
      const step = () => {
        if (k > 0) out.push([Number(input.value), Number(card.dataset.value)]);
        if (k === 50) { done(out); return; }
        input.value = (0.6 + 0.005 * k).toFixed(3);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        k += 1;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }));
    assert.equal(seen.length, 50);
    // Every frame shows the value set in the frame before.
    for (const [eta, shown] of seen.filter((_, i) => i % 10 === 0)) {
      close(shown, cap(model(['--set', 'shortfall=1', '--set', `eta=${eta}`]), 'agriculture').value, 1e-9);
    }
    const changes = seen.filter((x, i) => i > 0 && x[1] !== seen[i - 1][1]).length;
    assert.equal(changes, 49, 'the card changed on every frame');
    // Then every chart draws the final scenario.
    const last = seen[seen.length - 1][0];
    const want = model(['--set', 'shortfall=1', '--set', `eta=${last}`]);
    await page.waitForFunction((gw) => {
      const gd = document.querySelector('[data-testid=chart-sources]');
      return gd?.data && Math.abs(gd.data[1].y[1] - gw) < 1e-6;
    }, want.sources.groundwater, { timeout: 10000 });
    // Each chart says when its last redraw began and how long it took (what the benchmark
    // splits a settled input's time into): all four redrew after the drag began.
    await page.waitForFunction((t) => [...document.querySelectorAll('.plot')]
      .every((p) => Number(p.dataset.drawAt) > t), before, { timeout: 10000 });
    for (const [id, ms] of await page.evaluate(() => [...document.querySelectorAll('.plot')]
      .map((p) => [p.dataset.testid, Number(p.dataset.drawMs)]))) {
      assert.ok(ms > 0 && ms < 5000, `${id} redrew in ${ms} ms`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    s.close();
  }
});
