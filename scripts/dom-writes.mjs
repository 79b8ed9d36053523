// What one input writes to the page: ten steps of η (a range input's `input`
// event, 30 ms apart, the pumped reading so every step moves the total) on the
// explorer at 1440×900, every DOM mutation record counted by the panel it
// falls in. Prints the records per input and the panels that take the most.
// Each record is work for the browser's next frame (style, layout, paint), so
// fewer is a shorter frame. Usage, on a release build in dist/:
// `node scripts/dom-writes.mjs [TOP]` (SITE=… for another build).
import { serve, browser, DIST } from '../e2e/helpers.mjs';

const TOP = Number(process.argv[2] ?? 12);
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
try {
  const page = await (await b.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${s.url}?shortfall=1`);
  await page.getByTestId('footer').waitFor();
  await page.waitForTimeout(1500);
  const counts = await page.evaluate(() => new Promise((resolve) => {
    const counts = {};
    const PANELS = '.lever,.cap,.tile,.summary-bar,.print-brief,.print-notes,section,aside,header,footer';
    const where = (n) => {
      const el = n.nodeType === 1 ? n : n.parentElement;
      const p = el?.closest(PANELS);
      if (!p) return el?.tagName.toLowerCase() ?? '?';
      return `${p.tagName.toLowerCase()}.${[...p.classList].join('.')}${p.dataset.testid ? `#${p.dataset.testid}` : ''}`;
    };
    const obs = new MutationObserver((records) => {
      for (const m of records) {
        const k = `${where(m.target)} ${m.type}${m.attributeName ? `:${m.attributeName}` : ''}`;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const eta = document.querySelector('[data-testid=lever-eta]');
    let i = 0;
    const step = () => {
      eta.value = String(0.6 + i * 0.01);
      eta.dispatchEvent(new Event('input', { bubbles: true }));
      if (++i < 10) setTimeout(step, 30);
      else setTimeout(() => { obs.disconnect(); resolve(counts); }, 50);
    };
    step();
  }));
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  console.log(`DOM mutation records per input: ${(total / 10).toFixed(1)}`);
  for (const [k, n] of Object.entries(counts).sort((x, y) => y[1] - x[1]).slice(0, TOP)) {
    console.log(`${(n / 10).toFixed(1).padStart(6)}  ${k}`);
  }
} finally {
  await b.close();
  s.close();
}
