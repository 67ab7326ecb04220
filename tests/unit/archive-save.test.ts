import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { saveArchive, type ArchiveCache, type ArchiveSave, type SaveProgress } from "../../src/core/archive-save.browser.ts";

const SITE = "https://example.org/news/";
const LIST = new URL("offline-archive.json", SITE);

/** A cache in memory, as Cache Storage holds responses by URL. */
function memoryCache(urls: readonly string[] = []): ArchiveCache & { readonly saved: Set<string> } {
  const saved = new Set(urls);
  return {
    saved,
    keys: async () => [...saved].map((url) => ({ url })),
    put: async (url) => {
      saved.add(url);
    },
  };
}

/** A save of `files` (from the site's root) listed by the build `version`, each answered by `answer`. */
function saveOf(
  files: readonly (readonly [string, number])[],
  cache: ArchiveCache,
  options: { readonly answer?: (url: string) => Response; readonly version?: string; readonly signal?: AbortSignal } = {},
): ArchiveSave & { readonly progress: SaveProgress[] } {
  const progress: SaveProgress[] = [];
  return {
    list: LIST,
    version: "v1",
    cache,
    fetchFile: async (url) =>
      url === LIST.href ? Response.json({ version: options.version ?? "v1", files }) : (options.answer ?? (() => new Response("x")))(url),
    onProgress: (saved) => progress.push(saved),
    signal: options.signal ?? new AbortController().signal,
    progress,
  };
}

describe("saving the whole archive for offline reading", () => {
  it("saves each listed file the cache lacks, counting those it had, and reports progress after each", async () => {
    const cache = memoryCache([`${SITE}2021/`]);
    const save = saveOf(
      [
        ["2021/", 100],
        ["2021/04/", 200],
        ["assets/style.css", 50],
      ],
      cache,
    );
    assert.deepEqual(await saveArchive(save), { files: 3, bytes: 350 });
    assert.deepEqual([...cache.saved].sort(), [`${SITE}2021/`, `${SITE}2021/04/`, `${SITE}assets/style.css`]);
    assert.deepEqual(save.progress[0], { files: 1, bytes: 100 }, "what the cache had is reported first");
    assert.equal(save.progress.length, 3);
  });

  it("leaves out a file the server does not answer, and refuses the list of another build", async () => {
    const cache = memoryCache();
    const missing = saveOf(
      [
        ["a/", 10],
        ["gone/", 20],
      ],
      cache,
      { answer: (url) => new Response("", { status: url.endsWith("gone/") ? 404 : 200 }) },
    );
    assert.deepEqual(await saveArchive(missing), { files: 1, bytes: 10 });
    await assert.rejects(saveArchive(saveOf([["a/", 10]], memoryCache(), { version: "v2" })), /the site was rebuilt \(v2 after v1\)/);
  });

  it("stops when the reader stops it, keeping what was saved", async () => {
    const stop = new AbortController();
    const cache = memoryCache();
    const files = Array.from({ length: 20 }, (_, index) => [`page-${index}/`, 1] as const);
    const save = saveOf(files, cache, {
      signal: stop.signal,
      answer: () => {
        stop.abort();
        return new Response("x");
      },
    });
    const saved = await saveArchive(save);
    assert.ok(saved.files > 0 && saved.files < files.length, `${saved.files} of ${files.length} saved`);
    assert.equal(cache.saved.size, saved.files);
  });
});
