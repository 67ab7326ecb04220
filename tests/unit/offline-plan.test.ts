import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isForReading, planOffline, revisionOf, serviceWorkerScript, type ArchiveFile, type CacheableFile } from "../../src/publish/offline-plan.ts";

const file = (url: string, bytes: number, revision = url): CacheableFile => ({ url, bytes, revision });
const shell = [file("./", 5_000), file("archive/", 20_000), file("assets/style.1a2b3c4d5e.css", 8_000)];
const archive: ArchiveFile[] = [
  { url: "./", bytes: 5_000 },
  { url: "2021/04/09/first/", bytes: 12_000 },
  { url: "pagefind/pagefind.js", bytes: 40_000 },
  { url: "pagefind/index/en_8b40983.pf_index", bytes: 400_000 },
];
const plan = (files = archive, firstVisitBytes = 2_000_000) => planOffline({ shell, archive: files, searchBundle: "pagefind", offlinePage: "offline/", archiveList: "offline-archive.json", firstVisitBytes });

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
    const edited = archive.map((entry) => (entry.url.startsWith("pagefind/index/") ? { ...entry, url: "pagefind/index/en_9c51a94.pf_index" } : entry));
    assert.notEqual(plan(edited).version, plan().version, "Pagefind renames the parts whose content changed");
    assert.notEqual(plan(archive.slice(1)).version, plan().version);
  });

  it("lists for reading the pages, their files and the search bundle, not the worker, feeds, sitemap or Pagefind's unused interfaces", () => {
    const excluded = ["sw.js", "offline-archive.json"];
    for (const url of ["./", "2021/04/09/first/", "2021/05/01/second/chart.svg", "pagefind/pagefind.js", "assets/offline.1a2b3c4d5e.js"]) assert.equal(isForReading(url, excluded), true, url);
    for (const url of ["sw.js", "offline-archive.json", "feed.xml", "category/news/feed.json", "sitemap.xml", "robots.txt", "404.html", "pagefind/pagefind-ui.js", "pagefind/pagefind-component-ui.css"]) {
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
