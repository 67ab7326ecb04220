// How well an article matches a query: BM25 over the weighted words of the
// article, with one IDF per query word over the whole archive, plus a boost
// for query words found in its title and other meta. (The weights and the
// shape are Pagefind's, which the search used before and which ranked these
// archives well; docs/search-relevance.md says what changed.)
//
// The part of a word's score that depends on the article alone (its weight
// in the article and the article's length) is worked out when the index is
// built and kept as one byte, its impact; the query multiplies it by the
// query word's IDF. Every score is computed from these bytes, in the browser
// and in Node alike, so an index ranks the same wherever it is searched.

/** The ranking's parameters. */
const RANKING = {
  /** BM25's k1: how fast the weight of repeated words levels off. */
  termSaturation: 1.4,
  /**
   * BM25's b: how much a long article is marked down. Archives mix long
   * pages (release notes, reports) with short posts, and at BM25's usual
   * 0.75 a long page all about the query lost to a short one mentioning it.
   */
  pageLength: 0.5,
  /** How much a word the query word only starts ("purchas" → "purchasing") counts less than the word itself. */
  termSimilarity: 1,
  /** The boost of a query word found in the title, the date, the category (times its IDF). */
  metaWeights: { title: 5, date: 1, category: 1 },
} as const;

/** The meta fields a query word can be found in, as bits of a posting's flags. */
export const META_FLAGS = { title: 1, date: 2, category: 4 } as const;
export type MetaField = keyof typeof META_FLAGS;
export const META_FIELDS = Object.keys(META_FLAGS) as MetaField[];

/** The most a word's BM25 part can be (k1 + 1), which an impact of 255 stands for. */
const MOST_IMPACT = RANKING.termSaturation + 1;
const IMPACT_STEPS = 255;

/** Inverse document frequency: how rare a word is across the archive. */
export function inverseDocumentFrequency(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

/**
 * How much a word that the query word only starts counts: all for the same
 * length, less as the lengths differ (`extraLetters`), through a Gaussian.
 */
function lengthBonus(extraLetters: number): number {
  const differential = extraLetters + 1;
  const base = Math.exp((-0.5 * differential ** 2) / 4);
  return Math.exp(base * RANKING.termSimilarity) / Math.exp(RANKING.termSimilarity);
}

/** A word's share of a query word's score when it extends it by `extraLetters` (1 for the query word itself). */
export function extensionShare(extraLetters: number): number {
  return lengthBonus(extraLetters) / lengthBonus(0);
}

/**
 * The impact of a word in an article (0 to 255), for an archive of this
 * average length: BM25's part of the word's score that depends on the
 * article, from the word's weight there (in `weightUnit`s, as the index
 * record counts it) and the article's length. The constants are worked out
 * once: an index computes an impact for every posting.
 */
export function impactCalculator(averageLength: number, weightUnit: number): (weight: number, length: number) => number {
  const { termSaturation: k1, pageLength: b } = RANKING;
  const perWeight = lengthBonus(0) / weightUnit;
  const perLength = (k1 * b) / Math.max(averageLength, 1);
  const steps = IMPACT_STEPS / MOST_IMPACT;
  return (weight, length) => {
    const weighted = weight * perWeight;
    return Math.min(IMPACT_STEPS, Math.round((((k1 + 1) * weighted) / (k1 * (1 - b) + perLength * length + weighted)) * steps));
  };
}

/** The score an impact gives, for a query word of this IDF, a word extending it sharing `share` (extensionShare). */
export function impactScore(impact: number, idf: number, share: number): number {
  return idf * share * (impact / IMPACT_STEPS) * MOST_IMPACT;
}

/** The boost of meta fields, in impact units: what a posting's flags can add at most, so that the index can order postings by impact and flags together. */
export function metaKey(flags: number): number {
  const boost = metaWeightOf(flags);
  // Rounded up: a key is a bound, never below what the fields can add.
  return Math.ceil((boost / MOST_IMPACT) * IMPACT_STEPS);
}

/** The order postings are read in, best first: impact and the most meta fields can add (an upper bound of what a posting is worth, per unit of IDF). */
export function postingKey(impact: number, flags: number): number {
  return impact + metaKey(flags);
}

/** The score of a key (postingKey) for a query word of this IDF: no posting with that key scores more. */
export function keyScore(key: number, idf: number): number {
  return idf * (key / IMPACT_STEPS) * MOST_IMPACT;
}

/**
 * The boost of the query words found in an article's meta fields: for each
 * field, its weight times the IDF of the words it holds times the square of
 * the share of the query's IDF they cover, so that a title holding the whole
 * query counts most and one holding a common word of it little.
 * `found` gives, for each field, the summed IDF of the query words it holds.
 */
export function metaBoost(found: Readonly<Record<MetaField, number>>, queryIdf: number): number {
  if (queryIdf <= 0) return 0;
  let boost = 0;
  for (const field of META_FIELDS) {
    const coverage = found[field] / queryIdf;
    boost += RANKING.metaWeights[field] * found[field] * coverage * coverage;
  }
  return boost;
}

/** The most a posting's meta flags can add, per unit of IDF: the weights of its fields. */
export function metaWeightOf(flags: number): number {
  let weight = 0;
  for (const field of META_FIELDS) if ((flags & META_FLAGS[field]) !== 0) weight += RANKING.metaWeights[field];
  return weight;
}
