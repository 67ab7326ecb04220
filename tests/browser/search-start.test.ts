import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { SEARCH_START_FILES } from "../../src/core/search-files.browser.ts";
import { CANTEEN_TITLES, openPage, serveSample } from "../support/browser.ts";

/** The search index's files a page asks for, by their path in the index's folder, in the order asked. */
function indexRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    const at = path.indexOf("/search-index/");
    if (at !== -1) asked.push(path.slice(at + "/search-index/".length));
  });
  return asked;
}

/**
 * Holds the files whose address matches `held` back until the page has asked
 * for a dictionary shard (or for `most` ms): what was asked for meanwhile
 * was asked by the page's first script. Says whether a shard was asked for
 * before the first of them went.
 */
function holdUntilShard(page: Page, held: RegExp, asked: readonly string[], most = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    void page.route(held, async (route) => {
      const started = Date.now();
      while (!asked.some((path) => path.startsWith("d-")) && Date.now() - started < most) await new Promise((wait) => setTimeout(wait, 20));
      resolve(asked.some((path) => path.startsWith("d-")));
      await route.continue();
    });
  });
}

const SEARCH_SCRIPT = /\/assets\/search\.[0-9a-f]+\.js$/;
const ENTRY_FILE = /\/search-index\/entry\.bin$/;

/** Serves the search page with a Content-Security-Policy of `scriptSource`. */
async function withPolicy(page: Page, scriptSource: string): Promise<void> {
  await page.route(/\/search\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": `default-src 'self'; script-src ${scriptSource}` } });
  });
}

/** How many files the page's first script asked for that the search has not taken. */
const leftUntaken = (page: Page): Promise<number> => page.evaluate((global) => (Reflect.get(window, global) as Map<string, unknown>).size, SEARCH_START_FILES);

const canteenTitles = async (page: Page): Promise<Set<string>> => {
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 3);
  return new Set(await page.locator("#search-results h2").allTextContents());
};

describe("the search page's first script", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample("/news/");
  });

  it("asks for the shards of the query in the page's address before the search script has arrived, and each of the index's files once", async () => {
    const { page } = await openPage(siteUrl);
    const asked = indexRequests(page);
    const beforeScript = holdUntilShard(page, SEARCH_SCRIPT, asked);
    const beforeEntry = holdUntilShard(page, ENTRY_FILE, asked);
    await page.goto(`${siteUrl}search/?q=canteen`);
    assert.ok(await beforeScript, `a shard asked for before the search script ran: ${asked.join(", ")}`);
    assert.ok(await beforeEntry, `and before the entry file arrived, named from the page's copy: ${asked.join(", ")}`);
    assert.deepEqual(await canteenTitles(page), new Set(CANTEEN_TITLES));
    assert.deepEqual(
      asked.filter((path, at) => asked.indexOf(path) !== at),
      [],
      `asked twice: ${asked.join(", ")}`,
    );
    assert.equal(await leftUntaken(page), 0, "the search took every file the first script asked for: none was asked in vain");
  });

  it("names the files from the entry file once it is in where the page holds no copy of it", async () => {
    const { page } = await openPage(siteUrl);
    const served: string[] = [];
    await page.route(/\/search\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/(<script type="application\/json" id="search-entry-copy">)[^<]*/, "$1");
      served.push(body);
      await route.fulfill({ response, body });
    });
    const asked = indexRequests(page);
    const early = holdUntilShard(page, SEARCH_SCRIPT, asked);
    await page.goto(`${siteUrl}search/?q=canteen`);
    assert.ok(await early, `a shard asked for before the search script ran: ${asked.join(", ")}`);
    assert.ok(served.length === 1 && !served.some((body) => body.includes('"version":')), "the page served without the copy");
    assert.deepEqual(await canteenTitles(page), new Set(CANTEEN_TITLES));
    assert.equal(await leftUntaken(page), 0);
  });

  it("is allowed by the digest its page names, and the search works all the same where a policy refuses it", async () => {
    const { page } = await openPage(siteUrl);
    const html = await (await page.request.get(`${siteUrl}search/`)).text();
    const digest = /allows the next script by '(sha256-[A-Za-z0-9+/=]+)'/.exec(html)?.[1];
    assert.ok(digest !== undefined, "the page names its first script's digest");
    await withPolicy(page, `'self' '${digest}'`);
    const asked = indexRequests(page);
    const early = holdUntilShard(page, SEARCH_SCRIPT, asked);
    await page.goto(`${siteUrl}search/?q=canteen`);
    assert.ok(await early, "allowed by its digest, it runs");
    assert.deepEqual(await canteenTitles(page), new Set(CANTEEN_TITLES));

    const refused = (await openPage(siteUrl)).page;
    await withPolicy(refused, "'self'");
    const refusedAsked = indexRequests(refused);
    const refusedEarly = holdUntilShard(refused, SEARCH_SCRIPT, refusedAsked, 1500);
    await refused.goto(`${siteUrl}search/?q=canteen`);
    assert.equal(await refusedEarly, false, "refused, it asks for nothing");
    assert.deepEqual(await canteenTitles(refused), new Set(CANTEEN_TITLES));
  });
});
