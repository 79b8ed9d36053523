// How much of a settled input's time beyond the four chart redraws is the
// page's, and how much the browser's frame for the charts alone: the bench's
// settled inputs (e2e/bench.mjs: η set by `input` then `change`, the four
// charts on screen at 1440×900, the same "seen" poll), on the page as it is
// and on the same page with parts of it taken out by a stylesheet, the
// variants alternating. For each: input → the first redraw begins, the last
// redraw's end → seen, and "beyond the redraws" (everything but the redraws),
// p50 / p95; and, from the browser's Long Animation Frame entries, the frame
// that paints the charts: its rendering (animation-frame callbacks, style,
// layout, paint) and what comes after it until the poll sees the charts.
// A diagnosis, not a target: the variants are not the product.
// Usage, on a release build in dist/: `node scripts/settled-floor.mjs [inputs] [rounds]`
// (defaults 20 and 2; SITE=… for another build).
import { serve, browser, chartsInView, settledInput, percentile, DIST } from '../e2e/helpers.mjs';

const INPUTS = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 2);
const VARIANTS = {
  'the page': '',
  'without the cap cards': '.caps-panel { display: none }',
  'without the indicators': '.indicators { display: none }',
  'without the levers': '#levers { display: none }',
  'the four charts alone': '.results > div:not(:last-child), #levers, #notes, .header, .summary-bar { display: none }',
};

const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
const res = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, { wait: [], tail: [], beyond: [], render: [], after: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, css] of Object.entries(VARIANTS)) {
    // bypassCSP: the page's policy allows no inline stylesheet.
    const ctx = await b.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${s.url}?shortfall=1`);
    if (css) await page.addStyleTag({ content: css });
    await chartsInView(page);
    await page.evaluate(() => {
      window.frames_ = [];
      new PerformanceObserver((l) => window.frames_.push(...l.getEntries().map((e) => ({ end: e.startTime + e.duration, render: e.renderStart }))))
        .observe({ type: 'long-animation-frame' });
    });
    await page.waitForTimeout(1000);
    for (let i = 0; i < INPUTS; i++) {
      await page.waitForTimeout(250);
      const m = await settledInput(page, 0.55 + (i % 10) * 0.015);
      // The frame's entry is reported a little later.
      await page.waitForTimeout(100);
      m.frames = await page.evaluate((t0) => window.frames_.filter((f) => f.end > t0), m.t0);
      if (!m.redrawn.length) continue;
      const begin = Math.min(...m.redrawn.map((d) => d.at));
      const end = Math.max(...m.redrawn.map((d) => d.at + d.ms));
      const r = res[name];
      r.wait.push(begin - m.t0);
      r.tail.push(m.seen - end);
      r.beyond.push(m.seen - m.t0 - m.redrawn.reduce((a, d) => a + d.ms, 0));
      const frame = m.frames.find((f) => f.render > end - 1);
      if (frame) {
        r.render.push(frame.end - frame.render);
        r.after.push(m.seen - frame.end);
      }
    }
    await ctx.close();
  }
}
const two = (a) => `${percentile(a, 50).toFixed(1)} / ${percentile(a, 95).toFixed(1)}`;
console.log(`${INPUTS * ROUNDS} settled inputs a variant, p50 / p95 (ms)`);
console.log('| variant | input → first redraw | last redraw → seen | beyond the redraws | the frame\'s rendering | after it, until seen |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, r] of Object.entries(res)) {
  console.log(`| ${name} | ${two(r.wait)} | ${two(r.tail)} | ${two(r.beyond)} | ${two(r.render)} | ${two(r.after)} |`);
}
await b.close();
s.close();
