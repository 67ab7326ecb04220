import { DateTime } from "luxon";
import type { Article, SitePage, SiteRedirect } from "../../core/article.ts";
import type { ThemeAssetPaths } from "../../core/assets.ts";
import type { Settings } from "../../core/settings.ts";
import { isPageRelative, isRootRelative, underBasePath } from "../../core/html-urls.ts";
import { absoluteHref, absoluteUrlFor, hrefFor, routeFolder, urlContextOf, type Route, type UrlContext } from "../../core/urls.ts";
import type { ArchiveModel } from "../archive-model.ts";
import { pageNumbersToShow } from "../archive-model.ts";
import { formatLongDate } from "../format.ts";
import { latestArticles } from "../latest.ts";
import { categoriesDivide } from "../sections.ts";
import { buildGrid } from "./grid.ts";
import { buildSidebar } from "./sidebar.ts";
import type { GridView } from "./grid-types.ts";
import type { ArticleSummaryView, AuthorView, CategoryFilterView, CrumbView, FeedLinks, PageMetaView, PaginationView, SidebarBoxView } from "./types.ts";
import type { CalendarDate } from "../../core/dates.ts";

/**
 * What every view builder shares: the archive, the settings, and the helpers
 * that turn them into what templates print (links, dates, trails, summaries).
 * Made once per build, so that each article's summary and the grid are
 * computed once, however many pages show them.
 */
/** What a site publishes besides its articles: its pages (undated files), and the redirects that lead elsewhere than to an article or page. */
export interface SiteExtras {
  readonly pages: readonly SitePage[];
  readonly redirects: readonly SiteRedirect[];
}

export const NO_EXTRAS: SiteExtras = { pages: [], redirects: [] };

export interface ViewContext extends SiteExtras {
  /** Published articles, oldest first. */
  readonly articles: readonly Article[];
  readonly model: ArchiveModel;
  readonly settings: Settings;
  readonly today: CalendarDate;
  readonly theme: ThemeAssetPaths;
  /** The grid of every year, newest first. */
  readonly grid: GridView;
  /** Whether the archive's categories divide it (see `categoriesDivide`): lists name an article's category only then. */
  readonly categoriesDivide: boolean;
  /** The form with which a reader hides categories on a page listing these articles; none when they hold fewer than two categories. */
  categoryFilter(articles: readonly Article[]): CategoryFilterView | undefined;
  /** The latest articles (see `latestArticles`): what the home page lists. */
  readonly latest: readonly Article[];
  /** The site's sidebar boxes that have something to show. */
  readonly sidebar: readonly SidebarBoxView[];
  /** The site's sidebar boxes but those of the types given, which a page's own content shows. */
  sidebarWithout(...types: readonly SidebarBoxView["type"][]): readonly SidebarBoxView[];
  href(route: Route): string;
  meta(route: Route, description?: string, type?: PageMetaView["type"]): PageMetaView;
  /** An article page's: its summary, its `canonical` if it names one, its card image. */
  articleMeta(article: Article): PageMetaView;
  /** Its authors, linked to their pages. */
  authorsOf(article: Article): readonly AuthorView[];
  /** "April". */
  monthName(month: number): string;
  /** "Apr". */
  shortMonthName(month: number): string;
  /** "April 2021". */
  monthTitle(year: number, month: number): string;
  /** One summary per article, shared by every list it appears in. */
  summaryOf(article: Article): ArticleSummaryView;
  /** The site's feeds, a category's, or an author's (Atom only). */
  feedLinks(of?: { readonly category: string } | { readonly author: string }): FeedLinks;
  /** A category's description from the settings, by its slug. */
  categoryDescription(slug: string): string | undefined;
  /** "1 article", "1,049 articles". */
  countOf(count: number): string;
  readonly crumbs: {
    readonly home: CrumbView;
    year(year: number): CrumbView;
    month(year: number, month: number): CrumbView;
    day(year: number, month: number, day: number): CrumbView;
  };
}

export function createViewContext(
  articles: readonly Article[],
  model: ArchiveModel,
  settings: Settings,
  today: CalendarDate,
  theme: ThemeAssetPaths,
  extras: SiteExtras = NO_EXTRAS,
): ViewContext {
  const urls = urlContextOf(settings);
  const href = (route: Route): string => hrefFor(route, urls);
  // Written once per month (and per year and month), not once per page that names it: Luxon's formatting is slow.
  const monthIn = (format: string): ((month: number) => string) => {
    const names = Array.from({ length: 12 }, (_, index) =>
      DateTime.fromObject({ year: 2000, month: index + 1, day: 1 }, { zone: "UTC", locale: settings.locale }).toFormat(format),
    );
    return (month) => names[month - 1] ?? "";
  };
  const monthName = monthIn("LLLL");
  const shortMonthName = monthIn("LLL");
  const monthTitles = new Map<string, string>();
  const summaries = new Map<Article, ArticleSummaryView>();
  const bylines = new Map<Article, readonly AuthorView[]>();
  for (const article of articles) {
    const authors = article.authors.map((author) =>
      author.slug === "" ? { name: author.name } : { name: author.name, href: href({ kind: "author", slug: author.slug }) },
    );
    bylines.set(article, authors);
    const thumbnailSrc = imageHref(article, urls);
    summaries.set(article, {
      title: article.title,
      href: href(article.route),
      dateIso: article.date.iso,
      dateText: formatLongDate(article.date, settings.locale),
      dayHref: href({ kind: "day", year: article.date.year, month: article.date.month, day: article.date.day }),
      category: { title: article.category.name, href: href({ kind: "category", slug: article.category.slug }) },
      categorySlug: article.category.slug,
      summary: article.summary ?? article.excerpt,
      authors,
      ...(thumbnailSrc === undefined ? {} : { thumbnailSrc }),
    });
  }
  const meta = (route: Route, description = settings.description, type: PageMetaView["type"] = "website"): PageMetaView => ({
    canonicalUrl: absoluteUrlFor(route, urls),
    description,
    type,
  });
  const divided = categoriesDivide(model);
  const grid = buildGrid(model, today, href, { long: monthName, short: shortMonthName }, settings.locale, divided);
  const latest = latestArticles(model, settings.listsExclude, today);
  const summaryOf = (article: Article): ArticleSummaryView => summaries.get(article) as ArticleSummaryView;
  const sidebar = buildSidebar({ boxes: settings.sidebar, model, latest, today, grid, summaryOf, href });
  return {
    articles,
    pages: extras.pages,
    redirects: extras.redirects,
    model,
    settings,
    today,
    theme,
    grid,
    categoriesDivide: divided,
    categoryFilter: (pageArticles) => (divided ? categoryFilter(pageArticles, model, href({ kind: "home" })) : undefined),
    latest,
    sidebar,
    sidebarWithout: (...types) => sidebar.filter((box) => !types.includes(box.type)),
    href,
    meta,
    articleMeta: (article) => {
      const image = imageHref(article, urls);
      return {
        ...meta(article.route, article.summary ?? article.excerpt, "article"),
        ...(article.canonical === undefined ? {} : { canonicalUrl: absoluteHref(underBasePath(article.canonical, urls.basePath), urls) }),
        ...(image === undefined ? {} : { image: absoluteHref(image, urls) }),
      };
    },
    authorsOf: (article) => bylines.get(article) ?? [],
    monthName,
    shortMonthName,
    monthTitle: (year, month) => {
      const key = `${year}-${month}`;
      let title = monthTitles.get(key);
      if (title === undefined) {
        title = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC", locale: settings.locale }).toFormat("LLLL yyyy");
        monthTitles.set(key, title);
      }
      return title;
    },
    summaryOf,
    feedLinks: (of) => ({
      atomHref: href({ kind: "feed", format: "atom", ...of }),
      ...(of !== undefined && "author" in of ? {} : { jsonHref: href({ kind: "feed", format: "json", ...of }) }),
    }),
    categoryDescription: (slug) => settings.categories.find((category) => category.slug === slug)?.description,
    countOf: (count) => (count === 1 ? "1 article" : `${new Intl.NumberFormat(settings.locale).format(count)} articles`),
    crumbs: {
      home: { title: "Home", href: href({ kind: "home" }) },
      year: (year) => ({ title: String(year), href: href({ kind: "year", year }) }),
      month: (year, month) => ({ title: monthName(month), href: href({ kind: "month", year, month }) }),
      day: (year, month, day) => ({ title: String(day), href: href({ kind: "day", year, month, day }) }),
    },
  };
}

/**
 * Where an article's card image is, as a link: a file of its page bundle
 * (or any path relative to its page) beside the page, a path from the
 * site's root under the base path, a URL as it is.
 */
function imageHref(article: Article, urls: UrlContext): string | undefined {
  const image = article.image;
  if (image === undefined) return undefined;
  if (isRootRelative(image)) return underBasePath(image, urls.basePath);
  if (!isPageRelative(image)) return image;
  const folder = hrefFor({ kind: "file", path: routeFolder(article.route) }, urls);
  return new URL(image.replace(/^\.\//, ""), `http://site.invalid${folder}`).pathname;
}

/** The categories of a page's articles, in the archive's order, with their counts; none when fewer than two. */
function categoryFilter(articles: readonly Article[], model: ArchiveModel, homeHref: string): CategoryFilterView | undefined {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.category.slug, (counts.get(article.category.slug) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const categories = model.categories.flatMap((group) => {
    const count = counts.get(group.topic.slug);
    return count === undefined ? [] : [{ slug: group.topic.slug, name: group.topic.name, count }];
  });
  // Sites under different paths of one host keep their own choices.
  return { storageKey: `news-archive hidden categories ${homeHref}`, categories };
}

/** The links of page `current` of `total`: previous, next, and the numbers around it. */
export function pagination(current: number, total: number, hrefOf: (page: number) => string): PaginationView {
  return {
    current,
    total,
    ...(current > 1 ? { previousHref: hrefOf(current - 1) } : {}),
    ...(current < total ? { nextHref: hrefOf(current + 1) } : {}),
    pages: pageNumbersToShow(current, total).map((number) =>
      number === null ? { gap: true as const } : { number, href: hrefOf(number), current: number === current },
    ),
  };
}
