import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { SAMPLE_CONTENT_DIR } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { checkLinks } from "../../src/publish/link-check.ts";
import { readPage, runCli, type CliRun, type Page } from "../support/cli.ts";
import { checkGridAgainstMonthPages } from "../support/grid.ts";

describe("the sample archive in content/", () => {
  let output: string;
  let run: CliRun;
  let pages: Map<string, Page>;

  before(async () => {
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--output", output]);
    const files = (await readdir(output, { recursive: true })).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    pages = new Map(await Promise.all(files.map(async (file) => [file, await readPage(output, file)] as const)));
  });

  it("builds with no error and no warning, publishing every article but the one draft", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, "");
    const counts = /articles: (\d+) found, (\d+) published, 1 draft\(s\) left out, 0 invalid left out/.exec(run.stdout);
    assert.ok(counts, run.stdout);
    assert.ok(Number(counts[1]) >= 41);
    assert.equal(Number(counts[2]), Number(counts[1]) - 1);
    assert.equal(pages.size, Number(counts[2]));
  });

  it("spans at least 8 years and 4 categories, with featured articles", () => {
    const years = new Set([...pages.keys()].map((file) => file.slice(0, 4)));
    assert.ok(years.size >= 8, `years: ${[...years].join(", ")}`);
    const categories = new Set([...pages.values()].map((page) => page.querySelector(".article-category")?.textContent));
    assert.ok(categories.size >= 4, `categories: ${[...categories].join(", ")}`);
    const anyPage = pages.values().next().value;
    assert.equal(anyPage?.querySelector(".sidebar-box h2")?.textContent, "Focus on");
    assert.ok((anyPage?.querySelectorAll(".sidebar-box:first-child li").length ?? 0) >= 3);
  });

  it("leaves some months without articles", () => {
    const months = new Set([...pages.keys()].map((file) => file.slice(0, 7)));
    const years = new Set([...pages.keys()].map((file) => file.slice(0, 4)));
    assert.ok(months.size < years.size * 12);
  });

  it("has a page bundle with its image, and an article with a table and a code block", () => {
    const bundles = [...pages.entries()].filter(([, page]) => page.querySelector(".article-body img[src]:not([src^='/']):not([src^='http'])"));
    assert.ok(bundles.length >= 1);
    for (const [file, page] of bundles) {
      const src = page.querySelector(".article-body img")?.getAttribute("src") ?? "";
      assert.ok(existsSync(join(output, file.replace(/index\.html$/, ""), src)), `${src} beside ${file}`);
    }
    assert.ok([...pages.values()].some((page) => page.querySelector(".article-body table") && page.querySelector(".article-body pre code")));
  });

  it("has a month grid that agrees with its month pages and counts every published article", async () => {
    const facts = await checkGridAgainstMonthPages(output);
    assert.equal(facts.articlesInGrid, pages.size);
  });

  it("answers every article URL trimmed of its slug with that day's page, listing the article", async () => {
    for (const file of pages.keys()) {
      const day = file.split("/").slice(0, 3).join("/");
      const dayPage = await readPage(output, `${day}/index.html`);
      const listed = [...dayPage.querySelectorAll("main .article-list a")].map((link) => link.getAttribute("href"));
      assert.ok(listed.includes(`/${file.replace(/index\.html$/, "")}`), `${day}/ does not list ${file}`);
    }
  });

  it("has no broken internal link", async () => {
    const report = await checkLinks(output, "/");
    assert.deepEqual(report.broken, []);
  });

  it("builds under /news/ with every link resolving, the link check included", async () => {
    const prefixed = join(await temporaryFolder(), "site");
    const result = await runCli(["--output", prefixed, "--base-path", "/news/", "--check-links"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /links: \d+ internal links checked on \d+ pages, 0 broken/);
    assert.deepEqual((await checkLinks(prefixed, "/news/")).broken, []);
  });

  it("reads its settings from content/news-archive.json", async () => {
    assert.ok(existsSync(join(SAMPLE_CONTENT_DIR, "news-archive.json")));
    const home = await readPage(output, "index.html");
    assert.equal(home.querySelector(".site-name")?.textContent, "Green Purchasing Network — News");
  });
});
