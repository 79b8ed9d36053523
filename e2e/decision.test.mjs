// Decision tools: feasible bands on the sliders, solve-for-target with undo, the
// live Monte Carlo, the attribution waterfall and provenance on click, each
// checked in Chromium against the model CLI (the oracle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, slide, dataNumber, model, cap, DIST, close, chartDrawn, says } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

/** Waits until a band's data attributes equal the oracle's band (or both are empty). */
async function expectBand(page, id, band) {
  const want = band ? [band.min, band.max] : ['', ''];
  await page.waitForFunction(([id, want]) => {
    const el = document.querySelector(`[data-testid=band-${id}]`);
    if (!el) return false;
    const got = [el.dataset.min, el.dataset.max];
    if (want[0] === '') return got[0] === '' && got[1] === '';
    return got.every((g, k) => g !== '' && Math.abs(Number(g) - want[k]) < 1e-9);
  }, [id, want]);
}

test('feasible bands: on every slider, as the model computes them, and they follow each move', async () => {
  const { page, context, errors } = await open(b, s.url);
  const base = model(['--analysis']).analysis.bands;
  for (const id of ['eta', 'cotton', 'reuse', 'leakage', 'surface', 'urban_lpd']) await expectBand(page, id, base[id]);
  // The band is drawn on the track where it says.
  const eta = base.eta;
  const left = await page.getByTestId('band-eta').evaluate((el) => parseFloat(el.style.left));
  close(left, ((eta.min - 0.5) / (0.85 - 0.5)) * 100, 1e-3);
  assert.match(await page.getByTestId('band-text-eta').textContent(), says('band.range'));
  // Move another lever: the bands move with it.
  await slide(page, 'urban_lpd', 120);
  const moved = model(['--analysis', '--set', 'urban_lpd=120']).analysis.bands;
  // Reuse is bounded below only: too little overdraws groundwater, while more
  // reclaimed water never breaks a cap (other sources are a floor).
  assert.ok(moved.reuse.min > 0 && moved.reuse.max === 100);
  for (const id of ['eta', 'cotton', 'leakage', 'reuse']) await expectBand(page, id, moved[id]);
  // At the band's lower edge every cap holds; it is the edge because one is met exactly.
  await page.getByTestId('lever-eta-number').fill(String(moved.eta.min));
  await page.getByTestId('lever-eta-number').dispatchEvent('change');
  // (No card over: other sources may fall short of their target, which breaks no cap.)
  await page.waitForFunction(() => [...document.querySelectorAll('.cap')].every((c) => c.dataset.state !== 'over'));
  const edge = model(['--set', 'urban_lpd=120', '--set', `eta=${moved.eta.min}`]);
  // The edge is where a verdict turns: a cap at its figure give or take the
  // tolerance (5 万m³), or irrigation water undelivered at it.
  const turns = (x) => Math.abs(x - 5e-4) < 1e-6;
  assert.ok(edge.caps.some((c) => turns(Math.abs(c.value - c.limit))) || turns(edge.detail.undelivered), 'a verdict turns at the edge');
  assert.deepEqual(errors, []);
  await context.close();
});

test('feasible bands: a settled change paints its charts first, the bands follow in a later frame', async () => {
  const { page, context, errors } = await open(b, s.url);
  await chartDrawn(page, 'chart-sources');
  await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => Number(p.dataset.drawn) > 0));
  const base = model(['--analysis']).analysis.bands;
  await expectBand(page, 'eta', base.eta);
  // What happens after one key press's worth of change (input, then change)
  // on urban_lpd, which moves η's band: chart updates, frames, band writes.
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const events = [];
    const plot = document.querySelector('[data-testid=chart-sources]');
    const band = document.querySelector('[data-testid=band-eta]');
    new MutationObserver(() => events.push('chart')).observe(plot, { attributes: true, attributeFilter: ['data-synced'] });
    new MutationObserver(() => {
      events.push('band');
      resolve(events);
    }).observe(band, { attributes: true, attributeFilter: ['data-min', 'data-max'] });
    const frame = () => { events.push('frame'); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    const el = document.querySelector('[data-testid=lever-urban_lpd]');
    el.value = '120';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }));
  const [chart, frame, band] = ['chart', 'frame', 'band'].map((e) => seen.indexOf(e));
  assert.ok(chart >= 0 && chart < frame && frame < band, `chart, then a frame, then the band: ${seen.join(' ')}`);
  await expectBand(page, 'eta', model(['--analysis', '--set', 'urban_lpd=120']).analysis.bands.eta);
  assert.deepEqual(errors, []);
  await context.close();
});

test('feasible bands: empty when no value keeps every cap, with a message', async () => {
  const { page, context, errors } = await open(b, `${s.url}?preset=dry-95`);
  const bands = model(['--preset', 'dry-95', '--analysis']).analysis.bands;
  assert.equal(bands.reuse, null);
  await expectBand(page, 'reuse', null);
  await expectBand(page, 'eta', bands.eta);
  assert.match(await page.getByTestId('band-text-reuse').textContent(), says('band.none'));
  assert.equal(await page.getByTestId('band-reuse').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('solve for target: meets the cap exactly in one click, and undo takes it back', async () => {
  const { page, context, errors } = await open(b, s.url);
  const before = await dataNumber(page, 'total');
  await page.getByTestId('solve-cap').selectOption('groundwater');
  await page.getByTestId('solve-lever').selectOption('eta');
  const oracle = model(['--solve', 'groundwater:eta']).solve.value;
  await page.waitForFunction((v) => Math.abs(Number(document.querySelector('[data-testid=solve-result]').dataset.value) - v) < 1e-9, oracle);
  assert.match(await page.getByTestId('solve-result').textContent(), says('solve.found'));
  await page.getByTestId('solve-apply').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=cap-groundwater]').dataset.state === 'ok');
  close(await dataNumber(page, 'cap-groundwater'), await dataNumber(page, 'cap-groundwater', 'data-limit'), 1e-6);
  assert.equal(await page.getByTestId('lever-value-eta').textContent(), oracle.toFixed(3));
  // Undo restores the scenario before the click.
  await page.getByTestId('undo').click();
  await page.waitForFunction((t) => Number(document.querySelector('[data-testid=total]').dataset.value) === t, before);
  assert.equal(await page.getByTestId('undo').isDisabled(), true);
  // A lever that cannot reach the cap says so and offers nothing to apply.
  await page.getByTestId('solve-lever').selectOption('gdp_growth');
  // The solver works on the scenario of the feasible bands, which catches up
  // with the undo once the clicks have settled (two clicks in quick succession
  // are a run) and the charts are painted.
  await page.waitForFunction((src) => document.querySelector('[data-testid=solve-result]').dataset.value === ''
    && new RegExp(src).test(document.querySelector('[data-testid=solve-result]').textContent), says('solve.slack').source);
  // (At the plan every cap holds, so no GDP growth brings groundwater up to its cap.)
  assert.match(await page.getByTestId('solve-result').textContent(), says('solve.slack', { cap: says('cap.groundwater') }));
  assert.equal(await page.getByTestId('solve-apply').isDisabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('live uncertainty: the probability each cap holds and the chart band match the seeded Monte Carlo', async () => {
  const { page, context, errors } = await open(b, s.url);
  const check = async (args) => {
    const u = model([...args, '--analysis']).analysis.uncertainty;
    assert.ok(u.caps.length === 5);
    for (const c of u.caps) {
      // Wait for this scenario's analyses (the probability alone may be the same as before).
      await page.waitForFunction(([id, p, p5]) => {
        const d = document.querySelector(`[data-testid=prob-${id}]`)?.dataset;
        return d && Number(d.p) === p && Math.abs(Number(d.p5) - p5) < 1e-9;
      }, [c.id, c.p_hold, c.value.p5]);
      close(await dataNumber(page, `prob-${c.id}`, 'data-p5'), c.value.p5, 1e-9);
      close(await dataNumber(page, `prob-${c.id}`, 'data-p95'), c.value.p95, 1e-9);
    }
    return u;
  };
  await check([]);
  assert.match(await page.getByTestId('prob-groundwater').textContent(), says('cap.prob', { n: '2,000' }));
  await slide(page, 'eta', 0.72);
  const u = await check(['--set', 'eta=0.72']);
  // The sources chart carries the 5–95 % band of groundwater on the scenario's bar.
  const o = model(['--set', 'eta=0.72']);
  const gw = u.caps.find((c) => c.id === 'groundwater').value;
  await chartDrawn(page, 'chart-sources');
  await page.waitForFunction(([lo, hi]) => {
    const gd = document.querySelector('[data-testid=chart-sources]');
    const e = gd?.data?.[1]?.error_y;
    return e && Math.abs(e.array[1] - hi) < 1e-9 && Math.abs(e.arrayminus[1] - lo) < 1e-9;
  }, [Math.max(0, o.sources.groundwater - gw.p5), Math.max(0, gw.p95 - o.sources.groundwater)]);
  assert.ok(await page.locator('[data-testid=chart-sources] .errorbar').count() > 0, 'error bars are drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('attribution: the waterfall from the plan adds up, lever by lever, as the model splits it', async () => {
  const { page, context, errors } = await open(b, s.url);
  await slide(page, 'eta', 0.7);
  await slide(page, 'reuse', 80);
  await slide(page, 'leakage', 12);
  const a = model(['--set', 'eta=0.7', '--set', 'reuse=80', '--set', 'leakage=12', '--analysis']).analysis.attribution;
  await page.getByTestId('attribution').locator('summary').click();
  await page.getByTestId('wf-cap').selectOption('groundwater');
  const w = a.caps.find((c) => c.id === 'groundwater');
  await page.getByTestId('waterfall-groundwater').waitFor();
  for (const [k, p] of a.players.entries()) {
    await page.waitForFunction(([id, v]) => Math.abs(Number(document.querySelector(`[data-testid=wf-${id}]`)?.dataset.value) - v) < 1e-9, [p.id, w.contributions[k]]);
  }
  close(await dataNumber(page, 'wf-from'), w.from);
  close(await dataNumber(page, 'wf-to'), w.to);
  close(await dataNumber(page, 'wf-to'), await dataNumber(page, 'cap-groundwater'));
  const sum = w.contributions.reduce((x, y) => x + y, 0);
  close(sum, w.to - w.from, 1e-9);
  assert.match(await page.getByTestId('attribution').textContent(), /Shapley/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('provenance: a click opens formula, inputs and sources; computed inputs drill down; Escape returns focus', async () => {
  const { page, context, errors } = await open(b, s.url);
  const o = model([]);
  await page.getByTestId('total').click();
  const dialog = page.getByTestId('provenance');
  await dialog.waitFor();
  close(await dataNumber(page, 'prov-value'), o.total);
  assert.match(await page.getByTestId('prov-formula').textContent(), /W = P \+ S \+ T/);
  close(await dataNumber(page, 'prov-term-primary'), o.sectors.primary);
  close(await dataNumber(page, 'prov-term-secondary'), o.sectors.secondary);
  close(await dataNumber(page, 'prov-term-tertiary'), o.sectors.tertiary);
  // Drill down: primary, then the gross quota, then back.
  await page.getByTestId('prov-link-primary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=provenance]').dataset.key === 'primary');
  close(await dataNumber(page, 'prov-term-irrigated_area'), o.indicators.irrigated_area);
  await page.getByTestId('prov-link-gross_quota').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=provenance]').dataset.key === 'gross_quota');
  assert.match(await dialog.textContent(), /灌溉水有效利用系数/);
  await page.getByTestId('prov-back').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=provenance]').dataset.key === 'primary');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'total');
  // A cap's limit names its plan section; a lever says where its value comes from.
  await page.getByTestId('cap-groundwater').locator('.cap-limit').click();
  assert.match(await dialog.textContent(), /§/);
  close(await dataNumber(page, 'prov-value'), cap(o, 'groundwater').limit);
  await page.getByTestId('prov-close').click();
  // From the keyboard alone: focus a number, press Enter.
  await page.getByTestId('lever-value-eta').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=provenance]')?.dataset.key === 'lever-eta');
  assert.match(await dialog.textContent(), /规划§一\(二\)\(3\)、§二\(四\)/);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});
