import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { filesUnder } from "../../src/core/files.ts";
import { checkLinks } from "../../src/publish/link-check.ts";
import { OUTPUT_MARKER } from "../../src/publish/output-folder.ts";
import type { ArchiveList } from "../../src/core/archive-save.browser.ts";
import type { OfflinePlan } from "../../src/core/offline-types.browser.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { openSiteSearch } from "../support/site-search.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";

const articles = {
  "2021/first.md": article(
    { title: "First", date: "2021-04-09", category: "News" },
    "Carbon budgets. See [the second](/2021/05/01/second/) and [its folder](../../../../2021/05/01/second/).",
  ),
  "2021/second/index.md": article({ title: "Second", date: "2021-05-01", category: "Reports" }, "![A chart](chart.svg) about carbon."),
  "2021/second/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  "2022/third.md": article({ title: "Third", date: "2022-01-02", category: "News", tags: "[energy]" }),
};

async function buildWith(settings: Record<string, unknown>, args: readonly string[] = []): Promise<{ output: string; run: CliRun }> {
  const content = await makeArchive({
    ...articles,
    "news-archive.json": JSON.stringify({ title: "Test archive", siteUrl: "https://example.org/news/", ...settings }),
  });
  const output = join(await temporaryFolder(), "site");
  const run = await runCli(["--content", content, "--output", output, ...args]);
  assert.equal(run.code, 0, run.stderr);
  return { output, run };
}

async function planOf(output: string): Promise<OfflinePlan> {
  const script = await readFile(join(output, "sw.js"), "utf8");
  const json = /^var newsArchiveOffline = (.*);$/m.exec(script)?.[1];
  assert.ok(json !== undefined, "sw.js starts with the build's plan");
  return JSON.parse(json) as OfflinePlan;
}

async function htmlPages(output: string): Promise<string[]> {
  return (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html")).sort();
}

describe("the service worker of a hosted build", () => {
  it("is installed by every page, saves the shell alone on install, and lists the whole archive for the reader to save", async () => {
    const { output, run } = await buildWith({});
    assert.match(
      run.stdout,
      /^offline: a service worker saves \d+ files \([\d.]+ MB\) on a reader's first visit, then the pages the reader opens and the parts of the search index searches load; the whole archive \(\d+ files, [\d.]+ MB\) on a first visit too, unless the reader's connection is metered or saving data$/m,
    );
    const plan = await planOf(output);
    const saved = plan.precache.map(([url]) => url);
    assert.equal(plan.firstVisitBytes, 2_000_000);
    for (const url of ["./", "archive/", "search/", "offline/"]) assert.ok(saved.includes(url), url);
    assert.ok(saved.some((url) => /^assets\/style\.[0-9a-f]{10}\.css$/.test(url)));
    assert.ok(!saved.some((url) => url.startsWith("search-index/")), "no part of the search index is saved before a search loads it");
    for (const url of saved.filter((entry) => entry !== "./"))
      assert.ok(existsSync(join(output, url.endsWith("/") ? `${url}index.html` : url)), `${url} was written`);
    const { version, files: list } = JSON.parse(await readFile(join(output, plan.archiveList), "utf8")) as ArchiveList;
    assert.equal(version, plan.version, "the list names its build");
    const listed = list.map(([url]) => url);
    assert.equal(plan.archiveFiles, list.length);
    assert.equal(
      plan.archiveBytes,
      list.reduce((sum, [, bytes]) => sum + bytes, 0),
    );
    for (const url of ["./", "2021/04/09/first/", "2021/05/01/second/chart.svg", "offline/", "search-index/entry.bin"]) assert.ok(listed.includes(url), url);
    // Every file of the folder but those a reader does not read offline, by its size.
    const notRead = [OUTPUT_MARKER, "sw.js", "offline-archive.json", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html"];
    const onDisk = filesUnder(output).filter((file) => !notRead.includes(file.path.split("/").at(-1) ?? ""));
    assert.equal(list.length, onDisk.length);
    assert.equal(
      plan.archiveBytes,
      onDisk.reduce((sum, file) => sum + file.bytes, 0),
    );
    for (const part of [/^search-index\/d-[0-9a-f]{16}\.bin$/, /^search-index\/p-[0-9a-f]{16}\/0\.bin$/, /^assets\/stem-en\.[0-9a-f]{10}\.js$/])
      assert.ok(
        listed.some((url) => part.test(url)),
        String(part),
      );
    for (const url of ["sw.js", "offline-archive.json", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html"])
      assert.ok(!listed.includes(url), url);
    for (const page of await htmlPages(output)) {
      const { document } = parseHTML(await readFile(join(output, page), "utf8"));
      assert.ok(document.querySelector('script[defer][src^="/news/assets/offline."]'), page);
    }
    const offlinePage = await readPage(output, "offline/index.html");
    assert.equal(offlinePage.querySelector("h1")?.textContent, "Not saved for offline reading");
    assert.equal(offlinePage.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex", "search engines leave the offline page out");
    assert.ok(offlinePage.querySelector("#archive-save button.archive-save-start"), "the offline page offers to save the whole archive");
    assert.ok((await readPage(output, "search/index.html")).querySelector("#archive-save"), "so does the search page");
  });

  it("leaves the whole archive to the reader's choice when it is over the first visit's size", async () => {
    const { output, run } = await buildWith({ offline: { wholeArchiveMB: 0.01 } });
    assert.match(run.stdout, /the whole archive \(\d+ files, [\d.]+ MB\) when the reader asks$/m);
    const plan = await planOf(output);
    assert.equal(plan.firstVisitBytes, 10_000);
    assert.ok(plan.archiveBytes > plan.firstVisitBytes);
  });

  it("is left out, with its installer and offline page, when the settings turn it off", async () => {
    const { output, run } = await buildWith({ offline: { serviceWorker: false } });
    assert.doesNotMatch(run.stdout, /^offline:/m);
    assert.equal(existsSync(join(output, "sw.js")), false);
    assert.equal(existsSync(join(output, "offline")), false);
    assert.equal(existsSync(join(output, "offline-archive.json")), false);
    assert.equal(
      (await readdir(join(output, "assets"))).some((file) => file.startsWith("offline.")),
      false,
    );
    assert.equal((await readPage(output, "search/index.html")).querySelector("#archive-save"), null, "no control to save what no worker serves");
  });
});

describe("a portable build", () => {
  let output: string;
  let run: CliRun;

  before(async () => {
    ({ output, run } = await buildWith({}, ["--portable", "--check-links"]));
  });

  it("writes only relative links, each naming a file, which all resolve from disk", async () => {
    for (const page of await htmlPages(output)) {
      const { document } = parseHTML(await readFile(join(output, page), "utf8"));
      for (const element of document.querySelectorAll("[href], [src], [action]")) {
        const url = element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action") ?? "";
        if (/^(https?:|mailto:|#)/.test(url)) continue;
        assert.ok(!url.startsWith("/"), `${page}: ${url} starts at the root`);
        assert.ok(!url.split(/[?#]/)[0]?.endsWith("/"), `${page}: ${url} names a folder`);
      }
    }
    const report = await checkLinks(output, "/news/", { fromDisk: true });
    assert.deepEqual(report.broken, []);
    assert.match(run.stdout, /links: \d+ internal links checked on \d+ pages, 0 broken/);
  });

  it("rewrites an author's links to pages and folders so they open from disk", async () => {
    const page = await readPage(output, "2021/04/09/first/index.html");
    const links = [...page.querySelectorAll(".article-body a")].map((link) => link.getAttribute("href"));
    assert.deepEqual(links, ["../../../../2021/05/01/second/index.html", "../../../../2021/05/01/second/index.html"]);
  });

  it("has a search index loaded by scripts, found as the hosted one is, and no service worker", async () => {
    assert.match(run.stdout, /^offline: portable site, opened from disk: no service worker; the search index loads as scripts$/m);
    assert.ok(existsSync(join(output, "search-index", "entry.js")));
    assert.equal(existsSync(join(output, "search-index", "entry.bin")), false);
    assert.equal(existsSync(join(output, "sw.js")), false);
    assert.equal(existsSync(join(output, "offline")), false);
    const search = await readPage(output, "search/index.html");
    assert.equal(search.querySelector('script[type="module"]'), null);
    assert.equal(search.querySelector('link[rel="preload"]'), null, "nothing is fetched from disk");
    const urls = await openSiteSearch(output, true).urls("second");
    assert.ok(urls.includes("2021/05/01/second/index.html"));
    assert.ok(
      urls.every((url) => url.endsWith("/index.html")),
      "results link to files, as pages opened from disk need",
    );
  });

  it("refuses --clean-urls=true, which would write links to folders", async () => {
    const content = await makeArchive(articles);
    const refused = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site"), "--portable", "--clean-urls=true"]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--portable writes links ending in index\.html; leave out --clean-urls=true/);
  });
});
