import type { GridView } from "./grid-types.ts";

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
export interface SidebarItemView extends ArticleSummaryView {
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
export interface YearBoxView {
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

export interface ArticlePageView extends PageBase, DatedView {
  readonly href: string;
  readonly lang?: string;
  /** When it last changed, if later than its date. */
  readonly updatedIso?: string;
  readonly updatedText?: string;
  readonly authors: readonly AuthorView[];
  readonly category: LinkView;
  readonly tags: readonly LinkView[];
  readonly summary?: string;
  readonly bodyHtml: string;
  /** The article published just before (older), and just after (newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** Articles sharing its tags and category, nearest in time (see model/related.ts). */
  readonly related: readonly RelatedArticleView[];
  /** Drafts (published with --drafts) are never put in the search index, nor highlight searched words. */
  readonly searchable: boolean;
}

export interface RelatedArticleView extends LinkView, DatedView {}

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

/** A list of articles: a month, a category, tag or author page, the home page. */
export interface ListingPageView extends PageBase {
  readonly heading: string;
  /** A category's description, from the settings. */
  readonly description?: string;
  /** "117 articles": how many a category's or tag's pages list in all. */
  readonly countText?: string;
  /** Rows leave out their category: on a category's own pages, every row would repeat it. */
  readonly omitItemCategory?: boolean;
  /** Rows leave out their date: on a day's page, the heading says it. */
  readonly omitItemDate?: boolean;
  /** On an author's page: their bio and their own page, from the settings. */
  readonly about?: { readonly text?: string; readonly link?: LinkView };
  readonly items: readonly ArticleSummaryView[];
  readonly pagination?: PaginationView;
  /** Neighbouring months (older, newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** On month and day pages holding two categories or more. */
  readonly categoryFilter?: CategoryFilterView;
}

/** One article of a year page's month: under the month's heading, its day alone. */
export interface YearItemView extends LinkView {
  readonly dateIso: string;
  /** "25". */
  readonly dayText: string;
  /** The page of the day's articles. */
  readonly dayHref: string;
  /** The category's name, printed on the row (not a link: the page has one per row); none when categories do not divide the archive. */
  readonly category?: string;
  readonly categorySlug: string;
}

export interface YearMonthView {
  /** The section's id, the target of the jump links: "month-04". */
  readonly id: string;
  /** "April 2021". */
  readonly heading: string;
  /** "Apr", for the jump links. */
  readonly shortName: string;
  readonly href: string;
  readonly count: number;
  readonly items: readonly YearItemView[];
}

export interface YearPageView extends PageBase {
  readonly heading: string;
  readonly count: number;
  /** Newest first, as the page lists them; the jump links follow this order. */
  readonly months: readonly YearMonthView[];
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** When the year holds two categories or more. */
  readonly categoryFilter?: CategoryFilterView;
}

export interface ArchivePageView extends PageBase {
  readonly grid: GridView;
  /** "1,049 articles". */
  readonly countText: string;
  /** When categories divide the archive. */
  readonly categoryFilter?: CategoryFilterView;
}

/** One section of the home page: a category's (or a tag's) latest articles, linking its page. */
export interface HomeSectionView {
  /** Its heading's id. */
  readonly id: string;
  readonly title: string;
  readonly href: string;
  /** "117 articles": how many its page lists. */
  readonly countText: string;
  readonly items: readonly ArticleSummaryView[];
}

export interface HomePageView extends ListingPageView {
  /** On the first page only: the lead story (model/latest.ts), shown larger above the list. */
  readonly lead?: ArticleSummaryView;
  /** What the lead story is: "Featured", or "Latest" on an archive that features none. */
  readonly leadKicker?: string;
  /** On the first page only: the latest articles of each section, after the list. */
  readonly sections: readonly HomeSectionView[];
  /** On the first page only: the recent years of the grid. */
  readonly grid?: GridView;
  readonly gridIsPartial: boolean;
}

export interface TopicEntryView {
  readonly name: string;
  readonly href: string;
  readonly count: number;
  readonly description?: string;
}

/** The entries of a topic index under one initial: "A", or "#" for names that start with no letter. */
export interface TopicLetterView {
  readonly letter: string;
  /** The group's id, the target of the index's jump links: "letter-a". */
  readonly id: string;
  readonly entries: readonly TopicEntryView[];
}

export interface TopicIndexView extends PageBase {
  readonly heading: string;
  /** Every entry, in order (categories in the settings' order, tags and authors by name). */
  readonly entries: readonly TopicEntryView[];
  /** Tags and authors, listed side by side with their counts rather than one a line: they can number hundreds. */
  readonly compact?: true;
  /** When they are many: the same entries by initial, for an A-Z index. */
  readonly letters?: readonly TopicLetterView[];
}

export interface SearchPageView extends PageBase {
  readonly categories: readonly string[];
  /** Newest first. */
  readonly years: readonly number[];
  /** The search index's folder from the site's root, for the search script, which finds the root from its own place. */
  readonly searchIndex: string;
  /** The stemmers the search reads queries with (one per language of the archive), loaded beside the search script. */
  readonly stemmerScriptHrefs: readonly string[];
  /** The index's entry file, asked for with the page rather than once the script runs; none on a portable site. */
  readonly searchEntryHref?: string;
}


/** A page of the site made from an undated file (About, Contact): its title and body. */
export interface SitePageView extends PageBase {
  readonly lang?: string;
  readonly bodyHtml: string;
  /** Published with --drafts: left out of the sitemap. */
  readonly draft: boolean;
}

/** A page at an article's old address, sending readers (and search engines) on to it. */
export interface RedirectPageView extends PageBase {
  readonly targetHref: string;
  readonly targetTitle: string;
}

export interface NotFoundPageView extends PageBase {
  readonly grid: GridView;
  /** For the script that guesses the article meant: the site's base path, and each part of the titles ("all", "2016", "2016-04") with its link, newest first. */
  readonly titles: { readonly basePath: string; readonly parts: readonly { readonly id: string; readonly href: string }[] };
}
