// Reads the search index's files (index-format.ts) as a search needs them,
// each once: the entry, the dictionary shards of the query's words, their
// postings, and later the fragments of the results shown. Where the files
// come from is the source's business: fetched on a hosted site, loaded as
// scripts on a site opened from disk, read from memory in the tests.
import { SEARCH_ENTRY_FILE } from "../core/search-files.browser.ts";
import { ByteReader } from "./bytes.browser.ts";
import { DocSet } from "./doc-sets.browser.ts";
import type { Stemmer } from "../text/stemmers.ts";
import {
  fragmentFile,
  fragmentTextFile,
  readChunk,
  readDays,
  parseEntry,
  readSets,
  readValues,
  readVocabulary,
  type Fragment,
  type IndexEntry,
  type ShardList,
  type Values,
} from "./index-format.browser.ts";
import { readDirectory, readShard, type DictionaryEntry } from "./dictionary.browser.ts";
import { blockFile, readFingerprints } from "./term-files.browser.ts";
import { blocksTogether, filesWithShard, pairFilesWithShard, shardOf } from "./first-files.browser.ts";

/** Where the index's files come from. */
export interface IndexSource {
  /** A file of the index, by its path in the index's folder, decompressed. Rejects when it cannot be had (offline, not saved). */
  file(path: string): Promise<Uint8Array>;
  /** A language's stemmer, from the script the entry names for it (entry.stemmers: a path from the site's root). */
  stemmer(language: string, script: string): Promise<Stemmer>;
}

/** A part of the index that could not be loaded: offline, and not saved on this device. */
export class IndexPartUnavailable extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`the search index's ${path} could not be loaded`, { cause });
    this.path = path;
  }
}

/** The most shards a word still being typed is extended over: a very short word would otherwise load the dictionary. */
const MOST_SHARDS_A_WORD = 3;

export class IndexReader {
  readonly #source: IndexSource;
  readonly #files = new Map<string, Promise<Uint8Array>>();
  readonly #parsed = new Map<string, Promise<unknown>>();
  #entry: Promise<IndexEntry> | undefined;
  #stemmers: Promise<Stemmer[]> | undefined;
  /** The entry's fingerprints of the pairs whose set is a file, read when a search first looks a pair up. */
  #pairSets: Uint32Array | undefined;

  constructor(source: IndexSource) {
    this.#source = source;
  }

  /** A file, loaded once; one that could not be loaded is asked for again next time. */
  #file(path: string): Promise<Uint8Array> {
    let found = this.#files.get(path);
    if (found === undefined) {
      found = this.#source.file(path).catch((cause: unknown) => {
        this.#files.delete(path);
        throw new IndexPartUnavailable(path, cause);
      });
      this.#files.set(path, found);
    }
    return found;
  }

  /** A file read into what it holds, once. */
  #read<T>(path: string, parse: (bytes: Uint8Array) => T): Promise<T> {
    let found = this.#parsed.get(path) as Promise<T> | undefined;
    if (found === undefined) {
      found = this.#file(path).then(parse);
      found.catch(() => this.#parsed.delete(path));
      this.#parsed.set(path, found);
    }
    return found;
  }

  entry(): Promise<IndexEntry> {
    this.#entry ??= this.#file(SEARCH_ENTRY_FILE).then((bytes) => parseEntry(new TextDecoder().decode(bytes)));
    this.#entry.catch(() => (this.#entry = undefined));
    return this.#entry;
  }

  /** The stemmers of the archive's languages (none for a language without one). */
  stemmers(): Promise<Stemmer[]> {
    this.#stemmers ??= this.entry().then(({ stemmers }) => Promise.all(stemmers.map(([language, script]) => this.#source.stemmer(language, script))));
    this.#stemmers.catch(() => (this.#stemmers = undefined));
    return this.#stemmers;
  }

  #shard(file: string): Promise<DictionaryEntry[]> {
    return this.#read(file, (bytes) => readShard(bytes, file));
  }

  /**
   * The terms a query word (stemmed) stands for: those it starts, as a word
   * still being typed, within a few shards (only itself for a word of one
   * letter); else the longest term that starts it ("coffeemachines" finds
   * "coffee"). Pairs of words are never among them.
   */
  async extensions(stem: string): Promise<DictionaryEntry[]> {
    const entry = await this.entry();
    const shards = await this.#shardsAround(entry.words, stem);
    const first = shardOf(shards, stem);
    if (first < 0) return [];
    this.#prefetch(entry, stem, shards[first]?.[1] ?? "");
    const found: DictionaryEntry[] = [];
    for (let at = first; at < Math.min(shards.length, first + MOST_SHARDS_A_WORD); at += 1) {
      const entries = await this.#shard(shards[at]?.[1] ?? "");
      const extending = entries.filter((entry) => (Array.from(stem).length === 1 ? entry.term === stem : entry.term.startsWith(stem)));
      found.push(...extending);
      // The next shard can hold more only when this one's last term extends the word.
      const last = entries[entries.length - 1];
      if (last === undefined || !last.term.startsWith(stem) || Array.from(stem).length === 1) break;
    }
    if (found.length > 0) return found;
    const entries = await this.#shard(shards[first]?.[1] ?? "");
    const longest = entries.reduce<DictionaryEntry | undefined>(
      (best, entry) => (stem.startsWith(entry.term) && entry.term.length > (best?.term.length ?? 0) ? entry : best),
      undefined,
    );
    return longest === undefined ? [] : [longest];
  }

  /** A common term's first files are asked for with its shard (`shard`), not after it: the search will read them. */
  #prefetch(entry: IndexEntry, term: string, shard: string): void {
    for (const file of filesWithShard(entry, term, shard)) this.#file(file).catch(() => undefined);
  }

  /**
   * When two or more of a query's terms are among the commonest tiered ones,
   * asks for every block of their best postings now, with their shards: where
   * common words meet, the ranker reads past their first blocks before it
   * knows the best articles, and a block asked for after the one before costs
   * a round trip each.
   */
  async askBlocksTogether(terms: readonly string[]): Promise<void> {
    const entry = await this.entry();
    for (const [term, blocks] of blocksTogether(entry, terms)) {
      // Not awaited: a large dictionary's page of shards is asked for once, by the search that looks the word up.
      this.#shardsAround(entry.words, term).then(
        (shards) => {
          const shard = shards[shardOf(shards, term)]?.[1];
          if (shard === undefined) return;
          for (let block = 1; block < blocks; block += 1) this.#file(blockFile(shard, term, block)).catch(() => undefined);
        },
        () => undefined,
      );
    }
  }

  /** A pair of consecutive words ("async hook"), if the archive has it. */
  async pair(pair: string): Promise<DictionaryEntry | undefined> {
    const entry = await this.entry();
    const shards = await this.#shardsAround(entry.pairs, pair);
    const at = shardOf(shards, pair);
    if (at < 0) return undefined;
    const shard = shards[at]?.[1] ?? "";
    // A common pair's set is asked for with its shard, not after it: the ranking waits for it.
    this.#pairSets ??= readFingerprints(entry.pairSets);
    for (const file of pairFilesWithShard(this.#pairSets, pair, shard)) this.#file(file).catch(() => undefined);
    return (await this.#shard(shard)).find((entry) => entry.term === pair);
  }

  /** The shards among which a term is: the list itself, or the page of a paged one that holds its place (a word is extended within that page). */
  async #shardsAround(list: ShardList, term: string): Promise<readonly (readonly [string, string])[]> {
    if (!list.paged) return list.shards;
    const page = list.shards[shardOf(list.shards, term)];
    return page === undefined ? [] : this.#read(page[1], readDirectory);
  }

  /** A term's documents. */
  async docs(entry: DictionaryEntry): Promise<Uint32Array> {
    const { postings } = entry;
    if (postings.kind === "inline" || postings.kind === "inline-set") return postings.docs;
    if (postings.kind === "file") return (await this.values(entry)).docs;
    const file = postings.kind === "set-file" ? postings.file : postings.tiers.set;
    return this.#read(file, (bytes) => readSets(bytes)[0] ?? new Uint32Array(0));
  }

  /** All the postings of a term that is not tiered. */
  async values(entry: DictionaryEntry): Promise<Values> {
    const { postings } = entry;
    if (postings.kind === "inline") return postings;
    if (postings.kind !== "file") throw new Error(`the search index's ${entry.term} has no values of its own`);
    return this.#read(postings.file, (bytes) => readValues(new ByteReader(bytes)));
  }

  /** A block of a tiered term's best postings. */
  block(file: string): Promise<Values> {
    return this.#read(file, (bytes) => readValues(new ByteReader(bytes)));
  }

  /** A chunk of a tiered term's values. */
  chunk(file: string): Promise<{ readonly impacts: Uint8Array; readonly flags: Uint8Array }> {
    return this.#read(file, readChunk);
  }

  /** The documents of each category, in the entry's order. */
  async categorySets(): Promise<DocSet[]> {
    const { filters, documents } = await this.entry();
    return this.#read(filters, (bytes) => readSets(bytes).map((docs) => DocSet.of(documents, docs)));
  }

  /** Each document's day (days since 1970-01-01). */
  async days(): Promise<Int32Array> {
    return this.#read((await this.entry()).days, readDays);
  }

  async vocabulary(): Promise<[string, number][]> {
    return this.#read((await this.entry()).vocabulary, readVocabulary);
  }

  /** What a result shows of a document but its excerpt. */
  async fragment(doc: number): Promise<Fragment> {
    const [folder, place] = await this.#placeOf(doc);
    return this.#read(fragmentFile(folder, place), (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Fragment);
  }

  /** A document's text, from which its excerpt is cut. */
  async fragmentText(doc: number): Promise<string> {
    const [folder, place] = await this.#placeOf(doc);
    return this.#read(fragmentTextFile(folder, place), (bytes) => new TextDecoder().decode(bytes));
  }

  /** The folder of a document's period, and its place there. */
  async #placeOf(doc: number): Promise<[folder: string, place: number]> {
    const { periods } = await this.entry();
    const period = periods.findLast((candidate) => candidate.first <= doc);
    if (period === undefined) throw new Error(`the search index has no document ${doc}`);
    return [period.folder, doc - period.first];
  }
}
