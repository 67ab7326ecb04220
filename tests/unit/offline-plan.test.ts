import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isNamedByContent, planOffline, revisionOf, serviceWorkerScript, type CacheableFile } from "../../src/publish/offline-plan.ts";

const file = (url: string, bytes: number, revision = url): CacheableFile => ({ url, bytes, revision });
const shell = [file("./", 5_000), file("archive/", 20_000), file("assets/style.1a2b3c4d5e.css", 8_000)];
const search = [
  file("pagefind/pagefind.js", 40_000),
  file("pagefind/pagefind-entry.json", 300),
  file("pagefind/wasm.en.pagefind", 60_000),
  file("pagefind/pagefind.en_aa4b40e0f1.pf_meta", 1_000),
  file("pagefind/filter/en_1539421.pf_filter", 500),
  file("pagefind/index/en_8b40983.pf_index", 400_000),
  file("pagefind/fragment/en_1b29af2.pf_fragment", 2_000),
  file("pagefind/pagefind-ui.js", 80_000),
  file("pagefind/pagefind-component-ui.css", 9_000),
];
const plan = (budgetBytes: number, files = search) => planOffline({ shell, searchFiles: files, searchBundle: "pagefind", offlinePage: "offline/", budgetBytes });

describe("what the service worker saves", () => {
  it("saves the shell and the whole search index when the index fits the budget, but not Pagefind's unused interfaces", () => {
    const whole = plan(25_000_000);
    assert.equal(whole.wholeSearchIndex, true);
    assert.equal(whole.searchIndexBytes, 503_800);
    const urls = whole.precache.map(([url]) => url);
    for (const url of ["./", "archive/", "pagefind/index/en_8b40983.pf_index", "pagefind/fragment/en_1b29af2.pf_fragment"]) assert.ok(urls.includes(url), url);
    assert.ok(!urls.some((url) => /pagefind-(component-)?ui/.test(url)));
  });

  it("leaves the index's parts to be saved as searches use them when it is larger than the budget", () => {
    const partial = plan(100_000);
    assert.equal(partial.wholeSearchIndex, false);
    const urls = partial.precache.map(([url]) => url);
    assert.ok(urls.includes("pagefind/pagefind-entry.json") && urls.includes("pagefind/filter/en_1539421.pf_filter"));
    assert.ok(!urls.some((url) => url.includes("/index/") || url.includes("/fragment/")));
  });

  it("changes its version when any saved file changes, and only then", () => {
    assert.equal(plan(25_000_000).version, plan(25_000_000).version);
    const edited = search.map((entry) => (entry.url.endsWith("pagefind-entry.json") ? { ...entry, revision: "other" } : entry));
    assert.notEqual(plan(25_000_000, edited).version, plan(25_000_000).version);
  });

  it("knows which of Pagefind's files carry their content's hash in their name", () => {
    assert.equal(isNamedByContent("pagefind/index/en_8b40983.pf_index"), true);
    assert.equal(isNamedByContent("pagefind/pagefind-entry.json"), false);
    assert.equal(isNamedByContent("pagefind/wasm.en.pagefind"), false);
    assert.equal(revisionOf("a"), revisionOf("a"));
    assert.notEqual(revisionOf("a"), revisionOf("b"));
  });

  it("puts the plan before the worker's code, as the worker reads it", () => {
    const script = serviceWorkerScript(plan(25_000_000), "(()=>{})();");
    assert.match(script, /^var newsArchiveOffline = \{"version":"[0-9a-f]{12}",/);
    assert.ok(script.endsWith("\n(()=>{})();"));
  });
});
