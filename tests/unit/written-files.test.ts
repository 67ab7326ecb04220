import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutClashes } from "../../src/publish/written-files.ts";

describe("the files a build writes", () => {
  const page = { path: "2021/04/09/report/index.html", by: "the page of report.md", source: "report.md" };

  it("never replace one another: a later file at an earlier one's place is an error naming both, and is not written", () => {
    const later = [
      { path: "images/logo.png", by: "the static file static/images/logo.png", source: "static/images/logo.png" },
      { path: "2021/04/09/Report/index.html", by: "the static file static/2021/04/09/Report/index.html", source: "static/2021/04/09/Report/index.html" },
      { path: "images/logo.png", by: "the page-bundle file x/images/logo.png", source: "x/images/logo.png" },
    ];
    const { kept, diagnostics } = withoutClashes([page], later);
    assert.deepEqual(kept.map((file) => file.source), ["static/images/logo.png"]);
    assert.deepEqual(
      diagnostics.map((item) => [item.severity, item.file, item.message]),
      [
        ["error", "static/2021/04/09/Report/index.html", "the static file static/2021/04/09/Report/index.html would be written at /2021/04/09/Report/index.html, replacing the page of report.md; it was not written. Move or rename one of them"],
        ["error", "x/images/logo.png", "the page-bundle file x/images/logo.png would be written at /images/logo.png, replacing the static file static/images/logo.png; it was not written. Move or rename one of them"],
      ],
    );
  });

  it("keep out of what the build writes after the pages: the search index, the service worker", () => {
    const { kept, diagnostics } = withoutClashes([page], [
      { path: "search-index/manifest.json", by: "the static file static/search-index/manifest.json", source: "static/search-index/manifest.json" },
      { path: "sw.js", by: "the static file static/sw.js", source: "static/sw.js" },
      { path: "favicon.ico", by: "the static file static/favicon.ico", source: "static/favicon.ico" },
    ]);
    assert.deepEqual(kept.map((file) => file.path), ["favicon.ico"]);
    assert.deepEqual(diagnostics.map((item) => item.message.replace(/;.*/, "")), [
      "the static file static/search-index/manifest.json would be written at /search-index/manifest.json, replacing the site's own /search-index/",
      "the static file static/sw.js would be written at /sw.js, replacing the site's own /sw.js",
    ]);
  });
});
