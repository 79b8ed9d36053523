// What laying out the numbers costs: the style and layout that an η drag step's
// DOM changes (the total, the cap cards, the tiles, the lever's value) make the
// browser do, forced right after the step's effects and timed, with the four
// charts on screen at 1440×900 (the pumped reading). Each stylesheet rule given
// on the command line is added to a page of its own; the pages take turns a
// round at a time, so the machine's drift falls on each alike. Prints p50 / p95
// per page. Usage, on a release build in dist/:
// `node scripts/numbers-layout.mjs ['CSS' …]`, e.g.
// `node scripts/numbers-layout.mjs '.cap, .tile { display: grid !important }'`
// (the page as it is, against its cards and tiles laid out as grids).
import { serve, browser, chartsInView, percentile, DIST } from '../e2e/helpers.mjs';

const VARIANTS = ['', ...process.argv.slice(2)];
const ROUNDS = 6;
const STEPS = 25;
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
try {
  const pages = [];
  for (const css of VARIANTS) {
    const page = await (await b.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })).newPage();
    await page.goto(`${s.url}?shortfall=1`);
    await chartsInView(page);
    if (css) await page.addStyleTag({ content: css });
    await page.waitForTimeout(800);
    pages.push({ page, css, ms: [] });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of pages) {
      await p.page.bringToFront();
      for (let i = 0; i < STEPS; i++) {
        await p.page.waitForTimeout(30);
        p.ms.push(await p.page.evaluate((v) => new Promise((resolve) => {
          const el = document.querySelector('[data-testid=lever-eta]');
          // Nothing pending before the step.
          void document.body.offsetHeight;
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          // After the page's effects (microtasks queued by the input), the
          // style and layout they left to do.
          Promise.resolve().then(() => Promise.resolve()).then(() => {
            const t0 = performance.now();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          });
        }), 0.55 + ((round * STEPS + i) % 20) * 0.007));
      }
    }
  }
  console.log(`style + layout of an η step's numbers, ${ROUNDS * STEPS} steps a page, p50 / p95 ms:`);
  for (const p of pages) {
    console.log(`${percentile(p.ms, 50).toFixed(2)} / ${percentile(p.ms, 95).toFixed(2)}  ${p.css || '(the page as it is)'}`);
  }
} finally {
  await b.close();
  s.close();
}
