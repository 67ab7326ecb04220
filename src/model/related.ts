import type { Article } from "../core/article.ts";
import { isNumberTerm } from "../text/numbers.browser.ts";
import { WEIGHT_UNIT } from "../text/words.browser.ts";
import type { ArchiveModel } from "./archive-model.ts";
import { categoriesDivide } from "./sections.ts";
import { highest, tfIdfVectors, type TermVector, type TermWeights } from "./term-vectors.ts";

/** How many related articles an article page lists. */
const RELATED_COUNT = 4;

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
  // Typed arrays filled for one item and cleared after it, rather than a list per item: its partial score with each
  // other item, and the items it touches (an item met again while its score is still 0 is listed again, as many
  // times as the item's postings at most).
  const partial = new Float64Array(items.length);
  const touched = new Int32Array(SIGNATURE_TERMS * POSTINGS_KEPT);
  // The item's weights by term, each candidate's terms looked up in it: a walk along both lists for each candidate cost more.
  const weightsByTerm = new Float64Array(postings.ends.length);
  const related = new Map<T, T[]>();
  for (const [item, vector] of vectors.entries()) {
    for (let at = 0; at < vector.terms.length; at += 1) weightsByTerm[vector.terms[at] as number] = vector.weights[at] as number;
    let touchedCount = 0;
    for (const at of signatures[item] ?? []) {
      const term = vector.terms[at] as number;
      const weight = vector.weights[at] as number;
      const end = postings.ends[term] as number;
      for (let posting = postings.starts[term] as number; posting < end; posting += 1) {
        const other = postings.items[posting] as number;
        if (other === item) continue;
        const sum = partial[other] as number;
        if (sum === 0) touched[touchedCount++] = other;
        partial[other] = sum + weight * (postings.weights[posting] as number);
      }
    }
    const own = boosts[item] as Boosts;
    const best = bestOf(touched.subarray(0, touchedCount), partial, CANDIDATES_WEIGHED)
      .map((other) => ({ other, likeness: cosine(weightsByTerm, vectors[other] as TermVector) + boost(own, boosts[other] as Boosts) }))
      .filter((candidate) => candidate.likeness >= MIN_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness || nearness(own, boosts[a.other], boosts[b.other]))
      .slice(0, count);
    for (let at = 0; at < touchedCount; at += 1) partial[touched[at] as number] = 0;
    for (const term of vector.terms) weightsByTerm[term] = 0;
    related.set(
      items[item] as T,
      best.map((candidate) => items[candidate.other] as T),
    );
  }
  return related;
}

/** Where a vector's `SIGNATURE_TERMS` heaviest terms are in it, the heaviest first, of equal weights the earlier. */
function signatureOf(vector: TermVector): Int32Array {
  const places = new Int32Array(Math.min(vector.weights.length, SIGNATURE_TERMS));
  let placed = 0;
  for (let at = 0; at < vector.weights.length; at += 1) {
    const weight = vector.weights[at] as number;
    if (placed === places.length && weight <= (vector.weights[places[placed - 1] as number] as number)) continue;
    let to = placed === places.length ? placed - 1 : placed++;
    while (to > 0 && (vector.weights[places[to - 1] as number] as number) < weight) {
      places[to] = places[to - 1] as number;
      to -= 1;
    }
    places[to] = at;
  }
  return places;
}

/**
 * For each term (by number), the items whose signature holds it, with its
 * weight there, at `items[starts[term]]` to `items[ends[term] - 1]`: by item
 * where they are at most `POSTINGS_KEPT`, or the `POSTINGS_KEPT` it weighs
 * most in, the heaviest first (of equal weights, the earlier item). One list
 * for all terms: no object for each of an archive's millions of postings.
 */
interface Postings {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly items: Int32Array;
  readonly weights: Float64Array;
}

/** The postings of the items' signatures (the places of their heaviest terms), by term. */
function invertedIndex(vectors: readonly TermVector[], signatures: readonly Int32Array[]): Postings {
  let terms = 0;
  for (const vector of vectors) terms = Math.max(terms, (vector.terms[vector.terms.length - 1] ?? -1) + 1);
  const starts = new Int32Array(terms + 1);
  for (const [item, signature] of signatures.entries())
    for (const at of signature) (starts[((vectors[item] as TermVector).terms[at] as number) + 1] as number) += 1;
  for (let term = 0; term < terms; term += 1) (starts[term + 1] as number) += starts[term] as number;
  const ends = starts.slice(0, terms);
  const items = new Int32Array(starts[terms] as number);
  const weights = new Float64Array(items.length);
  for (const [item, signature] of signatures.entries()) {
    const vector = vectors[item] as TermVector;
    for (const at of signature) {
      const term = vector.terms[at] as number;
      const posting = (ends[term] as number)++;
      items[posting] = item;
      weights[posting] = vector.weights[at] as number;
    }
  }
  for (let term = 0; term < terms; term += 1) {
    const start = starts[term] as number;
    const end = ends[term] as number;
    if (end - start <= POSTINGS_KEPT) continue;
    const listed = items.slice(start, end);
    const listedWeights = weights.slice(start, end);
    const kept = highest(
      Int32Array.from(listed, (_, at) => at),
      POSTINGS_KEPT,
      listedWeights,
      listed,
    );
    kept.sort((a, b) => (listedWeights[b] as number) - (listedWeights[a] as number) || (listed[a] as number) - (listed[b] as number));
    for (const [to, at] of kept.entries()) {
      items[start + to] = listed[at] as number;
      weights[start + to] = listedWeights[at] as number;
    }
    ends[term] = start + POSTINGS_KEPT;
  }
  return { starts, ends, items, weights };
}

/** The `count` items of the highest score, highest first: a selection, not a sort of them all. */
function bestOf(items: Int32Array, scores: Float64Array, count: number): number[] {
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

/**
 * The cosine of two unit vectors, one given by its weights by term: the sum
 * of the products of their common terms', in the order of `vector`'s terms.
 */
function cosine(weightsByTerm: Float64Array, vector: TermVector): number {
  let sum = 0;
  for (let at = 0; at < vector.terms.length; at += 1) sum += (weightsByTerm[vector.terms[at] as number] as number) * (vector.weights[at] as number);
  return sum;
}

function boost(a: Boosts, b: Boosts): number {
  // Counted in a loop: a filtered copy of the tags for each of the millions of pairs weighed cost more than the rest.
  let shared = 0;
  for (const tag of a.tags) if (b.tags.includes(tag)) shared += 1;
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
