import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { link, readFile, writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";
import { openSiteSearch, type SiteSearch } from "../support/site-search.ts";
import { IndexReader } from "../../src/search/index-reader.browser.ts";
import { indexSourceOf } from "../support/site-search.ts";

const fixture = {
  "a.md": article({ title: "Carbon footprint of school meals", date: "2021-04-09", category: "Reports" }, "Kitchens weighed what they served."),
  "b.md": article(
    { title: "Network news", date: "2022-06-01", category: "News" },
    "A short note that mentions carbon once among many other words about tenders.",
  ),
  "c.md": article({ title: "Electric buses", date: "2022-09-15", category: "Events" }, "A day about clean vehicles and carbon budgets for fleets."),
  "d.md": article({ title: "Unfinished piece", date: "2022-10-01", category: "News", draft: "true" }, "Zanzibarian draft words and carbon."),
  "e.md": article({ title: "Achats publics durables", date: "2023-01-10", category: "News", lang: "fr" }, "Les acheteurs publics parlent de carbone."),
  "news-archive.json": JSON.stringify({ title: "Test archive", description: "Quokka newsroom", timeZone: "UTC" }),
};

describe("the search index of a built archive", () => {
  let output: string;
  let run: CliRun;
  let search: SiteSearch;

  before(async () => {
    const content = await makeArchive(fixture);
    output = join(await temporaryFolder(), "site");
    // Drafts are published with --drafts, and still never indexed.
    run = await runCli(["--content", content, "--output", output, "--drafts"]);
    assert.equal(run.code, 0, run.stderr);
    search = await openSiteSearch(output);
  });

  it("is written to search-index/ and reported in the summary", async () => {
    assert.ok(existsSync(join(output, "search-index", "entry.bin")));
    assert.match(
      run.stdout,
      /search: 4 pages indexed, filters category \(3 values\), year \(3 values\), index [\d.]+ MB in \d+ files, [\d.]+ s \(made in a worker thread\)/,
    );
  });

  it("finds exactly the articles that hold a word, the one with it in its title first, and counts them", async () => {
    assert.deepEqual(new Set(await search.urls("carbon")), new Set(["2021/04/09/a/", "2022/06/01/b/", "2022/09/15/c/", "2023/01/10/e/"]));
    assert.equal((await search.urls("carbon"))[0], "2021/04/09/a/");
    assert.equal((await search.outcome("carbon")).count, 4);
  });

  it("never indexes a draft, nor pages that are not articles", async () => {
    assert.deepEqual(await search.urls("zanzibarian"), []);
    assert.deepEqual(await search.urls("quokka"), []);
  });

  it("narrows results by category and by year, and counts the results of each", async () => {
    assert.deepEqual(await search.urls("carbon", { category: "Events" }), ["2022/09/15/c/"]);
    assert.deepEqual(new Set(await search.urls("carbon", { year: "2022" })), new Set(["2022/06/01/b/", "2022/09/15/c/"]));
    const facets = await (await search.outcome("carbon", { year: "2022" })).facets();
    assert.deepEqual(Object.fromEntries(facets.categories), { Reports: 0, News: 1, Events: 1 });
    assert.deepEqual(Object.fromEntries(facets.years), { 2021: 1, 2022: 2, 2023: 1 });
  });

  it("orders results newest first on request", async () => {
    assert.deepEqual(await search.urls("carbon", { sort: "newest" }), ["2023/01/10/e/", "2022/09/15/c/", "2022/06/01/b/", "2021/04/09/a/"]);
  });

  it("shows the title, the written date and the category of each result, and an excerpt with the word marked", async () => {
    const [first] = await search.results("buses");
    assert.ok(first !== undefined && "title" in first);
    assert.equal(first.title, "Electric buses");
    assert.equal(first.date, "September 15, 2022");
    assert.equal(first.category, "Events");
    const [withWord] = await search.results("fleets");
    assert.match(withWord !== undefined && "excerpt" in withWord ? await withWord.excerpt() : "", /<mark>fleets\.?<\/mark>/);
  });

  it("cuts an article's words with its own language's stemmer, and a query's with each language's, in one index", async () => {
    const entry = await new IndexReader(indexSourceOf(output)).entry();
    assert.deepEqual(
      entry.stemmers.map(([language]) => language),
      ["en", "fr"],
    );
    assert.deepEqual(await search.urls("acheteur"), ["2023/01/10/e/"], "acheteurs, by the French stemmer");
    const page = await readPage(output, "2023/01/10/e/index.html");
    assert.equal(page.documentElement.getAttribute("lang"), "fr");
  });

  it("has a search page that works without a server and says what it needs without JavaScript", async () => {
    const page = await readPage(output, "search/index.html");
    assert.match(page.querySelector("noscript")?.textContent ?? "", /needs JavaScript/);
    assert.ok(page.querySelector('noscript a[href="/archive/"]'));
    assert.ok(page.querySelector('#search-status[role="status"][aria-live="polite"]'));
    assert.deepEqual(
      [...page.querySelectorAll("#search-year option")].map((option) => option.getAttribute("value")),
      ["", "2023", "2022", "2021"],
    );
    assert.equal(page.querySelector('header form[role="search"]'), null, "the search page has one search box, its own");
    assert.equal(page.querySelectorAll('input[type="search"]').length, 1);
    const header = (await readPage(output, "index.html")).querySelector('header form[role="search"]');
    assert.equal(header?.getAttribute("action"), "/search/");
    assert.equal(header?.querySelector("input")?.getAttribute("name"), "q");
  });
});

describe("the search index under a base path", () => {
  it("records result URLs from the site's root, which the search page puts under the prefix, and loads its script from under it", async () => {
    const content = await makeArchive(fixture);
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output, "--base-path", "/news/"]);
    assert.equal(run.code, 0, run.stderr);
    const search = await openSiteSearch(output);
    const urls = await search.urls("carbon");
    assert.equal(urls.length, 4);
    // The index does not know where the site is served: the page finds the site's root from its script, so a copy served elsewhere still works.
    for (const url of urls) assert.match(url, /^20\d\d\/\d\d\/\d\d\/[a-z0-9-]+\/$/);
    const page = await readPage(output, "search/index.html");
    const script = page.querySelector('script[src*="/assets/search."]');
    assert.match(script?.getAttribute("src") ?? "", /^\/news\/assets\/search\.[0-9a-f]{10}\.js$/);
    // A classic script: browsers refuse module scripts on pages opened from disk.
    assert.equal(script?.getAttribute("type"), null);
    assert.equal(script?.hasAttribute("defer"), true);
  });
});

describe("the search page's start", () => {
  /** The search page's copy of the entry, its inline script, the digest it names for it, and whether both come before the stylesheet. */
  async function searchPageStart(output: string): Promise<{ copy: unknown; entry: unknown; code: string; digest: string; beforeStylesheet: boolean }> {
    const page = await readPage(output, "search/index.html");
    const copy = page.querySelector('script[type="application/json"]#search-entry-copy');
    const script = page.querySelector("script[data-search-entry]");
    const html = await readFile(join(output, "search/index.html"), "utf8");
    const stylesheet = html.indexOf('<link rel="stylesheet"');
    return {
      copy: JSON.parse(copy?.textContent ?? "null"),
      entry: JSON.parse(gunzipSync(await readFile(join(output, "search-index", "entry.bin"))).toString("utf8")),
      code: script?.textContent ?? "",
      digest: /allows the next script by '(sha256-[^']+)'/.exec(html)?.[1] ?? "",
      beforeStylesheet: html.indexOf('id="search-entry-copy"') < stylesheet && html.indexOf("data-search-entry") < stylesheet,
    };
  }

  it("holds the entry the build wrote, again after an edit, and a script before the stylesheet whose digest it names; a portable site neither", async () => {
    const content = await makeArchive(fixture);
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const first = await searchPageStart(output);
    assert.deepEqual(first.copy, first.entry);
    assert.ok(first.beforeStylesheet, "the copy and the script come before the stylesheet, which a script after it would wait for");
    assert.ok(first.code.length > 1000, "the script is inline");
    assert.equal(first.digest, `sha256-${createHash("sha256").update(first.code).digest("base64")}`);

    // The first build's page, as a link to its file: the next build may link it into its output, and must replace it there, not write into it.
    const kept = join(await temporaryFolder(), "first-search-page.html");
    await link(join(output, "search/index.html"), kept);
    const firstPage = await readFile(kept, "utf8");
    await writeFile(join(content, "f.md"), article({ title: "Carbon again", date: "2023-02-01", category: "News" }, "One more article about carbon."));
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const second = await searchPageStart(output);
    assert.deepEqual(second.copy, second.entry, "the copy follows the entry an edit changed");
    assert.notDeepEqual(second.entry, first.entry);
    assert.equal(await readFile(kept, "utf8"), firstPage, "the first build's page is as it was");

    const portable = join(await temporaryFolder(), "portable");
    assert.equal((await runCli(["--content", content, "--output", portable, "--portable"])).code, 0);
    const page = await readPage(portable, "search/index.html");
    assert.equal(page.querySelector("#search-entry-copy"), null);
    assert.equal(page.querySelector("script[data-search-entry]"), null);
  });
});
