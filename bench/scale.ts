// npm run bench:scale [-- --articles N] [--content DIR] [--out FILE]
// One full build of a large synthetic archive (100,000 articles unless told),
// with an empty build cache: its wall and CPU time and the peak memory of its
// process tree; then a rebuild after one article is edited, over the cache
// and the output the first build left; then what a reader's first search
// downloads from the built site. It replaces the section "## Scale" of bench/results.md (results-file.ts);
// the rest of the file is npm run bench's.
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { firstSearchTable, measureFirstSearches } from "./first-search-downloads.ts";
import { generateArchive } from "./generate.ts";
import { machineDescription, measure, ourBuildArgs, type Measurement } from "./measure.ts";
import { joinResults, SCALE_HEADING, searchSecondsOf, splitResults } from "./results-file.ts";

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
  const files = (await readdir(content, { recursive: true, encoding: "utf8" })).filter((file) => file.endsWith(".md")).sort();
  // An archive given is described by what it holds, and by the command that measured it.
  const counted = values.content === undefined ? articles : files.length;
  const command = values.content === undefined ? `--articles ${articles}` : `--content ${values.content}`;
  const site = join(root, "site");
  const args = ourBuildArgs(content, site, join(root, "cache"));
  const build = await measure(process.execPath, args, { cwd: PROJECT_ROOT });
  console.error(`${counted} articles built in ${(build.wallMs / 1000).toFixed(0)} s`);
  // A paragraph added to the article in the middle of the archive, as an author would, and the archive built again.
  const edited = join(content, files[Math.floor(files.length / 2)] ?? "");
  const original = await readFile(edited, "utf8");
  await appendFile(edited, "\nA paragraph added to one article.\n");
  const rebuild = await measure(process.execPath, args, { cwd: PROJECT_ROOT });
  await writeFile(edited, original);
  console.error(`rebuilt after one edit in ${(rebuild.wallMs / 1000).toFixed(0)} s`);
  const row = (what: string, run: Measurement): string =>
    `| ${counted.toLocaleString("en")} | ${what} | ${(run.wallMs / 1000).toFixed(1)} | ${(run.cpuMs / 1000).toFixed(1)} | ${searchSecondsOf(run.stdout)?.toFixed(1) ?? ""} | ${(run.peakRssBytes / 1_048_576).toFixed(0)} |`;
  const queries = ["procurement", "energy canteen", "tender"];
  const searches = await measureFirstSearches(site, "/", queries);
  // As hosts serve a site (HTTP/2, text compressed), where the requests of one round are not queued six at a time.
  const hosted = await measureFirstSearches(site, "/", queries, { hostLike: true });
  const section = [
    `${SCALE_HEADING}: ${counted.toLocaleString("en")} articles`,
    "",
    `Made by \`npm run bench:scale -- ${command}\`: one full build of the archive with an empty build cache and a new output folder, then a build after one article is edited (the cache and output kept), then a first search of the built site in Chromium (empty cache, no service worker). One run; ${machineDescription()}.`,
    "",
    "| articles | build | wall (s) | CPU (s) | of which search (s) | peak memory of the process tree (MB) |",
    "| --- | --- | --- | --- | --- | --- |",
    row("first build", build),
    row("one article edited", rebuild),
    "",
    "The build's own summary of its search step and its time:",
    "",
    "```text",
    ...build.stdout.split("\n").filter((line) => /^(search|time): /.test(line)),
    "```",
    "",
    "Served by the project's own server (`npm run preview`: HTTP/1.1, nothing compressed):",
    "",
    firstSearchTable(searches),
    "",
    "Served as hosts serve (bench/host-like-server.ts: HTTP/2, text gzip-compressed):",
    "",
    firstSearchTable(hosted),
    "",
  ].join("\n");
  console.log(section);
  await writeFile(outFile, joinResults(splitResults(await readFile(outFile, "utf8").catch(() => "")).comparison, section));
  console.error(`written to ${outFile}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
