import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { openPage, serveSample } from "../support/browser.ts";

const PAGES = [
  "",
  "archive/",
  "2021/",
  "2021/11/",
  "2022/03/15/",
  "category/",
  "category/events/",
  "tag/eco-labels/",
  "2022/03/15/lcc-survey-results/",
  "2021/03/03/call-for-tenders-template/",
  "2021/02/08/green-criteria-in-tenders-2016-2020/",
  "search/?q=canteen",
  "no/such/page/",
];

describe("reading the sample archive in a browser", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  it("walks from the home page through the grid to a month and an article, and back by the breadcrumb", async () => {
    const { page, foreignRequests } = await openPage(siteUrl);
    await page.goto(siteUrl);
    await page.getByRole("link", { name: "February 2023: 1 article" }).click();
    await page.waitForURL(`${siteUrl}2023/02/`);
    assert.equal(await page.locator("h1").textContent(), "February 2023");
    await page.locator(".article-list h2 a").first().click();
    await page.waitForURL(/\/2023\/02\/13\/food-waste-report\/$/);
    assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens");
    await page.locator(".breadcrumb").getByRole("link", { name: "February" }).click();
    await page.waitForURL(`${siteUrl}2023/02/`);
    await page.locator(".breadcrumb").getByRole("link", { name: "2023" }).click();
    await page.waitForURL(`${siteUrl}2023/`);
    await page.locator(".breadcrumb").getByRole("link", { name: "Home" }).click();
    await page.waitForURL(siteUrl);
    assert.deepEqual(foreignRequests, []);
  });

  for (const viewport of [
    { width: 320, height: 640 },
    { width: 360, height: 740 },
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`fits every page type in a ${viewport.width} px wide window, without scrolling sideways`, async () => {
      const { page } = await openPage(siteUrl, viewport);
      for (const path of PAGES) {
        await page.goto(`${siteUrl}${path}`);
        if (path.startsWith("search")) await page.locator("#search-results li").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path || "home"} is ${overflow} px wider than the window`);
      }
      await page.goto(`${siteUrl}archive/`);
      const grid = await page.locator(".month-grid").boundingBox();
      assert.ok(grid !== null && grid.width <= viewport.width, "the grid fits");
      const cell = await page.locator(".month-grid td a").first().boundingBox();
      assert.ok(cell !== null && cell.width >= 24 && cell.height >= 24, `a month is ${cell?.width}×${cell?.height} px, large enough to read and tap`);
    });
  }

  it("runs no script on article and archive pages but the offline installer, the search highlighter (each under 1 KB) and, where a reader may leave out categories, their filter (under 2.5 KB)", async () => {
    const { page } = await openPage(siteUrl);
    const budgets: Readonly<Record<string, number>> = { offline: 1024, highlight: 1024, "category-filter": 2560 };
    for (const path of ["archive/", "2021/", "2021/11/", "2022/03/15/", "2022/03/15/lcc-survey-results/"]) {
      await page.goto(`${siteUrl}${path}`);
      const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => element.getAttribute("src") ?? "inline"));
      for (const src of scripts) {
        const name = /\/assets\/([a-z-]+)\.[0-9a-f]{10}\.js$/.exec(src)?.[1] ?? src;
        const budget = budgets[name];
        assert.ok(budget !== undefined, `${path}: ${src}`);
        const bytes = (await (await fetch(new URL(src, siteUrl))).arrayBuffer()).byteLength;
        assert.ok(bytes < budget, `${src}: ${bytes} bytes`);
      }
    }
  });
});
