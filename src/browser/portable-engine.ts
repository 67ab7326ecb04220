import {
  PORTABLE_FORMAT_VERSION,
  PORTABLE_INDEX_CALLBACK,
  PORTABLE_INDEX_DIR,
  PORTABLE_INDEX_PATHS,
  resultOf,
  searchPortable,
  type PortableIndexSource,
  type PortableManifest,
  type PortableShard,
} from "../search/portable-query.ts";
import type { SearchEngine, SearchOutcome, SearchRequest } from "./search-engine.ts";

/**
 * Searches the portable index, for a site opened from disk: browsers refuse
 * `fetch` there, so each part of the index is a classic script that hands its
 * data to a global callback. Parts are loaded once, when a query needs them.
 */
export function portableEngine(root: URL): SearchEngine {
  const received = new Map<string, unknown>();
  Reflect.set(window, PORTABLE_INDEX_CALLBACK, (kind: string, key: string | number | null, data: unknown) => received.set(`${kind}:${String(key)}`, data));
  const loading = new Map<string, Promise<unknown>>();
  const load = (kind: string, key: string | number | null, path: string): Promise<unknown> => {
    const id = `${kind}:${String(key)}`;
    let promise = loading.get(id);
    if (promise === undefined) {
      promise = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(`${PORTABLE_INDEX_DIR}/${path}`, root).href;
        script.addEventListener("load", () => (received.has(id) ? resolve(received.get(id)) : reject(new Error(`${script.src} did not hold the search index's ${id}`))));
        script.addEventListener("error", () => reject(new Error(`${script.src} could not be loaded`)));
        document.head.append(script);
      });
      loading.set(id, promise);
    }
    return promise;
  };
  const source: PortableIndexSource = {
    async manifest() {
      const manifest = (await load("manifest", null, PORTABLE_INDEX_PATHS.manifest)) as PortableManifest;
      if (manifest.version !== PORTABLE_FORMAT_VERSION) throw new Error("the search index was written by another version of this site's search page; build the site again");
      return manifest;
    },
    shard: async (key) => (await load("shard", key, PORTABLE_INDEX_PATHS.shard(key))) as PortableShard,
    texts: async (chunk) => (await load("text", chunk, PORTABLE_INDEX_PATHS.text(chunk))) as readonly string[],
    stemmer: async () => (await load("stemmer", null, PORTABLE_INDEX_PATHS.stemmer)) as (word: string) => string,
  };
  return {
    async search(request: SearchRequest): Promise<SearchOutcome> {
      const hits = await searchPortable(source, request.query, { filters: { category: request.category, year: request.year }, sort: request.sort });
      return {
        count: hits.length,
        complete: true,
        next: async (count) =>
          (await Promise.all(hits.splice(0, count).map((hit) => resultOf(source, hit)))).map((result) => ({ ...result, url: new URL(result.url, root).href })),
      };
    },
  };
}
