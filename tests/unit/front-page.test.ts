import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Article, Category } from "../../src/core/article.ts";
import { THEME_FILES } from "../../src/core/assets.ts";
import type { Settings } from "../../src/core/settings.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { thisDayInPastYears } from "../../src/model/latest.ts";
import { buildSiteViews, type SiteViews } from "../../src/model/pages.ts";
import { categoriesDivide, sectionsOf } from "../../src/model/sections.ts";
import type { SidebarBoxView } from "../../src/model/views/types.ts";
import { articleOn, settingsWith } from "../support/articles.ts";
import type { CalendarDate } from "../../src/core/dates.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };
const reports = { slug: "reports", name: "Reports" };
const uncategorized = { slug: "uncategorized", name: "Uncategorized" };
const today = { year: 2021, month: 4, day: 15 };
const tag = (slug: string) => ({ slug, name: slug.toUpperCase() });
const datesOf = (list: readonly { readonly date: { readonly iso: string } }[] | undefined): string[] => (list ?? []).map((article) => article.date.iso);

function views(articles: readonly Article[], categories: readonly Category[], settings: Settings = settingsWith(), day: CalendarDate = today): SiteViews {
  return buildSiteViews(articles, buildArchiveModel(articles, categories), settings, day, THEME_FILES);
}

describe("the sections of an archive", () => {
  it("are its categories when two or more hold articles, in the settings' order, the most recently active ones when there are too many", () => {
    const articles = [
      articleOn(2020, 1, 1, { category: reports }),
      articleOn(2021, 1, 1, { category: events }),
      articleOn(2021, 2, 1),
      articleOn(2021, 3, 1, { category: events }),
    ];
    const model = buildArchiveModel(articles, [news, events, reports]);
    assert.equal(categoriesDivide(model), true);
    const sections = sectionsOf(model, model.newestFirst);
    assert.deepEqual(
      sections.map((section) => [section.kind, section.topic.slug, datesOf(section.articles), section.total]),
      [
        ["category", "news", ["2021-02-01"], 1],
        ["category", "events", ["2021-03-01", "2021-01-01"], 2],
        ["category", "reports", ["2020-01-01"], 1],
      ],
    );
    // Reports, whose newest article is the oldest, is the one left out.
    assert.deepEqual(
      sectionsOf(model, model.newestFirst, 2).map((section) => section.topic.slug),
      ["news", "events"],
    );
  });

  it("are its tags holding two articles or more, most first, when one category holds every article", () => {
    const articles = [
      articleOn(2021, 1, 1, { category: uncategorized, tags: [tag("a"), tag("b")] }),
      articleOn(2021, 1, 2, { category: uncategorized, tags: [tag("b")] }),
      articleOn(2021, 1, 3, { category: uncategorized, tags: [tag("a"), tag("b"), tag("c")] }),
    ];
    const model = buildArchiveModel(articles, [uncategorized]);
    assert.equal(categoriesDivide(model), false);
    assert.deepEqual(
      sectionsOf(model, model.newestFirst).map((section) => [section.kind, section.topic.slug, datesOf(section.articles)]),
      [
        ["tag", "b", ["2021-01-03", "2021-01-02", "2021-01-01"]],
        ["tag", "a", ["2021-01-03", "2021-01-01"]],
      ],
    );
  });

  it("are none when there is one category and no tag", () => {
    const model = buildArchiveModel([articleOn(2021, 1, 1, { category: uncategorized })], [uncategorized]);
    assert.deepEqual(sectionsOf(model, model.newestFirst), []);
  });
});

describe("this day in past years", () => {
  const model = buildArchiveModel(
    [articleOn(2019, 4, 15), articleOn(2020, 4, 15), articleOn(2020, 4, 17), articleOn(2021, 4, 15), articleOn(2018, 12, 30)],
    [news],
  );

  it("is the articles of earlier years on the build's month and day, newest first, not the build's year's", () => {
    const found = thisDayInPastYears(model, today);
    assert.deepEqual([datesOf(found.articles), found.exact], [["2020-04-15", "2019-04-15"], true]);
  });

  it("is the articles of the days around it when that day has none, across the turn of the year", () => {
    const found = thisDayInPastYears(model, { year: 2022, month: 1, day: 2 });
    assert.deepEqual([datesOf(found.articles), found.exact], [["2018-12-30"], false]);
    assert.deepEqual(datesOf(thisDayInPastYears(model, { year: 2022, month: 4, day: 18 }).articles), ["2021-04-15", "2020-04-17", "2020-04-15", "2019-04-15"]);
    assert.deepEqual(thisDayInPastYears(model, { year: 2022, month: 7, day: 1 }).articles, []);
  });
});

describe("the home page of an archive with no featured article and no sidebar settings", () => {
  const articles = [
    ...Array.from({ length: 8 }, (_, index) => articleOn(2021, 1, index + 1)),
    articleOn(2021, 2, 1, { category: events }),
    articleOn(2021, 2, 2, { category: reports }),
    articleOn(2021, 3, 1, { category: reports }),
    articleOn(2021, 6, 1, { category: events }),
  ];
  const site = views(articles, [news, events, reports], settingsWith({ itemsPerPage: 4 }));
  const [first, second] = site.pages.home;

  it("leads with the newest of the latest articles, a lead story that is not featured", () => {
    assert.equal(first?.lead?.dateIso, "2021-03-01");
    assert.equal(first?.leadKicker, "Latest");
  });

  it("lists the latest articles after the lead, then the latest of each section not shown above it, in the categories' order", () => {
    assert.deepEqual(
      first?.items.map((item) => item.dateIso),
      ["2021-02-02", "2021-02-01", "2021-01-08", "2021-01-07"],
    );
    assert.deepEqual(
      first?.sections.map((section) => [section.title, section.href, section.countText, section.items.map((item) => item.dateIso)]),
      [["News", "/category/news/", "8 articles", ["2021-01-06", "2021-01-05", "2021-01-04"]]],
    );
  });

  it("goes on with the latest articles on its next page where the first page's list stops", () => {
    assert.deepEqual(
      second?.items.map((item) => item.dateIso),
      ["2021-01-06", "2021-01-05", "2021-01-04", "2021-01-03"],
    );
    assert.deepEqual(second?.sections, []);
    assert.equal(first?.pagination?.total, 3);
  });

  it("has sidebar boxes drawn from the archive, its first page leaving out the newest of each section it shows itself", () => {
    assert.deepEqual(
      site.site.sidebar.map((box) => [box.type, box.title]),
      [
        ["sections", "Latest by section"],
        ["year", "2021 by month"],
      ],
    );
    assert.deepEqual(
      first?.sidebar?.map((box) => box.type),
      ["year"],
    );
    assert.equal(second?.sidebar, undefined, "the older pages show the site's boxes");
  });

  it("shows the recent years of the grid once, in the sidebar's box of the year, which is then not left short beside the page", () => {
    const years = [articleOn(2018, 5, 1), articleOn(2019, 5, 1), articleOn(2020, 5, 1, { category: events }), articleOn(2021, 1, 1)];
    const [home] = views(years, [news, events], settingsWith({ homeGridYears: 3 })).pages.home;
    assert.equal(home?.grid, undefined);
    const year = home?.sidebar?.find((box) => box.type === "year");
    assert.ok(year !== undefined && "grid" in year);
    assert.deepEqual([year.title, year.grid.rows.map((row) => row.year), year.grid.legend], ["The last 3 years by month", [2021, 2020, 2019], []]);
    const [withoutBox] = views(years, [news, events], settingsWith({ homeGridYears: 3, sidebar: [{ type: "this-day" }] })).pages.home;
    assert.deepEqual(
      withoutBox?.grid?.rows.map((row) => row.year),
      [2021, 2020, 2019],
      "without a box of the year, the grid ends the page's content",
    );
  });
});

describe("sidebar boxes drawn from the archive", () => {
  const articles = [
    articleOn(2019, 4, 15, { category: events }),
    articleOn(2020, 3, 1),
    articleOn(2021, 1, 10, { category: events }),
    articleOn(2021, 2, 1),
    articleOn(2021, 6, 1, { category: events }),
  ];
  const boxes = views(articles, [news, events], settingsWith({ sidebar: [{ type: "sections" }, { type: "this-day" }, { type: "year", title: "This year" }] }))
    .site.sidebar;
  const [sections, thisDay, year] = boxes;
  const itemsOf = (box: SidebarBoxView | undefined) => (box !== undefined && "items" in box ? box.items : []);

  it("show the newest article of each section under its section's name, none dated after the build's day", () => {
    assert.deepEqual(
      itemsOf(sections).map((item) => [item.section?.title, item.section?.href, item.dateIso]),
      [
        ["News", "/category/news/", "2021-02-01"],
        ["Events", "/category/events/", "2021-01-10"],
      ],
    );
  });

  it("show this day in past years, named for what it found", () => {
    assert.equal(thisDay?.title, "This day in past years");
    assert.deepEqual(
      itemsOf(thisDay).map((item) => item.dateIso),
      ["2019-04-15"],
    );
  });

  it("show the build's year by month, its month marked, with a link to every year", () => {
    assert.ok(year !== undefined && "grid" in year);
    assert.equal(year.title, "This year");
    assert.deepEqual(
      year.grid.rows.map((row) => [row.year, row.count]),
      [[2021, 3]],
    );
    assert.equal(year.grid.current, "April 2021");
    assert.deepEqual(year.grid.legend, []);
    assert.deepEqual(year.more, { title: "Every year", href: "/archive/" });
  });

  it("show the newest year that has articles when the build's year has none yet", () => {
    const [newest] = views([articleOn(2019, 5, 1)], [news], settingsWith({ sidebar: [{ type: "year" }] })).site.sidebar;
    assert.ok(newest !== undefined && "grid" in newest);
    assert.deepEqual([newest.title, newest.grid.rows.map((row) => row.year), newest.grid.current], ["2019 by month", [2019], undefined]);
  });
});

describe("an archive whose categories do not divide it", () => {
  const articles = [articleOn(2021, 1, 1, { category: uncategorized }), articleOn(2021, 2, 1, { category: uncategorized })];
  const site = views(articles, [uncategorized]);

  it("leaves categories out of navigation, list rows and year pages", () => {
    assert.equal(site.site.categoriesDivide, false);
    assert.equal(site.pages.home[0]?.omitItemCategory, true);
    assert.equal(site.pages.month[0]?.omitItemCategory, true);
    assert.equal(site.pages.day[0]?.omitItemCategory, true);
    assert.equal(site.pages.year[0]?.months[0]?.items[0]?.category, undefined);
    assert.equal(site.pages.year[0]?.categoryFilter, undefined);
    assert.equal(site.pages.archive[0]?.categoryFilter, undefined);
  });

  it("names categories where two or more divide it", () => {
    const divided = views([articleOn(2021, 1, 1), articleOn(2021, 2, 1, { category: events })], [news, events]);
    assert.equal(divided.site.categoriesDivide, true);
    assert.equal(divided.pages.month[0]?.omitItemCategory, undefined);
    assert.equal(divided.pages.year[0]?.months[0]?.items[0]?.category, "Events");
  });
});

describe("the categories a reader may leave out", () => {
  const articles = [
    articleOn(2020, 5, 1, { category: reports }),
    articleOn(2021, 1, 1),
    articleOn(2021, 1, 9, { category: events }),
    articleOn(2021, 2, 1, { category: events }),
  ];
  const site = views(articles, [news, events, reports], settingsWith({ basePath: "/news/" }));

  it("are offered on a year, a month and the grid holding two categories or more, in the archive's order, with their counts", () => {
    const year2021 = site.pages.year.find((page) => page.heading === "2021");
    assert.deepEqual(year2021?.categoryFilter, {
      storageKey: "news-archive hidden categories /news/",
      categories: [
        { slug: "news", name: "News", count: 1 },
        { slug: "events", name: "Events", count: 2 },
      ],
    });
    assert.deepEqual(
      site.pages.archive[0]?.categoryFilter?.categories.map((category) => category.count),
      [1, 2, 1],
    );
    assert.ok(site.pages.month.find((page) => page.heading === "January 2021")?.categoryFilter);
  });

  it("are not offered where every article is of one category", () => {
    assert.equal(site.pages.year.find((page) => page.heading === "2020")?.categoryFilter, undefined);
    assert.equal(site.pages.month.find((page) => page.heading === "February 2021")?.categoryFilter, undefined);
    assert.ok(site.pages.day.every((page) => page.categoryFilter === undefined));
  });

  it("mark every row with its category, for the script that hides them", () => {
    assert.deepEqual(
      site.pages.year.find((page) => page.heading === "2021")?.months.flatMap((month) => month.items.map((item) => item.categorySlug)),
      ["events", "events", "news"],
    );
    assert.deepEqual(
      site.pages.month.find((page) => page.heading === "January 2021")?.items.map((item) => item.categorySlug),
      ["events", "news"],
    );
  });
});
