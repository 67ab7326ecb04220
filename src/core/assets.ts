import { createHash } from "node:crypto";

/** The theme's files, by what they are, with the path each is published at. */
export interface ThemeAssetPaths {
  readonly stylesheet: string;
  readonly searchScript: string;
  readonly highlightScript: string;
  /** Leaves out the categories a reader hides, on year, month and day pages and the grid. */
  readonly categoryFilterScript: string;
  /** Guesses, on the 404 page, the article a missing address meant. */
  readonly notFoundScript: string;
  readonly favicon: string;
  /** Installs the service worker; only on hosted sites that are read offline. */
  readonly offlineScript?: string;
  /** Sends visitors of old addresses with a query ("/?p=12") on; only on hosted sites. */
  readonly queryRedirectScript?: string;
  /** The control that saves the whole archive, on the search and offline pages; with the service worker only. */
  readonly archiveScript?: string;
  /** The site's logo, when the settings name one. */
  readonly logo?: string;
  /** The stemmer of each language the archive's articles are in, for the search page (text/stemmers.ts); none for a language without one. */
  readonly searchStemmers?: Readonly<Record<string, string>>;
  /** The search index's entry file, which the search page asks for at once; none on a portable site, whose index loads as scripts. */
  readonly searchIndexEntry?: string;
  /**
   * Not a path: the code of the search page's first script, which the page
   * holds inline (browser/search-start.ts and the stemmers), with its
   * SHA-256 digest as a Content-Security-Policy names it; with the entry only.
   * Here because the views get the theme as these paths: the one theme file
   * published inside a page rather than beside it.
   */
  readonly searchStart?: { readonly code: string; readonly digest: string };
}

/** Where the theme's files would be published without fingerprints, from the site's root. */
export const THEME_FILES: Required<Omit<ThemeAssetPaths, "logo" | "searchStemmers" | "searchIndexEntry" | "searchStart">> = {
  stylesheet: "assets/style.css",
  searchScript: "assets/search.js",
  highlightScript: "assets/highlight.js",
  categoryFilterScript: "assets/category-filter.js",
  notFoundScript: "assets/not-found.js",
  favicon: "assets/favicon.svg",
  offlineScript: "assets/offline.js",
  queryRedirectScript: "assets/query-redirect.js",
  archiveScript: "assets/archive.js",
};

/**
 * "assets/style.css" with content → "assets/style.1a2b3c4d5e.css": the name
 * changes whenever the content does, so hosts may cache these files for a year.
 */
export function fingerprintedPath(path: string, content: string | Uint8Array): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const dot = path.lastIndexOf(".");
  return dot <= path.lastIndexOf("/") ? `${path}.${hash}` : `${path.slice(0, dot)}.${hash}${path.slice(dot)}`;
}
