// Puts the page's first screens, as static HTML, into index.html: the story's
// first scene (public/first-scene.html, written by `cargo run --bin
// prerender` from the page's own code) and the explorer's first screen
// (public/first-explorer.html, captured from the live page by `node
// scripts/first-explorer.mjs`), one <template> a language each, and a small
// script that shows the right one while the page's WebAssembly is on its way,
// but only for a link the static copy answers exactly (the story's scene 1, or
// the explorer's default scenario; a known language, nothing else). The
// explorer's copy is inert (nothing done to it before the live page comes
// would be lost). The page's loader fetches the WebAssembly once the copy has
// been painted (no early preload: on a slow phone it would share the line
// with the stylesheet), and the app removes the copy in the task that
// completes the live page's first screen (src/components/later.rs). The
// script is inline, so the policy (csp.mjs) hashes it.

// Which template a link asks for, or none. Kept small: it runs before the
// first paint, on the slowest phone too.
const SHOW = `(function () {
  var q = new URLSearchParams(location.search), story = q.get('view') === 'story', ok = true;
  q.forEach(function (v, k) {
    if (!((k === 'view' && story) || (k === 'scene' && story && v === '1') || (k === 'lang' && (v === 'zh' || v === 'en')))) ok = false;
  });
  var t = ok && document.getElementById((story ? 'first-scene-' : 'first-explorer-') + (q.get('lang') || 'zh'));
  if (!t) return;
  if (q.get('lang') === 'en') document.documentElement.lang = 'en';
  var d = document.createElement('div');
  d.id = 'prerender';
  if (!story) d.inert = true;
  d.appendChild(t.content.cloneNode(true));
  document.body.appendChild(d);
  // The WebAssembly is fetched once this copy is on screen (the loader waits
  // for this promise): its words need none of it, and a first paint that
  // waited for the wasm would be seconds later on a slow phone. Not at all in
  // a hidden tab (it paints nothing until shown) or a browser that cannot
  // say when it painted; at most 4 s otherwise. (A 1 s cap let a busy
  // machine fetch the wasm before its first paint: Lighthouse then counts
  // the wasm's download into the first scene's largest paint, 4.1 s.)
  window.firstScenePainted = new Promise(function (done) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (document.visibilityState === 'hidden' || !types || types.indexOf('paint') < 0) return done();
    setTimeout(done, 4000);
    try {
      new PerformanceObserver(function (l, o) {
        if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); done(); }
      }).observe({ type: 'paint', buffered: true });
    } catch (e) { done(); }
  });
})();`;

/** The element after the script that shows the copy: the page is not painted until the parser has passed it. */
const PARSED = 'first-screen-parsed';

/** Returns `html` with `fragment` (the templates) and the script before </body>, the loader waiting for the copy's paint and no preload of the wasm; throws when it cannot. */
export function addFirstScene(html, fragment) {
  for (const page of ['first-scene', 'first-explorer']) {
    if (!fragment.includes(`<template id="${page}-zh">`) || !fragment.includes(`<template id="${page}-en">`)) {
      throw new Error(`first-scene: the fragment has no zh and en templates for ${page} (run \`cargo run --bin prerender\` and \`node scripts/first-explorer.mjs\`)`);
    }
  }
  if (html.includes('id="first-scene-zh"')) return html;
  const i = html.lastIndexOf('</body>');
  if (i < 0) throw new Error('first-scene: no </body> in the page');
  let out = `${html.slice(0, i)}${fragment.trim()}\n<script>${SHOW}</script>\n<div id="${PARSED}" hidden></div>\n${html.slice(i)}`;
  // Nothing is painted before the copy is in: a first frame of the page
  // half parsed (blank) came before it, and Lighthouse's simulation then
  // counted the copy's first layout, the longest task of a load, as blocking
  // time after the first paint. The browser paints once the parser has passed
  // the marker after the script (or finished the page; browsers without
  // \`rel=expect\` ignore it).
  const head = out.indexOf('</head>');
  if (head < 0) throw new Error('first-scene: no </head> in the page');
  out = `${out.slice(0, head)}<link rel="expect" href="#${PARSED}" blocking="render">\n${out.slice(head)}`;
  const init = /const wasm = await init\(/;
  if (!init.test(out)) throw new Error("first-scene: Trunk's loader (`const wasm = await init(`) not found");
  out = out.replace(init, 'await window.firstScenePainted;\nconst wasm = await init(');
  out = out.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g, '');
  // The service worker registers once the app has started (register-sw.js):
  // its script need not hold up the parser.
  out = out.replace(/<script src="([^"]*register-sw[^"]*)"/, '<script defer src="$1"');
  return out;
}
