import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { openPage, serveSample } from "../support/browser.ts";

for (const basePath of ["/", "/news/"]) {
  describe(`searching the sample archive in a browser, served under ${basePath}`, () => {
    let siteUrl: string;

    before(async () => {
      siteUrl = await serveSample(basePath);
    });

    it("opens /search/?q=canteen with the matching articles and their counts announced", async () => {
      const { page, foreignRequests } = await openPage(siteUrl);
      await page.goto(`${siteUrl}search/?q=canteen`);
      await page.locator("#search-results li").first().waitFor();
      const titles = await page.locator("#search-results h2").allTextContents();
      assert.deepEqual(
        new Set(titles),
        new Set([
          "Webinar series: sustainable food in public canteens",
          "School canteens survey: what 62 kitchens told us",
          "Less waste, better food: results from 48 school kitchens",
        ]),
      );
      assert.equal(await page.locator("#search-status").textContent(), "3 articles found for “canteen”.");
      assert.ok((await page.locator("#search-results mark").count()) > 0, "matched words are marked");
      for (const href of await page.locator("#search-results h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
        assert.ok(href.startsWith(basePath), `${href} carries ${basePath}`);
      }
      assert.deepEqual(foreignRequests, []);
    });

    it("narrows results with the category filter and orders them newest first", async () => {
      const { page } = await openPage(siteUrl);
      await page.goto(`${siteUrl}search/?q=canteen`);
      await page.locator("#search-results li").first().waitFor();
      await page.selectOption("#search-category", "Reports");
      await page.waitForFunction(() => document.querySelector("#search-status")?.textContent?.startsWith("2 articles"));
      await page.selectOption("#search-sort", "newest");
      await page.waitForFunction(
        () => document.querySelector("#search-status")?.textContent?.includes("Reports") && document.querySelectorAll("#search-results li").length === 2,
      );
      const dates = await page.locator("#search-results .article-item-meta").allTextContents();
      assert.deepEqual(dates, ["February 13, 2023 · Reports", "April 23, 2018 · Reports"]);
      assert.match(page.url(), /category=Reports/);
      assert.match(page.url(), /sort=newest/);
    });

    it("opens an article from a result, with the searched words highlighted", async () => {
      const { page } = await openPage(siteUrl);
      await page.goto(`${siteUrl}search/?q=canteen`);
      await page.locator("#search-results h2 a").first().click();
      await page.waitForURL(/highlight=canteen/);
      await page.locator("article mark").first().waitFor();
      assert.ok((await page.locator("article mark").count()) > 0);
      assert.equal(await page.locator("h1").count(), 1);
    });
  });
}

describe("searching by keyboard alone", () => {
  it("reaches the header search box, searches, moves to a result and opens it", async () => {
    const siteUrl = await serveSample();
    const { page } = await openPage(siteUrl);
    await page.goto(siteUrl);
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "site-search-query")) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search-query");
    await page.keyboard.type("conference");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=conference/);
    await page.locator("#search-results li").first().waitFor();
    // From the query field, Tab moves through the form's controls and then into the results.
    await page.focus("#search-query");
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.closest("#search-results") !== null)) break;
    }
    const target = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    assert.ok(target !== null && target !== undefined, "a result link has the focus");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === target?.split("?")[0]);
  });
});
