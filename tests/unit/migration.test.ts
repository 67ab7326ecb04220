import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LoadedArchive, LoadOptions } from "../../src/content/load-archive.ts";
import { article } from "../support/archive.ts";
import { loadFiles } from "../support/load.ts";

/** The archive of `files`, loaded with News as its default category unless the settings say otherwise. */
const load = (files: Record<string, string>, rawSettings: Record<string, unknown> = {}, extra: Partial<LoadOptions> = {}): Promise<LoadedArchive> =>
  loadFiles(files, { defaultCategory: "News", ...rawSettings }, extra);

const problems = (archive: LoadedArchive): string[] =>
  archive.diagnostics
    .filter((item) => item.kind !== "missing-category" && item.kind !== "unread-keys")
    .map((item) => `${item.file}${item.line === undefined ? "" : `:${item.line}`} ${item.severity} ${item.message}`);
const redirectsOf = (archive: LoadedArchive, file: string): string[] =>
  [...archive.articles, ...archive.pages].find((item) => item.sourcePath === file)?.redirects.map(({ path, query }) => `${path}${query}`) ?? [];
const bodyOf = (archive: LoadedArchive, file: string): string =>
  [...archive.articles, ...archive.pages].find((item) => item.sourcePath === file)?.bodyHtml ?? "";
const stub = (target: string, key = "redirect"): string => `---\n${key}: ${target}\n---\n`;

describe("undated files", () => {
  it("are pages of the site at their path, with their old addresses; a README without front matter is skipped and counted", async () => {
    const archive = await load({
      "about.md": article({ title: "About us", aliases: "[/about-us.html]" }, "Who we are."),
      "team/index.md": article({ title: "Team" }),
      "README.md": "# Notes for editors\n",
      "2021-04-09-report.md": article({ title: "Report" }),
    });
    assert.deepEqual(
      archive.pages.map((page) => [page.sourcePath, page.route.path]),
      [
        ["about.md", "/about/"],
        ["team/index.md", "/team/"],
      ],
    );
    assert.deepEqual(redirectsOf(archive, "about.md"), ["/about-us.html"]);
    assert.match(bodyOf(archive, "about.md"), /<p>Who we are\.<\/p>/);
    assert.deepEqual(
      archive.articles.map((item) => item.sourcePath),
      ["2021-04-09-report.md"],
    );
    assert.equal(archive.counts.pages, 2);
    assert.equal(archive.counts.readmes, 1);
    assert.equal(archive.counts.articleFiles, 1);
    assert.deepEqual(problems(archive), []);
  });

  it("take their own url, and may not take an article's address or one of the site's pages", async () => {
    const archive = await load({
      "a.md": article({ title: "A", url: "/who/" }),
      "search.md": article({ title: "Search tips" }),
      "2021-04-09-x.md": article({ title: "X" }),
      "2021/04/09/x.md": article({ title: "Clash" }),
    });
    assert.deepEqual(
      archive.pages.map((page) => page.route.path),
      ["/who/"],
    );
    assert.deepEqual(problems(archive), [
      '2021/04/09/x.md error would be published at /2021/04/09/x/, an address of 2021-04-09-x.md; rename the file, or give it a "url" (nothing was overwritten: this page was left out)',
      'search.md error would be published at /search/, the site\'s own "/search", a page of the site; rename the file, or give it a "url" (nothing was overwritten: this page was left out)',
    ]);
  });

  it("that name a category are most likely articles missing their date: a warning says so", async () => {
    const archive = await load({ "a.md": article({ title: "A", category: "Events", tags: "[x]" }) });
    assert.deepEqual(problems(archive), [
      'a.md:3 warning has no date, so it is published as a page of the site, not as an article, and its "category", "tags" are not used; add "date: YYYY-MM-DD" to publish it as an article',
    ]);
  });
});

describe("old permalinks", () => {
  it("give each article a redirect from its old address, the file name kept as written", async () => {
    const archive = await load(
      { "go1.6.md": article({ title: "Go 1.6 is released", date: "2016-02-17" }), "news/2016-02-18-x.md": article({ title: "X", date: "2016-02-18" }) },
      { oldPermalinks: ["/blog/:filename", { pattern: "/:year/:month/:day/:title.html", style: "jekyll" }] },
    );
    assert.deepEqual(redirectsOf(archive, "go1.6.md"), ["/blog/go1.6/", "/2016/02/17/go1.6.html"]);
    assert.deepEqual(redirectsOf(archive, "news/2016-02-18-x.md"), ["/blog/x/", "/2016/02/18/x.html"]);
  });

  it("under a base path, are read from the host's root, as the addresses a section of a larger site had", async () => {
    const archive = await load(
      { "gofmt.md": article({ title: "Go fmt", date: "2013-01-23" }), "hugo.md": article({ title: "H", date: "2013-01-24", url: "/blog/hugo-post/" }) },
      {
        siteUrl: "https://go.dev/blog/",
        oldPermalinks: ["/blog/:filename"],
        permalinkStyle: "hugo",
        permalink: "/:year/:month/:slug/",
      },
    );
    assert.deepEqual(redirectsOf(archive, "gofmt.md"), ["/gofmt/"]);
    assert.equal(archive.articles.find((item) => item.sourcePath === "hugo.md")?.route.path, "/hugo-post/");
  });

  it("that two articles share is an error naming both", async () => {
    const archive = await load(
      { "a/x.md": article({ title: "A", date: "2021-01-01" }), "b/x.md": article({ title: "B", date: "2021-01-02" }) },
      { oldPermalinks: ["/blog/:filename/"] },
    );
    assert.deepEqual(problems(archive), [
      'b/x.md error the old address "/blog/x/" in "oldPermalinks" is an old address of a/x.md too, so it cannot lead here; remove it from one of them (no redirect was written for it)',
    ]);
  });
});

describe("redirect stubs", () => {
  it("lead their own old address to the article their target names, through the old addresses, and are counted", async () => {
    const archive = await load(
      {
        "gofmt.md": article({ title: "Go fmt your code", date: "2013-01-23" }),
        "go-fmt-your-code.md": stub("/blog/gofmt"),
        "formatting.md": stub("/blog/go-fmt-your-code"),
        "away.md": stub("https://example.org/elsewhere", "redirect_to"),
      },
      { oldPermalinks: ["/blog/:filename"] },
    );
    assert.deepEqual(redirectsOf(archive, "gofmt.md").sort(), ["/blog/formatting/", "/blog/go-fmt-your-code/", "/blog/gofmt/"]);
    assert.deepEqual(
      archive.redirects.map((redirect) => [redirect.from.path, "url" in redirect.to ? redirect.to.url : ""]),
      [["/blog/away/", "https://example.org/elsewhere"]],
    );
    assert.equal(archive.counts.stubs, 4 - 1);
    assert.deepEqual(problems(archive), []);
  });

  it("that lead to a pattern, which hosts would fill in, are refused; so are the redirects setting's", async () => {
    const archive = await load(
      { "a.md": article({ title: "A", date: "2021-01-01" }), "old.md": stub('"/:splat"') },
      { redirects: { "/everything/": "/news/*" } },
    );
    assert.deepEqual(archive.redirects, []);
    assert.deepEqual(problems(archive), [
      ' error settings: setting redirects["/everything/"] "/news/*" has a "*", which hosts that read _redirects (Netlify, Cloudflare Pages) take for a wildcard matching every address; remove it; no redirect was written for it',
      'old.md:2 error its "redirect" "/:splat" has a part starting with ":" (":splat"), which hosts that read _redirects (Netlify, Cloudflare Pages) take for a placeholder matching any text; remove the ":" or put a letter before it; no redirect was written for it',
    ]);
  });

  it("that lead nowhere in the archive are written as they are, with a warning", async () => {
    const archive = await load({ "a.md": article({ title: "A", date: "2021-01-01" }), "old.md": stub("/ref/spec") });
    assert.deepEqual(
      archive.redirects.map((redirect) => [redirect.from.path, "url" in redirect.to ? redirect.to.url : ""]),
      [["/old/", "/ref/spec"]],
    );
    assert.deepEqual(problems(archive), [
      'old.md:2 warning its "redirect" leads to "/ref/spec", which is no article, page or file of the archive; the redirect leads there as written. Correct it if it named an article',
    ]);
  });
});

describe("links in bodies", () => {
  const files = {
    "strings.md": article(
      { title: "Strings", date: "2013-10-23" },
      "See [slices](/blog/slices), [again](https://go.dev/blog/slices#top), [spec](/ref/spec) and ![x](strings/x.png).",
    ),
    "slices.md": article({ title: "Slices", date: "2013-09-26" }, "Read [strings](strings.md) and [nothing](/blog/nothing-here)."),
  };

  it("that name an old address lead to the article's own; links to the rest of the host stay; relative ones resolve from the old address", async () => {
    const archive = await load(files, { siteUrl: "https://go.dev/blog/", oldPermalinks: ["/blog/:filename"] });
    assert.equal(
      bodyOf(archive, "strings.md"),
      '<p>See <a href="/blog/2013/09/26/slices/">slices</a>, <a href="/blog/2013/09/26/slices/#top">again</a>, <a href="/ref/spec">spec</a> and <img src="/blog/strings/x.png" alt="x">.</p>\n',
    );
    assert.equal(bodyOf(archive, "slices.md"), '<p>Read <a href="/blog/2013/10/23/strings/">strings</a> and <a href="/blog/nothing-here">nothing</a>.</p>\n');
    assert.deepEqual(archive.counts.links, { rewritten: 3, unmatched: 2 });
    assert.deepEqual(problems(archive), [
      ' warning 2 link(s) in 2 file(s) look internal (under /blog/, relative, or to the site\'s host) but lead to no article, page or file of the archive, and were left as written: /blog/nothing-here (slices.md), strings/x.png (strings.md). Give the articles\' old addresses ("oldPermalinks", "aliases"), put the files in the static folder (the "static" setting), or correct the links',
    ]);
  });

  it("that name a static file get the base path", async () => {
    const archive = await load(
      { ...files, "strings/x.png": "png" },
      { siteUrl: "https://go.dev/blog/", oldPermalinks: ["/blog/:filename"], static: "." },
      { staticFiles: "content" },
    );
    assert.match(bodyOf(archive, "strings.md"), /<img src="\/blog\/strings\/x\.png" alt="x">/);
    assert.deepEqual(
      archive.staticFiles.map((file) => file.path),
      ["/strings/x.png"],
    );
    assert.deepEqual(archive.counts.links, { rewritten: 3, unmatched: 1 });
  });
});
