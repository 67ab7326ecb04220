// Items' terms as TF-IDF vectors, what related articles (model/related.ts)
// are found by: each item's heaviest terms, weighted by how often it holds
// them and how few items do, as a unit vector.

/** Terms, each once, and the weight of each at the same place. */
export interface TermWeights {
  readonly terms: readonly string[];
  readonly weights: ArrayLike<number>;
}

/** How many of an item's terms are kept, those of the highest TF-IDF: enough to say what it is about, few enough for 100,000 items. */
const TERMS_KEPT = 48;

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
 * too, the `TERMS_KEPT` heaviest of each item are kept (of equal weights, the
 * term met first), as a unit vector. `termsAt` is called once for each item,
 * in order; until every item is counted, its terms are held as numbers, not
 * as strings. Terms are numbered in the order met, and each vector lists them
 * in that order: the order in which the products of two vectors' terms are
 * summed, and in which terms of equal weights enter its signature.
 */
export function tfIdfVectors(count: number, termsAt: (item: number) => TermWeights, weightUnit = 1): TermVector[] {
  const numbers = new Map<string, number>();
  const holding: number[] = [];
  const counted: { readonly numbers: Int32Array; readonly weights: Float64Array }[] = [];
  for (let item = 0; item < count; item += 1) {
    const { terms, weights } = termsAt(item);
    const own = { numbers: new Int32Array(terms.length), weights: new Float64Array(terms.length) };
    let held = 0;
    for (let at = 0; at < terms.length; at += 1) {
      const weight = weights[at] ?? 0;
      if (!(weight > 0)) continue;
      const term = terms[at] as string;
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
  // A term's inverse document frequency, once for each term rather than once for each item holding it.
  const idf = Float64Array.from(holding, (held) => Math.log(1 + (count - held + 0.5) / (held + 0.5)));
  // Places in the item's lists rather than an object per term, in arrays that serve every item in turn: at 100,000
  // items, objects to collect are what this costs most.
  const longest = counted.reduce((most, { numbers }) => Math.max(most, numbers.length), 0);
  const values = new Float64Array(longest);
  const places = new Int32Array(longest);
  return counted.map(({ numbers, weights }) => {
    let placed = 0;
    for (let at = 0; at < numbers.length; at += 1) {
      const number = numbers[at] as number;
      // A term no other item holds likens it to none, and would take the place of one that does.
      if ((holding[number] ?? 1) < 2) continue;
      values[at] = Math.log(1 + (weights[at] as number) / weightUnit) * (idf[number] as number);
      places[placed++] = at;
    }
    const kept = highest(places.subarray(0, placed), TERMS_KEPT, values, numbers);
    sortByNumber(kept, numbers);
    let squares = 0;
    for (const at of kept) squares += (values[at] as number) * (values[at] as number);
    const length = Math.sqrt(squares) || 1;
    const vector = { terms: new Int32Array(kept.length), weights: new Float64Array(kept.length) };
    for (let to = 0; to < kept.length; to += 1) {
      const at = kept[to] as number;
      vector.terms[to] = numbers[at] as number;
      vector.weights[to] = (values[at] as number) / length;
    }
    return vector;
  });
}

/**
 * Of `places` (positions in `values` and `keys`), the `count` of the highest
 * value, and of equal values those of the lower key (then the earlier), as a
 * stable sort of them all cut to `count` would keep them; in no set order
 * (`places` itself when it holds no more than `count`). The
 * values alone are sorted, as numbers, to find the least kept: the places are
 * only filtered (a common term's postings number thousands).
 */
export function highest(places: Int32Array, count: number, values: Float64Array, keys: ArrayLike<number>): Int32Array {
  if (places.length <= count) return places;
  const sorted = new Float64Array(places.length);
  for (let at = 0; at < places.length; at += 1) sorted[at] = values[places[at] as number] as number;
  sorted.sort();
  const least = sorted[places.length - count] as number;
  const kept = new Int32Array(count);
  const tied: number[] = [];
  let placed = 0;
  for (const at of places) {
    const value = values[at] as number;
    if (value > least) kept[placed++] = at;
    else if (value === least) tied.push(at);
  }
  tied.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  for (const at of tied) {
    if (placed === count) break;
    kept[placed++] = at;
  }
  return kept;
}

/**
 * Sorts places in a vector by the number of the term there (then by place),
 * in place: an insertion sort, which costs less than a sort's call of a
 * comparison for the few places (`TERMS_KEPT`) an item keeps.
 */
function sortByNumber(places: Int32Array, numbers: Int32Array): void {
  for (let at = 1; at < places.length; at += 1) {
    const place = places[at] as number;
    const number = numbers[place] as number;
    let to = at;
    for (; to > 0; to -= 1) {
      const before = places[to - 1] as number;
      const beforeNumber = numbers[before] as number;
      if (beforeNumber < number || (beforeNumber === number && before < place)) break;
      places[to] = before;
    }
    places[to] = place;
  }
}
