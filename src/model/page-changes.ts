import { createHash } from "node:crypto";
import { mapPageKinds, PAGE_KIND_NAMES, type PageKindName, type PageViews, type SiteViews } from "./pages.ts";
import type { PageBase } from "./views/types.ts";

/**
 * What each page printed, by the file it is written to: its view. Two equal
 * views give two equal pages. Views are compared, not serialised: an
 * unchanged article's body is the very string the build cache gave last time,
 * which compares at once.
 */
export type PageFingerprints = ReadonlyMap<string, unknown>;

/** The views of the pages to render again, and the files of pages that no longer exist. */
export interface PageChanges {
  /** The site's views with each kind's list cut to its changed and new pages. */
  readonly views: SiteViews;
  readonly fingerprints: PageFingerprints;
  /** Output files of the previous pages that are gone (an article deleted, or moved by its new date). */
  readonly removed: readonly string[];
  /** How many pages are to be rendered. */
  readonly pages: number;
}

/** The site-wide view (title, links, sidebar boxes) is printed on every page; it takes this key, which no page file has. */
const SITE_KEY = "";

/** The files of the pages that fingerprints describe. */
export function fingerprintedPages(fingerprints: PageFingerprints): string[] {
  return [...fingerprints.keys()].filter((file) => file !== SITE_KEY);
}

/** Fingerprints with the pages of `views` as they were rendered since (npm start's edit shown at once), so that the next comparison sees what the files hold. */
export function withRenderedPages(fingerprints: PageFingerprints, views: SiteViews): PageFingerprints {
  const updated = new Map(fingerprints);
  for (const name of PAGE_KIND_NAMES) for (const page of views.pages[name]) updated.set(page.permalink, page);
  return updated;
}

/** Every HTML page the site has. */
export function countPages(views: SiteViews): number {
  return PAGE_KIND_NAMES.reduce((sum, name) => sum + views.pages[name].length, 0);
}

/**
 * Compares a build's views with the previous build's fingerprints, so that
 * `npm start` renders again only the pages an edit changed: the article, its
 * neighbours' previous/next links, its month, year, category and tag pages,
 * the home pages. Since a page's view is everything it prints, a page whose
 * view is unchanged is unchanged. A change to the site-wide view (a sidebar
 * box listing the edited article) changes every page.
 */
export function pageChanges(views: SiteViews, previous: PageFingerprints | undefined): PageChanges {
  const fingerprints = new Map<string, unknown>([[SITE_KEY, views.site]]);
  const everyPage = previous === undefined || !sameView(previous.get(SITE_KEY), views.site);
  let pages = 0;
  const pagesToRender = mapPageKinds(<Name extends PageKindName>(name: Name): PageViews[Name] => {
    const kept = views.pages[name].filter((page) => {
      fingerprints.set(page.permalink, page);
      return everyPage || !sameView(previous.get(page.permalink), page);
    });
    pages += kept.length;
    return kept as PageViews[Name];
  });
  const removed = previous === undefined ? [] : [...previous.keys()].filter((file) => file !== SITE_KEY && !fingerprints.has(file));
  return { views: { site: views.site, pages: pagesToRender }, fingerprints, removed, pages };
}

/**
 * Splits a build's pages into passes, each rendered by its own Eleventy run:
 * at most `pagesPerPass` pages each, so that Eleventy's memory for each page
 * it renders (tens of kilobytes) is freed between passes (at 100,000 articles
 * a single run outgrows Node's heap), and a multiple of `workers` passes, so
 * that worker threads rendering side by side get equal shares. Pages are shared
 * out in registry order, each pass a run of consecutive pages; passes differ
 * by one page at most. A site with fewer pages than passes gets fewer passes.
 */
export function renderPasses(views: SiteViews, pagesPerPass: number, workers = 1): SiteViews[] {
  const total = countPages(views);
  const rounds = Math.max(1, Math.ceil(Math.ceil(total / pagesPerPass) / workers));
  const passes = Math.max(1, Math.min(rounds * workers, total));
  const boundary = (pass: number): number => Math.floor((pass * total) / passes);
  return Array.from({ length: passes }, (_, pass): SiteViews => {
    const [from, to] = [boundary(pass), boundary(pass + 1)];
    let offset = 0;
    return {
      site: views.site,
      pages: mapPageKinds(<Name extends PageKindName>(name: Name): PageViews[Name] => {
        const list = views.pages[name];
        const start = offset;
        offset += list.length;
        return list.slice(Math.max(0, from - start), Math.max(0, to - start)) as PageViews[Name];
      }),
    };
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

/**
 * Each page's source for reusing its file (publish/output-reuse.ts): a
 * digest of everything it prints, its view and the site-wide view, and of
 * `identity`, what prints them (the templates, the code, the settings).
 * Two pages with the same digest are the same bytes.
 */
export function pageDigests(views: SiteViews, identity: string): Map<string, string> {
  const site = createHash("sha1").update(identity).update("\0").update(JSON.stringify(views.site)).digest("hex");
  const digests = new Map<string, string>();
  for (const name of PAGE_KIND_NAMES) {
    for (const page of views.pages[name]) {
      // A body is hashed as it is, not escaped into the view's JSON first: 2.3 times faster over bodies of a few
      // kilobytes. The JSON marks its own end; the NUL after it (JSON writes none raw) tells an empty body from none.
      const { bodyHtml, ...rest } = page as PageBase & { readonly bodyHtml?: unknown };
      const digest = createHash("sha1").update(site).update(JSON.stringify(rest));
      if (typeof bodyHtml === "string") digest.update("\0").update(bodyHtml);
      digests.set(page.permalink, digest.digest("base64"));
    }
  }
  return digests;
}

/** The site's views with each kind's list cut to the pages `keep` accepts. */
export function pagesWhere(views: SiteViews, keep: (page: PageBase) => boolean): SiteViews {
  return {
    site: views.site,
    pages: mapPageKinds(<Name extends PageKindName>(name: Name): PageViews[Name] => views.pages[name].filter(keep) as PageViews[Name]),
  };
}
