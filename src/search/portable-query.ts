// The portable search index and the search over it. A portable site is opened
// from disk (file://), where browsers refuse `fetch` and module scripts, so
// Pagefind cannot load. Its index is written as classic scripts instead: a
// manifest of the articles, shards of words by their first two letters, and
// the articles' text in small chunks for excerpts. This module holds the
// format and the search, free of the DOM, so the same code runs in the
// browser and under the tests.
import { escapeMarkup } from "../core/escape.ts";
import { queryWords, shardFileName, shardKeyOf, tokenize } from "./words.ts";

/** The global function every index file calls with its part: `__newsArchiveIndex(kind, key, data)`. */
export const PORTABLE_INDEX_CALLBACK = "__newsArchiveIndex";
/** Where the index lives in the output folder. */
export const PORTABLE_INDEX_DIR = "search-data";
export const PORTABLE_FORMAT_VERSION = 1;

/** Where each part of the index is written, relative to PORTABLE_INDEX_DIR. */
export const PORTABLE_INDEX_PATHS = {
  manifest: "manifest.js",
  shard: (key: string): string => `words/${shardFileName(key)}.js`,
  text: (chunk: number): string => `text/${chunk}.js`,
  stemmer: "stemmer.js",
} as const;

/** An article in the manifest: [url from the site's root, title, date as written, category, year, sort key (YYYY-MM-DD), words]. */
export type PortableDoc = readonly [url: string, title: string, date: string, category: string, year: number, sortDate: string, length: number];

export interface PortableManifest {
  readonly version: number;
  /** Whether the index has a stemmer script for its language (queries are stemmed as the text was). */
  readonly stemmer: boolean;
  readonly docs: readonly PortableDoc[];
  /** Keys of the word shards that exist. */
  readonly shards: readonly string[];
  /** How many articles' texts each text chunk holds: article n is in chunk floor(n / textChunkSize). */
  readonly textChunkSize: number;
}

/**
 * A shard: each stem whose first two letters are the shard's key, with its
 * postings encoded by `encodePostings`. A weight counts a word of the text
 * once and a word of the title ten times, as `data-pagefind-weight="10"` does.
 */
export type PortableShard = Readonly<Record<string, readonly number[]>>;

/**
 * Postings [doc, weight, doc, weight...] (docs ascending) written short: each
 * doc as its distance from the previous one, and most words weigh 1, so a
 * positive number is a distance with weight 1 and a negative one is a
 * distance followed by the weight.
 */
export function encodePostings(postings: readonly number[]): number[] {
  const encoded: number[] = [];
  let previous = 0;
  for (let at = 0; at < postings.length; at += 2) {
    const doc = postings[at] ?? 0;
    const weight = postings[at + 1] ?? 0;
    const distance = doc - previous + 1;
    previous = doc;
    if (weight === 1) encoded.push(distance);
    else encoded.push(-distance, weight);
  }
  return encoded;
}

/** The postings [doc, weight, doc, weight...] that `encodePostings` wrote. */
export function decodePostings(encoded: readonly number[]): number[] {
  const postings: number[] = [];
  let doc = 0;
  for (let at = 0; at < encoded.length; at += 1) {
    const value = encoded[at] ?? 0;
    doc += Math.abs(value) - 1;
    if (value > 0) postings.push(doc, 1);
    else postings.push(doc, encoded[(at += 1)] ?? 0);
  }
  return postings;
}

/** What the search needs to read the index; the browser loads scripts, the tests read memory. */
export interface PortableIndexSource {
  manifest(): Promise<PortableManifest>;
  /** The shard with this key; only keys listed in the manifest are asked for. */
  shard(key: string): Promise<PortableShard>;
  /** The texts of the articles of one chunk, in order. */
  texts(chunk: number): Promise<readonly string[]>;
  /** The language's stemmer, asked for only when the manifest says there is one. */
  stemmer(): Promise<(word: string) => string>;
}

export interface PortableSearchOptions {
  readonly filters?: { readonly category?: string; readonly year?: string };
  readonly sort?: "relevance" | "newest";
}

export interface PortableHit {
  readonly doc: number;
  readonly score: number;
  /** The query's words and the stems this article matched: the words an excerpt marks start with one of them. */
  readonly stems: readonly string[];
}

export interface PortableResult {
  readonly url: string;
  readonly meta: { readonly title: string; readonly date: string; readonly category: string };
  /** Escaped text with the matched words in <mark>. */
  readonly excerpt: string;
}

const EXCERPT_WORDS = 30;
// Pagefind's default ranking weights, so both searches order results alike.
const TERM_SATURATION = 1.4;
const PAGE_LENGTH = 0.75;
const TERM_SIMILARITY = 1;

/**
 * Finds the articles holding every word of the query, as Pagefind does: each
 * word is stemmed and stands for every stem that starts with it (or, when
 * none does, for the longest stem it starts with), and scores add up with
 * Pagefind's BM25 weights. Results come best first or newest first, within
 * the filters.
 */
export async function searchPortable(source: PortableIndexSource, query: string, options: PortableSearchOptions = {}): Promise<PortableHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const manifest = await source.manifest();
  const stem = manifest.stemmer ? await source.stemmer() : (word: string) => word;
  const known = new Set(manifest.shards);
  const pages = manifest.docs.length;
  const averageLength = manifest.docs.reduce((sum, doc) => sum + doc[6], 0) / Math.max(pages, 1);
  let hits: Map<number, DocMatch> | undefined;
  for (const word of words) {
    const term = stem(word);
    const found = new Map<number, DocMatch>();
    for (const [matched, postings] of await extensionsOf(term, source, known)) {
      const containing = postings.length / 2;
      const idf = Math.log(1 + (pages - containing + 0.5) / (containing + 0.5));
      const bonus = lengthBonus(Math.abs(matched.length - term.length) + 1);
      for (let at = 0; at < postings.length; at += 2) {
        const doc = postings[at] ?? 0;
        const frequency = (postings[at + 1] ?? 0) * bonus;
        const length = manifest.docs[doc]?.[6] ?? averageLength;
        const tf = ((TERM_SATURATION + 1) * frequency) / (TERM_SATURATION * (1 - PAGE_LENGTH + PAGE_LENGTH * (length / averageLength)) + frequency);
        const entry = found.get(doc) ?? { score: 0, stems: [] };
        entry.score += idf * tf;
        entry.stems.push(matched);
        found.set(doc, entry);
      }
    }
    hits = hits === undefined ? found : intersect(hits, found);
    if (hits.size === 0) return [];
  }
  const { category, year } = options.filters ?? {};
  const results: PortableHit[] = [];
  for (const [doc, { score, stems }] of hits ?? []) {
    const entry = manifest.docs[doc];
    if (entry === undefined) continue;
    if (category !== undefined && category !== "" && entry[3] !== category) continue;
    if (year !== undefined && year !== "" && String(entry[4]) !== year) continue;
    results.push({ doc, score, stems: [...new Set([...words, ...stems])] });
  }
  const newest = (a: PortableHit, b: PortableHit): number => (manifest.docs[b.doc]?.[5] ?? "").localeCompare(manifest.docs[a.doc]?.[5] ?? "");
  return results.sort(options.sort === "newest" ? newest : (a, b) => b.score - a.score || newest(a, b));
}

/** A hit's link, meta and excerpt, which needs its text chunk. */
export async function resultOf(source: PortableIndexSource, hit: PortableHit): Promise<PortableResult> {
  const manifest = await source.manifest();
  const doc = manifest.docs[hit.doc];
  if (doc === undefined) throw new Error(`the search index has no article ${hit.doc}`);
  const chunk = Math.floor(hit.doc / manifest.textChunkSize);
  const text = (await source.texts(chunk))[hit.doc % manifest.textChunkSize] ?? "";
  return { url: doc[0], meta: { title: doc[1], date: doc[2], category: doc[3] }, excerpt: excerptOf(text, hit.stems) };
}

/**
 * The stretch of EXCERPT_WORDS words holding the most matches, escaped, with
 * each word that starts with a matched stem in <mark>.
 */
export function excerptOf(text: string, stems: readonly string[]): string {
  const tokens = tokenize(text);
  const matches = (word: string): boolean => stems.some((stem) => word.startsWith(stem));
  const marked = tokens.map((token) => matches(token.word));
  let bestStart = 0;
  let best = -1;
  let count = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    if (marked[index] === true) count += 1;
    if (index >= EXCERPT_WORDS && marked[index - EXCERPT_WORDS] === true) count -= 1;
    if (count > best) {
      best = count;
      bestStart = Math.max(0, index - EXCERPT_WORDS + 1);
    }
  }
  const shown = tokens.slice(bestStart, bestStart + EXCERPT_WORDS);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first === undefined || last === undefined) return "";
  let html = "";
  let cursor = first.start;
  for (const [offset, token] of shown.entries()) {
    html += escapeMarkup(text.slice(cursor, token.start));
    const original = escapeMarkup(text.slice(token.start, token.end));
    html += marked[bestStart + offset] === true ? `<mark>${original}</mark>` : original;
    cursor = token.end;
  }
  return html;
}

/** The stems a stemmed query word stands for, with their postings: those it starts, else the longest that starts it. */
async function extensionsOf(term: string, source: PortableIndexSource, known: ReadonlySet<string>): Promise<[string, readonly number[]][]> {
  const key = shardKeyOf(term);
  if (!known.has(key)) return [];
  const shard = await source.shard(key);
  const extensions = Object.keys(shard).filter((stem) => stem.startsWith(term));
  if (extensions.length === 0) {
    let longest = "";
    for (const stem of Object.keys(shard)) if (term.startsWith(stem) && stem.length > longest.length) longest = stem;
    if (longest !== "") extensions.push(longest);
  }
  return extensions.map((stem) => [stem, decodePostings(shard[stem] ?? [])]);
}

/** Pagefind's preference for words close in length to the query's: 1 for the same length, less as they differ. */
function lengthBonus(differential: number): number {
  const base = Math.exp((-0.5 * differential ** 2) / 4);
  return Math.exp(base * TERM_SIMILARITY) / Math.exp(TERM_SIMILARITY);
}

/** How well one article matches the query so far, and the stems it matched. */
interface DocMatch {
  score: number;
  readonly stems: string[];
}

/** The articles matched by both, their scores and stems added up. */
function intersect(kept: Map<number, DocMatch>, next: Map<number, DocMatch>): Map<number, DocMatch> {
  const both = new Map<number, DocMatch>();
  for (const [doc, entry] of kept) {
    const other = next.get(doc);
    if (other !== undefined) both.set(doc, { score: entry.score + other.score, stems: [...entry.stems, ...other.stems] });
  }
  return both;
}
