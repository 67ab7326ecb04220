import type { Article } from "../core/article.ts";
import { isNumberTerm } from "../text/numbers.browser.ts";
import { WEIGHT_UNIT } from "../text/words.browser.ts";
import type { ArchiveModel } from "./archive-model.ts";
import { categoriesDivide } from "./sections.ts";

/** How many related articles an article page lists. */
const RELATED_COUNT = 4;

/** Terms, each once, and the weight of each at the same place. */
export interface TermWeights {
  readonly terms: readonly string[];
  readonly weights: ArrayLike<number>;
}

/** What the likeness of two items is computed from. */
export interface Subject {
  /** Its terms with their weights (how often and where they occur), in `weightUnit`s. */
  readonly terms: TermWeights;
  /** Its tags' slugs: each one shared adds `TAG_BOOST`. */
  readonly tags: readonly string[];
  /** Its category's slug, or "" where categories say nothing: the same adds `CATEGORY_BOOST`. */
  readonly category: string;
  /** When it was published (ms), which orders items alike. */
  readonly time: number;
}

interface RelatedOptions {
  /** How many related items each item gets. */
  readonly count?: number;
  /** The weight of one occurrence of a word in the subjects' terms (1 unless the terms are weighed in parts of a word). */
  readonly weightUnit?: number;
}

/** How many of an item's terms are kept, those of the highest TF-IDF: enough to say what it is about, few enough for 100,000 items. */
const TERMS_KEPT = 48;
/** How many of an item's heaviest terms find its candidates. */
const SIGNATURE_TERMS = 24;
/** The most items a term leads to (those it weighs most in): the work then grows with the archive, not with its square. */
export const POSTINGS_KEPT = 100;
/** How many of the best candidates are weighed on all their terms. */
const CANDIDATES_WEIGHED = 24;
/** What one shared tag adds to a likeness (a cosine, 0 to 1); at most three count. */
const TAG_BOOST = 0.06;
/** What the same category adds. */
const CATEGORY_BOOST = 0.03;
/** Below this an item is not related, however few others are: better no list than an unrelated one. */
const MIN_LIKENESS = 0.15;

/** An item's time, tags and category, kept while its terms are not. */
type Boosts = Omit<Subject, "terms">;

/**
 * Each item's related items, by subject: the cosine of their TF-IDF vectors
 * (see `tfIdfVectors`), plus a little for each shared tag and for the same
 * category; best first, the nearer in time first on a tie.
 *
 * `subjectOf` is called once for each item; only its terms' numbers and
 * weights are held until every item's are counted (see `tfIdfVectors`).
 *
 * Comparing all pairs would grow with the square of the archive. Instead,
 * each item's heaviest terms (its signature) are listed in an inverted index
 * that keeps, for each term, the `POSTINGS_KEPT` items it weighs most in;
 * an item's candidates are the items its signature's terms lead to, scored
 * on those terms, and the best of them are weighed on all their terms. The
 * work is at most N × SIGNATURE_TERMS × POSTINGS_KEPT.
 */
export function relatedBySubject<T>(items: readonly T[], subjectOf: (item: T) => Subject, options: RelatedOptions = {}): Map<T, T[]> {
  const count = options.count ?? RELATED_COUNT;
  const boosts: Boosts[] = [];
  const vectors = tfIdfVectors(
    items.length,
    (at) => {
      const { terms, ...rest } = subjectOf(items[at] as T);
      boosts[at] = rest;
      return terms;
    },
    options.weightUnit,
  );
  const signatures = vectors.map(signatureOf);
  const postings = invertedIndex(vectors, signatures);
  const partial = new Float64Array(items.length);
  const related = new Map<T, T[]>();
  for (const [item, vector] of vectors.entries()) {
    const touched: number[] = [];
    for (const at of signatures[item] ?? []) {
      const list = postings[vector.terms[at] ?? 0];
      if (list === undefined) continue;
      const weight = vector.weights[at] ?? 0;
      const { items: others, weights } = list;
      for (let posting = 0; posting < others.length; posting += 1) {
        const other = others[posting] as number;
        if (other === item) continue;
        const sum = partial[other] as number;
        if (sum === 0) touched.push(other);
        partial[other] = sum + weight * (weights[posting] as number);
      }
    }
    const own = boosts[item] as Boosts;
    const best = bestOf(touched, partial, CANDIDATES_WEIGHED)
      .map((other) => ({ other, likeness: cosine(vector, vectors[other] as TermVector) + boost(own, boosts[other] as Boosts) }))
      .filter((candidate) => candidate.likeness >= MIN_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness || nearness(own, boosts[a.other], boosts[b.other]))
      .slice(0, count);
    for (const other of touched) partial[other] = 0;
    related.set(
      items[item] as T,
      best.map((candidate) => items[candidate.other] as T),
    );
  }
  return related;
}

/** An item's terms (by number, ascending) and their TF-IDF weights, a unit vector. */
export interface TermVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Each item's terms weighted by TF-IDF: ln(1 + the term's weight in the item
 * in `weightUnit`s), times BM25's inverse document frequency, ln(1 + (N - n
 * + 0.5) / (n + 0.5)) for a term n of the N items hold, which all but
 * silences the words every item holds; of the terms that another item holds
 * too, the `TERMS_KEPT` heaviest of each item are kept, as a unit vector.
 * `termsAt` is called once for each item, in order; until every item is
 * counted, its terms are held as numbers, not as strings. Terms are numbered
 * in the order met, and each vector lists them in that order, so that two
 * vectors are compared in one walk.
 */
export function tfIdfVectors(count: number, termsAt: (item: number) => TermWeights, weightUnit = 1): TermVector[] {
  const numbers = new Map<string, number>();
  const holding: number[] = [];
  const counted: { readonly numbers: Int32Array; readonly weights: Float64Array }[] = [];
  for (let item = 0; item < count; item += 1) {
    const { terms, weights } = termsAt(item);
    const own = { numbers: new Int32Array(terms.length), weights: new Float64Array(terms.length) };
    let held = 0;
    for (const [at, term] of terms.entries()) {
      const weight = weights[at] ?? 0;
      if (!(weight > 0)) continue;
      let number = numbers.get(term);
      if (number === undefined) {
        number = holding.length;
        numbers.set(term, number);
        holding.push(0);
      }
      holding[number] = (holding[number] ?? 0) + 1;
      own.numbers[held] = number;
      own.weights[held] = weight;
      held += 1;
    }
    counted.push({ numbers: own.numbers.subarray(0, held), weights: own.weights.subarray(0, held) });
  }
  return counted.map(({ numbers, weights }) => {
    // Places in the item's lists rather than an object per term: at 4,000 articles, 237,000 objects fewer to collect.
    const values = new Float64Array(numbers.length);
    const places: number[] = [];
    for (let at = 0; at < numbers.length; at += 1) {
      const held = holding[numbers[at] as number] ?? 1;
      // A term no other item holds likens it to none, and would take the place of one that does.
      if (held < 2) continue;
      values[at] = Math.log(1 + (weights[at] as number) / weightUnit) * Math.log(1 + (count - held + 0.5) / (held + 0.5));
      places.push(at);
    }
    const kept = [
      ...highest(
        places,
        TERMS_KEPT,
        (at) => values[at] as number,
        (at) => numbers[at] as number,
      ),
    ].sort((a, b) => (numbers[a] as number) - (numbers[b] as number));
    let squares = 0;
    for (const at of kept) squares += (values[at] as number) * (values[at] as number);
    const length = Math.sqrt(squares) || 1;
    const vector = numbersAndWeights(
      kept,
      (at) => numbers[at] as number,
      (at) => (values[at] as number) / length,
    );
    return { terms: vector.numbers, weights: vector.weights };
  });
}

/** A list's numbers and weights as two typed arrays, filled in a loop: TypedArray.from with a function to map each element costs several times as much. */
function numbersAndWeights<E>(
  list: readonly E[],
  numberOf: (element: E) => number,
  weightOf: (element: E) => number,
): { numbers: Int32Array; weights: Float64Array } {
  const numbers = new Int32Array(list.length);
  const weights = new Float64Array(list.length);
  for (const [at, element] of list.entries()) {
    numbers[at] = numberOf(element);
    weights[at] = weightOf(element);
  }
  return { numbers, weights };
}

/**
 * The `count` elements of a list of the highest value, the lower key first
 * among equal values, in that order, as a sort of the whole list cut to
 * `count` would give them: the values alone are sorted, as numbers, to find
 * the least kept, and only the elements kept are sorted with the comparison
 * (a common term's postings number thousands); a list no longer than `count`
 * is returned as it is.
 */
function highest<E>(list: readonly E[], count: number, value: (element: E) => number, key: (element: E) => number): readonly E[] {
  if (list.length <= count) return list;
  const values = new Float64Array(list.length);
  for (const [at, element] of list.entries()) values[at] = value(element);
  const least = values.sort()[list.length - count] ?? 0;
  return list
    .filter((element) => value(element) >= least)
    .sort((a, b) => value(b) - value(a) || key(a) - key(b))
    .slice(0, count);
}

/** Where a vector's `SIGNATURE_TERMS` heaviest terms are in it. */
function signatureOf(vector: TermVector): number[] {
  const places: number[] = [];
  for (let at = 0; at < vector.weights.length; at += 1) places.push(at);
  return places.sort((a, b) => (vector.weights[b] ?? 0) - (vector.weights[a] ?? 0)).slice(0, SIGNATURE_TERMS);
}

/**
 * For each term, the items whose signature holds it, with its weight there:
 * at most `POSTINGS_KEPT`, those it weighs most in.
 */
function invertedIndex(vectors: readonly TermVector[], signatures: readonly number[][]): ({ items: Int32Array; weights: Float64Array } | undefined)[] {
  const lists: { item: number; weight: number }[][] = [];
  for (const [item, vector] of vectors.entries()) {
    for (const at of signatures[item] ?? []) {
      const term = vector.terms[at] ?? 0;
      (lists[term] ??= []).push({ item, weight: vector.weights[at] ?? 0 });
    }
  }
  return Array.from(lists, (list) => {
    if (list === undefined) return undefined;
    // Listed by item: among postings of equal weight, the earlier item's is kept, as a stable sort keeps it first.
    const kept = highest(
      list,
      POSTINGS_KEPT,
      (posting) => posting.weight,
      (posting) => posting.item,
    );
    const { numbers: items, weights } = numbersAndWeights(
      kept,
      (posting) => posting.item,
      (posting) => posting.weight,
    );
    return { items, weights };
  });
}

/** The `count` items of the highest score, highest first: a selection, not a sort of them all. */
function bestOf(items: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  for (const item of items) {
    const score = scores[item] ?? 0;
    if (best.length === count && score <= (scores[best[count - 1] ?? 0] ?? 0)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && (scores[best[at - 1] ?? 0] ?? 0) < score) {
      best[at] = best[at - 1] ?? 0;
      at -= 1;
    }
    best[at] = item;
  }
  return best;
}

/** The cosine of two unit vectors: one walk along both lists of terms. */
function cosine(a: TermVector, b: TermVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    const termA = a.terms[i] ?? 0;
    const termB = b.terms[j] ?? 0;
    if (termA === termB) {
      sum += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i += 1;
      j += 1;
    } else if (termA < termB) i += 1;
    else j += 1;
  }
  return sum;
}

function boost(a: Boosts, b: Boosts): number {
  const shared = a.tags.filter((tag) => b.tags.includes(tag)).length;
  return Math.min(shared, 3) * TAG_BOOST + (a.category !== "" && a.category === b.category ? CATEGORY_BOOST : 0);
}

/** The nearer in time to `own` first, the newer on a tie. */
function nearness(own: Boosts, a: Boosts | undefined, b: Boosts | undefined): number {
  const timeA = a?.time ?? 0;
  const timeB = b?.time ?? 0;
  return Math.abs(timeA - own.time) - Math.abs(timeB - own.time) || timeB - timeA;
}

/**
 * Each article's related articles by subject (see `relatedBySubject`), from
 * the terms the search index holds of it (its stems, weighted by where they
 * are: text/index-record.ts), the category counting only where categories
 * divide the archive.
 */
export function relatedArticles(model: ArchiveModel, count = RELATED_COUNT): Map<Article, Article[]> {
  const byCategory = categoriesDivide(model);
  return relatedBySubject(
    model.newestFirst,
    (article) => ({
      terms: subjectTermsOf(article),
      tags: article.tags.map((tag) => tag.slug),
      category: byCategory ? article.category.slug : "",
      time: article.date.epochMs,
    }),
    { count, weightUnit: WEIGHT_UNIT },
  );
}

/** Digits alone: a part of a written number ("12" of "v1.12"). */
const DIGITS = /^\d+$/;

/**
 * An article's terms as the search index holds them, without its numbers
 * (its number terms, and the digits of a version's parts): two articles
 * sharing a year, a count or a version number ("Cluster API v1.12" and
 * "Kubernetes 1.12") are not on one subject for it.
 */
function subjectTermsOf({ searchRecord: record }: Article): TermWeights {
  const subject = { terms: [] as string[], weights: [] as number[] };
  for (const [at, term] of record.terms.split(" ").entries()) {
    if (term === "" || isNumberTerm(term) || DIGITS.test(term)) continue;
    subject.terms.push(term);
    subject.weights.push(record.weights[at] ?? 0);
  }
  return subject;
}
