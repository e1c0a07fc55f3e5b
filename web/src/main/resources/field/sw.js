// The engineer's app's service worker (scope /field/): the app shell and its bundle are kept on the phone, so the
// app opens with no signal. Data never goes through here: the app keeps its own (IndexedDB) and calls the API itself.
const CACHE = 'otasuke-field-v1';
const SHELL = '/field/';

async function keepShell(response) {
  const cache = await caches.open(CACHE);
  await cache.put(SHELL, response.clone());
  const html = await response.text();
  for (const match of html.matchAll(/(?:src|href)="(\/(?:static|favicon|field-icon)[^"]*)"/g)) {
    try {
      await cache.add(match[1]);
    } catch (e) {
      // a file that cannot be fetched now is fetched, and kept, when the page asks for it
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await fetch(SHELL, { credentials: 'same-origin', redirect: 'manual' });
    if (shell.ok) await keepShell(shell);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (event.request.mode === 'navigate' && url.pathname.startsWith('/field')) {
    // the network first (a new version, or Keycloak's page when the session ended); the kept shell without one
    event.respondWith(fetch(event.request).then((response) => {
      if (response.ok && !response.redirected && response.type === 'basic') keepShell(response.clone());
      return response;
    }).catch(() => caches.match(SHELL)));
    return;
  }
  if (url.pathname.startsWith('/static/') || url.pathname === '/favicon.svg' || url.pathname === '/field-icon.svg') {
    // bundle files carry their hash in the name: what is kept never goes stale
    event.respondWith(caches.match(event.request).then((kept) => kept || fetch(event.request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    })));
  }
});
