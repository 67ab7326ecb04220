// The documents of each pair of consecutive terms of the archive (a phrase is
// found by its pairs, index-build.ts), counted and listed in typed arrays:
// an archive holds millions of pairs, most in one document, and a Map of
// second terms for each first term, each pair's documents an array of their
// own, cost more in hashing, growing and collecting than the rest of the
// index's assembly.
import { phraseBreak } from "../text/index-record.ts";

/** The pairs of consecutive terms and their documents. */
export interface PairDocuments {
  /** How many distinct pairs there are, numbered from 0 in the order first met. */
  readonly count: number;
  /** Each pair's first term and second term, by pair number. */
  readonly firsts: Uint32Array;
  readonly seconds: Uint32Array;
  /** Pair p's documents, in order, are `docs[starts[p]]` to `docs[starts[p + 1] - 1]`. */
  readonly starts: Uint32Array;
  readonly docs: Uint32Array;
}

/** A document's terms in the order written, as places in its term list (`phraseBreak` between phrases), and those places' term ids. */
interface DocumentTerms {
  readonly sequence: Uint16Array | Uint32Array;
  readonly ids: Uint32Array;
}

/**
 * The pairs of consecutive terms of the documents, each document counted
 * once for a pair however often it holds it. The documents are read twice:
 * once to count each pair's documents, once to list them in place.
 */
export function pairDocuments(documents: number, termsOf: (doc: number) => DocumentTerms): PairDocuments {
  const table = new PairTable();
  const visit = (onPair: (pair: number, doc: number) => void): void => {
    for (let doc = 0; doc < documents; doc += 1) {
      const { sequence, ids } = termsOf(doc);
      const gap = phraseBreak(sequence);
      for (let at = 1; at < sequence.length; at += 1) {
        const before = sequence[at - 1] ?? gap;
        const after = sequence[at] ?? gap;
        if (before === gap || after === gap) continue;
        onPair(table.numberOf(ids[before] ?? 0, ids[after] ?? 0), doc);
      }
    }
  };
  // A pair's last document counted or listed, plus one (0: none yet), so that a document holding it again counts once.
  let lastDocs: Uint32Array = new Uint32Array(1024);
  let counts: Uint32Array = new Uint32Array(1024);
  visit((pair, doc) => {
    if (pair >= lastDocs.length) {
      lastDocs = grown(lastDocs, pair);
      counts = grown(counts, pair);
    }
    if (lastDocs[pair] === doc + 1) return;
    lastDocs[pair] = doc + 1;
    counts[pair] = (counts[pair] ?? 0) + 1;
  });
  const starts = new Uint32Array(table.count + 1);
  for (let pair = 0; pair < table.count; pair += 1) starts[pair + 1] = (starts[pair] ?? 0) + (counts[pair] ?? 0);
  const docs = new Uint32Array(starts[table.count] ?? 0);
  const filled = starts.slice(0, table.count);
  lastDocs.fill(0);
  visit((pair, doc) => {
    if (lastDocs[pair] === doc + 1) return;
    lastDocs[pair] = doc + 1;
    docs[filled[pair] ?? 0] = doc;
    filled[pair] = (filled[pair] ?? 0) + 1;
  });
  return { count: table.count, firsts: table.firsts.slice(0, table.count), seconds: table.seconds.slice(0, table.count), starts, docs };
}

/** An array at least twice as long, and long enough to hold `place`, holding the same values first. */
function grown(array: Uint32Array, place: number): Uint32Array {
  const larger = new Uint32Array(Math.max(array.length * 2, place + 1));
  larger.set(array);
  return larger;
}

/** Numbers pairs of term ids in the order first met: a hash table with open addressing, in typed arrays. */
class PairTable {
  count = 0;
  firsts: Uint32Array = new Uint32Array(1024);
  seconds: Uint32Array = new Uint32Array(1024);
  /** Each slot's pair number plus one, 0 where empty; kept at most half full. */
  #slots = new Uint32Array(2048);

  numberOf(first: number, second: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hashOf(first, second) & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] ?? 0;
      if (held === 0) return this.#add(slot, first, second);
      if (this.firsts[held - 1] === first && this.seconds[held - 1] === second) return held - 1;
    }
  }

  #add(slot: number, first: number, second: number): number {
    const pair = this.count;
    if (pair === this.firsts.length) {
      this.firsts = grown(this.firsts, pair);
      this.seconds = grown(this.seconds, pair);
    }
    this.firsts[pair] = first;
    this.seconds[pair] = second;
    this.count += 1;
    this.#slots[slot] = pair + 1;
    if (this.count * 2 > this.#slots.length) this.#rehash();
    return pair;
  }

  #rehash(): void {
    const slots = new Uint32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let pair = 0; pair < this.count; pair += 1) {
      let slot = hashOf(this.firsts[pair] ?? 0, this.seconds[pair] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = pair + 1;
    }
    this.#slots = slots;
  }
}

/** Mixes two term ids into 32 bits that spread over the table's slots (as MurmurHash3's finalizer mixes). */
function hashOf(first: number, second: number): number {
  let hash = Math.imul(first, 0x9e3779b1) ^ second;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
