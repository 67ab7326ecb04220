import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Article } from "../../src/core/article.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { relatedArticles } from "../../src/model/related.ts";
import { articleOn } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };
const food = { slug: "food", name: "Food" };
const energy = { slug: "energy", name: "Energy" };

function relatedTitles(articles: readonly Article[], of: Article, count?: number): string[] {
  const related = relatedArticles(buildArchiveModel(articles, [news, events]), count);
  return (related.get(of) ?? []).map((article) => article.slug);
}

describe("related articles", () => {
  it("rank those sharing more tags first, then the same category, then the nearest in time", () => {
    const subject = articleOn(2021, 6, 1, { slug: "subject", tags: [food, energy] });
    const articles = [
      articleOn(2015, 1, 1, { slug: "both-tags-old", category: events, tags: [food, energy] }),
      articleOn(2021, 5, 30, { slug: "same-category-near" }),
      articleOn(2020, 1, 1, { slug: "one-tag", category: events, tags: [food] }),
      articleOn(2021, 6, 2, { slug: "unrelated-near", category: events }),
      articleOn(2019, 1, 1, { slug: "same-category-far" }),
      subject,
    ].sort((a, b) => a.date.epochMs - b.date.epochMs);
    assert.deepEqual(relatedTitles(articles, subject), ["both-tags-old", "one-tag", "same-category-near", "same-category-far"]);
  });

  it("take the nearest in time, the newer first on a tie, within a category without tags", () => {
    const articles = [1, 2, 3, 4, 5, 6, 7].map((day) => articleOn(2021, 3, day, { slug: `d${day}` }));
    const fourth = articles[3] as Article;
    assert.deepEqual(relatedTitles(articles, fourth), ["d5", "d3", "d6", "d2"]);
    assert.deepEqual(relatedTitles(articles, fourth, 2), ["d5", "d3"]);
  });

  it("are none for an article that shares neither category nor tag with another", () => {
    const alone = articleOn(2021, 1, 1, { slug: "alone", category: events });
    const other = articleOn(2021, 1, 2);
    assert.deepEqual(relatedTitles([alone, other], alone), []);
    assert.deepEqual(relatedTitles([alone, other], other), []);
  });
});
