import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareArticles, type Article } from "../../src/core/article.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { countPages, pageChanges, pageDigests, pagesWhere, renderPasses, withRenderedPages } from "../../src/model/page-changes.ts";
import { editedArticlePages } from "../../src/model/view-updates.ts";
import { NO_EXTRAS } from "../../src/model/views/context.ts";
import { buildSiteViews, PAGE_KIND_NAMES, type SiteViews } from "../../src/model/pages.ts";
import type { Settings } from "../../src/core/settings.ts";
import { THEME_FILES } from "../../src/core/assets.ts";
import { articleOn, settingsWith } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };
const today = { year: 2021, month: 6, day: 15 };

/** Without sidebar boxes, which every page prints: these tests are about what each page's own view holds. */
const noBoxes = settingsWith({ sidebar: [] });

function views(unsorted: readonly Article[], settings: Settings = noBoxes): SiteViews {
  const articles = [...unsorted].sort(compareArticles);
  return buildSiteViews(articles, buildArchiveModel(articles, [news, events]), settings, today, THEME_FILES);
}

/** What the first four are about, which relates them; the last is about something else. */
const canteens = { bodyHtml: "<p>Canteen canteen canteen survey.</p>" };
const cranes = { bodyHtml: "<p>Crane crane crane harbour.</p>" };

/** Five articles over three months; the middle one is the one edited; the last, in another category and on another subject, is not related to it. */
const archive = (middle: Partial<Article> = {}): Article[] => [
  articleOn(2021, 3, 1, canteens),
  articleOn(2021, 3, 20, canteens),
  articleOn(2021, 4, 2, { slug: "middle", title: "Middle", ...canteens, ...middle }),
  articleOn(2021, 4, 20, canteens),
  articleOn(2021, 5, 1, { category: events, ...cranes }),
];

const files = (list: readonly { readonly permalink: string }[]): string[] => list.map((page) => page.permalink);

describe("the pages an edit changes", () => {
  it("renders every page on the first build", () => {
    const first = views(archive());
    const changes = pageChanges(first, undefined);
    assert.equal(changes.pages, countPages(first));
    assert.deepEqual(changes.views, first);
    assert.deepEqual(changes.removed, []);
  });

  it("renders no page again when nothing changed, the single pages included", () => {
    const { fingerprints } = pageChanges(views(archive()), undefined);
    const again = pageChanges(views(archive()), fingerprints);
    assert.equal(again.pages, 0);
    assert.deepEqual(again.views.pages.article, []);
    assert.deepEqual(again.views.pages.month, []);
    assert.deepEqual(again.views.pages.archive, []);
  });

  it("renders an edited body's article alone while its subject stays, the articles it was related to when its subject changes, and a new title on the articles that link it (neighbours, related), month, year and home pages too", () => {
    const { fingerprints } = pageChanges(views(archive()), undefined);
    const body = pageChanges(views(archive({ bodyHtml: "<p>Canteen canteen canteen survey, corrected.</p>\n" })), fingerprints);
    assert.deepEqual(files(body.views.pages.article), ["2021/04/02/middle/index.html"]);
    assert.deepEqual(files(body.views.pages.month), []);

    // Related articles are found by subject, from the body too: the other canteen articles no longer list it.
    const subject = pageChanges(views(archive({ bodyHtml: "<p>New body</p>\n" })), fingerprints);
    assert.deepEqual(files(subject.views.pages.article), [
      "2021/03/01/article-2021-3-1/index.html",
      "2021/03/20/article-2021-3-20/index.html",
      "2021/04/02/middle/index.html",
      "2021/04/20/article-2021-4-20/index.html",
    ]);
    assert.deepEqual(files(subject.views.pages.month), []);

    const title = pageChanges(views(archive({ title: "Renamed" })), fingerprints);
    assert.deepEqual(files(title.views.pages.article), [
      "2021/03/01/article-2021-3-1/index.html",
      "2021/03/20/article-2021-3-20/index.html",
      "2021/04/02/middle/index.html",
      "2021/04/20/article-2021-4-20/index.html",
    ]);
    assert.deepEqual(files(title.views.pages.month), ["2021/04/index.html"]);
    assert.deepEqual(files(title.views.pages.year), ["2021/index.html"]);
    assert.deepEqual(files(title.views.pages.category), ["category/news/index.html"]);
    assert.deepEqual(files(title.views.pages.home), ["index.html"]);
  });

  it("moves an article whose date changed: its new page, day and month are rendered, its old page and emptied day removed", () => {
    const { fingerprints } = pageChanges(views(archive()), undefined);
    const moved = pageChanges(
      views(
        archive({
          date: { year: 2021, month: 5, day: 10, hasTime: false, epochMs: Date.UTC(2021, 4, 10), iso: "2021-05-10" },
          route: { kind: "article", path: "/2021/05/10/middle/" },
        }),
      ),
      fingerprints,
    );
    assert.deepEqual([...moved.removed].sort(), ["2021/04/02/index.html", "2021/04/02/middle/index.html"]);
    assert.ok(files(moved.views.pages.day).includes("2021/05/10/index.html"));
    assert.ok(files(moved.views.pages.article).includes("2021/05/10/middle/index.html"));
    assert.deepEqual(files(moved.views.pages.month).sort(), ["2021/04/index.html", "2021/05/index.html"]);
  });

  it("renders every page again when a sidebar box every page prints changes: the year by month, when an article's date moves", () => {
    const boxes = settingsWith({ sidebar: [{ type: "year" }] });
    const { fingerprints } = pageChanges(views(archive(), boxes), undefined);
    const moved = views(
      archive({
        date: { year: 2021, month: 5, day: 10, hasTime: false, epochMs: Date.UTC(2021, 4, 10), iso: "2021-05-10" },
        route: { kind: "article", path: "/2021/05/10/middle/" },
      }),
      boxes,
    );
    assert.equal(pageChanges(moved, fingerprints).pages, countPages(moved));
  });

  it("renders every page again when what every page prints changes", () => {
    const { fingerprints } = pageChanges(views(archive()), undefined);
    const retitled = views(archive(), settingsWith({ title: "Another title" }));
    assert.equal(pageChanges(retitled, fingerprints).pages, countPages(retitled));
  });
});

describe("an edit of articles shown before the views are made again", () => {
  const frame = { settings: noBoxes, today, theme: THEME_FILES, categories: [news, events], extras: NO_EXTRAS };
  const sorted = (list: readonly Article[]): Article[] => [...list].sort(compareArticles);
  const edit = (middle: Partial<Article>): Article => {
    const edited = archive(middle).find((article) => article.slug === "middle");
    assert.ok(edited !== undefined);
    return edited;
  };

  it("cuts the views to the article pages given new bodies, each with its body and nothing else changed, the last views' very site view", () => {
    const articles = sorted(archive());
    const first = views(articles);
    const middle = first.pages.article.find((page) => page.title === "Middle");
    assert.ok(middle !== undefined);
    const shown = editedArticlePages({ articles, views: first }, [edit({ bodyHtml: "<p>New body.</p>" })], frame);
    assert.equal(countPages(shown), 1);
    assert.deepEqual(shown.pages.article, [{ ...middle, bodyHtml: "<p>New body.</p>" }]);
    assert.equal(shown.site, first.site);
  });

  it("makes a retitled or moved article's page as the whole views make it, between its new neighbours, with the related articles its last page listed", () => {
    const articles = sorted(archive());
    const first = views(articles);
    const lastPage = first.pages.article.find((page) => page.title === "Middle");
    assert.ok(lastPage !== undefined && lastPage.related.length > 0, "the middle article has related articles");

    const retitled = edit({ title: "Renamed" });
    const [titlePage] = editedArticlePages({ articles, views: first }, [retitled], frame).pages.article;
    const wholeTitle = views(archive({ title: "Renamed" })).pages.article.find((page) => page.title === "Renamed");
    assert.deepEqual(titlePage, wholeTitle);

    const date = { year: 2021, month: 5, day: 10, hasTime: false, epochMs: Date.UTC(2021, 4, 10), iso: "2021-05-10" };
    const moved = edit({ date, route: { kind: "article", path: "/2021/05/10/middle/" } });
    const shown = editedArticlePages({ articles, views: first }, [moved], frame);
    assert.equal(countPages(shown), 1);
    const [movedPage] = shown.pages.article;
    assert.equal(movedPage?.permalink, "2021/05/10/middle/index.html");
    assert.deepEqual(movedPage?.previous?.href, "/2021/05/01/article-2021-5-1/");
    assert.equal(movedPage?.next, undefined, "the newest now");
    assert.deepEqual(movedPage?.related, lastPage.related);
    const wholeMoved = views(archive({ date, route: moved.route })).pages.article.find((page) => page.title === "Middle");
    assert.deepEqual({ ...movedPage, related: [] }, { ...wholeMoved, related: [] });
  });

  it("records the pages shown, so that views made again with the same pages render nothing more", () => {
    const articles = sorted(archive());
    const { fingerprints } = pageChanges(views(articles), undefined);
    const edited = views(archive({ bodyHtml: "<p>Canteen canteen canteen survey, again.</p>" }));
    const middle = edited.pages.article.find((page) => page.title === "Middle");
    assert.ok(middle !== undefined);
    assert.deepEqual(files(pageChanges(edited, fingerprints).views.pages.article), [middle.permalink]);
    const shown = editedArticlePages({ articles, views: views(articles) }, [edit({ bodyHtml: middle.bodyHtml })], frame);
    assert.equal(pageChanges(edited, withRenderedPages(fingerprints, shown)).pages, 0);
    assert.equal(pageChanges(edited, fingerprints).pages, 1, "the fingerprints given are left as they were");
  });
});

describe("render passes", () => {
  const allFiles = (views: SiteViews): string[] => PAGE_KIND_NAMES.flatMap((name) => files(views.pages[name]));

  it("renders every page once, in order, in passes of at most the given number of pages that differ by one page at most", () => {
    const site = views(archive());
    const passes = renderPasses(site, 4);
    const total = countPages(site);
    assert.equal(passes.length, Math.ceil(total / 4));
    assert.deepEqual(passes.flatMap(allFiles), allFiles(site));
    const sizes = passes.map(countPages);
    assert.ok(Math.max(...sizes) <= 4 && Math.max(...sizes) - Math.min(...sizes) <= 1, `${sizes.join(", ")}`);
    assert.ok(passes.every((pass) => pass.site === site.site));
  });

  it("makes a multiple of the workers' number of passes, so that each worker renders an equal share", () => {
    const site = views(archive());
    const total = countPages(site);
    assert.equal(renderPasses(site, 10_000, 2).length, 2);
    assert.equal(renderPasses(site, Math.ceil(total / 3), 2).length, 4);
    assert.deepEqual(renderPasses(site, 10_000, 2).flatMap(allFiles), allFiles(site));
  });

  it("renders a small archive, or one with no articles, in one pass, and never makes an empty pass", () => {
    assert.deepEqual(renderPasses(views(archive()), 10_000), [views(archive())]);
    assert.equal(renderPasses(views([]), 10_000).length, 1);
    const tiny = pagesWhere(views(archive()), (page) => page.permalink === "index.html");
    assert.equal(renderPasses(tiny, 10_000, 2).length, 1);
  });
});

describe("what a page is made from", () => {
  it("gives each page a digest that changes with its view, the site-wide view and what prints them, and with nothing else", () => {
    const before = pageDigests(views(archive()), "templates 1");
    const again = pageDigests(views(archive()), "templates 1");
    assert.deepEqual(again, before);
    assert.equal(before.size, countPages(views(archive())));
    // An edit that keeps its subject (and so its related articles).
    const edited = pageDigests(views(archive({ bodyHtml: "<p>Canteen canteen canteen survey, corrected.</p>" })), "templates 1");
    const changed = [...edited].filter(([file, digest]) => before.get(file) !== digest).map(([file]) => file);
    assert.deepEqual(changed, ["2021/04/02/middle/index.html"]);
    const otherTemplates = pageDigests(views(archive()), "templates 2");
    assert.ok([...otherTemplates].every(([file, digest]) => before.get(file) !== digest));
    const otherTitle = pageDigests(views(archive(), settingsWith({ title: "Another title" })), "templates 1");
    assert.ok([...otherTitle].every(([file, digest]) => before.get(file) !== digest));
  });

  it("tells a page with an empty body from one with none", () => {
    const site = pagesWhere(views(archive()), (page) => page.permalink === "2021/04/02/middle/index.html");
    const [page] = site.pages.article;
    assert.ok(page !== undefined);
    const { bodyHtml: _body, ...noBody } = page;
    // A view without its body, which the types forbid, to see the digest tell it apart.
    const digestOf = (article: Omit<typeof page, "bodyHtml"> & { readonly bodyHtml?: string }): string | undefined =>
      pageDigests({ site: site.site, pages: { ...site.pages, article: [article as typeof page] } }, "templates 1").get(page.permalink);
    const digests = [digestOf(page), digestOf({ ...page, bodyHtml: "" }), digestOf(noBody)];
    assert.equal(new Set(digests).size, 3);
  });

  it("cuts the views to the pages asked for, keeping the site-wide view", () => {
    const site = views(archive());
    const articlesOnly = pagesWhere(site, (page) => page.permalink.endsWith("/middle/index.html"));
    assert.equal(countPages(articlesOnly), 1);
    assert.equal(articlesOnly.site, site.site);
  });
});
