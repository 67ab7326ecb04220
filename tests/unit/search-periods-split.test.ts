import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitPeriodsJob, type PeriodsJob } from "../../src/search/search-index.ts";

/** A job of periods of these numbers of documents, labelled by their place. */
function jobOf(sizes: readonly number[]): PeriodsJob {
  let first = 0;
  const periods = sizes.map((size, at) => {
    const period = { first, label: String(at), documents: Array.from({ length: size }, (): [string, string] => ["{}", "text"]) };
    first += size;
    return period;
  });
  return { indexDir: "index", previousIndexDir: undefined, portable: false, holdsEarlier: false, periods };
}

const labels = (jobs: readonly PeriodsJob[]): string[][] => jobs.map((job) => job.periods.map((period) => period.label));

describe("sharing periods' folders out between threads", () => {
  it("gives each thread a run of periods of about as many documents, every period once and in order", () => {
    assert.deepEqual(labels(splitPeriodsJob(jobOf([4000, 4000, 4000, 4000]), 2)), [
      ["0", "1"],
      ["2", "3"],
    ]);
    assert.deepEqual(labels(splitPeriodsJob(jobOf([9000, 1000, 1000, 1000]), 2)), [["0"], ["1", "2", "3"]]);
    const many = splitPeriodsJob(jobOf([5, 3, 8, 1, 9, 2, 7]), 3);
    assert.deepEqual(labels(many).flat(), ["0", "1", "2", "3", "4", "5", "6"]);
    assert.equal(many.length, 3);
  });

  it("makes no more parts than there are periods, and keeps the job's folders", () => {
    const parts = splitPeriodsJob(jobOf([100]), 2);
    assert.deepEqual(labels(parts), [["0"]]);
    assert.equal(parts[0]?.indexDir, "index");
    assert.deepEqual(splitPeriodsJob(jobOf([]), 2), []);
    assert.deepEqual(labels(splitPeriodsJob(jobOf([3, 3]), 1)), [["0", "1"]]);
  });
});
