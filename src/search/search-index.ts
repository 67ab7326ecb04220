import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import picomatch from "picomatch";
import { filesUnder, type FileInFolder } from "../core/files.ts";
import { ARTICLE_FILES_GLOB } from "../core/urls.ts";

export interface SearchIndexReport {
  readonly pagesIndexed: number;
  readonly bytesOnDisk: number;
  /** The bundle's files, paths from the bundle's folder. */
  readonly bundleFiles: readonly FileInFolder[];
  readonly seconds: number;
}

/** Where the search bundle lives in the output folder. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/**
 * Indexes the written site with Pagefind and writes the bundle to
 * `<output>/pagefind/`. Only elements marked `data-pagefind-body` (published,
 * non-draft articles) are indexed; each page is recorded by its path from
 * the site's root, ending in `index.html` when links do (`keepIndexUrl`). The
 * language of each page is taken from its `<html lang>`, so articles in
 * another language get their own index. Pagefind reads the files itself, in
 * parallel: at 4,000 articles this took 6.9 s where handing it each page's
 * HTML in memory took 10.6 s. Throws with Pagefind's messages when indexing fails.
 */
export async function writeSearchIndex(outputDir: string, { keepIndexUrl, articleFiles }: { readonly keepIndexUrl: boolean; readonly articleFiles: readonly string[] }): Promise<SearchIndexReport> {
  const started = performance.now();
  const created = await pagefind.createIndex({ keepIndexUrl });
  const index = created.index;
  if (index === undefined) throw new Error(`the search index could not be created: ${created.errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outputDir, glob: articlePagesGlob(articleFiles) });
    if (added.errors.length > 0) throw new Error(`the search index could not read the pages: ${added.errors.join("; ")}`);
    const bundleDir = join(outputDir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join("; ")}`);
    const bundleFiles = await filesUnder(bundleDir);
    const bytesOnDisk = bundleFiles.reduce((sum, file) => sum + file.bytes, 0);
    return { pagesIndexed: await pagesInBundle(bundleDir), bytesOnDisk, bundleFiles, seconds: (performance.now() - started) / 1000 };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * Which pages Pagefind reads. Only article pages hold a data-pagefind-body,
 * and reading the others costs time (a second at 4,000 articles): when every
 * article is at the default permalink, only their files are read; articles
 * elsewhere (a permalink setting, their own `url` or `path`) may be in any
 * folder, and then every page is.
 */
export function articlePagesGlob(articleFiles: readonly string[]): string {
  const isDefault = picomatch(ARTICLE_FILES_GLOB);
  return articleFiles.every((file) => isDefault(file)) ? ARTICLE_FILES_GLOB : "**/*.html";
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
