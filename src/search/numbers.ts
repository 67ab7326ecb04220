// Numbers and versions matched whole. Both searches extend each query word
// to the words it starts ("secur" finds "security"), which is right for words
// and wrong for numbers: "18" would find "#18513" and "1800" ("18.0.0"), and
// "1.30" would find "13.0.0". So every number or version of an article is
// indexed a second time as a number term, right after it, and a query's
// number is searched as its term:
//
// - "18" is "nv18z", "1.30" is "nv1x30z": parts end in "x", the whole in "z",
//   so no term starts another and a query's term finds that number alone.
//   Trailing zero parts do not count (18.0.0 is 18, 1.30.0 is 1.30), as
//   readers name releases.
// - A version also belongs to its lines: 18.12.1 is indexed as "nv18x12x1z"
//   and, weighing less (LINE_WEIGHT), as "nv18z" and "nv18x12z", so "node 18"
//   finds every 18.x release, the ones named 18 first.
//
// The terms are letters and digits only, as Pagefind keeps nothing else of a
// word, and end in a letter no stemmer cuts. The reader never sees them: the
// search page takes them out of titles and excerpts.

const TERM_PREFIX = "nv";
const PART_END = "x";
const TERM_END = "z";
/** How much the terms of a version's lines weigh, against its own term. */
export const LINE_WEIGHT = 0.25;
/** Longer parts are identifiers (timestamps, phone numbers) more than numbers a reader types. */
const MOST_DIGITS = 8;
const MOST_PARTS = 4;

/** A number term, as it stands in indexed text. */
const NUMBER_TERM = /^nv(?:\d+x)*\d+z$/;
/** Number terms in text, each with the space before it. */
const TERMS_IN_TEXT = /[^\S\n]*(?<![\p{L}\p{N}])nv(?:\d+x)*\d+z(?![\p{L}\p{N}])/gu;
/** The same in an excerpt, where a term may be marked: the word before it takes its mark. */
const MARKED_TERM_IN_EXCERPT = /(\S+?)[^\S\n]+<mark>nv(?:\d+x)*\d+z<\/mark>/gu;

/** A piece of a written word that may be a number: letters, digits, dots and commas. */
const PIECE = /[\p{L}\p{N}.,]+/gu;
/** 18, v18, 18.0.0, v22.1.0, 18.x (a version line), 1.30 */
const VERSION = /^v?(\d+(?:\.\d+)*)(?:\.x)*$/i;
/** 2,000 and 60,000: thousands grouped with commas. */
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

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
 * several ("1.22-1.24"); words without a number have none.
 */
export function numberTermsOf(written: string): NumberTerms[] {
  const terms: NumberTerms[] = [];
  for (const [piece] of written.matchAll(PIECE)) {
    const whole = pieceTerms(piece);
    if (whole !== undefined) terms.push(whole);
    else if (piece.includes(",")) for (const part of piece.split(",")) terms.push(...numberTermsOf(part));
  }
  return terms;
}

/** The text with each word that holds numbers followed by their own terms, as it is indexed (and as meta is). */
export function withNumberTerms(text: string): string {
  return text.replace(/\S+/g, (written) => {
    const terms = numberTermsOf(written);
    return terms.length === 0 ? written : `${written} ${terms.map((term) => term.own).join(" ")}`;
  });
}

/** The terms of the lines of the versions in a text ("18.12.1" → nv18z, nv18x12z), indexed with LINE_WEIGHT. */
export function lineTermsIn(text: string): string[] {
  return text.split(/\s+/).flatMap((written) => numberTermsOf(written).flatMap((term) => term.lines));
}

/**
 * How a word of a query is searched: a number or version by its term ("18",
 * "1.30", "v22.1.0", "#18513"), anything else as written. A "v" with a whole
 * number ("v8", "v2") stays a word: it names V8 or an API version as often as
 * a release.
 */
export function queryTerm(word: string): string {
  if (/^v\d+$/i.test(word)) return word;
  const trimmed = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const terms = numberTermsOf(trimmed);
  return terms.length === 1 && terms[0] !== undefined && [...trimmed.matchAll(PIECE)].length === 1 ? terms[0].own : word;
}

/** Whether a word is a number term. */
export function isNumberTerm(word: string): boolean {
  return NUMBER_TERM.test(word);
}

/** The text as the reader wrote it: number terms taken out (titles, dates). */
export function withoutNumberTerms(text: string): string {
  return text.replace(TERMS_IN_TEXT, "");
}

/** An excerpt (escaped text with <mark>s) without number terms; a marked term passes its mark to the number before it. */
export function excerptWithoutNumberTerms(html: string): string {
  const marked = html.replace(MARKED_TERM_IN_EXCERPT, (_whole, before: string) => (before.endsWith("</mark>") ? before : `<mark>${before}</mark>`));
  return withoutNumberTerms(marked).replaceAll("<mark></mark>", "");
}
