// npm run bench:edit [-- --articles N] [--runs R]
// Generates a synthetic archive of N articles (default 10,000), starts
// npm start on it, and saves one article as soon as the server starts (its
// first build's search index still being written), then, once that build is
// done, R times: each time with a new last paragraph, then with a new date,
// then as it was, then with a new title, then as it was. It reports how long
// after each save the changed page was on disk (the browser reloads then),
// median, min and max.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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
// Its summaries are read from its standard output: the first build's, and each later build's.
const server = startProcessGroup(process.execPath, ourCommandArgs(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]), {
  cwd: PROJECT_ROOT,
  stdio: ["ignore", "pipe", "inherit"],
});
let log = "";
server.child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
try {
  const started = performance.now();
  await until(async () => log.includes("Server at"), started, 1_800_000);
  console.error(`${articles} articles: first build served after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  /** Builds finished so far: each prints its summary, whose last line is its time, once it has written everything, search index included. */
  const buildsDone = (): number => log.match(/^time: /gm)?.length ?? 0;
  const original = await readFile(join(content, file), "utf8");
  /** Saves the article and waits for `done`, then for the build it started to finish (search index included), as a writer pausing between saves would. */
  const save = async (text: string, done: () => Promise<boolean>): Promise<number> => {
    // The first build may still be writing its search index: the build this save starts comes after it.
    const awaited = Math.max(buildsDone(), 1) + 1;
    const saved = performance.now();
    await writeFile(join(content, file), text);
    const elapsed = await until(done, saved);
    await until(async () => buildsDone() >= awaited, saved, 1_800_000);
    return elapsed;
  };
  // Saved at once, while the first build still writes its search index: npm start watches its sources
  // from its start, so this save is built too.
  const early = `Saved as the server started ${Date.now()}.`;
  const earlyEdit = await save(`${original}\n${early}\n`, async () => (await readFile(join(output, page), "utf8")).includes(early));
  await save(original, async () => !(await readFile(join(output, page), "utf8")).includes(early));
  const bodyEdits: number[] = [];
  const dateEdits: number[] = [];
  const titleEdits: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const marker = `Edited paragraph ${run}-${Date.now()}.`;
    bodyEdits.push(await save(`${original}\n${marker}\n`, async () => (await readFile(join(output, page), "utf8")).includes(marker)));
    dateEdits.push(
      await save(original.replace(/^date: .*$/m, "date: 1999-12-31"), async () => existsSync(join(output, movedPage)) && !existsSync(join(output, page))),
    );
    await save(original, async () => existsSync(join(output, page)));
    const title = `Retitled ${run}-${Date.now()}`;
    titleEdits.push(
      await save(original.replace(/^title: .*$/m, `title: "${title}"`), async () => (await readFile(join(output, page), "utf8")).includes(title)),
    );
    await save(original, async () => !(await readFile(join(output, page), "utf8")).includes(title));
    console.error(`run ${run} of ${runs} done`);
  }
  const seconds = (times: readonly number[]): string =>
    `median ${(median(times) / 1000).toFixed(2)} s (min ${(Math.min(...times) / 1000).toFixed(2)}, max ${(Math.max(...times) / 1000).toFixed(2)})`;
  console.log(`${articles.toLocaleString("en")} articles, ${runs} run(s):`);
  console.log(`- saved as the server started, until the article page is rewritten: ${(earlyEdit / 1000).toFixed(2)} s`);
  console.log(`- new last paragraph, until the article page is rewritten: ${seconds(bodyEdits)}`);
  console.log(`- new date, until the article is at its new address and gone from the old: ${seconds(dateEdits)}`);
  console.log(`- new title, until the article page shows it: ${seconds(titleEdits)}`);
} finally {
  await server.stop();
  await rm(root, { recursive: true, force: true });
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
