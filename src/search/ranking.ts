// How both searches order what they find, so that a site gives the same
// results hosted (Pagefind) and opened from disk (the portable index):
// Pagefind's scoring with the weights below (portable-query.ts computes it
// the same way), the date among near-equal matches, then a second look at the
// first results, whose titles and texts are at hand by then (both searches
// load them to show them): titles made of the query's words, texts holding
// its words in a row, and a title that is the query itself first of all.
// Tuned with `npm run bench:search` (docs/search-relevance.md), on rules that
// name no word, query or archive.
import { isNumberTerm, numberTermsOf, withoutNumberTerms } from "./numbers.ts";
import { foldWord, indexedWords, queryWords } from "./words.ts";

/**
 * Pagefind's ranking options (`pagefind.options({ ranking })`), which the
 * portable search applies too. Pagefind's defaults but for the page length:
 * news archives mix long pages (release notes, reports) with short posts,
 * and at 0.75 a long page that is all about the query lost to a short one
 * that mentions it. Matches in the date and category count as Pagefind
 * counts any meta (1); the image Pagefind picks from a page is not something
 * a reader searches for. Diacritics are folded by both searches, so neither
 * prefers an exact accent.
 */
export const RANKING = {
  termSimilarity: 1,
  pageLength: 0.5,
  termSaturation: 1.4,
  termFrequency: 1,
  diacriticSimilarity: 0,
  metaWeights: { title: 5, date: 1, category: 1, image: 0, image_alt: 0 },
} as const;

/** The meta fields both searches match, with their weights. */
export type MetaField = "title" | "date" | "category";

/** How results are ordered beyond Pagefind's scores, the same in both searches. */
export const ORDERING = {
  /** How much newer beats older among matches: the newest result's score counts this much more than the oldest's. */
  dateWeight: 0.05,
  /** How many of the first results get the second look: the first page of results, which is read to be shown anyway. */
  firstResults: 10,
  /** How much a title made of the query's words raises a result among the first: a title of query words alone counts this much more. */
  titleCoverageWeight: 1,
  /** How much a text holding the query's words in a row (a query of two words or more) raises a result among the first. */
  phraseWeight: 0.5,
} as const;

/** A found article as the ordering sees it. */
export interface Scored {
  readonly score: number;
  /** Its place when the found articles are ordered newest first: 0 for the newest. */
  readonly newestFirst: number;
}

/** A score raised by up to ORDERING.dateWeight for the newest of `count` found articles. */
function withDate(hit: Scored, count: number): number {
  return hit.score * (1 + ORDERING.dateWeight * (1 - hit.newestFirst / Math.max(count - 1, 1)));
}

/** The found articles best first, the newer first among near-equal ones (withDate); equal ones newest first. */
export function orderByScoreAndDate<T extends Scored>(found: readonly T[]): T[] {
  return [...found].sort((a, b) => withDate(b, found.length) - withDate(a, found.length) || a.newestFirst - b.newestFirst);
}

/** What the second look at the first results reads of each: its title and its text. */
export interface ResultText {
  readonly title: string;
  readonly text: string;
}

/**
 * The ranked results with the first ORDERING.firstResults ordered again now
 * that their titles and texts are at hand (both searches load them to show
 * them): each raised by how much of its title the query's words make up
 * (titleCoverage) and when its text holds them in a row (holdsPhrase), and a
 * title that is the query itself (case, accents and punctuation aside) first
 * of all. `count` is how many were found.
 */
export function refineFirstResults<T extends Scored>(ranked: readonly T[], count: number, read: (result: T) => ResultText, query: string): T[] {
  const words = queryWords(query);
  const wanted = comparable(query);
  const first = ranked.slice(0, ORDERING.firstResults).map((result, place) => {
    const { title, text } = read(result);
    const raised = (1 + ORDERING.titleCoverageWeight * titleCoverage(title, words)) * (holdsPhrase(text, words) ? 1 + ORDERING.phraseWeight : 1);
    return { result, place, exact: wanted !== "" && comparable(title) === wanted, key: withDate(result, count) * raised };
  });
  first.sort((a, b) => Number(b.exact) - Number(a.exact) || b.key - a.key || a.place - b.place);
  return [...first.map(({ result }) => result), ...ranked.slice(ORDERING.firstResults)];
}

/**
 * The share of a title's words that the query's words match (matchesWord):
 * "kubernetes 1.30" makes up two thirds of "Kubernetes v1.30: Uwubernetes".
 */
export function titleCoverage(title: string, words: readonly string[]): number {
  const written = writtenWords(title);
  if (written.length === 0 || words.length === 0) return 0;
  return written.filter((forms) => words.some((word) => matchesWord(forms, word))).length / written.length;
}

/** Whether a text holds the query's words (two or more) one after the other, each as matchesWord matches it. */
export function holdsPhrase(text: string, words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const written = writtenWords(withoutNumberTerms(text));
  return written.some((_, start) => words.every((word, offset) => matchesWord(written[start + offset] ?? [], word)));
}

/** The words of a text as runs between spaces, each with the forms the index holds for it (whole, parts, number terms). */
function writtenWords(text: string): string[][] {
  return text
    .split(/\s+/)
    .map((written) => [...indexedWords(written, 0).map((form) => form.word), ...numberTermsOf(written).map((term) => term.own)])
    .filter((forms) => forms.length > 0);
}

/**
 * Whether a word of a query matches a written word (by its forms): a word by
 * the start of a form, as the search extends it; a number by its own term
 * ("18" matches "v18" and "18.0.0", not "18.12.1").
 */
function matchesWord(forms: readonly string[], word: string): boolean {
  return forms.some((form) => (isNumberTerm(word) ? form === word : form.startsWith(word)));
}

/** The words a title or query is compared by: folded, without punctuation or number terms. */
function comparable(text: string): string {
  return foldWord(withoutNumberTerms(text))
    .replace(/[^\p{L}\p{N}\s]+/gu, "")
    .split(/\s+/)
    .filter((word) => word !== "")
    .join(" ");
}
