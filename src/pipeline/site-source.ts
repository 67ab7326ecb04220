import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { realpath, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { errorCodeOf, warning } from "../core/diagnostics.ts";
import { lastModifiedMs } from "../core/article.ts";
import { loadArchive, type LoadedArchive, type ReadOutcome, type RecentRead } from "../content/load-archive.ts";
import { slugify } from "../core/slugs.ts";
import { buildArchiveModel } from "../model/archive-model.ts";
import { countPages, pageChanges, renderPasses, type PageFingerprints } from "../model/page-changes.ts";
import { buildDay, buildSiteViews, bundleAssetCopies, urlContextOf, type SiteViews } from "../model/views.ts";
import { buildFeeds, type PublishedFile } from "../publish/feeds.ts";
import { buildSitemap } from "../publish/sitemap.ts";
import { outputFileFor } from "../core/urls.ts";
import { createMarkdownRenderer } from "../content/markdown.ts";
import type { Settings } from "../core/settings.ts";
import type { BesidePagesReport } from "../publish/beside-pages.ts";
import { prepareTheme, type ThemeBundle } from "../render/theme.ts";
import { BuildCache } from "../content/build-cache.ts";
import { PROJECT_ROOT } from "../core/project.ts";
import { type BuildRequest } from "./request.ts";

/** Everything one build publishes, computed once from the loaded archive. */
export interface SiteData {
  readonly archive: LoadedArchive;
  readonly views: SiteViews;
  /**
   * The pages this build renders: every page, except under `npm start`, where
   * only those changed since the last build; in passes of at most
   * `articlesPerRenderPass` article pages, each an Eleventy run.
   */
  readonly changes: { readonly passes: readonly SiteViews[]; readonly pages: number };
  readonly bundleAssets: readonly { readonly from: string; readonly to: string }[];
  readonly theme: ThemeBundle;
  /** Feeds, sitemap and robots.txt. */
  readonly publishedFiles: readonly PublishedFile[];
  /** How long loading, checking and modelling took. */
  readonly loadSeconds: number;
}

/**
 * Hands the typed site data to Eleventy. The first build uses the archive the
 * command line already loaded and checked; under `npm start` a change in the
 * content folder marks it stale and the next build loads it again.
 */
export class SiteSource {
  readonly request: BuildRequest;
  #current: Promise<SiteData> | undefined;
  #loads = 0;
  #reloadListener: ((data: SiteData) => void) | undefined;
  #written: BesidePagesReport | undefined;
  #pagesWrittenListener: (() => void) | undefined;
  #pass = 0;
  /** What the last load read, under `npm start`: unchanged files are not read again. */
  #recentReads: ReadonlyMap<string, RecentRead> = new Map();
  /** What each page printed in the last build, under `npm start`. */
  #fingerprints: PageFingerprints | undefined;
  /** Kept across the reloads of `npm start`, so that only edited articles are read and rendered again. */
  #articleCache: Promise<BuildCache<ReadOutcome>> | undefined;

  readonly #serving: boolean;

  /** `serving`: for `npm start`, where a service worker would keep old pages of a site being edited. */
  constructor(request: BuildRequest, { serving }: { readonly serving: boolean } = { serving: false }) {
    this.request = request;
    this.#serving = serving;
  }

  data(): Promise<SiteData> {
    this.#current ??= this.#load();
    return this.#current;
  }

  /**
   * Marks the data stale after an edit (under `npm start`); the next build
   * renders the pages whose views changed, or every page when `everyPage`
   * (a template changed, which can change any page).
   */
  invalidate({ everyPage }: { readonly everyPage: boolean }): void {
    this.#current = undefined;
    if (everyPage) this.#fingerprints = undefined;
  }

  /** What the last build wrote beside its pages (search index, offline reading), for the summary. */
  get written(): BesidePagesReport | undefined {
    return this.#written;
  }

  /** Called by the Eleventy wiring when a build has written its pages and their files; the search index follows. */
  pagesWritten(): void {
    this.#pagesWrittenListener?.();
  }

  /** Called by the Eleventy wiring when a build has written everything: pages, files and search index. */
  recordWritten(report: BesidePagesReport): void {
    this.#written = report;
  }

  /** Called after each build's pages are written (under `npm start`, to reload the browser without waiting for the search index). */
  onPagesWritten(listener: () => void): void {
    this.#pagesWrittenListener = listener;
  }

  /** Called with the new data each time the archive is loaded again (under `npm start`). */
  onReload(listener: (data: SiteData) => void): void {
    this.#reloadListener = listener;
  }

  async #load(): Promise<SiteData> {
    const { request } = this;
    const started = performance.now();
    this.#articleCache ??= BuildCache.open<ReadOutcome>(request.cacheDir, articleReaderIdentity(request.settings));
    const cache = await this.#articleCache;
    const recentReads = this.#serving ? { previous: this.#recentReads, next: new Map<string, RecentRead>() } : undefined;
    const loaded = await loadArchive({
      contentDir: request.contentDir,
      settings: request.settings,
      includeDrafts: request.includeDrafts,
      knownFiles: request.settingsFileInContent === undefined ? [] : [request.settingsFileInContent],
      excludedDirs: [await realpath(request.outputDir).catch(() => request.outputDir)],
      renderMarkdown: createMarkdownRenderer({ sanitize: request.settings.sanitize }),
      cache,
      ...(recentReads === undefined ? {} : { recentReads }),
    });
    if (recentReads !== undefined) this.#recentReads = recentReads.next;
    const { failed } = await cache.save();
    const archive = withBuildWarnings(loaded, request, failed);
    const { settings } = request;
    const today = buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), settings.timeZone);
    const logo = settings.logo;
    const theme = await prepareTheme({
      ...(settings.accentColor === undefined ? {} : { accentColor: settings.accentColor }),
      ...(settings.accentColorDark === undefined ? {} : { accentColorDark: settings.accentColorDark }),
      ...(logo === undefined ? {} : { logoFile: resolve(request.settingsFile === undefined ? request.contentDir : dirname(request.settingsFile), logo.file) }),
      // A portable site is opened from disk, where service workers do not run.
      serviceWorker: settings.offline.serviceWorker && !request.portable && !this.#serving,
    });
    const model = buildArchiveModel(archive.articles, archive.categories);
    const views = buildSiteViews(archive.articles, model, settings, today, theme.paths);
    const urls = urlContextOf(settings);
    const lastModified = new Map(
      archive.articles.map((article) => [outputFileFor(article.route), new Date(lastModifiedMs(article)).toISOString().slice(0, 10)]),
    );
    // npm start's single Eleventy run watches for edits, so it renders in one pass.
    const changes = this.#serving ? await this.#pagesToRender(views) : { passes: renderPasses(views, request.articlesPerRenderPass), pages: countPages(views) };
    const data: SiteData = {
      archive,
      theme,
      views,
      changes,
      publishedFiles: [...buildFeeds(model.newestFirst, model.categories, settings, urls), ...buildSitemap(views, urls, lastModified)],
      bundleAssets: bundleAssetCopies(archive.articles),
      loadSeconds: (performance.now() - started) / 1000,
    };
    this.#loads += 1;
    if (this.#loads > 1) this.#reloadListener?.(data);
    return data;
  }

  /** Compares with the last build and deletes the pages that are gone, whose files Eleventy would otherwise leave behind. */
  async #pagesToRender(views: SiteViews): Promise<SiteData["changes"]> {
    const changes = pageChanges(views, this.#fingerprints);
    this.#fingerprints = changes.fingerprints;
    await Promise.all(changes.removed.map((file) => rm(join(this.request.outputDir, file), { force: true })));
    return { passes: [changes.views], pages: changes.pages };
  }

  /** Which render pass the next Eleventy run makes (see `SiteData.changes`). */
  startPass(pass: number): void {
    this.#pass = pass;
  }

  /** The views the current Eleventy run renders. */
  async viewsToRender(): Promise<SiteViews> {
    const { passes } = (await this.data()).changes;
    const views = passes[this.#pass];
    if (views === undefined) throw new Error(`render pass ${this.#pass} of ${passes.length} does not exist`);
    return views;
  }

  /** Whether the current Eleventy run is the build's last, after which the search index is written. */
  async isLastPass(): Promise<boolean> {
    return this.#pass === (await this.data()).changes.passes.length - 1;
  }
}

/**
 * What a cached article outcome was made by: the code that reads and renders
 * articles, the locked library versions and the settings the renderer takes.
 * Any change to these makes every cached outcome unusable.
 */
function articleReaderIdentity(settings: Settings): string {
  const hash = createHash("sha256").update(JSON.stringify({ sanitize: settings.sanitize }));
  const readerCode = ["src/core", "src/content"].flatMap((dir) =>
    readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .sort()
      .map((file) => join(PROJECT_ROOT, dir, file)),
  );
  for (const file of [join(PROJECT_ROOT, "package-lock.json"), ...readerCode]) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

/** Problems outside the articles: a sidebar box naming an unused category, no site URL, a build cache that cannot be written. */
function withBuildWarnings(archive: LoadedArchive, request: BuildRequest, cacheFailure: unknown): LoadedArchive {
  const known = new Set(archive.categories.flatMap((category) => [category.slug, category.name.toLowerCase()]));
  const problems = request.settings.sidebar.flatMap((box, index) =>
    box.type !== "featured" && !known.has(box.category.toLowerCase()) && !known.has(slugify(box.category))
      ? [warning("sidebar-category", "", `${request.settingsFile ?? "settings"}: sidebar[${index}] names the category "${box.category}", which no published article has; the box stays empty`)]
      : [],
  );
  if (request.settings.siteUrl === undefined) {
    problems.push(
      warning("no-site-url", "", 'no site URL is set, so canonical links, feeds and the sitemap use relative URLs; set "siteUrl" in the settings or pass --site-url https://example.org/'),
    );
  }
  if (cacheFailure !== undefined) {
    problems.push(
      warning("cache-unwritable", "", `${request.cacheDir ?? "the build cache"}: the build cache could not be written (${errorCodeOf(cacheFailure)}), so the next build reads every article again; give a writable folder with --cache-dir DIR, or pass --no-cache`),
    );
  }
  return problems.length === 0 ? archive : { ...archive, diagnostics: [...problems, ...archive.diagnostics] };
}
