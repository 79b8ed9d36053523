// Measures the built site in Chromium and writes bench-report/report.{json,md}:
// input-to-numbers and input-to-charts latency (p50/p95 over 250 input events on
// five levers, with the four charts on screen), the same with the charts
// scrolled away, where a settled input's time goes (the wait before the
// redraws, the redraws per chart, the frame after) beside the least one
// plotly.js redraw costs here, first-load transfer size (gzipped, per file; plotly.js comes
// later, when the charts first come near the screen, and is reported apart),
// and the time from navigation to the first totals on screen. The model's evaluation time comes
// from `cargo bench` (passed in by scripts/bench.sh).
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, basename } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve, browser, ROOT, DIST } from './helpers.mjs';
import { firstScene as phoneFirstScene, SLOW_NETWORK } from './phone.mjs';

const OUT = join(ROOT, 'bench-report');
const LEVERS = { eta: [0.6, 0.75], reuse: [40, 90], cotton: [120, 220], leakage: [6, 14], surface: [13, 18] };
const PER_LEVER = 50;
// Each lever's settled inputs go through VALUES values evenly spread over its range, twice.
const VALUES = 25;
const PAUSE_MS = 200;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const p5095 = (xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95) });

// BENCH_DIST measures another build (e.g. an older commit's, for a before/after).
const SITE = process.env.BENCH_DIST ?? DIST;
const s = await serve(SITE);
const b = await browser();
const context = await b.newContext({ viewport: { width: 1440, height: 900 } });
await context.addInitScript(() => {
  window.__firstTotal = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=total]')) { window.__firstTotal = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
});
const page = await context.newPage();
const loaded = [];
const fromWorker = new Set();
page.on('response', (r) => {
  if (!r.url().startsWith(s.origin)) return;
  const path = new URL(r.url()).pathname;
  loaded.push(path);
  if (r.fromServiceWorker()) fromWorker.add(path);
});
// The pumped reading (`shortfall=1`): every step of η moves the total, which the
// drag watches (held at its cap, low η would leave the total flat).
await page.goto(`${s.url}?shortfall=1`);
await page.getByTestId('total').waitFor();
await page.waitForLoadState('networkidle');
const firstTotals = await page.evaluate(() => window.__firstTotal);
const firstLoad = [...new Set(loaded)];
// The service worker then keeps an offline copy of the site, plotly.js included,
// in the background; what the server sent for the whole first visit:
await page.waitForFunction(async () => {
  const keys = await (await caches.open('changji-water')).keys();
  return keys.some((r) => /plotly/.test(r.url));
}, null, { timeout: 30000, polling: 200 });
const firstVisit = [...s.served].map((p) => `/${p}`);
// Bring the four charts on screen (this fetches plotly.js) and wait for them.
await page.locator('.charts').waitFor();
await page.evaluate(() => document.querySelector('.charts').scrollIntoView({ block: 'start' }));
await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => Number(p.dataset.drawn) > 0));
const onScreen = await page.evaluate(() => [...document.querySelectorAll('.plot')].every((p) => {
  const r = p.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight;
}));
if (!onScreen) throw new Error('bench: the four charts do not fit on the screen together');
const laterAll = [...new Set(loaded)].filter((p) => !firstLoad.includes(p));
const later = laterAll.filter((p) => !fromWorker.has(p));
const laterFromWorker = laterAll.filter((p) => fromWorker.has(p)).map((p) => basename(p));

const numbers = [];
const charts = [];
// Where a settled input's time goes: input → the first redraw begins, the
// redraws themselves, the last redraw's end → seen by this bench (the frame
// that paints them, and the bench's own frame polling).
const split = { wait: [], draws: [], tail: [], beyond: [], per_chart: {} };
// The same split by whether plotly.js had drawn the value's labels before: each
// lever's first VALUES inputs are new values, the next the same values again. A
// label plotly.js has measured once it does not measure again (its text-size
// cache), and then its redraws no longer make the browser lay out the page; that
// layout (the new numbers', the charts' own) falls to the frame after the redraws,
// so the time beyond them grows while the whole does not.
const byValue = { new: { beyond: [], whole: [] }, again: { beyond: [], whole: [] } };
const analyses = [];
let monteCarlo = null;
const offscreen = [];
const run = async (id, v) => page.evaluate(([id, v]) => new Promise((resolve) => {
  const el = document.querySelector(`[data-testid=lever-${id}]`);
  const total = document.querySelector('[data-testid=total]');
  const results = document.querySelector('.results');
  // A chart is up to date when it was redrawn, or found unchanged, after the input.
  const plots = [...document.querySelectorAll('.plot')].filter((p) => {
    const r = p.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  const synced0 = plots.map((p) => Number(p.dataset.synced));
  const drawn0 = plots.map((p) => Number(p.dataset.drawn));
  const analysed0 = Number(results.dataset.analysed);
  // The feasible bands of the input before (they follow its charts' frame).
  const bandsBefore = Number(results.dataset.bandsMs ?? 0);
  let tNumbers = null;
  const t0 = performance.now();
  const obs = new MutationObserver(() => { if (tNumbers === null) tNumbers = performance.now(); });
  obs.observe(total, { attributes: true, childList: true, characterData: true, subtree: true });
  // A settled input, as a key press or a committed value fires it: \`input\`,
  // then \`change\` (a drag's release is the same \`change\`).
  el.value = String(v);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  const tSync = performance.now();
  const wait = () => {
    if (Number(results.dataset.analysed) > analysed0 && plots.every((p, k) => Number(p.dataset.synced) > synced0[k])) {
      obs.disconnect();
      const seen = performance.now();
      // The charts redrawn for this input: when each began and how long it took.
      const redrawn = plots.filter((p, k) => Number(p.dataset.drawn) > drawn0[k])
        .map((p) => ({ id: p.dataset.testid, at: Number(p.dataset.drawAt), ms: Number(p.dataset.drawMs) }));
      resolve({ numbers: (tNumbers ?? tSync) - t0, charts: seen - t0, analysis: Number(results.dataset.analysisMs), bandsBefore, visible: plots.length, redrawn, t0, seen });
    } else requestAnimationFrame(() => setTimeout(wait, 0));
  };
  wait();
}), [id, v]);
for (const [id, [lo, hi]] of Object.entries(LEVERS)) {
  for (let i = 0; i < PER_LEVER; i++) {
    const v = lo + ((hi - lo) * (i % VALUES)) / (VALUES - 1);
    // One change, then a pause (as a person sets a value and looks), so that
    // each input is a single change, not the next step of a drag.
    await page.waitForTimeout(PAUSE_MS);
    const r = await run(id, v);
    if (r.visible !== 4) throw new Error(`bench: ${r.visible} charts on screen, expected 4`);
    numbers.push(r.numbers);
    charts.push(r.charts);
    // An input's analyses: its Monte Carlo, and its bands as the next input finds them.
    if (monteCarlo !== null) analyses.push(monteCarlo + r.bandsBefore);
    monteCarlo = r.analysis;
    if (r.redrawn.length) {
      const begin = Math.min(...r.redrawn.map((d) => d.at));
      const end = Math.max(...r.redrawn.map((d) => d.at + d.ms));
      split.wait.push(begin - r.t0);
      split.draws.push(r.redrawn.reduce((a, d) => a + d.ms, 0));
      split.tail.push(r.seen - end);
      // Everything but the redraws themselves: the wait before them, any gap
      // between them, and the frame that shows them.
      const beyond = r.charts - r.redrawn.reduce((a, d) => a + d.ms, 0);
      split.beyond.push(beyond);
      const pass = byValue[i < VALUES ? 'new' : 'again'];
      pass.beyond.push(beyond);
      pass.whole.push(r.charts);
      for (const d of r.redrawn) (split.per_chart[d.id] ??= []).push(d.ms);
    }
  }
}

// The least one plotly.js redraw costs in this page: a chart of one trace of
// three bars, at a given size, redrawn with one value changed.
const floor = await page.evaluate(async () => {
  const el = document.createElement('div');
  el.style.cssText = 'position:fixed;left:0;top:0;width:460px;height:300px;';
  document.body.append(el);
  const layout = { width: 460, height: 300, margin: { l: 56, r: 12, t: 12, b: 48 } };
  const xs = [];
  for (let i = 0; i < 41; i++) {
    const t = performance.now();
    window.Plotly.react(el, [{ type: 'bar', x: ['a', 'b', 'c'], y: [1 + (i % 5), 2, 3] }], layout);
    if (i > 0) xs.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 30));
  }
  window.Plotly.purge(el);
  el.remove();
  return xs;
});

// A drag: the finger moves η one step every 16.7 ms for 3 s (180 positions);
// whenever the page can take an input it gets the newest position. A
// position's lag is the time from its moment to the numbers showing it or a
// later one, so positions passed over while the page was busy count too.
const drag = async () => {
  const r = await page.evaluate(() => new Promise((resolve) => {
    const STEPS = 180;
    const el = document.querySelector('[data-testid=lever-eta]');
    const total = document.querySelector('[data-testid=total]');
    const lags = [];
    let updates = 0;
    let dispatched = -1;
    let resolved = -1;
    const start = performance.now();
    const obs = new MutationObserver(() => {
      const t = performance.now();
      updates += 1;
      for (let k = resolved + 1; k <= dispatched; k++) lags.push(t - (start + k * 16.7));
      resolved = dispatched;
    });
    obs.observe(total, { subtree: true, childList: true, characterData: true, attributes: true });
    const tick = () => {
      const step = Math.floor((performance.now() - start) / 16.7);
      if (step >= STEPS) {
        // The finger lifts: the slider fires \`change\`.
        el.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(() => { obs.disconnect(); resolve({ lags, updates, missed: STEPS - lags.length }); }, 300);
        return;
      }
      if (step > dispatched) {
        dispatched = step;
        el.value = String(0.6 + (step % 60) * 0.0025);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
      setTimeout(tick, Math.max(0, start + (step + 1) * 16.7 - performance.now()));
    };
    tick();
  }));
  await page.waitForTimeout(300);
  return { updates_per_s: r.updates / 3, positions: r.lags.length, p50: pct(r.lags, 50), p95: pct(r.lags, 95) };
};
const dragOnScreen = await drag();

// The same inputs with the charts scrolled away: numbers and analyses only.
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(200);
for (const [id, [lo, hi]] of Object.entries(LEVERS)) {
  for (let i = 0; i < PER_LEVER / 5; i++) {
    await page.waitForTimeout(PAUSE_MS);
    const r = await run(id, lo + ((hi - lo) * ((i % 10) + 0.5)) / 10);
    if (r.visible !== 0) throw new Error(`bench: ${r.visible} charts on screen, expected none`);
    offscreen.push(r.charts);
  }
}

const dragAway = await drag();

// The story on a phone (e2e/phone.mjs): as is, with the CPU slowed four
// times, and on a slow phone (CPU 4× slower and a 1.6 Mbit/s, 150 ms RTT
// network, the site served gzip-compressed).
const firstScene = (slowdown, network = null) => phoneFirstScene(b, s.url, slowdown, network);
const storyFirstScene = {
  cpu_1x: await firstScene(1),
  cpu_4x_slower: await firstScene(4),
  slow_phone: await firstScene(4, SLOW_NETWORK),
};

// Lighthouse 12 (mobile, its own simulated throttling) on the story's first
// scene and on the explorer, when scripts/bench.sh has installed it.
const LIGHTHOUSE = join(ROOT, '.tools', 'lighthouse', 'node_modules', '.bin', 'lighthouse');
// (Asynchronous: this process serves the site it measures.)
const lighthouse = async (url) => {
  if (!existsSync(LIGHTHOUSE)) return null;
  const out = join(OUT, 'lighthouse.json');
  mkdirSync(OUT, { recursive: true });
  await promisify(execFile)(LIGHTHOUSE, [url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
    `--chrome-path=${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { timeout: 180000 });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  return {
    performance: Math.round(r.categories.performance.score * 100),
    lcp_ms: r.audits['largest-contentful-paint'].numericValue,
    tbt_ms: r.audits['total-blocking-time'].numericValue,
    fcp_ms: r.audits['first-contentful-paint'].numericValue,
  };
};
const lighthouseStory = await lighthouse(`${s.url}?view=story&scene=1`);
const lighthouseExplorer = await lighthouse(s.url);

const sizes = (paths) => paths.map((p) => {
  const f = join(SITE, p === '/' ? 'index.html' : basename(p));
  if (!existsSync(f)) return null;
  const raw = readFileSync(f);
  return { file: basename(f), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}).filter(Boolean);
const files = sizes(firstLoad);
const visitFiles = sizes(firstVisit);
const visitTotal = visitFiles.reduce((a, f) => a + f.gzip, 0);
const laterFiles = sizes(later);
const total = files.reduce((a, f) => a + f.gzip, 0);
const laterTotal = laterFiles.reduce((a, f) => a + f.gzip, 0);
const wasm = files.find((f) => f.file.endsWith('.wasm'));
const report = {
  events: numbers.length,
  levers: Object.keys(LEVERS),
  model_ns_per_evaluation: process.env.MODEL_NS ? Number(process.env.MODEL_NS) : null,
  input_to_numbers_ms: p5095(numbers),
  input_to_charts_ms: p5095(charts),
  input_to_settled_charts_off_screen_ms: { events: offscreen.length, ...p5095(offscreen) },
  analyses_ms: p5095(analyses),
  settled_split_ms: {
    events: split.draws.length,
    input_to_first_redraw: p5095(split.wait),
    redraws: p5095(split.draws),
    last_redraw_to_seen: p5095(split.tail),
    per_chart_p50: Object.fromEntries(Object.entries(split.per_chart).map(([k, v]) => [k, pct(v, 50)])),
  },
  plotly_floor_ms: p5095(floor),
  drag_numbers_lag_ms: { charts_on_screen: dragOnScreen, charts_away: dragAway },
  first_load: { files, total_gzip: total },
  when_charts_first_show: { files: laterFiles, total_gzip: laterTotal, from_service_worker: laterFromWorker },
  first_visit_with_offline_copy: { files: visitFiles, total_gzip: visitTotal },
  navigation_to_first_totals_ms: firstTotals,
  story_navigation_to_first_scene_ms: storyFirstScene,
  lighthouse: { story: lighthouseStory, explorer: lighthouseExplorer },
};
// Every target, with what this run measured (null: not measured in this run).
const lh = (page, k) => report.lighthouse[page]?.[k] ?? null;
report.targets = [
  ['input → numbers, p95', report.input_to_numbers_ms.p95, '≤', 8, 'ms'],
  ['settled input → all four charts seen, p95', report.input_to_charts_ms.p95, '≤', 100, 'ms'],
  ['the same beyond the redraws (wait + frame), p95', pct(split.beyond, 95) ?? null, '≤', 16.7, 'ms'],
  ['drag → numbers, charts on screen, p95', dragOnScreen.p95, '≤', 16.7, 'ms'],
  ['slow phone (CPU 4×, 1.6 Mbit/s, 150 ms RTT, gzip): story scene 1 readable', storyFirstScene.slow_phone.readable, '≤', 1500, 'ms'],
  ['Lighthouse mobile, story scene 1: performance', lh('story', 'performance'), '≥', 98, ''],
  ['Lighthouse mobile, story scene 1: LCP', lh('story', 'lcp_ms'), '≤', 1500, 'ms'],
  ['Lighthouse mobile, explorer: performance', lh('explorer', 'performance'), '≥', 90, ''],
  ['Lighthouse mobile, explorer: TBT', lh('explorer', 'tbt_ms'), '≤', 200, 'ms'],
  ['first load, gzipped', total / 1024, '≤', 450, 'KiB'],
].map(([what, value, op, target, unit]) => ({
  what, value, op, target, unit,
  met: value === null ? null : op === '≤' ? value <= target : value >= target,
}));
report.settled_split_ms.beyond_redraws = p5095(split.beyond);
report.settled_split_ms.by_value = Object.fromEntries(Object.entries(byValue)
  .map(([k, v]) => [k, { events: v.beyond.length, beyond_redraws: p5095(v.beyond), input_to_charts: p5095(v.whole) }]));
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.json'), JSON.stringify(report, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms2 = (x) => (x.p50 === undefined ? 'n/a' : `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} ms`);
const md = [
  '# Benchmark report', '',
  `Model evaluation: ${report.model_ns_per_evaluation ?? 'n/a'} ns`,
  `Input → numbers (${numbers.length} events on ${report.levers.join(', ')}): p50 ${report.input_to_numbers_ms.p50.toFixed(2)} ms, p95 ${report.input_to_numbers_ms.p95.toFixed(2)} ms (target ≤ 8)`,
  `Feasible bands of all 26 levers + Monte Carlo of 2,000 draws, in the page, per settled input: p50 ${report.analyses_ms.p50.toFixed(2)} ms, p95 ${report.analyses_ms.p95.toFixed(2)} ms (the Monte Carlo in the task of the change, after the numbers; the bands in a task after the frame that paints the charts)`,
  `Input → charts, all four on screen (incl. the Monte Carlo above): p50 ${report.input_to_charts_ms.p50.toFixed(2)} ms, p95 ${report.input_to_charts_ms.p95.toFixed(2)} ms (target ≤ 100)`,
  `Where it goes (${report.settled_split_ms.events} inputs that redrew charts), p50 / p95: input → first redraw begins ${ms2(report.settled_split_ms.input_to_first_redraw)}; the redraws, figures and plotly.js, together ${ms2(report.settled_split_ms.redraws)} (per chart p50: ${Object.entries(report.settled_split_ms.per_chart_p50).map(([k, v]) => `${k.replace('chart-', '')} ${v.toFixed(1)}`).join(', ')}); last redraw ends → seen ${ms2(report.settled_split_ms.last_redraw_to_seen)} (the frame that paints them, and this bench's frame polling)`,
  `plotly.js floor: one redraw of a one-trace, three-bar chart in this page: ${ms2(report.plotly_floor_ms)}`,
  `Input → analyses settled, charts scrolled away (${offscreen.length} events): p50 ${report.input_to_settled_charts_off_screen_ms.p50.toFixed(2)} ms, p95 ${report.input_to_settled_charts_off_screen_ms.p95.toFixed(2)} ms`,
  `Drag (η, a step every 16.7 ms for 3 s), position → numbers: charts on screen p50 ${dragOnScreen.p50.toFixed(1)} ms, p95 ${dragOnScreen.p95.toFixed(1)} ms (target ≤ 16.7), ${dragOnScreen.updates_per_s.toFixed(0)} updates/s; charts away p50 ${dragAway.p50.toFixed(1)} ms, p95 ${dragAway.p95.toFixed(1)} ms, ${dragAway.updates_per_s.toFixed(0)} updates/s`,
  `Navigation → first totals: ${firstTotals?.toFixed(0)} ms`,
  `Story at 390×844, navigation → first scene readable / live page: ${storyFirstScene.cpu_1x.readable.toFixed(0)} / ${storyFirstScene.cpu_1x.live.toFixed(0)} ms; CPU 4× slower ${storyFirstScene.cpu_4x_slower.readable.toFixed(0)} / ${storyFirstScene.cpu_4x_slower.live.toFixed(0)} ms; slow phone (CPU 4×, 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, served gzip) ${storyFirstScene.slow_phone.readable.toFixed(0)} / ${storyFirstScene.slow_phone.live.toFixed(0)} ms`,
  `Lighthouse 12, mobile: ${['story', 'explorer'].map((k) => report.lighthouse[k] ? `${k} performance ${report.lighthouse[k].performance}, FCP ${report.lighthouse[k].fcp_ms.toFixed(0)} ms, LCP ${report.lighthouse[k].lcp_ms.toFixed(0)} ms, TBT ${report.lighthouse[k].tbt_ms.toFixed(0)} ms` : `${k} not run (scripts/bench.sh installs it)`).join('; ')}`,
  `Where a settled input goes beyond the redraws (the wait, any gap, the frame), p50 / p95: ${ms2(report.settled_split_ms.beyond_redraws)}`,
  `The same by value, beyond the redraws / the whole input → charts seen, p50 / p95: each lever's values the first time (new to plotly.js but the one it drew at load) ${ms2(report.settled_split_ms.by_value.new.beyond_redraws)} / ${ms2(report.settled_split_ms.by_value.new.input_to_charts)}; the same values again (plotly.js measures no label; the page's layout falls to the frame) ${ms2(report.settled_split_ms.by_value.again.beyond_redraws)} / ${ms2(report.settled_split_ms.by_value.again.input_to_charts)}`,
  `First load: ${kb(total)} gzipped; wasm ${wasm ? kb(wasm.gzip) : 'n/a'}`, '',
  '| target | measured | goal | met |', '|---|---:|---:|---|',
  ...report.targets.map((t) => `| ${t.what} | ${t.value === null ? 'not measured' : `${t.value.toFixed(t.unit === 'ms' ? 1 : 0)} ${t.unit}`} | ${t.op} ${t.target} ${t.unit} | ${t.met === null ? '—' : t.met ? 'met' : 'not met'} |`), '',
  '| file | raw | gzip |', '|---|---:|---:|',
  ...files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`), '',
  `When the charts first come near the screen: ${kb(laterTotal)} gzipped more from the network${laterFromWorker.length ? ` (${laterFromWorker.join(', ')} came from the service worker's copy)` : ''}`, '',
  '| file | raw | gzip |', '|---|---:|---:|',
  ...laterFiles.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`), '',
  `All the server sent on a first visit, before any chart showed, incl. the service worker's offline copy (in the background, after the page works): ${kb(visitTotal)} gzipped, ${visitFiles.length} files (${visitFiles.map((f) => f.file).join(', ')})`, '',
].join('\n');
writeFileSync(join(OUT, 'report.md'), md);
console.log(md);
await b.close();
s.close();
