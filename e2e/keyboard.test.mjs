// Keyboard only, at a phone's, an upright tablet's and a laptop's size (issue
// #25): Tab reaches every control in the order the page shows them (no jump back
// up the page on one column), no focused control is wholly covered (by the
// sticky summary bar or anything else), and pressing any button leaves focus
// somewhere (never on <body>), as does closing what it opened with Escape.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, DIST, livePage } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

// Buttons this sweep does not press: the browser's print dialog, a download.
const SKIP = new Set(['print', 'export-csv']);

/** Where focus is: what it is, its place in the page, and whether it can be seen at all. */
const where = (p) => p.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  // Fully covered: at none of five points inside it (within the screen) is it,
  // or something inside it, the topmost element.
  const xs = [r.left + 2, r.left + r.width / 2, r.right - 2];
  const ys = [r.top + 2, r.top + r.height / 2, r.bottom - 2];
  const points = [[xs[1], ys[1]], [xs[0], ys[0]], [xs[2], ys[0]], [xs[0], ys[2]], [xs[2], ys[2]]]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const seen = points.some(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit && (el.contains(hit) || (el.labels && [...el.labels].some((l) => l.contains(hit))));
  });
  return {
    tag: el.tagName,
    id: el.dataset.testid ?? '',
    what: `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className}] ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
    y: Math.round(r.top + scrollY),
    covered: r.width > 0 && r.height > 0 && !seen
      ? `under ${document.elementFromPoint(Math.min(Math.max(xs[1], 0), innerWidth - 1), Math.min(Math.max(ys[1], 0), innerHeight - 1))?.outerHTML.slice(0, 60)} at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`
      : '',
    button: (el.tagName === 'BUTTON' && !el.disabled) || el.getAttribute('role') === 'button',
    swept: el.hasAttribute('data-swept'),
  };
});

/** Whether a dialog, the share panel or presentation mode is open (Escape closes each). */
const opened = (p) => p.evaluate(() => !!document.querySelector('[role=dialog]:not([hidden]), dialog[open], [data-testid=share-panel]')
  || document.body.classList.contains('present'));

for (const [w, h] of [[390, 844], [768, 1024], [1440, 900]]) {
  test(`${w}×${h}, keyboard only: every stop in page order, never covered, and focus kept through every button press`, async (t) => {
    const context = await b.newContext({ viewport: { width: w, height: h } });
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${s.url}?`);
    await p.getByTestId('total').waitFor();
    await livePage(p);
    await p.getByTestId('footer').waitFor({ state: 'attached' });
    const stops = [];
    const problems = [];
    const pressed = [];
    for (let i = 0; i < 400; i++) {
      await p.keyboard.press('Tab');
      const at = await where(p);
      if (!at) break; // past the last stop: focus has left the page
      if (stops.length && at.what === stops[0].what && at.y === stops[0].y) break;
      stops.push(at);
      if (at.covered) problems.push(`covered: ${at.what} ${at.covered}`);
      // Each button once (a reset sends focus back to its slider, and the
      // chips after it would set the value again: a loop).
      if (!at.button || at.swept || SKIP.has(at.id)) continue;
      await p.evaluate(() => document.activeElement.setAttribute('data-swept', ''));
      await p.keyboard.press('Enter');
      pressed.push(at.id);
      await p.waitForTimeout(30);
      if (!(await where(p))) problems.push(`focus on <body> after pressing ${at.what}`);
      if (await opened(p)) {
        await p.keyboard.press('Escape');
        await p.waitForTimeout(30);
        if (!(await where(p))) problems.push(`focus on <body> after closing what ${at.what} opened`);
      }
    }
    assert.ok(stops.length > 60, `only ${stops.length} stops, the last: ${stops.slice(-3).map((x) => x.what).join(' · ')}; ${problems.join('; ')}`);
    assert.ok(stops.filter((x) => x.tag === 'INPUT').length >= 26, 'the levers are reached');
    if (w <= 1000) {
      // One column: Tab goes down the page (a step back up within a row of
      // cards is fine; a jump back up more than a screen is not).
      for (let k = 1; k < stops.length; k++) {
        if (stops[k].y < stops[k - 1].y - h) problems.push(`back up from ${stops[k - 1].what} (${stops[k - 1].y}) to ${stops[k].what} (${stops[k].y})`);
      }
    }
    t.diagnostic(`${stops.length} stops, ${pressed.length} buttons pressed: ${pressed.join(' ')}`);
    // The buttons that disable themselves when pressed were among them.
    for (const id of ['reset-surface', 'solve-apply', 'undo']) assert.ok(pressed.includes(id), `${id} was not pressed`);
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A chart far down a phone's page has its legend before it is drawn, so nothing
// under it moves when it is: the legend used to come in with the first draw (as
// the chart neared the screen) and push the chart's data table, just focused by
// Tab, off the bottom of the screen. Its data table has its figures before the
// draw too (it was empty until plotly.js drew the chart).
test('390×844: a chart not yet drawn shows its legend and its figures, and its data table stays put when it is drawn', async () => {
  const context = await b.newContext({ viewport: { width: 390, height: 844 } });
  const p = await context.newPage();
  await p.goto(`${s.url}?`);
  await p.getByTestId('total').waitFor();
  await livePage(p);
  const chart = p.locator('figure.chart').filter({ has: p.getByTestId('chart-path') });
  // The first analyses are in (the legends follow them in the same task).
  await p.waitForFunction(() => Number(document.querySelector('.results')?.dataset.analysed) > 0);
  const before = await chart.evaluate((f) => ({
    drawn: Number(f.querySelector('.plot').dataset.drawn),
    entries: f.querySelectorAll('[data-testid=chart-legend] li').length,
    table: Math.round(f.querySelector('.chart-data summary').getBoundingClientRect().top + scrollY),
  }));
  assert.equal(before.drawn, 0, 'the chart is far enough down not to be drawn yet');
  assert.ok(before.entries >= 6, `${before.entries} legend entries before the chart is drawn`);
  // Its text alternative has its figures already (opened without scrolling to it).
  const rows = () => chart.evaluate((f) => [...f.querySelectorAll('.chart-data tbody tr')].map((r) => r.textContent));
  await chart.evaluate((f) => { f.querySelector('.chart-data').open = true; });
  await p.waitForTimeout(100);
  const rowsBefore = await rows();
  assert.ok(rowsBefore.length >= 10, `${rowsBefore.length} rows in the data table before the chart is drawn`);
  await chart.locator('.chart-data summary').focus();
  await p.waitForFunction(() => Number(document.querySelector('[data-testid=chart-path]').dataset.drawn) > 0);
  const after = await chart.evaluate((f) => ({
    entries: f.querySelectorAll('[data-testid=chart-legend] li').length,
    table: Math.round(f.querySelector('.chart-data summary').getBoundingClientRect().top + scrollY),
    seen: f.querySelector('.chart-data summary').getBoundingClientRect().bottom <= innerHeight,
  }));
  assert.equal(after.entries, before.entries, 'the same legend once drawn');
  assert.deepEqual(await rows(), rowsBefore, 'the same figures in the data table once drawn');
  assert.equal(after.table, before.table, 'the data table did not move when the chart was drawn');
  assert.ok(after.seen, 'the focused data table is on the screen');
  await context.close();
});
