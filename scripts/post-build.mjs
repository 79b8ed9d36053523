// Trunk post-build hook (one hook, so the two edits of index.html never race):
// defers plotly.js until a chart shows (lazy-plotly.mjs), then adds the
// Content-Security-Policy (csp.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deferPlotly } from './lazy-plotly.mjs';
import { addCsp } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build.mjs: no TRUNK_STAGING_DIR (run as a Trunk post_build hook or pass the folder)');
  process.exit(2);
}
const file = join(dir, 'index.html');
try {
  const { html, hashes } = addCsp(deferPlotly(readFileSync(file, 'utf8')));
  writeFileSync(file, html);
  console.log(`post-build.mjs: plotly.js deferred; policy with ${hashes} inline script hash(es)`);
} catch (e) {
  console.error(`post-build.mjs: ${e.message}`);
  process.exit(1);
}
