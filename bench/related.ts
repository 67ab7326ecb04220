// npm run bench:related [-- --articles 10000,30000,100000] [--content DIR [--config FILE]]
// What finding related articles by subject costs (model/related.ts): for
// synthetic archives of each size (bench/generate.ts), or for one archive
// given, the archive is loaded (the search index's record of each article,
// whose terms related articles are found by, is made then, with the
// rest of each article), then related articles are found three times; it
// prints the median time, the time per 1,000 articles (which stays about the
// same when the work grows linearly), how many terms the articles' records
// hold, the heap once they are loaded and what finding related articles adds
// to it. npm runs it with --expose-gc, so that the heap is measured collected.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createMarkdownRenderer } from "../src/content/markdown.ts";
import { loadArchive } from "../src/content/load-archive.ts";
import { buildArchiveModel } from "../src/model/archive-model.ts";
import { relatedArticles } from "../src/model/related.ts";
import { resolveBuildRequest } from "../src/pipeline/request.ts";
import { generateArchive } from "./generate.ts";
import { machineDescription } from "./measure.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, content: { type: "string" }, config: { type: "string" } }, strict: true });
const sizes = (values.articles ?? "10000,30000,100000").split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error("usage: npm run bench:related -- [--articles 10000,30000,100000] [--content DIR [--config FILE]]");
  process.exit(2);
}

const collect = (): number => {
  // Exposed by --expose-gc; without it the figures include garbage not yet collected.
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
const megabytes = (bytes: number): string => (bytes / 1_048_576).toFixed(0);

interface Row {
  readonly articles: number;
  readonly loadSeconds: number;
  readonly terms: number;
  readonly loadedMB: string;
  readonly relatedMs: number;
  readonly relatedCpuMs: number;
  readonly heapMB: string;
}

async function measureArchive(content: string, config: string | undefined): Promise<Row> {
  const resolved = await resolveBuildRequest({
    content,
    output: join(tmpdir(), "news-archive-bench-related-unused"),
    cacheDir: false,
    ...(config === undefined ? {} : { config }),
  });
  if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
  const { settings } = resolved.request;
  const started = performance.now();
  const loaded = await loadArchive({
    contentDir: content,
    settings,
    includeDrafts: false,
    knownFiles: [],
    excludedDirs: [],
    renderMarkdown: createMarkdownRenderer({ sanitize: false, highlightCode: false }),
  });
  const loadSeconds = (performance.now() - started) / 1000;
  const loadedBytes = collect();
  const model = buildArchiveModel(loaded.articles, loaded.categories);
  const before = collect();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peak = 0;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const related = relatedArticles(model);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    if (related.size !== model.newestFirst.length) throw new Error("an article has no entry");
  }
  const relatedMs = times.sort((a, b) => a - b)[1] ?? 0;
  const relatedCpuMs = cpuTimes.sort((a, b) => a - b)[1] ?? 0;
  const terms = loaded.articles.reduce((sum, article) => sum + article.searchRecord.weights.length, 0);
  return { articles: loaded.articles.length, loadSeconds, terms, loadedMB: megabytes(loadedBytes), relatedMs, relatedCpuMs, heapMB: megabytes(peak) };
}

const rows: Row[] = [];
if (values.content !== undefined) rows.push(await measureArchive(values.content, values.config));
else {
  for (const size of sizes) {
    const root = await mkdtemp(join(tmpdir(), `news-archive-related-${size}-`));
    try {
      await generateArchive(join(root, "content"), size);
      rows.push(await measureArchive(join(root, "content"), undefined));
      console.error(`${size} articles measured`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
}
console.log(`Related articles by subject (model/related.ts), median of 3; ${machineDescription()}.\n`);
console.log(
  "| articles | loading, records included (s) | terms held | heap once loaded (MB) | related articles, wall (ms) | CPU (ms) | CPU per 1,000 articles (ms) | heap added while finding them (MB) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(
    `| ${row.articles.toLocaleString("en")} | ${row.loadSeconds.toFixed(1)} | ${row.terms.toLocaleString("en")} | ${row.loadedMB} | ${row.relatedMs.toFixed(0)} | ${row.relatedCpuMs.toFixed(0)} | ${((row.relatedCpuMs / row.articles) * 1000).toFixed(1)} | ${row.heapMB} |`,
  );
}
