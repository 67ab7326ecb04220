// Numbers and versions matched whole. The search extends each query word to
// the words it starts ("secur" finds "security"), which is right for words
// and wrong for numbers: "18" would find "#18513" and "1800" ("18.0.0"), and
// "1.30" would find "13.0.0". So every number or version of an article is
// indexed as a number term too, and a query's number is searched as its term:
//
// - "18" is "nv18z", "1.30" is "nv1x30z": parts end in "x", the whole in "z",
//   so no term starts another and a query's term finds that number alone.
//   Trailing zero parts do not count (18.0.0 is 18, 1.30.0 is 1.30), as
//   readers name releases.
// - A version also belongs to its lines: 18.12.1 is indexed as "nv18x12x1z"
//   and, weighing less (LINE_WEIGHT), as "nv18z" and "nv18x12z", so "node 18"
//   finds every 18.x release, the ones named 18 first.
//
// The terms are letters and digits only and end in a letter no stemmer cuts;
// they live in the index alone: the text readers see never holds them.

const TERM_PREFIX = "nv";
const PART_END = "x";
const TERM_END = "z";
/** How much the terms of a version's lines weigh, against its own term. */
export const LINE_WEIGHT = 0.25;
/** Longer parts are identifiers (timestamps, phone numbers) more than numbers a reader types. */
const MOST_DIGITS = 8;
const MOST_PARTS = 4;

/** A number term. */
const NUMBER_TERM = /^nv(?:\d+x)*\d+z$/;
/** A piece of a written word that may be a number: letters, digits, dots and commas. */
const PIECE = /[\p{L}\p{N}.,]+/gu;
/** 18, v18, 18.0.0, v22.1.0, 18.x (a version line), 1.30 */
const VERSION = /^v?(\d+(?:\.\d+)*)(?:\.x)*$/i;
/** 2,000 and 60,000: thousands grouped with commas. */
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const DIGIT = /\d/;

/** The terms of one number: its own, and those of the lines it belongs to (none for a number of one part). */
export interface NumberTerms {
  readonly own: string;
  readonly lines: readonly string[];
}

function termOf(parts: readonly string[]): string {
  return TERM_PREFIX + parts.join(PART_END) + TERM_END;
}

/** The terms of a number's parts ("18", "12", "1"); leading zeros and trailing zero parts do not count. */
function termsOfParts(parts: readonly string[]): NumberTerms | undefined {
  if (parts.length === 0 || parts.length > MOST_PARTS || parts.some((part) => part.length > MOST_DIGITS)) return undefined;
  const values = parts.map((part) => part.replace(/^0+(?=\d)/, ""));
  while (values.length > 1 && values[values.length - 1] === "0") values.pop();
  return { own: termOf(values), lines: values.slice(1).map((_, index) => termOf(values.slice(0, index + 1))) };
}

/** The terms of one piece of a word, when the piece is a number or version. */
function pieceTerms(piece: string): NumberTerms | undefined {
  const trimmed = piece.replace(/^[.,]+|[.,]+$/g, "");
  if (GROUPED.test(trimmed)) return termsOfParts([trimmed.replaceAll(",", "")]);
  const version = VERSION.exec(trimmed);
  return version?.[1] === undefined ? undefined : termsOfParts(version[1].split("."));
}

/**
 * The numbers of a written word (a run of text between spaces), as terms:
 * one for each number or version in it ("node-v18.12.1-darwin" → nv18x12x1z
 * with its lines, "#18513" → nv18513z, "2,000" → nv2000z). A word may hold
 * several ("1.22-1.24"); words without a digit have none, found without
 * looking further (most words of a text).
 */
export function numberTermsOf(written: string): NumberTerms[] {
  if (!DIGIT.test(written)) return [];
  const terms: NumberTerms[] = [];
  for (const [piece] of written.matchAll(PIECE)) {
    const whole = pieceTerms(piece);
    if (whole !== undefined) terms.push(whole);
    else if (piece.includes(",")) for (const part of piece.split(",")) terms.push(...numberTermsOf(part));
  }
  return terms;
}

/**
 * The number term a word of a query stands for ("18", "1.30", "v22.1.0",
 * "#18513"), or undefined for anything else. A "v" with a whole number
 * ("v8", "v2") stays a word: it names V8 or an API version as often as a
 * release.
 */
export function queryNumberTerm(word: string): string | undefined {
  if (/^v\d+$/i.test(word)) return undefined;
  const trimmed = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const terms = numberTermsOf(trimmed);
  return terms.length === 1 && terms[0] !== undefined && [...trimmed.matchAll(PIECE)].length === 1 ? terms[0].own : undefined;
}

/** Whether a word is a number term. */
export function isNumberTerm(word: string): boolean {
  return NUMBER_TERM.test(word);
}

/** The number term of a whole number (a year, a day): what a date's numbers are indexed and searched as. */
export function wholeNumberTerm(value: number): string {
  return termOf([String(value)]);
}
