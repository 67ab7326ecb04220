// Assembles the search index in memory from the articles' index records
// (text/index-record.ts), with no page read again: each term's postings (its
// documents with their impact and meta flags, scoring.browser.ts), the pairs of
// consecutive words (phrases), the categories, days, years and periods, and
// the vocabulary suggestions are made from. index-write.ts writes it.
import { isNumberTerm, wholeNumberTerm } from "../text/numbers.browser.ts";
import type { IndexRecord } from "../text/index-record.ts";
import type { Stemmer } from "../text/stemmers.ts";
import { readWritten, WEIGHT_UNIT, writtenWordsOf } from "../text/words.browser.ts";
import { placesInOrder, stableSortBy } from "./counting-sort.ts";
import { pairDocuments, type PairDocuments } from "./pair-documents.ts";
import { searchPeriods } from "./periods.ts";
import { impactCalculator, META_FLAGS } from "./scoring.browser.ts";

/** An article to index, in the archive's order (oldest first): its record and what a result shows of it. */
export interface ArticleToIndex {
  readonly record: IndexRecord;
  /** From the site's root. */
  readonly url: string;
  readonly title: string;
  readonly dateText: string;
  readonly category: string;
  /** Its calendar date in the archive's time zone. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface IndexInput {
  readonly articles: readonly ArticleToIndex[];
  /** The categories in the site's order. */
  readonly categories: readonly string[];
  /** For each month, January first, its names in the site's language as written (long, then short): dates are found by them. */
  readonly monthNames: readonly (readonly string[])[];
  /** The most articles a period holds (periods.ts). */
  readonly periodArticles: number;
  /** The stemmer of each language the records were cut with, for the words of their meta (month names, categories). */
  readonly stemmers: ReadonlyMap<string, Stemmer>;
}

/** A term with its postings, documents in order; a pair of words (for phrases) has documents alone. */
export interface IndexedTerm {
  readonly term: string;
  readonly docs: Uint32Array;
  readonly values?: { readonly impacts: Uint8Array; readonly flags: Uint8Array };
}

/** Terms in order, as the dictionary lists them. */
function byTerm(a: IndexedTerm, b: IndexedTerm): number {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}

/** A period (periods.ts) as a run of documents. */
export interface PeriodRange {
  readonly first: number;
  /** One past its last document. */
  readonly end: number;
  readonly label: string;
}

export interface BuiltIndex {
  readonly documents: number;
  /** Words and number terms, in order. */
  readonly terms: readonly IndexedTerm[];
  /** Pairs of consecutive terms ("async hook"), in order, with their documents: a phrase is found by its pairs. */
  readonly pairs: readonly IndexedTerm[];
  /** The languages the records were cut with ("" for none). */
  readonly languages: readonly string[];
  readonly days: readonly number[];
  readonly years: readonly (readonly [year: number, firstDocument: number])[];
  readonly categories: readonly (readonly [name: string, documents: number])[];
  readonly categorySets: readonly number[][];
  /** Oldest first. */
  readonly periods: readonly PeriodRange[];
  /** Written words of two documents or more, most common first. */
  readonly vocabulary: readonly (readonly [word: string, documents: number])[];
}

/** Suggestions are made from this many words at most: the commonest, where most misspellings are of. */
const VOCABULARY_WORDS = 20_000;
const MILLISECONDS_A_DAY = 86_400_000;

/** The index of the articles. Pure: the same articles always give the same index. */
export function buildIndex(input: IndexInput): BuiltIndex {
  const { articles } = input;
  const documents = articles.length;
  const averageLength = articles.reduce((sum, article) => sum + article.record.length, 0) / Math.max(documents, 1);
  const metaTerms = metaTermsOf(input);

  // First pass: number the terms and count their documents (meta terms counted even where the text has them too).
  const numbers = new Map<string, number>();
  const counts: number[] = [];
  const forms: string[] = [];
  /** Numbers a new term, with its first written form. */
  const numberNew = (term: string, form: string): number => {
    const found = counts.length;
    numbers.set(term, found);
    counts.push(0);
    forms.push(form);
    return found;
  };
  const count = (id: number): void => {
    counts[id] = (counts[id] ?? 0) + 1;
  };
  // Each article's terms by number, kept for the second pass.
  const termNumbers: Uint32Array[] = [];
  for (const article of articles) {
    const { record } = article;
    const terms = record.terms === "" ? [] : record.terms.split(" ");
    // The forms, one per term in the same order, are read along as far as needed: only a new term's is kept, and an
    // archive's articles mostly repeat terms (a split of every record's forms was a tenth of the index's garbage).
    const written = record.forms;
    let formStart = 0;
    let formPlace = 0;
    const formAt = (place: number): string => {
      for (; formPlace < place; formPlace += 1) {
        const space = written.indexOf(" ", formStart);
        formStart = space < 0 ? written.length + 1 : space + 1;
      }
      const end = written.indexOf(" ", formStart);
      return written.slice(formStart, end < 0 ? written.length : end);
    };
    const ids = new Uint32Array(terms.length);
    for (let place = 0; place < terms.length; place += 1) {
      const term = terms[place] ?? "";
      const id = numbers.get(term) ?? numberNew(term, formAt(place));
      ids[place] = id;
      count(id);
    }
    termNumbers.push(ids);
    for (const [term] of metaTerms(article)) count(numbers.get(term) ?? numberNew(term, ""));
  }

  // Second pass: the postings, documents in order (the pairs of consecutive words follow). Each term's postings are a
  // run of three arrays shared by all terms (`starts`), not arrays of their own: an archive has hundreds of thousands.
  const starts = new Uint32Array(counts.length + 1);
  for (let id = 0; id < counts.length; id += 1) starts[id + 1] = (starts[id] ?? 0) + (counts[id] ?? 0);
  const postings = starts[counts.length] ?? 0;
  const allDocs = new Uint32Array(postings);
  const allImpacts = new Uint8Array(postings);
  const allFlags = new Uint8Array(postings);
  const filled = new Uint32Array(counts.length);
  const impact = impactCalculator(averageLength, WEIGHT_UNIT);
  for (let doc = 0; doc < documents; doc += 1) {
    const article = articles[doc] as ArticleToIndex;
    const { record } = article;
    const ids = termNumbers[doc] as Uint32Array;
    for (let place = 0; place < ids.length; place += 1) {
      const id = ids[place] ?? 0;
      const at = (starts[id] ?? 0) + (filled[id] ?? 0);
      allDocs[at] = doc;
      allImpacts[at] = impact(record.weights[place] ?? 0, record.length);
      allFlags[at] = record.inTitle[place] === 1 ? META_FLAGS.title : 0;
      filled[id] = (filled[id] ?? 0) + 1;
    }
    for (const [term, flag] of metaTerms(article)) {
      const id = numbers.get(term) ?? 0;
      const at = (starts[id] ?? 0) + (filled[id] ?? 0);
      if ((filled[id] ?? 0) > 0 && allDocs[at - 1] === doc) allFlags[at - 1] = (allFlags[at - 1] ?? 0) | flag;
      else {
        allDocs[at] = doc;
        allFlags[at] = flag;
        filled[id] = (filled[id] ?? 0) + 1;
      }
    }
  }
  const pairs = pairDocuments(documents, (doc) => ({ sequence: (articles[doc] as ArticleToIndex).record.sequence, ids: termNumbers[doc] as Uint32Array }));

  const termOf = [...numbers.keys()];
  // In the dictionary's order: a sort with no comparator compares strings as `<` does, and much faster over hundreds of thousands.
  const idsInOrder = Uint32Array.from(termOf.slice().sort(), (term) => numbers.get(term) ?? 0);
  const terms: IndexedTerm[] = Array.from(idsInOrder, (id) => {
    const start = starts[id] ?? 0;
    const end = start + (filled[id] ?? 0);
    return {
      term: termOf[id] ?? "",
      docs: allDocs.subarray(start, end),
      values: { impacts: allImpacts.subarray(start, end), flags: allFlags.subarray(start, end) },
    };
  });

  const vocabulary = termOf
    .map((_term, id): [string, number] => [forms[id] ?? "", filled[id] ?? 0])
    .filter(([form, count], id) => count >= 2 && Array.from(form).length >= 3 && !isNumberTerm(termOf[id] ?? "") && !/\d/.test(form))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, VOCABULARY_WORDS);
  return {
    documents,
    terms,
    pairs: pairsInOrder(pairs, idsInOrder, termOf),
    languages: [...new Set(articles.map((article) => article.record.language))].sort(),
    days: articles.map((article) => Math.floor(Date.UTC(article.year, article.month - 1, article.day) / MILLISECONDS_A_DAY)),
    years: firstOfEach(articles.map((article) => article.year)),
    ...categoriesOf(articles, input.categories),
    periods: periodRanges(articles, input.periodArticles),
    vocabulary: dedupe(vocabulary),
  };
}

/**
 * The pairs as the dictionary lists them ("first second", in order), given
 * the terms' ids in order: by the place of their first term, then of their
 * second, which is the order of their strings since no term holds a space or
 * a character below it (each is letters and digits). Were one to, they are
 * sorted as strings.
 */
function pairsInOrder(pairs: PairDocuments, idsInOrder: Uint32Array, termOf: readonly string[]): IndexedTerm[] {
  const pairOf = (pair: number): IndexedTerm => ({
    term: `${termOf[pairs.firsts[pair] ?? 0] ?? ""} ${termOf[pairs.seconds[pair] ?? 0] ?? ""}`,
    docs: pairs.docs.subarray(pairs.starts[pair] ?? 0, pairs.starts[pair + 1] ?? 0),
  });
  const numbered = placesInOrder(pairs.count);
  if (termOf.some((term) => SPACE_OR_BELOW.test(term))) {
    // By first term, then as first met, before the sort by text: the order in which two pairs written alike stay.
    return Array.from(stableSortBy(numbered, pairs.firsts, termOf.length), pairOf).sort(byTerm);
  }
  const rank = new Uint32Array(termOf.length);
  for (let at = 0; at < idsInOrder.length; at += 1) rank[idsInOrder[at] ?? 0] = at;
  const rankOf = (ids: Uint32Array): Uint32Array => {
    const ranks = new Uint32Array(ids.length);
    for (let at = 0; at < ids.length; at += 1) ranks[at] = rank[ids[at] ?? 0] ?? 0;
    return ranks;
  };
  // A radix sort: by the second term's place, then, keeping that order, by the first's.
  const bySecond = stableSortBy(numbered, rankOf(pairs.seconds), termOf.length);
  return Array.from(stableSortBy(bySecond, rankOf(pairs.firsts), termOf.length), pairOf);
}

/** A character that sorts before every letter and digit of a term, as a pair's space does. */
const SPACE_OR_BELOW = /[\u0000-\u0020]/;

/**
 * The terms of an article's meta, with the flag each gives: its month's name
 * and its year (the date: never its day, so that "18" does not find every
 * article of the 18th), and its category's words. They find the article and
 * count in the meta boost, weighing nothing in its text.
 */
function metaTermsOf(input: IndexInput): (article: ArticleToIndex) => readonly (readonly [term: string, flag: number])[] {
  const known = new Map<string, (readonly [string, number])[]>();
  const wordsOf = (text: string, language: string): string[] => {
    const stem = input.stemmers.get(language) ?? ((word: string) => word);
    return writtenWordsOf(text).flatMap((written) => {
      const word = readWritten(written);
      return word.whole === "" ? [] : [stem(word.whole), ...word.parts.map(stem)];
    });
  };
  return (article) => {
    const { language } = article.record;
    const key = `${language}\0${article.month}\0${article.year}\0${article.category}`;
    let terms = known.get(key);
    if (terms === undefined) {
      const month = wordsOf(input.monthNames[article.month - 1]?.[0] ?? "", language).map((term) => [term, META_FLAGS.date] as const);
      const category = wordsOf(article.category, language).map((term) => [term, META_FLAGS.category] as const);
      const merged = new Map<string, number>();
      for (const [term, flag] of [...month, [wholeNumberTerm(article.year), META_FLAGS.date] as const, ...category])
        merged.set(term, (merged.get(term) ?? 0) | flag);
      terms = [...merged];
      known.set(key, terms);
    }
    return terms;
  };
}

/** Each distinct value of a sorted list with the place of its first. */
function firstOfEach(values: readonly number[]): [number, number][] {
  const firsts: [number, number][] = [];
  for (const [at, value] of values.entries()) if (at === 0 || values[at - 1] !== value) firsts.push([value, at]);
  return firsts;
}

function categoriesOf(articles: readonly ArticleToIndex[], order: readonly string[]): Pick<BuiltIndex, "categories" | "categorySets"> {
  const sets = new Map<string, number[]>(order.map((name) => [name, []]));
  for (const [doc, article] of articles.entries()) {
    const set = sets.get(article.category);
    if (set === undefined) sets.set(article.category, [doc]);
    else set.push(doc);
  }
  const used = [...sets].filter(([, docs]) => docs.length > 0);
  return { categories: used.map(([name, docs]) => [name, docs.length]), categorySets: used.map(([, docs]) => docs) };
}

/** The periods (periods.ts) as ranges of documents, oldest first: articles are in date order, so each period is a run of them. */
export function periodRanges(articles: readonly ArticleToIndex[], periodArticles: number): PeriodRange[] {
  const places = new Map(articles.map((article, at) => [article, at]));
  return searchPeriods(articles, periodArticles)
    .reverse()
    .map((period) => {
      const first = places.get(period.articles[0] as ArticleToIndex) ?? 0;
      return { first, end: first + period.articles.length, label: period.first === period.last ? period.first : `${period.first}–${period.last}` };
    });
}

/** Each word once, where it first comes (its commonest stem's count, as the list is ordered): two stems may be written alike. */
function dedupe(words: readonly [string, number][]): [string, number][] {
  const seen = new Set<string>();
  const kept: [string, number][] = [];
  for (const entry of words) {
    if (seen.has(entry[0])) continue;
    seen.add(entry[0]);
    kept.push(entry);
  }
  return kept;
}
