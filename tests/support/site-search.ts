import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK } from "../../src/core/search-files.browser.ts";
import { IndexReader, type IndexSource } from "../../src/search/index-reader.browser.ts";
import { SEARCH_INDEX_DIR } from "../../src/search/search-index.ts";
import { search, type SearchOutcome, type SearchRequest } from "../../src/search/searcher.browser.ts";
import type { FoundArticle, UnshownArticle } from "../../src/search/shown.browser.ts";

/** Runs a classic script of the index as a page would, the index's callback given; what it handed over. */
function runScript(script: string): { key: string; data: unknown } {
  let handed: { key: string; data: unknown } | undefined;
  const run = new Function(SEARCH_SCRIPT_CALLBACK, script) as (callback: (key: string, data: unknown) => void) => void;
  run((key, data) => (handed = { key, data }));
  if (handed === undefined) throw new Error("the script handed nothing to the index's callback");
  return handed;
}

/**
 * The search index a build wrote, read from disk as the search page reads
 * it: compressed files on a hosted build, scripts on a portable one, and the
 * stemmer from the script the build wrote.
 */
export function indexSourceOf(outputDir: string, portable = false): IndexSource {
  const folder = join(outputDir, SEARCH_INDEX_DIR);
  return {
    async file(path) {
      if (!portable) return gunzipSync(await readFile(join(folder, path + SEARCH_FILE_EXTENSIONS.fetched)));
      const { data } = runScript(await readFile(join(folder, path + SEARCH_FILE_EXTENSIONS.scripts), "utf8"));
      if (typeof data !== "string") throw new Error(`${path} holds no data`);
      return gunzipSync(Buffer.from(data, "base64"));
    },
    async stemmer(_language, script) {
      const { data } = runScript(await readFile(join(outputDir, script), "utf8"));
      if (typeof data !== "function") throw new Error(`${script} holds no stemmer`);
      return (word) => String(Reflect.apply(data, undefined, [word]));
    },
  };
}

export interface SiteSearch {
  readonly reader: IndexReader;
  outcome(query: string, request?: Partial<SearchRequest>): Promise<SearchOutcome>;
  /** The first results of a query, as the search page shows them. */
  results(query: string, request?: Partial<SearchRequest>, count?: number): Promise<(FoundArticle | UnshownArticle)[]>;
  /** Their links from the site's root. */
  urls(query: string, request?: Partial<SearchRequest>, count?: number): Promise<string[]>;
  titles(query: string, request?: Partial<SearchRequest>, count?: number): Promise<string[]>;
}

/** Searches a built site's index as its search page would. */
export function openSiteSearch(outputDir: string, portable = false): SiteSearch {
  const reader = new IndexReader(indexSourceOf(outputDir, portable));
  const outcome = (query: string, request: Partial<SearchRequest> = {}): Promise<SearchOutcome> =>
    search(reader, { query, category: "", year: "", sort: "relevance", ...request });
  const results = async (query: string, request: Partial<SearchRequest> = {}, count = 100): Promise<(FoundArticle | UnshownArticle)[]> =>
    (await outcome(query, request)).next(count);
  const shown = async (query: string, request: Partial<SearchRequest> = {}, count = 100): Promise<FoundArticle[]> =>
    (await results(query, request, count)).filter((result): result is FoundArticle => "url" in result);
  return {
    reader,
    outcome,
    results,
    urls: async (query, request, count) => (await shown(query, request, count)).map((result) => result.url),
    titles: async (query, request, count) => (await shown(query, request, count)).map((result) => result.title),
  };
}
