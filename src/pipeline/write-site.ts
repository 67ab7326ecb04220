import { createHash } from "node:crypto";
import { join } from "node:path";
import { countPages, pageDigests, pagesWhere, renderPasses } from "../model/page-changes.ts";
import { selectPages, type SiteViews } from "../model/pages.ts";
import { writeBesidePages, type BesidePagesReport } from "../publish/beside-pages.ts";
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

/**
 * Where a build keeps the record of what made its output folder (see
 * OutputReuse), in the archive's build cache: none without a cache.
 */
export function outputRecordFileOf(request: BuildRequest): string | undefined {
  if (request.cacheDir === undefined) return undefined;
  return join(request.cacheDir, `output-${createHash("sha256").update(request.outputDir).digest("hex").slice(0, 12)}.bin`);
}

/**
 * Writes the site into `stagingDir`, which is to replace the output folder:
 * each page whose view and templates are those the previous build printed
 * is linked from the previous output (`reuse`), the others are rendered by
 * the worker threads, in passes shared out between them; then the files
 * beside the pages and the search index are written.
 */
export async function writeSite(stagingDir: string, site: Site, request: BuildRequest, workers: BuildWorkers, reuse: OutputReuse): Promise<SiteWritten> {
  const started = performance.now();
  const identity = outputIdentityOf(request);
  // Pages are digested here only to choose those to link. With nothing to link from (a first build, a new output
  // folder), every page is rendered at once, and the workers digest what they render, for the next build's record.
  const digests = reuse.recording && reuse.canReuse ? pageDigests(site.plan.views, identity) : undefined;
  const toRender = digests === undefined ? site.plan.views : pagesWhere(site.plan.views, (page) => !reuse.reuse(page.permalink, digests.get(page.permalink) ?? ""));
  const rendered = countPages(toRender);
  const { workers: renderedBy, digests: madeThere } = rendered === 0 ? { workers: 0, digests: new Map<string, string>() } : await renderInWorkers(stagingDir, toRender, request, workers, digests === undefined && reuse.recording ? identity : undefined);
  if (reuse.recording) for (const page of selectPages(toRender.pages, () => true)) reuse.wrote(page.permalink, digests?.get(page.permalink) ?? madeThere.get(page.permalink) ?? "");
  // The search index's files that did not change are linked from the output being replaced.
  const beside = await writeBesidePages(stagingDir, site.plan, request, () => undefined, request.outputDir, reuse);
  return { rendering: { rendered, workers: renderedBy, reused: countPages(site.plan.views) - rendered }, beside, seconds: (performance.now() - started) / 1000 };
}

/** Renders the pages in passes shared out between the worker threads; returns how many workers rendered, and the digests they made (with `digestWith`). */
async function renderInWorkers(stagingDir: string, views: SiteViews, request: BuildRequest, workers: BuildWorkers, digestWith: string | undefined): Promise<{ workers: number; digests: ReadonlyMap<string, string> }> {
  workers.start(buildWorkerCount(countPages(views)));
  const count = workers.count;
  try {
    const passes = renderPasses(views, request.pagesPerRenderPass, count);
    const digests = await Promise.all(passes.map((pass) => workers.render(stagingDir, renderOptionsOf(request), pass, digestWith)));
    return { workers: count, digests: new Map(digests.flatMap((made) => [...made])) };
  } finally {
    // Their Eleventy runs are over: the memory they hold goes before the search index is made.
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
