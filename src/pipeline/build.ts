import { relative } from "node:path";
import type { Console } from "../core/console.ts";
import { compareDiagnostics, warning, type Diagnostic } from "../core/diagnostics.ts";
import { outputFileFor } from "../core/urls.ts";
import { countPages } from "../model/page-changes.ts";
import { checkLinks, describeBrokenLink, linkSummary, type LinkReport } from "../publish/link-check.ts";
import { replaceRefusal, writeAtomically, type StagingFolder } from "../publish/output-folder.ts";
import { OutputFolderBusy } from "../publish/output-lock.ts";
import { OutputFolderUnwritable } from "../publish/output-target.ts";
import { OutputReuse } from "../publish/output-reuse.ts";
import { searchIndexRequestOf } from "../publish/beside-pages.ts";
import type { SitePlan } from "../publish/site-plan.ts";
import type { MadeSearchIndex, PeriodsJob } from "../search/search-index.ts";
import { BuildWorkers, FolderListingThread, SearchIndexWorker } from "./build-workers.ts";
import { cacheUnwritable, loadSite, openArticleCache, type Site } from "./load-site.ts";
import { describeWriteFailure, formatDiagnostics, formatSummary, nothingToPublish } from "./report.ts";
import type { BuildRequest } from "./request.ts";
import { outputRecordsOf, writeSite, type SiteWritten } from "./write-site.ts";

export interface RunOptions {
  /** List every warning instead of the first few of each kind. */
  readonly verbose: boolean;
  /** Check every internal link of the built site before it replaces the previous one. */
  readonly checkLinks: boolean;
}

/**
 * Loads and checks the archive, reports every problem, then (unless an error
 * stops it) renders the pages and writes what sits beside them. Returns the
 * process exit code.
 */
export async function runBuild(request: BuildRequest, options: RunOptions, io: Console): Promise<number> {
  // A worker loads Eleventy while this thread loads the archive, which the workers help read.
  const workers = new BuildWorkers();
  workers.start(1);
  const threads = { workers, searchIndex: new SearchIndexWorker(), listing: new FolderListingThread() };
  try {
    return await build(request, options, io, threads);
  } finally {
    await closeThreads(threads);
  }
}

/** The threads a build starts besides this one. */
interface BuildThreads {
  readonly workers: BuildWorkers;
  readonly searchIndex: SearchIndexWorker;
  readonly listing: FolderListingThread;
}

function closeThreads(threads: BuildThreads): Promise<unknown> {
  return Promise.all([threads.workers.close(), threads.searchIndex.close(), threads.listing.close()]);
}

async function build(request: BuildRequest, options: RunOptions, io: Console, threads: BuildThreads): Promise<number> {
  const { workers, searchIndex: searchIndexWorker } = threads;
  const started = performance.now();
  let madeSearchIndex: Promise<MadeSearchIndex> | undefined;
  // The search index is made in its own thread while this one plans the pages, when it is of a pass of pages at most:
  // the whole index is then held in memory until it is put into the output. A larger one is written after the pages.
  const searchPlanned = (search: SitePlan["search"]): void => {
    if (search.articles.length > request.pagesPerRenderPass) return;
    madeSearchIndex = searchIndexWorker.make(searchIndexRequestOf(search, request, request.outputDir));
    // Awaited when the index is put; a build stopped before then (by its errors) leaves it unawaited.
    madeSearchIndex.catch(() => undefined);
  };
  const site = await loadSite(request, { articleCache: await openArticleCache(request), serving: false, workers, searchPlanned });
  const outputShown = relative(process.cwd(), request.outputDir) || ".";
  const report = reporter(request, options, io, outputShown);
  const refusal = await refuseToBuild(request, site);
  if (refusal !== undefined) {
    io.err(refusal);
    return 1;
  }

  // Checked before the errors: when no article is valid, "--keep-going publishes the valid ones" would be bad advice.
  const emptySite = nothingToPublish(site.archive.counts, outputShown);
  if (emptySite !== undefined) {
    report(site);
    io.err(emptySite);
    return 1;
  }
  const errorCount = site.archive.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errorCount > 0 && !request.keepGoing) {
    report(site);
    io.err(
      `build failed: ${errorCount} error(s) above; nothing was written and ${outputShown} is unchanged. Fix them, or pass --keep-going to publish the valid articles and leave the invalid ones out.`,
    );
    return 1;
  }
  let brokenSiteLinks = 0;
  let written: SiteWritten | undefined;
  /** Links in article bodies that --check-links found broken: the archive's problems too. */
  let linkWarnings: readonly Diagnostic[] = [];
  let reuse: OutputReuse | undefined;
  /** Why the site was moved into the output folder rather than swapped in whole, when it was. */
  let inPlace: string | undefined;
  const records = outputRecordsOf(request);
  let recordFailure: unknown;
  const write = async (staging: StagingFolder): Promise<void> => {
    reuse = await OutputReuse.open({
      previousDir: request.outputDir,
      stagingDir: staging.dir,
      stagingKept: staging.startsAs === "kept-output",
      listInThread: (root, skipped) => threads.listing.list(root, skipped),
      ...(records === undefined ? {} : { recordFile: records.recordFile, replacedKeptIn: records.replacedDir }),
    });
    // A larger index is written by this thread, its periods' folders of fragments meanwhile in the index's thread.
    const searchHelp = madeSearchIndex === undefined ? { periods: (job: PeriodsJob) => searchIndexWorker.writePeriodFolders(job) } : { made: madeSearchIndex };
    written = await writeSite(staging.dir, site, request, workers, reuse, searchHelp);
    if (options.checkLinks) {
      const links = reportLinks(await checkLinks(staging.dir, request.settings.basePath, { fromDisk: request.portable }), site, io);
      linkWarnings = links.articleWarnings;
      brokenSiteLinks = links.siteErrors;
      if (brokenSiteLinks > 0) throw new LinkCheckFailure();
    }
  };
  try {
    // Render workers and the index's thread write into the staging folder too, and another lists it: an interrupted
    // build stops them before removing it.
    await writeAtomically(request.outputDir, write, {
      stop: async () => {
        await closeThreads(threads);
      },
      publishedInPlace: (why) => (inPlace = why),
      // An edit's rebuild then starts from the output it replaces, rather than removing it after (OutputReuse).
      ...(records === undefined ? {} : { keepReplacedIn: records.replacedDir }),
      beforeSwap: () => reuse?.forgetRecord(),
      // While the lock is held: a build starting meanwhile would find records that describe other folders.
      afterSwap: async (replacedKept) => {
        recordFailure = await reuse?.save(replacedKept).then(
          () => undefined,
          (cause: unknown) => cause,
        );
      },
    });
  } catch (cause) {
    const failure = cause instanceof LinkCheckFailure ? `${brokenSiteLinks} broken link(s) in the site's own pages` : outputFailure(cause, outputShown);
    if (failure === undefined) throw cause;
    report(site, undefined, linkWarnings);
    io.err(`build failed: ${failure}; nothing was written and ${outputShown} is unchanged.`);
    return 1;
  }
  const problems = recordFailure === undefined ? linkWarnings : [...linkWarnings, cacheUnwritable(request, recordFailure)];
  report(
    site,
    { pagesWritten: countPages(site.plan.views), seconds: (performance.now() - started) / 1000, ...(written === undefined ? {} : { written }) },
    problems,
  );
  if (inPlace !== undefined) io.out(`output: written into ${outputShown} in place, entry by entry, as ${inPlace}; the folder, its owner and mode are kept`);
  return 0;
}

/** Why no build may start: an archive without articles, or an output folder that is not ours to replace. */
export async function refuseToBuild(request: BuildRequest, site: Site): Promise<string | undefined> {
  if (site.archive.counts.articleFiles === 0) {
    return `${request.shownContentDir}: no articles found (no .md or .markdown files); put your Markdown articles in this folder or give another with --content DIR`;
  }
  return replaceRefusal(request.outputDir);
}

export interface Written {
  readonly pagesWritten: number;
  readonly seconds: number;
  readonly written?: SiteWritten;
}

/**
 * Prints a load's problems, with any found after it (broken links in article
 * bodies), and the summary: on stdout after a build that wrote, on stderr
 * when nothing was written.
 */
export function reporter(
  request: BuildRequest,
  options: Pick<RunOptions, "verbose">,
  io: Console,
  outputShown: string,
): (site: Site, written?: Written, laterProblems?: readonly Diagnostic[]) => void {
  return (site, written, laterProblems = []) => {
    const diagnostics = [...site.archive.diagnostics, ...laterProblems];
    const { errors, warnings } = formatDiagnostics(diagnostics, request.shownContentDir, options.verbose);
    warnings.forEach(io.err);
    errors.forEach(io.err);
    const search = site.plan.views.pages.search[0];
    const summary = formatSummary({
      counts: site.archive.counts,
      diagnostics,
      outputShown,
      seconds: written?.seconds ?? site.loadSeconds,
      ...(written?.written === undefined ? {} : { phases: { loadSeconds: site.loadSeconds, writeSeconds: written.written.seconds } }),
      ...(written === undefined ? {} : { pagesWritten: written.pagesWritten }),
      ...(written?.written === undefined
        ? {}
        : {
            rendering: written.written.rendering,
            search: { ...written.written.beside.search, filters: { category: search?.categories.length ?? 0, year: search?.years.length ?? 0 } },
            offline: written.written.beside.offline,
          }),
    });
    summary.forEach(written === undefined ? io.err : io.out);
  };
}

class LinkCheckFailure extends Error {}

/** Why the output folder could not be written, in a sentence, or undefined for a failure of another kind (a fault, which is thrown on). */
export function outputFailure(cause: unknown, outputShown: string): string | undefined {
  if (cause instanceof OutputFolderBusy || cause instanceof OutputFolderUnwritable) return cause.message;
  return describeWriteFailure(cause, outputShown);
}

/**
 * Links broken inside article bodies come from the content (a missing image):
 * warnings naming the article, returned to be reported and counted with the
 * archive's other problems. Broken links in the site's own pages are errors,
 * printed here, naming the page.
 */
function reportLinks(report: LinkReport, site: Site, io: Console): { readonly siteErrors: number; readonly articleWarnings: readonly Diagnostic[] } {
  const sourceOf = new Map(site.archive.articles.map((article) => [outputFileFor(article.route), article.sourcePath]));
  let siteErrors = 0;
  const articleWarnings: Diagnostic[] = [];
  for (const link of report.broken) {
    const source = sourceOf.get(link.page);
    if (link.inArticleBody && source !== undefined) {
      articleWarnings.push(warning("broken-link-in-article", source, `${describeBrokenLink(link)}; fix or remove it`));
    } else {
      siteErrors += 1;
      io.err(`${link.page}: error: ${describeBrokenLink(link)}`);
    }
  }
  io.out(linkSummary(report, siteErrors));
  return { siteErrors, articleWarnings: articleWarnings.sort(compareDiagnostics) };
}
