// The explorer's start-up, task by task, from Chromium's own trace: the page
// loaded at 4× CPU slowdown (DevTools throttling; RATE=… to change) at 412×823
// with an empty cache, and every main-thread task of at least MIN ms (default
// 10) printed with its start, its length, its largest parts (layout, paint,
// script, the wasm's compile) and the panels mounted in it (`+header`, a
// panel's first class; `reveal` where the live page takes the static copy's
// place). A panel's layout is in a later task, the next frame's. Last, the blocking time after the first paint
// in this trace: each task's time beyond 50 ms, summed (Lighthouse simulates
// its own; this one is measured). Usage, on a release build in dist/:
// `node scripts/trace-start.mjs [MIN] [query]` (SITE=… for another build, e.g.
// an older commit's, for a before/after).
import { serve, browser, startTrace, DIST } from '../e2e/helpers.mjs';

const MIN = Number(process.argv[2] ?? 10);
const QUERY = process.argv[3] ?? '';
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
// A performance mark for each panel put into its placeholder (src/components/later.rs).
await page.addInitScript(() => {
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
});
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 4) });
const endTrace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,loading,v8.execute,blink.user_timing');
await page.goto(`${s.url}${QUERY}`);
// Started: the live page has replaced the static first screen and its last panel is in.
await page.waitForFunction(() => document.querySelector('[data-testid=footer]') && !document.getElementById('prerender'),
  null, { timeout: 60000 });
await page.waitForTimeout(1500);
const events = await endTrace();
const t0 = (events.find((e) => e.name === 'navigationStart') ?? events[0]).ts;
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
const main = events.find((e) => e.name === 'ParseHTML')?.tid;
const tasks = events.filter((e) => e.tid === main && e.name === 'RunTask' && e.ph === 'X');
const parts = events.filter((e) => e.tid === main && e.ph === 'X' && e.name !== 'RunTask' && e.dur > 2000);
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
  const top = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ');
  const mounted = [...new Set(marks.filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur).map((m) => m.name))].join(' ');
  console.log(`${ms(t.ts - t0).toFixed(0).padStart(6)} ms  ${d.toFixed(1).padStart(6)}  ${top}${mounted ? `  [${mounted}]` : ''}`);
}
console.log(`longest script task ${longestScript.toFixed(1)} ms; blocking time after the first paint, this trace: ${blocking.toFixed(0)} ms`);
await b.close();
s.close?.();
process.exit(0);
