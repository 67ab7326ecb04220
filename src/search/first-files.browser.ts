// Which of the index's files a search reads first, from the entry and the
// query alone: its words' dictionary shards and the files the entry names
// with them, its pairs' shards, the filters' and dates' files. The reader
// (index-reader.browser.ts) asks for them by these rules as the search goes;
// the search page's first script (browser/search-start.ts) asks for them all
// at once as soon as the entry is in, before the page's other scripts have
// arrived, and the search then finds them asked for already.
import type { IndexEntry, ShardList } from "./index-format.browser.ts";
import { parseQuery } from "./query.browser.ts";
import { blockFile, listsPair, setFile, valuesFile } from "./term-files.browser.ts";
import { isNumberTerm } from "../text/numbers.browser.ts";
import type { Stemmer } from "../text/stemmers.ts";

/** The shard a term would be in: the last whose first term is not after it (the first for a term before all); -1 when there is none. */
export function shardOf(shards: readonly (readonly [string, string])[], term: string): number {
  let low = 0;
  let high = shards.length - 1;
  let found = shards.length === 0 ? -1 : 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((shards[middle]?.[0] ?? "") <= term) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** A query word's stems: itself for a number term or an archive without stemmers, else one by each stemmer. */
export function stemsOfWord(stemmers: readonly Stemmer[], term: string, number: boolean): string[] {
  return number || stemmers.length === 0 ? [term] : [...new Set(stemmers.map((stem) => stem(term)))];
}

/** The files of a common term (one the entry lists) a search reads first, asked for with its shard (`shard`) rather than after it. */
export function filesWithShard(entry: IndexEntry, term: string, shard: string): string[] {
  const blocks = entry.prefetch.find(([known]) => known === term)?.[1];
  if (blocks === undefined) return [];
  return blocks === 0 ? [valuesFile(shard, term)] : [setFile(shard, term), blockFile(shard, term, 0)];
}

/**
 * The commonest tiered terms among `terms`, with their number of blocks,
 * when two or more meet (none otherwise): a search ranks them from deep in
 * their blocks, so it asks for every block at once, with their shards.
 */
export function blocksTogether(entry: IndexEntry, terms: readonly string[]): (readonly [term: string, blocks: number])[] {
  const wanted = new Set(terms);
  const common = entry.prefetch.filter(([term, blocks]) => blocks > 1 && wanted.has(term));
  return common.length < 2 ? [] : common;
}

/** A pair's set, when the entry lists the pair (its fingerprint among `fingerprints`): asked for with the pair's shard, as the ranking waits for it. */
export function pairFilesWithShard(fingerprints: Uint32Array, pair: string, shard: string): string[] {
  return listsPair(fingerprints, pair) ? [setFile(shard, pair)] : [];
}

/** What a search is asked, as far as the files it reads first depend on it. */
interface FirstFilesRequest {
  readonly query: string;
  readonly category: string;
  readonly sort: "relevance" | "newest";
}

/**
 * The files a search for `request` reads before it can rank, in no order:
 * every word's shard (with its listed files, and where common words meet
 * all their blocks), every pair's shard (with its listed set), the category
 * sets when a category is chosen, the days when the query names a date. For
 * a dictionary whose list of shards is paged, a term's page of shards only:
 * its shard is known once the page is read.
 */
export function firstFiles(entry: IndexEntry, request: FirstFilesRequest, stemmers: readonly Stemmer[], pairFingerprints: Uint32Array): string[] {
  const query = parseQuery(request.query, entry.months);
  const files = new Set<string>();
  const shardFor = (list: ShardList, term: string): string | undefined => {
    const at = shardOf(list.shards, term);
    const file = list.shards[at]?.[1];
    if (file !== undefined) files.add(file);
    return list.paged ? undefined : file;
  };
  const wordStems = query.words.map((word) => stemsOfWord(stemmers, word.term, word.number));
  const shards = new Map<string, string | undefined>();
  for (const stem of wordStems.flat()) {
    const shard = shardFor(entry.words, stem);
    shards.set(stem, shard);
    if (shard !== undefined) for (const file of filesWithShard(entry, stem, shard)) files.add(file);
  }
  const relevance = request.sort === "relevance";
  if (relevance) {
    for (const [term, blocks] of blocksTogether(entry, wordStems.flat())) {
      const shard = shards.get(term);
      if (shard !== undefined) for (let block = 1; block < blocks; block += 1) files.add(blockFile(shard, term, block));
    }
  }
  const pairsOf = (before: readonly string[], after: readonly string[]): void => {
    for (const first of before) {
      for (const second of after) {
        const pair = `${first} ${second}`;
        const shard = shardFor(entry.pairs, pair);
        if (shard !== undefined) for (const file of pairFilesWithShard(pairFingerprints, pair, shard)) files.add(file);
      }
    }
  };
  if (relevance) for (let at = 1; at < wordStems.length; at += 1) pairsOf(wordStems[at - 1] ?? [], wordStems[at] ?? []);
  for (const tokens of query.phrases) {
    const stems = tokens.map((token) => stemsOfWord(stemmers, token, isNumberTerm(token)));
    for (let at = 1; at < stems.length; at += 1) pairsOf(stems[at - 1] ?? [], stems[at] ?? []);
  }
  if (request.category !== "") files.add(entry.filters);
  if (query.date !== undefined) files.add(entry.days);
  return [...files];
}
