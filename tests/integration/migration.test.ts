import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli } from "../support/cli.ts";

const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/migration");

/** Where a redirect page at a file of the output sends readers, or undefined when the file is no redirect page. */
async function refreshOf(output: string, file: string): Promise<string | undefined> {
  const content = (await readPage(output, file)).querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
  return content === null || content === undefined ? undefined : content.replace(/^0; url=/, "");
}

/** Every link and image of every article page's body, with the page. */
async function bodyLinks(output: string): Promise<{ readonly page: string; readonly url: string }[]> {
  const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith("index.html"));
  const links: { page: string; url: string }[] = [];
  for (const page of pages) {
    const body = (await readPage(output, page)).querySelector(".article-body");
    for (const element of body?.querySelectorAll("a[href], img[src]") ?? [])
      links.push({ page, url: element.getAttribute("href") ?? element.getAttribute("src") ?? "" });
  }
  return links;
}

describe("an excerpt of the Go blog, moved with its old permalinks", () => {
  const goBlog = join(FIXTURES, "go-blog");

  it("builds without --keep-going: every old address and stub leads to its article, and no link between articles names an old address", async () => {
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", join(goBlog, "content"), "--config", join(goBlog, "news-archive.json"), "--output", output]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^articles: 3 found, 3 published, 0 draft\(s\) left out, 0 invalid left out$/m);
    assert.match(run.stdout, /2 ignored by settings, 1 static file\(s\) published as they are, 1 README\(s\) without front matter skipped/);
    assert.match(run.stdout, /^pages and redirects: 1 redirect stub\(s\) \(redirect, redirect_to\)$/m);
    assert.match(run.stdout, /^links: 2 link\(s\) naming an old address now lead to the article's, 0 look internal but lead nowhere in the archive$/m);
    assert.match(run.stderr, /survey2024-h1-results\.md:3: warning: the date "2024-4-09" has a one-digit month, day or hour/);

    // The site is served at https://go.dev/blog/: /blog/gofmt is gofmt/ in the output, and so is the stub's /blog/go-fmt-your-code.
    const gofmt = "/blog/2013/01/23/gofmt/";
    assert.equal(await refreshOf(output, "gofmt/index.html"), gofmt);
    assert.equal(await refreshOf(output, "go-fmt-your-code/index.html"), gofmt);
    assert.equal(await refreshOf(output, "greenteagc/index.html"), "/blog/2025/10/29/greenteagc/");
    assert.equal(await refreshOf(output, "survey2024-h1-results/index.html"), "/blog/2024/04/09/survey2024-h1-results/");

    const body = (await readPage(output, "2025/10/29/greenteagc/index.html")).querySelector(".article-body");
    assert.deepEqual(
      [...(body?.querySelectorAll("a") ?? [])].map((link) => link.getAttribute("href")),
      [gofmt, gofmt, "/ref/spec"],
    );
    // Its image, relative to the old address /blog/greenteagc, is the static file published where it was.
    assert.equal(body?.querySelector("img")?.getAttribute("src"), "/blog/greenteagc/marksweep-007.png");
    assert.ok(existsSync(join(output, "greenteagc/marksweep-007.png")));

    for (const { page, url } of await bodyLinks(output)) {
      if (!url.startsWith("/blog/") || url.endsWith(".png")) continue;
      const file = `${url.slice("/blog/".length)}${url.endsWith("/") ? "index.html" : ""}`;
      assert.equal(await refreshOf(output, file), undefined, `${page} links to the old address ${url}`);
    }
    // Co-authors each list the article.
    for (const author of ["michael-knyszek", "austin-clements"]) {
      const listed = [...(await readPage(output, `author/${author}/index.html`)).querySelectorAll(".article-item-title a")].map((link) =>
        link.getAttribute("href"),
      );
      assert.deepEqual(listed, ["/blog/2025/10/29/greenteagc/"], author);
    }
    assert.ok(!existsSync(join(output, "README/index.html")) && !existsSync(join(output, "index/index.html")));
  });
});

describe("an excerpt of Jekyll's own news", () => {
  it("builds without --keep-going at Jekyll's addresses, its odd date read as Jekyll read it and its Liquid output mapped by the shortcodes file", async () => {
    const jekyll = join(FIXTURES, "jekyll-news");
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", join(jekyll, "content"), "--config", join(jekyll, "news-archive.json"), "--output", output]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /2023-01-29-jekyll-3-9-3-released\.markdown:3: warning: the date "2023-01-29 18:30:22 2023 -0800" has "2023 -0800" after its time/,
    );
    assert.match(run.stdout, /rendered: .*1 as the shortcodes file says/);
    assert.ok(existsSync(join(output, "news/2023/01/29/jekyll-3-9-3-released/index.html")));
    const patch = (await readPage(output, "news/2013/07/25/jekyll-1-0-4-released/index.html")).querySelector('.article-body a[href*="1349"]');
    assert.equal(patch?.getAttribute("href"), "https://github.com/jekyll/jekyll/issues/1349");
  });
});

describe("an archive with a static folder, pages and a menu", () => {
  const files = {
    "2021/report.md": article({ title: "Annual report", date: "2021-04-09", category: "News" }, "Read [the PDF](/files/report.pdf) and [about us](/about/)."),
    "about.md": article({ title: "About us", redirect_from: "[/who-we-are.html]" }, "We are a network of buyers."),
    "static/favicon.ico": "icon",
    "static/CNAME": "news.example.org\n",
    "static/.well-known/security.txt": "Contact: mailto:security@example.org\n",
    "static/files/report.pdf": "%PDF-1.4",
    "static/press/index.html": "<!doctype html><title>Press</title><p>Press kit.</p>",
    "news-archive.json": JSON.stringify({ siteUrl: "https://example.org/news/", menu: [{ title: "About", url: "/about/" }] }),
  };

  it("copies the static files to the site's root as they are, lists their HTML in the sitemap, and publishes the pages with the menu", async () => {
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", await makeArchive(files), "--output", output, "--check-links"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /5 static file\(s\) published as they are/);
    assert.match(run.stdout, /^pages and redirects: 1 page\(s\) of the site from undated files published$/m);
    for (const [file, text] of [
      ["favicon.ico", "icon"],
      ["CNAME", "news.example.org\n"],
      [".well-known/security.txt", "Contact: mailto:security@example.org\n"],
    ] as const) {
      assert.equal(await readFile(join(output, file), "utf8"), text, file);
    }
    assert.match(await readFile(join(output, "sitemap.xml"), "utf8"), /<loc>https:\/\/example\.org\/news\/press\/index\.html<\/loc>/);
    assert.ok(!existsSync(join(output, "static")), "the static folder's files are at the root, not in a static/ folder");
    const about = await readPage(output, "about/index.html");
    assert.equal(about.querySelector("h1")?.textContent?.trim(), "About us");
    assert.equal(await refreshOf(output, "who-we-are.html"), "/news/about/");
    const report = await readPage(output, "2021/04/09/report/index.html");
    assert.deepEqual([...report.querySelectorAll(".site-nav a")].map((link) => [link.textContent, link.getAttribute("href")]).at(-1), [
      "About",
      "/news/about/",
    ]);
    assert.deepEqual(
      [...report.querySelectorAll(".article-body a")].map((link) => link.getAttribute("href")),
      ["/news/files/report.pdf", "/news/about/"],
    );
  });

  it("refuses a static file that would replace a page of the site, naming both, and leaves it out with --keep-going", async () => {
    const content = await makeArchive({ ...files, "static/feed.xml": "<rss/>", "static/about/index.html": "<p>old</p>" });
    const output = join(await temporaryFolder(), "site");
    const failed = await runCli(["--content", content, "--output", output]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /static\/about\/index\.html: error: the static file static\/about\/index\.html would be written at \/about\/index\.html, where the page of about\.md is written; it was left out/,
    );
    assert.match(
      failed.stderr,
      /static\/feed\.xml: error: the static file static\/feed\.xml would be written at \/feed\.xml, where the site's own \/feed\.xml is written/,
    );
    assert.ok(!existsSync(output));
    const kept = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(await readFile(join(output, "feed.xml"), "utf8"), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.equal((await readPage(output, "about/index.html")).querySelector("h1")?.textContent?.trim(), "About us");
  });
  it("refuses a static folder outside the archive's folder and the settings file's, as it refuses such a logo", async () => {
    const outside = await makeArchive({ "secret.txt": "not for the site" });
    const content = await makeArchive({ ...files, "news-archive.json": JSON.stringify({ static: outside }) });
    const run = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /news-archive\.json: setting "static": the folder .* lies outside the archive's folder and the settings file's folder/);
  });
});

describe("a blog that was one section of a larger site", () => {
  it("reads its Hugo urls from the host's root, gives the base path only to links into the archive, and does not check the links to the rest of the host", async () => {
    const content = await makeArchive({
      "post.md": article(
        { title: "Post", date: "2021-04-09", url: "/blog/2021/04/post/", category: "News" },
        "See [the docs](/docs/setup/), [this post](/blog/2021/04/post/) and [the archive](/blog/archive/).",
      ),
    });
    const output = join(await temporaryFolder(), "site");
    const hugo = await runCli([
      "--content",
      content,
      "--output",
      output,
      "--site-url",
      "https://example.org/blog/",
      "--config",
      await settingsFile({ permalinkStyle: "hugo" }),
      "--check-links",
    ]);
    assert.equal(hugo.code, 0, hugo.stdout + hugo.stderr);
    // The link to the rest of the host cannot be checked: it is counted apart, not reported broken.
    assert.match(
      hugo.stdout,
      /^links: \d+ internal links checked on \d+ pages, 0 broken \(0 in article bodies, 0 in the site's pages\); 1 in article bodies lead to the rest of the host, outside the base path, and were not checked$/m,
    );
    assert.ok(existsSync(join(output, "2021/04/post/index.html")), "published at /blog/2021/04/post/, not /blog/blog/2021/04/post/");
    const links = [...(await readPage(output, "2021/04/post/index.html")).querySelectorAll(".article-body a")].map((link) => link.getAttribute("href"));
    assert.deepEqual(links, ["/docs/setup/", "/blog/2021/04/post/", "/blog/archive/"]);
  });
});

async function settingsFile(settings: Record<string, unknown>): Promise<string> {
  const folder = await makeArchive({ "news-archive.json": JSON.stringify(settings) });
  return join(folder, "news-archive.json");
}
