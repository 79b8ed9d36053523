// The explorer's start-up, task by task, from Chromium's own trace: the page
// loaded at 4× CPU slowdown (DevTools throttling; RATE=… to change) at 412×823
// with an empty cache, and every main-thread task of at least MIN ms (default
// 10) printed with its start, its length, its largest parts (layout, paint,
// script, the wasm's compile, the functions it compiles lazily on their first
// call) and the panels mounted in it (`+header`, a
// panel's first class; `reveal` where the live page takes the static copy's
// place). A panel's layout is in a later task, the next frame's. Last, the blocking time after the first paint
// in this trace: each task's time beyond 50 ms, summed (Lighthouse simulates
// its own; this one is measured). Usage, on a release build in dist/:
// `node scripts/trace-start.mjs [MIN] [query]` (SITE=… for another build, e.g.
// an older commit's, for a before/after; `?view=story&scene=1` for the story).
// The script's own work stays out of the trace: it waits through DevTools'
// Runtime.evaluate, not Playwright's injected script (whose compile, 50–160 ms
// at 4×, showed up before as an "EvaluateScript" task after the first paint).
import { serve, browser, startTrace, waitInPage, DIST } from '../e2e/helpers.mjs';

const MIN = Number(process.argv[2] ?? 10);
const QUERY = process.argv[3] ?? '';
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
// A performance mark for each panel put into its placeholder (src/components/later.rs).
// Observed from DOMContentLoaded: the app mounts after it, and an observer from
// the start would see every node the parser inserts (37 ms of the parse task at
// 4× CPU slowdown, this script's own work, not the page's).
await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.target.id === 'app') performance.mark('reveal');
        continue;
      }
      if (!(r.target instanceof Element) || !r.target.matches('.later')) continue;
      for (const n of r.addedNodes) if (n instanceof Element) performance.mark(`+${n.classList[0] ?? n.localName}`);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}));
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 4) });
const endTrace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,loading,v8.execute,blink.user_timing,v8.wasm');
await page.goto(`${s.url}${QUERY}`);
// Started: the live page has replaced the static first screen and its last panel is in.
// (Polled through DevTools, not Playwright's waitForFunction, whose own script's
// compile would show up in the trace as a long task of the page's.)
await waitInPage(cdp, QUERY.includes('view=story')
  ? "document.querySelector('.story') && !document.getElementById('prerender')"
  : "document.querySelector('[data-testid=footer]') && !document.getElementById('prerender')");
await page.waitForTimeout(1500);
const events = await endTrace();
const t0 = (events.find((e) => e.name === 'navigationStart') ?? events[0]).ts;
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
const main = events.find((e) => e.name === 'ParseHTML')?.tid;
const tasks = events.filter((e) => e.tid === main && e.name === 'RunTask' && e.ph === 'X');
const parts = events.filter((e) => e.tid === main && e.ph === 'X' && e.name !== 'RunTask' && e.name !== 'wasm.CompileLazy' && e.dur > 2000);
// The browser compiles a WebAssembly function the first time it is called, on
// the thread that calls it: each compile is short, together they are most of a
// start-up task's time.
const lazy = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'wasm.CompileLazy');
const marks = events.filter((e) => e.tid === main && (e.name === 'reveal' || e.name.startsWith('+')) && e.cat?.includes('user_timing'));
const ms = (us) => us / 1000;
console.log(`first contentful paint ${fcp ? ms(fcp.ts - t0).toFixed(0) : '?'} ms`);
let blocking = 0;
let longestScript = 0;
for (const t of tasks) {
  const d = ms(t.dur);
  if (fcp && t.ts > fcp.ts) blocking += Math.max(0, d - 50);
  if (d < MIN) continue;
  const sum = {};
  for (const k of parts.filter((k) => k.ts >= t.ts && k.ts + k.dur <= t.ts + t.dur)) sum[k.name] = (sum[k.name] ?? 0) + ms(k.dur);
  if (sum.TimerFire || sum.RunMicrotasks || sum.FunctionCall) longestScript = Math.max(longestScript, d);
  const compiles = lazy.filter((k) => k.ts >= t.ts && k.ts + k.dur <= t.ts + t.dur);
  if (compiles.length) sum[`wasm lazy compile (${compiles.length} functions)`] = compiles.reduce((a, k) => a + ms(k.dur), 0);
  const top = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ');
  const mounted = [...new Set(marks.filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur).map((m) => m.name))].join(' ');
  console.log(`${ms(t.ts - t0).toFixed(0).padStart(6)} ms  ${d.toFixed(1).padStart(6)}  ${top}${mounted ? `  [${mounted}]` : ''}`);
}
console.log(`longest script task ${longestScript.toFixed(1)} ms; blocking time after the first paint, this trace: ${blocking.toFixed(0)} ms`);
await b.close();
s.close?.();
process.exit(0);
