// Builds public/vendor/plotly.min.js: plotly.js core (scatter) plus only the trace
// types the page draws (bar, sankey), reproducibly from the npm packages pinned in
// package-lock.json. The site serves this file itself; nothing comes from a CDN.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// What the page's build of plotly.js changes in its sources, each for a
// measured reason (docs/performance.md, "What the page does"). Each patch must find its
// text as often as it says (once, unless it gives a count), or the build fails: a new plotly.js version is then
// looked at again, not silently drawn slower.
const PATCHES = [
  {
    // plotly.js animates every sankey redraw for 500 ms (d3 transitions, a
    // restyle of the diagram each animation frame); the page redraws the flow
    // chart whenever the scenario settles, so those frames would compete with
    // the next slider move. The page's build draws the new flows at once.
    file: /traces[\\/]sankey[\\/]constants\.js$/,
    from: /duration:\s*500\b/,
    to: 'duration: 0',
  },
  {
    // Even at duration 0, a d3 transition applies its values a frame later
    // (d3's timer, in the next animation frame): the flow chart's new shape
    // would be drawn after its redraw ends, in the frame that shows it (0.6 to
    // 1.8 ms there, measured in a Chromium trace). The page's build sets the
    // sankey's positions, sizes and opacities at once, in the redraw.
    file: /traces[\\/]sankey[\\/]render\.js$/,
    from: /\.transition\(\)\s*\.ease\(c\.ease\)\.duration\(c\.duration\)/,
    to: '',
    count: 7,
  },
  {
    // A value axis hides tick labels that would stick out of the chart's box
    // ("hide past div"), which measures every label on every redraw (a layout
    // of plotly.js's off-screen tester each time: a third of an axis's
    // drawing). The page's charts have fixed margins that fit their labels, so
    // the page's build lets labels be ("allow", plotly.js's default for
    // category axes already).
    file: /plots[\\/]cartesian[\\/]axis_defaults\.js$/,
    from: /'allow' :\s*'hide past div'/,
    to: "'allow' : 'allow'",
  },
  {
    // Every redraw reads the chart box's height and width to note a box of
    // size 0, which only matters to a chart that sizes itself; reading them
    // makes the browser lay out the page first. The page gives each chart its
    // size, so the page's build reads them only for a chart without one.
    file: /plot_api[\\/]plot_api\.js$/,
    from: /context\._hasZeroHeight \|\| gd\.clientHeight === 0;\s*context\._hasZeroWidth = context\._hasZeroWidth \|\| gd\.clientWidth === 0;/,
    to: [
      'context._hasZeroHeight || !(gd.layout && gd.layout.height) && gd.clientHeight === 0;',
      '    context._hasZeroWidth = context._hasZeroWidth || !(gd.layout && gd.layout.width) && gd.clientWidth === 0;',
    ].join('\n'),
  },
  {
    // Every redraw lists each trace's array attributes by walking its whole
    // attribute schema (hundreds of entries a trace, about 4 ms of a settled
    // input's four redraws under the profiler). The list only serves the
    // data of plotly.js's hover and click events, which the page does not
    // read, and transforms, which the page's build does not include. The page's
    // build makes it when it is first read (a property that is not
    // enumerable, so that plotly.js's copying of private keys from the last
    // redraw's traces does not read it): the hover label shows the same text,
    // and no redraw walks the schema.
    file: /plots[\\/]plots\.js$/,
    from: /trace\._arrayAttrs = PlotSchema\.findArrayAttributes\(trace\);/,
    to: [
      "Object.defineProperty(trace, '_arrayAttrs', {",
      '          configurable: true,',
      '          get: function() {',
      '            var v = PlotSchema.findArrayAttributes(this);',
      "            Object.defineProperty(this, '_arrayAttrs', { value: v, writable: true, configurable: true });",
      '            return v;',
      '          },',
      '          set: function(v) {',
      "            Object.defineProperty(this, '_arrayAttrs', { value: v, writable: true, configurable: true });",
      '          }',
      '        });',
    ].join('\n'),
  },
  {
    // A redraw first removed every tick, tick label, grid line, zero line and
    // axis title, then drew them all anew: 185 nodes put back into the four
    // charts on each settled input, each label made and laid out again. The
    // axes' drawing updates what it finds (its data joins are keyed by a
    // tick's text, value and font, and it moves every label, tick and line it
    // keeps), as plotly.js's own pan and zoom redraw them; the page's build
    // keeps them, and 52 nodes are added a settled input. The charts are the
    // same to the pixel (`scripts/chart-pixels.mjs`).
    file: /plots[\\/]cartesian[\\/]axes\.js$/,
    from: /if\(arg === 'redraw'\) \{\n        fullLayout\._paper\.selectAll\('g\.subplot'\)/,
    to: "if(arg === 'redraw' && false) {\n        fullLayout._paper.selectAll('g.subplot')",
  },
  {
    // d3 writes an attribute whether or not it changed: a settled input's
    // redraws wrote 443 of the charts' attributes with the value they already
    // had (a line's path, a label's position), and the browser's next frame
    // took each such element as changed. The page's build of plotly.js's d3
    // writes an attribute only when its value differs: 33 such writes remain
    // (DOM mutation records with their old values), the charts are the same to
    // the pixel (`scripts/chart-pixels.mjs`).
    file: /@plotly[\\/]d3[\\/]d3\.js$/,
    from: /function attrConstant\(\) \{\n      this\.setAttribute\(name, value\);\n    \}/,
    to: [
      'function attrConstant() {',
      "      var v = value + '';",
      '      if (this.getAttribute(name) !== v) this.setAttribute(name, v);',
      '    }',
    ].join('\n'),
  },
  {
    // The same, for an attribute whose value a function gives.
    file: /@plotly[\\/]d3[\\/]d3\.js$/,
    from: /if \(x == null\) this\.removeAttribute\(name\); else this\.setAttribute\(name, x\);/,
    to: "if (x == null) this.removeAttribute(name); else { x += ''; if (this.getAttribute(name) !== x) this.setAttribute(name, x); }",
  },
];

const patched = {
  name: 'page-patches',
  setup(b) {
    // One loader a file, applying each of its patches in turn (esbuild takes
    // the first loader that answers for a file, so a second would be skipped).
    const files = new Map();
    for (const p of PATCHES) files.set(p.file.source, [...(files.get(p.file.source) ?? []), p]);
    for (const patches of files.values()) {
      b.onLoad({ filter: patches[0].file }, (args) => {
        let src = readFileSync(args.path, 'utf8');
        for (const { from, to, count = 1 } of patches) {
          const hits = src.match(new RegExp(from.source, 'g')) ?? [];
          if (hits.length !== count) throw new Error(`bundle-plotly: ${from} found ${hits.length} times in ${args.path}, expected ${count}`);
          src = src.replace(new RegExp(from.source, 'g'), to);
        }
        return { contents: src, loader: 'js' };
      });
    }
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, '.tools', 'plotly-entry.js');
const out = join(root, 'public', 'vendor', 'plotly.min.js');
mkdirSync(dirname(entry), { recursive: true });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  entry,
  [
    "var Plotly = require('plotly.js/lib/core');",
    "Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/sankey')]);",
    'window.Plotly = Plotly;',
    '',
  ].join('\n'),
);
await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  minify: true,
  legalComments: 'none',
  format: 'iife',
  target: 'es2019',
  nodePaths: [join(root, 'node_modules')],
  define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  logLevel: 'warning',
  plugins: [patched],
});
console.log(`plotly bundle: ${out} (${statSync(out).size} bytes)`);
