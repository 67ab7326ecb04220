import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { filesUnder, type FileInFolder } from "../core/files.ts";
import { isInside } from "../core/project.ts";
import { hrefFromRootOfFile, outputFileFor, pathFromRoot } from "../core/urls.ts";
import { htmlForIndex } from "./index-html.ts";
import { parsePeriodsManifest, periodsManifest, type IndexedArticle, type PeriodsManifest } from "./period-manifest.ts";
import { searchPeriods } from "./periods.ts";

export interface SearchIndexReport {
  readonly pagesIndexed: number;
  /** How many bundles, one per period. */
  readonly periods: number;
  /** How many of them were the previous build's, their pages unchanged. */
  readonly periodsReused: number;
  readonly bytesOnDisk: number;
  /** The bundles' files and their list of periods, paths from the newest bundle's folder. */
  readonly bundleFiles: readonly FileInFolder[];
  readonly seconds: number;
}

/** The folder of the newest period's search bundle, the only one of most archives, and the folder every other period's bundle is in. */
export const SEARCH_BUNDLE_DIR = pathFromRoot({ kind: "search-bundle" }).slice(0, -1);

/** The list of periods (period-manifest.ts), from the output folder: written by each build, read by the next. */
const PERIODS_FILE = outputFileFor({ kind: "search-periods" });

/** An article page to index: its file from the output folder, what its period is chosen and counted by, and a digest of what it prints. */
export interface PageToIndex extends IndexedArticle {
  readonly permalink: string;
  /** Changes when the page's view does: with the same identity (SearchIndexRequest), the same page. */
  readonly digest: string;
}

export interface SearchIndexRequest {
  readonly pages: readonly PageToIndex[];
  readonly keepIndexUrl: boolean;
  /** The most articles a period of several years holds (periods.ts). */
  readonly periodArticles: number;
  /**
   * The previous build's bundles, reused for the periods whose pages are
   * unchanged: the folder they are in (the one written to, under npm start)
   * and what makes a bundle besides the pages (code, templates, settings).
   */
  readonly previous?: { readonly outputDir: string; readonly identity: string };
}

/**
 * Indexes the written article pages with Pagefind, one bundle per period
 * (periods.ts), and writes beside them the list of periods the search page
 * reads (period-manifest.ts). The newest period's bundle is `<output>/pagefind/`,
 * older ones `pagefind/periods/<id>/`: an archive of one period gets the
 * bundle it always had. Each period's index is written and deleted before
 * the next is made, so Pagefind holds one period at a time.
 */
export async function writeSearchIndex(outputDir: string, { pages, keepIndexUrl, periodArticles, previous }: SearchIndexRequest): Promise<SearchIndexReport> {
  const started = performance.now();
  try {
    const periods = searchPeriods(pages, periodArticles);
    // Without the identity of what else makes a bundle, no digest: the next build indexes every period.
    const manifest = periodsManifest(
      periods,
      (period, newest) => pathFromRoot({ kind: "search-bundle", ...(newest ? {} : { period: period.id }) }),
      previous === undefined ? undefined : (period) => periodDigest(period.articles, { keepIndexUrl, identity: previous.identity }),
    );
    const reusable = previous === undefined ? [] : await reusableBundles(previous.outputDir, manifest);
    let pagesIndexed = 0;
    let reused = 0;
    for (const [at, period] of periods.entries()) {
      const entry = manifest.periods[at];
      const bundle = entry?.bundle ?? SEARCH_BUNDLE_DIR;
      if (entry !== undefined && previous !== undefined && reusable.includes(entry.bundle) && reuseBundle(previous.outputDir, outputDir, bundle, at === 0)) {
        pagesIndexed += entry.articles;
        reused += 1;
        continue;
      }
      emptyBundleFolder(join(outputDir, bundle), olderPeriodsFolder(outputDir));
      pagesIndexed += await writeBundle(outputDir, join(outputDir, bundle), period.articles.map((page) => page.permalink), keepIndexUrl);
    }
    // An archive with nothing to search still gets its (empty) bundle, as it always did.
    if (periods.length === 0) pagesIndexed = await writeBundle(outputDir, join(outputDir, SEARCH_BUNDLE_DIR), [], keepIndexUrl);
    removeOtherPeriods(outputDir, manifest.periods.map((period) => period.bundle));
    const manifestFile = join(outputDir, PERIODS_FILE);
    mkdirSync(dirname(manifestFile), { recursive: true });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const bundleFiles = await filesUnder(join(outputDir, SEARCH_BUNDLE_DIR));
    const bytesOnDisk = bundleFiles.reduce((sum, file) => sum + file.bytes, 0);
    return { pagesIndexed, periods: manifest.periods.length, periodsReused: reused, bytesOnDisk, bundleFiles, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/**
 * One bundle, in the pages' order, so that every build numbers the pages
 * alike and writes the same index; the next page is read meanwhile. Each
 * page is recorded by its path from the site's root, ending in
 * `index.html` when links do (`keepIndexUrl`); its language is taken from
 * its `<html lang>`. Pagefind is handed each page as the search should see
 * it (`htmlForIndex`: numbers with their number terms, machine-generated
 * lists weighted down), the written page staying as it is. Returns the
 * pages the bundle holds; throws with Pagefind's messages.
 */
async function writeBundle(outputDir: string, bundleDir: string, pages: readonly string[], keepIndexUrl: boolean): Promise<number> {
  const created = await pagefind.createIndex({ keepIndexUrl });
  const index = created.index;
  if (index === undefined) throw new Error(`the search index could not be created: ${created.errors.join("; ")}`);
  try {
    const errors: string[] = [];
    const prepare = async (page: string): Promise<string> => htmlForIndex(await readFile(join(outputDir, page), "utf8"), { numberTerms: true });
    let next = pages[0] === undefined ? undefined : prepare(pages[0]);
    for (const [at, page] of pages.entries()) {
      const content = await (next ?? prepare(page));
      const following = pages[at + 1];
      next = following === undefined ? undefined : prepare(following);
      const added = await index.addHTMLFile({ url: `/${hrefFromRootOfFile(page, !keepIndexUrl)}`, content });
      errors.push(...added.errors.map((message) => `${page}: ${message}`));
    }
    if (errors.length > 0) throw new Error(`the search index could not read the pages: ${errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join("; ")}`);
    return await pagesInBundle(bundleDir);
  } finally {
    await index.deleteIndex();
  }
}

/** The folder holding every older period's bundle (inside the newest one's): the parent of any of them. */
function olderPeriodsFolder(outputDir: string): string {
  return join(outputDir, pathFromRoot({ kind: "search-bundle", period: "any" }), "..");
}

/**
 * Empties a bundle's folder before it is written again in place (`npm start`
 * writes into the folder it serves), the older periods' folder inside the
 * newest bundle's kept: Pagefind never deletes a file, so the old parts would
 * pile up, and an index stopped half way would leave the old entry file
 * beside new parts, a bundle the next build would take as whole.
 */
function emptyBundleFolder(bundleDir: string, olderPeriods: string): void {
  if (!existsSync(bundleDir)) return;
  for (const entry of readdirSync(bundleDir)) {
    const path = join(bundleDir, entry);
    if (path !== olderPeriods) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Removes the bundles of periods an earlier build wrote into the same
 * folder (`npm start` writes into the folder it serves) that this build's
 * periods no longer have: articles added or removed move the periods' bounds.
 */
function removeOtherPeriods(outputDir: string, bundles: readonly string[]): void {
  const olderPeriods = olderPeriodsFolder(outputDir);
  if (!existsSync(olderPeriods)) return;
  for (const folder of readdirSync(olderPeriods)) {
    const bundle = join(olderPeriods, folder);
    if (!bundles.some((kept) => join(outputDir, kept) === join(bundle, "/"))) rmSync(bundle, { recursive: true, force: true });
  }
}

/** What a period's bundle is made from: its pages, in order, and everything else that makes a bundle. */
function periodDigest(articles: readonly PageToIndex[], made: { readonly keepIndexUrl: boolean; readonly identity: string }): string {
  const hash = createHash("sha256").update(JSON.stringify(made));
  for (const article of articles) hash.update(`${article.permalink}\0${article.digest}\0`);
  return hash.digest("hex").slice(0, 24);
}

/** The bundles of the previous build (its list of periods in `previousDir`) made from what this build's would be: same folder, same digest. */
async function reusableBundles(previousDir: string, manifest: PeriodsManifest): Promise<string[]> {
  let before: PeriodsManifest;
  try {
    before = parsePeriodsManifest(JSON.parse(await readFile(join(previousDir, PERIODS_FILE), "utf8")));
  } catch {
    // No previous build, or one from before bundles had digests: every period is indexed.
    return [];
  }
  const made = new Set(before.periods.flatMap((period) => (period.digest === undefined ? [] : [`${period.bundle}\0${period.digest}`])));
  return manifest.periods.filter((period) => made.has(`${period.bundle}\0${period.digest ?? ""}`)).map((period) => period.bundle);
}

/**
 * Puts the previous build's bundle in place: nothing to do when the build
 * writes into the previous output (npm start), a copy into a new one. The
 * newest bundle's folder holds the older periods' folders, which are not
 * part of it. False when the previous bundle is not whole, to index it anew.
 */
function reuseBundle(previousDir: string, outputDir: string, bundle: string, newest: boolean): boolean {
  const from = join(previousDir, bundle);
  if (!existsSync(join(from, "pagefind-entry.json"))) return false;
  if (resolve(previousDir) === resolve(outputDir)) return true;
  const olderPeriods = olderPeriodsFolder(previousDir);
  const ofOlderPeriods = (source: string): boolean => source === olderPeriods || isInside(source, olderPeriods);
  cpSync(from, join(outputDir, bundle), { recursive: true, filter: (source) => !(newest && ofOlderPeriods(source)) });
  return true;
}

/**
 * Stops Pagefind's indexer process, if one is running, without waiting for
 * the index it is writing: for a process that is stopping. Its node API
 * runs the indexer as a child process, which would otherwise go on writing
 * into the output folder for a moment after this process is gone.
 */
export async function stopSearchIndexer(): Promise<void> {
  await pagefind.close();
}

/** The pages the bundle holds, from its entry file: Pagefind counts them per language. */
async function pagesInBundle(bundleDir: string): Promise<number> {
  const entry: unknown = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8"));
  const languages = typeof entry === "object" && entry !== null && "languages" in entry ? entry.languages : undefined;
  if (typeof languages !== "object" || languages === null) throw new Error("the search index's pagefind-entry.json lists no languages");
  return Object.values(languages).reduce((sum: number, language: unknown) => {
    const count = typeof language === "object" && language !== null && "page_count" in language ? language.page_count : 0;
    return sum + (typeof count === "number" ? count : 0);
  }, 0);
}
