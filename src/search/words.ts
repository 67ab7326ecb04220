// How text is cut into searchable words, shared by the portable index (built
// in Node) and its client (in the browser), so both cut the same way. Like
// Pagefind, matching ignores case and diacritics: "Café" is found by "cafe".

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

/** A word as the index holds it: folded, with its weight (1 for a word of the text). */
export interface IndexedWord {
  readonly word: string;
  readonly weight: number;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Where a written compound word breaks: at punctuation, and at case changes ("secureContext", "WKWebView"). */
const COMPOUND_BREAK = /[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/**
 * The words Pagefind indexes for a text, so the portable index finds what
 * Pagefind finds: each run of text between spaces, without its punctuation
 * ("life-cycle" is "lifecycle"), and, for a compound ("life-cycle",
 * "secureContext", "fs.readFile"), each part of two letters or more too,
 * sharing the word's weight.
 */
export function indexedWords(text: string, weight: number): IndexedWord[] {
  const words: IndexedWord[] = [];
  for (const written of text.split(/\s+/)) {
    const whole = foldWord(written).replace(NOT_LETTER_OR_DIGIT, "");
    if (whole === "") continue;
    words.push({ word: whole, weight });
    const parts = written.split(COMPOUND_BREAK).filter((part) => part !== "");
    if (parts.length < 2) continue;
    for (const part of parts) {
      const folded = foldWord(part);
      if (Array.from(folded).length > 1) words.push({ word: folded, weight: weight / parts.length });
    }
  }
  return words;
}

/** How many words a text has, as Pagefind counts a page's length: runs between spaces. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((written) => written !== "").length;
}

/** The words of a query, as Pagefind reads one: punctuation dropped, split at spaces, folded, without repeats. */
export function queryWords(query: string): string[] {
  return [...new Set(foldWord(query).replace(/[^\p{L}\p{N}\s]+/gu, "").split(/\s+/).filter((word) => word !== ""))];
}

/**
 * The index is split into shards by the first two letters of a word, so a
 * query loads only the shards of its words. One-letter words have their own.
 */
export function shardKeyOf(word: string): string {
  return Array.from(word).slice(0, 2).join("");
}

/** A shard's file name: its key's code points in hex, safe on every file system. */
export function shardFileName(key: string): string {
  return Array.from(key, (character) => (character.codePointAt(0) ?? 0).toString(16)).join("-");
}
