// Where the search page gets the index's files (search/index-format.browser.ts): on
// a hosted site it fetches them, compressed; on a site opened from disk,
// where browsers refuse `fetch`, each file is a classic script that hands its
// content to a global callback. A portable build served over HTTP has the
// scripts alone, which the page falls back to when the entry is not there.
import { SEARCH_ENTRY_FILE, SEARCH_FILE_EXTENSIONS, SEARCH_START_FILES, stemmerKey } from "../core/search-files.browser.ts";
import type { IndexSource } from "../search/index-reader.browser.ts";
import { fetchedContent, fetchedFileUrl, gunzip, receiveFromScripts, stemmerFrom } from "./search-shared.ts";

function loadScript(received: ReadonlyMap<string, unknown>, src: URL, key: string): Promise<unknown> {
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
  /** What the scripts loaded so far handed over, by their key. */
  const received = receiveFromScripts();
  const fromScripts = async (path: string): Promise<Uint8Array> => {
    const data = await loadScript(received, new URL(path + SEARCH_FILE_EXTENSIONS.scripts, folder), path);
    received.delete(path);
    if (typeof data !== "string") throw new Error(`the search index's ${path} holds no data`);
    return gunzip(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)));
  };
  let scripts = location.protocol === "file:";
  const asked: unknown = Reflect.get(window, SEARCH_START_FILES);
  const askedFirst = asked instanceof Map ? (asked as Map<string, Promise<Uint8Array>>) : new Map<string, Promise<Uint8Array>>();
  return {
    async file(path) {
      if (scripts) return fromScripts(path);
      const first = askedFirst.get(path);
      if (first !== undefined) {
        askedFirst.delete(path);
        // What the page's first script could not have is asked for again here, where a portable build's index is told.
        const content = await first.catch(() => undefined);
        if (content !== undefined) return content;
      }
      const response = await fetch(fetchedFileUrl(folder, path));
      if (response.status === 404 && path === SEARCH_ENTRY_FILE) {
        // A portable build, served: its index is scripts.
        scripts = true;
        return fromScripts(path);
      }
      return fetchedContent(response);
    },
    async stemmer(language, script) {
      const key = stemmerKey(language);
      return stemmerFrom(received.get(key) ?? (await loadScript(received, new URL(script, root), key)), script);
    },
  };
}
