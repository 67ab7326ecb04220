// npm run bench:edit [-- --articles N] [--runs R]
// Generates a synthetic archive of N articles (default 10,000), starts
// npm start on it, and once the first build is served, saves one article
// R times: each time with a new last paragraph, then with a new date, then
// as it was. It reports how long after each save the changed page was on
// disk (the browser reloads then), median, min and max.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { startProcessGroup } from "../tests/support/process-group.ts";
import { generateArchive } from "./generate.ts";
import { median, ourCommandArgs } from "./measure.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, runs: { type: "string" } }, strict: true });
const articles = Number(values.articles ?? "10000");
const runs = Number(values.runs ?? "5");
if (!Number.isInteger(articles) || articles < 2 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench:edit -- [--articles N] [--runs R]");
  process.exit(2);
}

/** Waits until `check` holds; returns the milliseconds since `from`. */
async function until(check: () => Promise<boolean>, from: number, timeoutMs = 300_000): Promise<number> {
  while (!(await check().catch(() => false))) {
    if (performance.now() - from > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - from;
}

const root = await mkdtemp(join(tmpdir(), "news-archive-edit-"));
const content = join(root, "content");
const output = join(root, "site");
await generateArchive(content, articles);
const { file, page, movedPage } = await pickArticle(content);
const port = 20000 + Math.floor(Math.random() * 20000);
// In a process group of its own, so that stopping it stops every process it started, before the folder is removed.
const server = startProcessGroup(process.execPath, ourCommandArgs(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]), {
  cwd: PROJECT_ROOT,
  stdio: ["ignore", "pipe", "inherit"],
});
let log = "";
server.child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
try {
  const started = performance.now();
  await until(async () => log.includes("Server at"), started, 1_800_000);
  await until(() => searchIndexWrittenSince(0), started, 1_800_000);
  // The file watcher can miss a save made in the first moments after it reports ready.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  console.error(`${articles} articles: first build served after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const bodyEdits: number[] = [];
  const dateEdits: number[] = [];
  const original = await readFile(join(content, file), "utf8");
  /** Saves the article and waits for `done`, then for that build's search index, as a writer pausing between saves would. */
  const save = async (text: string, done: () => Promise<boolean>): Promise<number> => {
    const savedAt = Date.now();
    const saved = performance.now();
    await writeFile(join(content, file), text);
    const elapsed = await until(done, saved);
    await until(() => searchIndexWrittenSince(savedAt), saved);
    return elapsed;
  };
  for (let run = 1; run <= runs; run += 1) {
    const marker = `Edited paragraph ${run}-${Date.now()}.`;
    bodyEdits.push(await save(`${original}\n${marker}\n`, async () => (await readFile(join(output, page), "utf8")).includes(marker)));
    dateEdits.push(await save(original.replace(/^date: .*$/m, "date: 1999-12-31"), async () => existsSync(join(output, movedPage)) && !existsSync(join(output, page))));
    await save(original, async () => existsSync(join(output, page)));
    console.error(`run ${run} of ${runs} done`);
  }
  const seconds = (times: readonly number[]): string => `median ${(median(times) / 1000).toFixed(2)} s (min ${(Math.min(...times) / 1000).toFixed(2)}, max ${(Math.max(...times) / 1000).toFixed(2)})`;
  console.log(`${articles.toLocaleString("en")} articles, ${runs} run(s):`);
  console.log(`- new last paragraph, until the article page is rewritten: ${seconds(bodyEdits)}`);
  console.log(`- new date, until the article is at its new address and gone from the old: ${seconds(dateEdits)}`);
} finally {
  await server.stop();
  await rm(root, { recursive: true, force: true });
}

/** Whether a build has written the search index (the last thing it writes) since the given time. */
async function searchIndexWrittenSince(time: number): Promise<boolean> {
  return (await stat(join(output, "search-index/entry.bin"))).mtimeMs >= time;
}

/** The generated article in the middle of the archive, its page, and the page it moves to when dated 1999-12-31. */
async function pickArticle(folder: string): Promise<{ file: string; page: string; movedPage: string }> {
  const files = (await readdir(folder, { recursive: true, encoding: "utf8" })).filter((name) => name.endsWith(".md")).sort();
  const file = files[Math.floor(files.length / 2)] ?? "";
  const date = /^date: (\d{4})-(\d{2})-(\d{2})$/m.exec(await readFile(join(folder, file), "utf8"));
  if (date === null) throw new Error(`${file}: no date line in the generated article`);
  const [, year, month, day] = date;
  const slug = basename(file, ".md");
  return { file, page: `${year}/${month}/${day}/${slug}/index.html`, movedPage: `1999/12/31/${slug}/index.html` };
}
