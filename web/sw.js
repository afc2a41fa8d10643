// Offline copy of the page: after the first visit the page, the engine, the rules and the
// region list come from this cache, so village cadres can use it with no signal.
// Bump VERSION when the shell's file list changes; content updates arrive on the next visit
// anyway (stale-while-revalidate).
const VERSION = 'carecheck-v1'; // tools/build.sh replaces v1 with a hash of the site: each deploy refreshes the cache

const SHELL = [
  './', 'index.html', 'manifest.webmanifest', 'icon.svg',
  'css/app.css', 'css/print.css',
  'js/app.js', 'js/calculator.js', 'js/i18n.js', 'js/dom.js', 'js/state.js', 'js/engine.js', 'js/engine-core.js',
  'js/engine-worker.js', 'js/regions.js',
  'js/region-picker.js', 'js/region-view.js', 'js/people.js', 'js/family-view.js', 'js/member-own.js',
  'js/answers.js', 'js/answer-inputs.js', 'js/question-view.js', 'js/program-card.js',
  'js/results-extras.js', 'js/results-view.js', 'js/result-summary.js',
  'js/cadre-mode.js', 'js/roster-store.js', 'js/roster-file.js', 'js/roster-view.js', 'js/roster-files-view.js', 'js/roster-scan-view.js',
  'js/household-view.js', 'js/household-changed-view.js', 'js/confirm-action.js', 'js/brief-words.js',
  // issue 11, the question screen: coverage up front, the back button, the results' two buttons
  'js/coverage-view.js', 'js/step-history.js', 'js/results-actions.js',
  // issue 12: 长辈版, 读给我听, the QR handover and its encoder (loaded only when asked for)
  'js/elder.js', 'js/spoken.js', 'js/read-aloud.js', 'js/handover.js', 'js/handover-view.js', 'vendor/qrcode-generator.mjs',
  // The portal's iframe (embed.html) is in this scope: it works offline too.
  'embed.html', 'js/embed.js', 'widget.js',
  'carecheck.js', 'carecheck.wasm', 'data/regions.json', 'data/regions-en.json', 'rules/index.json',
];

/** The rule files named by rules/index.json (paths relative to the site root). */
async function ruleFiles() {
  const response = await fetch('rules/index.json', { cache: 'no-cache' });
  const index = await response.json();
  const names = Array.isArray(index) ? index : index.files || [];
  return names.map((entry) => (typeof entry === 'string' ? entry : entry.name))
    .map((name) => (name.startsWith('rules/') ? name : `rules/${name}`));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    await cache.addAll([...SHELL, ...await ruleFiles()]);
    await self.skipWaiting();
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
    const fresh = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (cached) {
      fresh.catch(() => {}); // offline: the cached copy is all there is
      event.waitUntil(fresh.then(() => {}, () => {}));
      return cached;
    }
    return fresh;
  })());
});
