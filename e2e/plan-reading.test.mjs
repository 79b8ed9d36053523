// The model reads the plan right, as a planner sees it on the page: the plan's
// own scenarios meet every cap, more reclaimed water is welcome, a wet year
// never pushes surface use over its cap, industry is counted once, and 2020
// is judged as the plan reports it. Every number against the model's CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, slide, dataNumber, model, cap, DIST, close } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

const CAPS = ['total', 'groundwater', 'surface', 'other', 'agriculture'];

async function states(page) {
  const out = {};
  for (const id of CAPS) out[id] = await page.getByTestId(`cap-${id}`).getAttribute('data-state');
  return out;
}

test('the plan\'s own 2025 and 2030 scenarios open with every cap met', async () => {
  const { page, context, errors } = await open(b, s.url);
  for (const p of ['plan-2025', 'target-2030']) {
    await page.getByTestId('preset').selectOption(p);
    const want = model(['--preset', p]);
    for (const c of want.caps) assert.equal(c.state, 'ok', `${p} ${c.id} in the CLI`);
    assert.deepEqual(await states(page), Object.fromEntries(CAPS.map((id) => [id, 'ok'])), p);
    assert.equal(await page.locator('.cap.over').count(), 0, `${p}: no red card`);
    close(await dataNumber(page, 'cap-groundwater'), cap(want, 'groundwater').value);
    assert.ok(cap(want, 'groundwater').value <= cap(want, 'groundwater').limit);
    assert.ok(cap(want, 'other').value >= 0.53, 'other sources reach the plan\'s 0.53');
    assert.equal(await page.getByTestId('cap-other').getAttribute('data-kind'), 'floor');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('more reclaimed water is never a breach and lowers groundwater', async () => {
  const { page, context, errors } = await open(b, s.url);
  const plan = model(['--preset', 'plan-2025']);
  await slide(page, 'reuse', 80);
  const want = model(['--preset', 'plan-2025', '--set', 'reuse=80']);
  assert.deepEqual(await states(page), Object.fromEntries(CAPS.map((id) => [id, 'ok'])));
  close(await dataNumber(page, 'cap-other'), cap(want, 'other').value);
  close(await dataNumber(page, 'cap-groundwater'), cap(want, 'groundwater').value);
  assert.ok(cap(want, 'groundwater').value < cap(plan, 'groundwater').value);
  assert.match(await page.getByTestId('cap-other-state').textContent(), /已达到目标/);
  // Too little reclaimed water reads as a target short, not as a breach.
  await slide(page, 'reuse', 20);
  assert.equal(await page.getByTestId('cap-other').getAttribute('data-state'), 'short');
  assert.equal(model(['--preset', 'plan-2025', '--set', 'reuse=20']).caps.find((c) => c.id === 'other').state, 'short');
  assert.match(await page.getByTestId('cap-other-state').textContent(), /距目标尚差/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wet year leaves surface use at its cap and shows the surplus as unallocated', async () => {
  const { page, context, errors } = await open(b, `${s.url}?preset=plan-2025&runoff=20&lang=en`);
  const want = model(['--preset', 'plan-2025', '--set', 'runoff=20']);
  const surface = await dataNumber(page, 'cap-surface');
  close(surface, cap(want, 'surface').value);
  assert.ok(surface <= 16.06 + 1e-9);
  assert.equal(await page.getByTestId('cap-surface').getAttribute('data-state'), 'ok');
  close(await dataNumber(page, 'surface-available', 'data-unallocated'), want.detail.surface_unallocated);
  assert.match(await page.getByTestId('surface-available').textContent(), /not allocated/);
  // The runoff year is continuous: each drier year raises groundwater.
  let last = -Infinity;
  for (const p of [30, 50, 62, 80, 95]) {
    await slide(page, 'runoff', p);
    const gw = await dataNumber(page, 'cap-groundwater');
    close(gw, cap(model(['--preset', 'plan-2025', '--set', `runoff=${p}`]), 'groundwater').value);
    assert.ok(gw >= last, `runoff ${p} %: groundwater ${gw} after ${last}`);
    last = gw;
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('industry is counted once, and an old link with industry_reuse opens with a notice', async () => {
  const { page, context, errors } = await open(b, `${s.url}?industry_intensity=16.4&industry_reuse=95`);
  const want = model(['--set', 'industry_intensity=16.4']);
  close(want.indicators.water_per_industry_va, 16.4);
  close(await dataNumber(page, 'total'), want.total);
  assert.match(await page.getByTestId('notices').textContent(), /industry_reuse/);
  close(await dataNumber(page, 'ind-water_per_industry_va'), 16.4);
  close(await dataNumber(page, 'ind-industry_reuse'), want.indicators.industry_reuse);
  assert.equal(await page.getByTestId('lever-industry_reuse').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('less cotton lowers use and raises every saving shown', async () => {
  const { page, context, errors } = await open(b, s.url);
  const text = async (id) => page.getByTestId(`ind-${id}`).locator('.tile-value').textContent();
  const before = { saving: await text('saving_vs_2020'), reduction: await text('reduction_vs_2020'), structure: await text('structure_saving') };
  await page.getByTestId('crop-mode-free').check();
  await slide(page, 'cotton', 115);
  const plan = model(['--preset', 'plan-2025']);
  const want = model(['--preset', 'plan-2025', '--set', 'cotton=115']);
  close(await dataNumber(page, 'total'), want.total);
  assert.ok(want.total < plan.total);
  for (const k of ['saving_vs_2020', 'reduction_vs_2020', 'structure_saving']) {
    assert.ok(want.indicators[k] > plan.indicators[k], k);
  }
  assert.notEqual(await text('saving_vs_2020'), before.saving);
  assert.notEqual(await text('reduction_vs_2020'), before.reduction);
  for (const k of ['saving_vs_2020', 'reduction_vs_2020', 'structure_saving']) close(await dataNumber(page, `ind-${k}`), want.indicators[k]);
  assert.notEqual(await text('structure_saving'), before.structure);
  assert.deepEqual(errors, []);
  await context.close();
});

test('2020 is judged as the plan reports it', async () => {
  const { page, context, errors } = await open(b, `${s.url}?preset=status-2020`);
  assert.equal(await page.getByTestId('cap-total').getAttribute('data-state'), 'ok');
  for (const id of ['groundwater', 'surface', 'other', 'agriculture']) {
    assert.equal(await page.getByTestId(`cap-${id}`).getAttribute('data-state'), 'not_reported', id);
    assert.match(await page.getByTestId(`cap-${id}-state`).textContent(), /规划未报告/);
  }
  assert.equal(await page.locator('.cap.over').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('sources read in the reader\'s language and name no internal file', async () => {
  for (const lang of ['zh', 'en']) {
    const { page, context } = await open(b, `${s.url}?lang=${lang}`);
    await page.locator('details.sources summary').click();
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\.json|\.md\b|domain\//, lang);
    const sources = await page.locator('details.sources td:last-child').allTextContents();
    assert.ok(sources.length > 20);
    for (const src of sources) {
      if (lang === 'en') assert.doesNotMatch(src.replace(/万元|亿元|万亩|万|亿m³|亩|§[^ ,;:)]*|十\(二\)1|《[^》]*》/g, ''), /[\u4e00-\u9fff]/, src);
      else assert.match(src, /[\u4e00-\u9fff]/, src);
    }
    await context.close();
  }
});
