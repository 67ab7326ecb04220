import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchPeriods } from "../../src/search/periods.ts";

/** `count` articles of a month, named by it and their place. */
function month(year: number, monthOfYear: number, count: number, category = "News") {
  return Array.from({ length: count }, (_, at) => ({ name: `${year}-${monthOfYear}-${at}`, year, month: monthOfYear, category }));
}

const summary = (periods: ReturnType<typeof searchPeriods<{ year: number; month: number }>>) =>
  periods.map((period) => [period.id, period.first, period.last, period.articles.length]);

describe("the search's periods", () => {
  it("makes no period of an archive with nothing to search", () => {
    assert.deepEqual(searchPeriods([], 5), []);
  });

  it("keeps an archive that fits in one period as one period, its articles in the order given", () => {
    const articles = [...month(2019, 3, 2), ...month(2021, 1, 1), ...month(2020, 7, 2)];
    const periods = searchPeriods(articles, 5);
    assert.deepEqual(summary(periods), [["2019-2021", "2019", "2021", 5]]);
    assert.deepEqual(periods[0]?.articles, articles);
  });

  it("merges consecutive years up to the limit, from the oldest, and lists the newest period first", () => {
    const articles = [...month(2017, 1, 2), ...month(2018, 1, 2), ...month(2019, 1, 2), ...month(2020, 1, 3), ...month(2021, 1, 1)];
    assert.deepEqual(summary(searchPeriods(articles, 4)), [
      ["2020-2021", "2020", "2021", 4],
      ["2019", "2019", "2019", 2],
      ["2017-2018", "2017", "2018", 4],
    ]);
  });

  it("splits a year holding more than the limit by consecutive months, and never splits a month", () => {
    const articles = [...month(2018, 5, 1), ...month(2019, 1, 2), ...month(2019, 2, 2), ...month(2019, 3, 6), ...month(2019, 11, 1), ...month(2020, 1, 1)];
    assert.deepEqual(summary(searchPeriods(articles, 4)), [
      ["2020", "2020", "2020", 1],
      ["2019-11", "2019-11", "2019-11", 1],
      ["2019-03", "2019-03", "2019-03", 6],
      ["2019-01-2019-02", "2019-01", "2019-02", 4],
      ["2018", "2018", "2018", 1],
    ]);
  });

  it("puts a year of exactly the limit in a period of its own, and a year one over the limit in months", () => {
    assert.deepEqual(summary(searchPeriods([...month(2020, 1, 2), ...month(2021, 1, 2), ...month(2021, 2, 2)], 4)), [
      ["2021", "2021", "2021", 4],
      ["2020", "2020", "2020", 2],
    ]);
    assert.deepEqual(summary(searchPeriods([...month(2021, 1, 2), ...month(2021, 2, 3)], 4)), [
      ["2021-02", "2021-02", "2021-02", 3],
      ["2021-01", "2021-01", "2021-01", 2],
    ]);
  });
});
