// The service worker of a hosted site: it keeps the site's shell, the pages
// a reader opens and the search bundle, so the archive can be read and
// searched with the network gone. Workbox does the caching; the build
// prepends `newsArchiveOffline`, the plan of this build, to this script, so
// every build that changes the site changes the worker, and its caches are
// named by the build's version and replace the previous build's.
import { cacheNames, clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import type { OfflinePlan, OfflineStatus } from "../core/offline-types.ts";

declare const self: ServiceWorkerGlobalScope;
declare const newsArchiveOffline: OfflinePlan;

const plan = newsArchiveOffline;
/** Pages (and their images) kept for offline reading, the least recently used dropped first. */
const PAGES_KEPT = 1000;
const pagesCache = `news-archive-pages-${plan.version}`;
const searchCache = `news-archive-search-${plan.version}`;

// Pages are asked of the network first, so a reader online always gets the
// current build; offline, the copy saved when the page was last read.
// A page's query (?q= on the search page, ?highlight= on an article) does not change what is saved.
// A reader of a large archive keeps the latest pages read, and the browser may reclaim them when short of space.
const keptPages = (): ExpirationPlugin => new ExpirationPlugin({ maxEntries: PAGES_KEPT, purgeOnQuotaError: true });
const pages = new NetworkFirst({ cacheName: pagesCache, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true }, plugins: [keptPages()] });
registerRoute(new NavigationRoute(async (options) => (await pages.handle(options)) ?? Response.error()));
// Pagefind's entry file has a fixed name and lists the index's current parts;
// offline, the copy saved on install when no search has saved a later one.
const searchEntryFile = `${plan.searchBundle}/pagefind-entry.json`;
const searchEntry = new NetworkFirst({ cacheName: searchCache, matchOptions: { ignoreSearch: true } });
registerRoute(
  ({ url }) => url.pathname.endsWith(`/${searchEntryFile}`),
  async (options) => {
    try {
      return await searchEntry.handle(options);
    } catch {
      return (await matchPrecache(searchEntryFile)) ?? Response.error();
    }
  },
);

// The shell, and the whole search index when it fits the budget, are saved on install.
precacheAndRoute(plan.precache.map(([url, revision]) => ({ url, revision })));
cleanupOutdatedCaches();

// Other parts of the index have names that change with their content: saved as searches use them.
registerRoute(
  ({ url }) => url.pathname.includes(`/${plan.searchBundle}/`),
  new CacheFirst({ cacheName: searchCache, plugins: [new ExpirationPlugin({ purgeOnQuotaError: true })] }),
);
// Images and other files of the pages read.
registerRoute(({ url, request }) => url.origin === self.location.origin && request.method === "GET", new NetworkFirst({ cacheName: pagesCache, plugins: [keptPages()] }));

// Offline, a page never opened (and not in the shell) gets the page saying so; the shell's pages come from the install.
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== "navigate") return Response.error();
  return (await matchPrecache(`${url.origin}${url.pathname}`)) ?? (await matchPrecache(plan.offlinePage)) ?? Response.error();
});

self.addEventListener("install", () => void self.skipWaiting());
clientsClaim();

// A new build's worker replaces what earlier builds saved: the pages a reader
// kept are fetched again from this build (up to a limit; one that cannot be
// fetched is dropped rather than kept stale), then the old caches are deleted.
const PAGES_KEPT_ACROSS_BUILDS = 200;
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([pagesCache, searchCache, cacheNames.precache, cacheNames.runtime]);
      const outdated = (await caches.keys()).filter((name) => name.startsWith("news-archive-") && !current.has(name));
      const fresh = await caches.open(pagesCache);
      for (const name of outdated.filter((candidate) => candidate.startsWith("news-archive-pages-"))) {
        const kept = (await (await caches.open(name)).keys()).slice(-PAGES_KEPT_ACROSS_BUILDS);
        await Promise.all(kept.map((request) => fresh.add(request.url).catch(() => undefined)));
      }
      await Promise.all(outdated.map((name) => caches.delete(name)));
    })(),
  );
});

// The search page asks what it can promise the reader offline.
self.addEventListener("message", (event) => {
  const data: unknown = event.data;
  if (typeof data !== "object" || data === null || !("type" in data) || data.type !== "offline-status") return;
  const status: OfflineStatus = { version: plan.version, wholeSearchIndex: plan.wholeSearchIndex, searchIndexBytes: plan.searchIndexBytes, budgetBytes: plan.budgetBytes };
  event.ports[0]?.postMessage(status);
});
