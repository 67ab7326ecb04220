import { DateTime } from "luxon";
import type { Category, Tag } from "../core/article.ts";
import type { Article } from "../core/article.ts";
import type { Settings, SidebarBoxSetting } from "../core/settings.ts";
import { rewriteHtmlUrls, underBasePath } from "../core/html-urls.ts";
import type { ThemeAssetPaths } from "../core/assets.ts";
import { formatLongDate } from "./format.ts";
import { absoluteUrlFor, hrefFor, outputFileFor, routePath, type Route, type UrlContext } from "../core/urls.ts";
import { chunk, pageNumbersToShow, type ArchiveModel, type MonthGroup, type TopicGroup } from "./archive-model.ts";

/**
 * What the templates print. Everything is computed here, once per build, so
 * that templates only loop and print, and no page scans all articles.
 */
export interface LinkView {
  readonly title: string;
  readonly href: string;
}

/** One trail step; the current page has no link. */
export interface CrumbView {
  readonly title: string;
  readonly href?: string;
}

export interface ArticleSummaryView extends LinkView {
  readonly dateIso: string;
  readonly dateText: string;
  readonly category: LinkView;
  /** The summary, or an excerpt of the first paragraph. */
  readonly summary: string;
}

export interface PaginationView {
  readonly current: number;
  readonly total: number;
  readonly previousHref?: string;
  readonly nextHref?: string;
  readonly pages: readonly ({ readonly number: number; readonly href: string; readonly current: boolean } | { readonly gap: true })[];
}

export interface SidebarBoxView {
  readonly id: string;
  readonly title: string;
  readonly items: readonly ArticleSummaryView[];
}

export interface FeedLinks {
  readonly atomHref: string;
  readonly jsonHref: string;
}

export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly feeds: FeedLinks;
  readonly faviconHref: string;
  readonly logo?: { readonly href: string; readonly width: number; readonly height: number };
  readonly footerText?: string;
  readonly homeHref: string;
  readonly archiveHref: string;
  readonly categoriesHref: string;
  readonly tagsHref: string;
  readonly searchHref: string;
  readonly stylesheetHref: string;
  readonly searchScriptHref: string;
  readonly highlightScriptHref: string;
  /** The script that installs the service worker, when the site is read offline. */
  readonly offlineScriptHref?: string;
  readonly sidebar: readonly SidebarBoxView[];
}

/** What a page's head says about it to browsers, search engines and link previews. */
export interface PageMetaView {
  /** Absolute when the site URL is set, else the page's link. */
  readonly canonicalUrl: string;
  readonly description: string;
  readonly type: "article" | "website";
}

interface PageBase {
  /** The file written, relative to the output folder. */
  readonly permalink: string;
  /** The document title (before " · site title"). */
  readonly title: string;
  readonly breadcrumb?: readonly CrumbView[];
  readonly meta: PageMetaView;
  /** Feeds of this page's own topic, besides the site's. */
  readonly feeds?: FeedLinks;
}

export interface ArticlePageView extends PageBase {
  readonly href: string;
  readonly lang?: string;
  readonly dateIso: string;
  readonly dateText: string;
  /** The month page the date links to. */
  readonly monthHref: string;
  readonly category: LinkView;
  readonly tags: readonly LinkView[];
  readonly summary?: string;
  readonly bodyHtml: string;
  /** The article published just before (older), and just after (newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** Drafts (published with --drafts) are never put in the search index. */
  readonly searchable: boolean;
  /** Search filter and sort keys. */
  readonly year: number;
  readonly sortDate: string;
}

/** A list of articles: a month, a category or tag page, the home page. */
export interface ListingPageView extends PageBase {
  readonly heading: string;
  readonly items: readonly ArticleSummaryView[];
  readonly pagination?: PaginationView;
  /** Neighbouring months (older, newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
}

export interface YearPageView extends PageBase {
  readonly heading: string;
  readonly count: number;
  readonly months: readonly { readonly heading: string; readonly href: string; readonly items: readonly ArticleSummaryView[] }[];
  readonly previous?: LinkView;
  readonly next?: LinkView;
}

export interface GridCellView {
  /** "01" ... "12". */
  readonly label: string;
  readonly count: number;
  /** Only months with articles link to their page. */
  readonly href?: string;
  /** "April 2021: 3 articles". */
  readonly description: string;
  readonly isCurrent: boolean;
}

export interface GridRowView {
  readonly year: number;
  readonly href: string;
  readonly count: number;
  readonly cells: readonly GridCellView[];
}

export interface GridView {
  /** Column headers: "01" with "January", ... */
  readonly columns: readonly { readonly label: string; readonly name: string }[];
  readonly rows: readonly GridRowView[];
}

export interface ArchivePageView extends PageBase {
  readonly grid: GridView;
  readonly total: number;
}

export interface HomePageView extends ListingPageView {
  /** On the first page only: the recent years of the grid. */
  readonly grid?: GridView;
  readonly gridIsPartial: boolean;
}

export interface TopicIndexView extends PageBase {
  readonly heading: string;
  readonly entries: readonly { readonly name: string; readonly href: string; readonly count: number }[];
}

export interface SearchPageView extends PageBase {
  readonly categories: readonly string[];
  /** Newest first. */
  readonly years: readonly number[];
}

export interface SiteViews {
  readonly site: SiteView;
  readonly articlePages: readonly ArticlePageView[];
  readonly homePages: readonly HomePageView[];
  readonly archivePage: ArchivePageView;
  readonly yearPages: readonly YearPageView[];
  readonly monthPages: readonly ListingPageView[];
  readonly categoryIndex: TopicIndexView;
  readonly categoryPages: readonly ListingPageView[];
  readonly tagIndex: TopicIndexView;
  readonly tagPages: readonly ListingPageView[];
  readonly notFoundPage: PageBase & { readonly grid: GridView };
  readonly searchPage: SearchPageView;
  /** The page the service worker shows for a page not saved for offline reading: none without one. */
  readonly offlinePages: readonly PageBase[];
}

/** A calendar day, for "upcoming" boxes and the grid's current month. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Builds every page's view from the published articles (oldest first) and their archive model. */
export function buildSiteViews(articles: readonly Article[], model: ArchiveModel, settings: Settings, today: CalendarDay, theme: ThemeAssetPaths): SiteViews {
  const urls = urlContextOf(settings);
  const href = (route: Route): string => hrefFor(route, urls);
  const meta = (route: Route, description = settings.description, type: PageMetaView["type"] = "website"): PageMetaView => ({
    canonicalUrl: absoluteUrlFor(route, urls),
    description,
    type,
  });
  const monthName = (month: number): string => DateTime.fromObject({ year: 2000, month, day: 1 }, { zone: "UTC", locale: settings.locale }).toFormat("LLLL");
  const monthTitle = (year: number, month: number): string =>
    DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC", locale: settings.locale }).toFormat("LLLL yyyy");

  // One summary per article, shared by every list it appears in.
  const summaries = new Map<Article, ArticleSummaryView>();
  for (const article of articles) {
    summaries.set(article, {
      title: article.title,
      href: href(article.route),
      dateIso: article.date.iso,
      dateText: formatLongDate(article.date, settings.locale),
      category: { title: article.category.name, href: href({ kind: "category", slug: article.category.slug }) },
      summary: article.summary ?? article.excerpt,
    });
  }
  const feedLinks = (category: string | undefined): FeedLinks => ({
    atomHref: href({ kind: "feed", format: "atom", ...(category === undefined ? {} : { category }) }),
    jsonHref: href({ kind: "feed", format: "json", ...(category === undefined ? {} : { category }) }),
  });
  const summaryOf = (article: Article): ArticleSummaryView => summaries.get(article) as ArticleSummaryView;
  const home: CrumbView = { title: "Home", href: href({ kind: "home" }) };
  const yearCrumb = (year: number): CrumbView => ({ title: String(year), href: href({ kind: "year", year }) });
  const monthCrumb = (year: number, month: number): CrumbView => ({ title: monthName(month), href: href({ kind: "month", year, month }) });

  const articlePages = articles.map((article, index): ArticlePageView => {
    const previous = articles[index - 1];
    const next = articles[index + 1];
    const { year, month } = article.date;
    return {
      permalink: outputFileFor(article.route),
      title: article.title,
      breadcrumb: [home, yearCrumb(year), monthCrumb(year, month), { title: article.title }],
      meta: meta(article.route, article.summary ?? article.excerpt, "article"),
      href: href(article.route),
      ...(article.lang === undefined ? {} : { lang: article.lang }),
      dateIso: article.date.iso,
      dateText: formatLongDate(article.date, settings.locale),
      monthHref: href({ kind: "month", year, month }),
      category: { title: article.category.name, href: href({ kind: "category", slug: article.category.slug }) },
      tags: article.tags.map((tag) => ({ title: tag.name, href: href({ kind: "tag", slug: tag.slug }) })),
      ...(article.summary === undefined ? {} : { summary: article.summary }),
      bodyHtml: withBasePath(article.bodyHtml, settings.basePath),
      ...(previous === undefined ? {} : { previous: { title: previous.title, href: href(previous.route) } }),
      ...(next === undefined ? {} : { next: { title: next.title, href: href(next.route) } }),
      searchable: !article.draft,
      year,
      sortDate: article.date.iso.slice(0, 10),
    };
  });

  const grid = buildGrid(model, today, href, monthName);
  const gridYears = settings.homeGridYears;
  const homeChunks = chunk(model.newestFirst, settings.itemsPerPage);
  const homePages = homeChunks.map((items, index): HomePageView => {
    const page = index + 1;
    const isFirst = page === 1;
    return {
      permalink: outputFileFor({ kind: "home", page }),
      title: isFirst ? settings.title : `Latest articles, page ${page}`,
      meta: meta({ kind: "home", page }),
      heading: isFirst ? "Latest articles" : `Latest articles, page ${page}`,
      items: items.map(summaryOf),
      pagination: pagination(page, homeChunks.length, (number) => href({ kind: "home", page: number })),
      ...(isFirst && gridYears > 0 ? { grid: { ...grid, rows: grid.rows.slice(0, gridYears) } } : {}),
      gridIsPartial: grid.rows.length > gridYears,
    };
  });

  const monthPages = model.months.map((group, index): ListingPageView => {
    const older = model.months[index + 1];
    const newer = model.months[index - 1];
    const link = (other: MonthGroup | undefined): LinkView | undefined =>
      other === undefined ? undefined : { title: monthTitle(other.year, other.month), href: href({ kind: "month", year: other.year, month: other.month }) };
    const previous = link(older);
    const next = link(newer);
    return {
      permalink: outputFileFor({ kind: "month", year: group.year, month: group.month }),
      title: monthTitle(group.year, group.month),
      heading: monthTitle(group.year, group.month),
      meta: meta({ kind: "month", year: group.year, month: group.month }, `Articles of ${monthTitle(group.year, group.month)}.`),
      breadcrumb: [home, yearCrumb(group.year), { title: monthName(group.month) }],
      items: group.articles.map(summaryOf),
      ...(previous === undefined ? {} : { previous }),
      ...(next === undefined ? {} : { next }),
    };
  });

  const yearPages = model.years.map((group, index): YearPageView => {
    const older = model.years[index + 1];
    const newer = model.years[index - 1];
    return {
      permalink: outputFileFor({ kind: "year", year: group.year }),
      title: String(group.year),
      heading: String(group.year),
      meta: meta({ kind: "year", year: group.year }, `Articles of ${group.year}, by month.`),
      count: group.count,
      breadcrumb: [home, { title: String(group.year) }],
      months: group.months.map((month) => ({
        heading: monthTitle(month.year, month.month),
        href: href({ kind: "month", year: month.year, month: month.month }),
        items: month.articles.map(summaryOf),
      })),
      ...(older === undefined ? {} : { previous: { title: String(older.year), href: href({ kind: "year", year: older.year }) } }),
      ...(newer === undefined ? {} : { next: { title: String(newer.year), href: href({ kind: "year", year: newer.year }) } }),
    };
  });

  const topicPages = (groups: readonly TopicGroup<Category | Tag>[], kind: "category" | "tag", label: string): ListingPageView[] =>
    groups.flatMap((group) => {
      const chunks = chunk(group.articles, settings.itemsPerPage);
      return chunks.map((items, index) => {
        const page = index + 1;
        const suffix = page === 1 ? "" : `, page ${page}`;
        return {
          permalink: outputFileFor({ kind, slug: group.topic.slug, page }),
          title: `${label}: ${group.topic.name}${suffix}`,
          meta: meta({ kind, slug: group.topic.slug, page }, `Articles filed under ${group.topic.name}.`),
          ...(kind === "category" ? { feeds: feedLinks(group.topic.slug) } : {}),
          heading: `${group.topic.name}${suffix}`,
          breadcrumb: [home, { title: `${label === "Category" ? "Categories" : "Tags"}`, href: href({ kind: kind === "category" ? "categories" : "tags" }) }, { title: group.topic.name }],
          items: items.map(summaryOf),
          pagination: pagination(page, chunks.length, (number) => href({ kind, slug: group.topic.slug, page: number })),
        };
      });
    });
  const topicIndex = (groups: readonly TopicGroup<Category | Tag>[], kind: "category" | "tag", heading: string): TopicIndexView => ({
    permalink: outputFileFor({ kind: kind === "category" ? "categories" : "tags" }),
    title: heading,
    heading,
    meta: meta({ kind: kind === "category" ? "categories" : "tags" }),
    breadcrumb: [home, { title: heading }],
    entries: groups.map((group) => ({ name: group.topic.name, href: href({ kind, slug: group.topic.slug }), count: group.articles.length })),
  });

  return {
    site: {
      title: settings.title,
      description: settings.description,
      language: settings.language,
      homeHref: href({ kind: "home" }),
      archiveHref: href({ kind: "archive" }),
      categoriesHref: href({ kind: "categories" }),
      tagsHref: href({ kind: "tags" }),
      searchHref: href({ kind: "search" }),
      stylesheetHref: href({ kind: "file", path: theme.stylesheet }),
      searchScriptHref: href({ kind: "file", path: theme.searchScript }),
      highlightScriptHref: href({ kind: "file", path: theme.highlightScript }),
      ...(theme.offlineScript === undefined ? {} : { offlineScriptHref: href({ kind: "file", path: theme.offlineScript }) }),
      faviconHref: href({ kind: "file", path: theme.favicon }),
      ...(theme.logo === undefined || settings.logo === undefined
        ? {}
        : { logo: { href: href({ kind: "file", path: theme.logo }), width: settings.logo.width, height: settings.logo.height } }),
      ...(settings.footerText === undefined ? {} : { footerText: settings.footerText }),
      feeds: feedLinks(undefined),
      sidebar: settings.sidebar.map((box, index) => buildSidebarBox(box, index, model, today, summaryOf)),
    },
    articlePages,
    homePages,
    archivePage: {
      permalink: outputFileFor({ kind: "archive" }),
      title: "Archive",
      breadcrumb: [home, { title: "Archive" }],
      meta: meta({ kind: "archive" }, `Every article of ${settings.title}, by month.`),
      grid,
      total: articles.length,
    },
    yearPages,
    monthPages,
    categoryIndex: topicIndex(model.categories, "category", "Categories"),
    categoryPages: topicPages(model.categories, "category", "Category"),
    tagIndex: topicIndex(model.tags, "tag", "Tags"),
    tagPages: topicPages(model.tags, "tag", "Tag"),
    notFoundPage: {
      permalink: outputFileFor({ kind: "not-found" }),
      title: "Page not found",
      meta: meta({ kind: "not-found" }),
      grid: { ...grid, rows: grid.rows.slice(0, Math.max(gridYears, 1)) },
    },
    searchPage: {
      permalink: outputFileFor({ kind: "search" }),
      title: "Search",
      breadcrumb: [home, { title: "Search" }],
      meta: meta({ kind: "search" }, `Search the articles of ${settings.title}.`),
      categories: model.categories.map((group) => group.topic.name),
      years: model.years.map((group) => group.year),
    },
    offlinePages:
      theme.offlineScript === undefined
        ? []
        : [{ permalink: outputFileFor({ kind: "offline" }), title: "Not saved for offline reading", breadcrumb: [home, { title: "Offline" }], meta: meta({ kind: "offline" }) }],
  };
}

export function urlContextOf(settings: Settings): UrlContext {
  return { basePath: settings.basePath, siteUrl: settings.siteUrl, cleanUrls: settings.cleanUrls };
}

/** Root-relative links in a body ("/images/x.png") are written for the site's root; under a base path they get its prefix. */
function withBasePath(html: string, basePath: string): string {
  if (basePath === "/") return html;
  return rewriteHtmlUrls(html, (url) => underBasePath(url, basePath));
}

function buildGrid(model: ArchiveModel, today: CalendarDay, href: (route: Route) => string, monthName: (month: number) => string): GridView {
  const monthNames = Array.from({ length: 12 }, (_, index) => monthName(index + 1));
  const rows = model.years.map((group): GridRowView => {
    const counts = new Map(group.months.map((month) => [month.month, month.articles.length]));
    return {
      year: group.year,
      href: href({ kind: "year", year: group.year }),
      count: group.count,
      cells: monthNames.map((name, index) => {
        const month = index + 1;
        const count = counts.get(month) ?? 0;
        const description = `${name} ${group.year}: ${count === 0 ? "no articles" : count === 1 ? "1 article" : `${count} articles`}`;
        const isCurrent = group.year === today.year && month === today.month;
        return count === 0
          ? { label: String(month).padStart(2, "0"), count, description, isCurrent }
          : { label: String(month).padStart(2, "0"), count, href: href({ kind: "month", year: group.year, month }), description, isCurrent };
      }),
    };
  });
  return { columns: monthNames.map((name, index) => ({ label: String(index + 1).padStart(2, "0"), name })), rows };
}

function buildSidebarBox(
  box: SidebarBoxSetting,
  index: number,
  model: ArchiveModel,
  today: CalendarDay,
  summaryOf: (article: Article) => ArticleSummaryView,
): SidebarBoxView {
  const id = `sidebar-${index + 1}`;
  if (box.type === "featured") {
    return { id, title: box.title, items: model.newestFirst.filter((article) => article.featured).slice(0, box.count).map(summaryOf) };
  }
  const group = model.categories.find((candidate) => candidate.topic.slug === slugOfCategory(box.category, model));
  const name = group?.topic.name ?? box.category;
  const articles = group?.articles ?? [];
  if (box.type === "latest") return { id, title: box.title ?? name, items: articles.slice(0, box.count).map(summaryOf) };
  const todayKey = dayKey(today);
  const upcoming = articles.filter((article) => dayKey(article.date) >= todayKey).reverse();
  return { id, title: box.title ?? `Upcoming: ${name}`, items: upcoming.slice(0, box.count).map(summaryOf) };
}

function slugOfCategory(nameOrSlug: string, model: ArchiveModel): string | undefined {
  const wanted = nameOrSlug.toLowerCase();
  return model.categories.find((group) => group.topic.slug === wanted || group.topic.name.toLowerCase() === wanted)?.topic.slug;
}

function dayKey(day: CalendarDay): number {
  return day.year * 10000 + day.month * 100 + day.day;
}

function pagination(current: number, total: number, hrefOf: (page: number) => string): PaginationView {
  return {
    current,
    total,
    ...(current > 1 ? { previousHref: hrefOf(current - 1) } : {}),
    ...(current < total ? { nextHref: hrefOf(current + 1) } : {}),
    pages: pageNumbersToShow(current, total).map((number) => (number === null ? { gap: true as const } : { number, href: hrefOf(number), current: number === current })),
  };
}

/** Where each page bundle's files are copied: beside the article's page. */
export function bundleAssetCopies(articles: readonly Article[]): { readonly from: string; readonly to: string }[] {
  return articles.flatMap((article) =>
    article.bundleDir === undefined
      ? []
      : article.assets.map((asset) => ({ from: `${article.bundleDir}/${asset}`, to: outputFileFor({ kind: "file", path: `${routePath(article.route)}${asset}` }) })),
  );
}

/** The build's calendar day in the archive's zone: from SOURCE_DATE_EPOCH (seconds) when set, so builds can be repeated. */
export function buildDay(sourceDateEpoch: string | undefined, nowMs: number, timeZone: string): CalendarDay {
  const seconds = sourceDateEpoch === undefined || sourceDateEpoch.trim() === "" ? undefined : Number(sourceDateEpoch);
  const instant = seconds !== undefined && Number.isFinite(seconds) ? seconds * 1000 : nowMs;
  const local = DateTime.fromMillis(instant, { zone: timeZone });
  return { year: local.year, month: local.month, day: local.day };
}
