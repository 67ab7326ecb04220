import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hrefFor, outputFileFor, routePath } from "../../src/site/urls.ts";

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
    assert.equal(hrefFor(article, "/"), "/2021/04/09/annual-report/");
    assert.equal(hrefFor(article, "/news/"), "/news/2021/04/09/annual-report/");
    assert.equal(hrefFor({ kind: "home" }, "/news/"), "/news/");
    assert.equal(hrefFor({ kind: "category", slug: "events" }, "/news/"), "/news/category/events/");
    assert.equal(hrefFor({ kind: "tag", slug: "food" }, "/"), "/tag/food/");
    assert.equal(hrefFor({ kind: "file", path: "/assets/style.css" }, "/news/"), "/news/assets/style.css");
  });
});
