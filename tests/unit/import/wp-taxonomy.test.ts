import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CategoryTree, taxonomyRedirects } from "../../../src/import/wp-taxonomy.ts";

const tree = new CategoryTree([
  { slug: "local", name: "Local", description: "The valley.", parent: "" },
  { slug: "harbour", name: "Harbour", description: "", parent: "local" },
  { slug: "boats", name: "Boats", description: "", parent: "harbour" },
  { slug: "sport", name: "Sport", description: "", parent: "" },
  { slug: "loop-a", name: "A", description: "", parent: "loop-b" },
  { slug: "loop-b", name: "B", description: "", parent: "loop-a" },
]);
const term = (slug: string) => ({ domain: "category", name: slug, slug });

describe("a WordPress site's categories", () => {
  it("file a post under its most specific category; those above it are implied, those beside it become tags", () => {
    const filed = tree.fileUnder([term("local"), term("harbour"), term("sport")]);
    assert.equal(filed.category?.slug, "harbour");
    assert.deepEqual(
      filed.others.map((other) => other.slug),
      ["sport"],
    );
    assert.deepEqual(tree.fileUnder([]), { others: [] });
  });

  it("become the categories setting, parents first, with WordPress's slugs, descriptions and parents", () => {
    assert.deepEqual(tree.settings(new Set(["boats", "sport"])), [
      { name: "Local", slug: "local", description: "The valley." },
      { name: "Harbour", slug: "harbour", parent: "local" },
      { name: "Boats", slug: "boats", parent: "harbour" },
      { name: "Sport", slug: "sport" },
    ]);
  });

  it("stop following parents that make a circle", () => {
    assert.deepEqual(tree.ancestors("loop-a"), ["loop-b"]);
  });
});

describe("the old addresses of WordPress's listing pages", () => {
  it("lead to the new site's pages where their addresses differ, under the blog's path", () => {
    const redirects = taxonomyRedirects({
      blogUrl: "https://example.org",
      tree,
      categories: new Set(["boats", "sport"]),
      tags: new Map([
        ["harbour-2", "harbour"],
        ["boats", "Boats"],
      ]),
      authors: new Map([["editor", "Dana Editor"]]),
    });
    assert.deepEqual(redirects, {
      "/feed/": "/feed.xml",
      "/category/local/harbour/boats/": "/category/boats/",
      "/category/local/harbour/": "/category/harbour/",
      "/tag/harbour-2/": "/tag/harbour/",
      "/author/editor/": "/author/dana-editor/",
    });
    assert.equal(
      taxonomyRedirects({ blogUrl: "https://example.org/news/", tree, categories: new Set(["sport"]), tags: new Map(), authors: new Map() })[
        "/news/category/sport/"
      ],
      "/category/sport/",
    );
  });
});
