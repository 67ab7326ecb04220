import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import { placeArticles, placeEdited } from "../../src/content/placement.ts";
import { settingsWith } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const settings = settingsWith();

/** What placing reads of an article: its file, slug and date. */
function fields(file: string, iso: string, more: { readonly slug?: string; readonly oldAddresses?: { text: string; key: string; line: number }[] } = {}) {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const slug = more.slug ?? file.replace(/\.md$/, "");
  return {
    sourcePath: file,
    title: slug,
    slug,
    fileName: slug,
    date: { year, month, day, hasTime: false, epochMs: Date.UTC(year, month - 1, day), iso },
    oldAddresses: more.oldAddresses ?? [],
  };
}

describe("placing an edited article alone", () => {
  const diagnostics: Diagnostic[] = [];
  const { addresses } = placeArticles(
    [
      { fields: fields("alpha.md", "2021-03-01"), category: news },
      { fields: fields("bravo.md", "2021-04-02", { oldAddresses: [{ text: "/old/bravo/", key: "aliases", line: 4 }] }), category: news },
    ],
    settings,
    diagnostics,
  );

  it("gives it the address the permalink setting gives its new date or slug, or its own", () => {
    assert.deepEqual(diagnostics, []);
    assert.equal(placeEdited(fields("alpha.md", "2021-05-10"), news, settings, addresses), "/2021/05/10/alpha/");
    assert.equal(placeEdited(fields("alpha.md", "2021-03-01", { slug: "first" }), news, settings, addresses), "/2021/03/01/first/");
    assert.equal(placeEdited(fields("alpha.md", "2021-03-01"), news, settings, addresses), "/2021/03/01/alpha/");
  });

  it("gives none where another article lives, or an old address leads, whatever the case", () => {
    assert.equal(placeEdited(fields("alpha.md", "2021-04-02", { slug: "Bravo" }), news, settings, addresses), undefined);
    const aliased = settingsWith({ permalink: "/:slug/" });
    const placed = placeArticles(
      [{ fields: fields("bravo.md", "2021-04-02", { oldAddresses: [{ text: "/old/", key: "aliases", line: 4 }] }), category: news }],
      aliased,
      [],
    );
    assert.equal(placeEdited(fields("alpha.md", "2021-03-01", { slug: "Old" }), news, aliased, placed.addresses), undefined);
    assert.equal(placeEdited(fields("alpha.md", "2021-03-01", { slug: "search" }), news, aliased, placed.addresses), undefined, "the search page's");
  });
});
