// The explorer's first screen as static HTML (public/first-explorer.html),
// captured from the live page: what `/` (and `?lang=en`) renders once it has
// settled, with the charts left empty (plotly.js draws them) and the panels
// below the numbers too (the live page mounts them after it is shown), the controls'
// values written as attributes (the live page sets them as properties), and
// nothing that changes from one load to the next (timings, counters) or that
// the tests look for (`data-testid`: a test never finds the static copy). The
// page shows it, inert, until its WebAssembly has mounted the live one
// (scripts/first-scene.mjs); written by `node scripts/first-explorer.mjs`,
// checked against the live page by e2e/first-screens.test.mjs.

/** The file, from the repository's root. */
export const FILE = 'public/first-explorer.html';

/** The links the static copy answers, by language. */
export const LINKS = { zh: '', en: '?lang=en' };

// Attributes that differ from one load to the next, or are only for tests.
const DROP = ['data-testid', 'data-analysis-ms', 'data-bands-ms', 'data-analysed', 'data-synced', 'data-drawn', 'data-draw-at', 'data-draw-ms'];

/** Waits until `page` (at one of LINKS) has settled: analyses done, every panel mounted. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const r = document.querySelector('.results');
    return r && r.dataset.analysed && r.dataset.bandsMs && !document.getElementById('prerender') && !document.getElementById('app').hidden
      && document.querySelector('.footer'); // the last panel mounted
  });
}

/** The live page's markup as the static copy holds it. */
export async function capture(page) {
  return page.evaluate((drop) => {
    const live = [...document.getElementById('app').children];
    const copy = live.map((e) => e.cloneNode(true));
    const pairs = (sel) => live.flatMap((e, i) => {
      const a = [...e.querySelectorAll(sel)];
      const b = [...copy[i].querySelectorAll(sel)];
      return a.map((x, k) => [x, b[k]]);
    });
    for (const [a, b] of pairs('input')) {
      if (a.type === 'checkbox' || a.type === 'radio') b.toggleAttribute('checked', a.checked);
      else b.setAttribute('value', a.value);
    }
    for (const [a, b] of pairs('option')) b.toggleAttribute('selected', a.selected);
    for (const c of copy) {
      for (const p of [c, ...c.querySelectorAll('*')].filter((e) => e.matches('.plot, .later:not(.first)'))) p.replaceChildren();
      for (const el of [c, ...c.querySelectorAll('*')]) for (const n of drop) el.removeAttribute(n);
    }
    return copy.map((c) => c.outerHTML).join('');
  }, DROP);
}

/** The static copy of each language, captured from the live page served at `base` in a fresh context. */
export async function live(b, base) {
  const out = {};
  for (const [lang, query] of Object.entries(LINKS)) {
    const context = await b.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${base}${query}`);
    await settled(page);
    out[lang] = await capture(page);
    await context.close();
  }
  return out;
}

/** The file's text for the copies `byLang` ({ zh, en }). */
export function fileText(byLang) {
  return `<!-- Written by \`node scripts/first-explorer.mjs\` from the live page (e2e/first-explorer.mjs): do not edit. -->\n${
    Object.entries(byLang).map(([lang, html]) => `<template id="first-explorer-${lang}">${html}</template>\n`).join('')}`;
}
