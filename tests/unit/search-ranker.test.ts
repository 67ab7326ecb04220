import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ByteReader, ByteWriter } from "../../src/search/bytes.browser.ts";
import { DocRanks, DocSet, readDocs, writeDocs } from "../../src/search/doc-sets.browser.ts";
import { buildIndex, type ArticleToIndex } from "../../src/search/index-build.ts";
import type { DictionaryEntry } from "../../src/search/dictionary.browser.ts";
import { IndexReader } from "../../src/search/index-reader.browser.ts";
import { writeIndex } from "../support/index-files.ts";
import { english, largeArchive, readerInRounds, WORDS } from "../support/large-index.ts";
import { Ranker, type ListToRank } from "../../src/search/ranker.browser.ts";
import { blockFile, listsPair, readFingerprints, setFile } from "../../src/search/term-files.browser.ts";
import { dateFactor } from "../../src/search/ranking.browser.ts";
import { search } from "../../src/search/searcher.browser.ts";
import { impactScore, inverseDocumentFrequency, META_FLAGS, metaBoost } from "../../src/search/scoring.browser.ts";
import { indexRecord } from "../../src/text/index-record.ts";

describe("the index's bytes", () => {
  it("read back whole numbers of any size and strings as written", () => {
    const values = [0, 1, 127, 128, 300, 16_384, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER];
    const writer = new ByteWriter();
    for (const value of values) writer.varint(value);
    writer.string("café ☕").byte(7);
    const reader = new ByteReader(writer.done());
    assert.deepEqual(
      values.map(() => reader.varint()),
      values,
    );
    assert.equal(reader.string(), "café ☕");
    assert.equal(reader.byte(), 7);
    assert.ok(reader.done);
    assert.throws(() => new ByteReader(Uint8Array.of(0x80)).varint(), /ends inside a number/);
    assert.throws(() => new ByteWriter().varint(-1), /whole number/);
  });

  it("write a set of documents as gaps when sparse and as a bitmap when dense, and read both back", () => {
    const sparse = [3, 900, 70_000];
    const dense = Array.from({ length: 500 }, (_, at) => 1000 + at * 2);
    for (const docs of [sparse, dense, []]) {
      const writer = new ByteWriter();
      writeDocs(writer, docs);
      const bytes = writer.done();
      assert.deepEqual(Array.from(readDocs(new ByteReader(bytes))), docs);
      if (docs === dense) assert.ok(bytes.length < 140, `a bitmap of 1,000 documents, not ${bytes.length} bytes`);
    }
  });

  it("counts, intersects and ranks sets of documents", () => {
    const a = DocSet.of(100, [1, 5, 31, 32, 64, 99]);
    const b = DocSet.range(100, 30, 70);
    assert.deepEqual(Array.from(a.and(b).docs()), [31, 32, 64]);
    assert.equal(DocSet.range(100, 0, 100).count(), 100);
    assert.deepEqual(
      Array.from(DocSet.range(100, 32, 64).docs()),
      Array.from({ length: 32 }, (_, at) => 32 + at),
    );
    assert.deepEqual(
      Array.from(DocSet.range(70, 60, 200).docs()),
      Array.from({ length: 10 }, (_, at) => 60 + at),
    );
    assert.equal(DocSet.range(100, 50, 40).count(), 0);
    assert.deepEqual(a.or(b).count(), 43);
    assert.equal(a.countIn(0, 33), 4);
    assert.equal(new DocRanks(a).below(64), 4);
    assert.ok(a.has(99) && !a.has(100) && !a.has(-1));
  });
});

describe("the pairs of a large archive", () => {
  it("asks for a common pair's set with its dictionary shard", async () => {
    // A pair in 17,000 articles: its set (a bitmap) is over 2 KB, a file of its own.
    const articles: ArticleToIndex[] = Array.from({ length: 17_000 }, (_, at) => ({
      record: indexRecord({ title: "Note", bodyHtml: `<p>zork quix ${WORDS[at % WORDS.length] ?? ""}</p>` }, "", english),
      url: `a/${at}/`,
      title: "Note",
      dateText: "",
      category: "News",
      year: 2020,
      month: 1,
      day: 1,
    }));
    const built = buildIndex({ articles, categories: ["News"], monthNames: [], periodArticles: 5000, stemmers: new Map() });
    const files = new Map<string, Uint8Array>();
    writeIndex(built, articles, { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) }, new Map(), []);
    const read: string[] = [];
    const reader = new IndexReader({
      file: async (path) => {
        read.push(path);
        return files.get(path) ?? Promise.reject(new Error(path));
      },
      stemmer: async () => english,
    });
    const { pairSets, pairs } = await reader.entry();
    assert.ok(listsPair(readFingerprints(pairSets), "zork quix"), "the commonest pairs with a set file are listed in the entry");
    const shard = pairs.shards[0]?.[1] ?? "";
    read.length = 0;
    assert.equal((await reader.pair("zork quix"))?.documents, 17_000);
    assert.deepEqual(read, [setFile(shard, "zork quix"), shard], "its set asked for before the shard that holds the pair");
    assert.ok(files.has(setFile(shard, "zork quix")), "the set's file is named from the shard that holds the pair");
    read.length = 0;
    const rare = await reader.pair("quix blam");
    assert.ok(rare !== undefined && rare.postings.kind === "inline-set", "a rare pair's set is in its shard");
    assert.deepEqual(read, [], "and it asks for no file more");
  });
});

describe("the files an edit renames", () => {
  /** The index's files, and the names of those a search asks for with their shard: the listed words' and pairs'. */
  async function written(articles: readonly ArticleToIndex[]): Promise<{ files: Map<string, Uint8Array>; fromShards: Set<string> }> {
    const built = buildIndex({ articles, categories: ["News"], monthNames: [], periodArticles: 1000, stemmers: new Map() });
    const files = new Map<string, Uint8Array>();
    writeIndex(built, articles, { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) }, new Map(), []);
    const reader = new IndexReader({ file: async (path) => files.get(path) ?? Promise.reject(new Error(path)), stemmer: async () => english });
    const { prefetch, pairSets } = await reader.entry();
    const fromShards = new Set<string>();
    for (const [word] of prefetch) {
      const postings = (await reader.extensions(word)).find((entry) => entry.term === word)?.postings;
      if (postings?.kind === "file") fromShards.add(postings.file);
      if (postings?.kind === "tiered") for (const file of [postings.tiers.set, ...postings.tiers.blocks.map((block) => block.file)]) fromShards.add(file);
    }
    const listed = readFingerprints(pairSets);
    for (const pair of built.pairs.filter((candidate) => listsPair(listed, candidate.term))) {
      const postings = (await reader.pair(pair.term))?.postings;
      if (postings?.kind === "set-file") fromShards.add(postings.file);
    }
    return { files, fromShards };
  }

  it("are its shards and the first files of the listed terms they hold, never a chunk or an unlisted term's file", async () => {
    const before = await written(largeArchive(6000));
    // A number of one title for another: as many words, so no other term's postings change.
    const after = await written(largeArchive(6000, undefined, (at) => (at === 2500 ? 987_654 : at)));
    const renamed = [...after.files.keys()].filter((file) => !before.files.has(file) && /^[bcst]-/.test(file));
    assert.ok(renamed.length > 0, "the edit changes some term's files");
    assert.deepEqual(
      renamed.filter((file) => !after.fromShards.has(file)),
      [],
      "every term file renamed is one a search reads with its shard",
    );
    const kept = [...after.files.keys()].filter((file) => before.files.has(file) && /^[bcst]-/.test(file));
    assert.ok(kept.some((file) => file.startsWith("c-")) && kept.length > renamed.length, `${kept.length} term files kept, ${renamed.length} renamed`);
  });
});

describe("the ranker over a large archive", () => {
  const articles = largeArchive(6000);
  const built = buildIndex({ articles, categories: ["News"], monthNames: [], periodArticles: 1000, stemmers: new Map() });
  const files = new Map<string, Uint8Array>();
  writeIndex(built, articles, { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) }, new Map(), []);
  const read = new Set<string>();
  const reader = new IndexReader({
    file: async (path) => {
      read.add(path);
      return files.get(path) ?? Promise.reject(new Error(path));
    },
    stemmer: async () => english,
  });

  /** Every found article's exact score, from the whole postings in memory, best first: what the ranker must give. */
  function bruteForce(words: readonly string[], factor: (doc: number) => number = () => 1): number[] {
    const terms = words.map((word) => built.terms.find((term) => term.term === word));
    const sets = terms.map((term) => new Set(term?.docs ?? []));
    const found = Array.from({ length: built.documents }, (_, doc) => doc).filter((doc) => sets.every((set) => set.has(doc)));
    const idfs = terms.map((term) => inverseDocumentFrequency(built.documents, term?.docs.length ?? 0));
    const queryIdf = idfs.reduce((sum, idf) => sum + idf, 0);
    const scored = found.map((doc, place) => {
      let score = 0;
      const fields = { title: 0, date: 0, category: 0 };
      for (const [at, term] of terms.entries()) {
        const index = term?.docs.indexOf(doc) ?? -1;
        const flags = term?.values?.flags[index] ?? 0;
        score += impactScore(term?.values?.impacts[index] ?? 0, idfs[at] ?? 0, 1);
        if ((flags & META_FLAGS.title) !== 0) fields.title += idfs[at] ?? 0;
      }
      return { doc, score: (score + metaBoost(fields, queryIdf)) * dateFactor(found.length - 1 - place, found.length) * factor(doc) };
    });
    return scored.sort((a, b) => b.score - a.score || b.doc - a.doc).map((hit) => hit.doc);
  }

  async function ranked(words: readonly string[], count: number, factor?: (doc: number) => number): Promise<number[]> {
    const entries = await Promise.all(words.map(async (word) => (await reader.extensions(word)).filter((entry) => entry.term === word)));
    let found = DocSet.range(built.documents, 0, built.documents);
    for (const [entry] of entries) if (entry !== undefined) found = found.and(DocSet.of(built.documents, await reader.docs(entry)));
    const idfs = await Promise.all(
      entries.map(async ([entry]) => inverseDocumentFrequency(built.documents, entry === undefined ? 0 : (await reader.docs(entry)).length)),
    );
    const ranker = await Ranker.create(
      reader,
      Uint32Array.from(found.docs()),
      entries.flatMap(([entry], word) => (entry === undefined ? [] : [{ word, idf: idfs[word] ?? 0, share: 1, entry }])),
      idfs,
      factor === undefined ? undefined : Float64Array.from(found.docs(), factor),
    );
    return (await ranker.best(count)).map((hit) => hit.doc);
  }

  it("tiers the common words, and asks for a common word's set and best block with its dictionary shard", async () => {
    assert.ok(built.terms.filter((term) => WORDS.includes(term.term) && term.docs.length > 4096).length >= 5);
    assert.ok([...files.keys()].some((path) => path.startsWith("b-")) && [...files.keys()].some((path) => path.startsWith("c-")));
    const { prefetch, words } = await reader.entry();
    const [, blocks = 0] = prefetch.find(([term]) => term === "zork") ?? [];
    assert.ok(blocks >= 1, "the commonest tiered words are listed in the entry with their blocks");
    const shard = words.shards.findLast(([key]) => key <= "zork")?.[1] ?? "";
    const first = [setFile(shard, "zork"), blockFile(shard, "zork", 0)];
    assert.ok(
      first.every((file) => files.has(file)),
      "its set and first block are named from its shard",
    );
    read.clear();
    await reader.extensions("zork");
    assert.ok(
      first.every((file) => read.has(file)),
      "asked for before the shard named them",
    );
    const postings = (await reader.extensions("zork")).find((entry) => entry.term === "zork")?.postings;
    assert.ok(
      postings?.kind === "tiered" && postings.tiers.chunks.every((chunk) => files.has(chunk)),
      "and its chunks, which the shard does not name one by one",
    );
  });

  it("gives the order of the exact scores times each article's own factor (its words held together), when there is one", async () => {
    const together = (doc: number): number => (doc % 7 === 0 ? 1.5 : doc % 3 === 0 ? 1.25 : 1);
    assert.deepEqual(await ranked(["quix", "blam"], 30, together), bruteForce(["quix", "blam"], together).slice(0, 30));
    assert.notDeepEqual(bruteForce(["quix", "blam"], together).slice(0, 30), bruteForce(["quix", "blam"]).slice(0, 30), "the factors change the order");
  });

  for (const words of [["zork"], ["quix", "blam"], ["snark", "plugh", "thud"]]) {
    it(`gives the best articles for “${words.join(" ")}” in the order of their exact scores, reading a part of the postings`, async () => {
      read.clear();
      assert.deepEqual(await ranked(words, 20), bruteForce(words).slice(0, 20));
      const chunks = [...read].filter((path) => path.startsWith("c-")).length;
      const allChunks = [...files.keys()].filter((path) => path.startsWith("c-")).length;
      assert.ok(chunks < allChunks / 2, `${chunks} of ${allChunks} chunks read`);
      assert.deepEqual(await ranked(words, 60), bruteForce(words).slice(0, 60), "further, in the same order");
    });
  }
});

describe("the rounds of requests where common words meet", () => {
  // 24,000 articles, each word in nearly all and in no title, so that a word's best postings hold few of the
  // others' best: three blocks a word, and three words whose best articles lie past their first blocks.
  const articles = largeArchive(24_000, { least: 10, most: 40, inTitles: false });
  const built = buildIndex({ articles, categories: ["News"], monthNames: [], periodArticles: 5000, stemmers: new Map() });
  const files = new Map<string, Uint8Array>();
  writeIndex(built, articles, { reuse: () => false, reuseFolder: () => false, write: (path, payload) => void files.set(path, payload) }, new Map(), []);
  const plain = new IndexReader({ file: async (path) => files.get(path) ?? Promise.reject(new Error(path)), stemmer: async () => english });
  const termOf = async (word: string): Promise<DictionaryEntry | undefined> => (await plain.extensions(word)).find((entry) => entry.term === word);
  const blocksOf = async (word: string): Promise<string[]> => {
    const entry = await termOf(word);
    return entry?.postings.kind === "tiered" ? entry.postings.tiers.blocks.map((block) => block.file) : [];
  };

  it("reads the blocks of the words it needs in one round, not one round a block", async () => {
    const words = ["snark", "plugh", "thud"];
    const lists: ListToRank[] = [];
    let found = DocSet.range(built.documents, 0, built.documents);
    for (const [word, text] of words.entries()) {
      const entry = await termOf(text);
      assert.ok(entry !== undefined && (await blocksOf(text)).length === 3, `${text} is tiered in three blocks`);
      lists.push({ word, idf: inverseDocumentFrequency(built.documents, entry.documents), share: 1, entry });
      found = found.and(DocSet.of(built.documents, await plain.docs(entry)));
    }
    const { reader, rounds, run } = readerInRounds(files);
    const ranker = await run(
      Ranker.create(
        reader,
        Uint32Array.from(found.docs()),
        lists,
        lists.map((list) => list.idf),
      ),
    );
    const best = await run(ranker.best(10));
    const blocks = new Set((await Promise.all(words.map(blocksOf))).flat());
    const blockRounds = rounds.map((round) => round.filter((path) => blocks.has(path))).filter((round) => round.length > 0);
    assert.ok(blockRounds.flat().length > words.length, "its best articles lie past the first blocks");
    assert.equal(blockRounds.length, 1, `the blocks in one round: ${JSON.stringify(blockRounds)}`);
    assert.equal(best.length, 10);
  });

  it("asks for every block of two common words with their dictionary shards, and a single common word's first block alone", async () => {
    for (const words of [["quix", "blam"], ["zork"]]) {
      const { reader, rounds, run } = readerInRounds(files);
      const outcome = await run(search(reader, { query: words.join(" "), category: "", year: "", sort: "relevance" }));
      await run(outcome.next(10));
      const shardRound = rounds.findIndex((round) => round.some((path) => path.startsWith("d-")));
      const roundOf = (file: string): number => rounds.findIndex((round) => round.includes(file));
      for (const word of words)
        for (const [at, file] of (await blocksOf(word)).entries()) {
          if (words.length > 1 || at === 0) assert.equal(roundOf(file), shardRound, `${words.join(" ")}: ${word}'s block ${at} asked for with the shards`);
          else assert.notEqual(roundOf(file), shardRound, `${words.join(" ")}: ${word}'s block ${at} not asked for with the shards`);
        }
    }
  });
});
