import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyLinkedToBundle } from "../../src/content/bundle-files.ts";
import { bundleFolder } from "../../src/core/urls.ts";
import { findPathConflicts, refuseClashes, type PathClaim } from "../../src/publish/written-paths.ts";

const clashes = (claims: readonly PathClaim[]): string[] =>
  findPathConflicts(claims).map(({ claim, taken, asFolder }) => `${claim.path} ${claim.by} / ${taken.by}${asFolder ? " (folder)" : ""}`);

describe("the paths a build writes", () => {
  it("clash when two claims name one file, ignoring case, and the earlier one wins", () => {
    assert.deepEqual(
      clashes([
        { path: "index.html", by: "home" },
        { path: "Index.HTML", by: "bundle" },
        { path: "a/index.html", by: "other" },
      ]),
      ["Index.HTML bundle / home"],
    );
  });

  it("clash when a file stands where another needs a folder, in either order", () => {
    assert.deepEqual(
      clashes([
        { path: "a/b/index.html", by: "page" },
        { path: "a/b", by: "bundle" },
      ]),
      ["a/b bundle / page (folder)"],
    );
    assert.deepEqual(
      clashes([
        { path: "a/b", by: "page" },
        { path: "a/b/c.png", by: "bundle" },
      ]),
      ["a/b/c.png bundle / page"],
    );
  });

  it("keep a folder one writer fills for that writer alone", () => {
    const claims = [
      { path: "search-index/", by: "the search index" },
      { path: "assets/", by: "the theme" },
      { path: "assets/style.css", by: "the theme" },
    ];
    assert.deepEqual(
      clashes([...claims, { path: "search-index/entry.bin", by: "bundle" }, { path: "Assets/x.css", by: "bundle" }, { path: "search-index", by: "bundle" }]),
      [
        "search-index/entry.bin bundle / the search index (folder)",
        "Assets/x.css bundle / the theme (folder)",
        "search-index bundle / the search index (folder)",
      ],
    );
  });

  it("let the kind of file a folder is open to sit beside its writer's files there, and no other", () => {
    const theme = { path: "assets/", by: "the theme", openTo: "static-file" } as const;
    const staticFile = { path: "assets/logo.png", by: "static", leftOut: { kind: "static-file", reportedAt: "static/assets/logo.png" } } as const;
    const bundleFile = { path: "assets/chart.svg", by: "bundle", leftOut: { kind: "bundle-file", reportedAt: "x/chart.svg" } } as const;
    assert.deepEqual(clashes([theme, staticFile, bundleFile]), ["assets/chart.svg bundle / the theme (folder)"]);
  });

  it("leave out what clashes, each with one error naming both at its own file, and treat a clash of the site's own files as a fault", () => {
    const claims: PathClaim[] = [
      { path: "2021/04/09/report/index.html", by: "the article report.md" },
      { path: "feed.xml", by: "the site's own /feed.xml" },
      { path: "2021/04/09/Report/index.html", by: "the redirect page of old.md", leftOut: { kind: "redirect-page", reportedAt: "old.md" } },
      { path: "images/logo.png", by: "the static file static/images/logo.png", leftOut: { kind: "static-file", reportedAt: "static/images/logo.png" } },
      { path: "images/logo.png", by: "the page-bundle file x/images/logo.png", leftOut: { kind: "bundle-file", reportedAt: "x/images/logo.png" } },
      { path: "feed.xml", by: "the static file static/feed.xml", leftOut: { kind: "static-file", reportedAt: "static/feed.xml" } },
    ];
    const { refused, diagnostics } = refuseClashes(claims);
    assert.deepEqual([...refused], [claims[2], claims[4], claims[5]]);
    assert.deepEqual(
      diagnostics.map((item) => `${item.file}: ${item.severity}: ${item.message}`),
      [
        "old.md: error: the redirect page of old.md would be written at /2021/04/09/Report/index.html, where the article report.md is written; it was left out. Rename or move one of them",
        "x/images/logo.png: error: the page-bundle file x/images/logo.png would be written at /images/logo.png, where the static file static/images/logo.png is written; it was left out. Rename or move one of them",
        "static/feed.xml: error: the static file static/feed.xml would be written at /feed.xml, where the site's own /feed.xml is written; it was left out. Rename or move one of them",
      ],
    );
    assert.throws(
      () =>
        refuseClashes([
          { path: "feed.xml", by: "the site's feed.xml" },
          { path: "feed.xml", by: "the theme" },
        ]),
      /fault of news-archive/,
    );
  });
});

describe("a page bundle's folder", () => {
  it("is the article's folder, or for an article at a file the folder named like it", () => {
    assert.equal(bundleFolder({ kind: "article", path: "/2021/04/09/report/" }), "/2021/04/09/report/");
    assert.equal(bundleFolder({ kind: "article", path: "/foo.html" }), "/foo/");
    assert.equal(bundleFolder({ kind: "article", path: "/2021/Report.HTM" }), "/2021/Report/");
  });

  it("is where the body's links to the bundle's files point, other links left as written", () => {
    const html =
      '<img src="chart.svg"><img src="./sub/a%20b.png?v=1"><a href="other.html">x</a><a href="/abs.png">y</a><a href="https://e.org/chart.svg">z</a>';
    const assets = ["chart.svg", "sub/a b.png"];
    assert.equal(
      bodyLinkedToBundle(html, { kind: "article", path: "/2021/report.html" }, assets),
      '<img src="report/chart.svg"><img src="report/sub/a%20b.png?v=1"><a href="other.html">x</a><a href="/abs.png">y</a><a href="https://e.org/chart.svg">z</a>',
    );
    assert.equal(bodyLinkedToBundle(html, { kind: "article", path: "/2021/report/" }, assets), html);
  });
});

describe("a written path", () => {
  it("that would leave the output folder is a fault, never written", () => {
    for (const path of ["../x", "a/../../x", "/etc/passwd", "a/./b", "a\\..\\b", "a\0b"])
      assert.throws(() => refuseClashes([{ path, by: "the article a.md" }]), /outside the output folder; this is a fault/, path);
    assert.doesNotThrow(() =>
      refuseClashes([
        { path: "..x/a..b/.c/index.html", by: "the article a.md" },
        { path: "search-index/", by: "the search index" },
      ]),
    );
  });
});
