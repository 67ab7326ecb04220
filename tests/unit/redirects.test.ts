import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { queryRedirectKeys } from "../../src/core/query-redirects.browser.ts";
import { buildRedirectFiles } from "../../src/publish/redirects.ts";
import type { Article } from "../../src/core/article.ts";
import { articleOn } from "../support/articles.ts";

const at = (basePath: string, cleanUrls = true) => ({ basePath, siteUrl: undefined, cleanUrls });
const onlyArticles = (articles: readonly Article[]) => ({ articles, pages: [], redirects: [] });

describe("the redirect files", () => {
  const moved = articleOn(2024, 3, 9, {
    slug: "harbour",
    redirects: [
      { path: "/old/harbour.html", query: "" },
      { path: "/p/12/", query: "" },
      { path: "/", query: "?p=12" },
      { path: "/index.php", query: "?page_id=3&lang=en" },
    ],
  });

  it("list every old address in _redirects as a permanent redirect, a query's parameters as Netlify matches them", () => {
    const [redirects] = buildRedirectFiles(onlyArticles([moved, articleOn(2024, 3, 10)]), at("/news/", false));
    assert.equal(redirects?.path, "_redirects");
    assert.equal(
      redirects?.content,
      [
        "/news/old/harbour.html /news/2024/03/09/harbour/index.html 301",
        "/news/p/12/ /news/2024/03/09/harbour/index.html 301",
        "/news/ p=12 /news/2024/03/09/harbour/index.html 301",
        "/news/index.php page_id=3 lang=en /news/2024/03/09/harbour/index.html 301",
        "",
      ].join("\n"),
    );
  });

  it("map each old address with a query to its article, for the home and 404 pages' script", () => {
    const map = buildRedirectFiles(onlyArticles([moved]), at("/"))[1];
    assert.equal(map?.path, "redirects.json");
    assert.deepEqual(JSON.parse(map?.content ?? ""), { "/?p=12": "/2024/03/09/harbour/", "/index.php?page_id=3&lang=en": "/2024/03/09/harbour/" });
  });

  it("are not written when no article has an old address, and the map not when none has a query", () => {
    assert.deepEqual(buildRedirectFiles(onlyArticles([articleOn(2024, 3, 10)]), at("/")), []);
    assert.deepEqual(
      buildRedirectFiles(onlyArticles([articleOn(2024, 3, 9, { redirects: [{ path: "/old/", query: "" }] })]), at("/")).map((file) => file.path),
      ["_redirects"],
    );
  });
});

describe("looking up an old address with a query", () => {
  it("tries the whole address, then each parameter alone, with and without index.html", () => {
    assert.deepEqual(queryRedirectKeys("/news/", "?p=12&utm_source=letter"), ["/news/?p=12&utm_source=letter", "/news/?p=12", "/news/?utm_source=letter"]);
    assert.deepEqual(queryRedirectKeys("/news/index.html", "?p=12"), ["/news/index.html?p=12", "/news/?p=12"]);
    assert.deepEqual(queryRedirectKeys("/news/", ""), []);
  });
});
