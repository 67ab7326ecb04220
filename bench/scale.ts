// npm run bench:scale [-- --articles N] [--content DIR] [--out FILE]
// One full build of a large synthetic archive (100,000 articles unless told),
// with an empty build cache: its wall and CPU time and the peak memory of its
// process tree, then what a reader's first search downloads from the built
// site. It replaces the section "## Scale" of bench/results.md (results-file.ts);
// the rest of the file is npm run bench's.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { firstSearchTable, measureFirstSearches } from "./first-search-downloads.ts";
import { generateArchive } from "./generate.ts";
import { machineDescription, measure, ourBuildArgs } from "./measure.ts";
import { joinResults, SCALE_HEADING, splitResults } from "./results-file.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, content: { type: "string" }, out: { type: "string" } }, strict: true });
const articles = Number(values.articles ?? "100000");
if (!Number.isInteger(articles) || articles < 1) {
  console.error("usage: npm run bench:scale -- [--articles N] [--content DIR] [--out FILE]");
  process.exit(2);
}
const outFile = values.out ?? join(PROJECT_ROOT, "bench/results.md");
const root = await mkdtemp(join(tmpdir(), `news-archive-scale-${articles}-`));
try {
  // An archive generated before (the same N gives the same files) saves a minute of writing.
  const content = values.content ?? join(root, "content");
  if (values.content === undefined) await generateArchive(content, articles);
  const site = join(root, "site");
  const build = await measure(process.execPath, ourBuildArgs(content, site, join(root, "cache")), { cwd: PROJECT_ROOT });
  console.error(`${articles} articles built in ${(build.wallMs / 1000).toFixed(0)} s`);
  const searches = await measureFirstSearches(site, "/", ["procurement", "energy canteen", "tender"]);
  const section = [
    `${SCALE_HEADING}: ${articles.toLocaleString("en")} articles`,
    "",
    `Made by \`npm run bench:scale -- --articles ${articles}\`: one full build of the synthetic archive with an empty build cache, then a first search of the built site in Chromium (empty cache, no service worker). One run; ${machineDescription()}.`,
    "",
    "| articles | wall (s) | CPU (s) | peak memory of the process tree (MB) |",
    "| --- | --- | --- | --- |",
    `| ${articles.toLocaleString("en")} | ${(build.wallMs / 1000).toFixed(1)} | ${(build.cpuMs / 1000).toFixed(1)} | ${(build.peakRssBytes / 1_048_576).toFixed(0)} |`,
    "",
    "The build's own summary of its search step and its time:",
    "",
    "```text",
    ...build.stdout.split("\n").filter((line) => /^(search|time): /.test(line)),
    "```",
    "",
    firstSearchTable(searches),
    "",
  ].join("\n");
  console.log(section);
  await writeFile(outFile, joinResults(splitResults(await readFile(outFile, "utf8").catch(() => "")).comparison, section));
  console.error(`written to ${outFile}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
