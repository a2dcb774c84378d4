// Mes apps' service worker: keeps one build's files so that a later visit starts with no
// network at all, deep links and the pages kept out of the first load included.
// scripts/assemble.mjs writes the build's name and its files in (relative to this file,
// which sits at the app's root, so that hosting under a sub-path works as it is).
//   - install: every file of this build is fetched into a cache named after it;
//   - activate: it takes over at once; the caches of builds older than the previous one go
//     (a page still open on the previous build keeps finding its chunks);
//   - fetch: a navigation under the app's root gets the kept page, a kept file is served
//     from the cache, anything else goes to the network as usual.
// A new deployment has a new build name, so this file changes and the browser installs it
// at the next visit; each page's files all come from its own build's folder.
const BUILD = '__BUILD__';
const FILES = [/* __FILES__ */];
const PREFIX = 'mes-apps-';
const CACHE = PREFIX + BUILD;
const ROOT = new URL('./', self.location.href);
// Which build was current before this one, kept in a cache of its own.
const META = PREFIX + 'builds';
const CURRENT = new URL('.mes-apps-current-build', ROOT).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: from the server, not from an HTTP cache that might hold another build's page.
    await cache.addAll(FILES.map((f) => new Request(new URL(f, ROOT), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const meta = await caches.open(META);
    const last = await meta.match(CURRENT);
    const previous = last ? await last.text() : '';
    const keep = new Set([CACHE, META, previous === BUILD ? '' : PREFIX + previous]);
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && !keep.has(key)) await caches.delete(key);
    }
    await self.clients.claim();
    // Last: which build is current, once it serves every page of the app.
    await meta.put(CURRENT, new Response(BUILD));
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fromCache(new URL('./', ROOT), request, CACHE));
  } else {
    event.respondWith(fromCache(url, request));
  }
});

/** The kept copy of `url` (in `cacheName`, or in any cache), else the network. */
async function fromCache(url, request, cacheName) {
  const kept = cacheName
    ? await (await caches.open(cacheName)).match(url.href)
    : await caches.match(url.href);
  return kept ?? fetch(request);
}
