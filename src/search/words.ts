// How text is cut into searchable words, shared by the portable index (built
// in Node) and its client (in the browser), so both cut the same way. Like
// Pagefind, matching ignores case and diacritics: "Café" is found by "cafe".
import { isNumberTerm, queryTerm } from "./numbers.ts";

/** A word of a text: its folded form and where it stands in the original. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lower case without diacritics: the form words are indexed and matched in. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The words of a text, folded, with their places in the original text (for excerpts). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word !== "") tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A word as the index holds it: folded, with its weight in Pagefind's units (24 for a word of the text). */
export interface IndexedWord {
  readonly word: string;
  readonly weight: number;
}

/** Pagefind counts weights in 24ths of a word of the text: `data-pagefind-weight="0.1"` is 2, a title's 10 is 240. */
export const WEIGHT_UNIT = 24;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Where a written compound word breaks: at punctuation, and at case changes ("secureContext", "WKWebView"). */
const COMPOUND_BREAK = /[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/**
 * The words Pagefind indexes for a text, so the portable index finds what
 * Pagefind finds: each run of text between spaces, without its punctuation
 * ("life-cycle" is "lifecycle"), and, for a compound ("life-cycle",
 * "secureContext", "fs.readFile"), each part of two letters or more too,
 * sharing the word's weight (in whole units, at least 1).
 */
export function indexedWords(text: string, weight: number): IndexedWord[] {
  const words: IndexedWord[] = [];
  for (const written of text.split(/\s+/)) {
    const whole = foldWord(written).replace(NOT_LETTER_OR_DIGIT, "");
    if (whole === "") continue;
    words.push({ word: whole, weight });
    const parts = written
      .split(COMPOUND_BREAK)
      .map(foldWord)
      .filter((part) => part !== "");
    if (parts.length < 2) continue;
    const indexed = parts.filter((part) => Array.from(part).length > 1);
    const share = weight === 0 ? 0 : Math.max(1, Math.floor(weight / indexed.length));
    for (const part of indexed) words.push({ word: part, weight: share });
  }
  return words;
}

/** How many words a text has, as Pagefind counts a page's length: runs between spaces. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((written) => written !== "").length;
}

/**
 * The words of a query as both searches look for them: numbers and versions
 * as their number terms ("v22.1.0" → "nv22x1x0x"), other words folded
 * without their punctuation, as Pagefind reads them; no word twice.
 */
export function queryWords(query: string): string[] {
  const words = query.split(/\s+/).map((word) => {
    const term = queryTerm(word);
    return term === word ? foldWord(word).replace(NOT_LETTER_OR_DIGIT, "") : term;
  });
  return [...new Set(words.filter((word) => word !== ""))];
}

/**
 * The index is split into shards by the first two letters of a word, so a
 * query loads only the shards of its words. One-letter words have their own.
 * Number terms, all starting "nv", go by their first four characters ("nv18"):
 * every term a number query extends to shares them.
 */
export function shardKeyOf(word: string): string {
  return Array.from(word)
    .slice(0, isNumberTerm(word) ? 4 : 2)
    .join("");
}

/** A shard's file name: its key's code points in hex, safe on every file system. */
export function shardFileName(key: string): string {
  return Array.from(key, (character) => (character.codePointAt(0) ?? 0).toString(16)).join("-");
}
