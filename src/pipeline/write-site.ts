import { createHash } from "node:crypto";
import { join } from "node:path";
import { collectGarbage } from "../core/memory.ts";
import { countPages, pageDigests, pagesWhere, renderPasses } from "../model/page-changes.ts";
import { selectPages, type SiteViews } from "../model/pages.ts";
import { writeBesidePages, type BesidePagesReport, type SearchIndexHelp } from "../publish/beside-pages.ts";
import type { OutputReuse } from "../publish/output-reuse.ts";
import type { SiteRendering } from "../render/eleventy-site.ts";
import { buildWorkerCount, type BuildWorkers } from "./build-workers.ts";
import { outputIdentityOf, type Site } from "./load-site.ts";
import type { PagesRendering } from "./report.ts";
import type { BuildRequest } from "./request.ts";

/** What writing a site into a staging folder did. */
export interface SiteWritten {
  readonly rendering: PagesRendering;
  readonly beside: BesidePagesReport;
  /** Seconds spent writing: pages, then the files beside them, the search index included. */
  readonly seconds: number;
}

/** Where a build keeps what it knows of its output folder, in the archive's build cache. */
interface OutputRecords {
  /** The record of what made the output folder (see OutputReuse). */
  readonly recordFile: string;
  /** The output the last build replaced, kept for the next to start from (writeAtomically's `keepReplacedIn`), its record inside. */
  readonly replacedDir: string;
}

/** Where a build keeps what it knows of its output folder (OutputRecords): nowhere without a build cache. */
export function outputRecordsOf(request: BuildRequest): OutputRecords | undefined {
  if (request.cacheDir === undefined) return undefined;
  const name = join(request.cacheDir, `output-${createHash("sha256").update(request.outputDir).digest("hex").slice(0, 12)}`);
  return { recordFile: `${name}.bin`, replacedDir: `${name}.replaced` };
}

/**
 * Writes the site into `stagingDir`, which is to replace the output folder:
 * each page whose view and templates are those the previous build printed
 * is linked from the previous output (`reuse`), the others are rendered;
 * both in the worker threads, the rendering in passes shared out between
 * them, while this thread writes the files beside the pages and the search
 * index (after them when the pages to render take more than a pass per
 * worker), with the help `searchHelp` says.
 */
export async function writeSite(
  stagingDir: string,
  site: Site,
  request: BuildRequest,
  workers: BuildWorkers,
  reuse: OutputReuse,
  searchHelp: SearchIndexHelp,
): Promise<SiteWritten> {
  const started = performance.now();
  const identity = outputIdentityOf(request);
  // Pages are digested here only to choose those to link. With nothing to link from (a first build, a new output
  // folder), every page is rendered at once, and the workers digest what they render, for the next build's record.
  const digests = reuse.recording && reuse.canReuse ? pageDigests(site.plan.views, identity) : undefined;
  const toRender =
    digests === undefined ? site.plan.views : pagesWhere(site.plan.views, (page) => !reuse.reuseLater(page.permalink, digests.get(page.permalink) ?? ""));
  // Recorded before they are written when their digests are known: a kept output's files that no one asked for are
  // removed once the pages are written, before this thread hears back from the workers (removeUnclaimed).
  if (digests !== undefined) for (const page of selectPages(toRender.pages, () => true)) reuse.wrote(page.permalink, digests.get(page.permalink) ?? "");
  const rendered = countPages(toRender);
  const severalPasses = rendered > request.pagesPerRenderPass * buildWorkerCount(rendered);
  const pages = placePages(stagingDir, toRender, reuse, request, workers, digests === undefined && reuse.recording ? identity : undefined);
  // With the first passes sent, what loading and planning a large archive left is collected while the workers render:
  // V8 would keep it through the passes (at 30,000 articles 991 MB of heap, 572 MB once collected, in 0.25 s).
  if (severalPasses) collectGarbage();
  // Awaited once the files beside the pages are written; a failure meanwhile is not left unhandled.
  pages.catch(() => undefined);
  // Made alongside, the search index (the whole archive's postings) is held while the workers hold their Eleventy runs.
  // Within a pass per worker that is memory for time; beyond (100,000 articles) memory comes first, and it waits.
  if (severalPasses) await pages;
  // The search index's files that did not change are linked from the output being replaced.
  const beside = await writeBesidePages(stagingDir, site.plan, request, () => undefined, request.outputDir, reuse, pages, searchHelp);
  const { workers: renderedBy, digests: madeThere } = await pages;
  if (reuse.recording && digests === undefined)
    for (const page of selectPages(toRender.pages, () => true)) reuse.wrote(page.permalink, madeThere.get(page.permalink) ?? "");
  return {
    rendering: { rendered, workers: renderedBy, reused: countPages(site.plan.views) - rendered },
    beside,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Renders `views` in passes shared out between the worker threads and links
 * the pages `reuse` chose from the previous output; returns how many workers
 * rendered, and the digests they made (with `digestWith`).
 */
async function placePages(
  stagingDir: string,
  views: SiteViews,
  reuse: OutputReuse,
  request: BuildRequest,
  workers: BuildWorkers,
  digestWith: string | undefined,
): Promise<{ workers: number; digests: ReadonlyMap<string, string> }> {
  const links = reuse.takeLinks();
  const pages = countPages(views);
  if (pages > 0) workers.start(buildWorkerCount(pages));
  const count = pages === 0 ? 0 : workers.count;
  try {
    const linking = links.length === 0 ? undefined : workers.link(links);
    const passes = pages === 0 ? [] : renderPasses(views, request.pagesPerRenderPass, count);
    const digests = await Promise.all(passes.map((pass, index) => workers.render(stagingDir, renderOptionsOf(request), pass, index, digestWith)));
    if (linking !== undefined) reuse.linked(await linking);
    return { workers: count, digests: new Map(digests.flatMap((made) => [...made])) };
  } finally {
    // Their Eleventy runs are over: the memory they hold goes at once.
    await workers.close();
  }
}

/** How the request's pages are printed, whatever the pages. */
export function renderOptionsOf(request: BuildRequest): Omit<SiteRendering, "views"> {
  return {
    portable: request.portable,
    basePath: request.settings.basePath,
    ...(request.ownLayoutsDir === undefined ? {} : { ownLayoutsDir: request.ownLayoutsDir }),
  };
}
