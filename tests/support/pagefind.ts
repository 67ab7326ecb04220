import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface ResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string>>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let fetchPatched = false;

/** Pagefind's browser bundle fetches its files; in Node, files of a built site are read from disk instead. */
function serveFileUrlsFromDisk(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("file:")) return networkFetch(input, init);
    return new Response(await readFile(fileURLToPath(url.split("?")[0] ?? url)));
  };
}

export interface SiteSearch {
  /** The result URLs for a query, in Pagefind's order. */
  urls(query: string, options?: Record<string, unknown>): Promise<string[]>;
  results(query: string, options?: Record<string, unknown>): Promise<ResultData[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Loads a search bundle a build wrote (by default the newest period's, the only one of most archives), with Pagefind's own search code. */
export async function openSiteSearch(outputDir: string, bundle = "pagefind"): Promise<SiteSearch> {
  serveFileUrlsFromDisk();
  const api = (await import(pathToFileURL(join(outputDir, bundle, "pagefind.js")).href)) as PagefindApi;
  await api.options({ baseUrl: "/" });
  await api.init();
  const results = async (query: string, options: Record<string, unknown> = {}): Promise<ResultData[]> => {
    const search = await api.search(query, options);
    return Promise.all(search.results.map((result) => result.data()));
  };
  return {
    results,
    urls: async (query, options) => (await results(query, options)).map((result) => result.url),
    filters: () => api.filters(),
  };
}
