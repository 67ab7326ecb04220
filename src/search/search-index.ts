import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { filesUnder, type FileInFolder } from "../core/files.ts";
import { hrefFromRootOfFile } from "../core/urls.ts";
import { htmlForIndex } from "./index-html.ts";

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
 * Indexes the written article pages with Pagefind and writes the bundle to
 * `<output>/pagefind/`. Only elements marked `data-pagefind-body` (published,
 * non-draft articles) are indexed; each page is recorded by its path from
 * the site's root, ending in `index.html` when links do (`keepIndexUrl`). The
 * language of each page is taken from its `<html lang>`, so articles in
 * another language get their own index. Pagefind is handed each page as the
 * search should see it (`htmlForIndex`: numbers with their number terms,
 * machine-generated lists weighted down), the written page staying as it is.
 * Throws with Pagefind's messages when indexing fails.
 */
export async function writeSearchIndex(outputDir: string, { pages, keepIndexUrl }: { readonly pages: readonly string[]; readonly keepIndexUrl: boolean }): Promise<SearchIndexReport> {
  const started = performance.now();
  const created = await pagefind.createIndex({ keepIndexUrl });
  const index = created.index;
  if (index === undefined) throw new Error(`the search index could not be created: ${created.errors.join("; ")}`);
  try {
    // In the pages' order, so that every build numbers the pages alike and writes the same index; the next page is read meanwhile.
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
