import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { temporaryFolder } from "../support/archive.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { buildSite, CANTEEN_TITLES, newContext, SAMPLE_ARTICLE as VISITED, serveSite, skipLinkPosition } from "../support/browser.ts";

describe("the portable build opened from a folder on disk", () => {
  let output: string;
  let hostedOutput: string;
  let home: string;

  before(async () => {
    // The sample's settings with periods of five articles: the index of both builds split as a large archive's is.
    const folder = await temporaryFolder();
    const settings = join(folder, "news-archive.json");
    const sample = JSON.parse(await readFile(join(PROJECT_ROOT, "content", "news-archive.json"), "utf8")) as Record<string, unknown>;
    await writeFile(settings, JSON.stringify({ ...sample, searchPeriodArticles: 5 }));
    output = join(folder, "portable");
    hostedOutput = join(folder, "hosted");
    await buildSite(["--portable", "--config", settings, "--output", output]);
    await buildSite(["--config", settings, "--output", hostedOutput]);
    home = pathToFileURL(join(output, "index.html")).href;
  });

  it("goes from the home page through the month grid to an article, styled, without any network request", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(home);
      await page.locator(".site-nav").getByRole("link", { name: "Archive" }).click();
      assert.equal(page.url(), pathToFileURL(join(output, "archive/index.html")).href);
      await page.locator('table a[href$="2022/03/index.html"]').click();
      assert.equal(await page.locator("h1").textContent(), "March 2022");
      await page.locator(`a[href$="${VISITED}index.html"]`).first().click();
      assert.equal(page.url(), pathToFileURL(join(output, VISITED, "index.html")).href);
      assert.equal(await skipLinkPosition(page), "absolute", "the stylesheet loads from disk");
      assert.deepEqual(
        requests.filter((url) => !url.startsWith("file:")),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it("searches from the header box, narrows with a filter and opens a result", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(output, VISITED, "index.html")).href);
      await page.fill("#site-search-query", "canteen");
      await page.press("#site-search-query", "Enter");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 3);
      assert.deepEqual(new Set(await page.locator("#search-results h2").allTextContents()), new Set(CANTEEN_TITLES));
      assert.equal(await page.locator("#search-status").textContent(), "3 articles found for “canteen”.");
      assert.ok((await page.locator("#search-results mark").count()) > 0, "matched words are marked in the excerpts");
      await page.selectOption("#search-category", "Reports");
      await page.selectOption("#search-sort", "newest");
      await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "2 articles found for “canteen” in Reports.");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
      assert.deepEqual(await page.locator("#search-results .article-item-meta").allTextContents(), ["February 13, 2023 · Reports", "April 23, 2018 · Reports"]);
      await page.locator("#search-results h2 a").first().click();
      assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens");
      assert.match(page.url(), /^file:.*\/2023\/02\/13\/food-waste-report\/index\.html\?highlight=canteen$/);
      await page.locator("article mark").first().waitFor();
      assert.ok(
        (await page.locator("article mark").allTextContents()).every((word) => word.toLowerCase().startsWith("canteen")),
        "the searched word is highlighted from disk too",
      );
    } finally {
      await context.close();
    }
  });

  it("finds the same articles in the same order from disk as the site finds hosted, its index split by period", async () => {
    const hosted = await serveSite(hostedOutput);
    const context = await newContext();
    try {
      const page = await context.newPage();
      for (const query of [
        "procurement",
        "green public",
        "school kitchens",
        "purch",
        "february",
        '"green public"',
        "food waste&year=2023",
        "tender&category=Reports",
        "tender&sort=newest",
      ]) {
        const results = async (url: string): Promise<string[]> => {
          await page.goto(url);
          await page.waitForFunction(() => /found/.test(document.querySelector("#search-status")?.textContent ?? ""));
          const wanted = Number(/(\d+) articles? found/.exec((await page.locator("#search-status").textContent()) ?? "")?.[1] ?? 0);
          await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === Math.min(count, 10), wanted);
          for (let shown = Math.min(wanted, 10); shown < wanted; shown = Math.min(wanted, shown + 10)) {
            await page.locator("#search-more").click();
            await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count, Math.min(wanted, shown + 10));
          }
          return page.locator("#search-results h2").allTextContents();
        };
        const path = `search/index.html?q=${query.replace(" ", "+")}`;
        const fromDisk = await results(new URL(path, home).href);
        const fromServer = await results(`${hosted}${path}`);
        assert.ok(fromDisk.length > 0, `${query} finds something`);
        assert.deepEqual(fromDisk, fromServer, query);
      }
    } finally {
      await context.close();
    }
  });
});
