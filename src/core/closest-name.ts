/**
 * The name a mistyped word most likely meant ("biuld" → "build", "titel" →
 * "title", "--outptu" → "--output"), for "did you mean" hints: the known name
 * at the smallest edit distance, counting a swap of two neighbouring letters
 * as one edit, when that distance is small for the word's length. Letter case
 * is ignored. Undefined when no name is close, or two are equally close.
 */
export function closestName(word: string, names: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  // One edit in a short word, two from seven letters on: more would suggest unrelated names.
  const allowed = typed.length < 7 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tied = false;
  for (const name of names) {
    const distance = editDistance(typed, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return best === undefined || tied ? undefined : best;
}

/** " (did you mean X?)" after a message about an unknown word, or nothing when no known name is close. */
export function didYouMean(word: string, names: readonly string[], show: (name: string) => string = (name) => `"${name}"`): string {
  const closest = closestName(word, names);
  return closest === undefined ? "" : `; did you mean ${show(closest)}?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  // rows[i][j]: the distance between a's first i letters and b's first j.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      row[j] = distance;
    }
  }
  return at(a.length, b.length);
}
