import { realpath } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { warning } from "../content/diagnostics.ts";
import { lastModifiedMs, loadArchive, type LoadedArchive } from "../content/load-archive.ts";
import { slugify } from "../content/slugs.ts";
import { buildArchiveModel } from "../model/archive-model.ts";
import { buildDay, buildSiteViews, bundleAssetCopies, urlContextOf, type SiteViews } from "../model/views.ts";
import { buildFeeds, type PublishedFile } from "../publish/feeds.ts";
import { buildSitemap } from "../publish/sitemap.ts";
import { outputFileFor } from "../site/urls.ts";
import { createMarkdownRenderer } from "../render/markdown.ts";
import type { BesidePagesReport } from "../site/beside-pages.ts";
import { prepareTheme, type ThemeBundle } from "../site/theme.ts";
import type { BuildRequest } from "./request.ts";

/** Everything one build publishes, computed once from the loaded archive. */
export interface SiteData {
  readonly archive: LoadedArchive;
  readonly views: SiteViews;
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
  #renderedListener: (() => void) | undefined;

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

  invalidate(): void {
    this.#current = undefined;
  }

  /** What the last build wrote beside its pages (search index, offline reading), for the summary. */
  get written(): BesidePagesReport | undefined {
    return this.#written;
  }

  /** Called by the Eleventy wiring when a build has written everything: pages, files and search index. */
  recordWritten(report: BesidePagesReport): void {
    this.#written = report;
    this.#renderedListener?.();
  }

  /** Called after each complete build (under `npm start`, to reload the browser). */
  onRendered(listener: () => void): void {
    this.#renderedListener = listener;
  }

  /** Called with the new data each time the archive is loaded again (under `npm start`). */
  onReload(listener: (data: SiteData) => void): void {
    this.#reloadListener = listener;
  }

  async #load(): Promise<SiteData> {
    const { request } = this;
    const started = performance.now();
    const loaded = await loadArchive({
      contentDir: request.contentDir,
      settings: request.settings,
      includeDrafts: request.includeDrafts,
      knownFiles: request.settingsFileInContent === undefined ? [] : [request.settingsFileInContent],
      excludedDirs: [await realpath(request.outputDir).catch(() => request.outputDir)],
      renderMarkdown: createMarkdownRenderer({ sanitize: request.settings.sanitize }),
    });
    const archive = withSettingsWarnings(loaded, request);
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
    const data: SiteData = {
      archive,
      theme,
      views,
      publishedFiles: [...buildFeeds(model.newestFirst, model.categories, settings, urls), ...buildSitemap(views, urls, lastModified)],
      bundleAssets: bundleAssetCopies(archive.articles),
      loadSeconds: (performance.now() - started) / 1000,
    };
    this.#loads += 1;
    if (this.#loads > 1) this.#reloadListener?.(data);
    return data;
  }
}

/** Settings that leave part of the site empty or relative: a sidebar box naming an unused category, no site URL. */
function withSettingsWarnings(archive: LoadedArchive, request: BuildRequest): LoadedArchive {
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
  return problems.length === 0 ? archive : { ...archive, diagnostics: [...problems, ...archive.diagnostics] };
}
