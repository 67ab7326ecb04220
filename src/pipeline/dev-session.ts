import { rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Article } from "../core/article.ts";
import { outputFileFor } from "../core/urls.ts";
import type { BuildCache } from "../content/build-cache.ts";
import type { ReadOutcome, RecentRead } from "../content/load-archive.ts";
import { readOne, type ReadOptions } from "../content/read-file.ts";
import { countPages, fingerprintedPages, pageChanges, sameView, withRenderedPages, type PageChanges, type PageFingerprints } from "../model/page-changes.ts";
import type { SiteViews } from "../model/pages.ts";
import { editedArticlePages } from "../model/view-updates.ts";
import { writeBesidePages } from "../publish/beside-pages.ts";
import type { BuildWorkers } from "./build-workers.ts";
import { articleReadOptions, loadSite, openArticleCache, type Site } from "./load-site.ts";
import type { BuildRequest } from "./request.ts";

/** A load of the archive under `npm start`, and the pages it has to render again. */
export interface DevLoad {
  readonly site: Site;
  readonly changes: PageChanges;
}

/**
 * The state `npm start` keeps between the builds of one session: the build
 * cache, what the last load read, the last site, and what each page
 * printed, so that an edit reads only the edited files, recomputes only the
 * views it touches when it changed a body alone, and renders only the pages
 * it changed. Builds run one at a time: `load`, then `write`.
 */
export class DevSession {
  #request: BuildRequest;
  #articleCache: Promise<BuildCache<ReadOutcome>>;
  #recentReads: ReadonlyMap<string, RecentRead> = new Map();
  #fingerprints: PageFingerprints | undefined;
  /** The pages in the output folder, as the last build that wrote left them: the next removes those it no longer has. */
  #pagesOnDisk: readonly string[] = [];
  #previous: Site | undefined;
  /** How an edited article is read outside a load (showEditedArticles), made on first use. */
  #readOptions: ReadOptions | undefined;
  readonly #pagesWritten: () => void;
  readonly #workers: BuildWorkers | undefined;

  /**
   * `pagesWritten`: a build's pages and the files beside them are written;
   * its search index follows. `workers` read the articles that are not in
   * the build cache.
   */
  constructor(request: BuildRequest, pagesWritten: () => void, workers?: BuildWorkers) {
    this.#request = request;
    this.#articleCache = openArticleCache(request);
    this.#pagesWritten = pagesWritten;
    this.#workers = workers;
  }

  get request(): BuildRequest {
    return this.#request;
  }

  /** The settings changed: the next build reads the archive under the new request and compares every page anew. */
  useRequest(request: BuildRequest): void {
    this.#request = request;
    this.#articleCache = openArticleCache(request);
    this.#recentReads = new Map();
    this.#readOptions = undefined;
    this.#forget();
  }

  /** A template changed, which can change any page: the next build renders every page. */
  templatesChanged(): void {
    this.#forget();
  }

  /**
   * Loads the archive again: the files `mayHaveChanged` names (by their path
   * in the content folder) are compared with what the last load read, the
   * others taken as they were; without it, every file is compared. Then
   * compares every page's view with what the last build printed.
   */
  async load(mayHaveChanged?: (file: string) => boolean): Promise<DevLoad> {
    const next = new Map<string, RecentRead>();
    const site = await loadSite(this.#request, {
      articleCache: await this.#articleCache,
      recentReads: { previous: this.#recentReads, next, ...(mayHaveChanged === undefined ? {} : { mayHaveChanged }) },
      serving: true,
      ...(this.#workers === undefined ? {} : { workers: this.#workers }),
      ...(this.#previous === undefined ? {} : { previous: this.#previous }),
    });
    this.#recentReads = next;
    return { site, changes: pageChanges(site.plan.views, this.#fingerprints) };
  }

  /**
   * Shows an edit of articles before the archive is loaded again: of the
   * paths changed (absolute), each that is an article file the last load
   * published, still published with the same problems, and edited in what
   * its own page shows (its body, title, date, tags, summary...; see
   * ArchiveLoad.editedArticle), has its page rendered, at its new address
   * when its date or slug moved it (the old page removed first); answers
   * how many pages were rendered. Any other path (a new file, a new
   * category, an editor's temporary or backup file, a folder) is left to the
   * load that must follow, which brings all that changed besides: lists,
   * neighbours' links, related articles, feeds, the search index.
   */
  async showEditedArticles(paths: ReadonlySet<string>, render: (views: SiteViews) => Promise<void>): Promise<number> {
    const [previous, fingerprints] = [this.#previous, this.#fingerprints];
    if (previous === undefined || fingerprints === undefined) return 0;
    const files = new Set([...paths].map((path) => relative(this.#request.contentDir, path).split(sep).join("/")));
    // By path, as a load places articles: of two edited onto one address, the first by path is shown.
    const reads = [...this.#recentReads.values()].filter((read) => files.has(read.file.file)).sort((a, b) => (a.file.file < b.file.file ? -1 : 1));
    this.#readOptions ??= articleReadOptions(this.#request);
    const published = new Map(previous.archive.articles.map((article) => [article.sourcePath, article]));
    const edited: Article[] = [];
    const moved: string[] = [];
    /** The files of pages written, in lower case, as addresses clash on file systems that ignore case; made when an article moves. */
    let taken: Set<string> | undefined;
    for (const read of reads) {
      const [before, after] = [read.outcome, (await readOne(read.file, this.#readOptions)).outcome];
      if (before.article === undefined || after.article === undefined || before.draft !== after.draft || !sameView(before.diagnostics, after.diagnostics))
        continue;
      const last = published.get(after.article.fields.sourcePath);
      const article = previous.editedArticle(before.article, after.article);
      if (last === undefined || article === undefined || sameView(last, article)) continue;
      const [from, to] = [outputFileFor(last.route), outputFileFor(article.route)];
      if (from !== to) {
        taken ??= new Set([...fingerprints.keys()].map((file) => file.toLowerCase()));
        // An address another page holds, or another article edited with it takes, is the load's to report.
        if (from.toLowerCase() !== to.toLowerCase() && taken.has(to.toLowerCase())) continue;
        taken.add(to.toLowerCase());
        moved.push(from);
      }
      edited.push(article);
    }
    if (edited.length === 0) return 0;
    const views = editedArticlePages({ articles: previous.archive.articles, views: previous.plan.views }, edited, {
      settings: this.#request.settings,
      today: previous.today,
      theme: previous.plan.theme.paths,
      categories: previous.archive.categories,
      extras: { pages: previous.archive.pages, redirects: previous.archive.redirects },
    });
    const { outputDir } = this.#request;
    // Listed before anything is written, so that the next build removes what it does not write again, even after a failure here.
    const written = edited.map((article) => outputFileFor(article.route));
    this.#pagesOnDisk = [...this.#pagesOnDisk, ...written.filter((file) => !this.#pagesOnDisk.includes(file))];
    // Removed first: an address that differs in case alone is the same file where the file system ignores case.
    await Promise.all(moved.map((file) => rm(join(outputDir, file), { force: true })));
    this.#pagesOnDisk = this.#pagesOnDisk.filter((file) => !moved.includes(file));
    try {
      await render(views);
    } catch (cause) {
      // What the output holds is not known any more: the load that follows renders every page.
      this.#forget();
      throw cause;
    }
    const rendered = withRenderedPages(fingerprints, views);
    this.#fingerprints = new Map([...rendered].filter(([file]) => !moved.includes(file)));
    return countPages(views);
  }

  /**
   * Writes a load into the output folder, in place: removes the pages that
   * are gone (Eleventy never removes one), renders the changed ones with
   * `render`, then writes the files beside them and the search index. A
   * failed render leaves the next build to render every page. Once the pages
   * and files are written, the browser is reloaded, unless `reload` is false.
   */
  async write({ site, changes }: DevLoad, render: (views: SiteViews) => Promise<void>, reload = true): Promise<void> {
    const { outputDir } = this.#request;
    // Compared with what the output holds, not with the last views, which a failed build forgets.
    const gone = this.#pagesOnDisk.filter((file) => !changes.fingerprints.has(file));
    await Promise.all(gone.map((file) => rm(join(outputDir, file), { force: true })));
    try {
      if (changes.pages > 0) await render(changes.views);
    } catch (cause) {
      this.#forget();
      throw cause;
    }
    this.#pagesOnDisk = fingerprintedPages(changes.fingerprints);
    this.#fingerprints = changes.fingerprints;
    this.#previous = site;
    // The search index's files an edit did not change stay where they are.
    await writeBesidePages(outputDir, site.plan, this.#request, reload ? this.#pagesWritten : () => {}, outputDir);
  }

  #forget(): void {
    this.#fingerprints = undefined;
    this.#previous = undefined;
  }
}
