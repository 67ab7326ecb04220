import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { lastModifiedMs } from "../core/article.ts";
import { buildDay, type CalendarDate } from "../core/dates.ts";
import { compareDiagnostics, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { CODE_ROOT, PROJECT_ROOT, RUNS_COMPILED } from "../core/project.ts";
import { slugify } from "../core/slugs.ts";
import { hrefFromRootOfFile, outputFileFor, urlContextOf } from "../core/urls.ts";
import { BuildCache } from "../content/build-cache.ts";
import { loadArchive, type ArticleBytes, type LoadedArchive, type LoadOptions, type ReadOutcome } from "../content/load-archive.ts";
import { createMarkdownRenderer, type MarkdownOptions } from "../content/markdown.ts";
import { buildArchiveModel } from "../model/archive-model.ts";
import { latestArticles } from "../model/latest.ts";
import { sameView } from "../model/page-changes.ts";
import { buildSiteViews } from "../model/pages.ts";
import { withNewBodies } from "../model/view-updates.ts";
import { bundleAssetCopies } from "../model/views/article-pages.ts";
import { hasQueryRedirects } from "../model/views/site-view.ts";
import { formatLongDate, monthNames } from "../model/format.ts";
import type { ArticleToIndex } from "../search/index-build.ts";
import { buildFeeds } from "../publish/feeds.ts";
import { buildNotFoundTitles } from "../publish/not-found-titles.ts";
import { buildRedirectFiles } from "../publish/redirects.ts";
import { buildSitemap } from "../publish/sitemap.ts";
import type { SiteFiles } from "../publish/beside-pages.ts";
import { checkSiteWrites } from "../publish/written-paths.ts";
import { LAYOUTS_DIR, prepareTheme } from "../render/theme.ts";
import { outputIdentity, runningCodeIdentity } from "./code-identity.ts";
import type { BuildWorkers } from "./build-workers.ts";
import type { BuildRequest } from "./request.ts";

/** Everything one build publishes, computed once from the loaded archive. */
export interface Site extends SiteFiles {
  readonly archive: LoadedArchive;
  /** The build's day, which the grid and the upcoming boxes show. */
  readonly today: CalendarDate;
  /** How long loading, checking and modelling took. */
  readonly loadSeconds: number;
}

export interface LoadSiteOptions {
  /** Outcomes of earlier builds, so that unchanged articles are neither parsed nor rendered again. */
  readonly articleCache: BuildCache<ReadOutcome>;
  /** Under `npm start`: what the last load read (see LoadOptions.recentReads). */
  readonly recentReads?: LoadOptions["recentReads"];
  /** Under `npm start`, where a service worker would keep old pages of a site being edited. */
  readonly serving: boolean;
  /** Worker threads that read the articles not in the build cache, while this thread reads the files. */
  readonly workers?: BuildWorkers;
  /**
   * Under `npm start`, the last load, of the same request: when only article
   * bodies changed since, the views are the previous ones with those articles'
   * pages made again (withNewBodies).
   */
  readonly previous?: Site;
}

/** Loads and checks the archive a request names, and computes every view, feed and file of its site. */
export async function loadSite(request: BuildRequest, options: LoadSiteOptions): Promise<Site> {
  const started = performance.now();
  const { settings } = request;
  const { workers } = options;
  const loaded = await loadArchive({
    contentDir: request.contentDir,
    settings,
    includeDrafts: request.includeDrafts,
    knownFiles: request.settingsFileInContent === undefined ? [] : [request.settingsFileInContent],
    excludedDirs: [await realpath(request.outputDir).catch(() => request.outputDir), ...(request.staticDirInContent === undefined ? [] : [request.staticDirInContent])],
    ...(request.staticFiles === undefined ? {} : { staticFiles: request.staticFiles }),
    ...(request.settingsFile === undefined ? {} : { settingsFile: request.settingsFile }),
    renderMarkdown: createMarkdownRenderer(markdownOptionsOf(request)),
    ...(workers === undefined ? {} : { readArticles: (batch: readonly ArticleBytes[]) => workers.read(batch, { contentDir: request.contentDir, timeZone: settings.timeZone, language: settings.language }, markdownOptionsOf(request)) }),
    cache: options.articleCache,
    ...(options.recentReads === undefined ? {} : { recentReads: options.recentReads }),
  });
  const { failed } = await options.articleCache.save();
  const checked = withBuildWarnings(loaded, request, failed);
  // Old addresses exist on a host; a portable copy opened from disk has none to serve.
  const archive = request.portable
    ? { ...checked, articles: checked.articles.map((article) => ({ ...article, redirects: [] })), pages: checked.pages.map((page) => ({ ...page, redirects: [] })), redirects: [] }
    : checked;
  const today = buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), settings.timeZone);
  const theme = await prepareTheme({
    ...(settings.accentColor === undefined ? {} : { accentColor: settings.accentColor }),
    ...(settings.accentColorDark === undefined ? {} : { accentColorDark: settings.accentColorDark }),
    ...(request.logoFile === undefined ? {} : { logoFile: request.logoFile }),
    // A portable site is opened from disk, where service workers do not run.
    serviceWorker: settings.offline.serviceWorker && !request.portable && !options.serving,
    queryRedirects: hasQueryRedirects(archive),
    stemmerLanguages: [...new Set(archive.articles.map((article) => article.searchRecord.language))].filter((language) => language !== "").sort(),
    portable: request.portable,
  });
  const model = buildArchiveModel(archive.articles, archive.categories, settings.categories);
  const { previous } = options;
  const sameFrame =
    previous !== undefined &&
    sameView(previous.today, today) &&
    sameView(previous.theme.paths, theme.paths) &&
    sameView(previous.archive.pages, archive.pages) &&
    sameView(previous.archive.redirects, archive.redirects);
  const views =
    (sameFrame ? withNewBodies({ articles: previous.archive.articles, views: previous.views }, archive.articles) : undefined) ??
    buildSiteViews(archive.articles, model, settings, today, theme.paths, { pages: archive.pages, redirects: archive.redirects });
  const urls = urlContextOf(settings);
  const lastModified = new Map(
    archive.articles.map((article) => [outputFileFor(article.route), new Date(lastModifiedMs(article)).toISOString().slice(0, 10)]),
  );
  const publishedFiles = [
    ...buildFeeds({ ...model, newestFirst: latestArticles(model, settings.listsExclude, today) }, settings, urls),
    ...buildSitemap(views.pages, urls, lastModified, staticPages(archive.staticFiles)),
    ...buildRedirectFiles(archive, urls),
    ...buildNotFoundTitles(model, urls),
  ];
  const bundleAssets = bundleAssetCopies([...archive.articles, ...archive.pages]).map((asset) => {
    const sanitized = archive.sanitizedFiles.get(asset.from);
    return sanitized === undefined ? asset : { ...asset, content: sanitized };
  });
  // Nothing is written yet: every path the build will write is checked against every other first, folders included.
  // A redirect page, page-bundle file or static file that would replace another file is left out, with an error naming both.
  const writes = checkSiteWrites({
    sources: [...archive.articles, ...archive.pages],
    views,
    theme,
    publishedFiles,
    bundleAssets,
    staticFiles: archive.staticFiles.map((file) => ({ from: file.from, to: file.path.slice(1), shown: file.shown })),
    portable: request.portable,
  });
  return {
    archive: withClashes(archive, writes.diagnostics, bundleAssets.length - writes.bundleAssets.length),
    today,
    theme,
    views: writes.views,
    publishedFiles,
    bundleAssets: writes.bundleAssets,
    staticFiles: writes.staticFiles,
    search: {
      articles: searchableArticles(archive, request),
      categories: archive.categories.map((category) => category.name),
      monthNames: monthNames(settings.locale),
      stemmerScripts: new Map(Object.entries(theme.paths.searchStemmers ?? {})),
    },
    loadSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * The articles the search index holds (never drafts), oldest first, with
 * their index records and what a result shows: the link to the page from the
 * site's root (its file, on a portable site opened from disk).
 */
function searchableArticles(archive: LoadedArchive, request: BuildRequest): ArticleToIndex[] {
  const { cleanUrls, locale } = request.settings;
  return archive.articles
    .filter((article) => !article.draft)
    .map((article) => {
      const file = outputFileFor(article.route);
      const { year, month, day } = article.date;
      return {
        record: article.searchRecord,
        url: request.portable ? file : hrefFromRootOfFile(file, cleanUrls),
        title: article.title,
        dateText: formatLongDate(article.date, locale),
        category: article.category.name,
        year,
        month,
        day,
      };
    });
}

/** The static files that are pages, which the sitemap lists: HTML files. */
function staticPages(files: LoadedArchive["staticFiles"]): string[] {
  return files.filter((file) => /\.html?$/i.test(file.path)).map((file) => file.path);
}

/** The archive with the files that clash with other written files reported, its page-bundle files among them no longer counted as published. */
function withClashes(archive: LoadedArchive, clashes: readonly Diagnostic[], bundleAssetsLeftOut: number): LoadedArchive {
  if (clashes.length === 0) return archive;
  return {
    ...archive,
    diagnostics: [...archive.diagnostics, ...clashes].sort(compareDiagnostics),
    counts: { ...archive.counts, bundleAssets: archive.counts.bundleAssets - bundleAssetsLeftOut },
  };
}

/** The build cache of a request's archive: outcomes made by other code, libraries or renderer options are never served. */
export function openArticleCache(request: BuildRequest): Promise<BuildCache<ReadOutcome>> {
  return BuildCache.open<ReadOutcome>(request.cacheDir, articleReaderIdentity(markdownOptionsOf(request)));
}

function markdownOptionsOf(request: BuildRequest): MarkdownOptions {
  return { sanitize: request.settings.sanitize, highlightCode: request.settings.highlightCode, ...(request.shortcodes === undefined ? {} : { shortcodes: request.shortcodes }) };
}

/**
 * What a cached article outcome was made by: the code that reads and renders
 * articles and the vocabulary it uses, the installed library versions, and the
 * renderer's options. Any change to these makes every cached outcome unusable.
 */
function articleReaderIdentity(rendererOptions: MarkdownOptions): string {
  const code = runningCodeIdentity({ projectRoot: PROJECT_ROOT, codeRoot: CODE_ROOT, folders: ["text", "core", "content"], moduleExtension: RUNS_COMPILED ? ".js" : ".ts" });
  return createHash("sha256").update(JSON.stringify(rendererOptions)).update(code).digest("hex");
}

/**
 * The identity of the code that writes pages, taken once: under
 * `npm start` the files on disk may change (a pull, a recompile) while the
 * code that runs stays what it was.
 */
let runningOutputCode: string | undefined;

/**
 * What makes the output's files besides their own sources (code, templates,
 * settings), so that a build reuses the previous build's page whose view did
 * not change (write-site.ts). The search index needs none: it names its files
 * by their content (search-index.ts).
 */
export function outputIdentityOf(request: BuildRequest): string {
  const folders = ["core", "text", "content", "model", "render", "search", "publish"];
  runningOutputCode ??= runningCodeIdentity({ projectRoot: PROJECT_ROOT, codeRoot: CODE_ROOT, folders, moduleExtension: RUNS_COMPILED ? ".js" : ".ts" });
  return outputIdentity(runningOutputCode, [LAYOUTS_DIR, ...(request.ownLayoutsDir === undefined ? [] : [request.ownLayoutsDir])], { settings: request.settings, portable: request.portable });
}

/** The warning for a build cache that could not be written: the articles' outcomes, or the record of the output's files. */
export function cacheUnwritable(request: BuildRequest, failure: unknown): Diagnostic {
  return warning(
    "cache-unwritable",
    "",
    `${request.cacheDir ?? "the build cache"}: the build cache could not be written (${errorCodeOf(failure)}), so the next build reads every article and writes every page again; give a writable folder with --cache-dir DIR, or pass --no-cache`,
  );
}

/** Problems outside the articles: a sidebar box or listsExclude naming an unused category, no site URL, a build cache that cannot be written. */
function withBuildWarnings(archive: LoadedArchive, request: BuildRequest, cacheFailure: unknown): LoadedArchive {
  const known = new Set(archive.categories.flatMap((category) => [category.slug, category.name.toLowerCase()]));
  const isKnown = (name: string): boolean => known.has(name.toLowerCase()) || known.has(slugify(name));
  const settingsFile = request.settingsFile ?? "settings";
  const problems = request.settings.sidebar.flatMap((box, index) =>
    "category" in box && !isKnown(box.category)
      ? [warning("sidebar-category", "", `${settingsFile}: sidebar[${index}] names the category "${box.category}", which no published article has; the box stays empty`)]
      : [],
  );
  request.settings.listsExclude.forEach((name, index) => {
    if (!isKnown(name)) {
      problems.push(warning("lists-exclude-category", "", `${settingsFile}: listsExclude[${index}] names the category "${name}", which no published article has; nothing is left out for it. Check its spelling`));
    }
  });
  if (request.settings.siteUrl === undefined) {
    problems.push(
      warning("no-site-url", "", 'no site URL is set, so canonical links, feeds and the sitemap use relative URLs; set "siteUrl" in the settings or pass --site-url https://example.org/'),
    );
  }
  if (cacheFailure !== undefined) problems.push(cacheUnwritable(request, cacheFailure));
  return problems.length === 0 ? archive : { ...archive, diagnostics: [...problems, ...archive.diagnostics] };
}
