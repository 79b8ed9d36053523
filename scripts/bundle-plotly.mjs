// Builds public/vendor/plotly.min.js: plotly.js core (scatter) plus only the trace
// types the page draws (bar, sankey), reproducibly from the npm packages pinned in
// package-lock.json. The site serves this file itself; nothing comes from a CDN.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
});
console.log(`plotly bundle: ${out} (${statSync(out).size} bytes)`);
