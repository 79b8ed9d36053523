// Offline support. The page (index.html) is fetched network-first, so a new
// deployment replaces the cached one as soon as the network answers; every asset
// it references (hashed file names) is cached, and assets no longer referenced
// are dropped. With no network, the cached page and assets are served.
const CACHE = 'changji-water';
const INDEX = new URL('./', self.registration.scope).href;
const ASSET = /["']([^"'\s]+\.(?:js|wasm|css|svg|png|json|webmanifest))["']/g;

function assetsOf(html) {
  const urls = new Set();
  for (const m of html.matchAll(ASSET)) {
    const u = new URL(m[1], INDEX);
    if (u.origin === self.location.origin) urls.add(u.href);
  }
  return urls;
}

// Caches the page and its assets; drops what the page no longer uses.
async function refresh(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  await cache.put(INDEX, response.clone());
  const wanted = assetsOf(html);
  for (const url of wanted) {
    if (!(await cache.match(url))) {
      try {
        // Hashed names never change content: the copy the page just loaded (the
        // HTTP cache) serves, and only what the page has not fetched yet (plotly.js
        // before a chart showed) comes over the network.
        const r = await fetch(url);
        if (r.ok) await cache.put(url, r);
      } catch (_) { /* offline: try again next visit */ }
    }
  }
  for (const req of await cache.keys()) {
    if (req.url !== INDEX && !wanted.has(req.url)) await cache.delete(req);
  }
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(
    fetch(INDEX, { cache: 'no-cache' }).then((r) => (r.ok ? refresh(r) : undefined)).catch(() => undefined),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req, { cache: 'no-cache' })
        .then((r) => {
          if (r.ok) event.waitUntil(refresh(r.clone()));
          return r;
        })
        .catch(async () => (await caches.match(INDEX)) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { ignoreSearch: true }).then(
      (hit) =>
        hit ??
        fetch(req).then(async (r) => {
          if (r.ok && url.pathname.endsWith('/sw.js') === false) {
            const cache = await caches.open(CACHE);
            await cache.put(req, r.clone());
          }
          return r;
        }),
    ),
  );
});
