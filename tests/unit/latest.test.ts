import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { findCategory, latestArticles, leadArticle } from "../../src/model/latest.ts";
import { articleOn } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const release = { slug: "release", name: "Release notes" };
const events = { slug: "events", name: "Events" };
const today = { year: 2021, month: 4, day: 15 };

const articles = [
  articleOn(2021, 3, 1, { featured: true }),
  articleOn(2021, 4, 1, { category: release }),
  articleOn(2021, 4, 10),
  articleOn(2021, 4, 15, { category: events }),
  articleOn(2021, 5, 1, { category: events, featured: true }),
];
const model = buildArchiveModel(articles, [news, release, events]);
const datesOf = (list: readonly { readonly date: { readonly iso: string } }[]): string[] => list.map((article) => article.date.iso);

describe("the latest articles", () => {
  it("are every article up to the build's day, newest first, those of the build's day included", () => {
    assert.deepEqual(datesOf(latestArticles(model, [], today)), ["2021-04-15", "2021-04-10", "2021-04-01", "2021-03-01"]);
  });

  it("leave out the categories listsExclude names, by name in any case or by slug", () => {
    assert.deepEqual(datesOf(latestArticles(model, ["release NOTES"], today)), ["2021-04-15", "2021-04-10", "2021-03-01"]);
    assert.deepEqual(datesOf(latestArticles(model, ["release", "events"], today)), ["2021-04-10", "2021-03-01"]);
  });

  it("ignore a name that is no category", () => {
    assert.equal(latestArticles(model, ["Nothing"], today).length, 4);
  });
});

describe("the lead story", () => {
  it("is the newest featured article dated up to the build's day, whatever its category", () => {
    assert.equal(leadArticle(model, latestArticles(model, ["events"], today), today)?.date.iso, "2021-03-01");
    const later = { year: 2021, month: 5, day: 1 };
    assert.equal(leadArticle(model, latestArticles(model, ["events"], later), later)?.date.iso, "2021-05-01");
  });

  it("is the newest of the latest articles on an archive that features none, and none on an archive without any", () => {
    const unfeatured = buildArchiveModel([articleOn(2021, 1, 1), articleOn(2021, 2, 1, { category: release }), articleOn(2021, 1, 20)], [news, release]);
    assert.equal(leadArticle(unfeatured, latestArticles(unfeatured, ["release"], today), today)?.date.iso, "2021-01-20");
    const empty = buildArchiveModel([], [news]);
    assert.equal(leadArticle(empty, latestArticles(empty, [], today), today), undefined);
  });
});

describe("finding a category named in the settings", () => {
  it("accepts its name in any case, its slug, or a name that makes its slug", () => {
    assert.deepEqual(
      ["Release notes", "RELEASE NOTES", "release", "Release"].map((name) => findCategory(model, name)?.topic.slug),
      ["release", "release", "release", "release"],
    );
    assert.equal(findCategory(model, "Sports"), undefined);
  });
});
