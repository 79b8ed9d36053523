// Registers the offline service worker (same folder as the page, so the site
// works under any sub-path). Without service-worker support the page still works.
// It registers once the app has started (Trunk's loader fires
// `TrunkApplicationStarted` after the WebAssembly is running): the worker's
// offline copy then takes the page's own files from the HTTP cache instead of
// fetching them a second time while the page is still loading them.
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
  window.addEventListener('TrunkApplicationStarted', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }, { once: true });
}
