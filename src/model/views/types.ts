import type { GridView } from "./grid-types.ts";

/**
 * What the templates print. Everything is computed in model/views/, once per
 * build, so that templates only loop and print, and no page scans all
 * articles. Here are the parts many pages share; each page kind's own view
 * is declared beside the function that builds it (article-pages.ts,
 * listing-pages.ts...), which its entry in model/pages.ts names.
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

/** An author as a byline shows them: linked to their page when they have one. */
export interface AuthorView {
  readonly name: string;
  readonly href?: string;
}

/** A date as pages print it: linked to its day's page. */
export interface DatedView {
  readonly dateIso: string;
  readonly dateText: string;
  /** The page of the day's articles. */
  readonly dayHref: string;
}

export interface ArticleSummaryView extends LinkView, DatedView {
  readonly category: LinkView;
  /** Its category's slug: rows carry it, so that a reader may hide a category (see `CategoryFilterView`). */
  readonly categorySlug: string;
  /** The summary, or the excerpt: the part before `<!--more-->`, or the first paragraph. */
  readonly summary: string;
  readonly authors: readonly AuthorView[];
  /** The article's card image, shown small beside it in lists. */
  readonly thumbnailSrc?: string;
}

export interface PaginationView {
  readonly current: number;
  readonly total: number;
  readonly previousHref?: string;
  readonly nextHref?: string;
  readonly pages: readonly ({ readonly number: number; readonly href: string; readonly current: boolean } | { readonly gap: true })[];
}

/** An article in a sidebar box; in the box of sections, under its section's name. */
interface SidebarItemView extends ArticleSummaryView {
  readonly section?: LinkView;
}

/** A sidebar box of articles: featured, a category's latest or upcoming, the newest of each section, this day in past years. */
export interface ArticleBoxView {
  readonly type: "featured" | "latest" | "upcoming" | "sections" | "this-day";
  /** The box's heading's id, which the home page's jump links target. */
  readonly id: string;
  readonly title: string;
  readonly items: readonly SidebarItemView[];
}

/** The sidebar box of a year by month: its row of the grid, and a link to every year. */
interface YearBoxView {
  readonly type: "year";
  readonly id: string;
  readonly title: string;
  readonly grid: GridView;
  readonly more: LinkView;
}

export type SidebarBoxView = ArticleBoxView | YearBoxView;

export interface FeedLinks {
  readonly atomHref: string;
  /** Authors' feeds are Atom only. */
  readonly jsonHref?: string;
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
  /** Whether the archive's categories divide it (model/sections.ts): else pages leave categories out of lists and navigation. */
  readonly categoriesDivide: boolean;
  /** None when no article has tags: there is no tag index then. */
  readonly tagsHref?: string;
  readonly searchHref: string;
  readonly stylesheetHref: string;
  readonly searchScriptHref: string;
  readonly highlightScriptHref: string;
  readonly categoryFilterScriptHref: string;
  readonly notFoundScriptHref: string;
  /** The script that installs the service worker, when the site is read offline. */
  readonly offlineScriptHref?: string;
  /** The control that saves the whole archive (search and offline pages), when the site is read offline. */
  readonly archiveScriptHref?: string;
  /** The index of authors, when articles name some. */
  readonly authorsHref?: string;
  /**
   * When old addresses with a query ("/?p=12") lead to articles: the script
   * the home and 404 pages run to send such visitors on, and the map it reads.
   */
  readonly queryRedirect?: { readonly scriptHref: string; readonly mapHref: string };
  /** The sidebar boxes that have articles, in the settings' order; none, and pages have no sidebar. A page may show fewer (`PageBase.sidebar`). */
  readonly sidebar: readonly SidebarBoxView[];
  /** Links the `menu` setting adds to the header's navigation. */
  readonly menu: readonly LinkView[];
}

/** What a page's head says about it to browsers, search engines and link previews. */
export interface PageMetaView {
  /** Absolute when the site URL is set, else the page's link; an article's `canonical` when it names one. */
  readonly canonicalUrl: string;
  readonly description: string;
  readonly type: "article" | "website";
  /** The card image for link previews (`og:image`, a large Twitter card): absolute when the site URL is set. */
  readonly image?: string;
}

export interface PageBase {
  /** The file written, relative to the output folder. */
  readonly permalink: string;
  /** The document title (before " · site title"). */
  readonly title: string;
  readonly breadcrumb?: readonly CrumbView[];
  readonly meta: PageMetaView;
  /** Feeds of this page's own topic, besides the site's. */
  readonly feeds?: FeedLinks;
  /** The page has a search box of its own (the search page), so the header leaves its box out: one box to type in. */
  readonly ownSearchBox?: true;
  /** The sidebar boxes of this page, when it leaves out some of the site's (those its own content shows); else the site's. */
  readonly sidebar?: readonly SidebarBoxView[];
}

/**
 * The categories of a page's articles, which the reader may hide: a form the
 * page's small script shows (pages without it stay whole), which hides rows
 * and recounts the page, and remembers the choice for the site's other pages.
 */
export interface CategoryFilterView {
  /** Where the browser keeps the hidden categories: one key per site. */
  readonly storageKey: string;
  /** The page's categories, in the archive's order, with how many of the page's articles each holds. */
  readonly categories: readonly { readonly slug: string; readonly name: string; readonly count: number }[];
}
