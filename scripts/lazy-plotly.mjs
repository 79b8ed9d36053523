// Turns the page's plotly.js <script> (hashed and given an integrity value by
// Trunk) into <meta name="plotly-src" content="…" data-integrity="…">: the page
// (src/plotly_js.rs) fetches the library, most of its weight, only when a chart
// first comes near the screen. The service worker still finds the address in
// the page and caches it for offline use.

/** Returns `html` with the plotly.js script deferred; throws when there is none. */
export function deferPlotly(html) {
  let found = 0;
  const out = html.replace(/<script\b([^>]*\bsrc="([^"]*\/plotly[^"]*\.js)"[^>]*)><\/script>/g, (_, attrs, src) => {
    found += 1;
    const integrity = attrs.match(/\bintegrity="([^"]*)"/)?.[1];
    return `<meta name="plotly-src" content="${src}"${integrity ? ` data-integrity="${integrity}"` : ''} />`;
  });
  if (found !== 1) throw new Error(`lazy-plotly: expected one plotly.js script in the page, found ${found}`);
  return out;
}
