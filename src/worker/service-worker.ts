// The service worker of a hosted site: it keeps the site's shell, the pages
// a reader opens and the parts of the search index the reader's searches
// load, so they stay readable and searchable with the network gone; nothing
// more unless the reader saves the whole archive (the pages do that, into
// this build's archive cache, which this worker reads from too). Workbox
// does the caching; the build prepends `newsArchiveOffline`, the plan of this
// build, to this script, so every build that changes the site changes the
// worker, and its caches are named by the build's version and replace the
// previous build's.
import { cacheNames, clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { saveArchive } from "../core/archive-save.browser.ts";
import { archiveCacheName, type OfflinePlan, type OfflineStatus } from "../core/offline-types.browser.ts";

declare const self: ServiceWorkerGlobalScope;
declare const newsArchiveOffline: OfflinePlan;

const plan = newsArchiveOffline;
/** Pages (and their images) kept for offline reading, the least recently used dropped first. */
const PAGES_KEPT = 1000;
const pagesCache = `news-archive-pages-${plan.version}`;
const searchCache = `news-archive-search-${plan.version}`;
const archiveCache = archiveCacheName(plan.version);

// Pages are asked of the network first, so a reader online always gets the
// current build; offline, the copy saved when the page was last read.
// A page's query (?q= on the search page, ?highlight= on an article) does not change what is saved.
// A reader of a large archive keeps the latest pages read, and the browser may reclaim them when short of space.
const keptPages = (): ExpirationPlugin => new ExpirationPlugin({ maxEntries: PAGES_KEPT, purgeOnQuotaError: true });
const pages = new NetworkFirst({ cacheName: pagesCache, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true }, plugins: [keptPages()] });
registerRoute(new NavigationRoute(async (options) => (await pages.handle(options)) ?? Response.error()));
// The search index's entry file has a fixed name and lists the index's current parts: the latest one, offline the one saved.
const searchIndexFolder = `/${plan.searchIndex}/`;
registerRoute(({ url }) => url.pathname.endsWith(`/${plan.searchEntry}`), new NetworkFirst({ cacheName: searchCache, matchOptions: { ignoreSearch: true } }));

// The shell is saved on install.
precacheAndRoute(plan.precache.map(([url, revision]) => ({ url, revision })));
cleanupOutdatedCaches();

// The index's other parts are named by their content (fragments by their period's folder): saved as searches load them.
registerRoute(
  ({ url }) => url.pathname.includes(searchIndexFolder),
  new CacheFirst({ cacheName: searchCache, plugins: [new ExpirationPlugin({ purgeOnQuotaError: true })] }),
);
// Images and other files of the pages read.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === "GET",
  new NetworkFirst({ cacheName: pagesCache, plugins: [keptPages()] }),
);

// Offline, what no route had: from the whole archive when the reader saved it; else, for a page, the shell's copy or the page saying it was not saved.
setCatchHandler(async ({ request, url }) => {
  const saved = await (await caches.open(archiveCache)).match(url.href, { ignoreSearch: true });
  if (saved !== undefined) return saved;
  if (request.mode !== "navigate") return Response.error();
  return (await matchPrecache(`${url.origin}${url.pathname}`)) ?? (await matchPrecache(plan.offlinePage)) ?? Response.error();
});

self.addEventListener("install", () => void self.skipWaiting());
clientsClaim();

// A new build's worker replaces what earlier builds saved: the pages a reader
// kept are fetched again from this build (up to a limit; one that cannot be
// fetched is dropped rather than kept stale), then the old caches, a saved
// whole archive among them, are deleted: the pages offer to save it again.
const PAGES_KEPT_ACROSS_BUILDS = 200;
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([pagesCache, searchCache, archiveCache, cacheNames.precache, cacheNames.runtime]);
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

/**
 * Saves an archive of at most `firstVisitBytes` whole into this build's
 * archive cache, once, then tells the pages (whose control then says so).
 * The installer asks for it when the reader's connection is neither metered
 * nor saving data, which the page knows; asked again while saving, it goes on
 * with the same save.
 */
let savingSmallArchive: Promise<void> | undefined;
function saveSmallArchive(): Promise<void> {
  savingSmallArchive ??= saveSmallArchiveOnce().finally(() => (savingSmallArchive = undefined));
  return savingSmallArchive;
}

async function saveSmallArchiveOnce(): Promise<void> {
  if (plan.archiveBytes > plan.firstVisitBytes) return;
  const cache = await caches.open(archiveCache);
  if ((await cache.keys()).length >= plan.archiveFiles) return;
  try {
    await saveArchive({
      list: new URL(plan.archiveList, self.registration.scope),
      version: plan.version,
      cache,
      fetchFile: (url, signal) => fetch(url, { signal, cache: "no-cache" }),
      onProgress: () => undefined,
      signal: new AbortController().signal,
    });
  } catch (cause) {
    // Saved in part: the rest is saved as the reader opens it, or with the control.
    console.warn("The archive could not be saved whole:", cause);
  }
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage({ type: "archive-saved" });
}

// The pages ask what the archive holds and where to save it whole, and the installer to save a small one.
self.addEventListener("message", (event) => {
  const data: unknown = event.data;
  if (typeof data !== "object" || data === null || !("type" in data)) return;
  if (data.type === "save-small-archive") event.waitUntil(saveSmallArchive());
  if (data.type !== "offline-status") return;
  const status: OfflineStatus = {
    version: plan.version,
    archiveList: plan.archiveList,
    archiveFiles: plan.archiveFiles,
    archiveBytes: plan.archiveBytes,
    firstVisitBytes: plan.firstVisitBytes,
    archiveCache,
  };
  event.ports[0]?.postMessage(status);
});
