// Where a term's postings go in the search index (index-format.browser.ts):
// in its dictionary shard when they are few, else in a file of their own,
// tiered when many (a set, best postings in blocks, all values in chunks).
// How big they are is counted without writing them.
import { createHash } from "node:crypto";
import { ByteWriter } from "./bytes.browser.ts";
import { placesInOrder, stableSortBy } from "./counting-sort.ts";
import type { IndexedTerm } from "./index-build.ts";
import { CHUNK_POSTINGS, writeChunk, writeSets, writeValues } from "./index-format.browser.ts";
import type { Postings } from "./dictionary.browser.ts";
import { writeDocs } from "./doc-sets.browser.ts";
import { postingKey } from "./scoring.browser.ts";
import { blockFile, chunkDigestOf, chunkFile, setFile, valuesFile } from "./term-files.browser.ts";

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
/** A term's postings as its shard holds them, and the files they need, once the shard's name is known. */
export interface WrittenPostings {
  readonly postings: Postings;
  /**
   * The files of the postings, by name (term-files.browser.ts): those a
   * search reads first from `base` (the name of the shard that holds the
   * term when the entry lists it, else `digest`), the others from `digest`.
   */
  files(base: string): [name: string, payload: Uint8Array][];
  /** The digest of the files' content, which the shard holds (empty when there are none). */
  readonly digest: string;
}

const NO_FILES = (): [string, Uint8Array][] => [];

/** Whether a pair's set is a file of its own (pairPostingsOf), not in its shard. */
export function pairHasFile(pair: IndexedTerm): boolean {
  // Each document takes a byte at least: fewer cannot outgrow the shard.
  return pair.docs.length > INLINE_BYTES / 4 && docsLength(pair.docs) > INLINE_BYTES;
}

/** Whether a term's postings are files of their own (postingsOf), not in its shard. */
export function termHasFiles(term: IndexedTerm): boolean {
  return term.docs.length > TIERED_POSTINGS || (term.docs.length > INLINE_BYTES / 6 && valuesLength(term.docs) > INLINE_BYTES);
}

/** A pair's set of documents: in its shard when small, else a file (`hasFile`: pairHasFile, worked out once by the caller). */
export function pairPostingsOf(pair: IndexedTerm, hasFile: boolean): WrittenPostings {
  if (!hasFile) return { postings: { kind: "inline-set", docs: pair.docs }, files: NO_FILES, digest: "" };
  const payload = writeSets([pair.docs]);
  const digest = digestOf([payload]);
  return { postings: { kind: "set-file", file: digest }, files: (base) => [[setFile(base, pair.term), payload]], digest };
}

/**
 * Where a term's postings go, by how many documents hold it: in its shard, in
 * a file, or tiered in several (`hasFiles`: termHasFiles, worked out once by
 * the caller).
 */
export function postingsOf(term: IndexedTerm, hasFiles: boolean): WrittenPostings {
  const { docs, values } = term;
  if (values === undefined) throw new Error(`the search index's term ${term.term} has no values`);
  if (docs.length <= TIERED_POSTINGS) {
    if (!hasFiles) return { postings: { kind: "inline", docs, impacts: values.impacts, flags: values.flags }, files: NO_FILES, digest: "" };
    const payload = writeValues(new ByteWriter(), docs, values.impacts, values.flags).done();
    const digest = digestOf([payload]);
    return { postings: { kind: "file", file: digest }, files: (base) => [[valuesFile(base, term.term), payload]], digest };
  }
  const order = bestFirst(values.impacts, values.flags);
  const keyAt = (at: number): number => postingKey(values.impacts[order[at] ?? 0] ?? 0, values.flags[order[at] ?? 0] ?? 0);
  const blocks: Uint8Array[] = [];
  const maxKeys: number[] = [];
  let covered = 0;
  for (let size = FIRST_BLOCK; covered < Math.max(docs.length * BLOCKED_SHARE, FIRST_BLOCK) && covered < docs.length; size *= 2) {
    // A typed array sorted without a comparison, and plain loops: an array and a call for each of a common word's
    // postings cost several times as much.
    const held = order.slice(covered, covered + size).sort();
    const [heldDocs, heldImpacts, heldFlags] = [new Uint32Array(held.length), new Uint8Array(held.length), new Uint8Array(held.length)];
    for (let to = 0; to < held.length; to += 1) {
      const at = held[to] as number;
      heldDocs[to] = docs[at] ?? 0;
      heldImpacts[to] = values.impacts[at] ?? 0;
      heldFlags[to] = values.flags[at] ?? 0;
    }
    const block = new ByteWriter();
    writeValues(block, heldDocs, heldImpacts, heldFlags);
    blocks.push(block.done());
    maxKeys.push(keyAt(covered));
    covered += held.length;
  }
  const chunks: Uint8Array[] = [];
  for (let first = 0; first < docs.length; first += CHUNK_POSTINGS)
    chunks.push(writeChunk(values.impacts.subarray(first, first + CHUNK_POSTINGS), values.flags.subarray(first, first + CHUNK_POSTINGS)));
  const set = writeSets([docs]);
  const digest = digestOf([set, ...blocks, ...chunks]);
  // Each chunk by its own content: an edit changes one chunk of a word's 25, not the names of all.
  const chunkDigests = chunks.map((chunk) => chunkDigestOf(digestOf([chunk])));
  return {
    digest,
    postings: {
      kind: "tiered",
      tiers: {
        set: digest,
        blocks: maxKeys.map((maxKey) => ({ file: "", maxKey })),
        restMaxKey: covered < docs.length ? keyAt(covered) : 0,
        chunks: chunkDigests.map(String),
        minImpact: values.impacts.reduce((least, impact) => Math.min(least, impact), 255),
      },
    },
    files: (base) => [
      [setFile(base, term.term), set],
      ...blocks.map((block, at): [string, Uint8Array] => [blockFile(base, term.term, at), block]),
      ...chunks.map((chunk, at): [string, Uint8Array] => [chunkFile(chunkDigests[at] ?? 0, term.term, at), chunk]),
    ],
  };
}

/** What names files by their content: the start of the SHA-256 of theirs, one after another, each after its length. */
export function digestOf(payloads: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const payload of payloads) hash.update(String(payload.length)).update(payload);
  return hash.digest("hex").slice(0, 16);
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
export function docsLength(docs: Uint32Array): number {
  counter.counted = 0;
  writeDocs(counter, docs);
  return counter.counted;
}

/** How many bytes writeValues writes for postings of these documents: the documents, then an impact and flags each. */
export function valuesLength(docs: Uint32Array): number {
  return docsLength(docs) + 2 * docs.length;
}

/** The places of postings best first: by key (impact and meta, scoring.browser.ts), then by document; a counting sort, keys being few. */
function bestFirst(impacts: Uint8Array, flags: Uint8Array): Uint32Array {
  // Plain loops over the typed arrays: their from() with a function, reduce() and entries() cost several times as
  // much, over every term of the archive.
  const keys = new Uint16Array(impacts.length);
  let most = 0;
  for (let at = 0; at < keys.length; at += 1) {
    const key = postingKey(impacts[at] ?? 0, flags[at] ?? 0);
    keys[at] = key;
    if (key > most) most = key;
  }
  // The highest key first.
  for (let at = 0; at < keys.length; at += 1) keys[at] = most - (keys[at] ?? 0);
  return stableSortBy(placesInOrder(keys.length), keys, most + 1);
}
