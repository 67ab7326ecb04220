// What the search page's two scripts share: its first script, inline
// (search-start.ts), and the search script's index source (index-source.ts)
// fetch the index's files and take the stemmers the same way, and read the
// same request from the page's address.
import { SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK } from "../core/search-files.browser.ts";
import type { SearchRequest } from "../search/searcher.browser.ts";

/**
 * A file's content, decompressed: its bytes or its response's body piped
 * through (a Blob made of each file first cost a first search 40-70 ms of
 * the page's thread over its 30 files, most of them fragments of 0.1 KB).
 */
export async function gunzip(compressed: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>> | null): Promise<Uint8Array> {
  const stream = compressed instanceof Uint8Array ? new Response(compressed).body : compressed;
  if (stream === null) throw new Error("the search index's file is empty");
  return new Uint8Array(await new Response(stream.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

/** A fetched response's content, decompressed; an answer other than 2xx is an error. */
export function fetchedContent(response: Response): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return gunzip(response.body);
}

/** The address of the index's file at `path` in its folder (the index's URL), as fetched. */
export function fetchedFileUrl(folder: URL, path: string): URL {
  return new URL(path + SEARCH_FILE_EXTENSIONS.fetched, folder);
}

/** Makes the global callback the index's and stemmers' scripts call put what they hand over into the map returned, by its key. */
export function receiveFromScripts(): Map<string, unknown> {
  const received = new Map<string, unknown>();
  Reflect.set(window, SEARCH_SCRIPT_CALLBACK, (key: string, data: unknown) => received.set(key, data));
  return received;
}

/** A stemmer a script handed over; `script` names it in the error when it is not one. */
export function stemmerFrom(handed: unknown, script: string): (word: string) => string {
  if (typeof handed !== "function") throw new Error(`${script} holds no stemmer`);
  return (word) => String(Reflect.apply(handed, undefined, [word]));
}

/**
 * The search the page's address asks for (/search/?q=carbon&category=Events&year=2021&sort=newest).
 * The query as a search box holds it: without line breaks, which its value never has.
 */
export function requestInAddress(search: string): SearchRequest {
  const params = new URLSearchParams(search);
  return {
    query: (params.get("q") ?? "").replace(/[\r\n]/g, ""),
    category: params.get("category") ?? "",
    year: params.get("year") ?? "",
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
  };
}
