// How text is cut into searchable words, the same when an article is indexed
// (in Node) and when a query is read (in the reader's browser). Matching
// ignores case and diacritics: "Café" is found by "cafe".
import { numberTermsOf, queryNumberTerm, type NumberTerms } from "./numbers.browser.ts";

/** A word of a text: its folded form and where it stands in the original. */
interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lower case without diacritics: the form words are indexed and matched in. */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
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

/** Weights are counted in 24ths of a word of the text (Pagefind's unit): a heading's word is 144, a title's 240. */
export const WEIGHT_UNIT = 24;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Where a written compound word breaks: at punctuation, and at case changes ("secureContext", "WKWebView"). */
const COMPOUND_BREAK = /[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
/** Text without these needs no folding: most of an English archive's words. */
const NEEDS_FOLDING = /[^\x00-\x7f]/;

/** What the index reads of a written word: a run of text between spaces. */
export interface WrittenWord {
  /** Folded, without punctuation ("lifecycle" for "Life-cycle"); "" when it holds no letter or digit. */
  readonly whole: string;
  /** A compound's parts of two letters or more ("life", "cycle"; "secure", "context"), when it has two parts or more. */
  readonly parts: readonly string[];
  /** Its numbers and versions, as number terms (numbers.ts). */
  readonly numbers: readonly NumberTerms[];
  /** The tokens a phrase is matched by: the number it is, else its parts, else its whole. */
  readonly phrase: readonly string[];
  /** It is a number or version ("18", "v18.0.0", "#18513"), searched by its number term alone. */
  readonly isNumber: boolean;
}

function fold(text: string): string {
  return NEEDS_FOLDING.test(text) ? foldWord(text) : text.toLowerCase();
}

const NONE: readonly never[] = Object.freeze([]);
/**
 * A plain word, most of a text's: ASCII letters, capitalised or all in
 * capitals, with punctuation around it at most. Nothing to break or fold but
 * its case, and no number: read without the general rules' regular expressions.
 */
const PLAIN = /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]*([A-Z]?[a-z]+|[A-Z]+)[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]*$/;

/** Reads a written word once for everything the index and the queries need of it. */
export function readWritten(written: string): WrittenWord {
  const plain = PLAIN.exec(written)?.[1];
  if (plain !== undefined) {
    const whole = plain.toLowerCase();
    return { whole, parts: NONE, numbers: NONE, phrase: [whole], isNumber: false };
  }
  const whole = fold(written).replace(NOT_LETTER_OR_DIGIT, "");
  if (whole === "") return { whole, parts: NONE, numbers: NONE, phrase: NONE, isNumber: false };
  const pieces = written.split(COMPOUND_BREAK).filter((part) => part !== "");
  const parts = pieces.length < 2 ? [] : pieces.map(fold).filter((part) => Array.from(part).length > 1);
  const numbers = numberTermsOf(written);
  const number = numbers.length === 0 ? undefined : queryNumberTerm(written);
  return { whole, parts, numbers, phrase: number !== undefined ? [number] : parts.length > 1 ? parts : [whole], isNumber: number !== undefined };
}

/** The written words of a text: its runs between spaces. */
export function writtenWordsOf(text: string): string[] {
  return text.split(/\s+/).filter((written) => written !== "");
}

/** The weight of a compound's parts: its own shared among them, in whole units, at least 1 unless it is 0. */
export function partWeight(weight: number, parts: number): number {
  return weight === 0 ? 0 : Math.max(1, Math.floor(weight / Math.max(parts, 1)));
}
