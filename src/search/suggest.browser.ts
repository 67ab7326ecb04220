// "Did you mean": the closest words of the archive's own vocabulary (its
// commonest written words, index-build.ts) to a word the archive lacks.

/** The most edits a suggestion may be from the word typed: one for a short word, two for a longer one. */
function mostEdits(word: string): number {
  return Array.from(word).length <= 4 ? 1 : 2;
}

/**
 * The word of the vocabulary (most common first) closest to `word`: the
 * fewest edits (a letter added, dropped, changed, or two swapped), the more
 * common first among equals; undefined when none is close enough.
 */
export function closestWord(word: string, vocabulary: readonly (readonly [word: string, documents: number])[]): string | undefined {
  const most = mostEdits(word);
  let best: string | undefined;
  let bestEdits = most + 1;
  for (const [candidate] of vocabulary) {
    if (candidate === word || Math.abs(candidate.length - word.length) > most) continue;
    const edits = editDistance(word, candidate, Math.min(most, bestEdits - 1));
    if (edits < bestEdits) {
      best = candidate;
      bestEdits = edits;
      if (edits === 1) break;
    }
  }
  return best;
}

/**
 * The edits from one word to another (optimal string alignment: a swap of
 * two neighbours is one edit), or `most + 1` as soon as it is sure to be more
 * than `most`.
 */
export function editDistance(from: string, to: string, most: number): number {
  const a = Array.from(from);
  const b = Array.from(to);
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > most) return most + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? 0, most + 1);
}
