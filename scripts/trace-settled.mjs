// Where a settled input's time goes after the charts' redraws, from Chromium's own
// trace: for a few single changes of η (input then change, as a key press fires
// them) with the four charts on screen at 1440×900, the main thread's work from
// the input to the moment this script sees the charts drawn: the page's tasks
// (the input, the numbers, the analyses and redraws in one task), then the
// frame that paints them (BeginMainFrame: animation-frame callbacks, style,
// layout, pre-paint, paint, layerize, commit). Each layout says how many of the
// page's objects it laid out again and from where (#document: the whole page).
// Usage, on a release build in
// dist/: `node scripts/trace-settled.mjs [inputs]` (default 4; the first is a
// warm-up and is not printed).
import { serve, browser, startTrace, DIST } from '../e2e/helpers.mjs';

const INPUTS = Number(process.argv[2] ?? 4);
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${s.url}?shortfall=1`);
await page.getByTestId('total').waitFor();
await page.locator('.charts').scrollIntoViewIfNeeded();
await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => Number(p.dataset.drawn) > 0));
await page.waitForTimeout(1000);
const cdp = await ctx.newCDPSession(page);
const endTrace = await startTrace(cdp, 'blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline');
const marks = [];
for (let i = 0; i < INPUTS; i++) {
  await page.waitForTimeout(200);
  marks.push(await page.evaluate((v) => new Promise((resolve) => {
    const el = document.querySelector('[data-testid=lever-eta]');
    const plots = [...document.querySelectorAll('.plot')];
    const synced = plots.map((p) => Number(p.dataset.synced));
    performance.mark('settled-input');
    const t0 = performance.now();
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const poll = () => {
      if (plots.every((p, k) => Number(p.dataset.synced) > synced[k])) {
        const end = Math.max(...plots.map((p) => Number(p.dataset.drawAt) + Number(p.dataset.drawMs)));
        const begin = Math.min(...plots.map((p) => Number(p.dataset.drawAt)));
        performance.mark('charts-seen');
        resolve({ begin: begin - t0, end: end - t0, seen: performance.now() - t0 });
      } else requestAnimationFrame(() => setTimeout(poll, 0));
    };
    poll();
  }), 0.6 + i * 0.02));
}
const events = await endTrace();
const starts = events.filter((e) => e.name === 'settled-input');
const main = starts[0]?.tid;
const SHOWN = new Set(['FunctionCall', 'EventDispatch', 'RunTask', 'ProxyMain::BeginMainFrame', 'FireAnimationFrame',
  'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'charts-seen']);
// What a layout covered: its dirty objects of all, and where it began (the
// document for a whole-page layout; a chart's own svg for a partial one).
const layoutScope = (e) => {
  const begin = e.args?.beginData;
  if (e.name !== 'Layout' || !begin) return '';
  const roots = (e.args?.endData?.layoutRoots ?? []).map((r) => r.nodeName.split(' ')[0]);
  return `  ${begin.dirtyObjects} of ${begin.totalObjects} objects, from ${[...new Set(roots)].join(', ') || '?'}`;
};
for (const [i, start] of starts.entries()) {
  if (i === 0) continue;
  const m = marks[i];
  console.log(`input ${i}: first redraw began ${m.begin.toFixed(1)} ms, last ended ${m.end.toFixed(1)} ms, seen ${m.seen.toFixed(1)} ms`);
  events
    .filter((e) => e.tid === main && e.ts >= start.ts && e.ts <= start.ts + (m.seen + 2) * 1000 && SHOWN.has(e.name)
      && (e.dur > 300 || e.name === 'charts-seen'))
    .sort((x, y) => x.ts - y.ts)
    .forEach((e) => console.log(`  ${((e.ts - start.ts) / 1000).toFixed(1).padStart(6)} ms  ${(e.dur ? (e.dur / 1000).toFixed(1) : '').padStart(5)}  ${e.name}${layoutScope(e)}`));
}
await b.close();
s.close();
