import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { buildSite, openPage, serveSite } from "../support/browser.ts";

// Two articles a period: 2021 (the newest, in pagefind/), 2020 and 2019, each in pagefind/periods/.
const dates = ["2019-03-05", "2019-09-12", "2020-02-10", "2020-10-21", "2021-04-09", "2021-06-30"];
const fixture = Object.fromEntries(
  dates.map((date, at) => [`${date}.md`, article({ title: `Carbon note ${date}`, date, category: at % 2 === 0 ? "News" : "Reports" }, `What the city measured of carbon in ${date.slice(0, 4)}.`)]),
);

const status = (page: Page): Promise<string | null> => page.locator("#search-status").textContent();
const shownDates = (page: Page): Promise<string[]> => page.locator("#search-results h2").allTextContents();

/** The search bundles the page loaded a pagefind.js from. */
function bundlesLoaded(page: Page): string[] {
  const loaded: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith("/pagefind.js")) loaded.push(path.slice(0, -"pagefind.js".length));
  });
  return loaded;
}

describe("searching an archive whose index is split by period, in a browser", () => {
  let siteUrl: string;

  before(async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2 }) });
    const output = join(await temporaryFolder(), "site");
    await buildSite(["--content", content, "--output", output]);
    siteUrl = await serveSite(output);
  });

  it("shows the newest period's results first, and searches older periods as the reader asks for more", async () => {
    const { page } = await openPage(siteUrl);
    const loaded = bundlesLoaded(page);
    await page.goto(`${siteUrl}search/?q=carbon`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
    assert.deepEqual(new Set(await shownDates(page)), new Set(["Carbon note 2021-04-09", "Carbon note 2021-06-30"]));
    assert.equal(await status(page), "2 articles found for “carbon” in 2021 (searched 1 of 3 periods; “Show more” searches older ones).");
    assert.deepEqual(loaded, ["/pagefind/"]);
    // While the next period loads (held back here), the status line says it is being searched.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/periods/2020/pagefind.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "2 articles found for “carbon” in 2021; searching 2020…");
    release();
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 4);
    assert.deepEqual(new Set((await shownDates(page)).slice(2)), new Set(["Carbon note 2020-02-10", "Carbon note 2020-10-21"]));
    assert.equal(await status(page), "4 articles found for “carbon” in 2020–2021 (searched 2 of 3 periods; “Show more” searches older ones).");
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 6);
    assert.equal(await status(page), "6 articles found for “carbon”.");
    assert.equal(await page.locator("#search-more").isHidden(), true);
    assert.deepEqual(loaded, ["/pagefind/", "/pagefind/periods/2020/", "/pagefind/periods/2019/"]);
  });

  it("shows the results of every period shown before when the reader comes back from an article", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=carbon`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
    for (const shown of [4, 6]) {
      await page.click("#search-more");
      await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count, shown);
    }
    const before = await shownDates(page);
    // A page with an unload handler is never kept in the back/forward cache: Back loads it anew, from its history entry.
    await page.evaluate(() => window.addEventListener("unload", () => undefined));
    await page.locator("#search-results h2 a").last().click();
    await page.waitForURL(/highlight=carbon/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 6);
    assert.deepEqual(await shownDates(page), before);
    assert.equal(await status(page), "6 articles found for “carbon”.");
  });

  it("loads only the period holding the year chosen", async () => {
    const { page } = await openPage(siteUrl);
    const loaded = bundlesLoaded(page);
    await page.goto(`${siteUrl}search/?q=carbon&year=2020`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
    assert.deepEqual(new Set(await shownDates(page)), new Set(["Carbon note 2020-02-10", "Carbon note 2020-10-21"]));
    assert.equal(await status(page), "2 articles found for “carbon” in 2020.");
    assert.equal(await page.locator("#search-more").isHidden(), true);
    assert.deepEqual(loaded, ["/pagefind/periods/2020/"]);
  });

  it("orders the results of every period newest first as one timeline", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}search/?q=carbon&sort=newest`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
    for (const shown of [4, 6]) {
      await page.click("#search-more");
      await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count, shown);
    }
    assert.deepEqual(await shownDates(page), [...dates].reverse().map((date) => `Carbon note ${date}`));
  });
});
