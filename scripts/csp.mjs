// A strict Content-Security-Policy for index.html. Scripts: only this origin,
// plus the inline loader Trunk writes, allowed by its SHA-256 hash; WebAssembly
// compilation ('wasm-unsafe-eval'), but no eval. Styles allow inline attributes
// (Leptos and plotly.js set element styles).
import { createHash } from 'node:crypto';

/** Returns `html` with its policy in a <meta> after <meta charset>; throws when it cannot place it. */
export function addCsp(html) {
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
  const out = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  if (!out.includes('Content-Security-Policy')) throw new Error('csp: could not place the policy (no <meta charset>)');
  return { html: out, hashes: hashes.length };
}
