import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateFactor, ORDERING, refineFirstResults, titleCoverage } from "../../src/search/ranking.browser.ts";
import {
  extensionShare,
  impactCalculator,
  impactScore,
  inverseDocumentFrequency,
  keyScore,
  metaBoost,
  metaKey,
  META_FLAGS,
  postingKey,
} from "../../src/search/scoring.browser.ts";

interface Hit {
  readonly name: string;
  readonly score: number;
  readonly title: string;
  readonly holdsPhrase: boolean;
}
const hit = (name: string, score: number, title = name, holdsPhrase = false): Hit => ({ name, score, title, holdsPhrase });
const names = (hits: readonly Hit[]): string[] => hits.map((found) => found.name);
const look = (text: string, terms: readonly string[]): { terms: readonly string[]; text: string } => ({ terms, text });
const read = (found: Hit): { title: string; holdsPhrase: boolean } => ({ title: found.title, holdsPhrase: found.holdsPhrase });

describe("the order of results", () => {
  it("counts the newest found article up to ORDERING.dateWeight more than the oldest", () => {
    assert.equal(dateFactor(0, 10), 1 + ORDERING.dateWeight);
    assert.equal(dateFactor(9, 10), 1);
    assert.equal(dateFactor(0, 1), 1 + ORDERING.dateWeight);
  });

  it("puts a title that is the query first, then titles made of the query's words, among the first results only", () => {
    const ranked = [
      hit("long", 10, "Kubernetes 1.24: Avoid Collisions Assigning IP Addresses"),
      hit("release", 9, "Kubernetes 1.24: Stargazer"),
      hit("exact", 1, "Kubernetes 1.24!"),
    ];
    assert.deepEqual(names(refineFirstResults(ranked, read, look("kubernetes 1.24", ["kubernetes", "nv1x24z"]))), ["exact", "release", "long"]);
    const beyond = [...Array.from({ length: ORDERING.firstResults }, (_, place) => hit(`h${place}`, 100 - place, "Other")), hit("late", 1, "Kubernetes 1.24")];
    assert.equal(refineFirstResults(beyond, read, look("kubernetes 1.24", ["kubernetes", "nv1x24z"])).at(-1)?.name, "late");
  });

  it("raises an article holding the query's words in a row among the first results", () => {
    const ranked = [hit("scattered", 10, "A", false), hit("phrase", 8, "B", true)];
    assert.deepEqual(names(refineFirstResults(ranked, read, look("diagnostic report", ["diagnostic", "report"]))), ["phrase", "scattered"]);
    const close = [hit("scattered", 10, "A", false), hit("phrase", 5, "B", true)];
    assert.deepEqual(
      names(refineFirstResults(close, read, look("diagnostic report", ["diagnostic", "report"]))),
      ["scattered", "phrase"],
      "by a factor, not first of all",
    );
  });

  it("measures how much of a title the query's words make up, a number matched whole", () => {
    assert.equal(titleCoverage("Kubernetes v1.30: Uwubernetes", ["kubernetes", "nv1x30z"]), 2 / 3);
    assert.equal(titleCoverage("Node.js 18.12.1 (LTS)", ["node", "nv18z"]), 1 / 3);
    assert.equal(titleCoverage("Node.js 18.0.0 (Current)", ["node", "nv18z"]), 2 / 3);
    assert.equal(titleCoverage("Worker threads", ["work"]), 1 / 2, "a word's start matches, as the search extends it");
    assert.equal(titleCoverage("", ["x"]), 0);
  });
});

describe("the scoring", () => {
  it("weighs rare words above common ones, and a word the query word only starts below the word itself", () => {
    assert.ok(inverseDocumentFrequency(1000, 5) > inverseDocumentFrequency(1000, 500));
    assert.equal(extensionShare(0), 1);
    assert.ok(extensionShare(1) < 1 && extensionShare(3) < extensionShare(1));
  });

  it("gives more occurrences a higher impact, with diminishing returns, and a long article a lower one", () => {
    const impact = impactCalculator(100, 24);
    assert.ok(impact(48, 100) > impact(24, 100));
    assert.ok(impact(48, 100) - impact(24, 100) > impact(72, 100) - impact(48, 100));
    assert.ok(impact(24, 1000) < impact(24, 100));
    assert.equal(impact(0, 100), 0, "a word of the meta alone adds nothing here");
    assert.ok(impact(24_000, 10) <= 255);
  });

  it("orders postings by a key that no posting scores above, meta included", () => {
    const idf = 2.5;
    for (const [impact, flags] of [
      [200, 0],
      [10, META_FLAGS.title],
      [0, META_FLAGS.date | META_FLAGS.category],
    ] as const) {
      const most =
        impactScore(impact, idf, 1) +
        metaBoost({ title: flags & META_FLAGS.title ? idf : 0, date: flags & META_FLAGS.date ? idf : 0, category: flags & META_FLAGS.category ? idf : 0 }, idf);
      assert.ok(keyScore(postingKey(impact, flags), idf) >= most - 1e-9, `${impact} ${flags}`);
    }
    assert.ok(metaKey(META_FLAGS.title) > metaKey(META_FLAGS.date));
  });

  it("boosts an article by the meta fields holding the query's words, most when they hold all of it", () => {
    const all = metaBoost({ title: 3, date: 0, category: 0 }, 3);
    const part = metaBoost({ title: 1, date: 0, category: 0 }, 3);
    assert.ok(all > part * 9, `${all} against ${part}`);
    assert.ok(metaBoost({ title: 1, date: 0, category: 0 }, 1) > metaBoost({ title: 0, date: 1, category: 0 }, 1));
    assert.equal(metaBoost({ title: 0, date: 0, category: 0 }, 0), 0);
  });
});
