import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { openPage, serveSample } from "../support/browser.ts";

const PHONE = { width: 390, height: 844 };

/** Opens a search and waits for its first results. */
async function searchFor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("#search-results li").first().waitFor();
}

describe("the search page on a phone", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  it("shows the first results above the fold at 390×844, the filters waiting in a closed disclosure", async () => {
    const { page } = await openPage(siteUrl, PHONE);
    await searchFor(page, `${siteUrl}search/?q=canteen`);
    assert.equal(await page.locator("#search-filters").evaluate((details) => (details as HTMLDetailsElement).open), false);
    assert.equal(await page.locator("#search-category").isVisible(), false, "the filters are folded away");
    const firstResult = await page.locator("#search-results li").first().boundingBox();
    const firstTitle = await page.locator("#search-results li h2").first().boundingBox();
    assert.ok(firstResult !== null && firstTitle !== null);
    assert.ok(firstTitle.y + firstTitle.height <= PHONE.height, `the first result's title ends at ${firstTitle.y + firstTitle.height} px`);
    // The disclosure opens on a tap, and its summary names the filters in force when closed.
    await page.locator("#search-filters summary").click();
    await page.selectOption("#search-category", "Reports");
    await page.waitForFunction(() => document.querySelector("#search-status")?.textContent?.includes("in Reports") === true);
    assert.equal(await page.locator("#search-filters-chosen").textContent(), "Reports");
  });

  it("opens the filters at once on a wide screen", async () => {
    const { page } = await openPage(siteUrl);
    await searchFor(page, `${siteUrl}search/?q=canteen`);
    assert.equal(await page.locator("#search-category").isVisible(), true);
  });

  it("has controls at least 24 px tall with 16 px text, result titles smaller than the heading, and one search box", async () => {
    const { page } = await openPage(siteUrl, PHONE);
    await searchFor(page, `${siteUrl}search/?q=canteen`);
    await page.locator("#search-filters summary").click();
    const controls = await page.locator("#search-form input, #search-form select, #search-form button, #search-form summary").evaluateAll((elements) =>
      elements.map((element) => ({
        id: element.id || element.tagName,
        height: element.getBoundingClientRect().height,
        fontSize: Number.parseFloat(getComputedStyle(element).fontSize),
      })),
    );
    assert.equal(controls.length, 6);
    for (const control of controls) {
      assert.ok(control.height >= 24, `${control.id} is ${control.height} px tall`);
      assert.ok(control.fontSize >= 16, `${control.id} has ${control.fontSize} px text`);
    }
    const size = (selector: string): Promise<number> =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    assert.ok((await size("#search-results h2")) < (await size("h1")), "result titles are smaller than the page's heading");
    assert.equal(await page.locator('input[type="search"]').count(), 1, "the header leaves its box out on the search page");
  });
});

describe("going back from an article to the search page", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  it("shows the same results, Show more included, where the reader left them, the page loaded anew", async () => {
    const { page } = await openPage(siteUrl, PHONE);
    await searchFor(page, `${siteUrl}search/?q=the`);
    await page.locator("#search-more").click();
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 20);
    const chosen = page.locator("#search-results li h2 a").nth(14);
    await chosen.scrollIntoViewIfNeeded();
    const scroll = await page.evaluate(() => window.scrollY);
    assert.ok(scroll > 1000, `scrolled to ${scroll}`);
    const title = await chosen.textContent();
    // A page with an unload handler is never kept in the back/forward cache: Back loads it anew, from its history entry.
    await page.evaluate(() => window.addEventListener("unload", () => undefined));
    await chosen.click();
    await page.waitForURL(/highlight=the/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 20);
    await page.waitForFunction((wanted) => Math.abs(window.scrollY - wanted) < 5, scroll);
    assert.equal(await page.locator("#search-results li h2 a").nth(14).textContent(), title);
    assert.equal(await page.locator("#search-query").inputValue(), "the");
    assert.match(page.url(), /\/search\/\?q=the$/);
  });

  it("keeps the query, filters and order in the address, so a reload or a shared link shows the same search", async () => {
    const { page } = await openPage(siteUrl, PHONE);
    await searchFor(page, `${siteUrl}search/?q=canteen`);
    await page.locator("#search-filters summary").click();
    await page.selectOption("#search-sort", "newest");
    await page.waitForURL(/sort=newest/);
    await page.reload();
    await page.locator("#search-results li").first().waitFor();
    assert.equal(await page.locator("#search-sort").inputValue(), "newest");
    assert.equal(await page.locator("#search-filters-chosen").textContent(), "newest first");
  });
});
