// Trunk post-build hook (one hook, so the edits of index.html never race):
// defers plotly.js until a chart shows (lazy-plotly.mjs), puts in the story's
// first scene and the explorer's first screen as static HTML (first-scene.mjs), inlines the icon
// (inline-icon.mjs), then adds the
// Content-Security-Policy (csp.mjs), which hashes the inline scripts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deferPlotly } from './lazy-plotly.mjs';
import { addCsp } from './csp.mjs';
import { addFirstScene } from './first-scene.mjs';
import { inlineIcon } from './inline-icon.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build.mjs: no TRUNK_STAGING_DIR (run as a Trunk post_build hook or pass the folder)');
  process.exit(2);
}
const file = join(dir, 'index.html');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
try {
  const scene = ['first-scene.html', 'first-explorer.html'].map((f) => readFileSync(join(source, 'public', f), 'utf8')).join('\n');
  const page = inlineIcon(addFirstScene(deferPlotly(readFileSync(file, 'utf8')), scene), dir);
  const { html, hashes } = addCsp(page);
  writeFileSync(file, html);
  console.log(`post-build.mjs: plotly.js deferred; first screens in; icon inlined; policy with ${hashes} inline script hash(es)`);
} catch (e) {
  console.error(`post-build.mjs: ${e.message}`);
  process.exit(1);
}
