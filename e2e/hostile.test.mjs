// Hostile input: NaN, infinities, negatives, extremes and very long values in the
// URL and in an imported file, and a corrupt storage entry all at once. The page
// shows notices, keeps every value in range, and goes on working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, open, slide, dataNumber, model, DIST, says } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

const QUERY = [
  'eta=NaN', 'reuse=Infinity', 'leakage=-Infinity', 'cotton=1e308', 'wheat=-5', 'surface=-1e309',
  `maize=${'9'.repeat(5000)}`, `drip=0.${'1'.repeat(3000)}`, 'eco=%00', 'urban_lpd=%ZZ', 'preset=nope',
  `x${'y'.repeat(2000)}=1`, 'eta=0.7', 'year=2031',
].join('&');

test('a hostile link, a corrupt store and a hostile file: notices, values in range, the page keeps working', async () => {
  const { page, context, errors } = await open(b, `${s.url}?${QUERY}`, {
    initScript: () => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('changji-water.saved', '{"scenarios": [NaN'); sessionStorage.setItem('seeded', '1'); } },
  });
  const notes = await page.getByTestId('notices').textContent();
  assert.ok(notes.length > 20, 'the link problems are listed');
  // Every lever is in its range and the numbers are finite.
  const levers = model(['--list']).levers;
  for (const l of levers) {
    const v = Number(await page.getByTestId(`lever-${l.id}`).inputValue());
    assert.ok(Number.isFinite(v) && v >= l.min - 1e-9 && v <= l.max + 1e-9, `${l.id} = ${v}`);
  }
  for (const id of ['total', 'cap-groundwater', 'cap-agriculture']) assert.ok(Number.isFinite(await dataNumber(page, id)), id);
  // The corrupt store is reported, not fatal.
  assert.match(await page.getByTestId('saved-message').textContent(), /.+/);
  // The page still works: a slider moves the total by the model's amount.
  const before = await dataNumber(page, 'total');
  await slide(page, 'eta', 0.75);
  await page.waitForFunction((t) => Number(document.querySelector('[data-testid=total]').dataset.value) !== t, before);
  // A hostile scenario file: extreme, negative and non-numeric values, a huge name.
  const dir = await mkdtemp(join(tmpdir(), 'cw-hostile-'));
  const file = JSON.stringify({
    format: 'changji-water-scenarios', version: 1, model_version: 1,
    scenarios: [{ name: '名'.repeat(5000), preset: 'nope', levers: { eta: 1e308, reuse: -1e308, leakage: -5, cotton: 5e-324, [`z${'z'.repeat(3000)}`]: 1 } }],
  });
  await writeFile(join(dir, 'hostile.json'), file);
  await writeFile(join(dir, 'overflow.json'), file.replace('1e+308', '1e999'));
  // The store's note is already shown: the overflow file's own answer must replace it.
  const earlier = await page.getByTestId('saved-message').textContent();
  await page.getByTestId('saved-import').setInputFiles(join(dir, 'overflow.json'));
  await page.waitForFunction((t) => document.querySelector('[data-testid=saved-message]').textContent !== t, earlier);
  assert.match(await page.getByTestId('saved-message').textContent(), says('saved.err_json'));
  assert.equal(await page.locator('[data-testid^=saved-item-]').count(), 0, 'nothing taken from a file that is not JSON');
  await page.getByTestId('saved-import').setInputFiles(join(dir, 'hostile.json'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^=saved-item-]').length > 0);
  assert.match(await page.getByTestId('saved-message').textContent(), /.+/);
  const items = await page.locator('[data-testid^=saved-load-]').count();
  await page.getByTestId(`saved-load-${items - 1}`).click();
  assert.equal(Number(await page.getByTestId('lever-eta').inputValue()), 0.85);
  assert.equal(Number(await page.getByTestId('lever-reuse').inputValue()), 0);
  assert.ok(Number.isFinite(await dataNumber(page, 'total')));
  assert.deepEqual(errors, []);
  await context.close();
});
