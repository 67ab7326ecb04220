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

/** The words of a query, folded, without repeats. */
export function queryWords(query: string): string[] {
  return [...new Set(tokenize(query).map((token) => token.word))];
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
