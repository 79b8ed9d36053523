// Whether two builds draw the four charts the same, to the pixel: each build's
// explorer at 1440×900 (the pumped reading) goes through the same changes (four
// settled values of η, five other levers, the first six presets, the language
// and back, with two values of η in English between), and after each one every
// chart is photographed with the mouse away from it. Prints how many of the
// photographs are byte for byte the same, which differ, and how many steps
// changed a chart at all (so that "the same" is not the same because nothing
// moved). Exits 1 when any differs. For a change to how the charts are drawn
// (e.g. to scripts/bundle-plotly.mjs) that must not change what they show.
// Usage: `node scripts/chart-pixels.mjs DIR DIR`, e.g. `node scripts/chart-pixels.mjs /tmp/before dist`.
import { serve, browser, chartsInView, settledInput, slide } from '../e2e/helpers.mjs';

const DIRS = process.argv.slice(2);
if (DIRS.length !== 2) throw new Error('usage: node scripts/chart-pixels.mjs DIR DIR');

/** Each build's photographs, by step and chart, in the order taken. */
async function photographs(dir, b) {
  const s = await serve(dir);
  const shots = new Map();
  try {
    const page = await (await b.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${s.url}?shortfall=1`);
    await chartsInView(page);
    await page.waitForTimeout(800);
    const grab = async (step) => {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(150);
      for (const p of await page.locator('.plot').all()) {
        shots.set(`${step} ${await p.getAttribute('data-testid')}`, await p.screenshot());
      }
    };
    await grab('start');
    for (const v of [0.6, 0.75, 0.62, 0.7]) {
      await settledInput(page, v);
      await grab(`η ${v}`);
    }
    for (const [id, v] of [['reuse', 90], ['cotton', 220], ['surface', 13], ['leakage', 14], ['surface', 18]]) {
      await slide(page, id, v);
      await page.waitForTimeout(400);
      await grab(`${id} ${v}`);
    }
    const presets = await page.locator('[data-testid=preset] option').evaluateAll((os) => os.map((o) => o.value));
    for (const p of presets.slice(0, 6)) {
      await page.selectOption('[data-testid=preset]', p);
      await page.waitForTimeout(500);
      await grab(`preset ${p}`);
    }
    await page.getByTestId('lang').click();
    await page.waitForTimeout(800);
    await grab('English');
    for (const v of [0.6, 0.7]) {
      await settledInput(page, v);
      await grab(`English, η ${v}`);
    }
    await page.getByTestId('lang').click();
    await page.waitForTimeout(800);
    await grab('Chinese again');
  } finally {
    s.close();
  }
  return shots;
}

const b = await browser();
try {
  const [a, z] = [await photographs(DIRS[0], b), await photographs(DIRS[1], b)];
  const keys = [...a.keys()];
  const differ = keys.filter((k) => !z.get(k)?.equals(a.get(k)));
  // A photograph that differs from the same chart's at the step before.
  const charts = new Set(keys.map((k) => k.split(' ').pop()));
  const moved = keys.filter((k, i) => i >= charts.size && !a.get(k).equals(a.get(keys[i - charts.size]))).length;
  console.log(`${keys.length - differ.length} of ${keys.length} photographs the same; ${moved} of ${keys.length - charts.size} changed from the step before`);
  for (const k of differ) console.log(`differs: ${k}`);
  process.exitCode = differ.length || keys.length !== z.size ? 1 : 0;
} finally {
  await b.close();
}
