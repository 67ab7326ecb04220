// The files of a term's postings too big for its dictionary shard (a term's
// values, a tiered term's set, blocks and chunks, a pair's set), named so
// that a search can know them before the shard arrives. A query of two
// common words needs their pair's set before it can rank, and a common
// word's set and first block, which a search would otherwise ask for a round
// trip after the shards (150 ms on 4G). So the files a search reads first of
// the terms the entry lists (the commonest words, the commonest pairs) are
// named from the name of the shard that holds the term, which the entry
// gives, and the term; every other file from the term and the digest of its
// files' content, which the shard holds (a term's chunks, read only after
// its shard; the files of the terms not listed). Either way a name changes
// whenever the content does: the shard holds the digest, so its own name,
// made from its content, changes with it. And the shard holds that one
// digest, not a name for each file (a word in 100,000 articles has 31
// files: 21 KB of names in a shard of 41 such words).
//
// Which pairs are listed, the entry says as fingerprints of a few bytes
// each; the commonest words, by the words.
import { ByteReader, ByteWriter } from "./bytes.browser.ts";

/** Bits of a pair's fingerprint: with 4,096 pairs listed, a pair not listed is taken for one once in 4,000 (a request for a file that is not there). */
const FINGERPRINT_BITS = 24;

/** FNV-1a over a string's UTF-16 code units, from `basis`, its bits mixed at the end (MurmurHash3's finalizer): unsigned 32 bits. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let at = 0; at < text.length; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  // Without it two hashes of the same text from odd bases would share their lowest bit.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A pair's fingerprint, as the entry lists it. */
export function pairFingerprint(pair: string): number {
  return fnv1a(pair, 0x811c9dc5) >>> (32 - FINGERPRINT_BITS);
}

/**
 * A file of a term's postings, named from `base` (the name of the shard that
 * holds the term, or the digest of the term's files) and the term: `prefix`
 * says which file it is, `part` which of several.
 */
function termFile(prefix: string, base: string, term: string, part = 0): string {
  const key = `${base}\n${term}\n${part}`;
  const hex = (value: number): string => value.toString(16).padStart(8, "0");
  return `${prefix}-${hex(fnv1a(key, 0x811c9dc5))}${hex(fnv1a(key, 0x050c5d1f))}`;
}

/** The file of a term's values (a term in more articles than its shard holds, not tiered). */
export function valuesFile(base: string, term: string): string {
  return termFile("t", base, term);
}

/** The file of a tiered term's set of documents, or of a pair's when it is a file. */
export function setFile(base: string, term: string): string {
  return termFile("s", base, term);
}

/** The file of a tiered term's block of best postings, the best first (0). */
export function blockFile(base: string, term: string, block: number): string {
  return termFile("b", base, term, block);
}

/**
 * The file of a tiered term's chunk of values, in the order of its
 * documents: from the digest of its own content (48 bits, which the shard
 * holds for each chunk), as a search reads it after the shard, and an edit
 * changes one chunk of a word, not the names of all.
 */
export function chunkFile(chunkDigest: number, term: string, chunk: number): string {
  return termFile("c", String(chunkDigest), term, chunk);
}

/** A chunk's digest as its shard holds it: the first 48 bits of the hexadecimal digest of its content. */
export function chunkDigestOf(digest: string): number {
  return Number.parseInt(digest.slice(0, 12), 16);
}

/** The fingerprints of the pairs whose set is a file, as the entry holds them: base64 of their steps in order. */
export function writeFingerprints(pairs: readonly string[]): string {
  const sorted = [...new Set(pairs.map(pairFingerprint))].sort((a, b) => a - b);
  const writer = new ByteWriter().varint(sorted.length);
  for (const [at, fingerprint] of sorted.entries()) writer.varint(fingerprint - (sorted[at - 1] ?? 0));
  let binary = "";
  for (const byte of writer.done()) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The fingerprints the entry lists, in order. */
export function readFingerprints(encoded: string): Uint32Array {
  const binary = atob(encoded);
  const reader = new ByteReader(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
  const fingerprints = new Uint32Array(reader.varint());
  let fingerprint = 0;
  for (let at = 0; at < fingerprints.length; at += 1) fingerprints[at] = fingerprint += reader.varint();
  return fingerprints;
}

/** Whether the entry lists a pair (its fingerprint among `fingerprints`, in order): then its set is a file. */
export function listsPair(fingerprints: Uint32Array, pair: string): boolean {
  const wanted = pairFingerprint(pair);
  let low = 0;
  let high = fingerprints.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = fingerprints[middle] ?? 0;
    if (found === wanted) return true;
    if (found < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
