// Trunk post-build hook: adds a strict Content-Security-Policy to index.html.
// Scripts: only this origin, plus the inline loader Trunk writes, allowed by its
// SHA-256 hash; WebAssembly compilation ('wasm-unsafe-eval'), but no eval.
// Styles allow inline attributes (Leptos and plotly.js set element styles).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp.mjs: no TRUNK_STAGING_DIR (run as a Trunk post_build hook or pass the folder)');
  process.exit(2);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) {
  console.error('csp.mjs: could not place the policy (no <meta charset>)');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp.mjs: policy with ${hashes.length} inline script hash(es)`);
