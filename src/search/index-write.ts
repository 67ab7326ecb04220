// Writes the index assembled in memory (index-build.ts) as the files of
// index-format.browser.ts, through a sink that compresses them and keeps what the
// previous build already wrote: every file but the entry is named by its
// content (a term's files by their shard's, which holds their digest), and
// each period's fragments sit in a folder named by theirs, so an unchanged
// file or period is taken as it is, not written again.
import { createHash } from "node:crypto";
import type { ArticleToIndex, BuiltIndex, IndexedTerm, PeriodRange } from "./index-build.ts";
import {
  INDEX_FORMAT_VERSION,
  fragmentFile,
  fragmentTextFile,
  writeDays,
  writeSets,
  writeVocabulary,
  type Fragment,
  type IndexEntry,
  type ShardList,
} from "./index-format.browser.ts";
import { DIRECTORY_SHARDS, writeDirectory, writeShard, type WrittenEntry } from "./dictionary.browser.ts";
import { SEARCH_ENTRY_FILE } from "../core/search-files.browser.ts";
import { listsPair, readFingerprints, writeFingerprints } from "./term-files.browser.ts";
import { digestOf, docsLength, pairHasFile, pairPostingsOf, postingsOf, termHasFiles, valuesLength, type WrittenPostings } from "./postings-write.ts";

/** Where the index's files go: the sink compresses them, and takes a file or folder named by its content from the previous build when it has it. */
export interface IndexSink {
  /** Whether the previous build has this file (a path in the index's folder), which is then kept. */
  reuse(path: string): boolean;
  /** Whether the previous build has this folder of `files` fragments, which is then kept. */
  reuseFolder(folder: string, files: number): boolean;
  write(path: string, payload: Uint8Array): void;
}

/** A dictionary shard's size, as written before compression: about what one search should load for a word. */
const SHARD_BYTES = 32_768;
/** The commonest terms the entry names the first files of (IndexEntry.prefetch). */
const PREFETCHED_TERMS = 128;
/**
 * The commonest pairs of words whose set files the entry lists (by fingerprint:
 * term-files.browser.ts), which a search of several words reads with its shards. About
 * 2 bytes each, so at most 11 KB more of the entry's JSON every search loads first (8 KB compressed).
 */
const LISTED_PAIR_SETS = 4096;

interface WrittenIndex {
  readonly entry: IndexEntry;
  /** Files written, and taken from the previous build. */
  readonly written: number;
  readonly reused: number;
}

/** The files of the terms (dictionary shards and postings), as the entry names them, and how many were written and taken from the previous build. */
interface TermFiles extends Pick<IndexEntry, "words" | "pairs" | "prefetch" | "pairSets"> {
  readonly written: number;
  readonly reused: number;
}

/** A period's documents as its folder holds them: each one's fragment (as JSON) and text, before they are encoded. */
export interface PeriodToWrite extends Pick<PeriodRange, "first" | "label"> {
  readonly documents: readonly (readonly [fragment: string, text: string])[];
}

/** The periods as the entry lists them, and how many files were written and taken from the previous build. */
export interface WrittenPeriods {
  readonly periods: IndexEntry["periods"];
  readonly written: number;
  readonly reused: number;
}

/** Where a name is placed once: two parts named by the same content (two categories of the same articles) are one file. */
class Placer {
  readonly #sink: IndexSink;
  readonly #placed = new Set<string>();
  written = 0;
  reused = 0;

  constructor(sink: IndexSink) {
    this.#sink = sink;
  }

  /** Places a part named by its content, with its prefix. */
  place(prefix: string, payload: Uint8Array): string {
    return this.placeAs(`${prefix}-${digestOf([payload])}`, payload);
  }

  placeAs(name: string, payload: Uint8Array): string {
    if (this.#placed.has(name)) return name;
    this.#placed.add(name);
    if (this.#sink.reuse(name)) this.reused += 1;
    else {
      this.#sink.write(name, payload);
      this.written += 1;
    }
    return name;
  }

  /** A term's files, named from its shard's or their digest (term-files.browser.ts): placed once the shard is. */
  placeFiles(files: readonly [string, Uint8Array][]): void {
    for (const [file, payload] of files) {
      if (this.#placed.has(file)) throw new Error(`the search index would name two different files ${file}, a chance of one in 2^64: please report it`);
      this.placeAs(file, payload);
    }
  }
}

/** Writes the dictionary's shards and the terms' files into `sink`. */
export function writeTermFiles(built: BuiltIndex, sink: IndexSink): TermFiles {
  const placer = new Placer(sink);
  const place = placer.place.bind(placer);
  const placeFiles = placer.placeFiles.bind(placer);
  // The terms the entry lists, whose first files a search asks for with their shard: known before any shard is written.
  const wordsWithFiles = new Set(built.terms.filter(termHasFiles));
  const pairsWithFiles = new Set(built.pairs.filter(pairHasFile));
  const listedWords = new Set(commonest([...wordsWithFiles], PREFETCHED_TERMS).map((term) => term.term));
  const pairFingerprints = writeFingerprints(commonest([...pairsWithFiles], LISTED_PAIR_SETS).map((pair) => pair.term));
  const listedPairs = readFingerprints(pairFingerprints);
  const prefetch: [term: string, documents: number, blocks: number][] = [];
  const words = shardList(
    writeShards(
      built.terms,
      (term) => {
        const written = postingsOf(term, wordsWithFiles.has(term));
        const { postings } = written;
        if (listedWords.has(term.term) && (postings.kind === "file" || postings.kind === "tiered"))
          prefetch.push([term.term, term.docs.length, postings.kind === "tiered" ? postings.tiers.blocks.length : 0]);
        return { ...written, fromShard: listedWords.has(term.term) };
      },
      place,
      placeFiles,
    ),
    place,
  );
  const pairs = shardList(
    writeShards(
      built.pairs,
      // A pair not listed but of a listed pair's fingerprint is named from its shard too, as a search will take it.
      (pair) => ({ ...pairPostingsOf(pair, pairsWithFiles.has(pair)), fromShard: listsPair(listedPairs, pair.term) }),
      place,
      placeFiles,
    ),
    place,
  );
  return {
    words,
    pairs,
    prefetch: prefetch.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term, , blocks]) => [term, blocks]),
    pairSets: pairFingerprints,
    written: placer.written,
    reused: placer.reused,
  };
}

/** The documents of each period, as `writePeriods` takes them: of `articles`, in the ranges `buildIndex` made of them. */
export function periodsToWrite(articles: readonly ArticleToIndex[], ranges: readonly PeriodRange[]): PeriodToWrite[] {
  return ranges.map(({ first, end, label }) => ({
    first,
    label,
    documents: articles.slice(first, end).map((article): [string, string] => {
      // A result's line apart from its text: a first search reads the fragments before the texts arrive.
      const fragment: Fragment = { url: article.url, title: article.title, date: article.dateText, category: article.category };
      return [JSON.stringify(fragment), article.record.text];
    }),
  }));
}

/** A period's documents' fragments and texts, encoded, and the name of their folder (periodFolderName). */
function periodFolderOf(period: PeriodToWrite): { readonly folder: string; readonly payloads: readonly (readonly [Uint8Array, Uint8Array])[] } {
  const encoder = new TextEncoder();
  return { folder: periodFolderName(period), payloads: period.documents.map(([fragment, text]) => [encoder.encode(fragment), encoder.encode(text)] as const) };
}

/**
 * The name of a period's folder, from all its documents' fragments and texts
 * as written (UTF-8), each after its length in bytes. Hashed from the
 * strings: an edit of a large archive names every period's folder to keep
 * those it has, and encoding every document only to hash it took 1.25 s of
 * an edit at 100,000 articles.
 */
export function periodFolderName(period: PeriodToWrite): string {
  const hash = createHash("sha256").update(String(INDEX_FORMAT_VERSION));
  for (const pair of period.documents) for (const written of pair) hash.update(String(Buffer.byteLength(written, "utf8"))).update(written, "utf8");
  return `p-${hash.digest("hex").slice(0, 16)}`;
}

/**
 * Writes each period's documents' fragments and texts into a folder named by
 * all of them, unless the previous build has that folder.
 */
export function writePeriods(periods: readonly PeriodToWrite[], sink: IndexSink): WrittenPeriods {
  let written = 0;
  let reused = 0;
  const listed = periods.map((period) => {
    const { folder, payloads } = periodFolderOf(period);
    // Two files a document: its fragment and its text.
    if (sink.reuseFolder(folder, 2 * payloads.length)) reused += 2 * payloads.length;
    else {
      for (const [at, [fragment, text]] of payloads.entries()) {
        sink.write(fragmentFile(folder, at), fragment);
        sink.write(fragmentTextFile(folder, at), text);
      }
      written += 2 * payloads.length;
    }
    return { first: period.first, folder, label: period.label };
  });
  return { periods: listed, written, reused };
}

/** Writes the entry, which names the files `terms` and `periods` wrote, and the filters', days' and vocabulary's files, which it names too. */
export function writeEntry(
  built: BuiltIndex,
  terms: TermFiles,
  periods: WrittenPeriods,
  sink: IndexSink,
  stemmerScripts: ReadonlyMap<string, string>,
  monthNames: readonly (readonly string[])[],
): WrittenIndex {
  const placer = new Placer(sink);
  const entry: IndexEntry = {
    version: INDEX_FORMAT_VERSION,
    documents: built.documents,
    stemmers: built.languages.flatMap((language) => {
      const script = stemmerScripts.get(language);
      return script === undefined ? [] : [[language, script] as const];
    }),
    months: monthNames,
    words: terms.words,
    pairs: terms.pairs,
    prefetch: terms.prefetch,
    pairSets: terms.pairSets,
    periods: periods.periods,
    years: built.years,
    categories: built.categories,
    filters: placer.place("f", writeSets(built.categorySets)),
    days: placer.place("y", writeDays(built.days)),
    vocabulary: placer.place("v", writeVocabulary(built.vocabulary)),
  };
  sink.write(SEARCH_ENTRY_FILE, new TextEncoder().encode(JSON.stringify(entry)));
  return { entry, written: terms.written + periods.written + placer.written + 1, reused: terms.reused + periods.reused + placer.reused };
}

/** The `count` terms of the most documents (the first in order among equals). */
function commonest(terms: readonly IndexedTerm[], count: number): IndexedTerm[] {
  return [...terms].sort((a, b) => b.docs.length - a.docs.length || (a.term < b.term ? -1 : 1)).slice(0, count);
}

/**
 * The dictionary's shards of these terms, each about SHARD_BYTES, with their
 * first terms; each shard's terms' files are given to `placeFiles`, named
 * from the shard when `fromShard`, else from their digest.
 */
function writeShards(
  terms: readonly IndexedTerm[],
  postingsOf: (term: IndexedTerm) => WrittenPostings & { readonly fromShard: boolean },
  place: (prefix: string, payload: Uint8Array) => string,
  placeFiles: (files: readonly [string, Uint8Array][]) => void,
): [string, string][] {
  const shards: [string, string][] = [];
  let entries: WrittenEntry[] = [];
  let filesOf: (readonly [files: WrittenPostings["files"], fromShard: boolean, digest: string])[] = [];
  let size = 0;
  let previousLast: string | undefined;
  const flush = (): void => {
    const first = entries[0];
    if (first === undefined) return;
    const shard = place("d", writeShard(entries));
    for (const [files, fromShard, digest] of filesOf) placeFiles(files(fromShard ? shard : digest));
    shards.push([previousLast === undefined ? first.term : separatorBetween(previousLast, first.term), shard]);
    previousLast = entries[entries.length - 1]?.term;
    entries = [];
    filesOf = [];
    size = 0;
  };
  for (const term of terms) {
    const { postings, files, fromShard, digest } = postingsOf(term);
    entries.push({ term: term.term, documents: term.docs.length, postings, fromShard });
    filesOf.push([files, fromShard, digest]);
    size += term.term.length + 4 + (postings.kind === "inline" ? valuesLength(postings.docs) : postings.kind === "inline-set" ? docsLength(postings.docs) : 24);
    if (size >= SHARD_BYTES) flush();
  }
  flush();
  return shards;
}

/**
 * The shortest start of `next` that sorts after `last` (the terms being in
 * order): what a shard is listed by, since a search only asks which shard a
 * term would be in. A dictionary's shards often start with long words (a
 * commit hash, a pair of words) of which a letter or two tell them apart,
 * and the entry, which every search loads first, lists them all.
 */
function separatorBetween(last: string, next: string): string {
  let length = 1;
  while (length < next.length && next.slice(0, length) <= last) length += 1;
  return next.slice(0, length);
}

/** The shards as the entry lists them: in pages of DIRECTORY_SHARDS when there are more. */
function shardList(shards: readonly [string, string][], place: (prefix: string, payload: Uint8Array) => string): ShardList {
  if (shards.length <= DIRECTORY_SHARDS) return { shards, paged: false };
  const pages: [string, string][] = [];
  for (let first = 0; first < shards.length; first += DIRECTORY_SHARDS) {
    const page = shards.slice(first, first + DIRECTORY_SHARDS);
    pages.push([page[0]?.[0] ?? "", place("x", writeDirectory(page))]);
  }
  return { shards: pages, paged: true };
}
