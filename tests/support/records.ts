import type { IndexRecord } from "../../src/text/index-record.ts";

/** The terms of an index record (stems and number terms) with their weights, by term: what tests ask of a record. */
export function termWeightsOf(record: IndexRecord): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [place, term] of record.terms.split(" ").entries()) if (term !== "") weights.set(term, record.weights[place] ?? 0);
  return weights;
}
