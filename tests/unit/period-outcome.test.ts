import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acrossPeriods, type PeriodOutcome } from "../../src/browser/period-outcome.ts";
import type { SearchProgress } from "../../src/browser/search-engine.ts";
import type { PeriodEntry } from "../../src/search/period-manifest.ts";

const entry = (first: string, last = first): PeriodEntry => ({ id: first, bundle: `pagefind/periods/${first}/`, first, last, articles: 0, filters: { category: {}, year: {} } });
const periods = [entry("2022", "2026"), entry("2017", "2021"), entry("2012", "2016")];

/** Each period finds the given titles; records which periods were searched. */
function fakeSearch(found: Record<string, readonly string[]>) {
  const searched: string[] = [];
  const search = async (period: PeriodEntry): Promise<PeriodOutcome> => {
    searched.push(period.id);
    const left = [...(found[period.id] ?? [])];
    return { count: left.length, next: async (count) => left.splice(0, count).map((title) => ({ url: `/${title}/`, meta: { title }, excerpt: "" })) };
  };
  return { searched, search };
}

const titles = (results: readonly { readonly meta: Readonly<Record<string, string | undefined>> }[]) => results.map((result) => result.meta["title"]);

describe("results across the search's periods", () => {
  it("searches the newest period first and gives its results without searching older ones", async () => {
    const { searched, search } = fakeSearch({ "2022": ["a", "b", "c"], "2017": ["d"] });
    const outcome = await acrossPeriods(periods, search);
    assert.deepEqual(titles(await outcome.next(2)), ["a", "b"]);
    assert.deepEqual(titles(await outcome.next(10)), ["c"]);
    assert.deepEqual(searched, ["2022"]);
    assert.equal(outcome.count, 3);
    assert.equal(outcome.complete, false);
    assert.deepEqual(outcome.progress, { searchedSpan: "2022–2026", periodsSearched: 1, periods: 3 });
  });

  it("searches the next older period when the reader asks for more, and says so while it does", async () => {
    const { searched, search } = fakeSearch({ "2022": ["a"], "2012": ["e", "f"] });
    const told: SearchProgress[] = [];
    const outcome = await acrossPeriods(periods, search, (progress) => told.push(progress));
    assert.deepEqual(titles(await outcome.next(10)), ["a"]);
    // 2017-2021 finds nothing: the search goes on to 2012-2016 for the results asked for.
    assert.deepEqual(titles(await outcome.next(10)), ["e", "f"]);
    assert.deepEqual(searched, ["2022", "2017", "2012"]);
    assert.deepEqual(told.map((progress) => progress.searching), ["2017–2021", "2012–2016"]);
    assert.equal(told[1]?.searchedSpan, "2017–2026");
    assert.equal(outcome.count, 3);
    assert.equal(outcome.complete, true);
    assert.deepEqual(await outcome.next(10), []);
  });

  it("answers two requests made at once in order, searching each period once", async () => {
    const { searched, search } = fakeSearch({ "2022": ["a"], "2017": ["b"], "2012": ["c"] });
    const outcome = await acrossPeriods(periods, search);
    await outcome.next(1);
    const [first, second] = await Promise.all([outcome.next(1), outcome.next(1)]);
    assert.deepEqual([titles(first ?? []), titles(second ?? [])], [["b"], ["c"]]);
    assert.deepEqual(searched, ["2022", "2017", "2012"]);
  });

  it("has no progress to show for one period, and nothing to find in none", async () => {
    const one = await acrossPeriods([entry("2020")], fakeSearch({ "2020": ["a"] }).search);
    assert.equal(one.progress, undefined);
    assert.equal(one.complete, true);
    const none = await acrossPeriods([], fakeSearch({}).search);
    assert.deepEqual([none.count, none.complete, await none.next(10)], [0, true, []]);
  });
});
