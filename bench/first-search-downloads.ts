import type { Page, Response } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { median } from "./measure.ts";
import { startHostLikeServer } from "./host-like-server.ts";
import { startStaticServer } from "../src/publish/static-server.ts";
import { SEARCH_INDEX_DIR } from "../src/search/search-index.ts";

/** A mobile network as Chromium emulates it (DevTools protocol, Network.emulateNetworkConditions): added to every request. */
export interface NetworkProfile {
  readonly name: string;
  readonly latencyMs: number;
  readonly downloadMbps: number;
  readonly uploadMbps: number;
}

/**
 * The profiles the first search is timed on: 4G as DevTools' "Fast 4G"
 * preset names it (9 Mbps down, 1.5 Mbps up) with a 150 ms round trip, and
 * the slow 4G Lighthouse throttles mobile pages to.
 */
export const NETWORK_PROFILES: readonly NetworkProfile[] = [
  { name: "4G", latencyMs: 150, downloadMbps: 9, uploadMbps: 1.5 },
  { name: "slow 4G", latencyMs: 150, downloadMbps: 1.6, uploadMbps: 0.75 },
];

export interface FirstSearch {
  readonly query: string;
  /** The search page's status once the first result showed: how many were found. */
  readonly status: string;
  /** Downloaded until the first result showed. */
  readonly bytes: number;
  /** The part of `bytes` that is the search index's: entry, dictionary, postings, fragments. */
  readonly searchBytes: number;
  /** Downloaded until the counts of every filter value showed too, which they do just after. */
  readonly bytesWithCounts: number;
  readonly files: number;
  readonly largest: { readonly name: string; readonly bytes: number };
  /** From the start of the page's navigation to the first result shown, median of the runs, on each profile (by name). */
  readonly firstResultMs: Readonly<Record<string, number>>;
  /** The requests of the last run on each profile (by name), as the page's Resource Timing saw them, when asked for. */
  readonly waterfalls: Readonly<Record<string, readonly Fetched[]>>;
}

/** One request of a page as Resource Timing saw it, in ms from the start of the navigation. */
export interface Fetched {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
}

/** What the page fetched until its first result showed (the page itself first), and when. */
function waterfallOf(page: Page): Promise<Fetched[]> {
  return page.evaluate(() => {
    const shown = Number(Reflect.get(window, "firstResultAt"));
    const navigation = performance.getEntriesByType("navigation")[0];
    const entries = [...(navigation === undefined ? [] : [navigation]), ...performance.getEntriesByType("resource")].filter(
      (entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming,
    );
    return entries
      .filter((entry) => entry.startTime <= shown)
      .map((entry) => ({
        name: new URL(entry.name).pathname.split("/").slice(-2).join("/"),
        startMs: entry.startTime,
        endMs: entry.responseEnd,
        bytes: entry.encodedBodySize,
      }))
      .concat([{ name: "(first result shown)", startMs: shown, endMs: shown, bytes: 0 }]);
  });
}

const isSearchFile = (url: string): boolean => new URL(url).pathname.includes(`/${SEARCH_INDEX_DIR}/`);

export interface MeasureOptions {
  /** Timed runs on each network profile (3). */
  readonly runs?: number;
  /** Keep each profile's last run's requests (FirstSearch.waterfalls). */
  readonly waterfall?: boolean;
  /** Served as hosts serve (bench/host-like-server.ts: HTTP/2, text gzip-compressed) rather than by the project's static server (HTTP/1.1, nothing compressed). */
  readonly hostLike?: boolean;
}

/**
 * Opens the search page for a query in `page`, timed inside the page from
 * the start of its navigation to the first result in the list; the time.
 */
export async function openSearch(page: Page, url: string): Promise<number> {
  await page.addInitScript(() => {
    new MutationObserver((_changes, observer) => {
      if (document.querySelector("#search-results li") === null) return;
      Reflect.set(window, "firstResultAt", performance.now());
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(
    () => Reflect.get(window, "firstResultAt") !== undefined || /^No articles/.test(document.querySelector("#search-status")?.textContent ?? ""),
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => Number(Reflect.get(window, "firstResultAt") ?? Number.NaN));
}

/**
 * Serves a built site and, in headless Chromium, opens its search page with
 * each query as a reader arriving for the first time would: what the browser
 * downloaded until the first result was shown, and until the filters' counts
 * were; then, `runs` times on each network profile, how long the first
 * result took.
 */
export async function measureFirstSearches(
  siteDir: string,
  basePath: string,
  queries: readonly string[],
  options: MeasureOptions = {},
): Promise<FirstSearch[]> {
  const { runs = 3, waterfall = false, hostLike = false } = options;
  const { server, url: origin } = await startStaticServer({ root: siteDir, basePath, port: 0 });
  const front = hostLike ? await startHostLikeServer(origin) : undefined;
  const url = front?.url ?? origin;
  const browser = await launchChromium();
  // The host-like front's certificate is self-signed.
  const contextOptions = { serviceWorkers: "block", ignoreHTTPSErrors: true } as const;
  const measured: FirstSearch[] = [];
  try {
    for (const query of queries) {
      const address = `${url}search/?q=${encodeURIComponent(query)}`;
      // No service worker: it would download the offline shell, which is not the search's cost.
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      const responses: Promise<{ readonly url: string; readonly bytes: number; readonly askedAt: number }>[] = [];
      page.on("response", (response: Response) => {
        // As received: compressed, when the server compressed it.
        const askedAt = response.request().timing().startTime;
        responses.push(
          response
            .request()
            .sizes()
            .then(
              (sizes) => ({ url: response.url(), bytes: sizes.responseBodySize, askedAt }),
              () => ({ url: response.url(), bytes: 0, askedAt }),
            ),
        );
      });
      const shownAfter = await openSearch(page, address);
      const shownAt = await page.evaluate((after) => performance.timeOrigin + after, shownAfter);
      // What was asked for before the first result showed: unthrottled, the filters' counts, asked for once the results
      // are shown, could otherwise arrive before this harness sees the first result and be counted with it.
      // A search that finds nothing shows no result: everything it asked for counts.
      const files = (await Promise.all(responses)).filter((file) => Number.isNaN(shownAt) || file.askedAt <= shownAt);
      const status = (await page.locator("#search-status").textContent()) ?? "";
      await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector("#search-category option:not([value=''])")?.textContent ?? ""), null, {
        timeout: 120_000,
      });
      const withCounts = await Promise.all(responses);
      await context.close();
      const firstResultMs: Record<string, number> = {};
      const waterfalls: Record<string, Fetched[]> = {};
      for (const profile of NETWORK_PROFILES) {
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          const throttled = await browser.newContext(contextOptions);
          const cdp = await throttled.newCDPSession(await throttled.newPage());
          await cdp.send("Network.enable");
          const bytesPerSecond = (mbps: number): number => (mbps * 1_000_000) / 8;
          await cdp.send("Network.emulateNetworkConditions", {
            offline: false,
            latency: profile.latencyMs,
            downloadThroughput: bytesPerSecond(profile.downloadMbps),
            uploadThroughput: bytesPerSecond(profile.uploadMbps),
          });
          const [timed] = throttled.pages();
          if (timed === undefined) throw new Error("the throttled page is gone");
          times.push(await openSearch(timed, address));
          if (waterfall) waterfalls[profile.name] = await waterfallOf(timed);
          await throttled.close();
        }
        firstResultMs[profile.name] = median(times);
      }
      const largest = files.reduce((big, file) => (file.bytes > big.bytes ? file : big), { url, bytes: 0 });
      measured.push({
        query,
        status,
        bytes: files.reduce((sum, file) => sum + file.bytes, 0),
        searchBytes: files.filter((file) => isSearchFile(file.url)).reduce((sum, file) => sum + file.bytes, 0),
        bytesWithCounts: withCounts.reduce((sum, file) => sum + file.bytes, 0),
        files: files.length,
        largest: {
          name:
            new URL(largest.url).pathname
              .split("/")
              .filter((part) => part !== "")
              .pop() ?? "/",
          bytes: largest.bytes,
        },
        firstResultMs,
        waterfalls,
      });
    }
  } finally {
    await browser.close();
    front?.server.close();
    server.close();
  }
  return measured;
}

/** Each search's requests on each profile, one line a request: when it started and ended, and its size. */
export function waterfallText(measured: readonly FirstSearch[]): string {
  const lines: string[] = [];
  for (const search of measured) {
    for (const [profile, fetched] of Object.entries(search.waterfalls)) {
      lines.push("", `${search.query}, ${profile} (ms from the start of the navigation):`);
      for (const request of fetched)
        lines.push(
          `  ${request.startMs.toFixed(0).padStart(5)} → ${request.endMs.toFixed(0).padStart(5)}  ${(request.bytes / 1000).toFixed(1).padStart(6)} KB  ${request.name}`,
        );
    }
  }
  return lines.join("\n");
}

/** The measurements as a Markdown table, and the network profiles' figures. */
export function firstSearchTable(measured: readonly FirstSearch[]): string {
  const kilobytes = (bytes: number): string => `${(bytes / 1000).toFixed(0)} KB`;
  const rows = measured.map(
    (search) =>
      `| ${search.query} | ${search.status} | ${kilobytes(search.bytes)} | ${kilobytes(search.searchBytes)} | ${kilobytes(search.bytesWithCounts)} | ${search.files} | ${search.largest.name} (${kilobytes(search.largest.bytes)}) | ${NETWORK_PROFILES.map((profile) => `${((search.firstResultMs[profile.name] ?? Number.NaN) / 1000).toFixed(2)} s`).join(" | ")} |`,
  );
  const profiles = NETWORK_PROFILES.map(
    (profile) => `${profile.name}: ${profile.latencyMs} ms round trip, ${profile.downloadMbps} Mbps down, ${profile.uploadMbps} Mbps up`,
  ).join("; ");
  return [
    `| query | results | downloaded until the first result | of which the search index | with the filters' counts | files | largest file | ${NETWORK_PROFILES.map((profile) => `first result, ${profile.name}`).join(" | ")} |`,
    `| --- | --- | --- | --- | --- | --- | --- | ${NETWORK_PROFILES.map(() => "---").join(" | ")} |`,
    ...rows,
    "",
    `Network profiles (Chromium's emulation, from the start of the navigation, medians): ${profiles}. Sizes as received.`,
  ].join("\n");
}
