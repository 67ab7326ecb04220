import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { absoluteUrlFor, hrefFor, hrefFromRoot, outputFileFor, relativeHref, routePath, type UrlContext } from "../../src/core/urls.ts";

const at = (basePath: string, siteUrl?: string, cleanUrls = true): UrlContext => ({ basePath, siteUrl, cleanUrls });

describe("the URL module", () => {
  const article = { kind: "article", year: 2021, month: 4, day: 9, slug: "annual-report" } as const;

  it("places an article at /YYYY/MM/DD/slug/ with zero-padded month and day", () => {
    assert.equal(routePath(article), "/2021/04/09/annual-report/");
  });

  it("writes a folder route as its index.html and a file route as itself", () => {
    assert.equal(outputFileFor(article), "2021/04/09/annual-report/index.html");
    assert.equal(outputFileFor({ kind: "home" }), "index.html");
    assert.equal(outputFileFor({ kind: "file", path: "assets/style.css" }), "assets/style.css");
  });

  it("prefixes every link with the base path", () => {
    assert.equal(hrefFor(article, at("/")), "/2021/04/09/annual-report/");
    assert.equal(hrefFor(article, at("/news/")), "/news/2021/04/09/annual-report/");
    assert.equal(hrefFor({ kind: "home" }, at("/news/")), "/news/");
    assert.equal(hrefFor({ kind: "category", slug: "events" }, at("/news/")), "/news/category/events/");
    assert.equal(hrefFor({ kind: "tag", slug: "food" }, at("/")), "/tag/food/");
    assert.equal(hrefFor({ kind: "file", path: "/assets/style.css" }, at("/news/")), "/news/assets/style.css");
  });

  it("places paginated pages, month and day pages, feeds, the sitemap and the search page", () => {
    assert.equal(routePath({ kind: "category", slug: "events", page: 1 }), "/category/events/");
    assert.equal(routePath({ kind: "category", slug: "events", page: 3 }), "/category/events/page/3/");
    assert.equal(routePath({ kind: "home", page: 2 }), "/page/2/");
    assert.equal(routePath({ kind: "month", year: 2021, month: 4 }), "/2021/04/");
    assert.equal(routePath({ kind: "day", year: 2021, month: 4, day: 9 }), "/2021/04/09/");
    assert.equal(routePath({ kind: "feed", format: "atom" }), "/feed.xml");
    assert.equal(routePath({ kind: "feed", format: "json", category: "events" }), "/category/events/feed.json");
    assert.equal(routePath({ kind: "sitemap" }), "/sitemap.xml");
    assert.equal(routePath({ kind: "search" }), "/search/");
  });

  it("ends folder links with index.html when clean URLs are off, and leaves files alone", () => {
    assert.equal(hrefFor(article, at("/news/", undefined, false)), "/news/2021/04/09/annual-report/index.html");
    assert.equal(hrefFor({ kind: "feed", format: "atom" }, at("/", undefined, false)), "/feed.xml");
  });

  it("makes a portable page's links relative to it, each naming a file", () => {
    const from = "2021/04/09/annual-report/index.html";
    assert.equal(relativeHref("/archive/index.html", from, "/"), "../../../../archive/index.html");
    assert.equal(relativeHref("/news/archive/", from, "/news/"), "../../../../archive/index.html");
    assert.equal(relativeHref("/", "index.html", "/"), "index.html");
    assert.equal(relativeHref("/search/index.html?q=x#top", "404.html", "/"), "search/index.html?q=x#top");
    assert.equal(relativeHref("/", "tag/food/index.html", "/"), "../../index.html");
    assert.equal(relativeHref("../other/", from, "/"), "../other/index.html");
    assert.equal(relativeHref("chart.svg", from, "/"), "chart.svg");
    for (const outside of ["#main", "https://example.org/", "//cdn.example.org/x.js", "mailto:a@example.org", "/elsewhere/"]) {
      assert.equal(relativeHref(outside, from, "/news/"), outside);
    }
  });

  it("lists pages from the site's root without a leading slash, the home page as ./", () => {
    assert.equal(hrefFromRoot({ kind: "home" }, at("/news/")), "./");
    assert.equal(hrefFromRoot({ kind: "archive" }, at("/news/")), "archive/");
    assert.equal(hrefFromRoot({ kind: "archive" }, at("/news/", undefined, false)), "archive/index.html");
  });

  it("makes absolute URLs from the site URL, and leaves them relative without one", () => {
    assert.equal(absoluteUrlFor(article, at("/news/", "https://example.org/news/")), "https://example.org/news/2021/04/09/annual-report/");
    assert.equal(absoluteUrlFor(article, at("/news/")), "/news/2021/04/09/annual-report/");
  });
});
