import type { SiteViews } from "./views.ts";

/**
 * What each page printed, by the file it is written to: its view. Two equal
 * views give two equal pages. Views are compared, not serialised: an
 * unchanged article's body is the very string the build cache gave last time,
 * which compares at once.
 */
export type PageFingerprints = ReadonlyMap<string, unknown>;

/** The views of the pages to render again, and the files of pages that no longer exist. */
export interface PageChanges {
  /** The site's views with each paginated list cut to its changed and new pages. */
  readonly views: SiteViews;
  readonly fingerprints: PageFingerprints;
  /** Output files of the previous pages that are gone (an article deleted, or moved by its new date). */
  readonly removed: readonly string[];
  /** How many pages are to be rendered. */
  readonly pages: number;
}

/** The archive grid, the category and tag indexes, the search page and the 404 page. */
const SINGLE_PAGES = 5;
/** The site-wide view (title, links, sidebar boxes) is printed on every page; it takes this key, which no page file has. */
const SITE_KEY = "";

/** Every HTML page the site has. */
export function countPages(views: SiteViews): number {
  const lists = [views.articlePages, views.homePages, views.yearPages, views.monthPages, views.categoryPages, views.tagPages, views.offlinePages];
  return lists.reduce((sum, list) => sum + list.length, SINGLE_PAGES);
}

/**
 * Compares a build's views with the previous build's fingerprints, so that
 * `npm start` renders again only the pages an edit changed: the article, its
 * neighbours' previous/next links, its month, year, category and tag pages,
 * the home pages. Since a page's view is everything it prints, a page whose
 * view is unchanged is unchanged. A change to the site-wide view (a sidebar
 * box listing the edited article) changes every page. The few single pages
 * (archive grid, indexes, search, 404) are always rendered.
 */
export function pageChanges(views: SiteViews, previous: PageFingerprints | undefined): PageChanges {
  const fingerprints = new Map<string, unknown>([[SITE_KEY, views.site]]);
  const everyPage = previous === undefined || !sameView(previous.get(SITE_KEY), views.site);
  let pages = SINGLE_PAGES;
  const changed = <Page extends { readonly permalink: string }>(list: readonly Page[]): Page[] => {
    const kept = list.filter((page) => {
      fingerprints.set(page.permalink, page);
      return everyPage || !sameView(previous.get(page.permalink), page);
    });
    pages += kept.length;
    return kept;
  };
  const changedViews: SiteViews = {
    ...views,
    articlePages: changed(views.articlePages),
    homePages: changed(views.homePages),
    yearPages: changed(views.yearPages),
    monthPages: changed(views.monthPages),
    categoryPages: changed(views.categoryPages),
    tagPages: changed(views.tagPages),
    offlinePages: changed(views.offlinePages),
  };
  const removed = previous === undefined ? [] : [...previous.keys()].filter((file) => file !== SITE_KEY && !fingerprints.has(file));
  return { views: changedViews, fingerprints, removed, pages };
}

/**
 * Splits a build's pages into passes of at most `articlesPerPass` article
 * pages, each rendered by its own Eleventy run, so that Eleventy's memory
 * for each page it renders (tens of kilobytes) is freed between passes: at
 * 100,000 articles a single run outgrows Node's heap. The first pass renders
 * every other page too; later passes repeat only the few single pages,
 * which are not paginated and come out the same.
 */
export function renderPasses(views: SiteViews, articlesPerPass: number): SiteViews[] {
  const passes = Math.max(1, Math.ceil(views.articlePages.length / articlesPerPass));
  return Array.from({ length: passes }, (_, pass): SiteViews => {
    const articlePages = views.articlePages.slice(pass * articlesPerPass, (pass + 1) * articlesPerPass);
    if (pass === 0) return { ...views, articlePages };
    return { ...views, articlePages, homePages: [], yearPages: [], monthPages: [], categoryPages: [], tagPages: [], offlinePages: [] };
  });
}

/**
 * Structural equality of views: plain objects, arrays and primitives, which
 * is all a view holds. Much faster than `util.isDeepStrictEqual`, which also
 * weighs prototypes and symbols, over the tens of thousands of pages of a
 * large archive.
 */
export function sameView(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: unknown, index) => sameView(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => key in bRecord && sameView(aRecord[key], bRecord[key]));
}
