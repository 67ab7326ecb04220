import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldedMonthNames, parseQuery } from "../../src/search/query.browser.ts";
import { closestWord, editDistance } from "../../src/search/suggest.browser.ts";

const MONTHS = foldedMonthNames(
  ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].map((name) => [
    name,
    `${name.slice(0, 3)}.`,
  ]),
);
const terms = (query: string): string[] => parseQuery(query, MONTHS).words.map((word) => word.term);

describe("a query", () => {
  it("is read as folded words without punctuation, numbers as their number terms, each once", () => {
    assert.deepEqual(terms("Life-cycle Café, fs.readFile green GREEN"), ["lifecycle", "cafe", "fsreadfile", "green"]);
    assert.deepEqual(terms("Node 18 v22.1.0 kubernetes 1.30 v8"), ["node", "nv18z", "nv22x1z", "kubernetes", "nv1x30z", "v8"]);
  });

  it("holds quoted phrases, whose words are words of the query too; an unclosed quote runs to the end", () => {
    assert.deepEqual(parseQuery('"async hooks" api', MONTHS).phrases, [["async", "hooks"]]);
    assert.deepEqual(terms('"async hooks" api'), ["async", "hooks", "api"]);
    assert.deepEqual(parseQuery('"async_hooks"', MONTHS).phrases, [["async", "hooks"]]);
    assert.deepEqual(parseQuery('say "node 18 released', MONTHS).phrases, [["node", "nv18z", "released"]]);
    assert.deepEqual(parseQuery('"one"', MONTHS).phrases, [], "a phrase of one word is a word");
  });

  it("reads a date in the site's month names, or written as numbers, and leaves its words out of the words searched", () => {
    const date = (query: string): unknown => parseQuery(query, MONTHS).date;
    assert.deepEqual(date("security 18 June 2026"), { year: 2026, month: 6, day: 18, written: "18 June 2026" });
    assert.deepEqual(terms("security 18 June 2026"), ["security"]);
    assert.deepEqual(date("June 18, 2026"), { year: 2026, month: 6, day: 18, written: "June 18, 2026" });
    assert.deepEqual(date("jun. 18th"), { month: 6, day: 18, written: "jun. 18th" });
    assert.deepEqual(date("releases june 2024"), { year: 2024, month: 6, written: "june 2024" });
    assert.deepEqual(date("2026-06-18"), { year: 2026, month: 6, day: 18, written: "2026-06-18" });
    assert.deepEqual(date("2026-06"), { year: 2026, month: 6, written: "2026-06" });
  });

  it("reads no date in a month's name alone, a number alone, a quoted date or an impossible one", () => {
    const date = (query: string): unknown => parseQuery(query, MONTHS).date;
    assert.equal(date("may"), undefined);
    assert.deepEqual(terms("may"), ["may"]);
    assert.equal(date("node 18"), undefined);
    assert.equal(date("2024"), undefined);
    assert.equal(date('"june 18"'), undefined);
    assert.equal(date("june 32"), undefined);
    assert.equal(date("2026-13-01"), undefined);
  });
});

describe("a suggestion", () => {
  it("counts the edits between two words, a swap of neighbours as one", () => {
    assert.equal(editDistance("security", "security", 2), 0);
    assert.equal(editDistance("secruity", "security", 2), 1);
    assert.equal(editDistance("relase", "release", 2), 1);
    assert.equal(editDistance("kitten", "sitting", 2), 3, "more than the most asked: one more");
  });

  it("is the closest word of the vocabulary, the commonest among equals, never one too far", () => {
    const vocabulary = [
      ["release", 90],
      ["security", 80],
      ["releases", 70],
      ["relax", 3],
    ] as const;
    assert.equal(closestWord("relase", vocabulary), "release");
    assert.equal(closestWord("secruity", vocabulary), "security");
    assert.equal(closestWord("qwerty", vocabulary), undefined);
    assert.equal(closestWord("rlx", vocabulary), undefined, "a short word is allowed one edit");
    assert.equal(closestWord("release", vocabulary), "releases", "the word itself is not suggested");
  });
});
