// Measures the built site in Chromium and writes bench-report/report.{json,md}:
// input-to-numbers and input-to-charts latency (p50/p95 over 250 input events on
// five levers), first-load transfer size (gzipped, per file), and the time from
// navigation to the first totals on screen. The model's evaluation time comes
// from `cargo bench` (passed in by scripts/bench.sh).
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, basename } from 'node:path';
import { serve, browser, ROOT, DIST } from './helpers.mjs';

const OUT = join(ROOT, 'bench-report');
const LEVERS = { eta: [0.6, 0.75], reuse: [40, 90], cotton: [120, 220], leakage: [6, 14], surface: [13, 18] };
const PER_LEVER = 50;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

const s = await serve(DIST);
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
page.on('response', (r) => { if (r.url().startsWith(s.origin)) loaded.push(new URL(r.url()).pathname); });
await page.goto(s.url);
await page.getByTestId('total').waitFor();
await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => Number(p.dataset.drawn) > 0));
const firstTotals = await page.evaluate(() => window.__firstTotal);

const numbers = [];
const charts = [];
const analyses = [];
for (const [id, [lo, hi]] of Object.entries(LEVERS)) {
  for (let i = 0; i < PER_LEVER; i++) {
    const v = lo + ((hi - lo) * (i % 25)) / 24;
    const r = await page.evaluate(([id, v]) => new Promise((resolve) => {
      const el = document.querySelector(`[data-testid=lever-${id}]`);
      const total = document.querySelector('[data-testid=total]');
      const plots = [...document.querySelectorAll('.plot')];
      const drawn0 = plots.map((p) => Number(p.dataset.drawn));
      let tNumbers = null;
      const t0 = performance.now();
      const obs = new MutationObserver(() => { if (tNumbers === null) tNumbers = performance.now(); });
      obs.observe(total, { attributes: true, childList: true, characterData: true, subtree: true });
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      const tSync = performance.now();
      const wait = () => {
        if (plots.every((p, k) => Number(p.dataset.drawn) > drawn0[k])) {
          obs.disconnect();
          const analysis = Number(document.querySelector('.results').dataset.analysisMs);
          resolve({ numbers: (tNumbers ?? tSync) - t0, charts: performance.now() - t0, analysis });
        } else requestAnimationFrame(() => setTimeout(wait, 0));
      };
      wait();
    }), [id, v]);
    numbers.push(r.numbers);
    charts.push(r.charts);
    analyses.push(r.analysis);
  }
}

const files = [...new Set(loaded)].map((p) => {
  const f = join(DIST, p === '/' ? 'index.html' : basename(p));
  if (!existsSync(f)) return null;
  const raw = readFileSync(f);
  return { file: basename(f), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}).filter(Boolean);
const total = files.reduce((a, f) => a + f.gzip, 0);
const wasm = files.find((f) => f.file.endsWith('.wasm'));
const report = {
  events: numbers.length,
  levers: Object.keys(LEVERS),
  model_ns_per_evaluation: process.env.MODEL_NS ? Number(process.env.MODEL_NS) : null,
  input_to_numbers_ms: { p50: pct(numbers, 50), p95: pct(numbers, 95) },
  input_to_charts_ms: { p50: pct(charts, 50), p95: pct(charts, 95) },
  analyses_ms: { p50: pct(analyses, 50), p95: pct(analyses, 95) },
  first_load: { files, total_gzip: total },
  navigation_to_first_totals_ms: firstTotals,
  targets: {
    input_to_numbers_p95_ms: 8, input_to_charts_p95_ms: 16.7, first_load_gzip: 700 * 1024, wasm_gzip: 250 * 1024,
  },
};
report.met = {
  input_to_numbers: report.input_to_numbers_ms.p95 <= 8,
  input_to_charts: report.input_to_charts_ms.p95 <= 16.7,
  first_load: total <= 700 * 1024,
  wasm: (wasm?.gzip ?? Infinity) <= 250 * 1024,
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.json'), JSON.stringify(report, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const md = [
  '# Benchmark report', '',
  `Model evaluation: ${report.model_ns_per_evaluation ?? 'n/a'} ns`,
  `Input → numbers (${numbers.length} events on ${report.levers.join(', ')}): p50 ${report.input_to_numbers_ms.p50.toFixed(2)} ms, p95 ${report.input_to_numbers_ms.p95.toFixed(2)} ms (target ≤ 8)`,
  `Feasible bands of all 26 levers + Monte Carlo of 2,000 draws, in the page, per settled input: p50 ${report.analyses_ms.p50.toFixed(2)} ms, p95 ${report.analyses_ms.p95.toFixed(2)} ms (runs once an animation frame, after the numbers)`,
  `Input → charts (incl. the analyses above): p50 ${report.input_to_charts_ms.p50.toFixed(2)} ms, p95 ${report.input_to_charts_ms.p95.toFixed(2)} ms (target ≤ 16.7)`,
  `Navigation → first totals: ${firstTotals?.toFixed(0)} ms`,
  `First load: ${kb(total)} gzipped (target ≤ 700 KB); wasm ${wasm ? kb(wasm.gzip) : 'n/a'} (target ≤ 250 KB)`, '',
  '| file | raw | gzip |', '|---|---:|---:|',
  ...files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`), '',
].join('\n');
writeFileSync(join(OUT, 'report.md'), md);
console.log(md);
await b.close();
s.close();
