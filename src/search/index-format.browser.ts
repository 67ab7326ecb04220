// The search index's files, written at build time (index-write.ts) and read
// by the search (index-reader.ts) in the browser or in Node. One global index
// over the whole archive, its documents numbered by date, oldest first:
//
// - the entry file (fixed name): the dictionary's shards by their first term,
//   the periods, years and categories, the other files' names;
// - dictionary shards (dictionary.browser.ts): terms in order, each with its
//   document frequency and its postings: inline when few, else the digest
//   of the file(s) holding them, which are named from it or from the shard;
// - term files: a term's documents with, for each, its impact (scoring.ts)
//   and meta flags; a frequent term's are tiered: its set of documents, its
//   best postings in blocks (best first), and all its values in chunks, so
//   that the best articles are found reading a fraction of them;
// - per period, two files per document: its fragment (what a result's line
//   shows: address, title, date, category; a few hundred bytes, read first)
//   and its text, from which the excerpt is cut (read alongside, shown when in);
// - the category sets, the documents' days, the vocabulary for suggestions.
//
// Every file but the entry and the fragments is named by its content (a
// term's files by their digest, or those a search reads first by their
// shard's name: term-files.browser.ts), so that a reader's saved
// copy never goes stale and a build keeps what did not change. Files are
// gzip-compressed (index-sinks.ts).
import { ByteReader, ByteWriter } from "./bytes.browser.ts";
import { readDocs, writeDocs } from "./doc-sets.browser.ts";

/**
 * Raised whenever a file's layout changes (2: postings inside shards up to 2 KB, shards keyed by their shortest
 * start; 3: a document's fragment without its text, which has a file of its own; 4: the entry names the commonest
 * tiered terms' further blocks; 5: a term's files named from its shard or digest, the entry listing which pairs have one,
 * and a shard's postings after their length, read when asked for), so that an older search page reading a newer
 * index says to load the page again rather than misread it.
 */
export const INDEX_FORMAT_VERSION = 5;

interface IndexPeriod {
  /** Its first document. */
  readonly first: number;
  /** The folder of its fragments, named by their content. */
  readonly folder: string;
  /** "2017–2021". */
  readonly label: string;
}

export interface IndexEntry {
  readonly version: number;
  readonly documents: number;
  /** The stemmers of the archive's languages (text/stemmers.ts), each with its script's path from the site's root (a theme file); a language without one is not listed. */
  readonly stemmers: readonly (readonly [language: string, script: string])[];
  /** For each month (January first): its names in the site's language, folded (long and short), which make a query a date. */
  readonly months: readonly (readonly string[])[];
  /** The dictionary's shards of words and number terms. */
  readonly words: ShardList;
  /** The shards of the pairs of consecutive words ("async hook"), which find phrases. */
  readonly pairs: ShardList;
  /**
   * The archive's commonest terms whose postings are files of their own
   * (term-files.browser.ts), each with its number of blocks (0 for a term of one
   * file): a search asks for the files it reads first (a term's file, or a
   * tiered term's set and first block) with the term's dictionary shard
   * rather than after it, which saves a common word a round trip; a query of
   * two or more tiered terms asks for their further blocks too
   * (IndexReader.askBlocksTogether).
   */
  readonly prefetch: readonly (readonly [term: string, blocks: number])[];
  /** The fingerprints of the commonest pairs of words whose set is a file (term-files.browser.ts), which a search asks for with the pair's shard. */
  readonly pairSets: string;
  /** Oldest first. */
  readonly periods: readonly IndexPeriod[];
  /** Each year that has articles and its first document, oldest first. */
  readonly years: readonly (readonly [year: number, firstDocument: number])[];
  /** Each category and how many articles it has, in the site's order. */
  readonly categories: readonly (readonly [name: string, documents: number])[];
  /** The file of the categories' sets of documents, in the order of `categories`. */
  readonly filters: string;
  /** The file of each document's day (days since 1970-01-01), for date queries. */
  readonly days: string;
  /** The file of the archive's common words, for suggestions. */
  readonly vocabulary: string;
}

/**
 * A dictionary's shards, by the first term of each. A large dictionary lists
 * them in pages of DIRECTORY_SHARDS (`paged`): then `shards` lists the pages,
 * by the first term of each, so that the entry stays small whatever the
 * archive's vocabulary.
 */
export interface ShardList {
  /** Each shard by the shortest start of its first term that sorts after the term before it: a term is in the last shard listed by a key not after it. */
  readonly shards: readonly (readonly [firstTerm: string, file: string])[];
  readonly paged: boolean;
}

/** The entry, read from its JSON; one of another version of the format is refused. */
export function parseEntry(json: string): IndexEntry {
  const entry = JSON.parse(json) as IndexEntry;
  if (entry.version !== INDEX_FORMAT_VERSION)
    throw new Error("the search index was written by another version of this site's search page; load the page again");
  return entry;
}

/** Values of a tiered term per chunk file. */
export const CHUNK_POSTINGS = 4096;

/** Postings: documents in order, and for each its impact and flags. */
export interface Values {
  readonly docs: Uint32Array;
  readonly impacts: Uint8Array;
  readonly flags: Uint8Array;
}

/** A term file, or a block of a tiered term: its postings. */
export function writeValues(writer: ByteWriter, docs: Uint32Array, impacts: Uint8Array, flags: Uint8Array): ByteWriter {
  writeDocs(writer, docs);
  return writer.bytes(impacts).bytes(flags);
}

export function readValues(reader: ByteReader): Values {
  const docs = readDocs(reader);
  return { docs, impacts: reader.bytes(docs.length).slice(), flags: reader.bytes(docs.length).slice() };
}

/** A chunk of a tiered term: impacts and flags of CHUNK_POSTINGS postings at most, in the order of its documents. */
export function writeChunk(impacts: Uint8Array, flags: Uint8Array): Uint8Array {
  return new ByteWriter().varint(impacts.length).bytes(impacts).bytes(flags).done();
}

export function readChunk(bytes: Uint8Array): { readonly impacts: Uint8Array; readonly flags: Uint8Array } {
  const reader = new ByteReader(bytes);
  const length = reader.varint();
  return { impacts: reader.bytes(length).slice(), flags: reader.bytes(length).slice() };
}

/** Sets of documents one after another (a term's set, the categories' sets). */
export function writeSets(sets: readonly (readonly number[] | Uint32Array)[]): Uint8Array {
  const writer = new ByteWriter().varint(sets.length);
  for (const docs of sets) writeDocs(writer, docs);
  return writer.done();
}

export function readSets(bytes: Uint8Array): Uint32Array[] {
  const reader = new ByteReader(bytes);
  return Array.from({ length: reader.varint() }, () => readDocs(reader));
}

/** Each document's day, in order: days from 1970-01-01 (before it for older articles), never fewer than the one before. */
export function writeDays(days: readonly number[]): Uint8Array {
  const writer = new ByteWriter().varint(days.length);
  for (const [at, day] of days.entries()) {
    // The first day from the earliest a calendar holds, so that it is never negative; the others as steps.
    writer.varint(at === 0 ? day + EARLIEST_DAY : day - (days[at - 1] ?? 0));
  }
  return writer.done();
}

/** Days before 1970-01-01 the first document's day may be: about 27,000 years. */
const EARLIEST_DAY = 10_000_000;

export function readDays(bytes: Uint8Array): Int32Array {
  const reader = new ByteReader(bytes);
  const days = new Int32Array(reader.varint());
  let day = -EARLIEST_DAY;
  for (let at = 0; at < days.length; at += 1) days[at] = day += reader.varint();
  return days;
}

/** The archive's common words, most common first, with how many documents hold each. */
export function writeVocabulary(words: readonly (readonly [word: string, documents: number])[]): Uint8Array {
  const writer = new ByteWriter().varint(words.length);
  for (const [word, documents] of words) writer.string(word).varint(documents);
  return writer.done();
}

export function readVocabulary(bytes: Uint8Array): [word: string, documents: number][] {
  const reader = new ByteReader(bytes);
  return Array.from({ length: reader.varint() }, () => [reader.string(), reader.varint()]);
}

/**
 * What a result shows of an article but its excerpt: all the second look at
 * the first results reads (ranking.ts), and small, so that the results show
 * without waiting for their texts.
 */
export interface Fragment {
  /** From the site's root. */
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly category: string;
}

/** A period's fragment file of one document: its place in the period. */
export function fragmentFile(folder: string, place: number): string {
  return `${folder}/${place}`;
}

/** A period's file of one document's text (UTF-8), from which its excerpt is cut: its place in the period. */
export function fragmentTextFile(folder: string, place: number): string {
  return `${folder}/${place}t`;
}
