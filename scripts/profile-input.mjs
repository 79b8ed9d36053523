// Where a drag step's time goes in the page's own code: 60 steps of η (`input`
// only, as a drag fires them), the four charts on screen at 1440×900, under
// V8's sampling profiler (50 µs); prints input → numbers (the total's first
// DOM change) p50 / p95 and the functions with the most time of their own, per
// step. The release build strips the WebAssembly's function names; for names,
// profile a build that keeps them (its own target and dist, so the site's are
// untouched):
//   CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR=target/names \
//     scripts/wasm-env.sh trunk build --release --offline --dist target/dist-names
//   SITE=target/dist-names node scripts/profile-input.mjs
// Usage: `node scripts/profile-input.mjs [steps] [functions]` (defaults 60 and 25).
import { serve, browser, chartsInView, percentile, DIST } from '../e2e/helpers.mjs';

const STEPS = Number(process.argv[2] ?? 60);
const TOP = Number(process.argv[3] ?? 25);
const s = await serve(process.env.SITE ?? DIST);
const b = await browser();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${s.url}?shortfall=1`);
await chartsInView(page);
await page.waitForTimeout(1000);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < STEPS; i++) {
  await page.waitForTimeout(40);
  times.push(await page.evaluate((v) => new Promise((resolve) => {
    const el = document.querySelector('[data-testid=lever-eta]');
    const total = document.querySelector('[data-testid=total]');
    const t0 = performance.now();
    const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now() - t0); });
    obs.observe(total, { attributes: true, childList: true, characterData: true, subtree: true });
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }), 0.55 + (i % 20) * 0.005));
}
const { profile } = await cdp.send('Profiler.stop');
console.log(`input → numbers, ${STEPS} drag steps: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const own = {};
profile.samples.forEach((id, k) => {
  const { functionName, url } = nodes.get(id).callFrame;
  const name = `${functionName || '(anonymous)'}${url ? `  [${url.split('/').pop()}]` : ''}`;
  own[name] = (own[name] ?? 0) + (profile.timeDeltas[k] ?? 0);
});
console.log('time of its own, ms a step:');
Object.entries(own)
  .filter(([name]) => !/^\((idle|program|garbage collector)\)/.test(name))
  .sort((x, y) => y[1] - x[1])
  .slice(0, TOP)
  .forEach(([name, us]) => console.log(`${(us / 1000 / STEPS).toFixed(3).padStart(7)}  ${name.slice(0, 150)}`));
await b.close();
s.close();
