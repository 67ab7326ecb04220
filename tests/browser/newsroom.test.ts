import assert from "node:assert/strict";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { SAMPLE_CONTENT_DIR } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { buildSite, launchBrowser, openPage, SAMPLE_PAGES, serveSample, serveSite } from "../support/browser.ts";

/**
 * The sample archive as an archive that sets nothing of its own: no article
 * featured, no settings file (so no sidebar boxes named, no categories
 * described), its articles and files otherwise as they are.
 */
async function serveUnsetSample(): Promise<string> {
  const content = join(await temporaryFolder(), "content");
  await cp(SAMPLE_CONTENT_DIR, content, { recursive: true });
  await rm(join(content, "news-archive.json"));
  for (const file of await readdir(content, { recursive: true })) {
    if (!file.endsWith(".md")) continue;
    const path = join(content, file);
    await writeFile(path, (await readFile(path, "utf8")).replace(/^featured: true\n/m, ""));
  }
  const output = join(await temporaryFolder(), "site");
  await buildSite(["--content", content, "--output", output]);
  return serveSite(output);
}

/** Where a page's content and its sidebar sit in the page's frame, in CSS pixels. */
function columnsOf(page: Page) {
  // No function is named inside: the test runner's compiler would wrap it in a helper the page lacks.
  return page.evaluate(() => {
    const [main, sidebar] = [".page-main", ".sidebar"].map((selector) => {
      const element = document.querySelector(selector);
      if (element === null) return undefined;
      const { left, right, top } = element.getBoundingClientRect();
      return { left, right, top };
    });
    const frame = document.querySelector(".page") as HTMLElement;
    const style = getComputedStyle(frame);
    const edges = frame.getBoundingClientRect();
    return {
      frame: { left: edges.left + Number.parseFloat(style.paddingLeft), right: edges.right - Number.parseFloat(style.paddingRight) },
      main,
      sidebar,
      boxes: document.querySelectorAll(".sidebar .sidebar-box").length,
      windowWidth: window.innerWidth,
      windowHeight: window.innerHeight,
    };
  });
}

describe("the newsroom of an archive that sets nothing", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveUnsetSample();
  });

  it("leads its home page with its newest article, then the latest articles and the latest of each section", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(siteUrl);
    assert.equal(await page.locator(".lead-kicker").textContent(), "Latest");
    // The newest article dated up to the build's day (2026-12-01); those dated after it are events to come.
    assert.equal(await page.locator(".lead-title").textContent(), "Buyers' Academy 2026: a new track for health care");
    const sections = await page.locator(".home-section h3 a").allTextContents();
    assert.ok(sections.length >= 2, `sections: ${sections.join(", ")}`);
    for (const section of await page.locator(".home-section").all()) assert.ok((await section.locator("li").count()) >= 1);
    const boxes = await page.locator(".sidebar-box h2").allTextContents();
    assert.ok(
      boxes.includes("The last 5 years by month"),
      `the sidebar draws its boxes from the archive, the grid's recent years among them: ${boxes.join(", ")}`,
    );
    assert.equal(await page.locator(".page-main .month-grid").count(), 0, "the grid is not shown twice");
  });

  for (const [kind, path] of Object.entries(SAMPLE_PAGES)) {
    it(`leaves no empty column beside the ${kind} page's content at 1280 px`, async () => {
      const { page } = await openPage(siteUrl, { width: 1280, height: 800 });
      await page.goto(`${siteUrl}${path}`);
      const { frame, main, sidebar, boxes, windowHeight } = await columnsOf(page);
      assert.ok(main !== undefined && sidebar !== undefined, "content and sidebar");
      assert.ok(boxes >= 1, "the sidebar has boxes");
      assert.ok(sidebar.top < windowHeight / 2, `the sidebar starts in sight (${sidebar.top} px down)`);
      assert.ok(
        Math.abs(main.left - frame.left) <= 1 && Math.abs(sidebar.right - frame.right) <= 1,
        `content from ${main.left} and sidebar to ${sidebar.right} span the frame ${frame.left}-${frame.right}`,
      );
      assert.ok(sidebar.left - main.right <= 48, `a gap of ${sidebar.left - main.right} px between them`);
    });
  }

  it("keeps the sidebar's last box in sight at the foot of a long page at 1280 px", async () => {
    const { page } = await openPage(siteUrl, { width: 1280, height: 800 });
    await page.goto(siteUrl);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const { top, bottom, scrolled } = await page.evaluate(() => {
      const box = document.querySelector(".sidebar-box:last-child")?.getBoundingClientRect();
      return { top: box?.top ?? -1, bottom: box?.bottom ?? -1, scrolled: window.scrollY };
    });
    assert.ok(scrolled > 800, `the page is long enough to scroll (${scrolled} px)`);
    assert.ok(top >= 0 && bottom <= 800, `the box is in the window: ${top} to ${bottom} px`);
  });
});

describe("the sample archive in a browser, for a reader", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  it("links an article's date and breadcrumb to its day's page, which lists it", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}2022/03/15/lcc-survey-results/`);
    assert.deepEqual(await page.locator(".breadcrumb a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))), [
      "/",
      "/2022/",
      "/2022/03/",
      "/2022/03/15/",
    ]);
    await page.locator(".article-meta time").click();
    await page.waitForURL(`${siteUrl}2022/03/15/`);
    assert.ok(
      (await page.locator(".article-list .article-item-title a").allTextContents()).includes("Life-cycle costing survey: half of our members now use it"),
    );
  });

  it("gives the header's search box 16 px text and a 44 px height on a phone", async () => {
    const { page } = await openPage(siteUrl, { width: 390, height: 844 });
    await page.goto(siteUrl);
    for (const control of ["#site-search-query", ".site-search button"]) {
      const { fontSize, height } = await page
        .locator(control)
        .evaluate((element) => ({ fontSize: Number.parseFloat(getComputedStyle(element).fontSize), height: element.getBoundingClientRect().height }));
      assert.ok(fontSize >= 16 && height >= 44, `${control}: ${fontSize} px text, ${height} px tall`);
    }
  });

  it("lets a keyboard reach and scroll a wide code block and a wide table on a phone, each a named region", async () => {
    const { page } = await openPage(siteUrl, { width: 390, height: 844 });
    await page.goto(`${siteUrl}2021/02/08/green-criteria-in-tenders-2016-2020/`);
    for (const name of ["Table 1", "Code 1"]) {
      const region = page.getByRole("region", { name });
      assert.ok(await region.evaluate((element) => element.scrollWidth > element.clientWidth), `${name} is wider than the phone`);
      await region.focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((element) => element !== null && element.scrollLeft > 0, await region.elementHandle());
    }
  });

  it("sets code at a size of its own and keeps a body's headings below the title", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}2021/02/08/green-criteria-in-tenders-2016-2020/`);
    const [body = 0, code = 0, title = 0, heading = 0] = await page.evaluate(() =>
      [".article-body p", ".article-body pre code", "h1", ".article-body h2"].map((selector) =>
        Number.parseFloat(getComputedStyle(document.querySelector(selector) as Element).fontSize),
      ),
    );
    const sizes = { body, code, title, heading };
    assert.ok(sizes.code < sizes.body, `code ${sizes.code} px, text ${sizes.body} px`);
    assert.ok(sizes.heading < sizes.title, `a body's heading ${sizes.heading} px, the title ${sizes.title} px`);
    assert.equal(await page.locator("h1").count(), 1);
  });

  it("gives every month of the grid a target of at least 24 by 24 px at 320 px, under headings that stay apart", async () => {
    const { page } = await openPage(siteUrl, { width: 320, height: 640 });
    await page.goto(`${siteUrl}archive/`);
    const sizes = await page
      .locator(".month-grid td a")
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })));
    assert.ok(sizes.length > 20);
    for (const { width, height } of sizes) assert.ok(width >= 24 && height >= 24, `a month of ${width}×${height} px`);
    const headings = await page
      .locator(".month-grid thead th [aria-hidden]")
      .evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect()).map(({ left, right, top, bottom }) => ({ left, right, top, bottom })));
    for (const [index, a] of headings.entries()) {
      for (const b of headings.slice(index + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        assert.ok(!overlap, `headings ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
      }
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "nothing scrolls sideways");
  });

  it("leaves a category out of a year, counting again, and of the grid on the next page, as the reader chose", async () => {
    const { page } = await openPage(siteUrl, { width: 390, height: 844 });
    await page.goto(`${siteUrl}2021/`);
    const shown = async () => page.locator(".day-list li:visible").count();
    const total = await shown();
    assert.equal(await page.locator("[data-articles-of='']").textContent(), `${total} articles`);
    await page.getByText("Leave out categories").click();
    const events = page.getByRole("checkbox", { name: /Events/ });
    const eventCount = Number(/(\d+)$/.exec((await page.locator("label", { has: events }).textContent())?.trim() ?? "")?.[1]);
    await events.uncheck();
    assert.equal(await shown(), total - eventCount);
    assert.equal(await page.locator("[data-articles-of='']").textContent(), `${total - eventCount} articles`);
    assert.equal(await page.getByRole("status").textContent(), `Showing ${total - eventCount} articles of ${total}.`);
    for (const section of await page.locator(".year-month:visible").all()) {
      assert.equal(
        await section.locator(".count").textContent(),
        `${await section.locator(".day-list li:visible").count()} article${(await section.locator(".day-list li:visible").count()) === 1 ? "" : "s"}`,
      );
    }

    await page.goto(`${siteUrl}archive/`);
    const grid = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".month-grid tbody tr")].map((row) => ({
        total: Number(row.querySelector(".grid-total")?.textContent),
        months: [...row.querySelectorAll("td a")].filter((link) => !(link as HTMLElement).hidden).map((link) => Number(link.textContent)),
      })),
    );
    for (const row of grid)
      assert.equal(
        row.total,
        row.months.reduce((sum, count) => sum + count, 0),
      );
    assert.ok(
      await page
        .getByRole("checkbox", { name: /Events/ })
        .isChecked()
        .then((checked) => !checked),
      "the choice is kept",
    );
    const all = Number((await page.locator("[data-articles-of='']").textContent())?.split(" ")[0]);
    assert.equal(
      all,
      grid.reduce((sum, row) => sum + row.total, 0),
    );
  });

  it("keeps year pages whole without the script, the form left hidden", async () => {
    const context = await (await launchBrowser()).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}2021/`);
    assert.equal(await page.locator("form.category-filter").isVisible(), false);
    assert.equal(await page.locator(".day-list li:visible").count(), await page.locator(".day-list li").count());
    await context.close();
  });

  it("guesses on the 404 page the article a mistyped address meant", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}2022/03/lcc-survy-result/`);
    const guesses = page.locator(".not-found-guesses li a");
    await guesses.first().waitFor();
    assert.equal(await guesses.first().getAttribute("href"), "/2022/03/15/lcc-survey-results/");
    assert.equal(await page.getByRole("heading", { name: "Did you mean" }).isVisible(), true);
  });

  it("guesses nothing for an address with no word of any article, and says nothing then", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}zzz/qqq-xxx/`);
    await page.waitForLoadState("networkidle");
    assert.equal(await page.locator(".not-found-guesses").isVisible(), false);
  });

  it("lists tags as a compact index with counts, side by side, not one a line", async () => {
    const { page } = await openPage(siteUrl);
    await page.goto(`${siteUrl}tag/`);
    const tops = await page.locator(".topic-cloud li").evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
    assert.ok(new Set(tops).size < tops.length / 2, `${tops.length} tags on ${new Set(tops).size} lines`);
    assert.match((await page.locator(".topic-cloud li").first().textContent()) ?? "", /\d+/);
  });
});
