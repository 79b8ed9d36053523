// The scenario explorer as a person uses it: sliders, caps, presets, language,
// links; every number checked against the model's CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, open, slide, dataNumber, model, cap, shot, DIST, ROOT, close, chartDrawn, chartsInView, CHARTS, says } from './helpers.mjs';

const PRESETS = JSON.parse(readFileSync(join(ROOT, 'model', 'data', 'presets.json'), 'utf8'));

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

test('moving η changes the total and the agricultural card by exactly the model', async () => {
  const { page, context, errors } = await open(b, s.url);
  const base = model(['--preset', 'plan-2025']);
  close(await dataNumber(page, 'total'), base.total);
  await slide(page, 'eta', 0.7);
  const want = model(['--preset', 'plan-2025', '--set', 'eta=0.7']);
  close(await dataNumber(page, 'total'), want.total);
  close(await dataNumber(page, 'cap-agriculture'), cap(want, 'agriculture').value);
  assert.ok(want.total < base.total);
  // The visible text follows too.
  assert.equal(await page.getByTestId('lever-value-eta').textContent(), '0.700');
  // Keyboard: one step up from 0.7 is 0.705.
  await page.getByTestId('lever-eta').focus();
  await page.keyboard.press('ArrowRight');
  const next = model(['--preset', 'plan-2025', '--set', 'eta=0.705']);
  close(await dataNumber(page, 'total'), next.total);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pushing cotton up flips the agricultural card to over at the model\'s threshold', async () => {
  // Bisect the model for the cotton area where agriculture meets its cap.
  let lo = 165, hi = 300;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    const r = model(['--preset', 'plan-2025', '--set', 'shortfall=1', '--set', `cotton=${mid}`]);
    if (cap(r, 'agriculture').ok) lo = mid; else hi = mid;
  }
  const below = Math.floor(lo * 10) / 10;
  const above = Math.ceil(hi * 10) / 10;
  // Under the pumped reading agricultural use is the whole demand (held at
  // the groundwater cap, the shortfall would be water not delivered).
  const { page, context, errors } = await open(b, `${s.url}?shortfall=1`);
  await page.getByTestId('crop-mode-free').check();
  await slide(page, 'cotton', below);
  assert.equal(await page.getByTestId('cap-agriculture').getAttribute('data-state'), 'ok');
  await slide(page, 'cotton', above);
  assert.equal(await page.getByTestId('cap-agriculture').getAttribute('data-state'), 'over');
  const want = model(['--preset', 'plan-2025', '--set', 'shortfall=1', '--set', `cotton=${above}`]);
  close(await dataNumber(page, 'cap-agriculture'), cap(want, 'agriculture').value);
  // The state is said in words, and announced for screen readers.
  assert.match(await page.getByTestId('cap-agriculture-state').textContent(), says('cap.over'));
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid=announcer]').textContent), says('cap.agriculture').source);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in shift mode a crop slider keeps the irrigated area', async () => {
  const { page, context } = await open(b, s.url);
  const before = await page.getByTestId('irrigated-area').textContent();
  await slide(page, 'cotton', 200);
  assert.equal(await page.getByTestId('lever-cotton').inputValue(), '200');
  assert.equal(await page.getByTestId('irrigated-area').textContent(), before);
  assert.notEqual(await page.getByTestId('lever-wheat').inputValue(), '120');
  await context.close();
});

test('switching presets shows each preset\'s numbers', async () => {
  const { page, context, errors } = await open(b, s.url);
  for (const p of ['dry-95', 'status-2020', 'target-2030', 'surface-14.5']) {
    await page.getByTestId('preset').selectOption(p);
    const want = model(['--preset', p]);
    close(await dataNumber(page, 'total'), want.total);
    for (const id of ['total', 'groundwater', 'surface', 'other', 'agriculture']) {
      close(await dataNumber(page, `cap-${id}`), cap(want, id).value);
      assert.equal(await page.getByTestId(`cap-${id}`).getAttribute('data-state'), cap(want, id).state, `${p} ${id}`);
    }
    // Every lever the preset sets shows the preset's value, to its slider's
    // step (each row follows its own value: src/follow.rs).
    for (const [id, { value }] of Object.entries(PRESETS.find((x) => x.id === p).values)) {
      const slider = page.getByTestId(`lever-${id}`);
      const step = Number(await slider.getAttribute('step'));
      const shown = Number(await slider.inputValue());
      assert.ok(Math.abs(shown - value) <= step / 2 + 1e-9, `${p} ${id}: the slider shows ${shown}, the preset ${value}`);
    }
  }
  // Reset returns every lever to the preset.
  await slide(page, 'reuse', 90);
  await page.getByTestId('reset-all').click();
  close(await dataNumber(page, 'total'), model(['--preset', 'surface-14.5']).total);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching language changes every visible label and the URL', async () => {
  const { page, context, errors } = await open(b, s.url);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('header h1').textContent(), says('app.title'));
  await page.getByTestId('lang').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('header h1').textContent(), /Changji/);
  assert.match(await page.getByTestId('cap-total').textContent(), /Total water use/);
  await page.waitForFunction(() => location.search.includes('lang=en'));
  const body = await page.locator('.results').textContent();
  assert.doesNotMatch(body, /[用水总量地下]{2,}/, 'no Chinese label left in the results');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link restores its scenario; a tampered link gives notices, not errors', async () => {
  const q = 'preset=plan-2025&eta=0.7&cotton=210';
  const { page, context, errors } = await open(b, `${s.url}?${q}`);
  close(await dataNumber(page, 'total'), model(['--query', q]).total);
  assert.equal(await page.getByTestId('notices').count(), 0);
  await context.close();

  const bad = await open(b, `${s.url}?eta=abc&foo=1&reuse=1e9&preset=nope&year=2031`);
  const notes = await bad.page.getByTestId('notices').textContent();
  assert.match(notes, /foo/);
  assert.match(notes, /eta/);
  close(await dataNumber(bad.page, 'total'), model(['--query', 'reuse=1e9&year=2031']).total);
  assert.deepEqual(bad.errors, []);
  await bad.context.close();

  // A link from an older model version still opens, with a notice.
  const old = await open(b, `${s.url}?v=0&eta=0.7`);
  assert.match(await old.page.getByTestId('notices').textContent(), says('notice.other_version', { given: 0 }));
  close(await dataNumber(old.page, 'total'), model(['--set', 'eta=0.7']).total);
  assert.deepEqual(old.errors, []);
  await old.context.close();
  assert.deepEqual(errors, []);
});

test('the URL follows the sliders, writing only changed levers', async () => {
  const { page, context } = await open(b, s.url);
  await slide(page, 'reuse', 80);
  await page.waitForFunction(() => location.search.includes('reuse=80'));
  const search = await page.evaluate(() => location.search);
  assert.equal(search, '?reuse=80&v=1');
  await context.close();
});

test('a chart\'s hover label says its value as the chart does, in the page\'s language', async () => {
  const { page, context, errors } = await open(b, `${s.url}?lang=zh`);
  await chartsInView(page);
  // What the mouse shows over a chart's marks: each label's text.
  const hover = async (id, marks) => {
    const at = await page.evaluate(([id, marks]) => [...document.querySelectorAll(`[data-testid=${id}] ${marks}`)]
      .map((m) => { const r = m.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }), [id, marks]);
    const texts = [];
    for (const [x, y] of at) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(80);
      texts.push(await page.evaluate((id) => [...document.querySelectorAll(`[data-testid=${id}] .hoverlayer .hovertext`)]
        .map((h) => h.textContent).join(' '), id));
    }
    return texts.filter(Boolean);
  };
  const plan = model(['--preset', 'plan-2025']);
  const bars = await hover('chart-sources', '.point');
  assert.ok(bars.length > 0, 'no hover label on the sources chart');
  // Groundwater to the hundredth, as the bar's own label (not 7.63902).
  const gw = plan.sources.groundwater.toFixed(2);
  assert.ok(bars.some((t) => t.includes(`, ${gw})`)), `${gw} in ${bars.join(' / ')}`);
  for (const t of bars) assert.doesNotMatch(t, /\d\.\d{3,}/, t);
  const links = await hover('chart-flow', '.sankey-link');
  assert.ok(links.length > 0, 'no hover label on the flows');
  for (const t of links) {
    assert.match(t, /^\d+\.\d\d 亿m³$/, t);
  }
  // A source's label: its name and amounts, not plotly.js's English flow counts.
  const nodes = await hover('chart-flow', '.sankey-node');
  assert.ok(nodes.some((t) => t.startsWith('地下水') && t.includes(gw)), nodes.join(' / '));
  for (const t of nodes) assert.doesNotMatch(t, /flow count/, t);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots at phone and projector width', async () => {
  for (const [w, h, name] of [[375, 812, 'phone-375'], [1920, 1080, 'projector-1920']]) {
    const { page, context, errors } = await open(b, `${s.url}?preset=surface-14.5`, { width: w, height: h });
    for (const id of CHARTS) await chartDrawn(page, id);
    // Nothing is wider than the viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name}: page is ${overflow}px wider than the viewport`);
    await shot(page, name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
