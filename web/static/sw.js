// The service worker of the recording form (docs/web.md, "Recording offline"), served at /sw.js.
// It answers only for /record and the fingerprinted files under /static/: the form from the
// network when there is one (keeping a copy), else from that copy; a static file from the cache
// first, since its name changes whenever its content does. Reports themselves never pass through
// here: record.js keeps them in IndexedDB and sends them itself.
const CACHE = 'parscore-record';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/static/')) {
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const kept = await cache.match(request);
      if (kept) return kept;
      const answer = await fetch(request);
      if (answer.ok) await cache.put(request, answer.clone());
      return answer;
    }));
  } else if (url.pathname === '/record') {
    event.respondWith(fetch(request).then(async (answer) => {
      // A redirect (to sign in) or an error is not the form: the copy stays as it was.
      if (answer.ok && !answer.redirected) await (await caches.open(CACHE)).put(request.url, answer.clone());
      return answer;
    }).catch(async () => {
      const cache = await caches.open(CACHE);
      // The copy was kept by a fetch() of the page, whose headers differ from a navigation's.
      return (await cache.match(request.url, { ignoreVary: true })) ??
        (await cache.match(request.url, { ignoreSearch: true, ignoreVary: true })) ?? Response.error();
    }));
  }
});
