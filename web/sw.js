// Offline copy of the page: after the first visit the page, the engine, the rules and the
// region list come from this cache, so village cadres can use it with no signal.
// Within one version no file changes, so a cached file is served as it is, with no request; a
// new deploy is a new sw.js (the browser's own update check finds it) with a new cache, used
// once no tab runs the old version.
const VERSION = 'carecheck-v1'; // tools/build.sh replaces v1 with a hash of the site: each deploy refreshes the cache

// [path, "sha256-…"] for every file of the site: tools/bundle-site.mjs writes the list here.
const PRECACHE = [];

/**
 * One file for the cache, checked against the hash the build recorded. The page registers this
 * worker once the engine is up, and on the family step only once the first question is on
 * screen (js/app.js), so little here competes with it: what the page already downloaded comes from the browser's HTTP cache with no request
 * (force-cache), and a copy left there by an older deploy fails the hash and is fetched again.
 */
async function fetchChecked([url, integrity]) {
  try {
    return await fetch(url, { cache: 'force-cache', integrity, priority: 'low' });
  } catch {
    return fetch(url, { cache: 'reload', integrity, priority: 'low' });
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    await Promise.all(PRECACHE.map(async (entry) => {
      const response = await fetchChecked(entry);
      if (!response.ok) throw new Error(`${entry[0]} → HTTP ${response.status}`);
      await cache.put(entry[0], response);
    }));
    // The page's own address ('./') opens the same page, with no second download.
    const page = await cache.match('index.html');
    if (page) await cache.put('./', page);
    // No skipWaiting: a page already open keeps the version it started with (its chunks and
    // rule files are named in that version) until its tabs close; a new one starts on the new.
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name !== VERSION).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(VERSION);
    // ?region=…&lang=… presets still open the cached page.
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    return cached || fetch(request);
  })());
});
