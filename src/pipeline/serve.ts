import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { isInside } from "../core/project.ts";
import { SETTINGS_FILE_NAMES } from "../core/settings-file.ts";
import { countPages, renderPasses, sameView } from "../model/page-changes.ts";
import type { SiteViews } from "../model/pages.ts";
import { holdOutput, OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "../publish/output-folder.ts";
import { withProblemsOverlay } from "../publish/problems-overlay.ts";
import { servePages } from "../render/eleventy-site.ts";
import { buildWorkerCount, BuildWorkers } from "./build-workers.ts";
import { LAYOUTS_DIR } from "../render/theme.ts";
import type { Console } from "../core/console.ts";
import { outputFailure, refuseToBuild, reporter } from "./build.ts";
import { DevSession, type DevLoad } from "./dev-session.ts";
import { formatDiagnostics } from "./report.ts";
import type { BuildRequest, RequestResult } from "./request.ts";
import { watchSources, type SourceWatcher, type WatchTarget } from "./source-watcher.ts";
import { renderOptionsOf } from "./write-site.ts";

export interface ServeOptions {
  /** The port the server listens on (127.0.0.1). */
  readonly port: number;
  /** List every warning instead of the first few of each kind. */
  readonly verbose: boolean;
  /** Resolves the request again, as the command line asked for it: after the settings file changed. */
  readonly requestAgain: () => Promise<RequestResult>;
}

/**
 * `npm start`: builds, serves on 127.0.0.1 with live reload, and rebuilds
 * after each change of the sources: an article or page-bundle file, the
 * settings file, a template. The sources are watched before the first build
 * starts, so no save is lost. A build renders only the pages whose view
 * changed. While serving, an invalid article is reported and left out, as
 * with --keep-going, so that the rest stays browsable; the errors of the last
 * build (invalid articles, settings, templates) are shown over every page
 * the server sends, until a build without errors removes them.
 */
export async function runServe(first: BuildRequest, options: ServeOptions, io: Console): Promise<number> {
  // Loads Eleventy while the archive is loaded.
  const workers = new BuildWorkers();
  workers.start(1);
  // Stopping the server (Ctrl+C, or SIGTERM from a process manager or a test), during the first build
  // or later, is its normal end. The worker threads write into the output folder: they are stopped,
  // so that nothing writes there once this process has exited.
  const stop = (): void => void workers.close().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const changes = new ChangeQueue();
  let watcher: SourceWatcher = await watchSources(sourcesOf(first), (paths) => changes.add(paths));
  let problems: readonly string[] = [];
  // The server starts once the first build's pages and files are written, before its search index,
  // which takes minutes on a large archive; after each later build it reloads the browser.
  let server: { readonly reload: () => void } | undefined;
  const reload = (): void =>
    (server ??= servePages(first.outputDir, options.port, first.settings.basePath, (html) => withProblemsOverlay(html, problems))).reload();
  const session = new DevSession(first, reload, workers);
  const render = async (views: SiteViews): Promise<void> => {
    workers.start(buildWorkerCount(countPages(views)));
    const passes = renderPasses(views, session.request.pagesPerRenderPass, workers.count);
    await Promise.all(passes.map((pass, index) => workers.render(session.request.outputDir, renderOptionsOf(session.request), pass, index)));
  };
  /**
   * Writes a load, the browser reloading once its pages and files are
   * written, then prints its summary. After an edit already shown
   * (`editShown`), the browser reloads only if the load changed a page or
   * the problems shown.
   */
  const build = async (load: DevLoad, started: number, editShown = false): Promise<void> => {
    const { request } = session;
    // Known before the pages are written: the browser reloads then, and gets them over the pages.
    const shownBefore = problems;
    problems = formatDiagnostics(load.site.archive.diagnostics, request.shownContentDir, options.verbose).errors;
    await session.write(load, render, !editShown || load.changes.pages > 0 || !sameView(shownBefore, problems));
    reporter(
      request,
      options,
      io,
      relative(process.cwd(), request.outputDir) || ".",
    )(load.site, { pagesWritten: load.changes.pages, seconds: (performance.now() - started) / 1000 });
  };

  const started = performance.now();
  const load = await session.load();
  const refusal = await refuseToBuild(first, load.site);
  if (refusal !== undefined) {
    io.err(refusal);
    watcher.close();
    await workers.close();
    return 1;
  }
  try {
    // Held while the server runs, and released as its process ends.
    await holdOutput(first.outputDir);
  } catch (cause) {
    const failure = outputFailure(cause, relative(process.cwd(), first.outputDir) || ".");
    if (failure === undefined) throw cause;
    io.err(`serve failed: ${failure}`);
    watcher.close();
    await workers.close();
    return 1;
  }
  await mkdir(first.outputDir, { recursive: true });
  await writeFile(join(first.outputDir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  const failed = (cause: unknown): void => {
    // A template that does not render, a file that cannot be read: said here and over the pages.
    const message = `build failed: ${cause instanceof Error ? cause.message : String(cause)}`;
    problems = [message];
    io.err(message);
    reload();
  };
  try {
    await build(load, started);
  } catch (cause) {
    failed(cause);
  }
  // The first build's workers hold what their Eleventy runs kept: one fresh worker waits for the edits.
  await workers.close();
  workers.start(1);

  for (;;) {
    const paths = await changes.next();
    const rebuilt = performance.now();
    try {
      const { request } = session;
      if (settingsFiles(request).some((file) => paths.has(file))) {
        const again = await options.requestAgain();
        if (!again.ok) {
          // The last good site stays served, with the settings' errors over it, until they are fixed.
          problems = again.errors;
          again.errors.forEach(io.err);
          reload();
          continue;
        }
        session.useRequest(again.request);
        watcher.close();
        watcher = await watchSources(sourcesOf(again.request), (more) => changes.add(more));
      } else if (templateFolders(request).some((folder) => [...paths].some((path) => isInside(path, folder)))) {
        session.templatesChanged();
      }
      // An article edited in what its own page shows is on that page at once; the archive is loaded again for the rest,
      // even when showing it failed (the load then renders every page).
      const shown =
        session.request === request
          ? await session.showEditedArticles(paths, render).catch((cause: unknown) => {
              failed(cause);
              return 0;
            })
          : 0;
      if (shown > 0) {
        reload();
        io.out(
          `edit shown: ${shown} page(s) rewritten in ${((performance.now() - rebuilt) / 1000).toFixed(2)} s; the archive's lists, feeds and search index follow`,
        );
      }
      const contentDir = session.request.contentDir;
      const next = await session.load(session.request === request ? (file) => mayHaveChanged(paths, join(contentDir, file), contentDir) : undefined);
      await build(next, rebuilt, shown > 0);
    } catch (cause) {
      failed(cause);
    }
  }
}

/** What `npm start` watches: the content folder, the settings file, the theme's templates and the archive's own. */
function sourcesOf(request: BuildRequest): WatchTarget[] {
  return [
    { folder: request.contentDir },
    ...(request.settingsFile === undefined || isInside(resolve(request.settingsFile), request.contentDir) ? [] : [{ file: resolve(request.settingsFile) }]),
    ...templateFolders(request).map((folder) => ({ folder })),
  ];
}

/** The settings file read, or, without one, those the content folder may get (news-archive.json or .jsonc): each is read again when it changes. */
function settingsFiles(request: BuildRequest): string[] {
  if (request.settingsFile !== undefined) return [resolve(request.settingsFile)];
  return SETTINGS_FILE_NAMES.map((name) => join(request.contentDir, name));
}

function templateFolders(request: BuildRequest): string[] {
  return [LAYOUTS_DIR, ...(request.ownLayoutsDir === undefined ? [] : [request.ownLayoutsDir])];
}

/** Whether a file may have changed: the watcher named it, or a folder above it (when it could not name what changed in that folder). */
function mayHaveChanged(changed: ReadonlySet<string>, file: string, root: string): boolean {
  for (let path = file; ; path = dirname(path)) {
    if (changed.has(path)) return true;
    if (!isInside(path, root)) return false;
  }
}

/** Changes reported by the watcher, gathered until the build in progress asks for them. */
class ChangeQueue {
  #paths = new Set<string>();
  #waiting: ((paths: ReadonlySet<string>) => void) | undefined;

  add(paths: ReadonlySet<string>): void {
    for (const path of paths) this.#paths.add(path);
    this.#deliver();
  }

  /** The paths changed since the last call, once there are some. */
  next(): Promise<ReadonlySet<string>> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.#deliver();
    });
  }

  #deliver(): void {
    if (this.#waiting === undefined || this.#paths.size === 0) return;
    const [deliver, paths] = [this.#waiting, this.#paths];
    this.#waiting = undefined;
    this.#paths = new Set();
    deliver(paths);
  }
}
