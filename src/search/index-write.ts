// Writes the index assembled in memory (index-build.ts) as the files of
// index-format.browser.ts, through a sink that compresses them and keeps what the
// previous build already wrote: every file but the entry is named by its
// content, and each period's fragments sit in a folder named by theirs, so
// an unchanged file or period is taken as it is, not written again.
import { createHash } from "node:crypto";
import { ByteWriter } from "./bytes.browser.ts";
import type { ArticleToIndex, BuiltIndex, IndexedTerm } from "./index-build.ts";
import {
  CHUNK_POSTINGS,
  DIRECTORY_SHARDS,
  INDEX_FORMAT_VERSION,
  fragmentFile,
  fragmentTextFile,
  writeChunk,
  writeDays,
  writeDirectory,
  writeSets,
  writeShard,
  writeValues,
  writeVocabulary,
  type DictionaryEntry,
  type Fragment,
  type IndexEntry,
  type Postings,
  type ShardList,
} from "./index-format.browser.ts";
import { writeDocs } from "./doc-sets.browser.ts";
import { postingKey } from "./scoring.browser.ts";
import { SEARCH_ENTRY_FILE } from "../core/search-files.browser.ts";

/** Where the index's files go: the sink compresses them, and takes a file or folder named by its content from the previous build when it has it. */
export interface IndexSink {
  /** Whether the previous build has this file (a path in the index's folder), which is then kept. */
  reuse(path: string): boolean;
  /** Whether the previous build has this folder of `files` fragments, which is then kept. */
  reuseFolder(folder: string, files: number): boolean;
  write(path: string, payload: Uint8Array): void;
}

/**
 * The most bytes of postings (as written, before compression) a dictionary
 * shard holds itself, so that the term costs no file of its own. A file
 * costs the search a round trip after its shard (150 ms on 4G, the time
 * 170 KB take to arrive at 9 Mbps), so a term's postings ride with its
 * shard up to a size where they would crowd out the shard's other terms;
 * fewer terms a shard makes more shards, which only lengthens the entry's
 * list of them a little.
 */
const INLINE_BYTES = 2048;
/** A term of more documents than this is tiered: its best postings found without reading the rest. */
const TIERED_POSTINGS = 4096;
/** The first block of a tiered term's best postings; each next one is twice as big. */
const FIRST_BLOCK = 1024;
/** Blocks hold a tiered term's best quarter: reading further, a search reads its values whole. */
const BLOCKED_SHARE = 0.25;
/** A dictionary shard's size, as written before compression: about what one search should load for a word. */
const SHARD_BYTES = 32_768;
/** The commonest terms the entry names the first files of (IndexEntry.prefetch). */
const PREFETCHED_TERMS = 128;
/** The commonest pairs of words the entry names the set file of (IndexEntry.prefetch), which a search of several words reads with its shards. */
const PREFETCHED_PAIRS = 64;

interface WrittenIndex {
  readonly entry: IndexEntry;
  /** Files written, and taken from the previous build. */
  readonly written: number;
  readonly reused: number;
}

/**
 * Writes the index's files into `sink`, the entry last. `articles` are the
 * ones `built` was made from, in the same order (their fragments);
 * `stemmerScripts` names each language's stemmer script, written already;
 * `monthNames` are the site's, folded.
 */
export function writeIndex(
  built: BuiltIndex,
  articles: readonly ArticleToIndex[],
  sink: IndexSink,
  stemmerScripts: ReadonlyMap<string, string>,
  monthNames: readonly (readonly string[])[],
): WrittenIndex {
  let written = 0;
  let reused = 0;
  // Two parts with the same content (two rare words in the same articles) are one file.
  const placed = new Set<string>();
  const place = (prefix: string, payload: Uint8Array): string => {
    const name = `${prefix}-${createHash("sha256").update(payload).digest("hex").slice(0, 16)}`;
    if (placed.has(name)) return name;
    placed.add(name);
    if (sink.reuse(name)) reused += 1;
    else {
      sink.write(name, payload);
      written += 1;
    }
    return name;
  };
  const filesFirstRead: [term: string, documents: number, files: string[], furtherBlocks?: string[]][] = [];
  const words = shardList(
    writeShards(
      built.terms,
      (term) => {
        const postings = postingsOf(term, place);
        if (postings.kind === "file") filesFirstRead.push([term.term, term.docs.length, [postings.file]]);
        if (postings.kind === "tiered") {
          const blocks = postings.tiers.blocks.map((block) => block.file);
          filesFirstRead.push([term.term, term.docs.length, [postings.tiers.set, ...blocks.slice(0, 1)], blocks.slice(1)]);
        }
        return postings;
      },
      place,
    ),
    place,
  );
  const pairFiles: [pair: string, documents: number, files: string[]][] = [];
  const pairs = shardList(
    writeShards(
      built.pairs,
      (pair) => {
        const postings = postingsOf(pair, place);
        if (postings.kind === "set-file") pairFiles.push([pair.term, pair.docs.length, [postings.file]]);
        return postings;
      },
      place,
    ),
    place,
  );
  const periods = built.periods.map((period) => {
    const payloads = articles.slice(period.first, period.end).map((article) => fragmentPayloads(article));
    const hash = createHash("sha256").update(String(INDEX_FORMAT_VERSION));
    for (const pair of payloads) for (const payload of pair) hash.update(String(payload.length)).update(payload);
    const folder = `p-${hash.digest("hex").slice(0, 16)}`;
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
  const entry: IndexEntry = {
    version: INDEX_FORMAT_VERSION,
    documents: built.documents,
    stemmers: built.languages.flatMap((language) => {
      const script = stemmerScripts.get(language);
      return script === undefined ? [] : [[language, script] as const];
    }),
    months: monthNames,
    words,
    pairs,
    prefetch: [...commonest(filesFirstRead, PREFETCHED_TERMS), ...commonest(pairFiles, PREFETCHED_PAIRS)],
    periods,
    years: built.years,
    categories: built.categories,
    filters: place("f", writeSets(built.categorySets)),
    days: place("y", writeDays(built.days)),
    vocabulary: place("v", writeVocabulary(built.vocabulary)),
  };
  sink.write(SEARCH_ENTRY_FILE, new TextEncoder().encode(JSON.stringify(entry)));
  return { entry, written: written + 1, reused };
}

/** The `count` terms of the most documents, with their files. */
function commonest(
  terms: [term: string, documents: number, files: string[], furtherBlocks?: string[]][],
  count: number,
): ([string, string[]] | [string, string[], string[]])[] {
  return terms
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term, , files, further]) => (further === undefined || further.length === 0 ? [term, files] : [term, files, further]));
}

/** The dictionary's shards of these terms, each about SHARD_BYTES, with their first terms. */
function writeShards(
  terms: readonly IndexedTerm[],
  postingsOf: (term: IndexedTerm) => Postings,
  place: (prefix: string, payload: Uint8Array) => string,
): [string, string][] {
  const shards: [string, string][] = [];
  let entries: DictionaryEntry[] = [];
  let size = 0;
  let previousLast: string | undefined;
  const flush = (): void => {
    const first = entries[0];
    if (first === undefined) return;
    shards.push([previousLast === undefined ? first.term : separatorBetween(previousLast, first.term), place("d", writeShard(entries))]);
    previousLast = entries[entries.length - 1]?.term;
    entries = [];
    size = 0;
  };
  for (const term of terms) {
    const postings = postingsOf(term);
    entries.push({ term: term.term, documents: term.docs.length, postings });
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

/** Where a term's postings go, by how many documents hold it; the files they need are placed. */
function postingsOf(term: IndexedTerm, place: (prefix: string, payload: Uint8Array) => string): Postings {
  const { docs, values } = term;
  if (values === undefined) {
    if (docsLength(docs) <= INLINE_BYTES) return { kind: "inline-set", docs };
    return { kind: "set-file", file: place("s", writeSets([docs])) };
  }
  if (docs.length <= TIERED_POSTINGS) {
    if (valuesLength(docs) <= INLINE_BYTES) return { kind: "inline", docs, impacts: values.impacts, flags: values.flags };
    return { kind: "file", file: place("t", writeValues(new ByteWriter(), docs, values.impacts, values.flags).done()) };
  }
  const order = bestFirst(values.impacts, values.flags);
  const keyAt = (at: number): number => postingKey(values.impacts[order[at] ?? 0] ?? 0, values.flags[order[at] ?? 0] ?? 0);
  const blocks: { file: string; maxKey: number }[] = [];
  let covered = 0;
  for (let size = FIRST_BLOCK; covered < Math.max(docs.length * BLOCKED_SHARE, FIRST_BLOCK) && covered < docs.length; size *= 2) {
    const held = Array.from(order.subarray(covered, covered + size)).sort((a, b) => a - b);
    const block = new ByteWriter();
    writeValues(
      block,
      Uint32Array.from(held, (at) => docs[at] ?? 0),
      Uint8Array.from(held, (at) => values.impacts[at] ?? 0),
      Uint8Array.from(held, (at) => values.flags[at] ?? 0),
    );
    blocks.push({ file: place("b", block.done()), maxKey: keyAt(covered) });
    covered += held.length;
  }
  const chunks: string[] = [];
  for (let first = 0; first < docs.length; first += CHUNK_POSTINGS)
    chunks.push(place("c", writeChunk(values.impacts.subarray(first, first + CHUNK_POSTINGS), values.flags.subarray(first, first + CHUNK_POSTINGS))));
  return {
    kind: "tiered",
    tiers: {
      set: place("s", writeSets([docs])),
      blocks,
      restMaxKey: covered < docs.length ? keyAt(covered) : 0,
      chunks,
      minImpact: values.impacts.reduce((least, impact) => Math.min(least, impact), 255),
    },
  };
}

/**
 * Counts the bytes a ByteWriter is given, keeping none: whether a term's
 * postings fit in its shard is known without writing them. One counter
 * serves the whole index (a writer's first buffer, made for each of
 * hundreds of thousands of terms, was the cost).
 */
class ByteCounter extends ByteWriter {
  counted = 0;

  override varint(value: number): this {
    for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) this.counted += 1;
    this.counted += 1;
    return this;
  }

  override byte(): this {
    this.counted += 1;
    return this;
  }

  override bytes(values: Uint8Array): this {
    this.counted += values.length;
    return this;
  }
}

const counter = new ByteCounter();

/** How many bytes writeDocs writes for a set of documents, counted without writing them. */
function docsLength(docs: Uint32Array): number {
  counter.counted = 0;
  writeDocs(counter, docs);
  return counter.counted;
}

/** How many bytes writeValues writes for postings of these documents: the documents, then an impact and flags each. */
function valuesLength(docs: Uint32Array): number {
  return docsLength(docs) + 2 * docs.length;
}

/** The places of postings best first: by key (impact and meta, scoring.browser.ts), then by document; a counting sort, keys being few. */
function bestFirst(impacts: Uint8Array, flags: Uint8Array): Uint32Array {
  const keys = Uint16Array.from(impacts, (impact, at) => postingKey(impact, flags[at] ?? 0));
  const most = keys.reduce((top, key) => Math.max(top, key), 0);
  const starts = new Uint32Array(most + 2);
  for (const key of keys) starts[most - key + 1] = (starts[most - key + 1] ?? 0) + 1;
  for (let key = 1; key < starts.length; key += 1) starts[key] = (starts[key] ?? 0) + (starts[key - 1] ?? 0);
  const order = new Uint32Array(keys.length);
  for (const [at, key] of keys.entries()) {
    const slot = most - key;
    order[starts[slot] ?? 0] = at;
    starts[slot] = (starts[slot] ?? 0) + 1;
  }
  return order;
}

/** A document's fragment (what its result shows but the excerpt) and its text, apart: a first search reads the fragments before the texts arrive. */
function fragmentPayloads(article: ArticleToIndex): [fragment: Uint8Array, text: Uint8Array] {
  const fragment: Fragment = { url: article.url, title: article.title, date: article.dateText, category: article.category };
  const encoder = new TextEncoder();
  return [encoder.encode(JSON.stringify(fragment)), encoder.encode(article.record.text)];
}
