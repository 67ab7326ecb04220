import { availableParallelism } from "node:os";
import { RUNNING_EXTENSION, WorkerPool } from "../core/worker-pool.ts";
import type { ArticleBytes, ArticleReadSettings, ReadOutcome } from "../content/load-archive.ts";
import type { MarkdownOptions } from "../content/markdown.ts";
import type { SiteViews } from "../model/pages.ts";
import type { FolderListing } from "../core/files.ts";
import type { FileLink, ReuseReport } from "../publish/output-reuse.ts";
import type { SiteRendering } from "../render/eleventy-site.ts";
import { splitPeriodsJob, type MadeSearchIndex, type PeriodFolderWritten, type PeriodsJob, type SearchIndexRequest } from "../search/search-index.ts";

/** What a build worker is asked (build-worker.ts): to render a pass of pages, or to read articles. */
export type BuildTask =
  | {
      readonly kind: "render";
      readonly outputDir: string;
      readonly rendering: Omit<SiteRendering, "views">;
      readonly views: SiteViews;
      /** When given, the worker answers with the digests of the pages it rendered (pageDigests, with this identity). */
      readonly digestWith?: string;
      /** The worker rendered a pass of this build before: it collects that run's garbage first (core/memory.ts). */
      readonly collectGarbageFirst: boolean;
    }
  | { readonly kind: "read"; readonly articles: readonly ArticleBytes[]; readonly settings: ArticleReadSettings; readonly markdown: MarkdownOptions }
  | { readonly kind: "link"; readonly links: readonly FileLink[] };

/** Workers started side by side at most: two keep the memory of two Eleventy runs. */
const MOST_WORKERS = 2;
/** A worker starts by loading Eleventy (about half a second of CPU): below this many pages a second one costs more than it saves. */
const PAGES_PER_WORKER = 1_000;

/** How many build workers `pages` pages of work (or articles to read) call for: one per core, at most two, one for a small site. */
export function buildWorkerCount(pages: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MOST_WORKERS, cores, Math.ceil(pages / PAGES_PER_WORKER)));
}

/**
 * The worker threads of a build, so that it uses every core: they read the
 * articles that are not in the build cache while the main thread reads the
 * files, then render the pages and link the unchanged ones while the main
 * thread writes the search index, each with an Eleventy of its own, loaded as
 * soon as the worker starts (a build starts one before it loads the
 * archive, which hides Eleventy's loading). The main thread never loads
 * Eleventy for a build. Articles and views are copied to the workers.
 */
export class BuildWorkers {
  readonly #pool = new WorkerPool<BuildTask>(new URL(`./build-worker${RUNNING_EXTENSION}`, import.meta.url));
  /** Articles sent to be read so far: a second worker starts once they are many. */
  #articlesRead = 0;

  /** How many workers are running. */
  get count(): number {
    return this.#pool.count;
  }

  /** Starts workers until `count` run. */
  start(count: number): void {
    this.#pool.start(count);
  }

  /**
   * Renders a pass of pages into `outputDir` in the first free worker; with
   * `digestWith`, answers with their digests (pageDigests), made there too.
   * `pass` is the pass's place in the build's passes, all asked for at once:
   * from the workers' count on, a pass goes to a worker that rendered one
   * before, and that worker collects the garbage of that run first.
   */
  async render(
    outputDir: string,
    rendering: Omit<SiteRendering, "views">,
    views: SiteViews,
    pass: number,
    digestWith?: string,
  ): Promise<ReadonlyMap<string, string>> {
    // Answered by build-worker.ts with pageDigests' map, or nothing.
    const collectGarbageFirst = pass >= this.#pool.count;
    const digests = (await this.#pool.run({
      kind: "render",
      outputDir,
      rendering,
      views,
      collectGarbageFirst,
      ...(digestWith === undefined ? {} : { digestWith }),
    })) as ReadonlyMap<string, string> | undefined;
    return digests ?? new Map();
  }

  /** Reads a batch of articles in the first free worker, as readArticle would here. */
  async read(articles: readonly ArticleBytes[], settings: ArticleReadSettings, markdown: MarkdownOptions): Promise<readonly ReadOutcome[]> {
    this.#articlesRead += articles.length;
    // An article takes about as long to read as two pages to render.
    this.start(buildWorkerCount(2 * this.#articlesRead));
    // Answered by build-worker.ts with readArticle's outcomes, in order.
    return (await this.#pool.run({ kind: "read", articles, settings, markdown })) as readonly ReadOutcome[];
  }

  /** Makes the links of unchanged files from the previous output (makeLinks) in the first free worker. */
  async link(links: readonly FileLink[]): Promise<ReuseReport> {
    // Answered by build-worker.ts with makeLinks' report.
    return (await this.#pool.run({ kind: "link", links })) as ReuseReport;
  }

  /** Ends the workers; work under way is abandoned. Resolves once every thread has stopped. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** What the search index's worker is asked (search-index-worker.ts): to make the whole index in memory, or to write periods' folders. */
export type SearchIndexTask = { readonly kind: "make"; readonly request: SearchIndexRequest } | { readonly kind: "periods"; readonly job: PeriodsJob };

/**
 * A worker thread that makes a build's search index in memory
 * (makeSearchIndex) from the moment the archive is loaded: the main thread
 * meanwhile plans the pages, and the build workers render them. It loads
 * no Eleventy. Its answer, the index's compressed files, is copied back.
 * An index too large to be held so is written by the main thread after the
 * pages, and its periods' folders of fragments here meanwhile, in one
 * thread, or one per core but the main thread's, at most two.
 */
export class SearchIndexWorker {
  readonly #pool = new WorkerPool<SearchIndexTask>(new URL(`./search-index-worker${RUNNING_EXTENSION}`, import.meta.url));
  readonly #periodThreads: number;

  /** `periodThreads`: the most threads that write periods' folders. */
  constructor(periodThreads = Math.max(1, Math.min(MOST_WORKERS, availableParallelism() - 1))) {
    this.#periodThreads = periodThreads;
  }

  make(request: SearchIndexRequest): Promise<MadeSearchIndex> {
    // Answered by search-index-worker.ts with makeSearchIndex's value.
    return this.#pool.run({ kind: "make", request }) as Promise<MadeSearchIndex>;
  }

  /**
   * Writes periods' folders as writePeriodFolders would in the main thread:
   * each thread is given its share at once, as the main thread, busy with the
   * rest of the index, would hand out the next only once it is done.
   */
  async writePeriodFolders(job: PeriodsJob): Promise<readonly (PeriodFolderWritten | undefined)[]> {
    const parts = splitPeriodsJob(job, this.#periodThreads);
    this.#pool.start(parts.length);
    // Answered by search-index-worker.ts with writePeriodFolders' value. Every part settles before a failure is
    // told: the build then removes the staging folder, which a thread still writing would fill again.
    const settled = await Promise.allSettled(parts.map((part) => this.#pool.run({ kind: "periods", job: part })));
    const failed = settled.find((outcome) => outcome.status === "rejected");
    if (failed !== undefined) throw failed.reason;
    return settled.flatMap((outcome) => (outcome.status === "fulfilled" ? (outcome.value as (PeriodFolderWritten | undefined)[]) : []));
  }

  /** Ends the thread; an index being made is abandoned. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** What the folder-listing thread is asked (folder-listing-worker.ts): listFolder's arguments. */
export interface FolderListingTask {
  readonly root: string;
  readonly skipped: readonly string[];
}

/**
 * A thread that lists a folder (listFolder) while the build goes on: an
 * output kept to build over, whose files no one asks for are removed at the
 * end (OutputReuse.removeUnclaimed). Read there, in the main thread, the
 * 128,000 page folders of a 100,000-article site took 9.9 s of an edit's
 * build (under the profiler). It starts when asked, and ends once it answers.
 */
export class FolderListingThread {
  readonly #pool = new WorkerPool<FolderListingTask>(new URL(`./folder-listing-worker${RUNNING_EXTENSION}`, import.meta.url));

  async list(root: string, skipped: readonly string[]): Promise<FolderListing> {
    try {
      // Answered by folder-listing-worker.ts with listFolder's value.
      return (await this.#pool.run({ root, skipped })) as FolderListing;
    } finally {
      await this.close();
    }
  }

  /** Ends the thread; a listing under way is abandoned. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
