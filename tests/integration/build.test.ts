import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { checkLinks } from "../../src/publish/link-check.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";
import { filePaths, treeDigest } from "../support/tree.ts";
import { checkGridAgainstMonthPages } from "../support/grid.ts";

const fixture = {
  "2021/first.md": article(
    { title: "First news", date: "2021-04-09", category: "News", tags: "[food, energy]", featured: "true" },
    "Hello **world**.\n\n{{ closure }} and {% raw %} and {{< note >}} stay as written.",
  ),
  "2021/second.md": article({ title: '"<script>alert(1)</script> & friends"', date: "2021-04-30T23:30:00-05:00", category: "events", lang: "fr" }),
  "2021/2021-06-01-third.md": article({ title: "Third", category: "Events", summary: "A summary." }),
  "2022/bundle/index.md": article({ title: "With a chart", date: "2022-03-15", category: "Reports" }, "![A chart](chart.svg)"),
  "2022/bundle/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  "2022/draft.md": article({ title: "Unfinished", date: "2022-05-01", category: "News", draft: "true" }),
  "news-archive.json": JSON.stringify({ title: "Test archive", timeZone: "UTC", locale: "en-US" }),
};

describe("building a fixture archive", () => {
  let content: string;
  let output: string;
  let run: CliRun;

  before(async () => {
    content = await makeArchive(fixture);
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", content, "--output", output]);
  });

  it("exits 0 and says what it published", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /articles: 5 found, 4 published, 1 draft\(s\) left out, 0 invalid left out/);
    assert.match(run.stdout, /pages: 26 written/);
  });

  it("splits its time into phases that add up to no more than the whole, and says the search index was made beside them in a worker thread", () => {
    const time = /^time: ([\d.]+) s \(loading and checking ([\d.]+) s, pages and files ([\d.]+) s; search index beside them ([\d.]+) s\)$/m.exec(run.stdout);
    assert.ok(time, run.stdout);
    const [whole = 0, loading = 0, writing = 0, search = 0] = time.slice(1).map(Number);
    assert.ok(loading + writing <= whole + 0.02, time[0]);
    assert.ok(search <= whole + 0.02, time[0]);
    assert.match(run.stdout, /^search: 4 pages indexed, .*\(made in a worker thread\)$/m);
  });

  it("writes one page per published article at its dated URL, one per day with articles, and no page for the draft", async () => {
    const pages = filePaths(output).filter((file) => /^\d{4}\/\d{2}\/\d{2}\//.test(file));
    assert.deepEqual(pages, [
      "2021/04/09/first/index.html",
      "2021/04/09/index.html",
      "2021/05/01/index.html",
      "2021/05/01/second/index.html",
      "2021/06/01/index.html",
      "2021/06/01/third/index.html",
      "2022/03/15/bundle/chart.svg",
      "2022/03/15/bundle/index.html",
      "2022/03/15/index.html",
    ]);
  });

  it("writes the archive, year, month, category and tag pages, the home page, a 404 page and the offline page", async () => {
    const pages = filePaths(output).filter((file) => file.endsWith(".html") && !/^\d{4}\/\d{2}\/\d{2}\//.test(file));
    assert.deepEqual(pages, [
      "2021/04/index.html",
      "2021/05/index.html",
      "2021/06/index.html",
      "2021/index.html",
      "2022/03/index.html",
      "2022/index.html",
      "404.html",
      "archive/index.html",
      "category/events/index.html",
      "category/index.html",
      "category/news/index.html",
      "category/reports/index.html",
      "index.html",
      "offline/index.html",
      "search/index.html",
      "tag/energy/index.html",
      "tag/food/index.html",
      "tag/index.html",
    ]);
  });

  it("shows in the grid exactly the articles the month pages list, and every published article once", async () => {
    const facts = await checkGridAgainstMonthPages(output);
    assert.deepEqual(facts, { years: 2, linkedMonths: 4, articlesInGrid: 4 });
  });

  it("leaves no link pointing to a page that does not exist", async () => {
    const report = await checkLinks(output, "/");
    assert.deepEqual(report.broken, []);
    assert.ok(report.linksChecked > 100, `${report.linksChecked} links checked`);
  });

  it("prints the title as the only h1, the date in a time element and the language on html", async () => {
    const page = await readPage(output, "2021/04/09/first/index.html");
    assert.deepEqual(
      [...page.querySelectorAll("h1")].map((h1) => h1.textContent),
      ["First news"],
    );
    const time = page.querySelector(".article-meta time");
    assert.equal(time?.getAttribute("datetime"), "2021-04-09");
    assert.equal(time?.textContent, "April 9, 2021");
    assert.equal(page.documentElement.getAttribute("lang"), "en");
    assert.equal(page.querySelector(".article-category")?.getAttribute("href"), "/category/news/");
    assert.equal(page.querySelector(".article-meta a time")?.parentElement?.getAttribute("href"), "/2021/04/09/");
    assert.deepEqual(
      [...page.querySelectorAll(".breadcrumb li")].map((li) => li.textContent),
      ["Home", "2021", "April", "9", "First news"],
    );
    assert.deepEqual(
      [...page.querySelectorAll(".article-tags a")].map((a) => a.textContent),
      ["food", "energy"],
    );
  });

  it("publishes the body as written: template syntax it cannot render stays as text", async () => {
    const body = (await readPage(output, "2021/04/09/first/index.html")).querySelector(".article-body");
    assert.equal(body?.querySelector("strong")?.textContent, "world");
    assert.match(body?.textContent ?? "", /\{\{ closure \}\} and \{% raw %\} and \{\{< note >\}\} stay as written\./);
  });

  it("shows a title holding markup as text, never as markup", async () => {
    const page = await readPage(output, "2021/05/01/second/index.html");
    assert.equal(page.querySelector("h1")?.textContent, "<script>alert(1)</script> & friends");
    // The only scripts are the offline installer and the search highlighter, loaded from files.
    const scripts = [...page.querySelectorAll("script")].map((script) => [script.getAttribute("src") ?? "", script.textContent]);
    assert.deepEqual(
      scripts.map(([src]) => src?.replace(/\.[0-9a-f]{10}\.js$/, ".js")),
      ["/assets/offline.js", "/assets/highlight.js"],
    );
    for (const [, text] of scripts) assert.equal(text, "");
    assert.match(page.querySelector("title")?.textContent ?? "", /^<script>alert\(1\)<\/script> & friends · Test archive$/);
  });

  it("takes the calendar date in the archive's zone and marks an article's own language", async () => {
    const page = await readPage(output, "2021/05/01/second/index.html");
    assert.equal(page.documentElement.getAttribute("lang"), "fr");
    assert.equal(page.querySelector(".article-meta time")?.getAttribute("datetime"), "2021-05-01T04:30:00Z");
  });

  it("links each article to its previous and next in date order, and those pages exist", async () => {
    const order = ["2021/04/09/first", "2021/05/01/second", "2021/06/01/third", "2022/03/15/bundle"];
    for (const [index, path] of order.entries()) {
      const page = await readPage(output, `${path}/index.html`);
      const previous = page.querySelector('a[rel="prev"]')?.getAttribute("href");
      const next = page.querySelector('a[rel="next"]')?.getAttribute("href");
      assert.equal(previous, index === 0 ? undefined : `/${order[index - 1]}/`);
      assert.equal(next, index === order.length - 1 ? undefined : `/${order[index + 1]}/`);
      for (const href of [previous, next]) if (href) assert.ok(existsSync(join(output, href, "index.html")), `${href} exists`);
    }
  });

  it("files categories that differ only in case together", async () => {
    const second = await readPage(output, "2021/05/01/second/index.html");
    const third = await readPage(output, "2021/06/01/third/index.html");
    assert.equal(second.querySelector(".article-category")?.getAttribute("href"), "/category/events/");
    assert.equal(third.querySelector(".article-category")?.textContent, second.querySelector(".article-category")?.textContent);
  });

  it("copies a page bundle's image beside its page, where the relative link finds it", async () => {
    const page = await readPage(output, "2022/03/15/bundle/index.html");
    const image = page.querySelector(".article-body img");
    assert.equal(image?.getAttribute("src"), "chart.svg");
    // The size is read from the file, so the browser keeps the space while it loads.
    assert.deepEqual([image?.getAttribute("width"), image?.getAttribute("height")], ["10", "10"]);
    assert.ok(existsSync(join(output, "2022/03/15/bundle/chart.svg")));
  });

  it("lists featured articles in the Focus on box, each dated and linked to its day", async () => {
    const page = await readPage(output, "2021/06/01/third/index.html");
    const box = page.querySelector(".sidebar-box");
    assert.equal(box?.querySelector("h2")?.textContent, "Focus on");
    assert.deepEqual(
      [...(box?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href")),
      ["/2021/04/09/first/", "/2021/04/09/"],
    );
  });

  it("prints the site's sidebar alike on every page that shows it, and its own boxes on a page that has them", async () => {
    const sidebarOf = async (path: string): Promise<string> => (await readPage(output, path)).querySelector(".sidebar")?.outerHTML ?? "";
    const articleSidebar = await sidebarOf("2021/06/01/third/index.html");
    assert.match(articleSidebar, /sidebar-box--year/);
    for (const path of ["2021/04/09/first/index.html", "2021/04/09/index.html", "category/events/index.html", "2022/index.html"])
      assert.equal(await sidebarOf(path), articleSidebar, path);
    // The archive shows the grid itself: its sidebar leaves out the box of the year.
    const archiveSidebar = await sidebarOf("archive/index.html");
    assert.match(archiveSidebar, /Focus on/);
    assert.doesNotMatch(archiveSidebar, /sidebar-box--year/);
  });

  it("lists a category's articles newest first with date, category and summary or excerpt", async () => {
    const page = await readPage(output, "category/events/index.html");
    const items = [...page.querySelectorAll(".article-item")];
    assert.deepEqual(
      items.map((item) => item.querySelector("h2 a")?.textContent),
      ["Third", "<script>alert(1)</script> & friends"],
    );
    assert.deepEqual(
      items.map((item) => item.querySelector(".article-item-summary")?.textContent),
      ["A summary.", "Body text."],
    );
    const index = await readPage(output, "category/index.html");
    assert.deepEqual(
      [...index.querySelectorAll(".topic-index li")].map((li) => li.textContent?.replace(/\s+/g, " ").trim()),
      ["Events 2 articles", "News 1 article", "Reports 1 article"],
    );
  });

  it("publishes drafts with --drafts", async () => {
    const draftOutput = join(await temporaryFolder(), "site");
    const withDrafts = await runCli(["--content", content, "--output", draftOutput, "--drafts"]);
    assert.equal(withDrafts.code, 0, withDrafts.stderr);
    assert.ok(existsSync(join(draftOutput, "2022/05/01/draft/index.html")));
  });

  it("puts the base path in front of every link and asset", async () => {
    const prefixed = join(await temporaryFolder(), "site");
    const result = await runCli(["--content", content, "--output", prefixed, "--base-path", "/news/"]);
    assert.equal(result.code, 0, result.stderr);
    const page = await readPage(prefixed, "2021/05/01/second/index.html");
    const links = [...page.querySelectorAll("a[href], link[href]")].map((element) => element.getAttribute("href") ?? "");
    const internal = links.filter((href) => href.startsWith("/"));
    assert.ok(internal.length >= 5);
    for (const href of internal) assert.ok(href.startsWith("/news/"), `${href} starts with /news/`);
    const report = await checkLinks(prefixed, "/news/");
    assert.deepEqual(report.broken, []);
    await checkGridAgainstMonthPages(prefixed, "/news/");
  });
});

describe("a build with invalid articles", () => {
  it("reports every error with file and line, exits non-zero and leaves the previous output as it was", async () => {
    const content = await makeArchive({ "good.md": article({ title: "Good", date: "2021-01-01", category: "News" }) });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const before = await readFile(join(output, "2021/01/01/good/index.html"), "utf8");

    await writeFile(join(content, "bad-date.md"), article({ title: "Bad date", date: "2021-02-30", category: "News" }));
    await writeFile(join(content, "no-title.md"), article({ date: "2021-03-01", category: "News" }));
    await writeFile(join(content, "good.md"), article({ title: "Changed", date: "2021-01-01", category: "News" }));
    const failed = await runCli(["--content", content, "--output", output]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /bad-date\.md:3: error: invalid date: "2021-02-30" is not a calendar date/);
    assert.match(failed.stderr, /no-title\.md:1: error: has no title; add "title: \.\.\." to the front matter/);
    assert.match(failed.stderr, /build failed: 2 error\(s\) above; nothing was written/);
    assert.match(failed.stderr, /^articles: 3 found, none published \(the build failed\): 1 valid, 0 draft\(s\) left out, 2 invalid$/m);
    assert.match(failed.stderr, /^pages: none written; .*site is unchanged$/m);
    assert.equal(await readFile(join(output, "2021/01/01/good/index.html"), "utf8"), before);
  });

  it("with --keep-going publishes the valid articles, counts the others and exits 0", async () => {
    const content = await makeArchive({
      "good.md": article({ title: "Good", date: "2021-01-01", category: "News" }),
      "bad.md": article({ title: "Bad", date: "someday", category: "News" }),
    });
    const output = join(await temporaryFolder(), "site");
    const result = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /bad\.md:3: error: invalid date/);
    assert.match(result.stdout, /2 found, 1 published, 0 draft\(s\) left out, 1 invalid left out/);
    assert.match(result.stdout, /problems: 1 error\(s\) \(invalid-date 1\)/);
    assert.ok(existsSync(join(output, "2021/01/01/good/index.html")));
  });

  it("fails when every article is invalid, even with --keep-going, and leaves the previous output byte for byte as it was", async () => {
    const content = await makeArchive({
      "a.md": article({ title: "A", date: "2021-01-01", category: "News" }),
      "b.md": article({ title: "B", date: "2021-01-02", category: "News" }),
    });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const before = await treeDigest(output);

    await writeFile(join(content, "a.md"), article({ title: "A", date: "2021-02-30", category: "News" }));
    await writeFile(join(content, "b.md"), article({ date: "2021-01-02", category: "News" }));
    for (const options of [["--keep-going"], []]) {
      const failed = await runCli(["--content", content, "--output", output, ...options]);
      assert.equal(failed.code, 1, `exit code with ${options.join(" ") || "no option"}`);
      assert.match(failed.stderr, /a\.md:3: error: invalid date/);
      assert.match(
        failed.stderr,
        /build failed: no article to publish: all 2 article file\(s\) are invalid \(the errors above\); nothing was written and .*site is unchanged\. Fix the errors: --keep-going leaves invalid articles out, but never publishes a site without articles\.\n/,
      );
      assert.deepEqual(await treeDigest(output), before);
    }
  });

  it("fails when every article is a draft, saying to set draft: false or pass --drafts, and publishes them with --drafts", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-01", category: "News" }) });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const before = await treeDigest(output);

    await writeFile(join(content, "a.md"), article({ title: "A", date: "2021-01-01", category: "News", draft: "true" }));
    await writeFile(join(content, "b.md"), article({ title: "B", date: "2021-01-02", category: "News", draft: "true" }));
    const failed = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /build failed: no article to publish: all 2 article file\(s\) are drafts, which are left out without --drafts; nothing was written and .*site is unchanged\. Set "draft: false" in the articles that are ready, or pass --drafts to publish drafts too\.\n/,
    );
    assert.deepEqual(await treeDigest(output), before);

    const withDrafts = await runCli(["--content", content, "--output", output, "--drafts"]);
    assert.equal(withDrafts.code, 0, withDrafts.stderr);
    assert.ok(existsSync(join(output, "2021/01/02/b/index.html")));
  });

  it("names both files when two articles would share a URL, and overwrites neither", async () => {
    const content = await makeArchive({
      "a/report.md": article({ title: "One", date: "2021-01-01", category: "News" }),
      "b/Report.md": article({ title: "Two", date: "2021-01-01", category: "News" }),
    });
    const output = join(await temporaryFolder(), "site");
    const result = await runCli(["--content", content, "--output", output]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /b\/Report\.md: error: would be published at \/2021\/01\/01\/report\/, the URL of a\/report\.md/);
    assert.equal(existsSync(output), false);
  });
});

describe("the build command's guard rails", () => {
  it("gives the same pages whatever the machine's time zone", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-04-09", category: "News" }) });
    for (const tz of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      const output = join(await temporaryFolder(), "site");
      const result = await runCli(["--content", content, "--output", output], { TZ: tz });
      assert.equal(result.code, 0, result.stderr);
      const page = await readPage(output, "2021/04/09/a/index.html");
      assert.equal(page.querySelector(".article-meta time")?.textContent, "April 9, 2021", `under TZ=${tz}`);
    }
  });

  it("never replaces a folder holding files it did not write", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-04-09", category: "News" }) });
    const output = await temporaryFolder();
    await writeFile(join(output, "precious.txt"), "keep me");
    const result = await runCli(["--content", content, "--output", output]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /holds files that a news-archive build did not write/);
    assert.equal(await readFile(join(output, "precious.txt"), "utf8"), "keep me");
  });

  it("refuses an unknown option with the usage", async () => {
    const result = await runCli(["--colour"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: unknown option --colour$/m);
    assert.match(result.stderr, /Usage: news-archive build/);
  });
});
