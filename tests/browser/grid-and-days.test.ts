import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { openPage, serveSample } from "../support/browser.ts";

/** The sample is built on 2026-12-01 (see serveSample): December 2026, which has an event, is the build's month. */
const CURRENT_MONTH = "December 2026: 1 article";

describe("the month grid and day pages in a browser", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows every month's count and every year's total as readable text, unclipped, ${viewport.width} px wide`, async () => {
      const { page } = await openPage(siteUrl, viewport);
      await page.goto(`${siteUrl}archive/`);
      const cells = await page.locator(".month-grid td a").evaluateAll((links) =>
        links.map((link) => ({
          name: link.getAttribute("aria-label") ?? "",
          // biome-ignore lint/performance/useDomNodeTextContent: the count as the reader sees it, laid out, is what is checked
          text: (link as HTMLElement).innerText,
          fontSize: Number.parseFloat(getComputedStyle(link).fontSize),
          clipped: link.scrollWidth > link.clientWidth,
          height: link.getBoundingClientRect().height,
        })),
      );
      assert.ok(cells.length > 20, `${cells.length} months with articles`);
      for (const cell of cells) {
        assert.equal(cell.text, /: (\d+) articles?$/.exec(cell.name)?.[1], `${cell.name} shows its count`);
        assert.ok(
          cell.fontSize >= 12 && cell.height >= 24 && !cell.clipped,
          `${cell.name}: ${cell.fontSize} px text in a ${cell.height} px cell, clipped: ${cell.clipped}`,
        );
      }
      const totals = await page.locator(".month-grid .grid-total").allInnerTexts();
      assert.ok(
        totals.every((total) => /^\d+$/.test(total)),
        totals.join(", "),
      );
      assert.ok(await page.locator(".grid-legend").isVisible(), "the legend of the shades is shown");
      // biome-ignore lint/performance/useDomNodeTextContent: the months' names as the reader sees them (a phone's are short)
      const headers = await page.locator(".month-grid thead th > [aria-hidden]").evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).innerText));
      // A phone's grid puts each year on two lines of six months, named short; a wide one all twelve on one line.
      assert.deepEqual([headers[0], headers.at(-1)], viewport.width < 500 ? ["Jan", "Σ"] : ["Jan", "Total"]);
    });
  }

  it("names the months in full for screen readers", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}archive/`);
    assert.ok(await page.getByRole("columnheader", { name: "January" }).isVisible());
    assert.ok(await page.getByRole("columnheader", { name: "Year total" }).isVisible());
    assert.equal(await page.getByRole("link", { name: CURRENT_MONTH }).getAttribute("aria-current"), "date");
  });

  it("draws the keyboard focus as a ring around the cell and the build's month as a corner mark, never alike", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}archive/`);
    const current = page.getByRole("link", { name: CURRENT_MONTH });
    const other = page.getByRole("link", { name: "October 2026: 1 article" });
    const look = (link: typeof current) =>
      link.evaluate((element) => {
        const cell = element.parentElement as HTMLElement;
        const mark = getComputedStyle(cell, "::after");
        return {
          ring: getComputedStyle(element).outlineStyle === "solid" && Number.parseFloat(getComputedStyle(element).outlineWidth) >= 2,
          cellOutline: getComputedStyle(cell).outlineStyle,
          mark: mark.content !== "none" && mark.borderTopColor !== "rgba(0, 0, 0, 0)",
        };
      });
    // Focus by keyboard, as a reader would: Tab from the link just before.
    await page.keyboard.press("Tab");
    await page.getByRole("link", { name: "August 2026: 1 article" }).focus();
    await page.keyboard.press("Tab");
    assert.equal(await other.evaluate((element) => element === document.activeElement), true, "Tab moved to October");
    const focused = await look(other);
    const marked = await look(current);
    assert.deepEqual(focused, { ring: true, cellOutline: "none", mark: false });
    assert.deepEqual(marked, { ring: false, cellOutline: "none", mark: true });
    await page.keyboard.press("Tab");
    assert.deepEqual(await look(current), { ring: true, cellOutline: "none", mark: true }, "the build's month, focused, shows both");
  });

  it("answers a trimmed article URL with the day's page, which leads to its articles, the neighbouring days and the month", async () => {
    const { page } = await openPage(siteUrl);
    const response = await page.goto(`${siteUrl}2022/03/15/`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator("h1").textContent(), "March 15, 2022");
    const titles = await page.locator(".article-list .article-item-title a").allTextContents();
    assert.ok(titles.length >= 1, "the day lists its articles");
    const earlier = page.locator('.neighbours a[rel="prev"]');
    const earlierHref = (await earlier.getAttribute("href")) ?? "";
    assert.match(earlierHref, /^\/\d{4}\/\d{2}\/\d{2}\/$/);
    await earlier.click();
    await page.waitForURL(`${siteUrl}${earlierHref.slice(1)}`);
    assert.ok((await page.locator(".article-list .article-item").count()) >= 1, "the earlier day has articles");
    await page.locator(".breadcrumb li:nth-child(3) a").click();
    await page.waitForURL(/\/\d{4}\/\d{2}\/$/);
    assert.match((await page.locator("h1").textContent()) ?? "", /^[A-Z][a-z]+ \d{4}$/);
  });
});
