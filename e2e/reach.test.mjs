// Everyone can use it (issue #25): every control a screen reader reaches has a
// name that says what it is (never a bare number), the explanation dialog keeps
// Tab inside and gives focus back when it closes, and on an upright tablet or
// at 200 % zoom the title keeps a column of its own and the header leaves the
// screen to the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, DIST, livePage } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

async function open(query, viewport, deviceScaleFactor = 1) {
  const context = await b.newContext({ viewport, deviceScaleFactor });
  const p = await context.newPage();
  await p.goto(`${s.url}${query}`);
  await p.getByTestId('total').waitFor();
  await livePage(p);
  await p.getByTestId('footer').waitFor({ state: 'attached' });
  return { p, context };
}

/** Buttons and sliders with the names the browser gives them (its accessibility tree). */
async function controls(p) {
  const cdp = await p.context().newCDPSession(p);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes
    .filter((n) => !n.ignored && ['button', 'slider', 'spinbutton', 'combobox', 'checkbox', 'radio', 'link'].includes(n.role?.value))
    .map((n) => ({ role: n.role.value, name: (n.name?.value ?? '').trim() }));
}

// A name that is only a number, perhaps with its unit: "165.0 万亩", "24.23", "65%".
const UNITS = /亿m³|万m³\/d|万m³|万亩|m³\/亩|m³|万元|%|L/g;
const bare = (name) => name.replace(UNITS, '').replace(/[\d.,\s/()+\-–−]/g, '') === '';

for (const [w, h] of [[390, 844], [768, 1024], [1440, 900]]) {
  test(`${w}×${h}: every button and slider is named, and not by a number alone`, async () => {
    for (const query of ['?', '?lang=en']) {
      const { p, context } = await open(query, { width: w, height: h });
      const list = await controls(p);
      assert.ok(list.filter((c) => c.role === 'slider').length >= 26, 'the levers are sliders');
      const unnamed = list.filter((c) => c.name === '' || bare(c.name));
      assert.deepEqual(unnamed, [], `${query}: controls without a name that says what they are`);
      // The numbers that open their formula say what they are and what they do.
      const total = list.find((c) => c.role === 'button' && /查看来源与公式|show its source and formula/.test(c.name) && /用水总量|Total water use/.test(c.name));
      assert.ok(total, `${query}: the total's button names itself`);
      await context.close();
    }
  });
}

test('the explanation dialog keeps Tab inside, closes with Escape and gives focus back', async () => {
  const { p, context } = await open('?', { width: 1440, height: 900 });
  await p.getByTestId('total').focus();
  await p.keyboard.press('Enter');
  await p.getByTestId('provenance').waitFor();
  const inside = () => p.evaluate(() => document.querySelector('[data-testid=provenance]').contains(document.activeElement));
  assert.ok(await inside(), 'focus moves into the dialog');
  const stops = [];
  for (let i = 0; i < 30; i++) {
    await p.keyboard.press('Tab');
    assert.ok(await inside(), `Tab ${i + 1} stays in the dialog`);
    stops.push(await p.evaluate(() => document.activeElement.outerHTML.slice(0, 60)));
  }
  assert.ok(new Set(stops).size >= 2, 'Tab moves between the dialog\'s controls');
  for (let i = 0; i < 5; i++) {
    await p.keyboard.press('Shift+Tab');
    assert.ok(await inside(), `Shift+Tab ${i + 1} stays in the dialog`);
  }
  await p.keyboard.press('Escape');
  await p.getByTestId('provenance').waitFor({ state: 'detached' });
  assert.equal(await p.evaluate(() => document.activeElement?.dataset?.testid), 'total', 'focus is back on the total');
  await context.close();
});

for (const [w, h, dsf] of [[561, 800, 1], [768, 1024, 1], [960, 1280, 1], [1024, 768, 1], [960, 540, 2]]) {
  test(`${w}×${h}${dsf > 1 ? ` at device scale ${dsf} (200 % zoom)` : ''}: the title has room and the header leaves the screen to the page`, async () => {
    for (const query of ['?', '?lang=en']) {
      const { p, context } = await open(query, { width: w, height: h }, dsf);
      const title = await p.locator('.header h1').boundingBox();
      const header = await p.locator('.header').boundingBox();
      assert.ok(title.width >= 200, `${query}: title ${title.width} px wide`);
      assert.ok(header.height <= h / 3 + 0.5, `${query}: header ${header.height} px of ${h}`);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${query}: ${overflow} px of horizontal scrolling`);
      await context.close();
    }
  });
}

// A chart's words are read on every screen: no axis title, tick label or value
// label runs past the edge of its chart (in English a long axis title was cut
// off at its ends, and the sectors' labels, turned, at the bottom), and none
// lies on another (on a phone, in English, the flow diagram's sector labels
// ran into its source labels).
/** The texts of chart `id` that run past its edge or onto one another. */
async function unreadable(p, id) {
  return p.getByTestId(id).evaluate((plot) => {
    const box = plot.querySelector('svg.main-svg').getBoundingClientRect();
    const texts = [...plot.querySelectorAll('svg text')].filter((t) => t.textContent.trim())
      .map((t) => [t.textContent, t.getBoundingClientRect()]);
    const past = texts.flatMap(([text, r]) => {
      const by = Math.max(box.top - r.top, r.bottom - box.bottom, box.left - r.left, r.right - box.right);
      return by > 1 ? [`"${text}" ${by.toFixed(0)} px past the edge`] : [];
    });
    const onto = texts.flatMap(([a, ra], i) => texts.slice(i + 1).flatMap(([c, rc]) => {
      const x = Math.min(ra.right, rc.right) - Math.max(ra.left, rc.left);
      const y = Math.min(ra.bottom, rc.bottom) - Math.max(ra.top, rc.top);
      return x > 2 && y > 2 ? [`"${a}" on "${c}" (${x.toFixed(0)}×${y.toFixed(0)} px)`] : [];
    }));
    return [...past, ...onto];
  });
}

async function assertWhole(p, id, what) {
  assert.deepEqual(await unreadable(p, id), [], `${what} ${id}`);
  const texts = await p.getByTestId(id).locator('svg text').count();
  assert.ok(texts >= 5, `${what} ${id}: ${texts} texts drawn`);
}

for (const [w, h] of [[390, 844], [820, 1180], [960, 540], [1280, 720], [1440, 900], [1920, 1080]]) {
  test(`${w}×${h}: no chart's text is cut off at its edge or lies on another, in either language`, async () => {
    const { chartDrawn, CHARTS } = await import('./helpers.mjs');
    for (const query of ['?', '?lang=en']) {
      const { p, context } = await open(query, { width: w, height: h });
      for (const id of CHARTS) {
        await chartDrawn(p, id);
        await assertWhole(p, id, query);
      }
      await context.close();
    }
  });
}

test('presentation mode at 1280×720 and 1920×1080: no chart\'s text is cut off or lies on another, each chart in turn (its text is larger)', async () => {
  const { chartDrawn, CHARTS } = await import('./helpers.mjs');
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    for (const query of ['?mode=present', '?mode=present&lang=en']) {
      const { p, context } = await open(query, { width: w, height: h });
      for (const id of CHARTS) {
        await p.waitForFunction((t) => document.querySelector(`.chart.presented [data-testid=${t}]`), id);
        await chartDrawn(p, id);
        await assertWhole(p, id, `${w}×${h} ${query}`);
        await p.locator('body').press('c');
      }
      await context.close();
    }
  }
});

test('every chart has a text alternative: a name, and its figures as a table that matches the chart', async () => {
  const { p, context } = await open('?', { width: 1440, height: 900 });
  const { chartDrawn, CHARTS, model } = await import('./helpers.mjs');
  const want = model([]);
  for (const id of CHARTS) {
    await chartDrawn(p, id);
    const chart = p.locator('.chart').filter({ has: p.getByTestId(id) });
    assert.match(await p.getByTestId(id).getAttribute('aria-label'), /^图表：.+数据表/);
    await chart.locator('.chart-data summary').click();
    await chart.locator('.chart-data tbody tr').first().waitFor();
    const rows = await chart.locator('.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.ok(rows.length >= 3, `${id}: ${rows.length} rows`);
    if (id === 'chart-sources') {
      // The scenario's groundwater, as the chart draws it and the model computes it.
      const gw = rows.find(([series, at]) => /本情景|当前/.test(series) && /地下水/.test(at));
      assert.ok(gw, JSON.stringify(rows));
      assert.equal(gw[2], want.sources.groundwater.toFixed(2));
    }
  }
  // A screen reader meets each chart as one named image: none of plotly.js's
  // own drawings (the SVGs inside a chart, the one it measures text with) is
  // an image without a name.
  const cdp = await context.newCDPSession(p);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const images = nodes.filter((n) => !n.ignored && ['image', 'img'].includes(n.role?.value));
  assert.deepEqual(images.filter((n) => !(n.name?.value ?? '').trim()).length, 0, 'unnamed images');
  assert.ok(images.length >= 4, `${images.length} images`);
  // A cap's meter says its value and its limit, with the unit.
  assert.equal(await p.locator('[data-testid=cap-groundwater] [role=meter]').getAttribute('aria-valuetext'),
    `${want.sources.groundwater.toFixed(2)} 亿m³，指标 7.64 亿m³`);
  await context.close();
});

test('the icon is never fetched: not at load, not after moving a slider (the page rewrites its address)', async () => {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 } });
  const p = await context.newPage();
  const icons = [];
  p.on('request', (r) => { if (/favicon|\.ico$/.test(r.url())) icons.push(r.url()); });
  await p.goto(s.url);
  await p.getByTestId('total').waitFor();
  await livePage(p);
  const { slide } = await import('./helpers.mjs');
  for (const v of [0.66, 0.68, 0.7]) await slide(p, 'eta', v);
  await p.waitForTimeout(600);
  assert.match(await p.locator('link[rel=icon]').getAttribute('href'), /^data:image\/svg\+xml,/);
  assert.deepEqual(icons, []);
  await context.close();
});

test('390×844, keyboard only: no focused control is hidden under the sticky summary bar, going either way', async () => {
  const { p, context } = await open('?', { width: 390, height: 844 });
  let covered = [];
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press(key);
      const hidden = await p.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const bar = document.querySelector('.summary-bar');
        const r = el.getBoundingClientRect();
        const b = bar?.getBoundingClientRect();
        if (!b || getComputedStyle(bar).position !== 'sticky' || r.height === 0) return null;
        // Fully covered: the control lies wholly under the bar.
        return r.top >= b.top && r.bottom <= b.bottom && !bar.contains(el) ? el.outerHTML.slice(0, 80) : null;
      });
      if (hidden) covered.push(`${key}: ${hidden}`);
    }
  }
  assert.deepEqual(covered, []);
  await context.close();
});
