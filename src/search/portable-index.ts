import { Parser } from "htmlparser2";
import {
  PORTABLE_FORMAT_VERSION,
  PORTABLE_INDEX_CALLBACK,
  PORTABLE_INDEX_DIR,
  PORTABLE_INDEX_PATHS,
  type PortableDoc,
  type PortableManifest,
  type PortableShard,
  encodePostings,
  metaTextsOf,
} from "./portable-query.ts";
import { elementWeight, htmlForIndex, lineTermWeight, UNINDEXED, type ElementWeight } from "./index-html.ts";
import { lineTermsIn, withNumberTerms } from "./numbers.ts";
import { indexedWords, shardKeyOf, WEIGHT_UNIT, wordCount } from "./words.ts";

/** An article as the portable index sees it: what the search page shows and the text it searches. */
export interface PortableArticle {
  /** From the site's root, without a leading slash: "2021/04/09/x/index.html". */
  readonly url: string;
  readonly title: string;
  readonly dateText: string;
  readonly category: string;
  readonly year: number;
  /** Orders the articles by date, as the site's Pagefind sort does (see ArticlePageView.sortKey). */
  readonly sortKey: string;
  readonly bodyHtml: string;
}

export interface PortableIndexFile {
  /** Relative to the output folder. */
  readonly path: string;
  readonly content: string;
}

export type Stemmer = (word: string) => string;

/** How the archive's language cuts words to their stems, in Node and, as a script, in the reader's browser. */
export interface PortableLanguage {
  readonly stem: Stemmer;
  /** A classic script handing the same stemmer to the search page; none for a language without a stemmer. */
  readonly stemmerScript?: string;
}

/** The title weighs ten words of the body, as `data-pagefind-weight="10"` on its heading makes it for Pagefind. */
const TITLE_WEIGHT = 10 * WEIGHT_UNIT;
/** Articles per text chunk: a page of ten results loads at most ten small files. */
const TEXT_CHUNK_SIZE = 5;

/**
 * Writes the portable search index of the articles: a manifest, word shards
 * and text chunks, each a classic script calling the index callback. Each
 * article is indexed as Pagefind indexes its page: the title and the body,
 * with their weights and number terms (`htmlForIndex`, `withNumberTerms`);
 * its date and category as meta, which find it but weigh nothing in the text.
 */
export function buildPortableIndex(articles: readonly PortableArticle[], language: PortableLanguage): PortableIndexFile[] {
  const { stem, stemmerScript } = language;
  const stemOf = memoize(stem);
  const shards = new Map<string, Map<string, number[]>>();
  const docs: PortableDoc[] = [];
  const texts: string[] = [];
  for (const [doc, article] of articles.entries()) {
    const { weights, length, text } = indexArticle(article, stemOf);
    for (const [stemmed, weight] of weights) {
      const key = shardKeyOf(stemmed);
      const shard = shards.get(key) ?? new Map<string, number[]>();
      shards.set(key, shard);
      const list = shard.get(stemmed);
      if (list === undefined) shard.set(stemmed, [doc, weight]);
      else list.push(doc, weight);
    }
    docs.push([article.url, article.title, article.dateText, article.category, article.year, article.sortKey, length]);
    texts.push(text);
  }
  const keys = [...shards.keys()].sort();
  const manifest: PortableManifest = { version: PORTABLE_FORMAT_VERSION, stemmer: stemmerScript !== undefined, docs, shards: keys, textChunkSize: TEXT_CHUNK_SIZE };
  const files: PortableIndexFile[] = [{ path: `${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.manifest}`, content: script("manifest", null, manifest) }];
  for (const key of keys) {
    const shard = shards.get(key);
    if (shard === undefined) continue;
    const content: PortableShard = Object.fromEntries([...shard].map(([stemmed, postings]) => [stemmed, encodePostings(postings)]));
    files.push({ path: `${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.shard(key)}`, content: script("shard", key, content) });
  }
  if (stemmerScript !== undefined) files.push({ path: `${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.stemmer}`, content: stemmerScript });
  for (let chunk = 0; chunk * TEXT_CHUNK_SIZE < texts.length; chunk += 1) {
    files.push({ path: `${PORTABLE_INDEX_DIR}/${PORTABLE_INDEX_PATHS.text(chunk)}`, content: script("text", chunk, texts.slice(chunk * TEXT_CHUNK_SIZE, (chunk + 1) * TEXT_CHUNK_SIZE)) });
  }
  return files;
}

/**
 * One article as Pagefind indexes its page: the weight of each stem (title,
 * body with its weights and number terms, meta words at 0), its length in
 * words as Pagefind counts them (number terms included), and the text its
 * excerpts are cut from (without number terms).
 */
function indexArticle(article: PortableArticle, stemOf: Stemmer): { weights: Map<string, number>; length: number; text: string } {
  const segments = htmlToSegments(htmlForIndex(article.bodyHtml, { numberTerms: false }));
  const weights = new Map<string, number>();
  const count = (text: string, weight: number): void => {
    for (const indexed of indexedWords(text, weight)) {
      const stemmed = stemOf(indexed.word);
      weights.set(stemmed, (weights.get(stemmed) ?? 0) + indexed.weight);
    }
  };
  // The title is meta too: its numbers get their own terms, not their lines'.
  const title = withNumberTerms(article.title);
  count(title, TITLE_WEIGHT);
  let length = wordCount(title);
  for (const segment of segments) {
    const lines = lineTermsIn(segment.text);
    const text = withNumberTerms(segment.text);
    count(text, segment.weight);
    count(lines.join(" "), lineTermWeight(segment.weight));
    length += wordCount(text) + lines.length;
  }
  // Pagefind finds a page by its meta (date and category) too, from the meta alone; the tags' <footer> it skips.
  for (const [, meta] of metaTextsOf(article.title, article.dateText, article.category)) count(meta, 0);
  return { weights, length, text: `${article.title}. ${segments.map((segment) => segment.text).join(" ")}` };
}

/** A stretch of an article's text and the weight of its words. */
export interface TextSegment {
  readonly text: string;
  readonly weight: number;
}

/**
 * The text a reader sees in rendered HTML, in stretches of one weight (in
 * Pagefind's units, as `elementWeight` reads them), with a space wherever a
 * block ends so that words do not run together; scripts and styles left out.
 */
export function htmlToSegments(html: string): TextSegment[] {
  const segments: { text: string; weight: number }[] = [];
  const open: (ElementWeight & { readonly name: string })[] = [];
  let skipped = 0;
  const append = (text: string): void => {
    const weight = open[open.length - 1]?.weight ?? WEIGHT_UNIT;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.weight === weight) last.text += text;
    else segments.push({ text, weight });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (UNINDEXED.has(name)) skipped += 1;
        if (!INLINE.has(name)) append(" ");
        open.push({ name, ...elementWeight(name, attributes, open[open.length - 1]) });
      },
      onclosetag(name) {
        if (UNINDEXED.has(name)) skipped = Math.max(0, skipped - 1);
        if (open[open.length - 1]?.name === name) open.pop();
        if (!INLINE.has(name)) append(" ");
      },
      ontext(text) {
        if (skipped === 0) append(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return segments.map(({ text, weight }) => ({ text: text.replace(/\s+/g, " ").trim(), weight })).filter((segment) => segment.text !== "");
}

/** The text a reader sees in rendered HTML. */
export function htmlToText(html: string): string {
  return htmlToSegments(html)
    .map((segment) => segment.text)
    .join(" ");
}

const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"]);

/** A classic script that hands its part of the index to the search page. JSON is a JavaScript expression. */
function script(kind: "manifest" | "shard" | "text", key: string | number | null, data: unknown): string {
  return `${PORTABLE_INDEX_CALLBACK}(${JSON.stringify(kind)},${JSON.stringify(key)},${JSON.stringify(data)});\n`;
}

function memoize(stem: Stemmer): Stemmer {
  const known = new Map<string, string>();
  return (word) => {
    let stemmed = known.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      known.set(word, stemmed);
    }
    return stemmed;
  };
}
