import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { checkLinks, type LinkReport } from "../check/links.ts";
import { compareDiagnostics, warning, type Diagnostic } from "../content/diagnostics.ts";
import { outputFileFor } from "../site/urls.ts";
import { setCurrentSiteSource } from "./current-build.ts";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT, replaceRefusal, writeAtomically } from "./output-folder.ts";
import { formatDiagnostics, formatSummary, nothingToPublish } from "./report.ts";
import { stopSearchIndexer } from "../search/search-index.ts";
import { LoopbackDevServer } from "../serve/dev-server.ts";
import { PROJECT_ROOT, type BuildRequest } from "./request.ts";
import { SiteSource, type SiteData } from "./site-source.ts";

export interface Console {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface RunOptions {
  readonly serve: boolean;
  readonly port: number;
  readonly verbose: boolean;
  readonly checkLinks: boolean;
}

const ELEVENTY_CONFIG = join(PROJECT_ROOT, ".eleventy.ts");
const LAYOUTS_DIR = join(PROJECT_ROOT, "layouts");

/**
 * Loads and checks the archive, reports every problem, then (unless an error
 * stops it) lets Eleventy render the pages. Returns the process exit code.
 */
export async function runBuild(request: BuildRequest, options: RunOptions, io: Console): Promise<number> {
  const started = performance.now();
  const source = new SiteSource(request, { serving: options.serve });
  setCurrentSiteSource(source);
  const data = await source.data();
  const outputShown = relative(process.cwd(), request.outputDir) || ".";
  let renderSeconds: number | undefined;
  /** Links in article bodies that --check-links found broken: the archive's problems too. */
  let linkWarnings: readonly Diagnostic[] = [];
  const report = (loaded: SiteData, pagesWritten?: number, seconds = (performance.now() - started) / 1000): void => {
    const diagnostics = [...loaded.archive.diagnostics, ...linkWarnings];
    const { errors, warnings } = formatDiagnostics(diagnostics, request.shownContentDir, options.verbose);
    warnings.forEach(io.err);
    errors.forEach(io.err);
    const summary = formatSummary({
      counts: loaded.archive.counts,
      diagnostics,
      outputShown,
      seconds,
      ...(renderSeconds === undefined ? {} : { phases: { loadSeconds: loaded.loadSeconds, renderSeconds } }),
      ...(pagesWritten === undefined ? {} : { pagesWritten }),
      ...(source.written === undefined || pagesWritten === undefined
        ? {}
        : {
            search: { ...source.written.search, filters: { category: loaded.views.searchPage.categories.length, year: loaded.views.searchPage.years.length } },
            offline: source.written.offline,
          }),
    });
    summary.forEach(pagesWritten === undefined ? io.err : io.out);
  };

  if (data.archive.counts.articleFiles === 0) {
    io.err(`${request.shownContentDir}: no articles found (no .md or .markdown files); put your Markdown articles in this folder or give another with --content DIR`);
    return 1;
  }
  const refusal = await replaceRefusal(request.outputDir);
  if (refusal !== undefined) {
    io.err(refusal);
    return 1;
  }

  if (options.serve) {
    // Stopping the server (Ctrl+C, or SIGTERM from a process manager or a test), during the first build
    // or later, is its normal end. The process's own writes end with it, but Pagefind's indexer is a
    // child process: stop it too, so that nothing writes into the output folder once this one has exited.
    const stop = (): void => void stopSearchIndexer().finally(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    // While serving, an invalid article is reported and left out, as with --keep-going, so the rest stays browsable.
    report(data, data.changes.pages);
    source.onReload((reloaded) => report(reloaded, reloaded.changes.pages, reloaded.loadSeconds));
    await mkdir(request.outputDir, { recursive: true });
    await writeFile(join(request.outputDir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const eleventy = new Eleventy(LAYOUTS_DIR, request.outputDir, { configPath: ELEVENTY_CONFIG, quietMode: true, runMode: "watch" });
    await eleventy.init();
    const rebuildFor = await eleventy.watch();
    // Eleventy rebuilds when a watched file changes or is added, not when one is deleted: a deleted article's page would stay.
    eleventy.watcher?.on("unlink", (path) => void rebuildFor(path));
    const server = new LoopbackDevServer("news-archive", request.outputDir, { pathPrefix: request.settings.basePath });
    source.onPagesWritten(() => server.reload({}));
    server.serve(options.port);
    return 0;
  }

  // Checked before the errors: when no article is valid, "--keep-going publishes the valid ones" would be bad advice.
  const emptySite = nothingToPublish(data.archive.counts, outputShown);
  if (emptySite !== undefined) {
    report(data);
    io.err(emptySite);
    return 1;
  }
  const errorCount = data.archive.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errorCount > 0 && !request.keepGoing) {
    report(data);
    io.err(`build failed: ${errorCount} error(s) above; nothing was written and ${outputShown} is unchanged. Fix them, or pass --keep-going to publish the valid articles and leave the invalid ones out.`);
    return 1;
  }
  let brokenSiteLinks = 0;
  try {
    await writeAtomically(request.outputDir, async (stagingDir) => {
      const rendering = performance.now();
      for (let pass = 0; pass < data.changes.passes.length; pass += 1) {
        source.startPass(pass);
        await new Eleventy(LAYOUTS_DIR, stagingDir, { configPath: ELEVENTY_CONFIG, quietMode: true, runMode: "build" }).write();
      }
      renderSeconds = (performance.now() - rendering) / 1000;
      if (options.checkLinks) {
        const links = reportLinks(await checkLinks(stagingDir, request.settings.basePath, { fromDisk: request.portable }), data, io);
        linkWarnings = links.articleWarnings;
        brokenSiteLinks = links.siteErrors;
        if (brokenSiteLinks > 0) throw new LinkCheckFailure();
      }
    });
  } catch (cause) {
    if (!(cause instanceof LinkCheckFailure)) throw cause;
    report(data);
    io.err(`build failed: ${brokenSiteLinks} broken link(s) in the site's own pages; nothing was written and ${outputShown} is unchanged.`);
    return 1;
  }
  report(data, data.changes.pages);
  return 0;
}

class LinkCheckFailure extends Error {}

/**
 * Links broken inside article bodies come from the content (a missing image):
 * warnings naming the article, returned to be reported and counted with the
 * archive's other problems. Broken links in the site's own pages are errors,
 * printed here, naming the page.
 */
function reportLinks(report: LinkReport, data: SiteData, io: Console): { readonly siteErrors: number; readonly articleWarnings: readonly Diagnostic[] } {
  const sourceOf = new Map(data.archive.articles.map((article) => [outputFileFor(article.route), article.sourcePath]));
  let siteErrors = 0;
  const articleWarnings: Diagnostic[] = [];
  for (const link of report.broken) {
    const source = sourceOf.get(link.page);
    if (link.inArticleBody && source !== undefined) {
      articleWarnings.push(warning("broken-link-in-article", source, `the link ${link.url} points to nothing (${link.problem}); fix or remove it`));
    } else {
      siteErrors += 1;
      io.err(`${link.page}: error: the link ${link.url} points to nothing (${link.problem})`);
    }
  }
  io.out(`links: ${report.linksChecked} internal links checked on ${report.pages} pages, ${report.broken.length} broken (${report.broken.length - siteErrors} in article bodies, ${siteErrors} in the site's pages)`);
  return { siteErrors, articleWarnings: articleWarnings.sort(compareDiagnostics) };
}
