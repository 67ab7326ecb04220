import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { buildSite, openPage, serveSite } from "../support/browser.ts";

/**
 * A visitor arriving by an article's old address, on a static host that
 * knows nothing of redirects: a path leads on through its redirect page; an
 * address with a query (WordPress's "/?p=12") is answered with the home page
 * or the 404 page, whose script looks it up and leads on.
 */
describe("arriving by an old address in a browser", () => {
  let site: string;

  before(async () => {
    const content = await makeArchive({
      "harbour.md": article({
        title: "Harbour reopens",
        date: "2024-03-09",
        category: "News",
        redirect_from: '["/?p=12", "/blog/?p=7", "/2024/03/harbour.html"]',
      }),
      "other.md": article({ title: "Another story", date: "2024-03-10", category: "News" }),
    });
    const output = join(await temporaryFolder(), "site");
    await buildSite(["--content", content, "--output", output, "--base-path", "/news/"]);
    site = await serveSite(output, "/news/");
  });

  for (const [address, served] of [
    ["2024/03/harbour.html", "its redirect page"],
    ["?p=12", "the home page"],
    ["blog/?p=7&utm_source=letter", "the 404 page"],
  ] as const) {
    it(`leads from ${address} (${served}) to the article`, async () => {
      const { page } = await openPage(site);
      await page.goto(new URL(address, site).href);
      await page.waitForURL(new URL("2024/03/09/harbour/", site).href);
      assert.equal(await page.locator("h1").textContent(), "Harbour reopens");
    });
  }

  it("leaves a visitor with a query no article had on the home page", async () => {
    const { page } = await openPage(site);
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(new URL("?p=999", site).href);
    await page.waitForLoadState("networkidle");
    assert.equal(new URL(page.url()).pathname, "/news/");
    assert.ok(requests.includes("/news/redirects.json"));
  });
});

/**
 * A reader of the Go blog's excerpt (tests/fixtures/migration/go-blog),
 * built as go.dev/blog would host it: old addresses and stubs lead to the
 * articles, links between articles lead straight to them, without passing
 * through a redirect, and each co-author's page lists the article.
 */
describe("reading a blog moved with its old permalinks", () => {
  let site: string;

  before(async () => {
    const goBlog = join(PROJECT_ROOT, "tests/fixtures/migration/go-blog");
    const output = join(await temporaryFolder(), "site");
    await buildSite(["--content", join(goBlog, "content"), "--config", join(goBlog, "news-archive.json"), "--output", output]);
    site = await serveSite(output, "/blog/");
  });

  it("leads from an old address and from a stub to the article", async () => {
    const { page } = await openPage(site);
    for (const old of ["gofmt", "go-fmt-your-code"]) {
      await page.goto(new URL(old, site).href);
      await page.waitForURL(new URL("2013/01/23/gofmt/", site).href);
      assert.equal(await page.locator("h1").textContent(), "go fmt your code");
    }
  });

  it("follows a link between articles to the article itself, shows the image relative to the old address, and lists the article on each co-author's page", async () => {
    const { page } = await openPage(site);
    const visited: string[] = [];
    page.on("request", (request) => visited.push(new URL(request.url()).pathname));
    await page.goto(new URL("2025/10/29/greenteagc/", site).href);
    assert.ok(await page.locator(".article-body img").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth === 1));
    await page.locator(".article-body a", { hasText: "its old name" }).click();
    await page.waitForURL(new URL("2013/01/23/gofmt/", site).href);
    assert.ok(!visited.some((path) => path.startsWith("/blog/go-fmt-your-code")), "no redirect page on the way");
    for (const author of ["Michael Knyszek", "Austin Clements"]) {
      await page.goto(new URL("2025/10/29/greenteagc/", site).href);
      await page.locator(".byline a", { hasText: author }).click();
      assert.deepEqual(await page.locator(".article-item-title a").allTextContents(), ["The Green Tea Garbage Collector"]);
    }
  });
});
