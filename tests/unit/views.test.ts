import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Category } from "../../src/core/article.ts";
import type { Article } from "../../src/core/article.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { buildSiteViews as buildViews, type SiteViews } from "../../src/model/pages.ts";
import { bundleAssetCopies } from "../../src/model/views/article-pages.ts";
import type { ArticleBoxView, SidebarBoxView } from "../../src/model/views/types.ts";
import type { Settings } from "../../src/core/settings.ts";
import { THEME_FILES } from "../../src/core/assets.ts";
import { articleOn, settingsWith } from "../support/articles.ts";
import type { CalendarDate } from "../../src/core/dates.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };
const today = { year: 2021, month: 4, day: 15 };

/** A box of articles, as the tests of those boxes expect it to be. */
function itemsBox(box: SidebarBoxView | undefined): ArticleBoxView | undefined {
  assert.ok(box === undefined || "items" in box, `box ${box?.id} lists articles`);
  return box;
}

function buildSiteViews(articles: readonly Article[], categories: readonly Category[], settings: Settings, day: CalendarDate): SiteViews {
  return buildViews(articles, buildArchiveModel(articles, categories), settings, day, THEME_FILES);
}

describe("article page views", () => {
  it("links each article to the older one as previous and the newer one as next", () => {
    const views = buildSiteViews([articleOn(2021, 4, 1), articleOn(2021, 4, 2), articleOn(2021, 4, 3)], [news], settingsWith(), today);
    assert.deepEqual(
      views.pages.article.map((page) => [page.previous?.title, page.next?.title]),
      [
        [undefined, "Article 2021-04-02"],
        ["Article 2021-04-01", "Article 2021-04-03"],
        ["Article 2021-04-02", undefined],
      ],
    );
  });

  it("has neither previous nor next for a single article", () => {
    const [page] = buildSiteViews([articleOn(2021, 4, 1)], [news], settingsWith(), today).pages.article;
    assert.equal(page?.previous, undefined);
    assert.equal(page?.next, undefined);
  });

  it("writes the date out for the locale, links it to its day and leads a breadcrumb through year, month and day", () => {
    const [page] = buildSiteViews([articleOn(2021, 4, 9)], [news], settingsWith({ locale: "en-US" }), today).pages.article;
    assert.equal(page?.dateText, "April 9, 2021");
    assert.equal(page?.dateIso, "2021-04-09");
    assert.equal(page?.dayHref, "/2021/04/09/");
    assert.deepEqual(page?.breadcrumb, [
      { title: "Home", href: "/" },
      { title: "2021", href: "/2021/" },
      { title: "April", href: "/2021/04/" },
      { title: "9", href: "/2021/04/09/" },
      { title: "Article 2021-04-09" },
    ]);
    const [french] = buildSiteViews([articleOn(2021, 4, 9)], [news], settingsWith({ locale: "fr-FR" }), today).pages.article;
    assert.equal(french?.dateText, "9 avril 2021");
  });

  it("makes every link carry the base path", () => {
    const views = buildSiteViews([articleOn(2021, 4, 9, { tags: [{ slug: "food", name: "Food" }] })], [news], settingsWith({ basePath: "/news/" }), today);
    const [page] = views.pages.article;
    assert.equal(page?.permalink, "2021/04/09/article-2021-4-9/index.html");
    assert.equal(page?.href, "/news/2021/04/09/article-2021-4-9/");
    assert.equal(page?.category.href, "/news/category/news/");
    assert.deepEqual(page?.tags, [{ title: "Food", href: "/news/tag/food/" }]);
    assert.equal(views.site.stylesheetHref, "/news/assets/style.css");
    assert.equal(views.site.feeds.atomHref, "/news/feed.xml");
    assert.equal(views.pages.archive[0]?.grid.rows[0]?.cells[3]?.href, "/news/2021/04/");
  });
});

describe("listing pages", () => {
  it("gives month pages their articles newest first and links to the neighbouring months with articles", () => {
    const views = buildSiteViews([articleOn(2019, 12, 1), articleOn(2021, 4, 9), articleOn(2021, 4, 30), articleOn(2021, 6, 1)], [news], settingsWith(), today);
    const april = views.pages.month.find((page) => page.permalink === "2021/04/index.html");
    assert.deepEqual(
      april?.items.map((item) => item.dateText),
      ["April 30, 2021", "April 9, 2021"],
    );
    assert.deepEqual([april?.previous?.href, april?.next?.href], ["/2019/12/", "/2021/06/"]);
    assert.equal(views.pages.month.at(-1)?.previous, undefined);
    assert.equal(views.pages.month[0]?.next, undefined);
  });

  it("shows the summary, or else the excerpt, of each article", () => {
    const views = buildSiteViews(
      [articleOn(2021, 1, 1, { summary: "A summary." }), articleOn(2021, 1, 2, { excerpt: "First paragraph…" })],
      [news],
      settingsWith(),
      today,
    );
    assert.deepEqual(
      views.pages.month[0]?.items.map((item) => item.summary),
      ["First paragraph…", "A summary."],
    );
  });

  it("paginates category pages by the settings' items per page, with numbered links", () => {
    const articles = [1, 2, 3, 4, 5].map((day) => articleOn(2021, 1, day));
    const views = buildSiteViews(articles, [news], settingsWith({ itemsPerPage: 2 }), today);
    assert.deepEqual(
      views.pages.category.map((page) => [page.permalink, page.items.length]),
      [
        ["category/news/index.html", 2],
        ["category/news/page/2/index.html", 2],
        ["category/news/page/3/index.html", 1],
      ],
    );
    const second = views.pages.category[1]?.pagination;
    assert.deepEqual([second?.previousHref, second?.nextHref], ["/category/news/", "/category/news/page/3/"]);
    assert.deepEqual(second?.pages, [
      { number: 1, href: "/category/news/", current: false },
      { number: 2, href: "/category/news/page/2/", current: true },
      { number: 3, href: "/category/news/page/3/", current: false },
    ]);
    assert.deepEqual(views.pages.categories[0]?.entries, [{ name: "News", href: "/category/news/", count: 5 }]);
  });

  it("gives year pages their months newest first and links to the neighbouring years with articles", () => {
    const views = buildSiteViews([articleOn(2017, 5, 1), articleOn(2021, 1, 1), articleOn(2021, 3, 1)], [news], settingsWith(), today);
    const year = views.pages.year[0];
    assert.equal(year?.permalink, "2021/index.html");
    assert.deepEqual(
      year?.months.map((month) => month.heading),
      ["March 2021", "January 2021"],
    );
    assert.deepEqual([year?.previous?.href, year?.next], ["/2017/", undefined]);
  });

  it("gives each month of a year page an anchor for its jump link, its count, and rows with the day alone and the category's name", () => {
    const articles = [articleOn(2021, 3, 1), articleOn(2021, 3, 25, { slug: "late", category: events })];
    const [year] = buildSiteViews(articles, [news, events], settingsWith(), today).pages.year;
    const march = year?.months[0];
    assert.deepEqual([march?.id, march?.shortName, march?.count, march?.href], ["month-03", "Mar", 2, "/2021/03/"]);
    assert.deepEqual(march?.items, [
      {
        title: "Article 2021-03-25",
        href: "/2021/03/25/late/",
        dateIso: "2021-03-25",
        dayText: "25",
        dayHref: "/2021/03/25/",
        category: "Events",
        categorySlug: "events",
      },
      {
        title: "Article 2021-03-01",
        href: "/2021/03/01/article-2021-3-1/",
        dateIso: "2021-03-01",
        dayText: "1",
        dayHref: "/2021/03/01/",
        category: "News",
        categorySlug: "news",
      },
    ]);
  });
});

describe("the home page", () => {
  const release = { slug: "release", name: "Release" };
  const articles = [
    articleOn(2021, 3, 1, { featured: true }),
    articleOn(2021, 3, 2, { category: release }),
    articleOn(2021, 4, 1),
    articleOn(2021, 4, 2),
    articleOn(2021, 6, 1, { category: events }),
  ];
  const homes = buildSiteViews(articles, [news, release, events], settingsWith({ listsExclude: ["Release"], itemsPerPage: 1 }), today).pages.home;

  it("opens its first page with the lead story, which the list leaves out", () => {
    assert.equal(homes[0]?.lead?.dateIso, "2021-03-01");
    assert.equal(homes[1]?.lead, undefined);
    assert.deepEqual(
      homes.flatMap((page) => page.items.map((item) => item.dateIso)),
      ["2021-04-02", "2021-04-01"],
    );
  });

  it("lists neither the categories listsExclude names nor the articles dated after the build's day", () => {
    assert.equal(homes.length, 2);
  });
});

describe("day pages", () => {
  const articles = [articleOn(2021, 3, 30), articleOn(2021, 4, 9, { slug: "morning" }), articleOn(2021, 4, 9, { slug: "evening" }), articleOn(2021, 4, 12)];
  const days = buildSiteViews(articles, [news], settingsWith({ locale: "en-US" }), today).pages.day;

  it("makes one page per day that has articles, at the day's part of the article URLs, newest day first", () => {
    assert.deepEqual(
      days.map((page) => page.permalink),
      ["2021/04/12/index.html", "2021/04/09/index.html", "2021/03/30/index.html"],
    );
    assert.deepEqual(
      days[1]?.items.map((item) => item.href),
      ["/2021/04/09/evening/", "/2021/04/09/morning/"],
    );
  });

  it("lists the day's articles and links the neighbouring days that have articles, and the month in its trail", () => {
    const [newest, middle, oldest] = days;
    assert.equal(middle?.heading, "April 9, 2021");
    assert.equal(middle?.items.length, 2);
    assert.equal(middle?.omitItemDate, true, "the heading gives the date: rows do not repeat it");
    assert.deepEqual(middle?.previous, { title: "March 30, 2021", href: "/2021/03/30/" });
    assert.deepEqual(middle?.next, { title: "April 12, 2021", href: "/2021/04/12/" });
    assert.equal(newest?.next, undefined);
    assert.equal(oldest?.previous, undefined);
    assert.deepEqual(
      middle?.breadcrumb?.map((crumb) => crumb.href ?? crumb.title),
      ["/", "/2021/", "/2021/04/", "9"],
    );
  });
});

describe("sidebar boxes", () => {
  const articles = [
    articleOn(2021, 3, 1, { featured: true }),
    articleOn(2021, 4, 1, { category: events }),
    articleOn(2021, 4, 15, { category: events }),
    articleOn(2021, 5, 1, { category: events }),
    articleOn(2021, 6, 1, { category: events, featured: true }),
  ];
  const settings = settingsWith({
    sidebar: [
      { type: "featured", count: 5 },
      { type: "upcoming", category: "Events", title: "Events", count: 2 },
      { type: "latest", category: "events", count: 1 },
    ],
  });
  const [featured, upcoming, latest] = buildSiteViews(articles, [news, events], settings, today).site.sidebar.map(itemsBox);

  it("lists featured articles newest first", () => {
    assert.deepEqual(
      featured?.items.map((item) => item.dateIso),
      ["2021-06-01", "2021-03-01"],
    );
    assert.equal(featured?.title, "Focus on");
  });

  it("lists a category's articles from the build's day on, soonest first", () => {
    assert.deepEqual(
      upcoming?.items.map((item) => item.dateIso),
      ["2021-04-15", "2021-05-01"],
    );
  });

  it("lists a category's latest articles up to the build's day, named after the category", () => {
    assert.deepEqual(
      latest?.items.map((item) => item.dateIso),
      ["2021-04-15"],
    );
    assert.equal(latest?.title, "Events");
  });
});

describe("empty sidebar boxes", () => {
  it("are left out, so that a page without any box has no sidebar", () => {
    const settings = settingsWith({
      sidebar: [{ type: "featured" }, { type: "upcoming", category: "News" }, { type: "latest", category: "News", title: "News" }],
    });
    const site = buildSiteViews([articleOn(2021, 1, 1)], [news], settings, today).site;
    assert.deepEqual(
      site.sidebar.map((box) => [box.id, box.title]),
      [["sidebar-3", "News"]],
    );
    assert.deepEqual(buildSiteViews([articleOn(2021, 1, 1)], [news], settingsWith({ sidebar: [{ type: "featured" }] }), today).site.sidebar, []);
  });
});

describe("page bundle copies", () => {
  it("copies each bundle file beside its article's page", () => {
    const bundle = articleOn(2021, 4, 15, { slug: "survey", bundleDir: "2022/survey", assets: ["chart.svg", "data/t.csv"] });
    assert.deepEqual(bundleAssetCopies([articleOn(2021, 4, 1), bundle]), [
      { from: "2022/survey/chart.svg", to: "2021/04/15/survey/chart.svg" },
      { from: "2022/survey/data/t.csv", to: "2021/04/15/survey/data/t.csv" },
    ]);
  });
});

describe("page metadata", () => {
  it("gives canonical URLs made absolute by the site URL, and relative without one", () => {
    const articles = [articleOn(2021, 4, 9, { summary: "What happened." })];
    const withUrl = buildSiteViews(articles, [news], settingsWith({ siteUrl: "https://example.org/news/" }), today);
    assert.deepEqual(withUrl.pages.article[0]?.meta, {
      canonicalUrl: "https://example.org/news/2021/04/09/article-2021-4-9/",
      description: "What happened.",
      type: "article",
    });
    const without = buildSiteViews(articles, [news], settingsWith(), today);
    assert.equal(without.pages.article[0]?.meta.canonicalUrl, "/2021/04/09/article-2021-4-9/");
    assert.equal(without.pages.month[0]?.meta.type, "website");
  });

  it("writes links ending in index.html when clean URLs are off", () => {
    const views = buildSiteViews([articleOn(2021, 4, 9)], [news], settingsWith({ cleanUrls: false }), today);
    assert.equal(views.pages.article[0]?.breadcrumb?.[2]?.href, "/2021/04/index.html");
    assert.equal(views.site.homeHref, "/index.html");
    assert.equal(views.site.feeds.jsonHref, "/feed.json");
  });

  it("prints bodies as the loader resolved their links: a root-relative link outside the base path leads to the rest of the host", () => {
    const article = articleOn(2021, 4, 9, { bodyHtml: '<p><img src="/ref/a.png"> <a href="chart.svg">c</a> <a href="/news/x/">x</a></p>' });
    const [page] = buildSiteViews([article], [news], settingsWith({ basePath: "/news/" }), today).pages.article;
    assert.equal(page?.bodyHtml, '<p><img src="/ref/a.png"> <a href="chart.svg">c</a> <a href="/news/x/">x</a></p>');
  });
});

describe("authors' pages and bylines", () => {
  const ann = { slug: "ann-lee", name: "Ann Lee", bio: "Reports on the harbour.", url: "https://example.org/ann" };
  const bob = { slug: "bob-roe", name: "Bob Roe" };
  const nameless = { slug: "", name: "张伟" };
  const articles = [
    articleOn(2021, 4, 1, { authors: [ann] }),
    articleOn(2021, 4, 2, { authors: [ann, bob, nameless] }),
    articleOn(2021, 4, 3, { authors: [ann] }),
  ];
  const views = buildSiteViews(articles, [news], settingsWith({ itemsPerPage: 2 }), today);

  it("gives each author with a slug paginated pages, newest first, with the settings' bio and link, and an Atom feed", () => {
    assert.deepEqual(
      views.pages.author.map((page) => page.permalink),
      ["author/ann-lee/index.html", "author/ann-lee/page/2/index.html", "author/bob-roe/index.html"],
    );
    const first = views.pages.author[0];
    assert.deepEqual(
      first?.items.map((item) => item.title),
      ["Article 2021-04-03", "Article 2021-04-02"],
    );
    assert.deepEqual(first?.about, { text: "Reports on the harbour.", link: { title: "example.org/ann", href: "https://example.org/ann" } });
    assert.deepEqual(first?.feeds, { atomHref: "/author/ann-lee/feed.xml" });
    assert.equal(views.pages.author[1]?.about, undefined);
    assert.deepEqual(views.pages.authors[0]?.entries, [
      { name: "Ann Lee", href: "/author/ann-lee/", count: 3 },
      { name: "Bob Roe", href: "/author/bob-roe/", count: 1 },
    ]);
    assert.equal(views.site.authorsHref, "/author/");
  });

  it("shows bylines on article pages and in lists, linking the authors who have a page", () => {
    const expected = [{ name: "Ann Lee", href: "/author/ann-lee/" }, { name: "Bob Roe", href: "/author/bob-roe/" }, { name: "张伟" }];
    assert.deepEqual(views.pages.article[1]?.authors, expected);
    assert.deepEqual(views.pages.month[0]?.items[1]?.authors, expected);
  });

  it("has no author index, and no link to one, when no article names an author", () => {
    const plain = buildSiteViews([articleOn(2021, 4, 1)], [news], settingsWith(), today);
    assert.deepEqual([plain.pages.authors, plain.pages.author, plain.site.authorsHref], [[], [], undefined]);
  });
});

describe("redirect pages", () => {
  it("stand at each old address with a path, leading to the article; addresses with a query have none", () => {
    const moved = articleOn(2021, 4, 9, {
      redirects: [
        { path: "/old/page.html", query: "" },
        { path: "/p/3/", query: "" },
        { path: "/", query: "?p=3" },
      ],
    });
    const views = buildSiteViews([moved], [news], settingsWith({ siteUrl: "https://example.org/news/" }), today);
    assert.deepEqual(
      views.pages.redirect.map((page) => [page.permalink, page.targetHref, page.meta.canonicalUrl]),
      [
        ["old/page.html", "/news/2021/04/09/article-2021-4-9/", "https://example.org/news/2021/04/09/article-2021-4-9/"],
        ["p/3/index.html", "/news/2021/04/09/article-2021-4-9/", "https://example.org/news/2021/04/09/article-2021-4-9/"],
      ],
    );
  });

  it("give the home and 404 pages the script that sends old addresses with a query on, only when there are some", () => {
    const withQuery = articleOn(2021, 4, 9, { redirects: [{ path: "/", query: "?p=3" }] });
    const theme = { ...THEME_FILES, queryRedirectScript: "assets/query-redirect.1234567890.js" };
    const views = buildViews([withQuery], buildArchiveModel([withQuery], [news]), settingsWith(), today, theme);
    assert.deepEqual(views.site.queryRedirect, { scriptHref: "/assets/query-redirect.1234567890.js", mapHref: "/redirects.json" });
    const plain = articleOn(2021, 4, 9);
    assert.equal(buildViews([plain], buildArchiveModel([plain], [news]), settingsWith(), today, theme).site.queryRedirect, undefined);
  });
});

describe("cards and the canonical address of articles", () => {
  it("give an article's card image and canonical address to its head, and its image to lists as a thumbnail", () => {
    const bundle = articleOn(2021, 4, 9, { slug: "survey", image: "chart.png", canonical: "/original/" });
    const remote = articleOn(2021, 4, 10, { image: "https://cdn.example.net/a.jpg", canonical: "https://elsewhere.example/a/" });
    const views = buildSiteViews([bundle, remote], [news], settingsWith({ siteUrl: "https://example.org/news/" }), today);
    const [first, second] = views.pages.article;
    assert.deepEqual(
      [first?.meta.image, first?.meta.canonicalUrl],
      ["https://example.org/news/2021/04/09/survey/chart.png", "https://example.org/news/original/"],
    );
    assert.deepEqual([second?.meta.image, second?.meta.canonicalUrl], ["https://cdn.example.net/a.jpg", "https://elsewhere.example/a/"]);
    assert.deepEqual(
      views.pages.month[0]?.items.map((item) => item.thumbnailSrc),
      ["https://cdn.example.net/a.jpg", "/news/2021/04/09/survey/chart.png"],
    );
    assert.equal(views.pages.home[0]?.meta.image, undefined);
  });

  it("shows the day an article was updated, when later than its date", () => {
    const updated = articleOn(2021, 4, 9, { updated: { year: 2021, month: 5, day: 1, hasTime: false, epochMs: Date.UTC(2021, 4, 1), iso: "2021-05-01" } });
    const sameDay = articleOn(2021, 4, 10, { updated: { year: 2021, month: 4, day: 10, hasTime: false, epochMs: Date.UTC(2021, 3, 10), iso: "2021-04-10" } });
    const [first, second] = buildSiteViews([updated, sameDay], [news], settingsWith(), today).pages.article;
    assert.deepEqual([first?.updatedIso, first?.updatedText], ["2021-05-01", "May 1, 2021"]);
    assert.equal(second?.updatedIso, undefined);
  });
});

describe("the site's pages, menu and other redirects", () => {
  const about = {
    sourcePath: "about.md",
    assets: [],
    title: "About us",
    fileName: "about",
    draft: false,
    route: { kind: "page", path: "/about/" },
    redirects: [{ path: "/about.html", query: "" }],
    bodyHtml: "<p>Who we are.</p>\n",
  } as const;

  it("gives each page of the site its view, its trail home, and its old addresses redirect pages", () => {
    const only = articleOn(2021, 4, 9);
    const views = buildViews([only], buildArchiveModel([only], [news]), settingsWith({ basePath: "/news/" }), today, THEME_FILES, {
      pages: [about],
      redirects: [],
    });
    assert.deepEqual(
      views.pages.page.map((page) => [page.permalink, page.title, page.bodyHtml, page.breadcrumb]),
      [["about/index.html", "About us", "<p>Who we are.</p>\n", [{ title: "Home", href: "/news/" }, { title: "About us" }]]],
    );
    assert.deepEqual(
      views.pages.redirect.map((page) => [page.permalink, page.targetHref]),
      [["about.html", "/news/about/"]],
    );
  });

  it("makes a redirect page for each redirect to the site's own pages or another site", () => {
    const redirects = [
      { from: { path: "/feed/", query: "" }, to: { route: { kind: "file", path: "/feed.xml" }, title: "/feed.xml" }, source: "settings" },
      { from: { path: "/away/", query: "" }, to: { url: "https://example.org/elsewhere" }, source: "away.md" },
    ] as const;
    const only = articleOn(2021, 4, 9);
    const views = buildViews([only], buildArchiveModel([only], [news]), settingsWith(), today, THEME_FILES, { pages: [], redirects });
    assert.deepEqual(
      views.pages.redirect.map((page) => [page.permalink, page.targetHref]),
      [
        ["feed/index.html", "/feed.xml"],
        ["away/index.html", "https://example.org/elsewhere"],
      ],
    );
  });

  it("adds the menu setting's links to the header: a path with the base path, a URL as it is", () => {
    const settings = settingsWith({
      basePath: "/news/",
      menu: [
        { title: "About", url: "/about/" },
        { title: "Shop", url: "https://shop.example.org/" },
        { title: "Energy", url: "/search/?q=energy" },
      ],
    });
    const views = buildSiteViews([articleOn(2021, 4, 9)], [news], settings, today);
    assert.deepEqual(views.site.menu, [
      { title: "About", href: "/news/about/" },
      { title: "Shop", href: "https://shop.example.org/" },
      { title: "Energy", href: "/news/search/?q=energy" },
    ]);
  });
});

describe("categories that nest", () => {
  it("list their children's articles on their pages, their own category shown", () => {
    const local = { slug: "local", name: "Local" };
    const harbour = { slug: "harbour", name: "Harbour" };
    const pier = articleOn(2021, 4, 9, { category: harbour });
    const fair = articleOn(2021, 4, 10, { category: local });
    const settings = settingsWith({ categories: [{ name: "Local" }, { name: "Harbour", parent: "Local" }] });
    const views = buildViews([pier, fair], buildArchiveModel([pier, fair], [harbour, local], settings.categories), settings, today, THEME_FILES);
    const byCategory = Object.fromEntries(
      views.pages.category.map((page) => [page.permalink, [page.items.map((item) => item.title), page.omitItemCategory ?? false]]),
    );
    assert.deepEqual(byCategory, {
      "category/local/index.html": [["Article 2021-04-10", "Article 2021-04-09"], false],
      "category/harbour/index.html": [["Article 2021-04-09"], true],
    });
  });

  it("are listed when only their children have articles", () => {
    const boats = { slug: "boats", name: "Boats" };
    const settings = settingsWith({ categories: [{ name: "Local" }, { name: "Boats", parent: "Local" }] });
    const model = buildArchiveModel([articleOn(2021, 4, 9, { category: boats })], [boats], settings.categories);
    assert.deepEqual(
      model.categories.map((group) => [group.topic.name, group.articles.length]),
      [
        ["Local", 1],
        ["Boats", 1],
      ],
    );
  });
});
