// The story on a phone: navigation → the first scene's words on screen (the
// frame after they are in the page; the static scene, src/prerender.rs, or the
// live one) and → the live page (the WebAssembly mounted), in a fresh context
// with an empty cache at 390×844. Used by the bench (e2e/bench.mjs) and by
// scripts/slow-phone.mjs (two builds side by side).

/** A slow phone's line: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (DevTools' emulation). */
export const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

/**
 * Opens the story's scene 1 of the site at `base` in browser `b` with the CPU
 * `slowdown` times slower and, if given, the `network` emulated; resolves to
 * `{ readable, live }`, ms from navigation.
 */
export async function firstScene(b, base, slowdown, network = null) {
  const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  await ctx.addInitScript(() => {
    window.__scene = null;
    window.__live = null;
    new MutationObserver((_, obs) => {
      if (window.__scene === null && document.querySelector('[data-testid=scene-1] .scene-text')) {
        // The frame after the words are in the page (the first such frame wins).
        requestAnimationFrame(() => setTimeout(() => { window.__scene ??= performance.now(); }, 0));
      }
      if (window.__live === null && document.querySelector('.story') && !document.getElementById('prerender')
        && document.querySelector('[data-testid=story-next]:not([disabled])')) {
        window.__live = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await p.goto(`${base}?view=story&scene=1`, { timeout: 60000 });
  await p.waitForFunction(() => window.__scene !== null && window.__live !== null, null, { timeout: 60000 });
  const t = await p.evaluate(() => ({ readable: window.__scene, live: window.__live }));
  await ctx.close();
  return t;
}
