// Puts the page's icon (a small SVG) into index.html as a data: address. The
// browser asks for a page's icon again on each change of its address, and the
// page rewrites its address as the scenario changes: inline, no request is
// made at all. The policy (csp.mjs) allows data: images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns `html` with its `<link rel="icon" href="….svg">` inlined from `dir`; throws when there is none. */
export function inlineIcon(html, dir) {
  let found = 0;
  const out = html.replace(/<link rel="icon" href="([^"]*\.svg)"[^>]*\/?>/g, (_, href) => {
    found += 1;
    const svg = readFileSync(join(dir, href.split('/').pop()), 'utf8').trim();
    return `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(svg)}" />`;
  });
  if (found !== 1) throw new Error(`inline-icon: expected one SVG icon link, found ${found}`);
  return out;
}
