import { join } from "node:path";
import * as pagefind from "pagefind";
import { folderSize } from "../build/output-folder.ts";

/** A page to index: its URL as readers reach it (base path included) and its HTML. */
export interface IndexablePage {
  readonly url: string;
  readonly html: string;
}

export interface SearchIndexReport {
  readonly pagesIndexed: number;
  /** Distinct words of each page, summed over pages. */
  readonly words: number;
  readonly bytesOnDisk: number;
  readonly files: number;
  readonly seconds: number;
}

/** Where the search bundle lives in the output folder. */
export const SEARCH_BUNDLE_DIR = "pagefind";
const BATCH = 200;

/**
 * Indexes pages with Pagefind's Node API, from the HTML already in memory,
 * and writes the bundle to `<output>/pagefind/`. The language of each page is
 * taken from its `<html lang>`, so articles in another language get their own
 * index. Throws with Pagefind's messages when indexing fails.
 */
export async function writeSearchIndex(pages: readonly IndexablePage[], outputDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (index === undefined) throw new Error(`the search index could not be created: ${created.errors.join("; ")}`);
  try {
    let words = 0;
    for (let start = 0; start < pages.length; start += BATCH) {
      const added = await Promise.all(pages.slice(start, start + BATCH).map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
      for (const [offset, response] of added.entries()) {
        if (response.errors.length > 0) throw new Error(`the search index refused ${pages[start + offset]?.url}: ${response.errors.join("; ")}`);
        words += response.file.uniqueWords;
      }
    }
    const bundleDir = join(outputDir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join("; ")}`);
    const { bytes, files } = await folderSize(bundleDir);
    return { pagesIndexed: pages.length, words, bytesOnDisk: bytes, files, seconds: (performance.now() - started) / 1000 };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
