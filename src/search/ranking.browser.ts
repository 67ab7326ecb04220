// How found articles are ordered beyond their scores (scoring.ts): the date
// among near-equal matches, then a second look at the first results, whose
// titles are at hand by then (the search page loads them to show them):
// titles made of the query's words, articles holding its words in a row (by
// the index's pairs of words, which the ranking has read already), and a
// title that is the query itself first of all. Tuned with
// `npm run bench:search` (docs/search-relevance.md), on rules that name no
// word, query or archive.
import { isNumberTerm } from "../text/numbers.browser.ts";
import { readWritten, writtenWordsOf, type WrittenWord } from "../text/words.browser.ts";

/** How results are ordered beyond their scores. */
export const ORDERING = {
  /** How much newer beats older among matches: the newest result's score counts this much more than the oldest's. */
  dateWeight: 0.05,
  /** How many of the first results get the second look: the first page of results, which is read to be shown anyway. */
  firstResults: 10,
  /** How much a title made of the query's words raises a result among the first: a title of query words alone counts this much more. */
  titleCoverageWeight: 1,
  /**
   * How much holding the query's words in a row (a query of two words or
   * more) raises a result: every found article's score, by the index's pairs
   * of words (a share for each pair held, searcher.ts), and again a result
   * among the first that holds every pair.
   */
  phraseWeight: 0.5,
} as const;

/** What a score is multiplied by for the date: up to ORDERING.dateWeight more for the newest of `count` found articles (`newestFirst` 0). */
export function dateFactor(newestFirst: number, count: number): number {
  return 1 + ORDERING.dateWeight * (1 - newestFirst / Math.max(count - 1, 1));
}

/** What the second look at the first results knows of each: its title, and whether it holds the query's words in a row. */
interface ResultLook {
  readonly title: string;
  /** Every pair of the query's neighbouring words is among its pairs (the index's, searcher.ts); never for a query of one word. */
  readonly holdsPhrase: boolean;
}

/** The query as the second look reads it: its words as the index looks them up (folded, numbers as number terms), and as typed. */
interface QueryForLook {
  readonly terms: readonly string[];
  readonly text: string;
}

/**
 * Ranked results (best first, each with its score, date included) with the
 * first ORDERING.firstResults ordered again now that their titles are at
 * hand: each raised by how much of its title the query's words make up
 * (titleCoverage) and when it holds them in a row, and a title that is the
 * query itself (case, accents and punctuation aside) first of all.
 */
export function refineFirstResults<T extends { readonly score: number }>(ranked: readonly T[], read: (result: T) => ResultLook, query: QueryForLook): T[] {
  const wanted = comparable(query.text);
  const first = ranked.slice(0, ORDERING.firstResults).map((result, place) => {
    const { title, holdsPhrase } = read(result);
    const raised = (1 + ORDERING.titleCoverageWeight * titleCoverage(title, query.terms)) * (holdsPhrase ? 1 + ORDERING.phraseWeight : 1);
    return { result, place, exact: wanted !== "" && comparable(title) === wanted, key: result.score * raised };
  });
  first.sort((a, b) => Number(b.exact) - Number(a.exact) || b.key - a.key || a.place - b.place);
  return [...first.map(({ result }) => result), ...ranked.slice(ORDERING.firstResults)];
}

/**
 * The share of a title's words that the query's words match (matchesWord):
 * "kubernetes 1.30" makes up two thirds of "Kubernetes v1.30: Uwubernetes".
 */
export function titleCoverage(title: string, terms: readonly string[]): number {
  const written = formsOfWords(title);
  if (written.length === 0 || terms.length === 0) return 0;
  return written.filter((forms) => terms.some((term) => matchesWord(forms, term))).length / written.length;
}

/** The words of a text, each with the forms the index holds for it (whole, parts, number terms). */
function formsOfWords(text: string): string[][] {
  return writtenWordsOf(text)
    .map((written) => formsOf(readWritten(written)))
    .filter((forms) => forms.length > 0);
}

/** The forms the index holds for a written word (whole, parts, number terms); none for a word without letters or digits. */
function formsOf(word: WrittenWord): string[] {
  return word.whole === "" ? [] : [word.whole, ...word.parts, ...word.numbers.map((number) => number.own)];
}

/**
 * Whether a word of a query matches a written word (by its forms): a word by
 * the start of a form, as the search extends it; a number by its own term
 * ("18" matches "v18" and "18.0.0", not "18.12.1").
 */
function matchesWord(forms: readonly string[], term: string): boolean {
  const number = isNumberTerm(term);
  return forms.some((form) => (number ? form === term : form.startsWith(term)));
}

/** The words a title or query is compared by: folded, without punctuation. */
function comparable(text: string): string {
  return writtenWordsOf(text)
    .map((written) => readWritten(written).whole)
    .filter((word) => word !== "")
    .join(" ");
}
