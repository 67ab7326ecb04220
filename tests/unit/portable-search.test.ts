import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPortableIndex, htmlToSegments, htmlToText, type PortableArticle, type PortableIndexFile } from "../../src/search/portable-index.ts";
import { excerptOf } from "../../src/search/excerpt.ts";
import {
  decodePostings,
  encodePostings,
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
  return { url: `2024/01/${day}/a${index}/index.html`, title, dateText: `January ${index + 1}, 2024`, category: "News", year: 2024, sortKey: `2024-01-${day}T00:00:00.000Z a${index}`, bodyHtml: body, ...fields };
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
  articleAt(1, "School canteens survey", "<p>What 62 kitchens told us about food.</p>", { category: "Reports", year: 2023, sortKey: "2023-05-01T00:00:00.000Z a1", dateText: "May 1, 2023" }),
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

  it("are indexed as Pagefind indexes them: a compound whole and in parts of two letters or more that share its weight", () => {
    const words = (text: string): string[] => indexedWords(text, 24).map(({ word, weight }) => `${word}:${weight}`);
    assert.deepEqual(words("secureContext"), ["securecontext:24", "secure:12", "context:12"]);
    assert.deepEqual(words("life-cycle, fs.readFile"), ["lifecycle:24", "life:12", "cycle:12", "fsreadfile:24", "fs:8", "read:8", "file:8"]);
    assert.deepEqual(words("OpenSSL v8 Café x-ray"), ["openssl:24", "open:12", "ssl:12", "v8:24", "cafe:24", "xray:24", "ray:24"]);
    assert.deepEqual(indexedWords("Title", 240), [{ word: "title", weight: 240 }]);
    assert.deepEqual(indexedWords("meta-only", 0), [
      { word: "metaonly", weight: 0 },
      { word: "meta", weight: 0 },
      { word: "only", weight: 0 },
    ]);
    assert.equal(wordCount(" one  two-three\nfour "), 3);
  });

  it("of a query lose their punctuation, as in Pagefind, and numbers become their number terms", () => {
    assert.deepEqual(queryWords("life-cycle Café, fs.readFile"), ["lifecycle", "cafe", "fsreadfile"]);
    assert.deepEqual(queryWords("Node 18 v22.1.0 kubernetes 1.30 v8"), ["node", "nv18z", "nv22x1z", "kubernetes", "nv1x30z", "v8"]);
  });

  it("fall into shards by their first two letters, named safely for any file system", () => {
    assert.equal(shardKeyOf("purchas"), "pu");
    assert.equal(shardKeyOf("a"), "a");
    assert.equal(shardKeyOf("nv18x12z"), "nv18", "number terms, all starting nv, by four");
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
    const postings = [0, 24, 3, 240, 4, 24, 250, 0];
    assert.deepEqual(encodePostings(postings), [1, -4, 240, 2, -247, 0]);
    assert.deepEqual(decodePostings(encodePostings(postings)), postings);
  });

  it("turns HTML into the text a reader sees, words of blocks kept apart and scripts left out", () => {
    assert.equal(htmlToText("<p>One <em>two</em></p><p>three&amp;four</p><script>x()</script><li>five</li>"), "One two three&four five");
  });

  it("weighs the words of headings by their level and of elements by their data-pagefind-weight, in Pagefind's units", () => {
    assert.deepEqual(htmlToSegments("<h2>Notable <code>changes</code></h2><p>text</p><h4>Four</h4>"), [
      { text: "Notable changes", weight: 144 },
      { text: "text", weight: 24 },
      { text: "Four", weight: 96 },
    ]);
    assert.deepEqual(htmlToSegments('<ul data-pagefind-weight="0.1"><li><h3>Listed</h3></li></ul><p data-pagefind-weight="20">Loud</p><p data-pagefind-weight="0">Silent</p>'), [
      { text: "Listed", weight: 2 },
      { text: "Loud", weight: 240 },
      { text: "Silent", weight: 0 },
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
