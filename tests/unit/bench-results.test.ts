import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Measurement } from "../../bench/measure.ts";
import {
  BASELINE,
  BUILDS,
  comparisonTable,
  guardLines,
  joinResults,
  recordedFigures,
  SCALE_HEADING,
  searchSecondsOf,
  splitResults,
  type ToolResult,
} from "../../bench/results-file.ts";

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

const run = (wallMs: number, cpuMs: number, stdout = ""): Measurement => ({ wallMs, cpuMs, peakRssBytes: 100 * 1_048_576, exitCode: 0, stdout });
const SUMMARY = (search: number): string =>
  `pages: 10 written to out\ntime: 3.00 s (loading and checking 1.00 s, pages and files 2.00 s, of which search index ${search.toFixed(2)} s)\n`;

describe("the benchmark's table and its regression guard", () => {
  const [firstBuild, cached, edited] = BUILDS;
  const results: ToolResult[] = [
    { tool: firstBuild, runs: [run(3000, 4000, SUMMARY(1)), run(5000, 6000, SUMMARY(2)), run(4000, 5000, SUMMARY(3))] },
    { tool: cached, runs: [run(2000, 2000, SUMMARY(1))] },
    { tool: edited, runs: [run(1000, 1500, SUMMARY(0.5))] },
    { tool: BASELINE, runs: [run(2000, 3000), run(2000, 3000), run(2000, 3000)] },
  ];

  it("reads the search index's seconds from the build's summary, made in the main thread or beside the pages, and none from another tool's output", () => {
    assert.equal(searchSecondsOf(SUMMARY(1.25)), 1.25);
    assert.equal(searchSecondsOf("time: 3.00 s (loading and checking 1.00 s, pages and files 2.00 s; search index beside them 2.50 s)\n"), 2.5);
    assert.equal(searchSecondsOf("[11ty] Wrote 10 files in 1.00 seconds"), undefined);
  });

  it("writes medians, the CPU per article, the search part and the ratio to the baseline, which the guard reads back", () => {
    const table = comparisonTable([{ articles: 1000, results }]);
    assert.match(
      table,
      /^\| 1,000 \| news-archive, first build \(empty cache, new output\) \| 4\.00 \| 3\.00 \| 5\.00 \| 5\.00 \| 5\.00 \| 2\.00 \| 100 \| 2\.00 \| 1\.67 \|$/m,
    );
    assert.match(
      table,
      /^\| 1,000 \| Eleventy baseline \(article pages only\) \| 2\.00 \| 2\.00 \| 2\.00 \| 3\.00 \| 3\.00 \| {2}\| 100 \| 1\.00 \| 1\.00 \|$/m,
    );
    const recorded = recordedFigures(`# Benchmark results\n\n${table}\n\nText after.\n`, 1000);
    assert.deepEqual(recorded.get(firstBuild), { ratio: 2, cpuPerArticleMs: 5 });
    assert.deepEqual(recorded.get(edited), { ratio: 0.5, cpuPerArticleMs: 1.5 });
    assert.equal(recordedFigures(table, 4000).size, 0);
  });

  it("computes the CPU per article from a table recorded before that column existed", () => {
    const old =
      "| articles | build | wall median (s) | CPU median (s) | wall ratio to baseline |\n| --- | --- | --- | --- | --- |\n| 4,000 | ours | 10.00 | 8.00 | 2.50 |\n";
    assert.deepEqual(recordedFigures(old, 4000).get("ours"), { ratio: 2.5, cpuPerArticleMs: 2 });
  });

  it("prints each of our builds beside its recorded figures, and says when none were recorded", () => {
    const lines = guardLines(1000, results, new Map([[firstBuild, { ratio: 2.5, cpuPerArticleMs: 6 }]]));
    assert.equal(lines.length, 4);
    assert.equal(lines[1], `- ${firstBuild}: ratio 2.00 (recorded 2.50), CPU ratio 1.67, CPU per article 5.00 ms (recorded 6.00 ms)`);
    assert.equal(lines[2], `- ${cached}: ratio 1.00 (none recorded), CPU ratio 0.67, CPU per article 2.00 ms (none recorded)`);
  });
});
