// Everyone can use it (issue #25): every control a screen reader reaches has a
// name that says what it is (never a bare number), the explanation dialog keeps
// Tab inside and gives focus back when it closes, and on an upright tablet or
// at 200 % zoom the title keeps a column of its own and the header leaves the
// screen to the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, DIST } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

async function open(query, viewport, deviceScaleFactor = 1) {
  const context = await b.newContext({ viewport, deviceScaleFactor });
  const p = await context.newPage();
  await p.goto(`${s.url}${query}`);
  await p.getByTestId('total').waitFor();
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
