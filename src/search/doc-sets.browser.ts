// Sets of documents: the articles holding a word, a category, a year. The
// index numbers its documents by date, oldest first, so a set is a bitmap of
// one bit per document in memory (intersections and counts are a few
// thousand word operations at 100,000 documents), and on disk whichever is
// smaller: the bitmap, or the gaps between its documents.
import type { ByteReader, ByteWriter } from "./bytes.browser.ts";

const GAPS = 0;
const BITMAP = 1;

/** Documents 0 to size - 1, a bit each. */
export class DocSet {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array(Math.ceil(size / 32));
  }

  static of(size: number, docs: ArrayLike<number>): DocSet {
    const set = new DocSet(size);
    // Indexed, not iterated: a search's first sets (100,000 documents) are made before the page's code is compiled.
    for (let at = 0; at < docs.length; at += 1) set.add(docs[at] ?? 0);
    return set;
  }

  /** Documents from `first` up to, not including, `end`: whole words at once. */
  static range(size: number, first: number, end: number): DocSet {
    const set = new DocSet(size);
    const [from, to] = [Math.max(first, 0), Math.min(end, size)];
    let doc = from;
    for (; doc < to && (doc & 31) !== 0; doc += 1) set.add(doc);
    for (; doc + 32 <= to; doc += 32) set.words[doc >>> 5] = 0xffffffff;
    for (; doc < to; doc += 1) set.add(doc);
    return set;
  }

  add(doc: number): void {
    const at = doc >>> 5;
    this.words[at] = (this.words[at] ?? 0) | (1 << (doc & 31));
  }

  has(doc: number): boolean {
    return doc >= 0 && doc < this.size && ((this.words[doc >>> 5] ?? 0) & (1 << (doc & 31))) !== 0;
  }

  and(other: DocSet): DocSet {
    const words = new Uint32Array(this.words.length);
    for (let at = 0; at < words.length; at += 1) words[at] = (this.words[at] ?? 0) & (other.words[at] ?? 0);
    return new DocSet(this.size, words);
  }

  or(other: DocSet): DocSet {
    const words = new Uint32Array(this.words.length);
    for (let at = 0; at < words.length; at += 1) words[at] = (this.words[at] ?? 0) | (other.words[at] ?? 0);
    return new DocSet(this.size, words);
  }

  count(): number {
    let total = 0;
    for (const word of this.words) total += bitsIn(word);
    return total;
  }

  /** How many of its documents lie from `first` up to, not including, `end`. */
  countIn(first: number, end: number): number {
    let total = 0;
    for (let doc = Math.max(first, 0); doc < Math.min(end, this.size); ) {
      if ((doc & 31) === 0 && doc + 32 <= end) {
        total += bitsIn(this.words[doc >>> 5] ?? 0);
        doc += 32;
      } else {
        if (this.has(doc)) total += 1;
        doc += 1;
      }
    }
    return total;
  }

  /** Its documents, in order. */
  docs(): Uint32Array {
    const docs = new Uint32Array(this.count());
    let next = 0;
    for (let at = 0; at < this.words.length; at += 1) {
      for (let rest = this.words[at] ?? 0; rest !== 0; rest &= rest - 1) docs[next++] = at * 32 + (31 - Math.clz32(rest & -rest));
    }
    return docs;
  }
}

function bitsIn(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** For each document of a set, how many of its documents come before it: a document's place among them, at once. */
export class DocRanks {
  readonly #set: DocSet;
  readonly #before: Uint32Array;

  constructor(set: DocSet) {
    this.#set = set;
    this.#before = new Uint32Array(set.words.length + 1);
    for (const [at, word] of set.words.entries()) this.#before[at + 1] = (this.#before[at] ?? 0) + bitsIn(word);
  }

  /** How many documents of the set are below `doc`. */
  below(doc: number): number {
    const at = doc >>> 5;
    const mask = (doc & 31) === 0 ? 0 : 0xffffffff >>> (32 - (doc & 31));
    return (this.#before[at] ?? 0) + bitsIn((this.#set.words[at] ?? 0) & mask);
  }
}

/** Writes sorted, distinct documents as gaps or as a bitmap, whichever is smaller. */
export function writeDocs(writer: ByteWriter, docs: readonly number[] | Uint32Array): void {
  const first = docs[0] ?? 0;
  const last = docs[docs.length - 1] ?? 0;
  const firstByte = first >>> 3;
  const bitmapBytes = (last >>> 3) - firstByte + 1;
  // A gap under 128 documents takes one byte; the bitmap one bit a document.
  let gapBytes = 0;
  for (let at = 1; at < docs.length; at += 1) gapBytes += (docs[at] ?? 0) - (docs[at - 1] ?? 0) < 128 ? 1 : 2;
  if (docs.length > 0 && bitmapBytes < gapBytes) {
    const bitmap = new Uint8Array(bitmapBytes);
    for (const doc of docs) bitmap[(doc >>> 3) - firstByte] = (bitmap[(doc >>> 3) - firstByte] ?? 0) | (1 << (doc & 7));
    writer.byte(BITMAP).varint(firstByte).varint(bitmapBytes).bytes(bitmap);
    return;
  }
  writer.byte(GAPS).varint(docs.length);
  let previous = 0;
  for (let at = 0; at < docs.length; at += 1) {
    const doc = docs[at] ?? 0;
    writer.varint(doc - previous);
    previous = doc;
  }
}

/** Reads what writeDocs wrote: the documents, in order. */
export function readDocs(reader: ByteReader): Uint32Array {
  const form = reader.byte();
  if (form === BITMAP) {
    const firstByte = reader.varint();
    const bitmap = reader.bytes(reader.varint());
    let count = 0;
    for (let at = 0; at < bitmap.length; at += 1) count += bitsIn(bitmap[at] ?? 0);
    const docs = new Uint32Array(count);
    let next = 0;
    for (let at = 0; at < bitmap.length; at += 1) {
      for (let rest = bitmap[at] ?? 0; rest !== 0; rest &= rest - 1) docs[next++] = (firstByte + at) * 8 + (31 - Math.clz32(rest & -rest));
    }
    return docs;
  }
  if (form !== GAPS) throw new Error(`the search index holds a set of documents of an unknown form (${form})`);
  const docs = new Uint32Array(reader.varint());
  let doc = 0;
  for (let at = 0; at < docs.length; at += 1) {
    doc = at === 0 ? reader.varint() : doc + reader.varint();
    docs[at] = doc;
  }
  return docs;
}
