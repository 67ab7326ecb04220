import type { Response } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { startStaticServer } from "../src/publish/static-server.ts";
import { megabytes } from "../src/pipeline/report.ts";
import { SEARCH_BUNDLE_DIR } from "../src/search/search-index.ts";

export interface FirstSearch {
  readonly query: string;
  /** The search page's status once the first result showed: how many were found. */
  readonly status: string;
  readonly bytes: number;
  /** The part of `bytes` that is Pagefind's: its code, WebAssembly, index and fragments. */
  readonly searchBytes: number;
  readonly files: number;
  readonly largest: { readonly name: string; readonly bytes: number };
}

/** Every period's bundle is inside the newest one's folder. */
const isSearchFile = (url: string): boolean => new URL(url).pathname.includes(`/${SEARCH_BUNDLE_DIR}/`);

/**
 * Serves a built site and, in headless Chromium, opens its search page with
 * each query as a reader arriving for the first time would (empty cache, no
 * service worker yet): what the browser downloaded until the first result
 * was shown.
 */
export async function measureFirstSearches(siteDir: string, basePath: string, queries: readonly string[]): Promise<FirstSearch[]> {
  const { server, url } = await startStaticServer({ root: siteDir, basePath, port: 0 });
  const browser = await launchChromium();
  const measured: FirstSearch[] = [];
  try {
    for (const query of queries) {
      // No service worker: it would download the offline shell in the background, which is not the search's cost.
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      const responses: Promise<{ readonly url: string; readonly bytes: number }>[] = [];
      const record = (response: Response): void => {
        responses.push(response.body().then((body) => ({ url: response.url(), bytes: body.length }), () => ({ url: response.url(), bytes: 0 })));
      };
      page.on("response", record);
      await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => document.querySelector("#search-results li") !== null || /^No articles/.test(document.querySelector("#search-status")?.textContent ?? ""), null, { timeout: 120_000 });
      page.off("response", record);
      const files = await Promise.all(responses);
      const largest = files.reduce((big, file) => (file.bytes > big.bytes ? file : big), { url: url, bytes: 0 });
      measured.push({
        query,
        status: (await page.locator("#search-status").textContent()) ?? "",
        bytes: files.reduce((sum, file) => sum + file.bytes, 0),
        searchBytes: files.filter((file) => isSearchFile(file.url)).reduce((sum, file) => sum + file.bytes, 0),
        files: files.length,
        largest: { name: new URL(largest.url).pathname.split("/").pop() ?? "", bytes: largest.bytes },
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return measured;
}

/** The measurements as a Markdown table. */
export function firstSearchTable(measured: readonly FirstSearch[]): string {
  const rows = measured.map((search) => `| ${search.query} | ${search.status} | ${megabytes(search.bytes)} | ${megabytes(search.searchBytes)} | ${search.files} | ${search.largest.name} (${megabytes(search.largest.bytes)}) |`);
  return ["| query | results | downloaded until the first result | of which Pagefind | files | largest file |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
