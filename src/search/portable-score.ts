// Pagefind's scoring (its pagefind_web search.rs, 1.5 and later), for the
// portable search: BM25 over the weighted words of a page, each matched word
// scored with the IDF of the query word it extends, plus a boost for query
// words found in the page's meta (its title above all). The weights are
// RANKING's, which the hosted search hands to Pagefind.
import { RANKING, type MetaField } from "./ranking.ts";
import { WEIGHT_UNIT } from "./words.ts";

/** Inverse document frequency, as Pagefind computes it. */
export function inverseDocumentFrequency(pages: number, containing: number): number {
  return Math.log(1 + (pages - containing + 0.5) / (containing + 0.5));
}

/**
 * Pagefind's preference for words close in length to the query word: most
 * for the same length, less as they differ (`differential` is the difference
 * in length plus one); all alike as termSimilarity nears 0.
 */
export function lengthBonus(differential: number): number {
  const base = Math.exp((-0.5 * differential ** 2) / 4);
  return Math.exp(base * RANKING.termSimilarity) / Math.exp(RANKING.termSimilarity);
}

/** One matched word of a page. */
export interface WordMatch {
  /** Its weight in the page, in Pagefind's units (24 for each plain occurrence); 0 when it is only in the meta. */
  readonly weight: number;
  readonly lengthBonus: number;
  /** The IDF of the query word it extends. */
  readonly idf: number;
}

/** The score of one matched word of a page of `length` words: BM25, blended with the raw weighted count by `termFrequency`. */
export function wordScore(match: WordMatch, length: number, averageLength: number): number {
  const { termSaturation: k1, pageLength: b, termFrequency } = RANKING;
  const weighted = (match.weight / WEIGHT_UNIT) * match.lengthBonus;
  const saturating = ((k1 + 1) * weighted) / (k1 * (1 - b + b * (length / averageLength)) + weighted);
  const raw = Math.min(weighted / (averageLength / 5), k1 + 1);
  return match.idf * ((1 - termFrequency) * raw + termFrequency * saturating);
}

/**
 * The boost of the words found in the page's meta fields: for each field,
 * its weight times the IDF of the words it holds times the square of the
 * share of the query's IDF they cover, so that a title holding the whole
 * query counts most and one holding a common word of it little.
 * `found` maps each field to the matched words it holds, with their IDF.
 */
export function metaBoost(found: ReadonlyMap<MetaField, ReadonlyMap<string, number>>, queryIdf: number): number {
  if (queryIdf <= 0) return 0;
  let boost = 0;
  for (const [field, words] of found) {
    const matched = [...words.values()].reduce((sum, idf) => sum + idf, 0);
    const coverage = matched / queryIdf;
    boost += RANKING.metaWeights[field] * matched * coverage * coverage;
  }
  return boost;
}
