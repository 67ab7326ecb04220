// Where the search page gets the index's files (search/index-format.browser.ts): on
// a hosted site it fetches them, compressed; on a site opened from disk,
// where browsers refuse `fetch`, each file is a classic script that hands its
// content to a global callback. A portable build served over HTTP has the
// scripts alone, which the page falls back to when the entry is not there.
import { SEARCH_ENTRY_FILE, SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK, stemmerKey } from "../core/search-files.browser.ts";
import type { IndexSource } from "../search/index-reader.browser.ts";

/**
 * A file's content, decompressed: its bytes or its response's body piped
 * through (a Blob made of each file first cost a first search 40-70 ms of
 * the page's thread over its 30 files, most of them fragments of 0.1 KB).
 */
async function gunzip(compressed: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>> | null): Promise<Uint8Array> {
  const stream = compressed instanceof Uint8Array ? new Response(compressed).body : compressed;
  if (stream === null) throw new Error("the search index's file is empty");
  return new Uint8Array(await new Response(stream.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

/** What the scripts loaded so far handed over, by their key, and who waits for each. */
const received = new Map<string, unknown>();

function loadScript(src: URL, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src.href;
    script.addEventListener("load", () =>
      received.has(key) ? resolve(received.get(key)) : reject(new Error(`${src.href} did not hold the search index's ${key}`)),
    );
    script.addEventListener("error", () => reject(new Error(`${src.href} could not be loaded`)));
    document.head.append(script);
  });
}

/**
 * The index's files under `folder` (the index's URL), fetched unless the
 * page was opened from disk or the site has the scripts alone; its stemmers
 * from the site's `root`, where the page may have loaded them already.
 */
export function indexSource(root: URL, folder: URL): IndexSource {
  Reflect.set(window, SEARCH_SCRIPT_CALLBACK, (key: string, data: unknown) => received.set(key, data));
  const fromScripts = async (path: string): Promise<Uint8Array> => {
    const data = await loadScript(new URL(path + SEARCH_FILE_EXTENSIONS.scripts, folder), path);
    received.delete(path);
    if (typeof data !== "string") throw new Error(`the search index's ${path} holds no data`);
    return gunzip(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)));
  };
  let scripts = location.protocol === "file:";
  return {
    async file(path) {
      if (scripts) return fromScripts(path);
      const response = await fetch(new URL(path + SEARCH_FILE_EXTENSIONS.fetched, folder));
      if (response.status === 404 && path === SEARCH_ENTRY_FILE) {
        // A portable build, served: its index is scripts.
        scripts = true;
        return fromScripts(path);
      }
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      return gunzip(response.body);
    },
    async stemmer(language, script) {
      const key = stemmerKey(language);
      const stem = received.get(key) ?? (await loadScript(new URL(script, root), key));
      if (typeof stem !== "function") throw new Error(`${script} holds no stemmer`);
      return (word: string): string => String(Reflect.apply(stem, undefined, [word]));
    },
  };
}
