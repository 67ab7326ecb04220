// npm run bench [-- --articles N] [--runs R] [--out FILE] [--other DIR]
// Builds a synthetic archive with this project's full build and with a plain
// Eleventy baseline (one .md template per article, Liquid pre-pass off, a
// one-line layout), alternating, and reports median, min and max of wall
// time, CPU time and peak memory of each, and the ratio ours / baseline.
// With --articles N and no --out it is the regression guard: it prints the
// ratios and the CPU per article beside those bench/results.md recorded.
// With --other DIR (another checkout of this project, compiled: `npm run
// compile` there), that checkout's first build and one-edit rebuild are
// measured in the same runs, so that two versions compare on a shared machine.
import { execFileSync } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { generateArchive } from "./generate.ts";
import { machineDescription, measure, ourBuildArgs, type Measurement } from "./measure.ts";
import { BASELINE, BUILDS, comparisonTable, guardLines, joinResults, recordedFigures, splitResults, type ToolResult } from "./results-file.ts";

const STANDARD_SIZES = [1000, 4000, 10000];

const { values } = parseArgs({
  options: { articles: { type: "string" }, runs: { type: "string" }, out: { type: "string" }, other: { type: "string" } },
  strict: true,
});
const sizes = values.articles === undefined ? STANDARD_SIZES : [Number(values.articles)];
const runs = Number(values.runs ?? "5");
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench -- [--articles N] [--runs R] [--out FILE] [--other DIR]");
  process.exit(2);
}
if (values.other !== undefined && !existsSync(join(values.other, "dist/cli/main.js"))) {
  console.error("--other DIR is another checkout of this project, compiled (npm run compile there)");
  process.exit(2);
}
/** The other checkout's command, and its two builds named by its folder. */
const other =
  values.other === undefined
    ? undefined
    : {
        cli: join(resolve(values.other), "dist/cli/main.js"),
        firstBuild: `${values.other}, first build (empty cache, new output)`,
        editedBuild: `${values.other}, one article edited (cache and output kept)`,
      };
const resultsFile = join(PROJECT_ROOT, "bench/results.md");
const outFile = values.out ?? (values.articles === undefined ? resultsFile : undefined);

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
  await writeFile(
    join(root, "eleventy.config.mjs"),
    'export default function () { return { dir: { input: "input", output: "out", includes: "_includes" }, markdownTemplateEngine: false }; }\n',
  );
}

async function prepareHugo(root: string, content: string): Promise<void> {
  await cp(content, join(root, "content/posts"), { recursive: true });
  await mkdir(join(root, "layouts/_default"), { recursive: true });
  await writeFile(join(root, "layouts/_default/single.html"), "<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n");
  await writeFile(join(root, "hugo.toml"), 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\n');
}

/** The generated article an edit is made to: the one in the middle of the archive. */
const EDITED_ARTICLE = (articles: number): string => `/article-${Math.floor(articles / 2)}.md`;
/** The one the next edit is made to, a quarter of the way in. */
const NEXT_EDITED_ARTICLE = (articles: number): string => `/article-${Math.floor(articles / 4)}.md`;

async function benchSize(articles: number): Promise<ToolResult[]> {
  const root = await mkdtemp(join(tmpdir(), `news-archive-bench-${articles}-`));
  // A run's outputs and caches are moved aside, not deleted, before the next build is timed: deleting the
  // 16,000 files of a 4,000-article site kept this machine's disk busy for tens of seconds, and the build that
  // followed spent two to four times the system time creating its files (so did plain Eleventy's, a quarter as
  // many). They are deleted with the rest once this size is measured.
  let movedAside = 0;
  const clear = async (folder: string): Promise<void> => {
    if (!existsSync(folder)) return;
    await mkdir(join(root, "aside"), { recursive: true });
    await rename(folder, join(root, "aside", String((movedAside += 1))));
  };
  try {
    const content = join(root, "content");
    await generateArchive(content, articles);
    await prepareBaseline(join(root, "baseline"), content);
    if (hugo !== undefined) await prepareHugo(join(root, "hugo"), content);
    const results = new Map<string, Measurement[]>([...BUILDS, BASELINE].map((build) => [build, []]));
    if (hugo !== undefined) results.set("Hugo (reference)", []);
    if (other !== undefined) for (const build of [other.firstBuild, other.editedBuild]) results.set(build, []);
    const cacheDir = join(root, "cache");
    const ours = ourBuildArgs(content, join(root, "ours"), cacheDir);
    const files = await readdir(content, { recursive: true, encoding: "utf8" });
    const edited = join(content, files.find((file) => file.endsWith(EDITED_ARTICLE(articles))) ?? "");
    const nextEdited = join(content, files.find((file) => file.endsWith(NEXT_EDITED_ARTICLE(articles))) ?? "");
    const [original, nextOriginal] = [await readFile(edited, "utf8"), await readFile(nextEdited, "utf8")];
    const [firstBuild, cachedBuild, editedBuild, nextEditedBuild] = BUILDS;
    for (let run = 1; run <= runs; run += 1) {
      // A first build reads and renders every article into a new folder; the next finds them in the
      // build cache the first one left, and writes a new folder too; then one article is edited and the
      // archive built again over the output and cache the builds before left, as an author does.
      await clear(cacheDir);
      await clear(join(root, "ours"));
      results.get(firstBuild)?.push(await measure(process.execPath, ours, { cwd: PROJECT_ROOT }));
      await clear(join(root, "ours"));
      results.get(cachedBuild)?.push(await measure(process.execPath, ours, { cwd: PROJECT_ROOT }));
      await appendFile(edited, `\nA paragraph added in run ${run}.\n`);
      results.get(editedBuild)?.push(await measure(process.execPath, ours, { cwd: PROJECT_ROOT }));
      // The author's next edit: the build starts from the output the last one replaced, which it kept.
      await appendFile(nextEdited, `\nA paragraph added in run ${run}.\n`);
      results.get(nextEditedBuild)?.push(await measure(process.execPath, ours, { cwd: PROJECT_ROOT }));
      await writeFile(edited, original);
      await writeFile(nextEdited, nextOriginal);
      if (other !== undefined) {
        const otherArgs = [other.cli, "build", "--content", content, "--output", join(root, "other"), "--cache-dir", join(root, "other-cache")];
        await clear(join(root, "other-cache"));
        await clear(join(root, "other"));
        results.get(other.firstBuild)?.push(await measure(process.execPath, otherArgs, { cwd: PROJECT_ROOT }));
        await appendFile(edited, `\nA paragraph added in run ${run}.\n`);
        results.get(other.editedBuild)?.push(await measure(process.execPath, otherArgs, { cwd: PROJECT_ROOT }));
        await writeFile(edited, original);
      }
      await clear(join(root, "baseline/out"));
      results.get(BASELINE)?.push(await measure(process.execPath, [eleventyCli, "--config=eleventy.config.mjs", "--quiet"], { cwd: join(root, "baseline") }));
      if (hugo !== undefined) {
        await clear(join(root, "hugo/public"));
        results.get("Hugo (reference)")?.push(await measure(hugo, ["--quiet"], { cwd: join(root, "hugo") }));
      }
      console.error(`${articles} articles: run ${run} of ${runs} done`);
    }
    return [...results].map(([tool, measurements]) => ({ tool, runs: measurements }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const measured: { readonly articles: number; readonly results: readonly ToolResult[] }[] = [];
for (const articles of sizes) measured.push({ articles, results: await benchSize(articles) });
const machine = `${machineDescription()}${hugo === undefined ? "; Hugo not installed (apt-get install hugo adds it as a reference)" : ""}`;
const report = `${comparisonTable(measured)}\n\n${runs} alternating run(s) per build; ${machine}.\n`;
console.log(report);
if (outFile === undefined) {
  // The regression guard: this run beside the figures last recorded for the same size.
  const recorded = await readFile(resultsFile, "utf8").catch(() => "");
  for (const { articles, results } of measured)
    console.log(guardLines(articles, results, recordedFigures(splitResults(recorded).comparison, articles)).join("\n"));
} else {
  const kept = splitResults(await readFile(outFile, "utf8").catch(() => "")).scale;
  await writeFile(
    outFile,
    joinResults(
      `# Benchmark results\n\nMade by \`npm run bench\` (synthetic articles of 300-800 words, dates over 25 years, 6 categories, tags), with the compiled command, as \`npm run build\` runs it. ` +
        `Our build is the full site: article, archive, category and tag pages, feeds, sitemap and search index, ` +
        `measured four times per run: a first build (an empty build cache, a new output folder), a build with the articles the first one cached (a new output folder), ` +
        `then a build after one article is edited, over the cache and the output the builds before left (an author's rebuild), ` +
        `then one after another article is edited, which also starts from the output the build before replaced and kept in the cache (an author's next rebuild). ` +
        `"Of which search" is the search index's wall time, as the build's summary gives it: made in a worker thread beside the loading and the pages up to 5,000 articles, part of the writing beyond. ` +
        `The baseline is plain Eleventy 3 with one .md template per article and a one-line layout, writing the article pages only. ` +
        `Peak memory is the largest sum of resident memory over the build's process tree. ` +
        `The machine may be shared: compare the ratios, measured against the baseline in the same run, more than the times.\n\n${report}`,
      kept,
    ),
  );
  console.error(`written to ${outFile}`);
}
