// Finds the best articles among those a query found, over the whole archive,
// reading as little of the index as it can. A term of many documents is
// tiered (index-format.ts): its best postings come first, in blocks, and all
// its values sit in chunks in the order of its documents. So the ranker knows,
// for every found article, either its exact score or bounds of it: what it
// has read, plus for each term not read yet no more than the best posting
// unread (the next block's key) and no less than the term's lowest impact.
// It reads further blocks while many articles could still be among the best
// (every block left at once where two or more tiered words meet), then the
// chunks of the few it must be sure of (random access), until the best
// `count` are known exactly and in order (Fagin's threshold algorithms, with
// the found set known exactly from the terms' sets).
import type { DictionaryEntry, TieredPostings } from "./dictionary.browser.ts";
import { CHUNK_POSTINGS } from "./index-format.browser.ts";
import type { IndexReader } from "./index-reader.browser.ts";
import { dateFactor } from "./ranking.browser.ts";
import { impactScore, keyScore, META_FIELDS, META_FLAGS, metaBoost, metaWeightOf, type MetaField } from "./scoring.browser.ts";

/** A term a query word stands for, with that word's IDF and the term's share of it (scoring.ts's extensionShare). */
export interface ListToRank {
  /** The query word's place among the query's words. */
  readonly word: number;
  readonly idf: number;
  readonly share: number;
  readonly entry: DictionaryEntry;
}

/** A found article with its score, the date's share included. */
interface RankedDoc {
  readonly doc: number;
  readonly score: number;
}

/** What a posting's meta flags (three bits) can add at most, per unit of IDF, for each value of them. */
const FLAG_WEIGHTS = Array.from({ length: 8 }, (_, flags) => metaWeightOf(flags));

/** Not a document of the term. */
const ABSENT = -2;
/** A document of the term whose value is not read yet. */
const UNREAD = -1;
/** More chunks than this for the articles in doubt, while blocks are left: read the next blocks instead. */
const RANDOM_ACCESS_CHUNKS = 4;
/** Every found article is in doubt (Ranker.#readFor): before any value is read. */
const ALL_FOUND = "all";

interface ListState extends ListToRank {
  /** What each impact (0 to 255) adds to the score: impactScore for this list, worked out once. */
  readonly impactScores: Float64Array;
  /** For each found article: ABSENT, UNREAD, or its impact plus its flags times 256. */
  readonly values: Int16Array;
  readonly tiers?: TieredPostings;
  /** A tiered term's documents, for the place of a document in its chunks. */
  readonly docs?: Uint32Array;
  blocksRead: number;
  readonly chunksRead: Set<number>;
}

export class Ranker {
  readonly #reader: IndexReader;
  readonly #found: Uint32Array;
  readonly #lists: ListState[];
  readonly #wordIdfs: readonly number[];
  readonly #queryIdf: number;
  /** What each found article's score is multiplied by: its date's share, and its query words held together (searcher.ts) if given. */
  readonly #scales: Float64Array;
  /** Each found article's bounds, worked out again in each round (#bounds): kept, not made anew, 2 MB a round at 100,000 found. */
  readonly #low: Float64Array;
  readonly #high: Float64Array;
  readonly #complete: Uint8Array;
  /** The meta boost of each combination of the query words' flags met so far (#metaBoostOf). */
  readonly #boosts = new Map<number, number>();

  private constructor(reader: IndexReader, found: Uint32Array, lists: ListState[], wordIdfs: readonly number[], factors: Float64Array | undefined) {
    this.#reader = reader;
    this.#found = found;
    this.#lists = lists;
    this.#scales = new Float64Array(found.length);
    this.#low = new Float64Array(found.length);
    this.#high = new Float64Array(found.length);
    this.#complete = new Uint8Array(found.length);
    for (let place = 0; place < found.length; place += 1) this.#scales[place] = dateFactor(found.length - 1 - place, found.length) * (factors?.[place] ?? 1);
    this.#wordIdfs = wordIdfs;
    this.#queryIdf = wordIdfs.reduce((sum, idf) => sum + idf, 0);
  }

  /**
   * A ranker of the found articles (documents in order) by the lists of the
   * query's words. The values of terms that are not tiered are read now.
   */
  static async create(
    reader: IndexReader,
    found: Uint32Array,
    lists: readonly ListToRank[],
    wordIdfs: readonly number[],
    factors?: Float64Array,
  ): Promise<Ranker> {
    const states = await Promise.all(
      lists.map(async (list): Promise<ListState> => {
        const values = new Int16Array(found.length).fill(ABSENT);
        const { postings } = list.entry;
        if (postings.kind === "tiered") {
          const docs = await reader.docs(list.entry);
          setFound(found, docs, values);
          return { ...list, impactScores: impactScoresOf(list), values, tiers: postings.tiers, docs, blocksRead: 0, chunksRead: new Set() };
        }
        const read = await reader.values(list.entry);
        setFound(found, read.docs, values, read);
        return { ...list, impactScores: impactScoresOf(list), values, blocksRead: 0, chunksRead: new Set() };
      }),
    );
    return new Ranker(reader, found, states, wordIdfs, factors);
  }

  /** The best `count` found articles, best first (the newer first among equals), read as far as needed. */
  async best(count: number): Promise<RankedDoc[]> {
    // Before any of the terms' values is read, every found article is in doubt alike: no bounds to work out yet.
    if (
      this.#found.length > count &&
      this.#lists.length > 0 &&
      this.#lists.every((list) => list.tiers !== undefined && list.blocksRead === 0 && list.chunksRead.size === 0)
    )
      await this.#readFor(ALL_FOUND);
    for (;;) {
      const bounds = this.#bounds();
      const top = bestPlaces(bounds.low, Math.min(count, this.#found.length));
      const threshold = top.length === 0 ? Infinity : (bounds.low[top[top.length - 1] ?? 0] ?? 0);
      const doubtful = top.filter((place) => bounds.complete[place] === 0);
      if (top.length === count) {
        const { high } = bounds;
        const inTop = new Set(top);
        for (let place = 0; place < high.length; place += 1) if ((high[place] ?? 0) > threshold && !inTop.has(place)) doubtful.push(place);
      }
      if (doubtful.length === 0) {
        return top
          .map((place) => ({ place, score: bounds.low[place] ?? 0 }))
          .sort((a, b) => b.score - a.score || b.place - a.place)
          .map(({ place, score }) => ({ doc: this.#found[place] ?? 0, score }));
      }
      await this.#readFor(doubtful);
    }
  }

  /** Reads what settles the articles in doubt (places among the found, or all of them): the next blocks while they are many, else the chunks of their values. */
  async #readFor(doubtful: readonly number[] | typeof ALL_FOUND): Promise<void> {
    const withBlocksLeft = this.#lists.filter((list) => list.tiers !== undefined && list.blocksRead < list.tiers.blocks.length && list.values.includes(UNREAD));
    const chunks = this.#chunksFor(doubtful, withBlocksLeft.length > 0 ? RANDOM_ACCESS_CHUNKS : Infinity);
    if (chunks === undefined) {
      // Where two or more tiered words meet, their best articles lie deep in each one's blocks (four rounds of
      // them on a 100,000-article archive): all are read in one round. A word alone seldom needs more than its next.
      const more = withBlocksLeft.length > 1 ? Infinity : 1;
      await Promise.all(withBlocksLeft.map((list) => this.#readBlocks(list, more)));
      return;
    }
    await Promise.all([...chunks].flatMap(([list, needed]) => [...needed].map((chunk) => this.#readChunk(list, chunk))));
  }

  /** The chunks of each tiered list that hold the unread values of the articles in doubt; undefined once they are more than `most`. */
  #chunksFor(doubtful: readonly number[] | typeof ALL_FOUND, most: number): Map<ListState, Set<number>> | undefined {
    const chunks = new Map<ListState, Set<number>>();
    let count = 0;
    const places = doubtful === ALL_FOUND ? this.#found.length : doubtful.length;
    for (const list of this.#lists) {
      if (list.docs === undefined) continue;
      const needed = new Set<number>();
      for (let at = 0; at < places; at += 1) {
        const place = doubtful === ALL_FOUND ? at : (doubtful[at] ?? 0);
        if (list.values[place] !== UNREAD) continue;
        const chunk = Math.floor(firstNotBelow(list.docs, this.#found[place] ?? 0, 0) / CHUNK_POSTINGS);
        // All the found in order: those before the next chunk's first document need no look.
        const nextChunk = list.docs[(chunk + 1) * CHUNK_POSTINGS];
        if (doubtful === ALL_FOUND) at = nextChunk === undefined ? places : firstNotBelow(this.#found, nextChunk, at + 1) - 1;
        if (needed.has(chunk)) continue;
        needed.add(chunk);
        count += 1;
        if (count > most) return undefined;
      }
      if (needed.size > 0) chunks.set(list, needed);
    }
    return chunks;
  }

  /** Reads `more` next blocks of a list's best postings (fewer when fewer are left), side by side. */
  async #readBlocks(list: ListState, more: number): Promise<void> {
    const blocks = list.tiers?.blocks.slice(list.blocksRead, list.blocksRead + more) ?? [];
    const read = await Promise.all(blocks.map((block) => this.#reader.block(block.file)));
    for (const values of read) setFound(this.#found, values.docs, list.values, values);
    list.blocksRead += blocks.length;
  }

  async #readChunk(list: ListState, chunk: number): Promise<void> {
    const file = list.tiers?.chunks[chunk];
    if (file === undefined || list.docs === undefined || list.chunksRead.has(chunk)) return;
    const read = await this.#reader.chunk(file);
    const docs = list.docs.subarray(chunk * CHUNK_POSTINGS, chunk * CHUNK_POSTINGS + read.impacts.length);
    setFound(this.#found, docs, list.values, read);
    list.chunksRead.add(chunk);
  }

  /** Each found article's score if known (low equals high, complete), else its bounds; the date's share included. */
  #bounds(): { low: Float64Array; high: Float64Array; complete: Uint8Array } {
    const count = this.#found.length;
    const [low, high, complete] = [this.#low, this.#high, this.#complete];
    const lists = this.#lists;
    // What a value not read yet adds at least and at most: the same for every article of a list.
    const unreadLeast = lists.map((list) => impactScore(list.tiers?.minImpact ?? 0, list.idf, list.share));
    const unreadMost = lists.map((list) =>
      list.tiers === undefined ? 0 : keyScore(list.tiers.blocks[list.blocksRead]?.maxKey ?? list.tiers.restMaxKey, list.idf),
    );
    const wordFlags = new Int32Array(this.#wordIdfs.length);
    for (let place = 0; place < count; place += 1) {
      let flagged = false;
      let known = 0;
      let atLeast = 0;
      let atMost = 0;
      let whole = true;
      for (let at = 0; at < lists.length; at += 1) {
        const list = lists[at] as ListState;
        const value = list.values[place] ?? ABSENT;
        if (value === ABSENT) continue;
        if (value === UNREAD) {
          whole = false;
          atLeast += unreadLeast[at] ?? 0;
          atMost += unreadMost[at] ?? 0;
          continue;
        }
        const score = list.impactScores[value & 0xff] ?? 0;
        known += score;
        const flags = value >> 8;
        if (flags === 0) {
          atMost += score;
          continue;
        }
        atMost += score + list.idf * (FLAG_WEIGHTS[flags] ?? metaWeightOf(flags));
        wordFlags[list.word] = (wordFlags[list.word] ?? 0) | flags;
        flagged = true;
      }
      // Most articles hold no query word in their meta fields, so most need no boost worked out.
      let boost = 0;
      if (flagged) {
        boost = this.#metaBoostOf(wordFlags);
        wordFlags.fill(0);
      }
      const scale = this.#scales[place] ?? 1;
      low[place] = (known + atLeast + boost) * scale;
      high[place] = whole ? (known + boost) * scale : atMost * scale;
      complete[place] = whole ? 1 : 0;
    }
    return { low, high, complete };
  }

  /** The boost of the meta fields (scoring.ts's metaBoost) for the flags each query word has in an article, worked out once for each combination. */
  #metaBoostOf(wordFlags: Int32Array): number {
    // Three bits a word: a query of up to ten words has its combinations as keys.
    const key = wordFlags.length <= 10 ? wordFlags.reduce((packed, flags, word) => packed | (flags << (3 * word)), 0) : undefined;
    const known = key === undefined ? undefined : this.#boosts.get(key);
    if (known !== undefined) return known;
    const found: Record<MetaField, number> = { title: 0, date: 0, category: 0 };
    for (const field of META_FIELDS)
      for (const [word, idf] of this.#wordIdfs.entries()) if (((wordFlags[word] ?? 0) & META_FLAGS[field]) !== 0) found[field] += idf;
    const boost = metaBoost(found, this.#queryIdf);
    if (key !== undefined) this.#boosts.set(key, boost);
    return boost;
  }
}

/**
 * Writes into `values` (one for each found article) the value of every
 * document of `docs` found: its impact and flags from `read`, else UNREAD.
 * Both lists in order; documents far fewer than the found (a block of 1,024
 * among 100,000) are looked up, not walked to. A plain loop, no callback:
 * a first search runs it over 100,000 found before the page's code is
 * compiled.
 */
function setFound(found: Uint32Array, docs: Uint32Array, values: Int16Array, read?: { readonly impacts: Uint8Array; readonly flags: Uint8Array }): void {
  const lookUp = docs.length * 16 < found.length;
  let place = 0;
  for (let at = 0; at < docs.length && place < found.length; at += 1) {
    const doc = docs[at] ?? 0;
    if (lookUp) place = firstNotBelow(found, doc, place);
    else while (place < found.length && (found[place] ?? 0) < doc) place += 1;
    if (found[place] === doc) values[place] = read === undefined ? UNREAD : (read.impacts[at] ?? 0) | ((read.flags[at] ?? 0) << 8);
  }
}

/** What each impact adds to a list's score (scoring.ts's impactScore), for the 256 an index holds. */
function impactScoresOf(list: ListToRank): Float64Array {
  const scores = new Float64Array(256);
  for (let impact = 0; impact < 256; impact += 1) scores[impact] = impactScore(impact, list.idf, list.share);
  return scores;
}

/** The first place from `from` of a sorted list of documents whose document is not below `doc` (the list's length when none). */
function firstNotBelow(docs: Uint32Array, doc: number, from: number): number {
  let low = from;
  let high = docs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((docs[middle] ?? 0) < doc) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The places of the `count` highest values, highest first, the later place first among equals (the newer article). */
function bestPlaces(values: Float64Array, count: number): number[] {
  if (count <= 0) return [];
  // A heap of the best so far, the worst at its root.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => (values[a] ?? 0) < (values[b] ?? 0) || ((values[a] ?? 0) === (values[b] ?? 0) && a < b);
  const swap = (a: number, b: number): void => {
    [heap[a], heap[b]] = [heap[b] ?? 0, heap[a] ?? 0];
  };
  for (let place = 0; place < values.length; place += 1) {
    if (heap.length < count) {
      heap.push(place);
      for (let at = heap.length - 1; at > 0 && worse(heap[at] ?? 0, heap[(at - 1) >> 1] ?? 0); at = (at - 1) >> 1) swap(at, (at - 1) >> 1);
    } else if ((values[place] ?? 0) >= (values[heap[0] ?? 0] ?? 0) && worse(heap[0] ?? 0, place)) {
      heap[0] = place;
      for (let at = 0; ; ) {
        const [left, right] = [2 * at + 1, 2 * at + 2];
        let least = at;
        if (left < heap.length && worse(heap[left] ?? 0, heap[least] ?? 0)) least = left;
        if (right < heap.length && worse(heap[right] ?? 0, heap[least] ?? 0)) least = right;
        if (least === at) break;
        swap(at, least);
        at = least;
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
