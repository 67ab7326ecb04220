// The search index's dictionary (index-format.browser.ts): shards of terms in
// order, each with its document frequency and where its postings are, and,
// for a large dictionary, the pages that list its shards.
import { ByteReader, ByteWriter } from "./bytes.browser.ts";
import { readDocs, writeDocs } from "./doc-sets.browser.ts";
import { readValues, writeValues, type Values } from "./index-format.browser.ts";
import { blockFile, chunkFile, setFile, valuesFile } from "./term-files.browser.ts";

/** Shards a page of a paged dictionary lists. */
export const DIRECTORY_SHARDS = 512;

/** A page of a paged dictionary: shards by their first terms, each written after what it shares with the one before. */
export function writeDirectory(shards: readonly (readonly [firstTerm: string, file: string])[]): Uint8Array {
  const writer = new ByteWriter().varint(shards.length);
  let previous = "";
  for (const [term, file] of shards) {
    const shared = sharedStart(previous, term);
    writer.varint(shared).string(term.slice(shared)).string(file);
    previous = term;
  }
  return writer.done();
}

export function readDirectory(bytes: Uint8Array): [firstTerm: string, file: string][] {
  const reader = new ByteReader(bytes);
  const shards: [string, string][] = [];
  let previous = "";
  for (let count = reader.varint(); count > 0; count -= 1) {
    previous = previous.slice(0, reader.varint()) + reader.string();
    shards.push([previous, reader.string()]);
  }
  return shards;
}

/** How many code units two terms share at their start. */
function sharedStart(a: string, b: string): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared += 1;
  return shared;
}

/**
 * Where a term's postings are. Their files are named from their shard's or
 * from their digest (term-files.browser.ts): as the index is written, `file`
 * (and a tiered term's `set`) holds the digest of the term's files, which
 * the shard keeps; as a shard is read, the files' names. A shard's inline
 * postings are read when asked for, by getters: spread or serialized, they
 * lose them.
 */
export type Postings =
  /** A term of few documents: its postings in the dictionary. */
  | { readonly kind: "inline"; readonly docs: Uint32Array; readonly impacts: Uint8Array; readonly flags: Uint8Array }
  /** A pair of words (for phrases) in few documents: its documents alone. */
  | { readonly kind: "inline-set"; readonly docs: Uint32Array }
  /** A term of more documents: one file of its values. */
  | { readonly kind: "file"; readonly file: string }
  /** A pair of words in more documents: one file of its documents. */
  | { readonly kind: "set-file"; readonly file: string }
  /** A frequent term. */
  | { readonly kind: "tiered"; readonly tiers: TieredPostings };

export interface TieredPostings {
  /** Its documents. */
  readonly set: string;
  /** Its best postings, by postingKey from the best, in blocks that double in size. */
  readonly blocks: readonly { readonly file: string; readonly maxKey: number }[];
  /** The best key of the postings no block holds (0 when the blocks hold them all). */
  readonly restMaxKey: number;
  /** Every posting's impact and flags, in the order of its documents, CHUNK_POSTINGS a file (written: each file's digest, chunkDigestOf). */
  readonly chunks: readonly string[];
  /** The lowest impact of its postings. */
  readonly minImpact: number;
}

export interface DictionaryEntry {
  readonly term: string;
  /** How many documents hold it. */
  readonly documents: number;
  readonly postings: Postings;
}

/** A term as the index writes it into its shard: `fromShard` when its files are named from the shard's (the entry lists it), else from their digest. */
export interface WrittenEntry extends DictionaryEntry {
  readonly fromShard: boolean;
}

const KINDS = ["inline", "inline-set", "file", "set-file", "tiered"] as const;

/** Where a shard's postings are written before their length is known: one for the whole index. */
const inlinePostings = new ByteWriter();

/**
 * A dictionary shard: terms in order, each written after what it shares with
 * the one before; postings in the shard after their length, so that reading
 * the shard skips those of the terms not searched for (a shard of pairs holds
 * a thousand sets or more).
 */
export function writeShard(entries: readonly WrittenEntry[]): Uint8Array {
  const writer = new ByteWriter().varint(entries.length);
  let previous = "";
  for (const { term, documents, postings, fromShard } of entries) {
    const shared = sharedStart(previous, term);
    writer.varint(shared).string(term.slice(shared)).varint(documents).byte(KINDS.indexOf(postings.kind));
    previous = term;
    if (postings.kind === "inline" || postings.kind === "inline-set") {
      if (postings.kind === "inline") writeValues(inlinePostings.clear(), postings.docs, postings.impacts, postings.flags);
      else writeDocs(inlinePostings.clear(), postings.docs);
      writer.varint(inlinePostings.length).bytes(inlinePostings.view());
    } else if (postings.kind === "file" || postings.kind === "set-file") writer.varint(fromShard ? 1 : 0).string(postings.file);
    else {
      // The files' names are made from the shard's or the digest (term-files.browser.ts): the digest stands for them all.
      const { set, blocks, restMaxKey, chunks, minImpact } = postings.tiers;
      writer
        .varint(fromShard ? 1 : 0)
        .string(set)
        .varint(blocks.length);
      for (const block of blocks) writer.varint(block.maxKey);
      writer.varint(restMaxKey).varint(chunks.length);
      for (const chunk of chunks) writer.varint(Number(chunk));
      writer.varint(minImpact);
    }
  }
  return writer.done();
}

/** A dictionary shard's terms; `file` is the shard's, from which the files the entry's listed terms are read first by are named. */
export function readShard(bytes: Uint8Array, file: string): DictionaryEntry[] {
  const reader = new ByteReader(bytes);
  const entries: DictionaryEntry[] = [];
  let previous = "";
  for (let count = reader.varint(); count > 0; count -= 1) {
    const term = previous.slice(0, reader.varint()) + reader.string();
    previous = term;
    const documents = reader.varint();
    const kind = KINDS[reader.byte()];
    let postings: Postings;
    if (kind === "inline") postings = new InlineValues(reader.bytes(reader.varint()));
    else if (kind === "inline-set") postings = new InlineSet(reader.bytes(reader.varint()));
    else if (kind === "file" || kind === "set-file" || kind === "tiered") {
      // What its files' names are made from: the shard's when the entry lists the term, else their digest.
      const fromShard = reader.varint() === 1;
      const digest = reader.string();
      postings = filePostings(kind, reader, fromShard ? file : digest, term);
    } else throw new Error("the search index's dictionary holds postings of an unknown kind");
    entries.push({ term, documents, postings });
  }
  return entries;
}

/** A term's postings that are files, their names made from `base`, as its shard describes them after their digest. */
function filePostings(kind: "file" | "set-file" | "tiered", reader: ByteReader, base: string, term: string): Postings {
  if (kind === "file") return { kind, file: valuesFile(base, term) };
  if (kind === "set-file") return { kind, file: setFile(base, term) };
  const blocks = Array.from({ length: reader.varint() }, (_, block) => ({ file: blockFile(base, term, block), maxKey: reader.varint() }));
  const restMaxKey = reader.varint();
  const chunks = Array.from({ length: reader.varint() }, (_, chunk) => chunkFile(reader.varint(), term, chunk));
  return { kind, tiers: { set: setFile(base, term), blocks, restMaxKey, chunks, minImpact: reader.varint() } };
}

/** A term's postings in its shard, read when the search asks for them. */
class InlineValues {
  readonly kind = "inline";
  readonly #written: Uint8Array;
  #read: Values | undefined;

  constructor(written: Uint8Array) {
    this.#written = written;
  }

  get docs(): Uint32Array {
    return this.#values().docs;
  }

  get impacts(): Uint8Array {
    return this.#values().impacts;
  }

  get flags(): Uint8Array {
    return this.#values().flags;
  }

  #values(): Values {
    this.#read ??= readValues(new ByteReader(this.#written));
    return this.#read;
  }
}

/** A pair's documents in its shard, read when the search asks for them. */
class InlineSet {
  readonly kind = "inline-set";
  readonly #written: Uint8Array;
  #docs: Uint32Array | undefined;

  constructor(written: Uint8Array) {
    this.#written = written;
  }

  get docs(): Uint32Array {
    this.#docs ??= readDocs(new ByteReader(this.#written));
    return this.#docs;
  }
}
