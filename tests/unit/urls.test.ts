import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  absoluteUrlFor,
  hrefFor,
  hrefFromRoot,
  outputFileFor,
  pathFromRoot,
  permanentIdFor,
  relativeHref,
  routeFolder,
  routePath,
  siteOwnPath,
  type UrlContext,
} from "../../src/core/urls.ts";

const at = (basePath: string, siteUrl?: string, cleanUrls = true): UrlContext => ({ basePath, siteUrl, cleanUrls });

describe("the URL module", () => {
  const article = { kind: "article", path: "/2021/04/09/annual-report/" } as const;

  it("places an article at /YYYY/MM/DD/slug/ with zero-padded month and day", () => {
    assert.equal(routePath(article), "/2021/04/09/annual-report/");
  });

  it("writes a folder route as its index.html and a file route as itself", () => {
    assert.equal(outputFileFor(article), "2021/04/09/annual-report/index.html");
    assert.equal(outputFileFor({ kind: "home" }), "index.html");
    assert.equal(outputFileFor({ kind: "file", path: "assets/style.css" }), "assets/style.css");
  });

  it("gives a route's place from the site's root without the leading slash, a folder keeping its trailing one", () => {
    assert.equal(pathFromRoot({ kind: "search-index" }), "search-index/");
    assert.equal(pathFromRoot({ kind: "service-worker" }), "sw.js");
    assert.equal(pathFromRoot({ kind: "home" }), "");
  });

  it("identifies a page by its URL with a site URL, else by a tag URI that no base path or link style changes", () => {
    assert.equal(permanentIdFor(article, at("/news/", "https://example.org/news/"), "Green News"), "https://example.org/news/2021/04/09/annual-report/");
    const tag = "tag:news-archive,2026-11-30:green-news/2021/04/09/annual-report/";
    assert.equal(permanentIdFor(article, at("/"), "Green News"), tag);
    assert.equal(permanentIdFor(article, at("/news/", undefined, false), "Green News"), tag);
    assert.equal(permanentIdFor({ kind: "home" }, at("/"), "Green News"), "tag:news-archive,2026-11-30:green-news/");
    // A title with no letter or digit to slugify still gives an id.
    assert.equal(permanentIdFor({ kind: "home" }, at("/"), "???"), "tag:news-archive,2026-11-30:archive/");
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

  it("places an article and a redirect where their path says, a file when it is named .html, and an author's pages and feed", () => {
    assert.equal(outputFileFor({ kind: "article", path: "/2019/10/15/Rustup-1.20.0/" }), "2019/10/15/Rustup-1.20.0/index.html");
    assert.equal(outputFileFor({ kind: "redirect", path: "/2019/10/15/Rustup-1.20.0.html" }), "2019/10/15/Rustup-1.20.0.html");
    assert.equal(routeFolder({ kind: "article", path: "/news/2021/report.html" }), "/news/2021/");
    assert.equal(routeFolder(article), "/2021/04/09/annual-report/");
    assert.equal(routePath({ kind: "author", slug: "ann-lee", page: 2 }), "/author/ann-lee/page/2/");
    assert.equal(routePath({ kind: "authors" }), "/author/");
    assert.equal(routePath({ kind: "feed", format: "atom", author: "ann-lee" }), "/author/ann-lee/feed.xml");
    assert.deepEqual([routePath({ kind: "redirects-file" }), routePath({ kind: "redirect-map" })], ["/_redirects", "/redirects.json"]);
  });

  it("percent-encodes in links what a path cannot hold as it is, and keeps the file's own name", () => {
    const hugo = { kind: "article", path: "/blog/c#-f#-café-100%/" } as const;
    assert.equal(hrefFor(hugo, at("/")), "/blog/c%23-f%23-caf%C3%A9-100%25/");
    assert.equal(outputFileFor(hugo), "blog/c#-f#-café-100%/index.html");
    assert.equal(hrefFor({ kind: "article", path: "/2019/10/15/Rustup-1.20.0/" }, at("/")), "/2019/10/15/Rustup-1.20.0/");
  });

  it("knows the site's own pages and files, which no article or redirect may take", () => {
    for (const path of [
      "/",
      "/2021/",
      "/2021/04/",
      "/2021/04/09/",
      "/archive/",
      "/Search/",
      "/category/x/",
      "/author/",
      "/page/2/",
      "/feed.xml",
      "/feed.xml/",
      "/_redirects",
      "/assets/x.css",
      "/search-index/x",
      "/index.html",
      "/2021/04/index.html",
      "/offline-archive.json/",
    ]) {
      assert.notEqual(siteOwnPath(path), undefined, path);
    }
    for (const path of ["/2021/04/09/report/", "/news/", "/archive.html", "/blog/2021/", "/releases/1.94.1/", "/x/index.htm"])
      assert.equal(siteOwnPath(path), undefined, path);
  });
});
