// The post-build edits of index.html: plotly.js deferred, policy in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deferPlotly } from './lazy-plotly.mjs';
import { addCsp } from './csp.mjs';

const PAGE = `<!doctype html><html><head><meta charset="utf-8" />
<script src="/sub/plotly.min-0123.js" integrity="sha384-abc"></script>
<script src="/sub/register-sw-9.js" integrity="sha384-def"></script>
<script type="module">
import init, * as bindings from '/sub/app.js';
const wasm = await init({ module_or_path: '/sub/app_bg.wasm' });
window.wasmBindings = bindings;</script>
<link rel="modulepreload" href="/sub/app.js" integrity="sha384-ghi"><link rel="preload" href="/sub/app_bg.wasm" as="fetch" type="application/wasm">
</head><body></body></html>`;

test('plotly.js becomes an address the page loads later, with its integrity', () => {
  const html = deferPlotly(PAGE);
  assert.match(html, /<meta name="plotly-src" content="\/sub\/plotly.min-0123.js" data-integrity="sha384-abc" \/>/);
  assert.doesNotMatch(html, /<script[^>]*plotly/);
  assert.match(html, /<script src="\/sub\/register-sw-9.js"/, 'other scripts stay');
});

test('a page without plotly.js, or with two, is refused', () => {
  assert.throws(() => deferPlotly('<html><head></head></html>'), /found 0/);
  const two = PAGE.replace('</head>', '<script src="/plotly.js"></script></head>');
  assert.throws(() => deferPlotly(two), /found 2/);
});

test('the policy hashes the inline loader and allows nothing from elsewhere', () => {
  const { html, hashes } = addCsp(deferPlotly(PAGE));
  assert.equal(hashes, 1);
  const policy = html.match(/Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(policy, /'unsafe-eval'|https?:|\*/);
  assert.equal(addCsp(html).html.match(/Content-Security-Policy/g).length, 1, 'applying twice keeps one policy');
});

test('the first screens go in before </body>, once, the story\'s first, and their scripts are hashed', async () => {
  const { addFirstScene } = await import('./first-scene.mjs');
  const fragment = '<template id="first-scene-zh"><p>甲</p></template>\n<template id="first-scene-en"><p>A</p></template>\n<template id="first-explorer-zh"><p>乙</p></template>\n<template id="first-explorer-en"><p>B</p></template>\n';
  const html = addFirstScene(deferPlotly(PAGE), fragment);
  // The story's copy and its script, then the explorer's copy and its script, then the marker.
  assert.match(html, /<template id="first-scene-zh"><p>甲<\/p><\/template>\n<template id="first-scene-en"><p>A<\/p><\/template>\n<script>\(function \(\) \{[\s\S]*?<\/script>\n<template id="first-explorer-zh"><p>乙<\/p><\/template>\n<template id="first-explorer-en"><p>B<\/p><\/template>\n<script>if \(window\.firstExplorer\)[^<]*<\/script>\n<div id="first-screen-parsed" hidden><\/div>\n<\/body>/);
  // Nothing is painted before the parser has passed the explorer's script, or the story's script lets it.
  assert.match(html, /<link rel="expect" href="#first-screen-parsed" blocking="render">\n<\/head>/);
  assert.equal(html.match(/rel="expect"/g).length, 1);
  assert.match(html, /window\.showFirst\('first-scene-' \+ lang, false\);\n  \/\/ The story needs nothing below: paint it now\.\n  var wait = document\.querySelector\('link\[rel=expect\]'\);\n  if \(wait\) wait\.remove\(\);/);
  assert.equal(addFirstScene(html, fragment), html, 'applying twice adds nothing');
  assert.equal(addCsp(html).hashes, 3, 'the loader and the two first screens\' scripts');
  assert.throws(() => addFirstScene(PAGE, '<p>no templates</p>'), /no zh and en templates for first-scene/);
  assert.throws(() => addFirstScene(PAGE, fragment.replace('first-explorer-en', 'x')), /no zh and en templates for first-explorer/);
  assert.throws(() => addFirstScene('<html></html>', fragment), /no <\/body>/);
  assert.throws(() => addFirstScene('<html><body></body></html>', fragment), /no <\/head>/);
  // The loader waits for the copy's paint, then fetches the wasm and the glue side by side; nothing is preloaded
  // before (the glue's preload, with its integrity value, waits in a template); the worker's script is deferred.
  assert.match(html, /await window\.firstScenePainted;\nif \(window\.preloadApp\) window\.preloadApp\(\);\nconst wasmFile = compiledAside\('\/sub\/app_bg\.wasm'\);\nconst bindings = await import\('\/sub\/app\.js'\);\nconst init = bindings\.default;\nconst wasm = await init\(\{ module_or_path: wasmFile \}\);\nwindow\.wasmBindings = bindings;/);
  // The wasm is compiled in a worker beside the page's copy (the response's body
  // handed over), the worker's address next to the wasm's (a sub-path host).
  assert.match(html, /function compiledAside\(url\) \{\n  return fetch\(url\)/);
  assert.match(html, /new Worker\(new URL\('wasm-compile\.js', new URL\(url, location\.href\)\)\)/);
  assert.match(html, /w\.postMessage\(r\.body, \[r\.body\]\)/);
  assert.doesNotMatch(html, /^import /m);
  assert.doesNotMatch(html, /rel="preload"[^>]*_bg\.wasm/);
  assert.match(html, /<template id="app-preload"><link rel="modulepreload" href="\/sub\/app\.js" integrity="sha384-ghi"><\/template>/);
  assert.equal(html.match(/rel="modulepreload"/g).length, 1);
  assert.match(html, /<script defer src="\/sub\/register-sw-9.js"/);
  assert.throws(() => addFirstScene(PAGE.replace('const wasm = await init(', 'x('), fragment), /loader/);
  assert.throws(() => addFirstScene(PAGE.replace('rel="modulepreload"', 'rel="x"'), fragment), /modulepreload/);
});

test('the icon is inlined as a data: address, so no request is made for it', async () => {
  const { inlineIcon } = await import('./inline-icon.mjs');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'icon-'));
  writeFileSync(join(dir, 'favicon-0123.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>\n');
  const html = inlineIcon('<head><link rel="icon" href="/sub/favicon-0123.svg" integrity="sha384-x"/></head>', dir);
  assert.match(html, /<link rel="icon" href="data:image\/svg\+xml,%3Csvg%20xmlns/);
  assert.doesNotMatch(html, /favicon-0123/);
  assert.throws(() => inlineIcon('<head></head>', dir), /found 0/);
});
