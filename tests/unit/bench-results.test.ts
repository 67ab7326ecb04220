import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { joinResults, SCALE_HEADING, splitResults } from "../../bench/results-file.ts";

const COMPARISON = "# Benchmark results\n\n| articles | build |\n| --- | --- |\n| 1,000 | ours |\n";
const SCALE = `${SCALE_HEADING}: 100,000 articles\n\n| articles | wall (s) |\n| --- | --- |\n| 100,000 | 400.0 |\n`;

describe("the results file two benchmarks share", () => {
  it("cuts a file into the comparison and the scale section, and joins them back as they were", () => {
    const file = joinResults(COMPARISON, SCALE);
    assert.deepEqual(splitResults(file), { comparison: `${COMPARISON}\n`, scale: SCALE });
    assert.equal(joinResults(splitResults(file).comparison, splitResults(file).scale), file);
  });

  it("keeps the scale section when the comparison is rewritten, and the comparison when the scale section is", () => {
    const file = joinResults(COMPARISON, SCALE);
    const newComparison = COMPARISON.replace("ours", "ours, faster");
    assert.equal(joinResults(newComparison, splitResults(file).scale), `${newComparison}\n${SCALE}`);
    const newScale = SCALE.replace("400.0", "300.0");
    assert.equal(splitResults(joinResults(splitResults(file).comparison, newScale)).scale, newScale);
  });

  it("reads a file without a scale section as all comparison, and one that is only a scale section as no comparison", () => {
    assert.deepEqual(splitResults(COMPARISON), { comparison: COMPARISON, scale: "" });
    assert.equal(joinResults(COMPARISON, ""), COMPARISON);
    assert.deepEqual(splitResults(SCALE), { comparison: "", scale: SCALE });
  });

  it("does not take a heading that only starts like the scale heading inside a line for one", () => {
    const file = `${COMPARISON}Not a heading: ${SCALE_HEADING}\n`;
    assert.deepEqual(splitResults(file), { comparison: file, scale: "" });
  });
});
