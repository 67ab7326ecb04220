// The portable search index and the search over it. A portable site is opened
// from disk (file://), where browsers refuse `fetch` and module scripts, so
// Pagefind cannot load. Its index is written as classic scripts instead: a
// manifest of the articles, shards of words by their first two letters, and
// the articles' text in small chunks for excerpts. This module holds the
// format and the search, free of the DOM, so the same code runs in the
// browser and under the tests.
import { excerptOf } from "./excerpt.ts";
import { withNumberTerms } from "./numbers.ts";
import { inverseDocumentFrequency, lengthBonus, metaBoost, wordScore } from "./portable-score.ts";
import { orderByScoreAndDate, ORDERING, refineFirstResults, type MetaField } from "./ranking.ts";
import { indexedWords, queryWords, shardFileName, shardKeyOf, WEIGHT_UNIT } from "./words.ts";

/** The global function every index file calls with its part: `__newsArchiveIndex(kind, key, data)`. */
export const PORTABLE_INDEX_CALLBACK = "__newsArchiveIndex";
/** Where the index lives in the output folder. */
export const PORTABLE_INDEX_DIR = "search-data";
export const PORTABLE_FORMAT_VERSION = 2;

/** Where each part of the index is written, relative to PORTABLE_INDEX_DIR. */
export const PORTABLE_INDEX_PATHS = {
  manifest: "manifest.js",
  shard: (key: string): string => `words/${shardFileName(key)}.js`,
  text: (chunk: number): string => `text/${chunk}.js`,
  stemmer: "stemmer.js",
} as const;

/** An article in the manifest: [url from the site's root, title, date as written, category, year, sort key (orders by date), words]. */
export type PortableDoc = readonly [url: string, title: string, date: string, category: string, year: number, sortKey: string, length: number];

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
 * A shard: each stem whose first letters are the shard's key (shardKeyOf),
 * with its postings encoded by `encodePostings`. A weight is in Pagefind's
 * units: 24 for each word of the text, 240 for a word of the title (as
 * `data-pagefind-weight="10"` gives it), 0 for a word of the meta alone.
 */
export type PortableShard = Readonly<Record<string, readonly number[]>>;

/**
 * Postings [doc, weight, doc, weight...] (docs ascending) written short: each
 * doc as its distance from the previous one, and most words weigh one word
 * of the text (24), so a positive number is a distance with that weight and
 * a negative one is a distance followed by the weight.
 */
export function encodePostings(postings: readonly number[]): number[] {
  const encoded: number[] = [];
  let previous = 0;
  for (let at = 0; at < postings.length; at += 2) {
    const doc = postings[at] ?? 0;
    const weight = postings[at + 1] ?? 0;
    const distance = doc - previous + 1;
    previous = doc;
    if (weight === WEIGHT_UNIT) encoded.push(distance);
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
    if (value > 0) postings.push(doc, WEIGHT_UNIT);
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

/** A query word, stemmed, with the stems it stands for and their postings. */
interface QueryTerm {
  readonly word: string;
  readonly extensions: readonly (readonly [stem: string, weights: ReadonlyMap<number, number>])[];
  /** The articles holding any of its stems. */
  readonly docs: ReadonlySet<number>;
  readonly idf: number;
}

/**
 * Finds the articles holding every word of the query, as Pagefind does: each
 * word (a number as its number term) is stemmed and stands for every stem
 * that starts with it (or, when none does, for the longest stem it starts
 * with); a word the index lacks altogether is passed over, as Pagefind passes
 * it over. Articles are scored as Pagefind scores them (portable-score.ts)
 * and come best first (orderByScoreAndDate, then refineFirstResults) or newest
 * first, within the filters.
 */
export async function searchPortable(source: PortableIndexSource, query: string, options: PortableSearchOptions = {}): Promise<PortableHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const manifest = await source.manifest();
  const stem = manifest.stemmer ? await source.stemmer() : (word: string) => word;
  const known = new Set(manifest.shards);
  const pages = manifest.docs.length;
  const terms = await Promise.all(words.map(async (word): Promise<QueryTerm> => {
    const extensions = (await extensionsOf(stem(word), source, known)).map(([matched, postings]) => [matched, weightsByDoc(postings)] as const);
    const docs = new Set(extensions.flatMap(([, weights]) => [...weights.keys()]));
    return { word, extensions, docs, idf: inverseDocumentFrequency(pages, docs.size) };
  }));
  const matching = terms.filter((term) => term.docs.size > 0);
  const smallest = matching.reduce<QueryTerm | undefined>((least, term) => (least === undefined || term.docs.size < least.docs.size ? term : least), undefined);
  if (smallest === undefined) return [];
  const { category, year } = options.filters ?? {};
  const found = [...smallest.docs].filter((doc) => {
    const entry = manifest.docs[doc];
    if (entry === undefined || !matching.every((term) => term.docs.has(doc))) return false;
    return (category === undefined || category === "" || entry[3] === category) && (year === undefined || year === "" || String(entry[4]) === year);
  });
  const averageLength = manifest.docs.reduce((sum, doc) => sum + doc[6], 0) / Math.max(pages, 1);
  const queryIdf = terms.reduce((sum, term) => sum + term.idf, 0);
  const newestFirst = new Map([...found].sort((a, b) => compareKeys(manifest.docs[b]?.[5] ?? "", manifest.docs[a]?.[5] ?? "")).map((doc, place) => [doc, place]));
  const stemsOfMeta = metaStems(manifest, stem);
  const hits = found.map((doc) => {
    const entry = manifest.docs[doc];
    const length = entry?.[6] ?? averageLength;
    const scored = new Set<string>();
    const inMeta = new Map<MetaField, Map<string, number>>();
    let score = 0;
    for (const term of matching) {
      for (const [matched, weights] of term.extensions) {
        const weight = weights.get(doc);
        if (weight === undefined) continue;
        if (!scored.has(matched)) score += wordScore({ weight, lengthBonus: lengthBonus(Math.abs(matched.length - stem(term.word).length) + 1), idf: term.idf }, length, averageLength);
        scored.add(matched);
        for (const [field, stems] of stemsOfMeta(doc)) if (stems.has(matched)) inMeta.set(field, (inMeta.get(field) ?? new Map<string, number>()).set(matched, term.idf));
      }
    }
    return { doc, score: score + metaBoost(inMeta, queryIdf), newestFirst: newestFirst.get(doc) ?? 0, stems: [...new Set([...words, ...scored])] };
  });
  const hit = ({ doc, score, stems }: PortableHit): PortableHit => ({ doc, score, stems });
  if (options.sort === "newest") return hits.sort((a, b) => a.newestFirst - b.newestFirst).map(hit);
  const ranked = orderByScoreAndDate(hits);
  const texts = new Map(await Promise.all(ranked.slice(0, ORDERING.firstResults).map(async ({ doc }) => [doc, await textOf(source, manifest, doc)] as const)));
  return refineFirstResults(ranked, hits.length, ({ doc }) => ({ title: manifest.docs[doc]?.[1] ?? "", text: texts.get(doc) ?? "" }), query).map(hit);
}

/** The text of an article, from its chunk of texts. */
async function textOf(source: PortableIndexSource, manifest: PortableManifest, doc: number): Promise<string> {
  return (await source.texts(Math.floor(doc / manifest.textChunkSize)))[doc % manifest.textChunkSize] ?? "";
}

/** A hit's link, meta and excerpt, which needs its text chunk. */
export async function resultOf(source: PortableIndexSource, hit: PortableHit): Promise<PortableResult> {
  const manifest = await source.manifest();
  const doc = manifest.docs[hit.doc];
  if (doc === undefined) throw new Error(`the search index has no article ${hit.doc}`);
  return { url: doc[0], meta: { title: doc[1], date: doc[2], category: doc[3] }, excerpt: excerptOf(await textOf(source, manifest, hit.doc), hit.stems) };
}

/**
 * The text of an article's meta fields as the search indexes them (a number
 * of the title or date with its number term; the category as written, since
 * Pagefind takes it as a filter value).
 */
export function metaTextsOf(title: string, date: string, category: string): readonly (readonly [MetaField, string])[] {
  return [
    ["title", withNumberTerms(title)],
    ["date", withNumberTerms(date)],
    ["category", category],
  ];
}

/** The stems of each article's meta fields, worked out once an article is scored. */
function metaStems(manifest: PortableManifest, stem: (word: string) => string): (doc: number) => ReadonlyMap<MetaField, ReadonlySet<string>> {
  const known = new Map<number, ReadonlyMap<MetaField, ReadonlySet<string>>>();
  return (doc) => {
    let fields = known.get(doc);
    if (fields === undefined) {
      const entry = manifest.docs[doc];
      const texts = entry === undefined ? [] : metaTextsOf(entry[1], entry[2], entry[3]);
      fields = new Map(texts.map(([field, text]) => [field, new Set(indexedWords(text, 0).map(({ word }) => stem(word)))]));
      known.set(doc, fields);
    }
    return fields;
  };
}

/** Sort keys compare as strings, code point by code point, as Pagefind compares them. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function weightsByDoc(postings: readonly number[]): Map<number, number> {
  const weights = new Map<number, number>();
  for (let at = 0; at < postings.length; at += 2) weights.set(postings[at] ?? 0, postings[at + 1] ?? 0);
  return weights;
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
