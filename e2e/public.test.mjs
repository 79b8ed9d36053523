// The public door on a phone: the story (every scene, both languages, every
// number against the data files or the model's CLI), the 2030 challenge met by
// moving its levers, the household calculator against its formula, the share
// card as a PNG, axe on every scene, and no sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, open, slide, model, cap, shot, axe, ROOT, DIST, close, says } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

const DATA = {};
function dataFile(name) {
  DATA[name] ??= JSON.parse(readFileSync(join(ROOT, 'model', 'data', name), 'utf8'));
  return DATA[name];
}

/** Resolves `file#a.b.c`: a year or id picks an array element; `{value}` its value. */
function dataValue(ref) {
  const [file, path] = ref.split('#');
  let node = dataFile(file);
  for (const part of path.split('.')) {
    if (Array.isArray(node)) node = node.find((x) => String(x.year) === part || x.id === part);
    else node = node[part];
    assert.ok(node !== undefined, `${ref}: no ${part}`);
  }
  return typeof node === 'object' && node !== null && 'value' in node ? node.value : node;
}

let PROGRESS;
/** `progress:actual:<measure>:<year>` or `progress:path:<measure>:<year>`, from `scenario --progress`. */
function progressValue(ref) {
  PROGRESS ??= model(['--progress']);
  const [, what, measure, year] = ref.split(':');
  if (what === 'actual') return PROGRESS.actuals.find((a) => a.measure === measure && String(a.year) === year).value;
  return PROGRESS.path[measure].find((p) => String(p.year) === year).value;
}

function cliValue(query, field) {
  let node = model(['--query', query]);
  for (const part of field.split('.')) node = node[part];
  return node;
}

async function noSidewaysScroll(page) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(w[0] <= w[1], `page is ${w[0]} px wide in a ${w[1]} px window`);
}


/** Checks every number of the scene on screen against its origin. */
async function checkNumbers(page, n) {
  const nums = await page.getByTestId(`scene-${n}`).locator('.num').evaluateAll((els) => els.map((e) => ({
    name: e.dataset.name, value: Number(e.dataset.value), decimals: Number(e.dataset.decimals), origin: e.dataset.origin, text: e.textContent,
    kind: e.dataset.kind, tag: e.nextElementSibling?.classList.contains('kind-tag') ? e.nextElementSibling.textContent : null,
  })));
  // Every number says, visibly and beside it, whose it is; the scene's
  // sources list it with its section, scenario or basis.
  const listed = await page.getByTestId(`scene-${n}`).locator('.scene-origins li').evaluateAll((els) => els.map((e) => ({ name: e.dataset.name, kind: e.dataset.kind, text: e.textContent })));
  for (const x of nums) {
    assert.ok(['plan', 'model', 'illustrative', 'actual'].includes(x.kind), `${x.name}: kind ${x.kind}`);
    assert.ok(x.tag && x.tag.trim().length > 0, `${x.name}: a visible tag beside the number`);
    const item = listed.find((l) => l.name === x.name);
    assert.ok(item, `${x.name} in the scene's sources`);
    if (x.kind === 'plan') assert.match(item.text, /§|Table|表/, `${x.name}: the plan's section`);
    if (x.kind === 'model') assert.match(item.text, /模型|model/, `${x.name}: said to be the model's`);
    if (x.kind === 'illustrative') assert.match(item.text, /示意|illustrative/, `${x.name}: said to be illustrative`);
    if (x.kind === 'actual') assert.match(item.text, /实际|actual/, `${x.name}: said to be an actual year's`);
  }
  const tagsVisible = await page.getByTestId(`scene-${n}`).locator('.scene-text .kind-tag').evaluateAll((els) => els.every((e) => e.getBoundingClientRect().width > 0));
  assert.ok(tagsVisible, 'the tags are on screen, not folded away');
  assert.ok(nums.length > 0, `scene ${n} shows numbers`);
  const byName = Object.fromEntries(nums.map((x) => [x.name, x.value]));
  for (const x of nums) {
    // What is printed is the value at its decimals.
    assert.equal(x.text.replace(/,/g, '').replace('−', '-'), x.value.toFixed(x.decimals), `${x.name} printed`);
    if (x.origin.startsWith('data:')) {
      close(x.value, dataValue(x.origin.slice(5)), 1e-9);
    } else if (x.origin.startsWith('cli:')) {
      const [, query, field] = x.origin.match(/^cli:(.*):([^:]+)$/);
      close(x.value, cliValue(query, field), 1e-9);
    } else if (x.origin.startsWith('progress:')) {
      close(x.value, progressValue(x.origin), 1e-9);
    } else {
      assert.ok(x.origin.startsWith('derived:'), x.origin);
    }
  }
  return byName;
}

test('the story: every scene in Chinese and English at 390×844, numbers from the data and the CLI, axe clean, no sideways scroll', async () => {
  for (const lang of ['zh', 'en']) {
    const { page, context, errors, foreign } = await open(b, `${s.url}?view=story&scene=1${lang === 'en' ? '&lang=en' : ''}`, { ...PHONE, ready: 'story', bypassCSP: true });
    const count = Number(await page.getByTestId('story').getAttribute('data-scene-count'));
    assert.ok(count >= 6 && count <= 8, `${count} scenes`);
    for (let n = 1; n <= count; n++) {
      await page.getByTestId(`scene-${n}`).waitFor();
      const nums = await checkNumbers(page, n);
      if (n === 3) {
        // The derived equivalents, by their formulas.
        const tub = dataValue('public.json#equivalents.bathtub_litres');
        close(nums.tubs, nums.cotton_m3 * 1000 / tub, 1e-9);
      }
      if (n === 7) close(nums.gap, nums.start - nums.cap, 1e-9);
      assert.match(await page.getByTestId(`scene-${n}`).locator('.scene-source').textContent(), /§|Table|表/);
      assert.ok(await page.locator('.scene-picture').isVisible(), `scene ${n} has its picture`);
      await noSidewaysScroll(page);
      assert.deepEqual(await axe(page), [], `axe, scene ${n} (${lang})`);
      if (lang === 'zh') await shot(page, `story-${n}-phone`);
      assert.equal(new URL(page.url()).searchParams.get('scene'), String(n), 'the scene is in the link');
      if (n < count) await page.getByTestId('story-next').click();
    }
    // Arrow keys go back.
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId(`scene-${count - 1}`).waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    assert.equal(await page.evaluate(() => typeof window.Plotly), 'undefined', 'the story does not load plotly.js');
    await context.close();
  }
});

test('the efficiency scene: the visitor moves η and the saving follows the model', async () => {
  const { page, context, errors } = await open(b, `${s.url}?view=story&scene=4`, { ...PHONE, ready: 'story' });
  for (const eta of [0.62, 0.72]) {
    await page.getByTestId('story-eta').evaluate((el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, eta);
    const shown = await page.locator('.scene-text [data-name=saving]').getAttribute('data-value');
    close(Number(shown), model(['--query', `preset=plan-2025&eta=${eta}`]).indicators.saving_vs_2020, 1e-9);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the challenge: open at the start, met by moving its levers, opens in the explorer, share PNG downloads', async () => {
  const { page, context, errors } = await open(b, `${s.url}?view=challenge`, { ...PHONE, ready: 'challenge', acceptDownloads: true });
  const ch = page.getByTestId('challenge');
  assert.equal(await ch.getAttribute('data-state'), 'open');
  // The start: the 2030 target with the farms of the plan's 2025 (crop areas, η, drip).
  const presets = dataFile('presets.json');
  const farm = presets.find((p) => p.id === 'plan-2025').values;
  const crops = dataFile('levers.json').filter((l) => l.crop || l.id === 'eta' || l.id === 'drip').map((l) => l.id);
  const startQuery = `preset=target-2030&${crops.map((id) => `${id}=${farm[id].value}`).join('&')}`;
  const start = model(['--query', startQuery]);
  close(Number(await page.getByTestId('cap-groundwater').getAttribute('data-value')), cap(start, 'groundwater').value);
  assert.equal(await page.getByTestId('cap-groundwater').getAttribute('data-state'), 'unmet');
  assert.ok(start.detail.groundwater_demand < 8, 'a plan-consistent start');
  assert.match(await page.getByTestId('challenge').textContent(), new RegExp(start.detail.undelivered.toFixed(2)));
  for (const id of ['eta', 'cotton', 'reuse', 'surface']) assert.ok(await page.getByTestId(`lever-${id}`).isVisible(), id);
  // A hint names a lever.
  await page.getByTestId('challenge-hint').click();
  assert.ok((await page.getByTestId('challenge-hint-text').textContent()).length > 10);
  await slide(page, 'eta', 0.76);
  await slide(page, 'surface', 16.39);
  await slide(page, 'reuse', 80);
  await page.locator('[data-testid=challenge][data-state=met]').waitFor({ timeout: 5000 });
  const want = model(['--query', `${startQuery.replace('eta=0.67', 'eta=0.76').replace(/&surface=[^&]*/, '')}&surface=16.39&reuse=80`]);
  for (const c of want.caps) assert.ok(!['over', 'unmet'].includes(c.state), `${c.id} in the CLI`);
  assert.equal(await ch.getAttribute('data-state'), 'met');
  close(Number(await page.getByTestId('cap-groundwater').getAttribute('data-value')), cap(want, 'groundwater').value);
  await noSidewaysScroll(page);
  await shot(page, 'challenge-met-phone');
  // The share card: a PNG file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-png').click()]);
  assert.match(download.suggestedFilename(), /\.png$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  // The result in the full explorer, same numbers.
  const href = await page.getByTestId('challenge-explorer').getAttribute('href');
  await page.goto(new URL(href, page.url()).href);
  await page.getByTestId('total').waitFor();
  close(Number(await page.getByTestId('cap-groundwater').getAttribute('data-value')), cap(want, 'groundwater').value);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the household calculator follows its formula and the honest scale', async () => {
  const { page, context, errors } = await open(b, `${s.url}?view=household&lang=en`, { ...PHONE, ready: 'household', bypassCSP: true });
  const k = dataFile('public.json').household;
  const set = async (id, v) => page.getByTestId(`household-${id}`).evaluate((el, x) => { el.value = String(x); el.dispatchEvent(new Event('input', { bubbles: true })); }, v);
  await set('people', 4);
  await set('shower', 10);
  await set('flushes', 6);
  await set('loads', 7);
  await set('buckets', 14);
  await set('toilet', 2);
  await set('shower_head', 1);
  const lpd = 10 * k.shower_lpm.value[1] + 6 * k.flush_litres.value[2] + k.kitchen_lpd.value
    + (7 * k.load_litres.value + 14 * k.bucket_litres.value) / (7 * 4);
  close(Number(await page.getByTestId('household-lpd').getAttribute('data-value')), lpd, 1e-9);
  const presets = dataFile('presets.json');
  const planPreset = presets.find((p) => p.id === 'plan-2025').values;
  const leverDefault = (id) => planPreset[id]?.value ?? dataFile('levers.json').find((l) => l.id === id).default;
  const reference = leverDefault('urban_lpd') - k.public_lpd.value;
  const pop = leverDefault('urban_pop');
  const saving = (reference - lpd) * pop * 365 / 1000;
  close(Number(await page.getByTestId('household-saving').getAttribute('data-value')), saving, 1e-6);
  // The share of the groundwater cut still needed: 1.45 and 3.02 亿m³ from the plan's caps.
  const caps = dataFile('plan.json').caps;
  const gw = (y) => caps.find((c) => c.year === y).groundwater.value;
  const text = await page.getByTestId('household-saving').textContent();
  assert.ok(text.includes((saving / ((gw(2020) - gw(2025)) * 1e4) * 100).toFixed(1)), text);
  assert.ok(text.includes((saving / ((gw(2020) - gw(2030)) * 1e4) * 100).toFixed(1)), text);
  // Every number of the result says, beside it, whose it is (here illustrative or the model's).
  const kinds = await page.locator('.hh-result b.num').evaluateAll((els) => els.map((e) => [e.dataset.kind, e.nextElementSibling?.classList.contains('kind-tag') ? e.nextElementSibling.textContent : null]));
  assert.ok(kinds.length >= 5, `${kinds.length} numbers`);
  for (const [kind, tag] of kinds) {
    assert.ok(['plan', 'model', 'illustrative'].includes(kind), kind);
    assert.ok(tag && tag.trim(), 'a visible tag');
  }
  assert.match(await page.locator('.hh-result').textContent(), /GB\/T 50331|illustrative/);
  await noSidewaysScroll(page);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'household-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the explorer links to the story; a bad scene in a link is a notice, not a failure', async () => {
  const { page, context, errors } = await open(b, s.url);
  const href = await page.getByTestId('link-story').getAttribute('href');
  assert.match(href, /view=story/);
  await page.goto(`${s.url}?view=story&scene=42`);
  await page.getByTestId('scene-1').waitFor();
  assert.match(await page.locator('.public-notices').textContent(), says('notice.bad_scene', { value: 42 }));
  await page.goto(`${s.url}?view=challenge&lang=en`);
  const { page: wide, context: c2 } = await open(b, `${s.url}?view=story&scene=2`, { width: 1440, height: 900, ready: 'story' });
  await shot(wide, 'story-2-desktop');
  await c2.close();
  assert.deepEqual(errors, []);
  await context.close();
});
