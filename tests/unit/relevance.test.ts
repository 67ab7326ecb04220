import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { agreement, firstAnswerRank, readQuerySet, scoreRanking, type QueryOutcome, type RelevanceQuery } from "../../bench/relevance.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";

const QUERY_SET = join(PROJECT_ROOT, "bench", "search-queries.json");
const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");

function outcome(rank: number | undefined, number = false): QueryOutcome {
  const query: RelevanceQuery = { query: "q", kind: "known-item", number, answers: [{ path: "a.md", title: "A" }] };
  return { query, results: [], titles: [], found: 0, rank };
}

describe("the relevance measures", () => {
  it("rank the first acceptable answer from 1, and give none when no answer is listed", () => {
    assert.equal(firstAnswerRank(["x", "b", "a"], new Set(["a", "b"])), 2);
    assert.equal(firstAnswerRank(["x", "y"], new Set(["a"])), undefined);
    assert.equal(firstAnswerRank([], new Set(["a"])), undefined);
  });

  it("count hits at 1 and 3 and the reciprocal rank within the first ten", () => {
    const scores = scoreRanking([outcome(1), outcome(3), outcome(4), outcome(11), outcome(undefined)]);
    assert.equal(scores.queries, 5);
    assert.equal(scores.hitsAt1, 1 / 5);
    assert.equal(scores.hitsAt3, 2 / 5);
    assert.ok(Math.abs(scores.mrrAt10 - (1 + 1 / 3 + 1 / 4) / 5) < 1e-12);
  });

  it("score no queries as zero rather than dividing by nothing", () => {
    assert.deepEqual(scoreRanking([]), { queries: 0, hitsAt1: 0, hitsAt3: 0, mrrAt10: 0 });
  });

  it("measure two engines' agreement on the first results as sets, order aside", () => {
    const together = agreement([["a", "b", "c"], ["a", "b"], []], [["c", "b", "a", "z"], ["a", "x"], []], 3);
    assert.ok(Math.abs(together.overlap - (1 + 0.5 + 1) / 3) < 1e-12);
    assert.ok(Math.abs(together.identical - 2 / 3) < 1e-12);
    assert.throws(() => agreement([["a"]], [], 5), /same queries/);
  });
});

describe("the committed query set", () => {
  it("holds at least 60 queries, half known-item, with version and number queries on both corpora", async () => {
    const set = await readQuerySet(QUERY_SET);
    const queries = Object.values(set.corpora).flatMap((corpus) => corpus.queries);
    assert.ok(queries.length >= 60, `${queries.length} queries`);
    const knownItem = queries.filter((query) => query.kind === "known-item").length;
    assert.ok(knownItem >= queries.length * 0.4 && knownItem <= queries.length * 0.6, `${knownItem} known-item queries of ${queries.length}`);
    for (const [name, corpus] of Object.entries(set.corpora))
      assert.ok(corpus.queries.filter((query) => query.number).length >= 5, `${name} has version and number queries`);
    // A number query holds a number or version ("18", "v22.1.0"), not just a digit inside a word ("k8s").
    for (const query of queries) assert.equal(query.number, /(?<![a-z])v?\d/i.test(query.query), `“${query.query}” is marked number: ${String(query.number)}`);
    assert.equal(new Set(queries.map((query) => query.query)).size, queries.length, "no query is asked twice");
  });

  it("names as answers only published articles of the corpora, by their titles", { skip: existsSync(CORPORA) ? false : `${CORPORA} is absent` }, async () => {
    const set = await readQuerySet(QUERY_SET);
    for (const [name, corpus] of Object.entries(set.corpora)) {
      for (const { query, answers } of corpus.queries) {
        for (const answer of answers) {
          const text = await readFile(join(CORPORA, name, "content", answer.path), "utf8");
          const frontMatter = text.split(/\r?\n---\s*\r?\n/)[0] ?? "";
          assert.doesNotMatch(frontMatter, /^draft:\s*true\s*$/im, `${answer.path}, an answer to “${query}”, is a draft`);
          assert.ok(text.includes(answer.title), `${answer.path}, an answer to “${query}”, is titled “${answer.title}”`);
        }
      }
    }
  });
});
