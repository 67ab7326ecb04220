import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildIndex, type ArticleToIndex } from "../../src/search/index-build.ts";
import type { IndexEntry } from "../../src/search/index-format.browser.ts";
import { readShard, writeDirectory } from "../../src/search/dictionary.browser.ts";
import { SEARCH_ENTRY_FILE } from "../../src/core/search-files.browser.ts";
import { IndexPartUnavailable, IndexReader } from "../../src/search/index-reader.browser.ts";
import { writeIndex } from "../support/index-files.ts";
import { foldedMonthNames } from "../../src/search/query.browser.ts";
import { search, type SearchRequest } from "../../src/search/searcher.browser.ts";
import { indexRecord } from "../../src/text/index-record.ts";
import { loadStemmer } from "../../src/text/stemmers.ts";

const english = await loadStemmer("en");
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].map((name) => [
  name,
  name.slice(0, 3),
]);

/** An article of the fixture: title, body, date "2024-01-05", category. */
function article(title: string, bodyHtml: string, date: string, category = "News"): ArticleToIndex {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  return {
    record: indexRecord({ title, bodyHtml }, "en", english),
    url: `${date.replaceAll("-", "/")}/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}/`,
    title,
    dateText: `${MONTHS[month - 1]?.[0]} ${day}, ${year}`,
    category,
    year,
    month,
    day,
  };
}

/** The index of the articles (sorted by date, as the archive is), written into memory; its files, and a reader of them. */
function indexOf(
  articles: readonly ArticleToIndex[],
  periodArticles = 5000,
  missing: (path: string) => boolean = () => false,
): { reader: IndexReader; files: Map<string, Uint8Array>; entry: IndexEntry } {
  const ordered = [...articles].sort((a, b) => a.year - b.year || a.month - b.month || a.day - b.day);
  const built = buildIndex({
    articles: ordered,
    categories: ["News", "Reports", "Releases"],
    monthNames: MONTHS,
    periodArticles,
    stemmers: new Map([["en", english]]),
  });
  const files = new Map<string, Uint8Array>();
  const { entry } = writeIndex(
    built,
    ordered,
    { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) },
    new Map([["en", "assets/stem-en.js"]]),
    foldedMonthNames(MONTHS),
  );
  const reader = new IndexReader({
    file: async (path) => {
      const found = files.get(path);
      if (found === undefined || missing(path)) throw new Error(`no ${path}`);
      return found;
    },
    stemmer: async () => english,
  });
  return { reader, files, entry };
}

const articles = [
  article("Green purchasing guide", "<p>Buyers purchase <em>greener</em> products.</p><p>Canteens&amp;kitchens</p>", "2024-01-01"),
  article("School canteens survey", "<p>What 62 kitchens told us about food.</p>", "2023-05-01", "Reports"),
  article("Café contracts", "<p>Coffee breaks in public buildings, purchased greener.</p><script>ignored words</script>", "2024-01-03"),
  article("Business travel", "<p>Buses and trains for purchasing staff.</p>", "2024-01-04"),
  article("Notes from March", `<h2>Electric fleets</h2><p>${"Charging points were counted. ".repeat(5)}</p>`, "2024-03-05"),
  article("Notes from April", "<p>The fleets at the depot were electric.</p>", "2024-04-06"),
  article("Node.js 18.12.1 released", "<p>This release of Node.js 18.12.1 updates the async_hooks module.</p>", "2022-11-04", "Releases"),
  article("Node.js 18.0.0 released", "<p>Node.js 18 brings fetch. Async hooks are still experimental.</p>", "2022-04-19", "Releases"),
  article("June 18 meeting", "<p>The board met; the minutes follow.</p>", "2021-06-18"),
  article("Council minutes", "<p>Minutes of the security council.</p>", "2024-06-18"),
];
const { reader } = indexOf(articles);
const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ query, category: "", year: "", sort: "relevance", ...more });
const titles = async (query: string, more: Partial<SearchRequest> = {}, from = reader): Promise<string[]> =>
  (await (await search(from, request(query, more))).next(100)).map((result) => ("title" in result ? result.title : `(unshown ${result.year})`));

describe("the search index", () => {
  it("finds every article holding all the words, stemmed as the text was, with the exact count", async () => {
    assert.deepEqual(new Set(await titles("purchasing")), new Set(["Green purchasing guide", "Café contracts", "Business travel"]));
    assert.deepEqual(await titles("canteen kitchens"), ["School canteens survey", "Green purchasing guide"]);
    assert.deepEqual(await titles("cafe"), ["Café contracts"]);
    assert.equal((await search(reader, request("purchasing"))).count, 3);
    assert.deepEqual(await titles("ignored"), [], "scripts are not read");
  });

  it("extends a word still being typed to the words it starts, and falls back to the longest word it starts with", async () => {
    assert.deepEqual(new Set(await titles("purch")), new Set(["Green purchasing guide", "Café contracts", "Business travel"]));
    assert.deepEqual(await titles("coffeemachines"), ["Café contracts"]);
  });

  it("passes over a word no article holds, and says so", async () => {
    const outcome = await search(reader, request("electric zeppelins"));
    assert.deepEqual(outcome.missing, ["zeppelins"]);
    assert.equal(outcome.count, 2);
  });

  it("matches numbers whole, a version's lines below the version itself", async () => {
    assert.deepEqual(await titles("18.12.1"), ["Node.js 18.12.1 released"]);
    assert.deepEqual(await titles("node 18"), ["Node.js 18.0.0 released", "Node.js 18.12.1 released"]);
    assert.deepEqual(await titles("62"), ["School canteens survey"]);
    assert.deepEqual(await titles("6"), [], "62 is not 6");
  });

  it("never finds an article by the day of its date, unless the query is a date", async () => {
    assert.deepEqual(
      new Set(await titles("18")),
      new Set(["Node.js 18.0.0 released", "Node.js 18.12.1 released", "June 18 meeting"]),
      "not the council's minutes of June 18 (the meeting has 18 in its title)",
    );
    assert.deepEqual(await titles("june 18"), ["Council minutes", "June 18 meeting"], "a day of a month: the articles of that day, every year");
    assert.deepEqual(await titles("18 June 2024"), ["Council minutes"]);
    assert.deepEqual(await titles("minutes 2021-06-18"), ["June 18 meeting"]);
    assert.deepEqual(await titles("2022"), ["Node.js 18.12.1 released", "Node.js 18.0.0 released"], "a year finds the articles of that year");
    assert.deepEqual(await titles("march"), ["Notes from March"], "a month's name finds the articles of that month, as a word of their date");
  });

  it("finds a quoted phrase only where its words stand together", async () => {
    assert.deepEqual(new Set(await titles("async hooks")), new Set(["Node.js 18.12.1 released", "Node.js 18.0.0 released"]));
    assert.deepEqual(new Set(await titles('"async hooks"')), new Set(["Node.js 18.0.0 released", "Node.js 18.12.1 released"]), "async_hooks is the phrase too");
    assert.deepEqual(await titles('"hooks async"'), []);
    assert.deepEqual(await titles('"electric fleets"'), ["Notes from March"]);
  });

  it("finds an article by its category, and filters by category and year with the count of each value", async () => {
    assert.deepEqual(await titles("reports"), ["School canteens survey"]);
    assert.deepEqual(await titles("notes", { year: "2024" }), ["Notes from April", "Notes from March"]);
    assert.deepEqual(await titles("released", { category: "Releases", year: "2022" }), ["Node.js 18.12.1 released", "Node.js 18.0.0 released"]);
    const outcome = await search(reader, request("greener", { year: "2024" }));
    assert.deepEqual(await outcome.facets(), {
      categories: [
        ["News", 2],
        ["Reports", 0],
        ["Releases", 0],
      ],
      years: [
        [2021, 0],
        [2022, 0],
        [2023, 0],
        [2024, 2],
      ],
    });
  });

  it("ranks a match in the title above one in a heading, one in a heading above one in the text, and the newest first when asked", async () => {
    assert.equal((await titles("canteens"))[0], "School canteens survey");
    assert.deepEqual(await titles("electric fleets"), ["Notes from March", "Notes from April"]);
    assert.deepEqual(await titles("electric fleets", { sort: "newest" }), ["Notes from April", "Notes from March"]);
  });

  it("shows an excerpt with the matched words marked", async () => {
    const [first] = await (await search(reader, request("purchase"))).next(1);
    assert.ok(first !== undefined && "excerpt" in first);
    assert.match(await first.excerpt(), /<mark>purchase<\/mark>/);
  });

  it("gives the next results in the same order as one long list", async () => {
    const outcome = await search(reader, request("the"));
    const inTwo = [...(await outcome.next(2)), ...(await outcome.next(100))].map((result) => result.doc);
    const atOnce = (await (await search(reader, request("the"))).next(100)).map((result) => result.doc);
    assert.deepEqual(inTwo, atOnce);
  });

  it("suggests the archive's own words for a misspelt query that finds nothing, when the suggestion finds articles", async () => {
    assert.equal(await (await search(reader, request("electrik fleats"))).suggestion(), "electric fleets", "a word found only cut short, and one not found");
    assert.equal(await (await search(reader, request("minuts"))).suggestion(), undefined, "a word the index extends finds articles: nothing to suggest");
    assert.equal(await (await search(reader, request("minutes fleats"))).suggestion(), undefined, "minutes and fleets are in no article together");
    assert.equal(await (await search(reader, request("electric"))).suggestion(), undefined);
  });

  it("ranks the same over the whole archive whatever the size of its periods", async () => {
    const small = indexOf(articles, 1);
    assert.ok(small.entry.periods.length > 4);
    for (const query of ["purchasing", "electric fleets", "18", "the", "minutes"])
      assert.deepEqual(await titles(query, {}, small.reader), await titles(query), query);
  });

  it("finds the same through a dictionary listed in pages, as a large archive's is", async () => {
    const { files, entry } = indexOf(articles);
    const paged = (list: IndexEntry["words"]): IndexEntry["words"] => ({
      paged: true,
      shards: list.shards.map(([first, file]) => {
        files.set(`x-${file}`, writeDirectory([[first, file]]));
        return [first, `x-${file}`];
      }),
    });
    files.set(SEARCH_ENTRY_FILE, new TextEncoder().encode(JSON.stringify({ ...entry, words: paged(entry.words), pairs: paged(entry.pairs) })));
    const pagedReader = new IndexReader({ file: async (path) => files.get(path) ?? Promise.reject(new Error(path)), stemmer: async () => english });
    for (const query of ["purchasing", "purch", '"electric fleets"', "18"]) assert.deepEqual(await titles(query, {}, pagedReader), await titles(query), query);
  });

  it("ranks an article holding the query's words together above those holding them apart, even beyond the first page", async () => {
    const apart = Array.from({ length: 12 }, (_, at) =>
      article(`Notes ${at + 1}`, "<p>The diagnostic tool and the diagnostic flag wrote a report.</p>", `2024-03-${String(at + 10)}`),
    );
    const together = article("Older notes", "<p>The diagnostic report was written by the new tool today.</p>", "2020-01-02");
    const { reader: notes } = indexOf([...apart, together]);
    assert.equal((await titles("diagnostic report", {}, notes))[0], "Older notes");
    assert.equal((await titles("report diagnostic", {}, notes))[0], "Notes 12", "the words in another order are not together: the newest first");
  });

  it("counts a compound the query's words make (worker_threads for worker threads) as the first word itself, not a longer word it starts", async () => {
    const modules = [
      article("Module notes", "<p>The worker_threads module runs code.</p>", "2020-01-02"),
      article("Other notes", "<p>The worker threads module runs code.</p>", "2024-01-02"),
    ];
    const { reader: notes } = indexOf(modules);
    assert.deepEqual(await titles("worker threads", {}, notes), ["Module notes", "Other notes"], "the module's name first, though older");
  });

  it("lists its terms and its pairs of words in the order of their strings, even were a term to hold a character below the pairs' space", () => {
    const articles = [
      article("Security releases", "<p>Node 18.1 and v20 releases, security fixes, releases of npm.</p>", "2024-01-05"),
      article("Async hooks", "<p>The async_hooks module and async local storage; hooks for security.</p>", "2024-02-05"),
      article("Release schedule", "<p>Releases and the release schedule of Node.js security.</p>", "2024-03-05"),
    ];
    const strange = articles.map((one, at) =>
      at === 1 ? { ...one, record: { ...one.record, terms: one.record.terms.replace("async", "secur\u0001x") } } : one,
    );
    for (const archive of [articles, strange]) {
      const built = buildIndex({ articles: archive, categories: ["News"], monthNames: MONTHS, periodArticles: 5000, stemmers: new Map([["en", english]]) });
      for (const list of [built.terms, built.pairs]) {
        const strings = list.map((entry) => entry.term);
        assert.deepEqual(
          strings,
          [...strings].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
      }
      assert.ok(built.pairs.length > 10 && built.pairs.some((pair) => pair.term === "secur releas"));
    }
  });

  it("holds each pair's documents once and in order, a pair of one document as one of several, and each word by its first written form", () => {
    const articles = [
      article("Security releases", "<p>Security releases today; more security releases soon.</p>", "2024-01-05"),
      article("Async hooks", "<p>The async hooks module.</p>", "2024-02-05"),
      article("Release notes", "<p>Security releasing notes and security releases.</p>", "2024-03-05"),
    ];
    const built = buildIndex({ articles, categories: ["News"], monthNames: MONTHS, periodArticles: 5000, stemmers: new Map([["en", english]]) });
    const docsOf = (term: string): number[] => [...(built.pairs.find((pair) => pair.term === term)?.docs ?? [])];
    assert.deepEqual(docsOf("secur releas"), [0, 2]);
    assert.deepEqual(docsOf("async hook"), [1]);
    assert.deepEqual(docsOf("releas note"), [2]);
    const forms = new Map(built.vocabulary);
    assert.ok(forms.has("security") && forms.has("releases") && !forms.has("releasing"), JSON.stringify(built.vocabulary));
  });

  it("lists each dictionary shard by the few letters that tell it from the one before, and still finds every word and the words a cut-short word starts", async () => {
    // Long words without vowels, which the stemmer leaves as they are: a shard holds about 600 of them.
    const letters = "bcdfghjklmnpqrtvwxz";
    const word = (at: number): string => {
      let seed = at + 1;
      return Array.from({ length: 40 }, () => letters[(seed = (seed * 48271) % 2147483647) % letters.length]).join("");
    };
    const words = Array.from({ length: 2400 }, (_, at) => word(at));
    const many = Array.from({ length: 4 }, (_, at) =>
      article(`Word list ${at + 1}`, `<p>${words.filter((_, place) => place % 4 === at).join(" ")}</p>`, `2024-02-0${at + 1}`),
    );
    const { reader: listed, files, entry } = indexOf(many);
    const shards = entry.words.shards.map(([key, file]) => ({ key, terms: readShard(files.get(file) ?? new Uint8Array(), file).map((term) => term.term) }));
    assert.ok(shards.length >= 3, `${shards.length} shards`);
    for (const [at, { key, terms }] of shards.entries()) {
      const first = terms[0] ?? "";
      const before = shards[at - 1]?.terms.at(-1);
      assert.ok(first.startsWith(key), `${key} starts ${first}`);
      if (before !== undefined) assert.ok(key > before && key.length < 10, `${key} sorts after ${before} and is short`);
    }
    let cutBetween = 0;
    for (const [at, { terms }] of shards.entries()) {
      const first = terms[0] ?? "";
      const before = shards[at - 1]?.terms.at(-1);
      if (before === undefined) continue;
      const owner = (term: string): string => `Word list ${(words.indexOf(term) % 4) + 1}`;
      assert.deepEqual(await titles(first, {}, listed), [owner(first)]);
      // A word cut short that sorts between the shards: the words it starts are in the next one.
      const cut = first.slice(0, -2);
      if (cut <= before) continue;
      cutBetween += 1;
      assert.ok((await titles(cut, {}, listed)).includes(owner(first)), `${cut} finds ${first}`);
    }
    assert.ok(cutBetween > 0, "some word cut short sorts between two shards");
  });

  it("says which part of the index it could not load, and shows what it knows of a result whose fragment it could not load", async () => {
    const offline = indexOf(articles, 2, (path) => path.startsWith("d-") || path.startsWith("p-"));
    await assert.rejects(search(offline.reader, request("purchasing")), IndexPartUnavailable);
    const fragmentsMissing = indexOf(articles, 2, (path) => path.startsWith("p-"));
    assert.deepEqual(await titles("minutes", {}, fragmentsMissing.reader), ["(unshown 2024)", "(unshown 2021)"]);
    assert.ok(offline.files.has(SEARCH_ENTRY_FILE));
  });

  it("keeps a result's text apart from its fragment, and shows the result without an excerpt when only its text could not be loaded", async () => {
    const { files, reader: textless } = indexOf(articles, 5000, (path) => path.endsWith("t"));
    const fragments = [...files.keys()].filter((path) => path.startsWith("p-"));
    const texts = fragments.filter((path) => path.endsWith("t"));
    assert.equal(texts.length, articles.length, "one text a document");
    assert.equal(fragments.length, 2 * articles.length, "and one fragment");
    for (const path of fragments.filter((name) => !name.endsWith("t"))) {
      assert.equal(new TextDecoder().decode(files.get(path)).includes("Charging points"), false, "a fragment holds no text");
    }
    const [first] = await (await search(textless, request("purchase"))).next(1);
    assert.ok(first !== undefined && "excerpt" in first);
    assert.equal(first.title, "Green purchasing guide");
    assert.equal(await first.excerpt(), "");
  });
});
