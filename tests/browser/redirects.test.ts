import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
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
      "harbour.md": article({ title: "Harbour reopens", date: "2024-03-09", category: "News", redirect_from: '["/?p=12", "/blog/?p=7", "/2024/03/harbour.html"]' }),
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
