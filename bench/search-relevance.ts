// npm run bench:search -- [--corpora DIR] [--work DIR] [--corpus NAME ...] [--period-articles N ...] [--no-build] [--differences] [--out FILE]
// Builds the shared corpora (the Node.js and Kubernetes blogs) twice, hosted
// and --portable, at each size of search period asked for (the default, 150
// and 50 articles unless told otherwise: a small size splits the index into
// many periods, which must not change what is found first), runs every query of bench/search-queries.json through the
// real search page in headless Chromium (hosted: served over HTTP; portable:
// opened from file://), and prints hits@1, hits@3 and MRR@10 per corpus and
// engine, how far the two engines agree on the first five results, and the
// queries whose answer is not in the first three (with --differences, also
// the queries whose first five differ between the engines).
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { ourCommandArgs } from "./measure.ts";
import { agreement, firstAnswerRank, readQuerySet, scoreRanking, type QueryOutcome, type RelevanceQuery } from "./relevance.ts";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { outputFileFor } from "../src/core/urls.ts";
import { loadSite, openArticleCache } from "../src/pipeline/load-site.ts";
import { resolveBuildRequest } from "../src/pipeline/request.ts";
import { startStaticServer } from "../src/publish/static-server.ts";

const USAGE =
  "usage: npm run bench:search -- [--corpora DIR] [--work DIR] [--corpus NAME ...] [--period-articles N ...] [--no-build] [--differences] [--out FILE]";
const { values } = parseArgs({
  options: {
    corpora: { type: "string" },
    work: { type: "string" },
    corpus: { type: "string", multiple: true },
    "period-articles": { type: "string", multiple: true },
    "no-build": { type: "boolean" },
    differences: { type: "boolean" },
    out: { type: "string" },
    queries: { type: "string" },
  },
  strict: true,
});
const corporaDir = values.corpora ?? join(PROJECT_ROOT, "..", "shared", "corpora");
const workDir = values.work ?? join(tmpdir(), "news-archive-search-bench");
const querySet = await readQuerySet(values.queries ?? join(PROJECT_ROOT, "bench", "search-queries.json"));
const corpora = Object.entries(querySet.corpora).filter(([name]) => values.corpus === undefined || values.corpus.includes(name));
if (corpora.length === 0) {
  console.error(`${USAGE}\nno corpus of the query set is named ${values.corpus?.join(", ") ?? ""}`);
  process.exit(2);
}

/** The sizes of search period built (`searchPeriodArticles`); undefined is the settings' own (the default). */
const periodSizes = (values["period-articles"] ?? ["default", "150", "50"]).map((size) => {
  if (size === "default") return undefined;
  const articles = Number(size);
  if (!Number.isInteger(articles) || articles < 1) {
    console.error(`${USAGE}\n--period-articles takes a whole number of articles or "default", not ${size}`);
    process.exit(2);
  }
  return articles;
});
const sizeLabel = (size: number | undefined): string => (size === undefined ? "default" : String(size));

type Engine = "hosted" | "portable";
const ENGINES: readonly Engine[] = ["hosted", "portable"];
/** Results read per query: MRR@10 needs ten, and the search page shows ten at first. */
const DEPTH = 10;

/** Runs the build command as a user would; fails with its output. */
function build(contentDir: string, config: string, output: string, portable: boolean): Promise<void> {
  const args = ourCommandArgs(["build", "--content", contentDir, "--config", config, "--output", output, ...(portable ? ["--portable"] : [])]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`the build of ${contentDir} failed (${String(code)}):\n${said}`))));
  });
}

/** Each article's written page (2022/04/19/x/index.html), by its file's path in the content folder, as the build places it. */
async function pagesBySource(contentDir: string, config: string): Promise<Map<string, string>> {
  const resolved = await resolveBuildRequest({ content: contentDir, config });
  if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
  const site = await loadSite(resolved.request, { articleCache: await openArticleCache(resolved.request), serving: false });
  return new Map(
    site.archive.articles.map((article) => [relative(contentDir, join(contentDir, article.sourcePath)).split("\\").join("/"), outputFileFor(article.route)]),
  );
}

/** Opens the search page for each query and reads the first results, as paths of written pages from the site's root. */
async function runQueries(
  page: Page,
  searchPage: string,
  root: string,
  queries: readonly RelevanceQuery[],
  pages: ReadonlyMap<string, string>,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    await page.goto(`${searchPage}?q=${encodeURIComponent(query.query)}`);
    await page.waitForFunction(() => /found for/.test(document.querySelector("#search-status")?.textContent ?? ""), null, { timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelector("#search-results li") !== null || /^No articles/.test(document.querySelector("#search-status")?.textContent ?? ""),
    );
    const links = (
      await page.$$eval("#search-results li h2 a", (found) => found.map((link) => ({ href: (link as HTMLAnchorElement).href, title: link.textContent ?? "" })))
    ).slice(0, DEPTH);
    const results = links.map((link) => pageOf(link.href, root));
    const found = Number(/(\d+) articles? found/.exec((await page.locator("#search-status").textContent()) ?? "")?.[1] ?? "0");
    const answers = new Set(query.answers.map((answer) => pages.get(answer.path) ?? `(not published: ${answer.path})`));
    outcomes.push({ query, results, titles: links.map((link) => link.title), found, rank: firstAnswerRank(results, answers) });
  }
  return outcomes;
}

/** A result's link as the written page's path from the site's root. */
function pageOf(href: string, root: string): string {
  const path = decodeURIComponent(new URL(href).pathname.slice(new URL(root).pathname.length));
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** The corpus's settings, with the size of search period asked for: a file of the work folder. */
async function settingsFile(name: string, size: number | undefined): Promise<string> {
  const corpusSettings = join(PROJECT_ROOT, "tests", "corpora", `${name}.json`);
  if (size === undefined) return corpusSettings;
  const settings: unknown = JSON.parse(await readFile(corpusSettings, "utf8"));
  const file = join(workDir, name, `settings-${size}.json`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ ...(typeof settings === "object" && settings !== null ? settings : {}), searchPeriodArticles: size }));
  return file;
}

async function measureCorpus(
  browser: Browser,
  name: string,
  queries: readonly RelevanceQuery[],
  size: number | undefined,
): Promise<Record<Engine, QueryOutcome[]>> {
  const contentDir = join(corporaDir, name, "content");
  const config = await settingsFile(name, size);
  const built = join(workDir, name, sizeLabel(size));
  const outputs: Record<Engine, string> = { hosted: join(built, "hosted"), portable: join(built, "portable") };
  if (values["no-build"] !== true) for (const engine of ENGINES) await build(contentDir, config, outputs[engine], engine === "portable");
  const pages = await pagesBySource(contentDir, config);
  for (const query of queries)
    for (const { path } of query.answers) if (!pages.has(path)) throw new Error(`${name}: the answer ${path} of “${query.query}” is not a published article`);
  const { server, url } = await startStaticServer({ root: outputs.hosted, basePath: "/", port: 0 });
  try {
    // No service worker: what it saves in the background is not the search's business here.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const hosted = await runQueries(page, `${url}search/`, url, queries, pages);
    const portableRoot = pathToFileURL(`${outputs.portable}/`).href;
    const portable = await runQueries(page, `${portableRoot}search/index.html`, portableRoot, queries, pages);
    await context.close();
    return { hosted, portable };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const figure = (value: number): string => value.toFixed(2);
const table: string[] = [
  "| corpus | period articles | engine | queries | hits@1 | hits@3 | MRR@10 | hits@3, number queries |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
];
const agreements: string[] = ["| corpus | period articles | top-5 overlap | same top 5 |", "| --- | --- | --- | --- |"];
const misses: string[] = [];
const differences: string[] = [];
const browser = await launchChromium();
try {
  for (const [name, { queries }] of corpora)
    for (const size of periodSizes) {
      const outcomes = await measureCorpus(browser, name, queries, size);
      const label = sizeLabel(size);
      for (const engine of ENGINES) {
        const all = scoreRanking(outcomes[engine]);
        const numbers = scoreRanking(outcomes[engine].filter((outcome) => outcome.query.number));
        table.push(
          `| ${name} | ${label} | ${engine} | ${all.queries} | ${figure(all.hitsAt1)} | ${figure(all.hitsAt3)} | ${figure(all.mrrAt10)} | ${figure(numbers.hitsAt3)} (${numbers.queries}) |`,
        );
        for (const outcome of outcomes[engine]) {
          if (outcome.rank !== undefined && outcome.rank <= 3) continue;
          misses.push(
            `${name}, ${label}, ${engine}: “${outcome.query.query}” (${outcome.query.kind}): ${outcome.rank === undefined ? "no answer in the first 10" : `first answer at ${outcome.rank}`}, ${outcome.found} found; first: ${outcome.titles
              .slice(0, 3)
              .map((title) => `“${title}”`)
              .join(", ")}`,
          );
        }
      }
      const together = agreement(
        outcomes.hosted.map((outcome) => outcome.results),
        outcomes.portable.map((outcome) => outcome.results),
        5,
      );
      agreements.push(`| ${name} | ${label} | ${figure(together.overlap)} | ${figure(together.identical)} |`);
      for (const [index, hosted] of outcomes.hosted.entries()) {
        const portable = outcomes.portable[index];
        const only = (from: QueryOutcome, other: QueryOutcome | undefined): string[] =>
          from.titles.slice(0, 5).filter((_, place) => !other?.results.slice(0, 5).includes(from.results[place] ?? ""));
        const [hostedOnly, portableOnly] = [only(hosted, portable), portable === undefined ? [] : only(portable, hosted)];
        if (hostedOnly.length > 0 || portableOnly.length > 0)
          differences.push(
            `${name}, ${label}: “${hosted.query.query}”: hosted only ${hostedOnly.map((title) => `“${title}”`).join(", ")}; portable only ${portableOnly.map((title) => `“${title}”`).join(", ")}`,
          );
      }
    }
} finally {
  await browser.close();
}
const listed =
  values.differences === true ? ["First five results that differ between the engines:", "", ...differences.map((difference) => `- ${difference}`), ""] : [];
const report = [...table, "", ...agreements, "", "Answers not in the first three:", "", ...misses.map((miss) => `- ${miss}`), "", ...listed].join("\n");
console.log(report);
if (values.out !== undefined) await writeFile(values.out, report);
