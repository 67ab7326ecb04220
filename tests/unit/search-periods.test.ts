import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePeriodsManifest, periodLabel, periodMayMatch, periodsManifest } from "../../src/search/period-manifest.ts";
import { searchPeriods } from "../../src/search/periods.ts";

/** `count` articles of a month, named by it and their place. */
function month(year: number, monthOfYear: number, count: number, category = "News") {
  return Array.from({ length: count }, (_, at) => ({ name: `${year}-${monthOfYear}-${at}`, year, month: monthOfYear, category }));
}

const summary = (periods: ReturnType<typeof searchPeriods<{ year: number; month: number }>>) => periods.map((period) => [period.id, period.first, period.last, period.articles.length]);

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

describe("the search's list of periods", () => {
  const articles = [...month(2019, 1, 2, "Reports"), ...month(2020, 1, 2, "News"), ...month(2021, 4, 1, "News")];
  const manifest = periodsManifest(searchPeriods(articles, 3), (period, newest) => (newest ? "pagefind/" : `pagefind/periods/${period.id}/`));

  it("names each period's bundle, dates and articles, newest first, the newest in the main folder", () => {
    assert.deepEqual(
      manifest.periods.map(({ id, bundle, first, last, articles: count }) => ({ id, bundle, first, last, count })),
      [
        { id: "2020-2021", bundle: "pagefind/", first: "2020", last: "2021", count: 3 },
        { id: "2019", bundle: "pagefind/periods/2019/", first: "2019", last: "2019", count: 2 },
      ],
    );
  });

  it("counts each period's articles by category and by year, for the filters", () => {
    assert.deepEqual(manifest.periods[0]?.filters, { category: { News: 3 }, year: { "2020": 2, "2021": 1 } });
    assert.deepEqual(manifest.periods[1]?.filters, { category: { Reports: 2 }, year: { "2019": 2 } });
  });

  it("tells which periods a filter can match, so that only those are searched", () => {
    const [newer, older] = manifest.periods;
    assert.ok(newer !== undefined && older !== undefined);
    assert.equal(periodMayMatch(newer, { category: "", year: "" }), true);
    assert.equal(periodMayMatch(newer, { category: "", year: "2019" }), false);
    assert.equal(periodMayMatch(older, { category: "", year: "2019" }), true);
    assert.equal(periodMayMatch(older, { category: "News", year: "" }), false);
  });

  it("labels a period by its years, or one year alone", () => {
    assert.equal(periodLabel({ first: "2017", last: "2021" }), "2017–2021");
    assert.equal(periodLabel({ first: "2023", last: "2023" }), "2023");
  });

  it("reads back what it wrote, and names what is missing in a damaged list", () => {
    assert.deepEqual(parsePeriodsManifest(JSON.parse(JSON.stringify(manifest))), manifest);
    assert.throws(() => parsePeriodsManifest({}), /has no periods/);
    assert.throws(() => parsePeriodsManifest({ periods: [{ id: "2019", first: "2019", last: "2019", filters: { category: {}, year: {} } }] }), /period 1 of the search's list has no bundle/);
  });
});
