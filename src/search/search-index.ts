// The build's search step: assembles the global index from the articles'
// records (index-build.ts) and writes its files (index-write.ts) into the
// output's search-index/ folder, compressed; a portable build's as classic
// scripts, which a page opened from disk can load. A file or period the
// output being replaced already has (named by its content) is linked from it,
// not compressed and written again.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { pathFromRoot } from "../core/urls.ts";
import { loadStemmer } from "../text/stemmers.ts";
import { buildIndex, type ArticleToIndex } from "./index-build.ts";
import { SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK } from "../core/search-files.browser.ts";
import { writeIndex, type IndexSink } from "./index-write.ts";
import { foldedMonthNames } from "./query.browser.ts";

/** The index's folder in the output folder. */
export const SEARCH_INDEX_DIR = pathFromRoot({ kind: "search-index" }).slice(0, -1);

export interface SearchIndexRequest {
  /** The articles to search, oldest first (drafts left out). */
  readonly articles: readonly ArticleToIndex[];
  /** The categories in the site's order. */
  readonly categories: readonly string[];
  /** For each month, January first, its names in the site's language (long, then short). */
  readonly monthNames: readonly (readonly string[])[];
  /** The most articles a period holds: the unit in which fragments are written, kept and saved (periods.ts). */
  readonly periodArticles: number;
  /** Write the files as classic scripts, for a site opened from disk. */
  readonly portable: boolean;
  /** The script of each language's stemmer, from the site's root: a theme file (render/theme.ts). */
  readonly stemmerScripts: ReadonlyMap<string, string>;
  /** The output folder being replaced (or written into, under npm start), whose unchanged files are kept. */
  readonly previousOutputDir?: string;
}

export interface SearchIndexReport {
  readonly pagesIndexed: number;
  readonly periods: number;
  readonly filesWritten: number;
  /** Taken from the output being replaced, unchanged. */
  readonly filesReused: number;
  readonly files: number;
  readonly bytesOnDisk: number;
  readonly seconds: number;
  /** The step's processor time (user and system), all in this process. */
  readonly cpuSeconds: number;
}

/** Compression of the files the first search reads (dictionary, postings) and of the fragments, written by the thousand. */
const INDEX_LEVEL = 9;
const FRAGMENT_LEVEL = 6;

/** Builds and writes the search index of the articles into `outputDir`. */
export async function writeSearchIndex(outputDir: string, request: SearchIndexRequest): Promise<SearchIndexReport> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const indexDir = join(outputDir, SEARCH_INDEX_DIR);
  const previousDir = request.previousOutputDir === undefined ? undefined : join(request.previousOutputDir, SEARCH_INDEX_DIR);
  const languages = [...new Set(request.articles.map((article) => article.record.language))];
  const stemmers = new Map(await Promise.all(languages.map(async (language) => [language, await loadStemmer(language)] as const)));
  const built = buildIndex({
    articles: request.articles,
    categories: request.categories,
    monthNames: request.monthNames,
    periodArticles: request.periodArticles,
    stemmers,
  });
  const sink = new FolderSink(indexDir, previousDir, request.portable);
  const written = writeIndex(built, request.articles, sink, request.stemmerScripts, foldedMonthNames(request.monthNames));
  sink.removeOthers();
  const used = process.cpuUsage(cpu);
  return {
    pagesIndexed: built.documents,
    periods: written.entry.periods.length,
    filesWritten: written.written,
    filesReused: written.reused,
    files: sink.files,
    bytesOnDisk: sink.bytes,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** Writes the index's files into its folder, compressed, and keeps the previous build's where it has them. */
class FolderSink implements IndexSink {
  readonly #dir: string;
  readonly #previous: string | undefined;
  readonly #portable: boolean;
  readonly #extension: string;
  /** Names (files, and fragment folders) this build has, for removing the rest from a folder written into. */
  readonly #names = new Set<string>();
  readonly #folders = new Set<string>();
  readonly #made = new Set<string>();
  files = 0;
  bytes = 0;

  constructor(dir: string, previous: string | undefined, portable: boolean) {
    this.#dir = dir;
    this.#previous = previous;
    this.#portable = portable;
    this.#extension = portable ? SEARCH_FILE_EXTENSIONS.scripts : SEARCH_FILE_EXTENSIONS.fetched;
  }

  reuse(path: string): boolean {
    return this.#take(path + this.#extension);
  }

  reuseFolder(folder: string, files: number): boolean {
    if (this.#previous === undefined) return false;
    const from = join(this.#previous, folder);
    if (!existsSync(from) || readdirSync(from).length !== files) return false;
    this.#folders.add(folder);
    if (resolve(from) !== resolve(this.#dir, folder)) {
      this.#folder(join(this.#dir, folder));
      for (const name of readdirSync(from)) linkOrCopy(join(from, name), join(this.#dir, folder, name));
    }
    for (const name of readdirSync(from)) this.#count(join(this.#dir, folder, name));
    return true;
  }

  write(path: string, payload: Uint8Array): void {
    const fragment = path.includes("/");
    if (fragment) this.#folders.add(path.slice(0, path.indexOf("/")));
    const compressed = gzipSync(payload, { level: fragment ? FRAGMENT_LEVEL : INDEX_LEVEL });
    this.#put(path + this.#extension, this.#portable ? `${SEARCH_SCRIPT_CALLBACK}(${JSON.stringify(path)},"${compressed.toString("base64")}");\n` : compressed);
  }

  /** Takes a file the previous build has, linked into this build's folder. */
  #take(name: string): boolean {
    if (this.#previous === undefined) return false;
    const from = join(this.#previous, name);
    if (!existsSync(from)) return false;
    const to = join(this.#dir, name);
    if (resolve(from) !== resolve(to)) {
      this.#folder(dirname(to));
      linkOrCopy(from, to);
    }
    this.#names.add(name);
    this.#count(to);
    return true;
  }

  #put(name: string, content: string | Uint8Array): void {
    const target = join(this.#dir, name);
    this.#folder(dirname(target));
    writeFileSync(target, content);
    if (!name.includes("/")) this.#names.add(name);
    this.files += 1;
    this.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length;
  }

  /** Makes a folder once: a period's fragments are thousands of files in one. */
  #folder(path: string): void {
    if (this.#made.has(path)) return;
    mkdirSync(path, { recursive: true });
    this.#made.add(path);
  }

  #count(path: string): void {
    this.files += 1;
    this.bytes += statSync(path).size;
  }

  /** Removes what an earlier build left in a folder written into (npm start): files and fragment folders this build does not have. */
  removeOthers(): void {
    if (!existsSync(this.#dir)) return;
    for (const name of readdirSync(this.#dir))
      if (!this.#names.has(name) && !this.#folders.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}

/** A hard link to an unchanged file of the previous build; a copy where the file system refuses links. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
