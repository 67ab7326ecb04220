import assert from "node:assert/strict";
import { existsSync } from "node:fs";
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
