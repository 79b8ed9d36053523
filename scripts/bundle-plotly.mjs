// Builds public/vendor/plotly.min.js: plotly.js core (scatter) plus only the trace
// types the page draws (bar, sankey), reproducibly from the npm packages pinned in
// package-lock.json. The site serves this file itself; nothing comes from a CDN.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// plotly.js animates every sankey redraw for 500 ms (d3 transitions, a
// restyle of the diagram each animation frame); the page redraws the flow
// chart whenever the scenario settles, so those frames would compete with the
// next slider move. The page's build draws the new flows at once.
const sankeyStill = {
  name: 'sankey-still',
  setup(b) {
    b.onLoad({ filter: /traces[\\/]sankey[\\/]constants\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const contents = src.replace(/duration:\s*500\b/, 'duration: 0');
      if (contents === src) throw new Error(`bundle-plotly: no 500 ms duration in ${args.path}`);
      return { contents, loader: 'js' };
    });
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
  plugins: [sankeyStill],
});
console.log(`plotly bundle: ${out} (${statSync(out).size} bytes)`);
