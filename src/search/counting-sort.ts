// A stable counting sort of places by small integer keys, in typed arrays:
// the index orders a common word's postings by their key, and the pairs of
// consecutive words by their terms' places in the dictionary, over millions
// of elements where a comparison callback for each would cost the most.

/** The places 0 to `count` - 1, in order: what stableSortBy is first given. */
export function placesInOrder(count: number): Uint32Array {
  const places = new Uint32Array(count);
  for (let place = 0; place < count; place += 1) places[place] = place;
  return places;
}

/** The places of `order` sorted by their key (`keyOf[place]`, each below `keys`), those of equal keys in the order given. */
export function stableSortBy(order: Uint32Array, keyOf: ArrayLike<number>, keys: number): Uint32Array {
  const starts = new Uint32Array(keys + 1);
  for (let at = 0; at < order.length; at += 1) {
    const key = keyOf[order[at] ?? 0] ?? 0;
    starts[key + 1] = (starts[key + 1] ?? 0) + 1;
  }
  for (let key = 0; key < keys; key += 1) starts[key + 1] = (starts[key + 1] ?? 0) + (starts[key] ?? 0);
  const sorted = new Uint32Array(order.length);
  for (let at = 0; at < order.length; at += 1) {
    const place = order[at] ?? 0;
    const key = keyOf[place] ?? 0;
    sorted[starts[key] ?? 0] = place;
    starts[key] = (starts[key] ?? 0) + 1;
  }
  return sorted;
}
