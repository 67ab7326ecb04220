import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyLinkedToBundle } from "../../src/content/bundle-files.ts";
import { bundleFolder } from "../../src/core/urls.ts";
import { findPathConflicts, refuseClashes, type PathClaim } from "../../src/publish/written-paths.ts";

const clashes = (claims: readonly PathClaim[]): string[] => findPathConflicts(claims).map(({ claim, taken, asFolder }) => `${claim.path} ${claim.by} / ${taken.by}${asFolder ? " (folder)" : ""}`);

describe("the paths a build writes", () => {
  it("clash when two claims name one file, ignoring case, and the earlier one wins", () => {
    assert.deepEqual(clashes([{ path: "index.html", by: "home" }, { path: "Index.HTML", by: "bundle" }, { path: "a/index.html", by: "other" }]), ["Index.HTML bundle / home"]);
  });

  it("clash when a file stands where another needs a folder, in either order", () => {
    assert.deepEqual(clashes([{ path: "a/b/index.html", by: "page" }, { path: "a/b", by: "bundle" }]), ["a/b bundle / page (folder)"]);
    assert.deepEqual(clashes([{ path: "a/b", by: "page" }, { path: "a/b/c.png", by: "bundle" }]), ["a/b/c.png bundle / page"]);
  });

  it("keep a folder one writer fills for that writer alone", () => {
    const claims = [{ path: "search-index/", by: "the search index" }, { path: "assets/", by: "the theme" }, { path: "assets/style.css", by: "the theme" }];
    assert.deepEqual(clashes([...claims, { path: "search-index/entry.bin", by: "bundle" }, { path: "Assets/x.css", by: "bundle" }, { path: "search-index", by: "bundle" }]), [
      "search-index/entry.bin bundle / the search index (folder)",
      "Assets/x.css bundle / the theme (folder)",
      "search-index bundle / the search index (folder)",
    ]);
  });

  it("leave out a page-bundle file that clashes, with an error naming both, and treat a clash of the site's own files as a fault", () => {
    const { refused, diagnostics } = refuseClashes([
      { path: "x/index.html", by: "the article x/index.md" },
      { path: "x/index.html", by: "the page-bundle file x/index.html", bundleFile: "x/index.html" },
    ]);
    assert.deepEqual([...refused], ["x/index.html"]);
    assert.deepEqual(
      diagnostics.map((item) => `${item.file}: ${item.severity}: ${item.message}`),
      ["x/index.html: error: would be written at x/index.html, where the article x/index.md is written; rename it or move it (it was left out)"],
    );
    assert.throws(() => refuseClashes([{ path: "feed.xml", by: "the site's feed.xml" }, { path: "feed.xml", by: "the theme" }]), /fault of news-archive/);
  });
});

describe("a page bundle's folder", () => {
  it("is the article's folder, or for an article at a file the folder named like it", () => {
    assert.equal(bundleFolder({ kind: "article", path: "/2021/04/09/report/" }), "/2021/04/09/report/");
    assert.equal(bundleFolder({ kind: "article", path: "/foo.html" }), "/foo/");
    assert.equal(bundleFolder({ kind: "article", path: "/2021/Report.HTM" }), "/2021/Report/");
  });

  it("is where the body's links to the bundle's files point, other links left as written", () => {
    const html = '<img src="chart.svg"><img src="./sub/a%20b.png?v=1"><a href="other.html">x</a><a href="/abs.png">y</a><a href="https://e.org/chart.svg">z</a>';
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
    for (const path of ["../x", "a/../../x", "/etc/passwd", "a/./b", "a\\..\\b", "a\0b"]) assert.throws(() => refuseClashes([{ path, by: "the article a.md" }]), /outside the output folder; this is a fault/, path);
    assert.doesNotThrow(() => refuseClashes([{ path: "..x/a..b/.c/index.html", by: "the article a.md" }, { path: "search-index/", by: "the search index" }]));
  });
});
