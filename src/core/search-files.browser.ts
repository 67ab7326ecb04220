// How the search index's files are named and loaded, shared by the build
// that writes them (search/), the theme that bundles the stemmers, the search
// page that reads them and the service worker that keeps them.

/** The entry file of the index, in its folder: it lists the other files. */
export const SEARCH_ENTRY_FILE = "entry";

/** The extension of the index's files on a hosted site (compressed bytes, fetched), and on a portable one (classic scripts). */
export const SEARCH_FILE_EXTENSIONS = { fetched: ".bin", scripts: ".js" } as const;

/**
 * The global function the index's scripts call with their content, since a
 * page opened from disk cannot fetch: `__newsArchiveIndex(path, base64)` for
 * a file of a portable site's index, `__newsArchiveIndex("stemmer:en", stem)`
 * for a stemmer (hosted or portable).
 */
export const SEARCH_SCRIPT_CALLBACK = "__newsArchiveIndex";

/**
 * The global the search page's first script (browser/search-start.ts) leaves
 * the files it asked for in: a Map from a file's path in the index's folder
 * to its content's promise, which the page's search takes them from.
 */
export const SEARCH_START_FILES = "__newsArchiveSearchStart";

/**
 * The id of the search page's element that holds a copy of the entry's JSON
 * (publish/search-page-entry.ts), from which its first script names the files
 * a query reads first without waiting for the entry to arrive.
 */
export const SEARCH_ENTRY_COPY_ID = "search-entry-copy";

/** The key a stemmer script hands its stemmer over with. */
export function stemmerKey(language: string): string {
  return `stemmer:${language}`;
}
