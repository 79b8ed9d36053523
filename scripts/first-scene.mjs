// Puts the page's first screens, as static HTML, into index.html: the story's
// first scene (public/first-scene.html, written by `cargo run --bin
// prerender` from the page's own code) and the explorer's first screen
// (public/first-explorer.html, captured from the live page by `node
// scripts/first-explorer.mjs`), one <template> a language each, and a small
// script after each pair that shows the right one while the page's
// WebAssembly is on its way, but only for a link the static copy answers
// exactly (the story's scene 1, or the explorer's default scenario; a known
// language, nothing else). The explorer's copy is inert (nothing done to it
// before the live page comes would be lost). The app removes the copy in the
// task that completes the live page's first screen (src/components/later.rs).
// The scripts are inline, so the policy (csp.mjs) hashes them.
//
// Nothing the first paint does not need stands in its way on a slow line:
// - the story's copy comes first, and once it is in, the page is painted
//   without waiting for the explorer's (16 of the page's 22 KB, gzipped);
// - the app's script (wasm-bindgen's glue, 10 KB) and its WebAssembly are
//   fetched once the copy has been painted, not beside the stylesheet, which
//   every first paint waits for (no early preload). A link with no copy
//   (another page or scenario) fetches the script at once.

// Which copy a link asks for, and how one is shown. Kept small: it runs
// before the first paint, on the slowest phone too.
const SHOW_STORY = `(function () {
  var q = new URLSearchParams(location.search), story = q.get('view') === 'story', ok = true;
  q.forEach(function (v, k) {
    if (!((k === 'view' && story) || (k === 'scene' && story && v === '1') || (k === 'lang' && (v === 'zh' || v === 'en')))) ok = false;
  });
  var lang = q.get('lang') || 'zh';
  // The app's script: its preload, kept in a template until it is wanted.
  window.preloadApp = function () {
    var t = document.getElementById('app-preload');
    if (t) { document.head.appendChild(t.content.cloneNode(true)); t.remove(); }
  };
  window.showFirst = function (id, inert) {
    var t = document.getElementById(id);
    if (!t) return window.preloadApp();
    var d = document.createElement('div');
    d.id = 'prerender';
    d.inert = inert;
    d.appendChild(t.content.cloneNode(true));
    document.body.appendChild(d);
    // The app's files are fetched once this copy is on screen (the loader
    // waits for this promise): its words need none of them, and a first
    // paint that waited for the wasm would be seconds later on a slow phone.
    // Not at all in a hidden tab (it paints nothing until shown) or a browser
    // that cannot say when it painted; at most 4 s otherwise. (A 1 s cap let
    // a busy machine fetch the wasm before its first paint: Lighthouse then
    // counts the wasm's download into the first scene's largest paint, 4.1 s.)
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
  };
  if (!ok) return window.preloadApp();
  if (lang === 'en') document.documentElement.lang = 'en';
  if (!story) { window.firstExplorer = 'first-explorer-' + lang; return; }
  window.showFirst('first-scene-' + lang, false);
  // The story needs nothing below: paint it now.
  var wait = document.querySelector('link[rel=expect]');
  if (wait) wait.remove();
})();`;

// The explorer's copy, once its templates are parsed.
const SHOW_EXPLORER = `if (window.firstExplorer) window.showFirst(window.firstExplorer, true);`;

/** The element after the explorer's script: the page is not painted until the parser has passed it (or the story's script lets it). */
const PARSED = 'first-screen-parsed';

/** The two pairs of templates in `fragment`, the story's and the explorer's; throws when one is missing. */
function templates(fragment) {
  return ['first-scene', 'first-explorer'].map((page) => {
    const m = fragment.match(new RegExp(`<template id="${page}-zh">[\\s\\S]*?</template>\\s*<template id="${page}-en">[\\s\\S]*?</template>`));
    if (!m) {
      throw new Error(`first-scene: the fragment has no zh and en templates for ${page} (run \`cargo run --bin prerender\` and \`node scripts/first-explorer.mjs\`)`);
    }
    return m[0];
  });
}

// The wasm compiled in a worker from the response's stream (transferred, so it
// is fetched once, at once, by the page); resolves to the module, or to a
// response for the page to compile itself.
const COMPILED_ASIDE = `function compiledAside(url) {
  return fetch(url).then((r) => {
    if (!r.ok || !r.body || typeof Worker !== 'function') return r;
    let w;
    try { w = new Worker(new URL('wasm-compile.js', new URL(url, location.href))); } catch (e) { return r; }
    return new Promise((done) => {
      const again = () => { w.terminate(); done(fetch(url)); };
      w.onmessage = (e) => {
        if (!(e.data instanceof WebAssembly.Module)) return again();
        w.terminate();
        done(e.data);
      };
      w.onerror = again;
      try { w.postMessage(r.body, [r.body]); } catch (e) { w.terminate(); done(r); }
    });
  });
}`;

/** Returns `html` with the templates in `fragment` and their scripts before </body>, the app's files fetched after the copy's paint, and no preload of the wasm; throws when it cannot. */
export function addFirstScene(html, fragment) {
  const [story, explorer] = templates(fragment);
  if (html.includes('id="first-scene-zh"')) return html;
  const i = html.lastIndexOf('</body>');
  if (i < 0) throw new Error('first-scene: no </body> in the page');
  let out = `${html.slice(0, i)}${story}\n<script>${SHOW_STORY}</script>\n${explorer}\n<script>${SHOW_EXPLORER}</script>\n<div id="${PARSED}" hidden></div>\n${html.slice(i)}`;
  // Nothing is painted before the copy is in: a first frame of the page
  // half parsed (blank) came before it, and Lighthouse's simulation then
  // counted the copy's first layout, the longest task of a load, as blocking
  // time after the first paint. The browser paints once the parser has passed
  // the marker after the explorer's script (or finished the page), or once the
  // story's script has removed this link; browsers without \`rel=expect\`
  // ignore it.
  const head = out.indexOf('</head>');
  if (head < 0) throw new Error('first-scene: no </head> in the page');
  out = `${out.slice(0, head)}<link rel="expect" href="#${PARSED}" blocking="render">\n${out.slice(head)}`;
  // Trunk's loader imports the glue at once; this one waits for the copy's
  // paint, then asks for the wasm and the glue side by side. The wasm's bytes go
  // to a worker (public/wasm-compile.js) that compiles them as they arrive, so
  // the page's own thread only instantiates the module: compiling it there, as
  // the bytes came, was a task of 89–107 ms at 4× CPU (docs/performance.md).
  // Where the worker or a stream's transfer is missing, or the worker fails,
  // the page compiles the response itself, as before.
  const loader = /import init, \* as bindings from ('[^']+');\n(?:await window\.firstScenePainted;\n)?const wasm = await init\(\{ module_or_path: ('[^']+') \}\);/;
  const m = out.match(loader);
  if (!m) throw new Error("first-scene: Trunk's loader (`import init, * as bindings from …; const wasm = await init(…)`) not found");
  out = out.replace(loader, [
    COMPILED_ASIDE,
    'await window.firstScenePainted;',
    'if (window.preloadApp) window.preloadApp();',
    `const wasmFile = compiledAside(${m[2]});`,
    `const bindings = await import(${m[1]});`,
    'const init = bindings.default;',
    'const wasm = await init({ module_or_path: wasmFile });',
  ].join('\n'));
  // The glue's preload (with its integrity value), in a template the scripts
  // above put into the head when the glue is wanted.
  const preload = /<link rel="modulepreload"[^>]*>/;
  if (!preload.test(out)) throw new Error("first-scene: Trunk's <link rel=\"modulepreload\"> for the app's script not found");
  out = out.replace(preload, (link) => `<template id="app-preload">${link}</template>`);
  out = out.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g, '');
  // The service worker registers once the app has started (register-sw.js):
  // its script need not hold up the parser.
  out = out.replace(/<script src="([^"]*register-sw[^"]*)"/, '<script defer src="$1"');
  return out;
}
