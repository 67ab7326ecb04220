import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { THEME_FILES } from "../../src/core/assets.ts";
import type { Article } from "../../src/core/article.ts";
import type { Settings } from "../../src/core/settings.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { buildSiteViews } from "../../src/model/pages.ts";
import { volumeLevel, volumeScale } from "../../src/model/views/grid.ts";
import { articleOn, settingsWith } from "../support/articles.ts";
import type { CalendarDate } from "../../src/core/dates.ts";

const news = { slug: "news", name: "News" };
const today = { year: 2021, month: 4, day: 15 };

function viewsOf(articles: readonly Article[], settings: Settings = settingsWith(), day: CalendarDate = today) {
  return buildSiteViews(articles, buildArchiveModel(articles, [news]), settings, day, THEME_FILES);
}

describe("the month grid", () => {
  const grid = viewsOf([articleOn(2019, 12, 1), articleOn(2021, 4, 9), articleOn(2021, 4, 30)]).pages.archive[0]?.grid ?? {
    columns: [],
    rows: [],
    legend: [],
    levelMaxes: "",
  };

  it("has one row per year with articles, newest first, each with twelve months and the year's total", () => {
    assert.deepEqual(
      grid.rows.map((row) => [row.year, row.cells.length, row.countText]),
      [
        [2021, 12, "2"],
        [2019, 12, "1"],
      ],
    );
  });

  it("names each month's column by its number, short name and full name", () => {
    assert.deepEqual(
      grid.columns.map((column) => column.number),
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"],
    );
    assert.deepEqual(grid.columns[3], { number: "04", short: "Apr", name: "April" });
  });

  it("prints each month's count, links the months with articles and names the links for screen readers", () => {
    const april = grid.rows[0]?.cells[3];
    assert.deepEqual([april?.countText, april?.href, april?.description], ["2", "/2021/04/", "April 2021: 2 articles"]);
    const may = grid.rows[0]?.cells[4];
    assert.deepEqual([may?.count, may?.href, may?.level], [0, undefined, 0]);
    assert.equal(grid.rows[1]?.cells[11]?.description, "December 2019: 1 article");
  });

  it("shades each month by its count, with a legend of what each shade stands for", () => {
    assert.deepEqual(grid.legend, [
      { level: 1, label: "1" },
      { level: 2, label: "2" },
    ]);
    assert.deepEqual([grid.rows[0]?.cells[3]?.level, grid.rows[1]?.cells[11]?.level], [2, 1]);
  });

  it("gives the largest count of each shade, for shading a month recounted in the browser as the legend says", () => {
    assert.equal(grid.levelMaxes, "1 2");
  });

  it("counts each month's articles by category when categories divide the archive, and not otherwise", () => {
    const events = { slug: "events", name: "Events" };
    const articles = [articleOn(2021, 4, 1), articleOn(2021, 4, 2, { category: events }), articleOn(2021, 4, 3, { category: events })];
    const divided = buildSiteViews(articles, buildArchiveModel(articles, [news, events]), settingsWith(), today, THEME_FILES).pages.archive[0]?.grid;
    assert.equal(divided?.rows[0]?.cells[3]?.categoryCounts, "events:2 news:1");
    assert.equal(divided?.rows[0]?.cells[4]?.categoryCounts, undefined, "an empty month has none");
    assert.equal(grid.rows[0]?.cells[3]?.categoryCounts, undefined);
  });

  it("marks the build's month and names it for the legend", () => {
    assert.deepEqual(
      grid.rows.flatMap((row) => row.cells.flatMap((cell, index) => (cell.isCurrent ? [`${row.year}-${index + 1}`] : []))),
      ["2021-4"],
    );
    assert.equal(grid.current, "April 2021");
  });

  it("writes counts with the locale's digit grouping", () => {
    const many = Array.from({ length: 1200 }, (_, index) => articleOn(2021, 1 + (index % 12), 1, { slug: `a${index}` }));
    const row = viewsOf(many, settingsWith({ locale: "en-US" })).pages.archive[0]?.grid.rows[0];
    assert.equal(row?.countText, "1,200");
  });

  it("shows the recent years on the home page, says when there are more, and marks the build's month only if its year is shown", () => {
    const articles = [articleOn(2019, 1, 1), articleOn(2020, 1, 1), articleOn(2021, 1, 1), articleOn(2022, 1, 1)];
    // Without a sidebar box of the year, which would show them in its place (front-page.test.ts).
    const home = viewsOf(articles, settingsWith({ homeGridYears: 2, sidebar: [] })).pages.home[0];
    assert.deepEqual(
      home?.grid?.rows.map((row) => row.year),
      [2022, 2021],
    );
    assert.equal(home?.gridIsPartial, true);
    assert.equal(home?.grid?.current, "April 2021");
    const shorter = viewsOf(articles, settingsWith({ homeGridYears: 1, sidebar: [] })).pages.home[0];
    assert.equal(shorter?.grid?.current, undefined);
  });
});

describe("the grid's volume scale", () => {
  it("gives each count its own shade when there are no more distinct counts than shades", () => {
    assert.deepEqual(volumeScale([0, 3, 1, 1, 3]), [
      { min: 1, max: 1 },
      { min: 3, max: 3 },
    ]);
  });

  it("cuts many counts at their quartiles into four ranges that cover every count", () => {
    const counts = [1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 40];
    const scale = volumeScale(counts);
    assert.deepEqual(scale, [
      { min: 1, max: 2 },
      { min: 3, max: 5 },
      { min: 6, max: 12 },
      { min: 13, max: 40 },
    ]);
    assert.deepEqual(
      counts.map((count) => volumeLevel(count, scale)),
      [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4],
    );
  });

  it("merges quartiles that fall on one count", () => {
    assert.deepEqual(volumeScale([1, 1, 1, 1, 1, 1, 2, 3, 4, 9]), [
      { min: 1, max: 1 },
      { min: 2, max: 3 },
      { min: 4, max: 9 },
    ]);
  });

  it("gives empty months no shade, and has no range when there is no article", () => {
    assert.deepEqual(volumeScale([0, 0]), []);
    assert.equal(volumeLevel(0, volumeScale([1, 2])), 0);
  });
});
