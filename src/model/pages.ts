import type { Article } from "../core/article.ts";
import type { ThemeAssetPaths } from "../core/assets.ts";
import type { Settings } from "../core/settings.ts";
import type { ArchiveModel } from "./archive-model.ts";
import { archivePage, notFoundPage, yearPages, type ArchivePageView, type NotFoundPageView, type YearPageView } from "./views/archive-pages.ts";
import { articlePages, type ArticlePageView } from "./views/article-pages.ts";
import { createViewContext, NO_EXTRAS, type SiteExtras, type ViewContext } from "./views/context.ts";
import { dayPages } from "./views/day-pages.ts";
import { authorIndexes, categoryIndex, offlinePages, searchPage, tagIndex, type SearchPageView, type TopicIndexView } from "./views/index-pages.ts";
import { homePages, type HomePageView } from "./views/home-pages.ts";
import { authorPages, categoryPages, monthPages, tagPages, type ListingPageView } from "./views/listing-pages.ts";
import { redirectPages, type RedirectPageView } from "./views/redirect-pages.ts";
import { sitePages, type SitePageView } from "./views/site-pages.ts";
import { siteView } from "./views/site-view.ts";
import type { PageBase, SiteView } from "./views/types.ts";
import type { CalendarDate } from "../core/dates.ts";
import type { PageRoute } from "../core/urls.ts";

/**
 * One kind of page the site publishes. Everything that handles pages reads
 * this registry: the Eleventy wiring makes one template per kind, the sitemap,
 * the offline shell, render passes, page counts and the page comparison of
 * `npm start` go through it. Adding a page kind is its route (core/urls.ts),
 * an entry here under the route's kind, the module of views/ that declares
 * its view type and builds its views, and its partial in layouts/partials/
 * (see docs/architecture.md).
 */
interface PageKind<View extends PageBase> {
  /** What the pages are, for people reading this list. */
  readonly about: string;
  /** The partial in layouts/partials/ that prints one page of this kind from its view (`entry`). */
  readonly partial: string;
  /** Its pages, each with its permalink; a kind with one page returns a list of one, a kind a site lacks an empty list. */
  readonly build: (context: ViewContext) => readonly View[];
  /** Whether sitemap.xml lists a page of this kind. */
  readonly inSitemap: (view: View) => boolean;
  /** Whether its first page is saved when the service worker installs, so the site opens offline at it. */
  readonly inOfflineShell: boolean;
}

/** Keeps each entry's own view type (named in each entry, declared beside its builder), so that `PageViews` knows what every kind's pages hold. */
const pageKind = <View extends PageBase>(kind: PageKind<View>): PageKind<View> => kind;
const always = (): boolean => true;
const never = (): boolean => false;
const one =
  <View extends PageBase>(build: (context: ViewContext) => View) =>
  (context: ViewContext): readonly View[] => [build(context)];

/**
 * Every page kind, in the order sitemap.xml lists them, by the kind of its
 * pages' routes (core/urls.ts): the compiler refuses a kind without a route,
 * and a page route without an entry here.
 */
export const PAGE_KINDS = {
  home: pageKind<HomePageView>({
    about: "The home page and its older pages (/page/2/ ...).",
    partial: "home-page.njk",
    build: homePages,
    inSitemap: always,
    inOfflineShell: true,
  }),
  archive: pageKind<ArchivePageView>({
    about: "The month grid: one row per year, newest first.",
    partial: "archive-page.njk",
    build: one(archivePage),
    inSitemap: always,
    inOfflineShell: true,
  }),
  year: pageKind<YearPageView>({
    about: "One page per year that has articles.",
    partial: "year-page.njk",
    build: yearPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  month: pageKind<ListingPageView>({
    about: "One page per month that has articles.",
    partial: "listing-page.njk",
    build: monthPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  day: pageKind<ListingPageView>({
    about: "One page per day that has articles (/2016/04/11/).",
    partial: "day-page.njk",
    build: dayPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  categories: pageKind<TopicIndexView>({
    about: "The index of categories, with counts.",
    partial: "topic-index-page.njk",
    build: one(categoryIndex),
    inSitemap: always,
    inOfflineShell: false,
  }),
  category: pageKind<ListingPageView>({
    about: "Each category's pages (/category/slug/, /category/slug/page/2/ ...).",
    partial: "listing-page.njk",
    build: categoryPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  tags: pageKind<TopicIndexView>({
    about: "The index of tags, with counts; none when no article has tags.",
    partial: "topic-index-page.njk",
    build: tagIndex,
    inSitemap: always,
    inOfflineShell: false,
  }),
  tag: pageKind<ListingPageView>({
    about: "Each tag's pages (/tag/slug/, /tag/slug/page/2/ ...).",
    partial: "listing-page.njk",
    build: tagPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  authors: pageKind<TopicIndexView>({
    about: "The index of authors, with counts; none when no article names one.",
    partial: "topic-index-page.njk",
    build: authorIndexes,
    inSitemap: always,
    inOfflineShell: false,
  }),
  author: pageKind<ListingPageView>({
    about: "Each author's pages (/author/slug/, /author/slug/page/2/ ...).",
    partial: "listing-page.njk",
    build: authorPages,
    inSitemap: always,
    inOfflineShell: false,
  }),
  search: pageKind<SearchPageView>({
    about: "The search page: the search index, searched in the reader's browser.",
    partial: "search-page.njk",
    build: one(searchPage),
    inSitemap: always,
    inOfflineShell: true,
  }),
  page: pageKind<SitePageView>({
    about: "The site's pages, made from undated files (about.md at /about/).",
    partial: "site-page.njk",
    build: sitePages,
    inSitemap: (page) => !page.draft,
    inOfflineShell: false,
  }),
  // Drafts (published with --drafts) stay out of the sitemap, as out of search.
  article: pageKind<ArticlePageView>({
    about: "One page per article.",
    partial: "article-page.njk",
    build: articlePages,
    inSitemap: (page) => page.searchable,
    inOfflineShell: false,
  }),
  // One per old address of an article: small, and as many as the articles.
  redirect: pageKind<RedirectPageView>({
    about: "A page at an article's old address (aliases, redirect_from), sending readers on to it.",
    partial: "redirect-page.njk",
    build: redirectPages,
    inSitemap: never,
    inOfflineShell: false,
  }),
  "not-found": pageKind<NotFoundPageView>({
    about: "The page hosts serve for missing addresses.",
    partial: "not-found-page.njk",
    build: one(notFoundPage),
    inSitemap: never,
    inOfflineShell: false,
  }),
  offline: pageKind<PageBase>({
    about: "What the service worker shows, offline, for a page the reader has not opened before.",
    partial: "offline-page.njk",
    build: offlinePages,
    inSitemap: never,
    inOfflineShell: true,
  }),
} satisfies Record<PageRoute["kind"], unknown>;

export type PageKindName = keyof typeof PAGE_KINDS;
type ViewOf<Kind> = Kind extends PageKind<infer View> ? View : never;
/** Every page's view, by kind. */
export type PageViews = { readonly [Name in PageKindName]: readonly ViewOf<(typeof PAGE_KINDS)[Name]>[] };

/** What the templates print: the site-wide view and every page's. */
export interface SiteViews {
  readonly site: SiteView;
  readonly pages: PageViews;
}

export const PAGE_KIND_NAMES = Object.keys(PAGE_KINDS) as readonly PageKindName[];

/** Builds every page's view from the published articles (oldest first), their archive model, and the site's pages and redirects. */
export function buildSiteViews(
  articles: readonly Article[],
  model: ArchiveModel,
  settings: Settings,
  today: CalendarDate,
  theme: ThemeAssetPaths,
  extras: SiteExtras = NO_EXTRAS,
): SiteViews {
  const context = createViewContext(articles, model, settings, today, theme, extras);
  return { site: siteView(context), pages: mapPageKinds(<Name extends PageKindName>(name: Name) => PAGE_KINDS[name].build(context) as PageViews[Name]) };
}

/**
 * Makes a `PageViews` by asking for each kind's list: the one place where
 * the per-kind types of the registry meet a loop over its names.
 */
export function mapPageKinds(listOf: <Name extends PageKindName>(name: Name) => PageViews[Name]): PageViews {
  return Object.fromEntries(PAGE_KIND_NAMES.map((name) => [name, listOf(name)])) as unknown as PageViews;
}

/**
 * The pages of every kind that `keep` accepts (given the kind, the page and
 * its place among the kind's pages), in registry order. A kind's
 * callbacks are given its own pages only, which the types of a loop over
 * every kind cannot say: hence the one widening here.
 */
export function selectPages(pages: PageViews, keep: (kind: PageKind<PageBase>, page: PageBase, index: number) => boolean): PageBase[] {
  return PAGE_KIND_NAMES.flatMap((name) => {
    const kind = PAGE_KINDS[name] as unknown as PageKind<PageBase>;
    return pages[name].filter((page, index) => keep(kind, page, index));
  });
}
