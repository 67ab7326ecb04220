import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isForReading, planOffline, revisionOf, serviceWorkerScript, type ArchiveFile, type CacheableFile } from "../../src/publish/offline-plan.ts";

const file = (url: string, bytes: number, revision = url): CacheableFile => ({ url, bytes, revision });
const shell = [file("./", 5_000), file("archive/", 20_000), file("assets/style.1a2b3c4d5e.css", 8_000)];
const archive: ArchiveFile[] = [
  { url: "./", bytes: 5_000 },
  { url: "2021/04/09/first/", bytes: 12_000 },
  { url: "search-index/entry.bin", bytes: 40_000 },
  { url: "search-index/d-8b40983aa1b2c3d4.bin", bytes: 400_000 },
];
const plan = (files = archive, firstVisitBytes = 2_000_000) =>
  planOffline({
    shell,
    archive: files,
    searchIndex: "search-index",
    searchEntry: "search-index/entry.bin",
    offlinePage: "offline/",
    archiveList: "offline-archive.json",
    firstVisitBytes,
  });

describe("what the service worker saves", () => {
  it("saves the shell on install and nothing of the search index, and counts the whole archive for the reader", () => {
    const saved = plan();
    assert.deepEqual(
      saved.precache.map(([url]) => url),
      ["./", "archive/", "assets/style.1a2b3c4d5e.css"],
    );
    assert.equal(saved.archiveFiles, 4);
    assert.equal(saved.archiveBytes, 457_000);
    assert.equal(saved.firstVisitBytes, 2_000_000);
    assert.equal(saved.archiveList, "offline-archive.json");
  });

  it("changes its version when a shell file or the archive changes, and only then", () => {
    assert.equal(plan().version, plan().version);
    const edited = archive.map((entry) => (entry.url.startsWith("search-index/d-") ? { ...entry, url: "search-index/d-9c51a94aa1b2c3d4.bin" } : entry));
    assert.notEqual(plan(edited).version, plan().version, "the index's parts are named by their content");
    assert.notEqual(plan(archive.slice(1)).version, plan().version);
  });

  it("lists for reading the pages, their files and the search index, not the worker, feeds or sitemap", () => {
    const excluded = ["sw.js", "offline-archive.json"];
    for (const url of [
      "./",
      "2021/04/09/first/",
      "2021/05/01/second/chart.svg",
      "search-index/entry.bin",
      "search-index/p-0a1b2c3d4e5f6a7b/3.bin",
      "assets/offline.1a2b3c4d5e.js",
    ])
      assert.equal(isForReading(url, excluded), true, url);
    for (const url of ["sw.js", "offline-archive.json", "feed.xml", "category/news/feed.json", "sitemap.xml", "robots.txt", "404.html"]) {
      assert.equal(isForReading(url, excluded), false, url);
    }
  });

  it("puts the plan before the worker's code, as the worker reads it", () => {
    const script = serviceWorkerScript(plan(), "(()=>{})();");
    assert.match(script, /^var newsArchiveOffline = \{"version":"[0-9a-f]{12}",/);
    assert.ok(script.endsWith("\n(()=>{})();"));
    assert.equal(revisionOf("a"), revisionOf("a"));
    assert.notEqual(revisionOf("a"), revisionOf("b"));
  });
});
