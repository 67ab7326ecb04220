import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticleDate } from "../../src/core/dates.ts";
import { buildArchiveModel, chunk, pageNumbersToShow } from "../../src/model/archive-model.ts";
import { articleOn } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };

describe("the archive model", () => {
  it("groups articles into years and months, newest first, leaving out months and years without articles", () => {
    const model = buildArchiveModel([articleOn(2019, 3, 1), articleOn(2021, 4, 9), articleOn(2021, 4, 30), articleOn(2021, 12, 31)], [news]);
    assert.deepEqual(
      model.years.map((year) => [year.year, year.count, year.months.map((month) => [month.month, month.articles.length])]),
      [
        [
          2021,
          3,
          [
            [12, 1],
            [4, 2],
          ],
        ],
        [2019, 1, [[3, 1]]],
      ],
    );
    assert.deepEqual(
      model.months.map((month) => `${month.year}-${month.month}`),
      ["2021-12", "2021-4", "2019-3"],
    );
    assert.deepEqual(
      model.months[1]?.articles.map((article) => article.date.day),
      [30, 9],
    );
  });

  it("lists categories in the order given with their articles newest first, and drops empty ones", () => {
    const model = buildArchiveModel(
      [articleOn(2021, 1, 1), articleOn(2021, 1, 2, { category: events }), articleOn(2021, 1, 3)],
      [events, { slug: "empty", name: "Empty" }, news],
    );
    assert.deepEqual(
      model.categories.map((group) => [group.topic.slug, group.articles.map((article) => article.date.day)]),
      [
        ["events", [2]],
        ["news", [3, 1]],
      ],
    );
  });

  it("lists tags by name with their articles newest first", () => {
    const food = { slug: "food", name: "food" };
    const energy = { slug: "energy", name: "energy" };
    const model = buildArchiveModel([articleOn(2021, 1, 1, { tags: [food] }), articleOn(2021, 1, 2, { tags: [energy, food] })], [news]);
    assert.deepEqual(
      model.tags.map((group) => [group.topic.slug, group.articles.map((article) => article.date.day)]),
      [
        ["energy", [2]],
        ["food", [2, 1]],
      ],
    );
  });

  it("files an evening article in the month of the archive's zone, not of its offset", () => {
    const monthIn = (zone: string): string => {
      const parsed = parseArticleDate("2021-04-30T23:30:00-05:00", zone);
      assert.ok(parsed.ok);
      const model = buildArchiveModel([articleOn(2000, 1, 1, { date: parsed.date })], [news]);
      return `${model.months[0]?.year}-${model.months[0]?.month}`;
    };
    assert.equal(monthIn("UTC"), "2021-5");
    assert.equal(monthIn("America/Chicago"), "2021-4");
  });

  it("puts December 31 and January 1 in different years", () => {
    const model = buildArchiveModel([articleOn(2020, 12, 31), articleOn(2021, 1, 1)], [news]);
    assert.deepEqual(
      model.years.map((year) => [year.year, year.count]),
      [
        [2021, 1],
        [2020, 1],
      ],
    );
  });

  it("has no years, months or categories for an empty archive", () => {
    const model = buildArchiveModel([], [news]);
    assert.deepEqual([model.years, model.months, model.categories, model.tags], [[], [], [], []]);
  });
});

describe("pagination", () => {
  it("makes one empty page of nothing, one page of one item and of exactly a page, two of one more", () => {
    assert.deepEqual(chunk([], 3), [[]]);
    assert.deepEqual(chunk([1], 3), [[1]]);
    assert.deepEqual(chunk([1, 2, 3], 3), [[1, 2, 3]]);
    assert.deepEqual(chunk([1, 2, 3, 4], 3), [[1, 2, 3], [4]]);
  });

  it("shows every page number when there are few pages", () => {
    assert.deepEqual(pageNumbersToShow(1, 1), [1]);
    assert.deepEqual(pageNumbersToShow(2, 5), [1, 2, 3, 4, 5]);
  });

  it("shows the first, the last and the pages around the current one, with gaps between", () => {
    assert.deepEqual(pageNumbersToShow(1, 50), [1, 2, 3, null, 50]);
    assert.deepEqual(pageNumbersToShow(25, 50), [1, null, 23, 24, 25, 26, 27, null, 50]);
    assert.deepEqual(pageNumbersToShow(50, 50), [1, null, 48, 49, 50]);
  });
});
