import { lastModifiedMs } from "../core/article.ts";
import type { CalendarDate } from "../core/dates.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import { hrefFromRootOfFile, outputFileFor, urlContextOf } from "../core/urls.ts";
import type { LoadedArchive, PlacedArchive } from "../content/load-archive.ts";
import { buildArchiveModel } from "../model/archive-model.ts";
import { formatLongDate, monthNames } from "../model/format.ts";
import { latestArticles } from "../model/latest.ts";
import { sameView } from "../model/page-changes.ts";
import { buildSiteViews } from "../model/pages.ts";
import { withNewBodies } from "../model/view-updates.ts";
import { bundleAssetCopies } from "../model/views/article-pages.ts";
import type { ArticleToIndex } from "../search/index-build.ts";
import { buildFeeds } from "../publish/feeds.ts";
import { buildNotFoundTitles } from "../publish/not-found-titles.ts";
import { buildRedirectFiles } from "../publish/redirects.ts";
import type { SitePlan } from "../publish/site-plan.ts";
import { buildSitemap } from "../publish/sitemap.ts";
import { checkSiteWrites } from "../publish/written-paths.ts";
import type { ThemeBundle } from "../render/theme.ts";
import type { BuildRequest } from "./request.ts";

/** What planning a site needs: the loaded archive, its request, its theme and day, and under `npm start` the last load. */
interface PlanInput {
  readonly archive: LoadedArchive;
  readonly request: BuildRequest;
  readonly theme: ThemeBundle;
  /** The build's day, which the grid and the upcoming boxes show. */
  readonly today: CalendarDate;
  /** What the search index is made of (searchPlanOf). */
  readonly search: SitePlan["search"];
  /**
   * Under `npm start`, the last load, of the same request: when only article
   * bodies changed since, the views are the previous ones with those articles'
   * pages made again (withNewBodies).
   */
  readonly previous?: { readonly archive: LoadedArchive; readonly today: CalendarDate; readonly plan: SitePlan };
}

/**
 * The plan of a loaded archive's site: the archive model, every page's view,
 * the feeds, sitemap and redirects, the files beside the pages, and what the
 * search index is made of. Every path the plan writes is checked against
 * every other; what clashes is left out of the plan, with an error in
 * `diagnostics`. Nothing is written.
 */
export function planSite({ archive, request, theme, today, search, previous }: PlanInput): {
  readonly plan: SitePlan;
  readonly diagnostics: readonly Diagnostic[];
  readonly bundleAssetsLeftOut: number;
} {
  const { settings } = request;
  const model = buildArchiveModel(archive.articles, archive.categories, settings.categories);
  const sameFrame =
    previous !== undefined &&
    sameView(previous.today, today) &&
    sameView(previous.plan.theme.paths, theme.paths) &&
    sameView(previous.archive.pages, archive.pages) &&
    sameView(previous.archive.redirects, archive.redirects);
  const views =
    (sameFrame ? withNewBodies({ articles: previous.archive.articles, views: previous.plan.views }, archive.articles) : undefined) ??
    buildSiteViews(archive.articles, model, settings, today, theme.paths, { pages: archive.pages, redirects: archive.redirects });
  const urls = urlContextOf(settings);
  const lastModified = new Map(archive.articles.map((article) => [outputFileFor(article.route), new Date(lastModifiedMs(article)).toISOString().slice(0, 10)]));
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
    plan: {
      theme,
      views: writes.views,
      publishedFiles,
      bundleAssets: writes.bundleAssets,
      staticFiles: writes.staticFiles,
      search,
    },
    diagnostics: writes.diagnostics,
    bundleAssetsLeftOut: bundleAssets.length - writes.bundleAssets.length,
  };
}

/**
 * What the search index of an archive is made of, from its articles as
 * placed and the paths of its stemmers' scripts (searchStemmerFiles): known
 * before the articles' bodies are linked and the pages planned, so that it
 * can be made meanwhile.
 */
export function searchPlanOf(archive: PlacedArchive, request: BuildRequest, stemmerScripts: ReadonlyMap<string, string>): SitePlan["search"] {
  return {
    articles: searchableArticles(archive, request),
    categories: archive.categories.map((category) => category.name),
    monthNames: monthNames(request.settings.locale),
    stemmerScripts,
  };
}

/**
 * The articles the search index holds (never drafts), oldest first, with
 * their index records and what a result shows: the link to the page from the
 * site's root (its file, on a portable site opened from disk).
 */
function searchableArticles(archive: PlacedArchive, request: BuildRequest): ArticleToIndex[] {
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
