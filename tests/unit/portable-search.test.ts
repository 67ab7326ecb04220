import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPortableIndex, htmlToSegments, htmlToText, type PortableArticle, type PortableIndexFile } from "../../src/search/portable-index.ts";
import {
  decodePostings,
  encodePostings,
  excerptOf,
  PORTABLE_INDEX_CALLBACK,
  PORTABLE_INDEX_DIR,
  PORTABLE_INDEX_PATHS,
  resultOf,
  searchPortable,
  type PortableIndexSource,
  type PortableManifest,
  type PortableShard,
} from "../../src/search/portable-query.ts";
import { portableLanguage } from "../../src/search/stemmers.ts";
import { foldWord, indexedWords, queryWords, shardFileName, shardKeyOf, tokenize, wordCount } from "../../src/search/words.ts";

function articleAt(index: number, title: string, body: string, fields: Partial<PortableArticle> = {}): PortableArticle {
  const day = String(index + 1).padStart(2, "0");
  return { url: `2024/01/${day}/a${index}/index.html`, title, dateText: `January ${index + 1}, 2024`, category: "News", year: 2024, sortDate: `2024-01-${day}`, bodyHtml: body, ...fields };
}

/** Reads the written index as the search page would, by running each script with the callback defined. */
function sourceOf(files: readonly PortableIndexFile[]): PortableIndexSource {
  const parts = new Map<string, unknown>();
  for (const file of files) {
    const run = new Function(PORTABLE_INDEX_CALLBACK, file.content) as (callback: (kind: string, key: unknown, data: unknown) => void) => void;
    run((kind, key, data) => parts.set(`${kind}:${String(key)}`, data));
  }
  const part = (id: string): unknown => {
    if (!parts.has(id)) throw new Error(`the index has no ${id}`);
    return parts.get(id);
  };
  return {
    manifest: async () => part("manifest:null") as PortableManifest,
    shard: async (key) => part(`shard:${key}`) as PortableShard,
    texts: async (chunk) => part(`text:${chunk}`) as readonly string[],
    stemmer: async () => part("stemmer:null") as (word: string) => string,
  };
}

const articles = [
  articleAt(0, "Green purchasing guide", "<p>Buyers purchase <em>greener</em> products.</p><p>Canteens&amp;kitchens</p>"),
  articleAt(1, "School canteens survey", "<p>What 62 kitchens told us about food.</p>", { category: "Reports", year: 2023, sortDate: "2023-05-01", dateText: "May 1, 2023" }),
  articleAt(2, "Café contracts", "<p>Coffee breaks in public buildings, purchased greener.</p><script>ignored words</script>"),
  articleAt(3, "Business travel", "<p>Buses and trains for purchasing staff.</p>"),
  articleAt(4, "Notes from March", `<h2>Electric fleets</h2><p>${"Charging points were counted. ".repeat(5)}</p>`),
  articleAt(5, "Notes from April", "<p>The fleets at the depot were electric.</p>"),
];
const files = buildPortableIndex(articles, await portableLanguage("en"));
const source = sourceOf(files);
const titles = async (query: string, options?: Parameters<typeof searchPortable>[2]): Promise<string[]> =>
  Promise.all((await searchPortable(source, query, options)).map(async (hit) => (await resultOf(source, hit)).meta.title));

describe("the words of a text", () => {
  it("are folded to lower case without diacritics, keeping where each stands", () => {
    assert.equal(foldWord("Café"), "cafe");
    assert.deepEqual(tokenize("Green, café-bar 2024!"), [
      { word: "green", start: 0, end: 5 },
      { word: "cafe", start: 7, end: 11 },
      { word: "bar", start: 12, end: 15 },
      { word: "2024", start: 16, end: 20 },
    ]);
    assert.deepEqual(queryWords("Green green GREEN buses"), ["green", "buses"]);
  });

  it("are indexed as Pagefind indexes them: a compound whole and in parts that share its weight", () => {
    const words = (text: string): string[] => indexedWords(text, 1).map(({ word, weight }) => `${word}:${weight.toFixed(2)}`);
    assert.deepEqual(words("secureContext"), ["securecontext:1.00", "secure:0.50", "context:0.50"]);
    assert.deepEqual(words("life-cycle, fs.readFile"), ["lifecycle:1.00", "life:0.50", "cycle:0.50", "fsreadfile:1.00", "fs:0.33", "read:0.33", "file:0.33"]);
    assert.deepEqual(words("OpenSSL v8 Café"), ["openssl:1.00", "open:0.50", "ssl:0.50", "v8:1.00", "cafe:1.00"]);
    assert.deepEqual(indexedWords("Title", 10), [{ word: "title", weight: 10 }]);
    assert.equal(wordCount(" one  two-three\nfour "), 3);
  });

  it("of a query lose their punctuation, as in Pagefind", () => {
    assert.deepEqual(queryWords("life-cycle Café, fs.readFile"), ["lifecycle", "cafe", "fsreadfile"]);
  });

  it("fall into shards by their first two letters, named safely for any file system", () => {
    assert.equal(shardKeyOf("purchas"), "pu");
    assert.equal(shardKeyOf("a"), "a");
    assert.equal(shardFileName("pu"), "70-75");
    assert.equal(shardFileName("αβ"), "3b1-3b2");
  });
});

describe("the portable search index", () => {
  it("is a set of classic scripts: a manifest, shards, text chunks and the language's stemmer", () => {
    const paths = files.map((file) => file.path);
    assert.ok(paths.includes(`${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.manifest}`));
    assert.ok(paths.includes(`${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.stemmer}`));
    assert.ok(paths.includes(`${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.shard("pu")}`));
    assert.ok(paths.includes(`${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.text(0)}`));
    for (const file of files) assert.ok(file.content.includes(`${PORTABLE_INDEX_CALLBACK}(`), file.path);
    assert.ok(!files.some((file) => /\bfetch\(|\bimport\(/.test(file.content)), "nothing a page opened from disk may not do");
  });

  it("writes postings short and reads them back exactly", () => {
    const postings = [0, 1, 3, 10, 4, 1, 250, 2];
    assert.deepEqual(encodePostings(postings), [1, -4, 10, 2, -247, 2]);
    assert.deepEqual(decodePostings(encodePostings(postings)), postings);
  });

  it("turns HTML into the text a reader sees, words of blocks kept apart and scripts left out", () => {
    assert.equal(htmlToText("<p>One <em>two</em></p><p>three&amp;four</p><script>x()</script><li>five</li>"), "One two three&four five");
  });

  it("weighs the words of headings by their level, as Pagefind does", () => {
    assert.deepEqual(htmlToSegments("<h2>Notable <code>changes</code></h2><p>text</p><h4>Four</h4>"), [
      { text: "Notable changes", weight: 6 },
      { text: "text", weight: 1 },
      { text: "Four", weight: 4 },
    ]);
  });

  it("finds every article holding all the words, stemmed as the text was", async () => {
    assert.deepEqual(new Set(await titles("purchasing")), new Set(["Green purchasing guide", "Café contracts", "Business travel"]));
    assert.deepEqual(await titles("canteen kitchens"), ["School canteens survey", "Green purchasing guide"]);
    assert.deepEqual(await titles("cafe"), ["Café contracts"]);
    assert.deepEqual(await titles("nothing like this"), []);
  });

  it("extends a word still being typed to the words it starts, and falls back to the longest stem it starts with", async () => {
    assert.deepEqual(new Set(await titles("purch")), new Set(["Green purchasing guide", "Café contracts", "Business travel"]));
    assert.deepEqual(await titles("coffeemachines"), ["Café contracts"]);
  });

  it("finds an article by its date and category, as Pagefind finds a page by its meta", async () => {
    assert.deepEqual(await titles("reports"), ["School canteens survey"]);
    assert.deepEqual(await titles("may 2023"), ["School canteens survey"]);
  });

  it("ranks a match in the title above one in a heading, and one in a heading above one in the text, and orders by date when asked", async () => {
    assert.equal((await titles("canteens"))[0], "School canteens survey");
    assert.deepEqual(await titles("electric fleets"), ["Notes from March", "Notes from April"]);
    assert.deepEqual(await titles("greener", { sort: "newest" }), ["Café contracts", "Green purchasing guide"]);
  });

  it("narrows by category and by year", async () => {
    assert.deepEqual(await titles("kitchens", { filters: { category: "Reports" } }), ["School canteens survey"]);
    assert.deepEqual(await titles("kitchens", { filters: { year: "2024" } }), ["Green purchasing guide"]);
    assert.deepEqual(await titles("kitchens", { filters: { category: "Events" } }), []);
  });

  it("gives each result its link, meta and an escaped excerpt with the matched words marked", async () => {
    const [hit] = await searchPortable(source, "purchase");
    assert.ok(hit !== undefined);
    const result = await resultOf(source, hit);
    assert.equal(result.url, "2024/01/01/a0/index.html");
    assert.deepEqual(result.meta, { title: "Green purchasing guide", date: "January 1, 2024", category: "News" });
    assert.equal(result.excerpt, "Green <mark>purchasing</mark> guide. Buyers <mark>purchase</mark> greener products. Canteens&amp;kitchens");
  });

  it("cuts a long text's excerpt around its densest stretch of matches", () => {
    const text = `${"filler ".repeat(100)}the green tender and the green label${" tail".repeat(100)}`;
    const excerpt = excerptOf(text, ["green"]);
    assert.equal((excerpt.match(/<mark>green<\/mark>/g) ?? []).length, 2);
    assert.ok(excerpt.split(" ").length <= 30, excerpt);
  });

  it("keeps words as written for a language it has no stemmer for", async () => {
    const language = await portableLanguage("ja");
    assert.equal(language.stemmerScript, undefined);
    assert.equal(language.stem("purchasing"), "purchasing");
  });
});
