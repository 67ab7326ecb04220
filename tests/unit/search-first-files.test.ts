import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildIndex } from "../../src/search/index-build.ts";
import { firstFiles } from "../../src/search/first-files.browser.ts";
import { IndexReader } from "../../src/search/index-reader.browser.ts";
import { search, type SearchRequest } from "../../src/search/searcher.browser.ts";
import { readFingerprints } from "../../src/search/term-files.browser.ts";
import { writeIndex } from "../support/index-files.ts";
import { english, largeArchive, readerInRounds } from "../support/large-index.ts";

describe("the files a search reads first, named before the search runs", () => {
  // 6,000 articles of ten words: every word tiered, the commonest pairs' sets files of their own.
  const articles = largeArchive(6000);
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].map((month) => [
    month,
  ]);
  const built = buildIndex({ articles, categories: ["News"], monthNames: months, periodArticles: 2000, stemmers: new Map() });
  const files = new Map<string, Uint8Array>();
  writeIndex(built, articles, { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) }, new Map(), months);
  const entryOf = (): ReturnType<IndexReader["entry"]> =>
    new IndexReader({ file: async (path) => files.get(path) ?? Promise.reject(new Error(path)), stemmer: async () => english }).entry();

  const requests: Partial<SearchRequest>[] = [
    { query: "zork" },
    { query: "quix blam" },
    { query: "snark plugh thud" },
    { query: '"quix blam" zork' },
    { query: "zork 2500" },
    { query: "zork blam", sort: "newest" },
    { query: "glim", category: "News" },
    { query: "wump january 2015" },
    { query: "nothing here" },
  ];

  for (const asked of requests) {
    it(`names every file of the round of shards, and only files the search reads, for ${JSON.stringify(asked)}`, async () => {
      const request: SearchRequest = { query: "", category: "", year: "", sort: "relevance", ...asked };
      const entry = await entryOf();
      const named = firstFiles(entry, request, [english], readFingerprints(entry.pairSets));
      const { reader, rounds, run } = readerInRounds(files);
      const outcome = await run(search(reader, request));
      await run(outcome.next(10));
      const read = new Set(rounds.flat());
      const shardRound = rounds.find((round) => round.some((path) => path.startsWith("d-"))) ?? [];
      assert.ok(shardRound.length > 0, "the search reads shards");
      for (const file of shardRound) assert.ok(named.includes(file), `${file}, read with the shards, is named`);
      for (const file of named) assert.ok(read.has(file), `${file} is named but the search never reads it`);
      for (const file of named) assert.ok(files.has(file), `${file} is a file of the index`);
    });
  }

  it("names a common word's blocks where two meet, the category sets when a category is chosen, the days when the query is a date", async () => {
    const entry = await entryOf();
    const fingerprints = readFingerprints(entry.pairSets);
    const blocks = (query: string): number =>
      firstFiles(entry, { query, category: "", sort: "relevance" }, [english], fingerprints).filter((file) => file.startsWith("b-")).length;
    assert.equal(blocks("zork"), 1, "one common word: its first block");
    assert.ok(blocks("zork quix") > 2, "two: every block of both");
    assert.equal(
      firstFiles(entry, { query: "zork quix", category: "", sort: "newest" }, [english], fingerprints).filter((file) => file.startsWith("b-")).length,
      2,
    );
    assert.ok(firstFiles(entry, { query: "zork", category: "News", sort: "relevance" }, [english], fingerprints).includes(entry.filters));
    assert.ok(!firstFiles(entry, { query: "zork", category: "", sort: "relevance" }, [english], fingerprints).includes(entry.filters));
    assert.ok(firstFiles(entry, { query: "zork january 2015", category: "", sort: "relevance" }, [english], fingerprints).includes(entry.days));
    assert.ok(!firstFiles(entry, { query: "zork 2015", category: "", sort: "relevance" }, [english], fingerprints).includes(entry.days));
  });
});
