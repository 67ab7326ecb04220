import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inverseDocumentFrequency, lengthBonus, metaBoost, wordScore } from "../../src/search/portable-score.ts";
import { holdsPhrase, orderByScoreAndDate, ORDERING, refineFirstResults, titleCoverage } from "../../src/search/ranking.ts";
import { queryWords } from "../../src/search/words.ts";

interface Hit {
  readonly name: string;
  readonly score: number;
  readonly newestFirst: number;
  readonly title: string;
  readonly text: string;
}
const hit = (name: string, score: number, newestFirst: number, title = name, text = ""): Hit => ({ name, score, newestFirst, title, text });
const names = (hits: readonly Hit[]): string[] => hits.map((found) => found.name);

describe("the order of results", () => {
  it("puts the newer first among near-equal matches, and never above a clearly better one", () => {
    const hits = [hit("old", 10, 2), hit("middle", 9.9, 1), hit("new", 9.8, 0), hit("best", 20, 3)];
    assert.deepEqual(names(orderByScoreAndDate(hits)), ["best", "new", "middle", "old"]);
    assert.deepEqual(names(orderByScoreAndDate([hit("old", 10, 1), hit("new", 5, 0)])), ["old", "new"]);
    assert.deepEqual(names(orderByScoreAndDate([hit("b", 1, 1), hit("a", 1, 0)])), ["a", "b"], "equal scores newest first");
  });

  it("puts a title that is the query first, then titles made of the query's words, among the first results only", () => {
    const ranked = [hit("long", 10, 0, "Kubernetes 1.24: Avoid Collisions Assigning IP Addresses"), hit("release", 9, 1, "Kubernetes 1.24: Stargazer"), hit("exact", 1, 2, "Kubernetes 1.24!")];
    const read = (found: Hit): { title: string; text: string } => ({ title: found.title, text: found.text });
    assert.deepEqual(names(refineFirstResults(ranked, 3, read, "kubernetes 1.24")), ["exact", "release", "long"]);
    const beyond = [...Array.from({ length: ORDERING.firstResults }, (_, place) => hit(`h${place}`, 100 - place, place, "Other")), hit("late", 1, 20, "Kubernetes 1.24")];
    assert.equal(refineFirstResults(beyond, beyond.length, read, "kubernetes 1.24").at(-1)?.name, "late");
  });

  it("raises a text holding the query's words in a row among the first results", () => {
    const ranked = [hit("scattered", 10, 0, "A", "a report on diagnostic tools"), hit("phrase", 8, 1, "B", "the diagnostic report is out")];
    assert.deepEqual(names(refineFirstResults(ranked, 2, (found) => found, "diagnostic report")), ["phrase", "scattered"]);
  });

  it("measures how much of a title the query's words make up, a number matched whole", () => {
    assert.equal(titleCoverage("Kubernetes v1.30: Uwubernetes", queryWords("kubernetes 1.30")), 2 / 3);
    assert.equal(titleCoverage("Node.js 18.12.1 (LTS)", queryWords("node 18")), 1 / 3);
    assert.equal(titleCoverage("Node.js 18.0.0 (Current)", queryWords("node 18")), 2 / 3);
    assert.equal(titleCoverage("Worker threads", queryWords("work")), 1 / 2, "a word's start matches, as the search extends it");
    assert.equal(titleCoverage("", queryWords("x")), 0);
  });

  it("finds a phrase by the words' starts and numbers by their terms, and none in a query of one word", () => {
    assert.equal(holdsPhrase("The Test Runner module", queryWords("test runner")), true);
    assert.equal(holdsPhrase("runner test", queryWords("test runner")), false);
    assert.equal(holdsPhrase("Node.js v18 nv18z is out", queryWords("node 18")), true);
    assert.equal(holdsPhrase("test runner", queryWords("test")), false);
  });
});

describe("the portable search's scoring, as Pagefind scores", () => {
  it("weighs rare words above common ones and words of the query's length above longer ones", () => {
    assert.ok(inverseDocumentFrequency(1000, 5) > inverseDocumentFrequency(1000, 500));
    assert.ok(lengthBonus(1) > lengthBonus(2) && lengthBonus(2) > lengthBonus(4));
    assert.ok(lengthBonus(1) <= 1);
  });

  it("scores more occurrences higher, with diminishing returns, and a long page lower", () => {
    const score = (weight: number, length: number): number => wordScore({ weight, lengthBonus: 1, idf: 1 }, length, 100);
    assert.ok(score(48, 100) > score(24, 100));
    assert.ok(score(48, 100) - score(24, 100) > score(72, 100) - score(48, 100));
    assert.ok(score(24, 1000) < score(24, 100));
    assert.equal(score(0, 100), 0, "a word of the meta alone adds nothing here");
  });

  it("boosts a page by the meta fields holding the query's words, most when they hold all of it", () => {
    const all = metaBoost(new Map([["title", new Map([["node", 1], ["nv18z", 2]])]]), 3);
    const part = metaBoost(new Map([["title", new Map([["node", 1]])]]), 3);
    assert.ok(all > part * 9, `${all} against ${part}`);
    assert.ok(metaBoost(new Map([["title", new Map([["a", 1]])]]), 1) > metaBoost(new Map([["date", new Map([["a", 1]])]]), 1));
    assert.equal(metaBoost(new Map(), 0), 0);
  });
});
