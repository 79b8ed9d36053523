// Accessibility: axe-core over the main views and presentation mode finds no
// serious or critical violation; the page is usable from the keyboard alone;
// cap crossings are announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, slide, axe, DIST, chartDrawn, says, livePage } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

async function page(query = '', viewport = { width: 1440, height: 900 }, ready = 'total') {
  // axe is injected as a script, which the page's own CSP rightly forbids.
  const context = await b.newContext({ viewport, bypassCSP: true });
  const p = await context.newPage();
  await p.goto(`${s.url}${query}`);
  await p.getByTestId(ready).waitFor();
  await livePage(p);
  if (ready === 'total') await chartDrawn(p, 'chart-sources');
  return { p, context };
}


for (const [name, query, viewport] of [
  ['main view', '', undefined],
  ['English, a scenario over its caps', '?preset=dry-95&lang=en', undefined],
  ['presentation mode', '?mode=present', { width: 1920, height: 1080 }],
  ['phone', '?preset=surface-14.5', { width: 375, height: 812 }],
]) {
  test(`axe: no serious or critical violation — ${name}`, async () => {
    const { p, context } = await page(query, viewport);
    assert.deepEqual(await axe(p), []);
    await context.close();
  });
}

test('axe: no serious or critical violation with the attribution and a provenance dialog open', async () => {
  const { p, context } = await page('?preset=dry-95');
  await p.getByTestId('attribution').locator('summary').click();
  await p.getByTestId('wf-to').waitFor();
  await p.getByTestId('cap-groundwater').locator('.cap-limit').click();
  await p.getByTestId('provenance').waitFor();
  assert.deepEqual(await axe(p), []);
  await context.close();
});

test('keyboard alone: solve for a cap, apply, undo; open and close a provenance dialog', async () => {
  const { p, context } = await page('?preset=dry-95');
  const before = await p.getByTestId('total').getAttribute('data-value');
  await p.getByTestId('solve-cap').focus();
  await p.keyboard.press('Tab'); // the lever select (η by default)
  await p.keyboard.press('Tab'); // Apply
  assert.equal(await p.evaluate(() => document.activeElement.dataset.testid), 'solve-apply');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('[data-testid=cap-groundwater]').dataset.state === 'ok');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.dataset.testid), 'undo');
  await p.keyboard.press('Enter');
  await p.waitForFunction((t) => document.querySelector('[data-testid=total]').dataset.value === t, before);
  await p.getByTestId('total').focus();
  await p.keyboard.press('Enter');
  await p.getByTestId('provenance').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.dataset.testid), 'prov-close');
  await p.keyboard.press('Escape');
  await p.getByTestId('provenance').waitFor({ state: 'detached' });
  assert.equal(await p.evaluate(() => document.activeElement.dataset.testid), 'total');
  await context.close();
});

test('axe: no serious or critical violation with compare, saved scenarios and share open', async () => {
  const { p, context } = await page();
  await p.getByTestId('pin').click();
  await slide(p, 'eta', 0.7);
  await p.getByTestId('saved-save').click();
  await p.getByTestId('share').click();
  assert.deepEqual(await axe(p), []);
  await context.close();
});

test('keyboard alone: reach a slider by Tab, move it, switch preset and language', async () => {
  const { p, context } = await page();
  const before = Number(await p.getByTestId('total').getAttribute('data-value'));
  // Tab until the η slider has focus.
  for (let i = 0; i < 120; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate(() => document.activeElement?.dataset?.testid === 'lever-eta')) break;
  }
  assert.equal(await p.evaluate(() => document.activeElement?.dataset?.testid), 'lever-eta');
  await p.keyboard.press('ArrowRight');
  assert.equal(await p.getByTestId('lever-eta').inputValue(), '0.675');
  assert.ok(Number(await p.getByTestId('total').getAttribute('data-value')) < before);
  // Preset menu and language button by keyboard.
  await p.getByTestId('preset').focus();
  await p.keyboard.press('ArrowDown');
  await p.getByTestId('lang').focus();
  await p.keyboard.press('Enter');
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  await context.close();
});

test('a cap crossing is announced in a live region', async () => {
  const { p, context } = await page('?preset=plan-2025');
  const live = p.getByTestId('announcer');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await p.getByTestId('crop-mode-free').check();
  // Held at the groundwater cap (the default reading), more cotton is water not delivered.
  const said = (re) => p.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid=announcer]').textContent), re.source);
  await slide(p, 'cotton', 240);
  // Once, when the change has settled: the cap that changed (held at its cap,
  // the total does not move, so it is not said).
  await said(new RegExp(`^${says('cap.announce_unmet', { cap: says('cap.groundwater') }).source}`));
  await slide(p, 'cotton', 165);
  await said(says('cap.announce_delivered', { cap: says('cap.groundwater') }));
  // A drag's frames say nothing; its release says the total once.
  const before = await live.textContent();
  await p.getByTestId('lever-eta').evaluate((el) => {
    for (const v of [0.66, 0.665, 0.67, 0.675]) { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }
  });
  assert.equal(await live.textContent(), before, 'nothing while the slider moves');
  await p.getByTestId('lever-eta').evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await said(new RegExp(`^${says('total.announce').source}$`));
  await context.close();
});

test('names and focus: the challenge sliders are named, the story keeps focus at its ends, the year has no separator', async () => {
  const ch = await page('?view=challenge&lang=en', { width: 390, height: 844 }, 'challenge');
  for (const id of ['eta', 'cotton', 'reuse', 'surface']) {
    const name = await ch.p.getByTestId(`lever-${id}`).evaluate((el) => {
      const by = el.getAttribute('aria-labelledby');
      return by ? document.getElementById(by)?.textContent ?? '' : '';
    });
    assert.ok(name.trim().length > 2 && !/^[\d.,\s]+$/.test(name), `${id}: "${name}"`);
  }
  await ch.context.close();
  const st = await page('?view=story&scene=7', { width: 390, height: 844 }, 'story');
  await st.p.getByTestId('story-next').focus();
  await st.p.keyboard.press('Enter');
  await st.p.getByTestId('scene-8').waitFor();
  assert.equal(await st.p.evaluate(() => document.activeElement?.dataset.testid), 'story-prev');
  await st.context.close();
  const ex = await page('?preset=target-2030');
  assert.equal(await ex.p.getByTestId('lever-value-year').textContent(), '2030');
  // The share panel closes with Escape and with its button, focus back on Share.
  await ex.p.getByTestId('share').click();
  await ex.p.getByTestId('share-url').focus();
  await ex.p.keyboard.press('Escape');
  await ex.p.getByTestId('share-panel').waitFor({ state: 'detached' });
  assert.equal(await ex.p.evaluate(() => document.activeElement?.dataset.testid), 'share');
  await ex.p.getByTestId('share').click();
  await ex.p.getByTestId('share-close').focus();
  await ex.p.keyboard.press('Enter');
  await ex.p.getByTestId('share-panel').waitFor({ state: 'detached' });
  assert.equal(await ex.p.evaluate(() => document.activeElement?.dataset.testid), 'share');
  await ex.context.close();
});
