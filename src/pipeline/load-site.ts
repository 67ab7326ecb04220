import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { buildDay, type CalendarDate } from "../core/dates.ts";
import type { Article } from "../core/article.ts";
import { compareDiagnostics, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { CODE_ROOT, PROJECT_ROOT, RUNS_COMPILED } from "../core/project.ts";
import { slugify } from "../core/slugs.ts";
import { BuildCache } from "../content/build-cache.ts";
import { loadArchiveToEdit, type ArchiveLoad, type ArticleBytes, type LoadedArchive, type LoadOptions, type ReadOutcome } from "../content/load-archive.ts";
import { createMarkdownRenderer, type MarkdownOptions } from "../content/markdown.ts";
import type { ReadOptions } from "../content/read-file.ts";
import { hasQueryRedirects } from "../model/views/site-view.ts";
import type { SitePlan } from "../publish/site-plan.ts";
import { bundleStemmerAhead, LAYOUTS_DIR, prepareTheme, searchStemmerFiles } from "../render/theme.ts";
import { outputIdentity, runningCodeIdentity } from "./code-identity.ts";
import type { BuildWorkers } from "./build-workers.ts";
import { planSite, searchPlanOf } from "./plan-site.ts";
import type { BuildRequest } from "./request.ts";

/** A loaded archive and the plan of what its site publishes, computed once from it. */
export interface Site {
  readonly archive: LoadedArchive;
  /** Every page's view and every file beside the pages, checked against each other: nothing is written yet. */
  readonly plan: SitePlan;
  /** The build's day, which the grid and the upcoming boxes show. */
  readonly today: CalendarDate;
  /** How long loading, checking and modelling took. */
  readonly loadSeconds: number;
  /** The article a file would publish were it edited in what its own page shows (ArchiveLoad): under `npm start`, such an edit is shown at once. */
  readonly editedArticle: ArchiveLoad["editedArticle"];
}

interface LoadSiteOptions {
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
  /** Told what the search index is made of as soon as it is known, once the articles are placed, before their bodies are linked and the pages planned: a build starts making it then. */
  readonly searchPlanned?: (search: SitePlan["search"]) => void;
}

/** Loads and checks the archive a request names, and plans its site: every view, feed and file (plan-site.ts). */
export async function loadSite(request: BuildRequest, options: LoadSiteOptions): Promise<Site> {
  const started = performance.now();
  const { settings } = request;
  const { workers } = options;
  // The search index names the stemmers' scripts as soon as the articles are placed.
  bundleStemmerAhead(settings.language);
  let search: SitePlan["search"] | undefined;
  const { archive: loaded, editedArticle } = await loadArchiveToEdit({
    contentDir: request.contentDir,
    settings,
    includeDrafts: request.includeDrafts,
    knownFiles: request.settingsFileInContent === undefined ? [] : [request.settingsFileInContent],
    excludedDirs: [
      await realpath(request.outputDir).catch(() => request.outputDir),
      ...(request.staticDirInContent === undefined ? [] : [request.staticDirInContent]),
    ],
    ...(request.staticFiles === undefined ? {} : { staticFiles: request.staticFiles }),
    ...(request.settingsFile === undefined ? {} : { settingsFile: request.settingsFile }),
    renderMarkdown: createMarkdownRenderer(markdownOptionsOf(request)),
    ...(workers === undefined
      ? {}
      : {
          readArticles: (batch: readonly ArticleBytes[]) =>
            workers.read(batch, { contentDir: request.contentDir, timeZone: settings.timeZone, language: settings.language }, markdownOptionsOf(request)),
        }),
    cache: options.articleCache,
    ...(options.recentReads === undefined ? {} : { recentReads: options.recentReads }),
    articlesPlaced: async (placed) => {
      const stemmers = await searchStemmerFiles(stemmerLanguagesOf(placed.articles));
      search = searchPlanOf(placed, request, new Map(stemmers.map(({ language, path }) => [language, path])));
      options.searchPlanned?.(search);
    },
  });
  if (search === undefined) throw new Error("the archive was loaded without its articles placed, so its search index is unplanned");
  const { failed } = await options.articleCache.save();
  const checked = withBuildWarnings(loaded, request, failed);
  // Old addresses exist on a host; a portable copy opened from disk has none to serve.
  const archive = request.portable
    ? {
        ...checked,
        articles: checked.articles.map((article) => ({ ...article, redirects: [] })),
        pages: checked.pages.map((page) => ({ ...page, redirects: [] })),
        redirects: [],
      }
    : checked;
  const today = buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), settings.timeZone);
  const theme = await prepareTheme({
    ...(settings.accentColor === undefined ? {} : { accentColor: settings.accentColor }),
    ...(settings.accentColorDark === undefined ? {} : { accentColorDark: settings.accentColorDark }),
    ...(request.logoFile === undefined ? {} : { logoFile: request.logoFile }),
    // A portable site is opened from disk, where service workers do not run.
    serviceWorker: settings.offline.serviceWorker && !request.portable && !options.serving,
    queryRedirects: hasQueryRedirects(archive),
    stemmerLanguages: stemmerLanguagesOf(archive.articles),
    portable: request.portable,
  });
  const planned = planSite({ archive, request, theme, today, search, ...(options.previous === undefined ? {} : { previous: options.previous }) });
  return {
    archive: withClashes(archive, planned.diagnostics, planned.bundleAssetsLeftOut),
    today,
    plan: planned.plan,
    loadSeconds: (performance.now() - started) / 1000,
    editedArticle,
  };
}

/** The stemming languages of articles' index records, but none ("") for words kept as written. */
function stemmerLanguagesOf(articles: readonly Pick<Article, "searchRecord">[]): string[] {
  return [...new Set(articles.map((article) => article.searchRecord.language))].filter((language) => language !== "").sort();
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

/** How an article of a request's archive is read in this thread, outside a load and without the build cache: under `npm start`, an article edited in what its own page shows. */
export function articleReadOptions(request: BuildRequest): ReadOptions {
  const { contentDir, settings } = request;
  return { contentDir, timeZone: settings.timeZone, language: settings.language, renderMarkdown: createMarkdownRenderer(markdownOptionsOf(request)) };
}

function markdownOptionsOf(request: BuildRequest): MarkdownOptions {
  return {
    sanitize: request.settings.sanitize,
    highlightCode: request.settings.highlightCode,
    ...(request.shortcodes === undefined ? {} : { shortcodes: request.shortcodes }),
  };
}

/**
 * What a cached article outcome was made by: the code that reads and renders
 * articles and the vocabulary it uses, the installed library versions, and the
 * renderer's options. Any change to these makes every cached outcome unusable.
 */
function articleReaderIdentity(rendererOptions: MarkdownOptions): string {
  const code = runningCodeIdentity({
    projectRoot: PROJECT_ROOT,
    codeRoot: CODE_ROOT,
    folders: ["text", "core", "content"],
    moduleExtension: RUNS_COMPILED ? ".js" : ".ts",
  });
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
  return outputIdentity(runningOutputCode, [LAYOUTS_DIR, ...(request.ownLayoutsDir === undefined ? [] : [request.ownLayoutsDir])], {
    settings: request.settings,
    portable: request.portable,
  });
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
      ? [
          warning(
            "sidebar-category",
            "",
            `${settingsFile}: sidebar[${index}] names the category "${box.category}", which no published article has; the box stays empty`,
          ),
        ]
      : [],
  );
  request.settings.listsExclude.forEach((name, index) => {
    if (!isKnown(name)) {
      problems.push(
        warning(
          "lists-exclude-category",
          "",
          `${settingsFile}: listsExclude[${index}] names the category "${name}", which no published article has; nothing is left out for it. Check its spelling`,
        ),
      );
    }
  });
  if (request.settings.siteUrl === undefined) {
    problems.push(
      warning(
        "no-site-url",
        "",
        'no site URL is set, so canonical links, feeds and the sitemap use relative URLs; set "siteUrl" in the settings or pass --site-url https://example.org/',
      ),
    );
  }
  if (cacheFailure !== undefined) problems.push(cacheUnwritable(request, cacheFailure));
  return problems.length === 0 ? archive : { ...archive, diagnostics: [...problems, ...archive.diagnostics] };
}
