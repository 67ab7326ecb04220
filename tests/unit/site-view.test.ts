import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleDate } from "../../src/content/dates.ts";
import type { Article } from "../../src/content/load-archive.ts";
import { buildArticlePages, buildSiteView, bundleAssetCopies } from "../../src/model/site-view.ts";
import { parseSettings, type Settings } from "../../src/settings/settings.ts";

function settings(raw: Record<string, unknown> = {}): Settings {
  const parsed = parseSettings(raw, "settings");
  assert.ok(parsed.ok);
  return parsed.settings;
}

function makeArticle(day: number, extra: Partial<Article> = {}): Article {
  const date: ArticleDate = { year: 2021, month: 4, day, hasTime: false, epochMs: Date.UTC(2021, 3, day), iso: `2021-04-${String(day).padStart(2, "0")}` };
  const slug = `article-${day}`;
  return {
    sourcePath: `${slug}.md`,
    assets: [],
    title: `Article ${day}`,
    date,
    tags: [],
    slug,
    draft: false,
    featured: false,
    extra: {},
    category: { slug: "news", name: "News" },
    route: { kind: "article", year: 2021, month: 4, day, slug },
    bodyHtml: "<p>Body</p>\n",
    ...extra,
  };
}

describe("article page views", () => {
  it("links each article to the older one as previous and the newer one as next", () => {
    const pages = buildArticlePages([makeArticle(1), makeArticle(2), makeArticle(3)], settings());
    assert.deepEqual(pages.map((page) => [page.previous?.title, page.next?.title]), [
      [undefined, "Article 2"],
      ["Article 1", "Article 3"],
      ["Article 2", undefined],
    ]);
  });

  it("has neither previous nor next for a single article", () => {
    const [page] = buildArticlePages([makeArticle(1)], settings());
    assert.equal(page?.previous, undefined);
    assert.equal(page?.next, undefined);
  });

  it("writes the date out for the locale and keeps the machine-readable date", () => {
    const [page] = buildArticlePages([makeArticle(9)], settings({ locale: "en-US" }));
    assert.equal(page?.dateText, "April 9, 2021");
    assert.equal(page?.dateIso, "2021-04-09");
    const [french] = buildArticlePages([makeArticle(9)], settings({ locale: "fr-FR" }));
    assert.equal(french?.dateText, "9 avril 2021");
  });

  it("makes every link carry the base path", () => {
    const [page] = buildArticlePages([makeArticle(9, { tags: [{ slug: "food", name: "Food" }] })], settings({ basePath: "/news/" }));
    assert.equal(page?.permalink, "2021/04/09/article-9/index.html");
    assert.equal(page?.href, "/news/2021/04/09/article-9/");
    assert.equal(page?.category.href, "/news/category/news/");
    assert.deepEqual(page?.tags, [{ name: "Food", href: "/news/tag/food/" }]);
  });
});

describe("the site view", () => {
  it("lists the latest featured articles, newest first, up to the configured count", () => {
    const articles = [1, 2, 3, 4].map((day) => makeArticle(day, { featured: day !== 3 }));
    const view = buildSiteView(articles, settings({ featuredCount: 2 }));
    assert.deepEqual(view.focusOn.map((item) => item.title), ["Article 4", "Article 2"]);
    assert.deepEqual(view.latest.map((item) => item.title), ["Article 4", "Article 3", "Article 2", "Article 1"]);
    assert.equal(view.stylesheetHref, "/assets/style.css");
  });
});

describe("page bundle copies", () => {
  it("copies each bundle file beside its article's page", () => {
    const bundle = makeArticle(15, { bundleDir: "2022/survey", assets: ["chart.svg", "data/t.csv"] });
    assert.deepEqual(bundleAssetCopies([makeArticle(1), bundle]), [
      { from: "2022/survey/chart.svg", to: "2021/04/15/article-15/chart.svg" },
      { from: "2022/survey/data/t.csv", to: "2021/04/15/article-15/data/t.csv" },
    ]);
  });
});
