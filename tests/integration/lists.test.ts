import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";

/** Built on 2021-06-15 (SOURCE_DATE_EPOCH): the conference on 2021-09-01 is ahead. */
const BUILD_DAY = String(Date.UTC(2021, 5, 15) / 1000);

const fixture = {
  "focus.md": article({ title: "Ten years on", date: "2021-01-10", category: "News", featured: "true" }, "A look back at ten years."),
  "news.md": article({ title: "Spring news", date: "2021-05-02", category: "News" }, "What happened this spring."),
  "v1.md": article({ title: "Version 1.0.1", date: "2021-06-01", category: "release" }, "- [`58717685a1`] - fix a bug"),
  "v2.md": article({ title: "Version 1.0.2", date: "2021-06-10", category: "release" }, "- [`44b940ee8c`] - fix another"),
  "conference.md": article({ title: "Autumn conference", date: "2021-09-01", category: "Events" }, "Meet us in September."),
  "news-archive.json": JSON.stringify({
    title: "Lists",
    siteUrl: "https://example.org/",
    listsExclude: ["Release", "Sports"],
    categories: [{ name: "Release notes", slug: "release", description: "Every version, with its changes." }, { name: "News" }, { name: "Events" }],
  }),
};

describe("lists and topic pages of a build with listsExclude, an upcoming event, category settings and no tags", () => {
  let output: string;
  let run: CliRun;

  before(async () => {
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", await makeArchive(fixture), "--output", output], { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(run.code, 0, run.stderr);
  });

  it("opens the home page with the lead story, then lists the latest articles without it, the excluded categories or the upcoming event", async () => {
    const home = await readPage(output, "index.html");
    assert.equal(home.querySelector(".lead-story .lead-title")?.textContent, "Ten years on");
    assert.deepEqual(
      [...home.querySelectorAll(".article-list .article-item-title")].map((title) => title.textContent),
      ["Spring news"],
    );
  });

  it("leaves the excluded categories and the upcoming event out of the site's feeds", async () => {
    const feed = JSON.parse(await readFile(join(output, "feed.json"), "utf8")) as { items: { title: string }[] };
    assert.deepEqual(
      feed.items.map((item) => item.title),
      ["Spring news", "Ten years on"],
    );
    const atom = await readFile(join(output, "feed.xml"), "utf8");
    assert.doesNotMatch(atom, /Version 1\.0|Autumn conference/);
  });

  it("keeps them in their category's pages and feeds, and in the archive by date", async () => {
    const releaseFeed = await readFile(join(output, "category/release/feed.xml"), "utf8");
    assert.match(releaseFeed, /Version 1\.0\.2/);
    const events = await readPage(output, "category/events/index.html");
    assert.match(events.querySelector(".article-list")?.textContent ?? "", /Autumn conference/);
    const june = await readPage(output, "2021/06/index.html");
    assert.equal(june.querySelectorAll(".article-list .article-item").length, 2);
  });

  it("gives a category's page its name and description from the settings, its count and visible feed links, and no category on its rows", async () => {
    const page = await readPage(output, "category/release/index.html");
    assert.equal(page.querySelector("h1")?.textContent, "Release notes");
    assert.equal(page.querySelector(".topic-description")?.textContent, "Every version, with its changes.");
    assert.match(page.querySelector(".topic-facts")?.textContent ?? "", /^2 articles · Follow: Atom feed, JSON feed$/);
    assert.deepEqual(
      [...page.querySelectorAll(".topic-facts a")].map((link) => link.getAttribute("href")),
      ["/category/release/feed.xml", "/category/release/feed.json"],
    );
    assert.equal(page.querySelectorAll('.article-item-meta a[href^="/category/"]').length, 0);
    const index = await readPage(output, "category/index.html");
    assert.match(index.querySelector(".topic-index")?.textContent ?? "", /Release notes 2 articles\s*Every version, with its changes\./);
  });

  it("publishes no tag index and links none when no article has tags", async () => {
    assert.equal(existsSync(join(output, "tag/index.html")), false);
    const home = await readPage(output, "index.html");
    assert.equal(
      [...home.querySelectorAll("a")].some((link) => link.getAttribute("href")?.startsWith("/tag/")),
      false,
    );
  });

  it("warns about a name in listsExclude that is no category", () => {
    assert.match(run.stderr, /listsExclude\[1\] names the category "Sports", which no published article has/);
  });
});
