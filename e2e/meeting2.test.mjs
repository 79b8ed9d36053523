// Meeting-room features, continued: compare with a pinned scenario, saved
// scenarios (storage and files), chart PNGs, the printed brief, presentation mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, open, slide, dataNumber, model, cap, shot, DIST, close, chartDrawn, says, livePage } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

test('compare: pin, move on, and see both side by side with differences', async () => {
  const { page, context, errors } = await open(b, s.url);
  await slide(page, 'eta', 0.7);
  await page.getByTestId('pin').click();
  await slide(page, 'reuse', 80);
  const pinned = model(['--set', 'eta=0.7']);
  const now = model(['--set', 'eta=0.7', '--set', 'reuse=80']);
  assert.match(await page.getByTestId('cap-groundwater-pinned').textContent(), new RegExp(cap(pinned, 'groundwater').value.toFixed(2)));
  const delta = Number(await page.getByTestId('compare-cap-groundwater').getAttribute('data-delta'));
  close(delta, cap(now, 'groundwater').value - cap(pinned, 'groundwater').value);
  assert.equal(await page.getByTestId('compare-lever-reuse').count(), 1);
  assert.equal(await page.getByTestId('compare-lever-cotton').count(), 0);
  // A chart's legend names the pinned scenario before the chart is drawn.
  await page.waitForFunction((src) => {
    const plot = document.querySelector('[data-testid=chart-path]');
    return plot.dataset.drawn === '0' && new RegExp(src).test(plot.closest('figure').querySelector('[data-testid=chart-legend]').textContent);
  }, says('chart.pinned').source);
  // The charts draw the pinned scenario too.
  await page.getByTestId('chart-sources').scrollIntoViewIfNeeded();
  await page.waitForFunction((src) => {
    const pinned = new RegExp(`^${src}$`);
    const plot = document.querySelector('[data-testid=chart-sources]');
    return (plot.data ?? []).some((t) => pinned.test(t.name))
      && new RegExp(src).test(plot.closest('figure').querySelector('[data-testid=chart-legend]').textContent);
  }, says('chart.pinned').source);
  await page.getByTestId('unpin').click();
  assert.equal(await page.getByTestId('cap-groundwater-pinned').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved scenarios survive a reload, export to a file and import back', async () => {
  const { page, context, errors } = await open(b, s.url, { acceptDownloads: true });
  await slide(page, 'cotton', 190);
  await page.getByTestId('saved-name').fill('会议方案A');
  await page.getByTestId('saved-save').click();
  await page.reload();
  await page.getByTestId('total').waitFor();
  assert.match(await page.getByTestId('saved-item-0').textContent(), /会议方案A/);
  await page.getByTestId('saved-load-0').click();
  assert.equal(await page.getByTestId('lever-cotton').inputValue(), '190');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('saved-export').click()]);
  const file = await readFile(await download.path(), 'utf8');
  const json = JSON.parse(file);
  assert.equal(json.format, 'changji-water-scenarios');
  assert.equal(json.scenarios[0].levers.cotton, 190);
  // Import into a fresh browser.
  await context.close();
  const dir = await mkdtemp(join(tmpdir(), 'cw-'));
  json.scenarios[0].name = '导入的方案';
  json.scenarios[0].levers.eta = 7; // out of range: clamped with a warning
  await writeFile(join(dir, 'ok.json'), JSON.stringify(json));
  await writeFile(join(dir, 'bad.json'), '{"format": "something else"}');
  await writeFile(join(dir, 'broken.json'), '{not json');
  const fresh = await open(b, s.url);
  await fresh.page.getByTestId('saved-import').setInputFiles(join(dir, 'bad.json'));
  await fresh.page.waitForFunction(() => document.querySelector('[data-testid=saved-message]').textContent.length > 0);
  assert.match(await fresh.page.getByTestId('saved-message').textContent(), says('saved.err_format'));
  await fresh.page.getByTestId('saved-import').setInputFiles(join(dir, 'broken.json'));
  await fresh.page.waitForFunction(() => document.querySelector('[data-testid=saved-message]').textContent.includes('JSON'));
  await fresh.page.getByTestId('saved-import').setInputFiles(join(dir, 'ok.json'));
  await fresh.page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid=saved-message]').textContent), says('saved.imported', { n: 1 }).source);
  assert.match(await fresh.page.getByTestId('saved-message').textContent(), says('saved.warn_clamped'));
  await fresh.page.getByTestId('saved-load-0').click();
  assert.equal(await fresh.page.getByTestId('lever-eta').inputValue(), '0.85');
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.context.close();
});

test('a corrupt stored value is reported and kept aside, never fatal', async () => {
  const context = await b.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('changji-water.saved', '{"format":"changji-water-scenarios","version":1,"scenarios":[{"name":1}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(s.url);
  await page.getByTestId('total').waitFor();
  await livePage(page);
  assert.match(await page.getByTestId('saved-message').textContent(), says('saved.unreadable'));
  const kept = await page.evaluate(() => localStorage.getItem('changji-water.saved.unreadable'));
  assert.match(kept, /changji-water-scenarios/);
  // The page still works and saving works again.
  await slide(page, 'eta', 0.7);
  close(await dataNumber(page, 'total'), model(['--set', 'eta=0.7']).total);
  await page.getByTestId('saved-save').click();
  assert.equal(await page.getByTestId('saved-list').locator('li').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each chart downloads as a PNG', async () => {
  const { page, context, errors } = await open(b, s.url, { acceptDownloads: true });
  await chartDrawn(page, 'chart-path');
  for (const id of ['chart-sources', 'chart-path']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${id}-png`).click()]);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id} is a PNG`);
    assert.match(download.suggestedFilename(), /\.png$/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const query of ['?preset=surface-14.5&lang=en', '?preset=target-2030&eta=0.7']) {
  test(`the printed brief, in Chinese: page one holds the scenario, the caps, the indicators and the whole chart (${query})`, async () => {
    const { page, context, errors } = await open(b, `${s.url}${query}`);
    await chartDrawn(page, 'chart-sources');
    assert.equal(await page.getByTestId('brief-indicators').count(), 0, 'no brief is kept up to date on screen');
    await page.emulateMedia({ media: 'print' });
    // The brief is built when the page turns to print media.
    await page.getByTestId('brief-indicators').waitFor();
    assert.ok(await page.getByTestId('print-brief').isVisible());
    assert.equal(await page.locator('#levers').isVisible(), false);
    const brief = await page.getByTestId('print-brief').textContent();
    assert.match(brief, says('brief.title'));
    assert.match(brief, says('cap.groundwater'));
    assert.match(await page.getByTestId('print-notes').textContent(), says('brief.notes'));
    // A4 with the page's 10 mm margins, in CSS px (96 per inch): 190 × 277 mm.
    await page.setViewportSize({ width: Math.floor((190 / 25.4) * 96), height: Math.floor((277 / 25.4) * 96) });
    const pageOne = Math.floor((277 / 25.4) * 96);
    const box = await page.getByTestId('chart-sources').boundingBox();
    const table = await page.locator('.print-brief table').boundingBox();
    assert.ok(box && box.height > 100, 'the chart is printed');
    assert.ok(table.y + table.height <= box.y, 'the caps table comes before the chart');
    assert.ok(box.y + box.height <= pageOne, `the chart ends at ${box.y + box.height} px, inside page one (${pageOne} px)`);
    const notes = await page.getByTestId('print-notes').boundingBox();
    assert.ok(notes.y >= box.y + box.height, 'the notes follow the chart');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `the brief prints on ${pages} pages`);
    await writeFile(join(process.cwd(), 'test-results', 'brief.pdf'), pdf).catch(() => {});
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the Print button waits for the chart, even one never on screen', async () => {
  const { page, context, errors } = await open(b, s.url, {
    initScript: () => {
      window.__printed = [];
      window.print = () => window.__printed.push(Number(document.querySelector('[data-testid=chart-sources]')?.dataset.drawn));
    },
  });
  assert.equal(await page.evaluate(() => typeof window.Plotly), 'undefined', 'no chart was on screen yet');
  await page.getByTestId('print').click();
  await page.waitForFunction(() => window.__printed.length === 1, null, { timeout: 15000 });
  assert.ok(await page.evaluate(() => window.__printed[0]) > 0, 'the chart was drawn before printing');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [w, h, lang] of [[1280, 720, 'zh'], [1920, 1080, 'zh'], [1280, 720, 'en'], [1920, 1080, 'en']]) {
  test(`presentation mode at ${w}×${h}, ${lang}: the five cap cards and one whole chart on screen, C switches the chart, its text grows`, async () => {
    // English cards are taller than Chinese ones: the chart takes what they leave.
    const { page, context, errors } = await open(b, `${s.url}?mode=present&lang=${lang}`, { width: w, height: h });
    const onScreen = async (sel) => page.evaluate((q) => {
      const els = [...document.querySelectorAll(q)].filter((e) => e.getClientRects().length);
      return els.length > 0 && els.every((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth + 0.5; });
    }, sel);
    await chartDrawn(page, 'chart-sources');
    assert.equal(await page.locator('.cap').count(), 5);
    assert.ok(await onScreen('.cap'), 'every cap card is whole on screen');
    assert.ok(await onScreen('.chart.presented'), 'the chart is whole on screen, with its legend');
    assert.equal(await page.locator('.chart:visible').count(), 1, 'one chart');
    const scroll = await page.evaluate(() => [document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth]);
    assert.deepEqual(scroll.map((x) => Math.max(0, x)), [0, 0], 'no scrolling');
    // The chart's text grows with the mode.
    const px = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.chart.presented .xtick text, .chart.presented .ytick text')].map((t) => parseFloat(getComputedStyle(t).fontSize))));
    assert.ok(px >= 18, `chart text ${px} px`);
    // C: the next chart, whole and drawn; Shift+C: back.
    await page.locator('body').press('c');
    await page.waitForFunction(() => document.querySelector('.chart.presented [data-testid=chart-sectors]'));
    await chartDrawn(page, 'chart-sectors');
    assert.ok(await onScreen('.chart.presented'), 'the second chart is whole on screen');
    await page.locator('body').press('Shift+C');
    await page.waitForFunction(() => document.querySelector('.chart.presented [data-testid=chart-sources]'));
    await shot(page, `present-${w}-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('presentation mode: key levers, keyboard control, no scrolling at 1920×1080', async () => {
  const { page, context, errors } = await open(b, `${s.url}?mode=present`, { width: 1920, height: 1080 });
  await chartDrawn(page, 'chart-sources');
  for (const id of ['eta', 'cotton', 'reuse', 'leakage', 'surface']) {
    assert.ok(await page.getByTestId(`lever-${id}`).isVisible(), id);
  }
  assert.equal(await page.getByTestId('lever-wheat').isVisible(), false);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 1080, `page is ${height}px tall`);
  await shot(page, 'present-1920');
  // A key per preset.
  await page.keyboard.press('1');
  close(await dataNumber(page, 'total'), model(['--preset', 'status-2020']).total);
  await page.keyboard.press('2');
  // Arrow keys on the focused lever.
  await page.getByTestId('lever-eta').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  close(await dataNumber(page, 'total'), model(['--set', 'eta=0.68']).total);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('lever-wheat').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
