// npm run bench [-- --articles N] [--runs R] [--out FILE]
// Builds a synthetic archive with this project's full build and with a plain
// Eleventy baseline (one .md template per article, Liquid pre-pass off, a
// one-line layout), alternating, and reports median, min and max of wall
// time, CPU time and peak memory of each, and the ratio ours / baseline.
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { generateArchive } from "./generate.ts";
import { machineDescription, measure, median, ourBuildArgs, type Measurement } from "./measure.ts";
import { joinResults, splitResults } from "./results-file.ts";

const STANDARD_SIZES = [1000, 4000, 10000];
const FIRST_BUILD = "news-archive (full build, empty cache)";
const REBUILD = "news-archive (full build, articles cached)";

interface ToolResult {
  readonly tool: string;
  readonly runs: readonly Measurement[];
}

const { values } = parseArgs({ options: { articles: { type: "string" }, runs: { type: "string" }, out: { type: "string" } }, strict: true });
const sizes = values.articles === undefined ? STANDARD_SIZES : [Number(values.articles)];
const runs = Number(values.runs ?? "5");
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench -- [--articles N] [--runs R] [--out FILE]");
  process.exit(2);
}
const outFile = values.out ?? (values.articles === undefined ? join(PROJECT_ROOT, "bench/results.md") : undefined);

const eleventyCli = join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const hugo = (() => {
  try {
    return execFileSync("which", ["hugo"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

async function prepareBaseline(root: string, content: string): Promise<void> {
  await cp(content, join(root, "input"), { recursive: true });
  await mkdir(join(root, "input/_includes"), { recursive: true });
  await writeFile(join(root, "input/_includes/one.njk"), "<!doctype html><title>{{ title }}</title>{{ content | safe }}\n");
  await writeFile(join(root, "input/input.11tydata.json"), JSON.stringify({ layout: "one.njk" }));
  await writeFile(join(root, "eleventy.config.mjs"), 'export default function () { return { dir: { input: "input", output: "out", includes: "_includes" }, markdownTemplateEngine: false }; }\n');
}

async function prepareHugo(root: string, content: string): Promise<void> {
  await cp(content, join(root, "content/posts"), { recursive: true });
  await mkdir(join(root, "layouts/_default"), { recursive: true });
  await writeFile(join(root, "layouts/_default/single.html"), "<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n");
  await writeFile(join(root, "hugo.toml"), 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\n');
}

async function benchSize(articles: number): Promise<ToolResult[]> {
  const root = await mkdtemp(join(tmpdir(), `news-archive-bench-${articles}-`));
  try {
    const content = join(root, "content");
    await generateArchive(content, articles);
    await prepareBaseline(join(root, "baseline"), content);
    if (hugo !== undefined) await prepareHugo(join(root, "hugo"), content);
    const results: Record<string, Measurement[]> = { [FIRST_BUILD]: [], [REBUILD]: [], "Eleventy baseline (article pages only)": [] };
    if (hugo !== undefined) results["Hugo (reference)"] = [];
    const cacheDir = join(root, "cache");
    const ours = ourBuildArgs(content, join(root, "ours"), cacheDir);
    for (let run = 1; run <= runs; run += 1) {
      // A first build reads and renders every article; a rebuild finds them in the build cache the first one left.
      await rm(cacheDir, { recursive: true, force: true });
      for (const tool of [FIRST_BUILD, REBUILD]) {
        await rm(join(root, "ours"), { recursive: true, force: true });
        results[tool]?.push(await measure(process.execPath, ours, { cwd: PROJECT_ROOT }));
      }
      await rm(join(root, "baseline/out"), { recursive: true, force: true });
      results["Eleventy baseline (article pages only)"]?.push(await measure(process.execPath, [eleventyCli, "--config=eleventy.config.mjs", "--quiet"], { cwd: join(root, "baseline") }));
      if (hugo !== undefined) {
        await rm(join(root, "hugo/public"), { recursive: true, force: true });
        results["Hugo (reference)"]?.push(await measure(hugo, ["--quiet"], { cwd: join(root, "hugo") }));
      }
      console.error(`${articles} articles: run ${run} of ${runs} done`);
    }
    return Object.entries(results).map(([tool, measurements]) => ({ tool, runs: measurements }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function table(articles: number, results: readonly ToolResult[]): string {
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const baseline = results.find((result) => result.tool.startsWith("Eleventy"));
  const baselineWall = baseline === undefined ? undefined : median(baseline.runs.map((run) => run.wallMs));
  const rows = results.map(({ tool, runs: measured }) => {
    const walls = measured.map((run) => run.wallMs);
    const wall = median(walls);
    const ratio = baselineWall === undefined ? "" : (wall / baselineWall).toFixed(2);
    return `| ${articles.toLocaleString("en")} | ${tool} | ${seconds(wall)} | ${seconds(Math.min(...walls))} | ${seconds(Math.max(...walls))} | ${seconds(median(measured.map((run) => run.cpuMs)))} | ${(median(measured.map((run) => run.peakRssBytes)) / 1_048_576).toFixed(0)} | ${ratio} |`;
  });
  return rows.join("\n");
}

const header = "| articles | build | wall median (s) | min (s) | max (s) | CPU median (s) | peak memory median (MB) | wall ratio to baseline |\n| --- | --- | --- | --- | --- | --- | --- | --- |";
const sections: string[] = [];
for (const size of sizes) sections.push(table(size, await benchSize(size)));
const machine = `${machineDescription()}${hugo === undefined ? "; Hugo not installed (apt-get install hugo adds it as a reference)" : ""}`;
const report = `${header}\n${sections.join("\n")}\n\n${runs} alternating run(s) per build; ${machine}.\n`;
console.log(report);
if (outFile !== undefined) {
  const kept = splitResults(await readFile(outFile, "utf8").catch(() => "")).scale;
  await writeFile(
    outFile,
    joinResults(`# Benchmark results\n\nMade by \`npm run bench\` (synthetic articles of 300-800 words, dates over 25 years, 6 categories, tags). ` +
      `Our build is the full site: article, archive, category and tag pages, feeds, sitemap and search index, ` +
      `measured twice per run: with an empty build cache (every article read and rendered), then again with the articles the first build cached (an archive rebuilt after an edit or a new article). ` +
      `The baseline is plain Eleventy 3 with one .md template per article and a one-line layout, writing the article pages only. ` +
      `Peak memory is the largest sum of resident memory over the build's process tree.\n\n${report}`, kept),
  );
  console.error(`written to ${outFile}`);
}
