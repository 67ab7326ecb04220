import { realpath } from "node:fs/promises";
import { warning } from "../content/diagnostics.ts";
import { loadArchive, type LoadedArchive } from "../content/load-archive.ts";
import { slugify } from "../content/slugs.ts";
import { buildDay, buildSiteViews, bundleAssetCopies, type SiteViews } from "../model/views.ts";
import { createMarkdownRenderer } from "../render/markdown.ts";
import type { SearchIndexReport } from "../search/search-index.ts";
import type { BuildRequest } from "./request.ts";

/** Everything one build publishes, computed once from the loaded archive. */
export interface SiteData {
  readonly archive: LoadedArchive;
  readonly views: SiteViews;
  readonly bundleAssets: readonly { readonly from: string; readonly to: string }[];
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
  #searchIndex: SearchIndexReport | undefined;

  constructor(request: BuildRequest) {
    this.request = request;
  }

  data(): Promise<SiteData> {
    this.#current ??= this.#load();
    return this.#current;
  }

  invalidate(): void {
    this.#current = undefined;
  }

  /** What the last build's search indexing did, for the summary. */
  get searchIndex(): SearchIndexReport | undefined {
    return this.#searchIndex;
  }

  recordSearchIndex(report: SearchIndexReport): void {
    this.#searchIndex = report;
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
      renderMarkdown: createMarkdownRenderer(),
    });
    const archive = withSidebarWarnings(loaded, request);
    const today = buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), request.settings.timeZone);
    const data: SiteData = {
      archive,
      views: buildSiteViews(archive.articles, archive.categories, request.settings, today),
      bundleAssets: bundleAssetCopies(archive.articles),
      loadSeconds: (performance.now() - started) / 1000,
    };
    this.#loads += 1;
    if (this.#loads > 1) this.#reloadListener?.(data);
    return data;
  }
}

/** A sidebar box naming a category that no published article has would stay empty: say so. */
function withSidebarWarnings(archive: LoadedArchive, request: BuildRequest): LoadedArchive {
  const known = new Set(archive.categories.flatMap((category) => [category.slug, category.name.toLowerCase()]));
  const problems = request.settings.sidebar.flatMap((box, index) =>
    box.type !== "featured" && !known.has(box.category.toLowerCase()) && !known.has(slugify(box.category))
      ? [warning("sidebar-category", "", `${request.settingsFile ?? "settings"}: sidebar[${index}] names the category "${box.category}", which no published article has; the box stays empty`)]
      : [],
  );
  return problems.length === 0 ? archive : { ...archive, diagnostics: [...problems, ...archive.diagnostics] };
}
