import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { compareDiagnostics, warning, type Diagnostic } from "../core/diagnostics.ts";
import { outputFileFor } from "../core/urls.ts";
import { countPages, renderPasses } from "../model/page-changes.ts";
import { writeBesidePages, type BesidePagesReport } from "../publish/beside-pages.ts";
import { checkLinks, describeBrokenLink, linkSummary, type LinkReport } from "../publish/link-check.ts";
import { holdOutput, OUTPUT_MARKER, OUTPUT_MARKER_TEXT, replaceRefusal, writeAtomically } from "../publish/output-folder.ts";
import { OutputFolderBusy } from "../publish/output-lock.ts";
import { OutputFolderUnwritable } from "../publish/output-target.ts";
import { renderPages, servePages, watchPages, type SiteRendering } from "../render/eleventy-site.ts";
import { DevSession } from "./dev-session.ts";
import { loadSite, openArticleCache, type Site } from "./load-site.ts";
import { describeWriteFailure, formatDiagnostics, formatSummary, nothingToPublish } from "./report.ts";
import type { BuildRequest } from "./request.ts";

export interface Console {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface RunOptions {
  /** Build, then watch the content and templates, rebuild on each edit and serve the site on 127.0.0.1 with live reload (`npm start`). */
  readonly serve: boolean;
  /** The port `serve` listens on. */
  readonly port: number;
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
  if (options.serve) return serve(request, options, io);
  const started = performance.now();
  const site = await loadSite(request, { articleCache: await openArticleCache(request), serving: false });
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
    io.err(`build failed: ${errorCount} error(s) above; nothing was written and ${outputShown} is unchanged. Fix them, or pass --keep-going to publish the valid articles and leave the invalid ones out.`);
    return 1;
  }
  let brokenSiteLinks = 0;
  let writeSeconds = 0;
  let written: BesidePagesReport | undefined;
  /** Links in article bodies that --check-links found broken: the archive's problems too. */
  let linkWarnings: readonly Diagnostic[] = [];
  /** Why the site was moved into the output folder rather than swapped in whole, when it was. */
  let inPlace: string | undefined;
  try {
    await writeAtomically(request.outputDir, async (stagingDir) => {
      const writing = performance.now();
      for (const views of renderPasses(site.views, request.articlesPerRenderPass)) await renderPages(stagingDir, renderingOf(request, () => views));
      // The search index's files that did not change are linked from the output being replaced.
      written = await writeBesidePages(stagingDir, site, request, () => undefined, request.outputDir);
      writeSeconds = (performance.now() - writing) / 1000;
      if (options.checkLinks) {
        const links = reportLinks(await checkLinks(stagingDir, request.settings.basePath, { fromDisk: request.portable }), site, io);
        linkWarnings = links.articleWarnings;
        brokenSiteLinks = links.siteErrors;
        if (brokenSiteLinks > 0) throw new LinkCheckFailure();
      }
    }, { publishedInPlace: (why) => (inPlace = why) });
  } catch (cause) {
    const failure = cause instanceof LinkCheckFailure ? `${brokenSiteLinks} broken link(s) in the site's own pages` : outputFailure(cause, outputShown);
    if (failure === undefined) throw cause;
    report(site, undefined, linkWarnings);
    io.err(`build failed: ${failure}; nothing was written and ${outputShown} is unchanged.`);
    return 1;
  }
  report(site, { pagesWritten: countPages(site.views), seconds: (performance.now() - started) / 1000, writeSeconds, ...(written === undefined ? {} : { written }) }, linkWarnings);
  if (inPlace !== undefined) io.out(`output: written into ${outputShown} in place, entry by entry, as ${inPlace}; the folder, its owner and mode are kept`);
  return 0;
}

/**
 * `npm start`: builds, serves on 127.0.0.1 with live reload, and after each
 * edit loads the archive again and renders the pages it changed. While
 * serving, an invalid article is reported and left out, as with
 * --keep-going, so the rest stays browsable.
 */
async function serve(request: BuildRequest, options: RunOptions, io: Console): Promise<number> {
  // Stopping the server (Ctrl+C, or SIGTERM from a process manager or a test), during the first build
  // or later, is its normal end: the process's writes end with it.
  const stop = (): void => process.exit(0);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const report = reporter(request, options, io, relative(process.cwd(), request.outputDir) || ".");
  // The server starts once the first build's pages and files are written, before its search index,
  // which takes minutes on a large archive; after each later build it reloads the browser.
  let server: { readonly reload: () => void } | undefined;
  const session = new DevSession(request, {
    reloaded: (load) => report(load.site, { pagesWritten: load.pagesToRender, seconds: load.site.loadSeconds }),
    pagesWritten: () => (server ??= servePages(request.outputDir, options.port, request.settings.basePath)).reload(),
  });
  const first = await session.load();
  const refusal = await refuseToBuild(request, first.site);
  if (refusal !== undefined) {
    io.err(refusal);
    return 1;
  }
  try {
    // Held while the server runs, and released as its process ends.
    await holdOutput(request.outputDir);
  } catch (cause) {
    const failure = outputFailure(cause, relative(process.cwd(), request.outputDir) || ".");
    if (failure === undefined) throw cause;
    io.err(`serve failed: ${failure}`);
    return 1;
  }
  report(first.site, { pagesWritten: first.pagesToRender, seconds: first.site.loadSeconds });
  await mkdir(request.outputDir, { recursive: true });
  await writeFile(join(request.outputDir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  await session.renderInPasses((views) => renderPages(request.outputDir, renderingOf(request, () => views)));
  await watchPages(request.outputDir, renderingOf(request, () => session.viewsToRender()), {
    contentDir: request.contentDir,
    changed: (change) => session.changed(change),
    written: (outputDir) => session.written(outputDir),
  });
  return 0;
}

function renderingOf(request: BuildRequest, views: SiteRendering["views"]): SiteRendering {
  return {
    views,
    portable: request.portable,
    basePath: request.settings.basePath,
    ...(request.ownLayoutsDir === undefined ? {} : { ownLayoutsDir: request.ownLayoutsDir }),
  };
}

/** Why no build may start: an archive without articles, or an output folder that is not ours to replace. */
async function refuseToBuild(request: BuildRequest, site: Site): Promise<string | undefined> {
  if (site.archive.counts.articleFiles === 0) {
    return `${request.shownContentDir}: no articles found (no .md or .markdown files); put your Markdown articles in this folder or give another with --content DIR`;
  }
  return replaceRefusal(request.outputDir);
}

interface Written {
  readonly pagesWritten: number;
  readonly seconds: number;
  readonly writeSeconds?: number;
  readonly written?: BesidePagesReport;
}

/**
 * Prints a load's problems, with any found after it (broken links in article
 * bodies), and the summary: on stdout after a build that wrote, on stderr
 * when nothing was written.
 */
function reporter(request: BuildRequest, options: RunOptions, io: Console, outputShown: string): (site: Site, written?: Written, laterProblems?: readonly Diagnostic[]) => void {
  return (site, written, laterProblems = []) => {
    const diagnostics = [...site.archive.diagnostics, ...laterProblems];
    const { errors, warnings } = formatDiagnostics(diagnostics, request.shownContentDir, options.verbose);
    warnings.forEach(io.err);
    errors.forEach(io.err);
    const search = site.views.pages.search[0];
    const summary = formatSummary({
      counts: site.archive.counts,
      diagnostics,
      outputShown,
      seconds: written?.seconds ?? site.loadSeconds,
      ...(written?.writeSeconds === undefined ? {} : { phases: { loadSeconds: site.loadSeconds, writeSeconds: written.writeSeconds } }),
      ...(written === undefined ? {} : { pagesWritten: written.pagesWritten }),
      ...(written?.written === undefined
        ? {}
        : {
            search: { ...written.written.search, filters: { category: search?.categories.length ?? 0, year: search?.years.length ?? 0 } },
            offline: written.written.offline,
          }),
    });
    summary.forEach(written === undefined ? io.err : io.out);
  };
}

class LinkCheckFailure extends Error {}

/** Why the output folder could not be written, in a sentence, or undefined for a failure of another kind (a fault, which is thrown on). */
function outputFailure(cause: unknown, outputShown: string): string | undefined {
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
