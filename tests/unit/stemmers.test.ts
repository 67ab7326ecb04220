import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRandom } from "../../bench/generate.ts";
import { loadStemmer, porter2Unchanged } from "../../src/text/stemmers.ts";

// The library has no types: loaded by name, as stemmers.ts loads it.
const winkModule: unknown = await import(["wink", "porter2", "stemmer"].join("-"));
const winkDefault: unknown = typeof winkModule === "object" && winkModule !== null ? Reflect.get(winkModule, "default") : undefined;
if (!isStemFunction(winkDefault)) throw new Error("wink-porter2-stemmer exports no function");
const winkStem = (word: string): string => String(winkDefault(word));

function isStemFunction(value: unknown): value is (word: string) => unknown {
  return typeof value === "function";
}

/** Tokens as an archive's release notes hold them: hashes, versions, file names, words with digits, any case, accents. */
function tokens(count: number): string[] {
  const random = createRandom(7);
  const alphabets = ["0123456789abcdef", "abcdefghijklmnopqrstuvwxyz0123456789", "aeiouy3sledging", "ABCxyz0123456789éøß’'"];
  return Array.from({ length: count }, (_, at) => {
    const alphabet = alphabets[at % alphabets.length] ?? "";
    const length = 1 + Math.floor(random() * 70);
    return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  });
}

const WORDS = [
  "sky",
  "skies",
  "dying",
  "ones",
  "happy3",
  "y3s",
  "v3",
  "nodev18171linuxarm64tarxz",
  "ab3",
  "a3b",
  "yoyo2",
  "ayes1",
  "généralisation",
  "we’",
  "it's",
];

describe("the English stemmer", () => {
  it("gives a word ending in no letter, apostrophe or 3 as Porter2 (wink-porter2-stemmer) does, without running it", () => {
    let shortcut = 0;
    for (const word of [...WORDS, ...tokens(20_000)]) {
      const unchanged = porter2Unchanged(word);
      if (unchanged === undefined) continue;
      shortcut += 1;
      assert.equal(unchanged, winkStem(word), word);
    }
    assert.ok(shortcut > 5_000, `only ${shortcut} words took the shortcut`);
  });

  it("leaves a word ending in a letter, an apostrophe or a 3 to Porter2", () => {
    for (const word of ["releases", "happy3", "dog’", "it's", "ab", "skies"]) assert.equal(porter2Unchanged(word), undefined, word);
  });

  it("stems as Porter2 does, words of every kind", async () => {
    const stem = await loadStemmer("en");
    for (const word of [...WORDS, ...tokens(2_000)]) assert.equal(stem(word), winkStem(word), word);
  });
});
