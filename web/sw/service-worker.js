/* Área Cliente service worker: caches the application shell only (HTML, scripts, styles,
 * icons, manifest) so the app opens fast and installs as a PWA. It never caches API answers or
 * anything else: customers' data must not linger on a shared device.
 * The build (vite.config.ts) fills in the file list and the cache version. */
const SHELL_FILES = __SHELL_FILES__;
const CACHE = "clientarea-shell-" + __CACHE_VERSION__;
const NEVER_CACHED = ["/api/", "/healthz", "/readyz", "/metrics"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("clientarea-shell-") && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_CACHED.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    // Network first so a new release shows at once; the cached shell when offline.
    event.respondWith(fetch(request).catch(() => caches.match("/index.html", { cacheName: CACHE })
      .then((cached) => cached || Response.error())));
    return;
  }
  if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: CACHE })
      .then((cached) => cached || fetch(request)));
  }
});
