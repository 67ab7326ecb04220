// A large synthetic index for the search's tests: articles of a few made-up
// words, so that every word is common and tiered, and a reader of its files
// that answers a round of requests at a time.
import { createRandom } from "../../bench/generate.ts";
import type { ArticleToIndex } from "../../src/search/index-build.ts";
import { IndexReader } from "../../src/search/index-reader.browser.ts";
import { indexRecord } from "../../src/text/index-record.ts";

// Words the English stemmer leaves as they are, none starting another.
export const WORDS = ["zork", "quix", "blam", "frob", "wump", "glim", "snark", "plugh", "xyzzy", "thud"];
export const english = (word: string): string => word;

/**
 * A large archive, so that its common words are tiered (index-write.ts):
 * articles of random words over ten years, each title ending with its
 * number (`numberOf` may give another).
 */
export function largeArchive(count: number, words = { least: 20, most: 120, inTitles: true }, numberOf = (at: number): number => at): ArticleToIndex[] {
  const random = createRandom(7);
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)] ?? "zork";
  return Array.from({ length: count }, (_, at) => {
    const title = words.inTitles ? `${pick()} ${pick()} ${numberOf(at)}` : `Note ${numberOf(at)}`;
    const body = `<p>${Array.from({ length: words.least + Math.floor(random() * (words.most - words.least)) }, pick).join(" ")}</p>`;
    const year = 2010 + Math.floor((at * 10) / count);
    return { record: indexRecord({ title, bodyHtml: body }, "", english), url: `a/${at}/`, title, dateText: "", category: "News", year, month: 1, day: 1 };
  });
}

/**
 * A reader of these files that answers its requests a round at a time, as a
 * network does: `run` answers every request pending once the work waits on
 * nothing else, and `rounds` says what each round asked for.
 */
export function readerInRounds(files: ReadonlyMap<string, Uint8Array>): { reader: IndexReader; rounds: string[][]; run<T>(work: Promise<T>): Promise<T> } {
  const pending: (() => void)[] = [];
  const rounds: string[][] = [[]];
  const reader = new IndexReader({
    file: (path) =>
      new Promise((resolve, reject) => {
        rounds[rounds.length - 1]?.push(path);
        pending.push(() => {
          const found = files.get(path);
          if (found === undefined) reject(new Error(path));
          else resolve(found);
        });
      }),
    stemmer: async () => english,
  });
  const run = async <T>(work: Promise<T>): Promise<T> => {
    for (;;) {
      // Every promise the answers settled has run its course before the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      if (pending.length === 0) return work;
      rounds.push([]);
      for (const answer of pending.splice(0)) answer();
    }
  };
  return { reader, rounds, run };
}
