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
  /** The control that saves the whole archive (search and offline pages), when the site is read offline. */
  readonly archiveScriptHref?: string;
  readonly sidebar: readonly SidebarBoxView[];
}

/** What a page's head says about it to browsers, search engines and link previews. */
export interface PageMetaView {
  /** Absolute when the site URL is set, else the page's link. */
  readonly canonicalUrl: string;
  readonly description: string;
  readonly type: "article" | "website";
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
  /** Search filter key. */
  readonly year: number;
  /** The search's sort key: orders articles by date ("2022-04-19T00:00:00.000Z v18-release-announce"). */
  readonly sortKey: string;
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


/** A calendar day, for "upcoming" boxes and the grid's current month. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface NotFoundPageView extends PageBase {
  readonly grid: GridView;
}
