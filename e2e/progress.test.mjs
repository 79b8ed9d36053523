// Where Changji stands (?view=progress): the report card against the CLI, a
// bureau's figure entered in the page surviving a reload, the share link and
// the file round trip, a CSV with good and bad rows, hostile text shown as
// text, zh and en on a phone and a projector, axe, and no other host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, open, model, shot, chartDrawn, axe, ROOT, DIST, close } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });


/** The card's line for a measure, as its data attributes say. */
async function card(page, id) {
  return page.getByTestId(`progress-${id}`).evaluate((el) => ({ ...el.dataset }));
}

async function addFigure(page, { year, measure, value, source, grade = 'H' }) {
  await page.getByTestId('progress-year').fill(String(year));
  await page.getByTestId('progress-measure').selectOption(measure);
  await page.getByTestId('progress-value').fill(String(value));
  await page.getByTestId('progress-source').fill(source);
  await page.getByTestId('progress-grade').selectOption(grade);
  await page.getByTestId('progress-add').click();
}

test('the report card reads as the CLI does, in both languages, on a phone and a projector', async () => {
  const want = model(['--progress']);
  for (const [lang, width, height] of [['zh', 390, 844], ['en', 1440, 900], ['zh', 1280, 720], ['en', 390, 844]]) {
    const { page, context, errors, foreign } = await open(b, `${s.url}?view=progress${lang === 'en' ? '&lang=en' : ''}`, { width, height, ready: 'progress', bypassCSP: true });
    for (const line of want.measures) {
      const got = await card(page, line.measure);
      assert.equal(got.status, line.status, `${line.measure} status`);
      assert.equal(got.pace, line.pace, `${line.measure} pace`);
      assert.equal(got.year, line.year == null ? '' : String(line.year), `${line.measure} year`);
      if (line.actual != null) close(Number(got.actual), line.actual);
      if (line.path != null) close(Number(got.path), line.path);
    }
    const gw = await card(page, 'groundwater');
    assert.deepEqual([gw.year, gw.status], ['2023', 'within']);
    // Each point's source and grade, in words under its chart.
    const points = await page.getByTestId('progress-chart-groundwater').locator('.points').textContent();
    assert.match(points, lang === 'zh' ? /2022.*9\.68.*M级/s : /2022.*9\.68.*grade M/s);
    // No file of the repository is named on the page.
    assert.doesNotMatch(await page.locator('body').innerText(), /model\/data|\.csv\b|\.json\b/);
    const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(w[0] <= w[1], `no sideways scroll at ${width} px: ${w}`);
    assert.deepEqual(await axe(page), [], `axe ${lang} ${width}`);
    await shot(page, `progress-${lang}-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
  }
});

test('a figure entered in the page changes the card and survives a reload, the link and a file', async () => {
  const { page, context, errors } = await open(b, `${s.url}?view=progress&lang=en`, { ready: 'progress', acceptDownloads: true });
  await addFigure(page, { year: 2024, measure: 'groundwater', value: '7.40', source: '<img src=x onerror=alert(1)>' });
  await page.waitForFunction(() => document.querySelector('[data-testid=progress-groundwater]').dataset.year === '2024');
  const want = model(['--progress', '--actuals', join(ROOT, 'e2e', 'fixtures', 'groundwater-2024.csv')]);
  const line = want.measures.find((m) => m.measure === 'groundwater');
  const got = await card(page, 'groundwater');
  assert.deepEqual([got.actual, got.status, got.pace], ['7.4', line.status, line.pace]);
  close(Number(got.path), line.path);
  // Markup a person typed is text: no image element, the text shown as typed.
  assert.equal(await page.locator('[data-testid=progress] img').count(), 0);
  assert.match(await page.getByTestId('entered-2024-groundwater').textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.match(await page.getByTestId('progress-groundwater').textContent(), /entered/);
  // A reload keeps it (the browser's storage).
  await page.reload();
  await page.getByTestId('progress').waitFor();
  assert.equal((await card(page, 'groundwater')).year, '2024');
  // The link carries it: a fresh browser profile opening the link sees it.
  const link = page.url();
  assert.match(link, /actuals=/);
  const other = await open(b, link, { ready: 'progress' });
  assert.equal((await card(other.page, 'groundwater')).actual, '7.4');
  assert.equal(await other.page.locator('[data-testid=progress] img').count(), 0);
  await other.context.close();
  // The file: export, then import into a fresh profile.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /2024,groundwater,7\.4/);
  const fresh = await open(b, `${s.url}?view=progress`, { ready: 'progress' });
  assert.equal((await card(fresh.page, 'groundwater')).year, '2023');
  await fresh.page.getByTestId('progress-import').setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await fresh.page.waitForFunction(() => document.querySelector('[data-testid=progress-groundwater]').dataset.year === '2024');
  await fresh.context.close();
  // Removing the entry brings the shipped figures back.
  await page.getByTestId('remove-2024-groundwater').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=progress-groundwater]').dataset.year === '2023');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV with two good rows and three bad ones adds the two and names the three', async () => {
  const { page, context, errors } = await open(b, `${s.url}?view=progress&lang=en`, { ready: 'progress' });
  const csv = [
    'year,measure,value,unit,source,grade',
    '2024,total,22.90,亿m³,Bulletin 2024 table 1,H',
    '2024,nonsense,1,,x,H',
    '2040,total,22,亿m³,x,H',
    '2024,eta,0.675,,"Bulletin 2024, table 5",H',
    '2024,groundwater,-2,亿m³,x,H',
  ].join('\n');
  await page.getByTestId('progress-import').setInputFiles({ name: 'bulletin.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=progress-rejected] li').length === 3);
  const said = await page.getByTestId('progress-rejected').locator('li').allTextContents();
  assert.match(said[0], /Line 3: there is no measure “nonsense”/);
  assert.match(said[1], /Line 4: the year 2040 is outside 2015–2035/);
  assert.match(said[2], /Line 6: the value -2 is negative/);
  assert.equal((await card(page, 'total')).actual, '22.9');
  assert.equal((await card(page, 'eta')).actual, '0.675');
  assert.match(await page.getByTestId('progress-message').textContent(), /2 rows imported, 3 not taken/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the explorer and the public pages link to the progress view; its path chart shows the actual years', async () => {
  const { page, context } = await open(b, s.url);
  await chartDrawn(page, 'chart-path');
  const points = await page.getByTestId('chart-path').evaluate((gd) => gd.data
    .filter((t) => t.mode === 'markers' && t.x.includes(2022))
    .map((t) => t.x.map((x, i) => [x, t.y[i]])));
  assert.deepEqual(points, [[[2022, 23.7], [2023, 23.12]], [[2022, 9.68], [2023, 7.72]]]);
  const href = await page.getByTestId('link-progress').getAttribute('href');
  assert.match(href, /view=progress/);
  await page.goto(new URL(href, page.url()).href);
  await page.getByTestId('progress').waitFor();
  assert.equal(await page.getByTestId('nav-progress').getAttribute('aria-current'), 'page');
  await context.close();
});
