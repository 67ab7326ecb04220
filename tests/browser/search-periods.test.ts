import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { buildSite, openPage, serveSite } from "../support/browser.ts";

// Twenty-four notes from 2011 to 2022, two a year, in periods of three articles: twelve periods.
const years = Array.from({ length: 12 }, (_, at) => 2011 + at);
const notes = Object.fromEntries(
  years.flatMap((year, at) =>
    ["03-05", "09-12"].map((day, half) => [
      `${year}-${day}.md`,
      article(
        { title: `Carbon note ${year}-${day}`, date: `${year}-${day}`, category: (at + half) % 3 === 0 ? "Reports" : "News" },
        `What the city measured of carbon in ${year}.`,
      ),
    ]),
  ),
);
const LONG_ADDRESS = "https://example.org/archive/reports/carbon/ledger/harbour-authority-annual-carbon-ledger-full-dataset-with-every-measurement-2011.csv";
const fixture = {
  ...notes,
  "ledger.md": article(
    { title: "The harbour's carbon ledger", date: "2011-06-01", category: "Reports" },
    `The first carbon ledger of the harbour, kept by hand. The data: ${LONG_ADDRESS}`,
  ),
  "audit.md": article({ title: "An audit", date: "2020-06-01", category: "News" }, "The ledger, we learned, left out carbon from the ferries."),
};

const status = (page: Page): Promise<string | null> => page.locator("#search-status").textContent();
const titles = (page: Page): Promise<string[]> => page.locator("#search-results h2").allTextContents();
const resultsShown = (page: Page, count: number): Promise<unknown> =>
  page.waitForFunction((wanted) => document.querySelectorAll("#search-results li").length === wanted, count);

describe("searching an archive of many periods, in a browser", () => {
  let siteUrl: string;

  before(async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 3 }) });
    const output = join(await temporaryFolder(), "site");
    await buildSite(["--content", content, "--output", output]);
    siteUrl = await serveSite(output);
  });

  it("finds an old article first when it is the best match, ranking the whole archive at once, and says how many it found", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=carbon+ledger`);
    await resultsShown(page, 2);
    assert.deepEqual(await titles(page), ["The harbour's carbon ledger", "An audit"]);
    assert.equal(await status(page), "2 articles found for “carbon ledger”.");
  });

  it("shows ten of every match over the whole archive, and “Show more” the next ten in the same order, focused and announced", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=carbon`);
    await resultsShown(page, 10);
    assert.equal(await status(page), "Showing 10 of 26 articles found for “carbon”.");
    assert.equal(await page.locator("#search-status").getAttribute("aria-live"), "polite");
    const first = await titles(page);
    await page.click("#search-more");
    await resultsShown(page, 20);
    assert.equal(await status(page), "Showing 20 of 26 articles found for “carbon”.");
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest("li") === document.querySelectorAll("#search-results li")[10]),
      true,
      "the focus is on the first new result",
    );
    await page.click("#search-more");
    await resultsShown(page, 26);
    assert.equal(await status(page), "26 articles found for “carbon”.");
    assert.equal(await page.locator("#search-more").isHidden(), true);
    const { page: atOnce } = await openPage(siteUrl);
    await atOnce.goto(`${siteUrl}search/?q=carbon`);
    await resultsShown(atOnce, 10);
    assert.deepEqual(await titles(atOnce), first, "the same first ten every time");
  });

  it("counts the results of each category and year in the filters, and narrows to one", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=ledger`);
    await resultsShown(page, 2);
    await page.waitForFunction(() => document.querySelector("#search-category option[value=Reports]")?.textContent === "Reports (1)");
    assert.deepEqual(await page.locator("#search-year option").allTextContents(), [
      "All years",
      ...[...years].reverse().map((year) => `${year} (${year === 2011 || year === 2020 ? 1 : 0})`),
    ]);
    await page.selectOption("#search-year", "2020");
    await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "1 article found for “ledger” in 2020.");
    assert.deepEqual(await titles(page), ["An audit"]);
  });

  it("finds a quoted phrase only where its words stand together", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent('"carbon ledger"')}`);
    await resultsShown(page, 1);
    assert.deepEqual(await titles(page), ["The harbour's carbon ledger"]);
  });

  it("suggests the archive's own words for a misspelt query, and searches them when asked", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=ledgr`);
    await page.locator("#search-suggestion a").waitFor();
    assert.equal(await status(page), "No articles found for “ledgr”.");
    assert.equal(await page.locator("#search-suggestion").textContent(), "Did you mean ledger?");
    await page.click("#search-suggestion a");
    await resultsShown(page, 2);
    assert.match(page.url(), /q=ledger/);
    assert.equal(await page.locator("#search-suggestion").isHidden(), true);
  });

  it("orders every match newest first as one timeline", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=note&sort=newest`);
    await resultsShown(page, 10);
    for (const shown of [20, 24]) {
      await page.click("#search-more");
      await resultsShown(page, shown);
    }
    assert.deepEqual(await titles(page), years.flatMap((year) => [`Carbon note ${year}-03-05`, `Carbon note ${year}-09-12`]).reverse());
  });

  it("shows the same results where the reader left them when they come back from an article", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=carbon`);
    await resultsShown(page, 10);
    await page.click("#search-more");
    await resultsShown(page, 20);
    const before = await titles(page);
    // A page with an unload handler is never kept in the back/forward cache: Back loads it anew, from its history entry.
    await page.evaluate(() => window.addEventListener("unload", () => undefined));
    await page.locator("#search-results h2 a").last().click();
    await page.waitForURL(/highlight=carbon/);
    await page.goBack();
    await resultsShown(page, 20);
    assert.deepEqual(await titles(page), before);
  });

  it("reads a first search's index in three rounds: the entry, then the shards of its words and of their pair, then the fragments of its results", async () => {
    const { page } = await openPage(siteUrl);
    const asked: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes("/search-index/")) asked.push(path.slice(path.indexOf("/search-index/") + "/search-index/".length));
    });
    await page.goto(`${siteUrl}search/?q=carbon+ledger`);
    await resultsShown(page, 2);
    // The categories' sets (f-) are asked for once the results show, for the filters' counts.
    const kinds = asked.map((path) => (path.startsWith("p-") ? "fragment" : path === "entry.bin" ? "entry" : path.slice(0, 1))).filter((kind) => kind !== "f");
    // "carbon" is in 26 articles: its postings ride in its shard, where they were a file of their own, asked for after it.
    assert.deepEqual([...new Set(kinds)], ["entry", "d", "fragment"], asked.join(", "));
    assert.equal(kinds.filter((kind) => kind === "d").length, 2, `a shard of words and one of pairs: ${asked.join(", ")}`);
    assert.equal(kinds.lastIndexOf("d") < kinds.indexOf("fragment"), true, "every shard before the first fragment");
  });

  it("never scrolls sideways on a phone, a long address in an excerpt or not", async () => {
    const { page } = await openPage(siteUrl, { width: 390, height: 844 });
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent("harbour dataset")}`);
    await resultsShown(page, 1);
    assert.match((await page.locator(".search-excerpt").textContent()) ?? "", /harbour-authority-annual/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  });
});
