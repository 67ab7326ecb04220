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
} from "./portable-query.ts";
import { indexedWords, shardKeyOf, wordCount } from "./words.ts";

/** An article as the portable index sees it: what the search page shows and the text it searches. */
export interface PortableArticle {
  /** From the site's root, without a leading slash: "2021/04/09/x/index.html". */
  readonly url: string;
  readonly title: string;
  readonly dateText: string;
  readonly category: string;
  readonly year: number;
  readonly sortDate: string;
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

/** The title counts as much as ten words of the body, as `data-pagefind-weight="10"` makes it for Pagefind. */
const TITLE_WEIGHT = 10;
/** Articles per text chunk: a page of ten results loads at most ten small files. */
const TEXT_CHUNK_SIZE = 5;

/**
 * Writes the portable search index of the articles: a manifest, word shards
 * and text chunks, each a classic script calling the index callback.
 */
export function buildPortableIndex(articles: readonly PortableArticle[], language: PortableLanguage): PortableIndexFile[] {
  const { stem, stemmerScript } = language;
  const stemOf = memoize(stem);
  const shards = new Map<string, Map<string, number[]>>();
  const shardFor = (stemmed: string): Map<string, number[]> => {
    const key = shardKeyOf(stemmed);
    let shard = shards.get(key);
    if (shard === undefined) {
      shard = new Map();
      shards.set(key, shard);
    }
    return shard;
  };
  const docs: PortableDoc[] = [];
  const texts: string[] = [];
  for (const [doc, article] of articles.entries()) {
    const segments = htmlToSegments(article.bodyHtml);
    const body = segments.map((segment) => segment.text).join(" ");
    const weights = new Map<string, number>();
    const count = (text: string, weight: number): void => {
      for (const indexed of indexedWords(text, weight)) {
        const stemmed = stemOf(indexed.word);
        weights.set(stemmed, (weights.get(stemmed) ?? 0) + indexed.weight);
      }
    };
    count(article.title, TITLE_WEIGHT);
    for (const segment of segments) count(segment.text, segment.weight);
    // Pagefind finds a page by its meta (date and category) as well as its text, and skips the tags' <footer>.
    count(`${article.dateText} ${article.category}`, 1);
    const length = wordCount(article.title) + wordCount(body);
    for (const [stemmed, weight] of weights) {
      const postings = shardFor(stemmed);
      const list = postings.get(stemmed);
      // Two decimals are plenty for ranking, and keep the shards short.
      const rounded = Math.round(weight * 100) / 100;
      if (list === undefined) postings.set(stemmed, [doc, rounded]);
      else list.push(doc, rounded);
    }
    docs.push([article.url, article.title, article.dateText, article.category, article.year, article.sortDate, length]);
    texts.push(`${article.title}. ${body}`);
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

/** A stretch of an article's text and the weight of its words. */
export interface TextSegment {
  readonly text: string;
  readonly weight: number;
}

/** Pagefind weighs the words of a heading by its level, and those of the text 1. */
const HEADING_WEIGHTS: Readonly<Record<string, number>> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

/**
 * The text a reader sees in rendered HTML, in stretches of one weight
 * (headings weigh more), with a space wherever a block ends so that words do
 * not run together; scripts and styles left out.
 */
export function htmlToSegments(html: string): TextSegment[] {
  const segments: { text: string; weight: number }[] = [];
  const weights: number[] = [1];
  let skipped = 0;
  const append = (text: string): void => {
    const weight = weights[weights.length - 1] ?? 1;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.weight === weight) last.text += text;
    else segments.push({ text, weight });
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === "script" || name === "style" || name === "template") skipped += 1;
        if (!INLINE.has(name)) append(" ");
        const heading = HEADING_WEIGHTS[name];
        if (heading !== undefined) weights.push(heading);
      },
      onclosetag(name) {
        if (name === "script" || name === "style" || name === "template") skipped = Math.max(0, skipped - 1);
        if (HEADING_WEIGHTS[name] !== undefined && weights.length > 1) weights.pop();
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
